//! `giaoban export KIND`: records to standard output as JSON or CSV, one record per row,
//! with stable field names.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use serde_json::{json, Map, Value};

use crate::domain::CompactString;
use crate::journal::record::Change;
use crate::journal::state::{Decisions, ItemDecision};
use crate::journal::Lang;
use crate::office::table::{write_csv, CsvOptions, Table};
use crate::office::xlsx::table_workbook;
use crate::query::{Compiled, Ctx, Rec};
use crate::snapshot::Snapshot;
use crate::store::Loaded;
use crate::text::one_line;

pub const KINDS: [&str; 12] = [
    "models",
    "assessments",
    "tasks",
    "blockers",
    "units",
    "localities",
    "today",
    "indicators",
    "benefits",
    "reports",
    "findings",
    "groups",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
    Xlsx,
}

/// Rows of one kind, filtered by the query, as JSON objects with stable fields.
pub fn rows(
    loaded: &Loaded,
    kind: &str,
    filter: Option<&str>,
    as_of: NaiveDate,
) -> Result<Vec<Value>, String> {
    rows_with(loaded, kind, filter, as_of, None, Lang::Vi)
}

/// As `rows`, with the decisions in force as columns of tasks and blockers (and the filter
/// seeing them), their values in the language.
pub fn rows_with(
    loaded: &Loaded,
    kind: &str,
    filter: Option<&str>,
    as_of: NaiveDate,
    decisions: Option<&Decisions>,
    lang: Lang,
) -> Result<Vec<Value>, String> {
    rows_told(loaded, kind, filter, as_of, decisions, lang, &|_, _| {})
}

/// As `rows_with`, telling `tick` how many rows of how many are made.
fn rows_told(
    loaded: &Loaded,
    kind: &str,
    filter: Option<&str>,
    as_of: NaiveDate,
    decisions: Option<&Decisions>,
    lang: Lang,
    tick: &dyn Fn(usize, usize),
) -> Result<Vec<Value>, String> {
    let s = &loaded.snapshot;
    let ctx = Ctx {
        snap: s,
        findings: &loaded.findings,
        as_of,
        overlay: decisions.map(|d| d as &dyn crate::query::eval::Overlay),
    };
    let recs: Vec<Rec> = match kind {
        "models" => (0..s.models.len()).map(Rec::Model).collect(),
        "assessments" => (0..s.assessments.len()).map(Rec::Assessment).collect(),
        "tasks" => (0..s.tasks.len()).map(Rec::Task).collect(),
        "blockers" => (0..s.blockers.len()).map(Rec::Blocker).collect(),
        "units" => (0..s.units.len()).map(Rec::Unit).collect(),
        "localities" => (0..s.localities.len()).map(Rec::Locality).collect(),
        "today" => (0..s.today.len()).map(Rec::Today).collect(),
        "indicators" => (0..s.indicators.len()).map(Rec::Indicator).collect(),
        "reports" => (0..s.reports.len()).map(Rec::Report).collect(),
        "findings" => (0..loaded.findings.len()).map(Rec::Finding).collect(),
        // The status groups of the tasks (filtered first when a filter is given).
        "groups" => (0..s.tasks.len()).map(Rec::Task).collect(),
        "benefits" => {
            return Ok(s
                .benefits
                .iter()
                .map(|b| {
                    json!({"id": b.id, "report": b.report, "group": b.group, "content": one_line(&b.content),
                           "citizens": one_line(&b.citizens), "businesses": one_line(&b.businesses),
                           "government": one_line(&b.government), "source": b.source.describe()})
                })
                .collect())
        }
        other => {
            let guess = crate::text::did_you_mean(other, KINDS);
            let kinds = KINDS.join(", ");
            return Err(if lang == Lang::Vi {
                let hint = guess.map(|k| format!(" (có phải '{k}'?)")).unwrap_or_default();
                format!("không có loại '{other}'{hint}; dùng một trong: {kinds}")
            } else {
                let hint = guess
                    .map(|k| format!(" (did you mean '{k}'?)"))
                    .unwrap_or_default();
                format!("unknown kind '{other}'{hint}; expected one of: {kinds}")
            });
        }
    };
    let recs = match filter.filter(|f| !f.trim().is_empty()) {
        Some(q) => {
            let compiled = Compiled::parse(q, s).map_err(|e| e.render_in(q, lang == Lang::Vi))?;
            compiled.filter(&ctx, &recs)
        }
        None => recs,
    };
    if kind == "groups" {
        let tasks: Vec<usize> = recs
            .iter()
            .filter_map(|r| if let Rec::Task(i) = r { Some(*i) } else { None })
            .collect();
        return Ok(super::groups::rows(&ctx, &tasks));
    }
    let total = recs.len();
    Ok(recs
        .into_iter()
        .enumerate()
        .map(|(n, r)| {
            if n % 1024 == 0 {
                tick(n, total);
            }
            let mut v = row(&ctx, r);
            if let (Some(d), Value::Object(m)) = (decisions, &mut v) {
                if matches!(r, Rec::Task(_) | Rec::Blocker(_)) {
                    decision_fields(s, d.for_rec(r), lang, m);
                }
            }
            v
        })
        .collect())
}

