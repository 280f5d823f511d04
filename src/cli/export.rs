//! `giaoban export KIND`: records to standard output as JSON or CSV, one record per row,
//! with stable field names.

use std::io::Write;

use chrono::NaiveDate;
use serde_json::{json, Map, Value};

use crate::query::{Compiled, Ctx, Rec};
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
}

/// Rows of one kind, filtered by the query, as JSON objects with stable fields.
pub fn rows(
    loaded: &Loaded,
    kind: &str,
    filter: Option<&str>,
    as_of: NaiveDate,
) -> Result<Vec<Value>, String> {
    let s = &loaded.snapshot;
    let ctx = Ctx {
        snap: s,
        findings: &loaded.findings,
        as_of,
        overlay: None,
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
                .map(|b| serde_json::to_value(b).unwrap_or(Value::Null))
                .collect())
        }
        other => {
            let hint = crate::text::did_you_mean(other, KINDS)
                .map(|k| format!(" (did you mean '{k}'?)"))
                .unwrap_or_default();
            return Err(format!(
                "unknown kind '{other}'{hint}; expected one of: {}",
                KINDS.join(", ")
            ));
        }
    };
    let recs = match filter.filter(|f| !f.trim().is_empty()) {
        Some(q) => {
            let compiled = Compiled::parse(q, s).map_err(|e| e.render(q))?;
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
    Ok(recs.into_iter().map(|r| row(&ctx, r)).collect())
}

fn row(ctx: &Ctx, rec: Rec) -> Value {
    let s = ctx.snap;
    match rec {
        Rec::Task(i) => {
            let t = &s.tasks[i];
            let d = s.task_deadline(i);
            let due = d.due();
            let late = ctx.task_days_overdue(i);
            json!({
                "id": t.id, "report": t.report, "locality": t.locality.clone().or_else(|| s.report(&t.report).and_then(|r| r.locality.clone())),
                "section": t.section, "local_number": t.local_number, "title": one_line(&t.title),
                "lead_units": t.lead_units, "lead_raw": one_line(&t.lead_raw), "coord_units": t.coord_units, "coord_raw": one_line(&t.coord_raw),
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
                "locality": a.locality, "localities": a.localities, "printed_count": a.printed_count,
                "result": one_line(&a.result), "difficulties": one_line(&a.difficulties), "effectiveness": one_line(&a.effectiveness),
                "cost": one_line(&a.cost), "replication": one_line(&a.replication), "status_raw": one_line(&a.status_raw), "source": a.source.describe(),
            })
        }
        Rec::Blocker(i) => {
            let b = &s.blockers[i];
            json!({
                "id": b.id, "report": b.report, "kind": b.kind, "text": one_line(&b.text), "model": b.model, "task": b.task, "locality": b.locality,
                "causes": b.causes, "cause_raw": one_line(&b.cause_raw), "responsible": b.responsible, "responsible_raw": one_line(&b.responsible_raw),
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
            json!({"id": u.id, "name": u.name, "aliases": u.aliases, "level": u.level, "locality": u.locality,
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
                   "locality": x.locality, "raw": one_line(&x.raw), "source": x.source.describe()})
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

pub fn write(rows: &[Value], format: Format, out: &mut dyn Write) -> std::io::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, rows)?;
            writeln!(out)
        }
        Format::Csv => {
            let mut headers: Vec<String> = Vec::new();
            for r in rows {
                if let Value::Object(m) = r {
                    for k in m.keys() {
                        if !headers.contains(k) {
                            headers.push(k.clone());
                        }
                    }
                }
            }
            if rows.is_empty() {
                // No record, no header to take the field names from: an empty file.
                return Ok(());
            }
            let mut w = csv::Writer::from_writer(out);
            w.write_record(&headers)?;
            let empty = Map::new();
            for r in rows {
                let m = r.as_object().unwrap_or(&empty);
                let cells: Vec<String> = headers
                    .iter()
                    .map(|h| cell(m.get(h).unwrap_or(&Value::Null)))
                    .collect();
                w.write_record(&cells)?;
            }
            w.flush()
        }
    }
}

fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(a) => a.iter().map(cell).collect::<Vec<_>>().join("; "),
        other => other.to_string(),
    }
}