/// The decisions in force on an item, as fields (empty when nothing was decided).
fn decision_fields(s: &Snapshot, d: Option<&ItemDecision>, lang: Lang, m: &mut Map<String, Value>) {
    let text = |c: Option<Change>| c.map(|c| one_line(&c.value_text(Some(s), lang)));
    m.insert(
        "decision_state".into(),
        json!(text(d.and_then(|d| d.state.map(Change::State)))),
    );
    m.insert(
        "decision_unit".into(),
        json!(text(d.and_then(|d| d.unit.clone().map(Change::Unit)))),
    );
    m.insert(
        "decision_due".into(),
        json!(d.and_then(|d| d.due).map(|x| x.to_string())),
    );
    m.insert(
        "decision_conclusion".into(),
        json!(d.and_then(|d| d.conclusion.as_deref()).map(one_line)),
    );
    m.insert(
        "decision_note".into(),
        json!(d.and_then(|d| d.notes.last()).map(|n| one_line(n))),
    );
    m.insert(
        "decided_on".into(),
        json!(d
            .and_then(|d| d.last_at())
            .map(|t| t.date_naive().to_string())),
    );
}

/// Full names of units, in order (the id itself when the snapshot does not know it).
fn unit_names(s: &Snapshot, ids: &[CompactString]) -> Vec<String> {
    ids.iter()
        .map(|u| {
            s.unit(u)
                .map(|x| x.name.to_string())
                .unwrap_or_else(|| u.to_string())
        })
        .collect()
}

fn locality_name(s: &Snapshot, id: Option<&CompactString>) -> Option<String> {
    id.map(|l| s.locality_name(l))
}

fn report_name(s: &Snapshot, id: &str) -> Option<String> {
    s.report(id).map(|r| r.short.to_string())
}

fn row(ctx: &Ctx, rec: Rec) -> Value {
    let s = ctx.snap;
    match rec {
        Rec::Task(i) => {
            let t = &s.tasks[i];
            let d = s.task_deadline(i);
            let due = d.due();
            let late = ctx.task_days_overdue(i);
            let locality = t
                .locality
                .clone()
                .or_else(|| s.report(&t.report).and_then(|r| r.locality.clone()));
            json!({
                "id": t.id, "report": t.report, "report_name": report_name(s, &t.report),
                "locality": locality, "locality_name": locality_name(s, locality.as_ref()),
                "section": t.section, "local_number": t.local_number, "title": one_line(&t.title),
                "lead_units": t.lead_units, "lead_names": unit_names(s, &t.lead_units), "lead_raw": one_line(&t.lead_raw),
                "coord_units": t.coord_units, "coord_names": unit_names(s, &t.coord_units), "coord_raw": one_line(&t.coord_raw),
                "force_units": t.force_units, "deadline_raw": one_line(&t.deadline_raw), "deadline_kind": serde_json::to_value(d).ok().and_then(|v| v.get("kind").cloned()),
                "due": due.map(|d| d.to_string()), "status": s.task_status(i).key(), "status_raw": one_line(&t.status_raw),
                "overdue": late.is_some(), "days_overdue": late, "group": crate::query::groups::task_group(ctx, i).key(), "model": t.model, "model_printed": t.model_printed,
                "steps": t.steps.len(), "result": one_line(&t.result), "source": t.source.describe(),
            })
        }
        Rec::Model(i) => {
            let m = &s.models[i];
            let nat = s.national_assessment(m.number);
            json!({
                "number": m.number, "group": m.group, "title": m.title,
                "localities": nat.map(|a| a.localities.clone()).unwrap_or_default(),
                "localities_listed": nat.map(|a| a.localities.len()).unwrap_or(0),
                "printed_count": nat.and_then(|a| a.printed_count.clone()),
                "deployed_provinces": s.model_localities(m.number),
                "sources": s.assessments.iter().filter(|a| a.model == Some(m.number)).map(|a| a.report.clone()).collect::<Vec<_>>(),
                "source": m.source.describe(),
            })
        }
        Rec::Assessment(i) => {
            let a = &s.assessments[i];
            json!({
                "id": a.id, "report": a.report, "model": a.model, "local_number": a.local_number, "title": one_line(&a.title_raw),
                "locality": a.locality, "locality_name": locality_name(s, a.locality.as_ref()), "localities": a.localities, "printed_count": a.printed_count,
                "result": one_line(&a.result), "difficulties": one_line(&a.difficulties), "effectiveness": one_line(&a.effectiveness),
                "cost": one_line(&a.cost), "replication": one_line(&a.replication), "status_raw": one_line(&a.status_raw), "source": a.source.describe(),
            })
        }
        Rec::Blocker(i) => {
            let b = &s.blockers[i];
            json!({
                "id": b.id, "report": b.report, "report_name": report_name(s, &b.report), "kind": b.kind, "text": one_line(&b.text), "model": b.model, "task": b.task,
                "locality": b.locality, "locality_name": locality_name(s, b.locality.as_ref()),
                "causes": b.causes, "cause_raw": one_line(&b.cause_raw), "responsible": b.responsible, "responsible_names": unit_names(s, &b.responsible),
                "responsible_raw": one_line(&b.responsible_raw),
                "solution": one_line(&b.solution), "addressees": b.addressees, "source": b.source.describe(),
            })
        }
        Rec::Unit(i) => {
            let u = &s.units[i];
            let led = s
                .tasks
                .iter()
                .filter(|t| t.lead_units.contains(&u.id))
                .count();
            let overdue = (0..s.tasks.len())
                .filter(|&t| {
                    s.tasks[t].lead_units.contains(&u.id) && ctx.task_days_overdue(t).is_some()
                })
                .count();
            let blockers = s
                .blockers
                .iter()
                .filter(|b| b.responsible.contains(&u.id))
                .count();
            json!({"id": u.id, "name": u.name, "aliases": u.aliases, "level": u.level, "locality": u.locality, "locality_name": locality_name(s, u.locality.as_ref()),
                   "tasks_led": led, "tasks_overdue": overdue, "blockers": blockers})
        }
        Rec::Locality(i) => {
            let l = &s.localities[i];
            json!({"id": l.id, "name": l.name, "level": l.level, "aliases": l.aliases, "parent": l.parent,
                   "today": s.today_of(&l.id), "today_name": s.today_of(&l.id).and_then(|t| s.today_province(t)).map(|t| t.name.clone())})
        }
        Rec::Today(i) => {
            let t = &s.today[i];
            json!({"id": t.id, "name": t.name, "city": t.city, "absorbed": s.absorbed_by(&t.id).iter().map(|l| l.id.clone()).collect::<Vec<_>>()})
        }
        Rec::Indicator(i) => {
            let x = &s.indicators[i];
            let computed = match (x.numerator, x.denominator) {
                (Some(n), Some(d)) if d != 0.0 => Some((n / d * 10000.0).round() / 100.0),
                _ => None,
            };
            json!({"id": x.id, "report": x.report, "name": x.name, "value": x.value, "numerator": x.numerator, "denominator": x.denominator,
                   "unit": x.unit, "percent_printed": x.percent_raw, "percent_computed": computed, "as_of": x.as_of, "group": x.group,
                   "locality": x.locality, "locality_name": locality_name(s, x.locality.as_ref()), "raw": one_line(&x.raw), "source": x.source.describe()})
        }
        Rec::Report(i) => {
            let r = &s.reports[i];
            json!({"id": r.id, "file": r.file, "short": r.short, "title": r.title, "issuer": r.issuer, "locality": r.locality,
                   "number": r.number, "date": r.date, "period": r.period,
                   "headline": r.headline.iter().map(|h| json!({"id": h.id, "label": h.label, "raw": h.raw, "value": h.value})).collect::<Vec<_>>()})
        }
        Rec::Finding(i) => {
            let f = &ctx.findings[i];
            json!({"id": f.id, "report": f.report, "kind": f.kind, "subject": f.subject, "message": f.message,
                   "printed": f.printed, "computed": f.computed, "source": f.source.as_ref().map(|s| s.describe())})
        }
    }
}

/// Writes the rows in the format. CSV and xlsx get headers in the language.
pub fn write(
    rows: &[Value],
    format: Format,
    opts: &Options,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, rows)?;
            writeln!(out)
        }
        Format::Csv => {
            let t = Table::from_rows(rows, opts.lang);
            write_csv(
                &t,
                CsvOptions {
                    delimiter: opts.delimiter,
                    bom: true,
                },
                out,
            )
        }
        Format::Xlsx => {
            let t = Table::from_rows(rows, opts.lang);
            let bytes = table_workbook(&t, &opts.sheet).map_err(std::io::Error::other)?;
            out.write_all(&bytes)?;
            out.flush()
        }
    }
}

/// What `giaoban export` was asked for.
#[derive(Debug, Clone)]
pub struct Options {
    pub lang: Lang,
    pub delimiter: u8,
    /// The sheet's name in a workbook.
    pub sheet: String,
}

/// `giaoban export`: returns the exit code. A reader that stops early (`| head`) ends the
/// command quietly, with success.
#[allow(clippy::too_many_arguments)]
pub fn run(
    kind: &str,
    format: &str,
    filter: Option<&str>,
    data: Option<&Path>,
    journal: Option<Option<&Path>>,
    delimiter: &str,
    out_file: Option<&Path>,
    as_of: Option<NaiveDate>,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let vi = lang == Lang::Vi;
    let say = |v: String, e: String| if vi { v } else { e };
    let result = (|| -> Result<(), String> {
        let fmt = match format {
            "json" => Format::Json,
            "csv" => Format::Csv,
            "xlsx" => Format::Xlsx,
            other => {
                return Err(say(
                    format!("không có định dạng '{other}': dùng json, csv hoặc xlsx"),
                    format!("unknown format '{other}': expected json, csv or xlsx"),
                ))
            }
        };
        let delimiter = match delimiter {
            "," => b',',
            ";" => b';',
            "tab" | "\t" | "\\t" => b'\t',
            other => {
                return Err(say(
                    format!("bảng tính không đọc được dấu phân cách '{other}': dùng ',', ';' hoặc 'tab'"),
                    format!("the delimiter '{other}' is not one a spreadsheet reads: expected ',', ';' or 'tab'"),
                ))
            }
        };
        let loaded = super::load(data)?;
        let as_of = super::as_of(&loaded, as_of);
        let journal = match journal {
            None => None,
            Some(p) => {
                let path = crate::journal::resolve_path(p, &loaded.origin)?;
                let (j, warnings) =
                    crate::journal::Journal::open_read_only(&path, &loaded.snapshot)
                        .map_err(|e| e.to_string())?;
                for w in &warnings {
                    let _ = writeln!(
                        err,
                        "giaoban export: {}: {w}",
                        say("cảnh báo".into(), "warning".into())
                    );
                }
                Some(j)
            }
        };
        // On a terminal, a bar (on standard error) while the rows are made, then written.
        let bar = super::progress::Bar::new(0, "rows");
        let rows = rows_told(
            &loaded,
            kind,
            filter,
            as_of,
            journal.as_ref().map(|j| j.decisions()),
            lang,
            &|n, total| bar.tick(n, total),
        )?;
        bar.finish();
        for note in super::equiv::notes(&loaded, kind, filter, as_of, lang, rows.len()) {
            let _ = writeln!(err, "giaoban export: {note}");
        }
        let opts = Options {
            lang,
            delimiter,
            sheet: sheet_name(kind, lang),
        };
        bar.stage("write", 0);
        match out_file {
            Some(p) => {
                let mut buf = Vec::new();
                write(&rows, fmt, &opts, &mut buf).map_err(|e| e.to_string())?;
                bar.finish();
                let written = crate::office::files::write_new(p, &buf)
                    .map_err(|e| format!("{}: {e}", p.display()))?;
                let (n, to) = (rows.len(), written.display());
                let _ = writeln!(
                    err,
                    "giaoban export: {}",
                    say(
                        format!("đã ghi {n} dòng vào {to}"),
                        format!("{n} rows written to {to}")
                    )
                );
                Ok(())
            }
            None if fmt == Format::Xlsx && std::io::IsTerminal::is_terminal(&std::io::stdout()) => Err(say(
                "tệp Excel không in ra màn hình được: thêm --out TỆP.xlsx (hoặc chuyển đầu ra vào một tệp)".into(),
                "a workbook is not for the terminal: give --out FILE.xlsx (or redirect the output to a file)".into(),
            )),
            None => {
                // Made whole first, so that a reader that stops early is a plain write error.
                let mut buf = Vec::new();
                write(&rows, fmt, &opts, &mut buf).map_err(|e| e.to_string())?;
                bar.finish();
                match out.write_all(&buf).and_then(|()| out.flush()) {
                    Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                    other => other.map_err(|e| e.to_string()),
                }
            }
        }
    })();
    match result {
        Ok(()) => 0,
        Err(e) => {
            let _ = writeln!(err, "giaoban export: {e}");
            1
        }
    }
}

/// The sheet of a kind: "Nhiệm vụ", "Tasks".
fn sheet_name(kind: &str, lang: Lang) -> String {
    let vi = match kind {
        "models" => "Mô hình",
        "assessments" => "Đánh giá mô hình",
        "tasks" => "Nhiệm vụ",
        "blockers" => "Vướng mắc",
        "units" => "Đơn vị",
        "localities" => "Địa phương",
        "today" => "Tỉnh hiện nay",
        "indicators" => "Chỉ tiêu",
        "benefits" => "Lợi ích",
        "reports" => "Báo cáo",
        "findings" => "Phát hiện",
        "groups" => "Nhóm trạng thái",
        other => other,
    };
    if lang == Lang::Vi {
        vi.to_string()
    } else {
        let mut k = kind.to_string();
        if let Some(c) = k.get_mut(0..1) {
            c.make_ascii_uppercase();
        }
        k
    }
}
