//! The detail of one record: the whole text, wrapped, with every field and its source.

use crate::tui::figures::Figures;
use ratatui::text::{Line, Span};

use crate::domain::SourceRef;
use crate::query::{Ctx, Rec};
use crate::text::strip_html;

use super::super::i18n::{t, Lang};
use super::super::rows;
use super::super::theme::Theme;

pub struct DetailBuilder<'a> {
    theme: &'a Theme,
    lang: Lang,
    lines: Vec<Line<'static>>,
    /// How many lines can be seen (the pane's height and how far it is scrolled): a line
    /// wraps to one row or more, so the lines after these are never on screen.
    room: usize,
}

impl DetailBuilder<'_> {
    /// Whether the lines made so far fill every row that can be seen.
    fn full(&self) -> bool {
        self.lines.len() >= self.room
    }

    fn heading(&mut self, text: String) {
        self.lines
            .push(Line::from(Span::styled(text, self.theme.title())));
    }

    /// A labelled field; multi-line text keeps its paragraphs. Empty values are left out.
    fn field(&mut self, key: &str, value: &str) {
        let value = strip_html(value);
        if value.trim().is_empty() {
            return;
        }
        let label = t(self.lang, key);
        let mut paragraphs = value.lines();
        let first = paragraphs.next().unwrap_or("");
        self.lines.push(Line::from(vec![
            Span::styled(format!("{label}: "), self.theme.muted()),
            Span::styled(first.to_string(), self.theme.text()),
        ]));
        for p in paragraphs {
            self.lines.push(Line::from(Span::styled(
                format!("  {p}"),
                self.theme.text(),
            )));
        }
    }

    fn styled(&mut self, key: &str, value: String, style: ratatui::style::Style) {
        let label = t(self.lang, key);
        self.lines.push(Line::from(vec![
            Span::styled(format!("{label}: "), self.theme.muted()),
            Span::styled(value, style),
        ]));
    }

    fn text(&mut self, value: &str) {
        for p in strip_html(value).lines() {
            self.lines
                .push(Line::from(Span::styled(p.to_string(), self.theme.text())));
        }
    }

    fn blank(&mut self) {
        self.lines.push(Line::from(""));
    }

    fn source(&mut self, ctx: &Ctx, report: &str, src: &SourceRef) {
        let r = ctx.snap.report(report);
        let mut s = r
            .map(|r| r.short.to_string())
            .unwrap_or_else(|| report.to_string());
        let d = src.describe_in(self.lang == Lang::Vi);
        if !d.is_empty() {
            s = format!("{s}, {d}");
        }
        if let Some(r) = r {
            s = format!("{s} ({})", r.file);
        }
        self.blank();
        self.styled("source", s, self.theme.muted());
    }
}

fn units(ctx: &Ctx, ids: &[&str]) -> String {
    ids.iter()
        .map(|u| ctx.snap.unit_name(u))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The units as resolved, then the cell as the report printed it when it says more.
fn with_raw(resolved: String, raw: &str) -> String {
    let raw = crate::text::one_line(raw);
    if raw.is_empty() || raw == resolved {
        resolved
    } else if resolved.is_empty() {
        raw
    } else {
        format!("{resolved} — \"{raw}\"")
    }
}

/// The lines of a record's detail. `decision` is the summary of what the meeting decided.
/// `room` is how many lines can be seen (the pane's height plus its scroll): a long list in the
/// detail stops there, and nothing after it is made.
pub fn detail_lines(
    ctx: &Ctx,
    fig: &Figures,
    lang: Lang,
    theme: &Theme,
    rec: Rec,
    decision: Option<Vec<String>>,
    room: usize,
) -> Vec<Line<'static>> {
    let s = ctx.snap;
    let mut b = DetailBuilder {
        theme,
        lang,
        lines: Vec::new(),
        room,
    };
    match rec {
        Rec::Task(i) => {
            let x = &s.tasks[i];
            let class = rows::task_class(ctx, i);
            b.heading(format!(
                "{} {} {}",
                t(lang, "kind.task"),
                x.local_number.as_deref().unwrap_or(""),
                x.id
            ));
            let raw_status = crate::text::one_line(&x.status_raw);
            let mut status = format!(
                "{} {}",
                class.symbol(),
                rows::status_label(lang, s.task_status(i))
            );
            // The report's own words beside the reading of them; a report with no status
            // column says so rather than show empty quotes.
            if raw_status.is_empty() {
                status.push_str(&format!(" ({})", t(lang, "field.no_status_column")));
            } else {
                status.push_str(&format!(" — \"{raw_status}\""));
            }
            let style = match class {
                rows::Class::Overdue => theme.overdue(),
                rows::Class::Blocked => theme.blocked(),
                rows::Class::Done => theme.done(),
                _ => theme.in_progress(),
            };
            // What the report says and what was decided come first, before the long text.
            b.styled("field.status", status, style);
            // The official status group at the as-of date, symbol and name (see the legend).
            let g = crate::query::groups::task_group(ctx, i);
            b.styled(
                "field.group",
                format!(
                    "{} {}",
                    g.symbol(),
                    g.label(lang == super::super::i18n::Lang::Vi)
                ),
                super::super::legend::group_style(theme, g),
            );
            if let Some(d) = decision {
                for line in d {
                    b.styled("field.decision", line, theme.decision());
                }
            }
            b.text(&x.title);
            b.blank();
            b.field("field.deadline", &x.deadline_raw);
            if let Some(due) = s.task_deadline(i).due() {
                b.field("field.due", &due.format("%d/%m/%Y").to_string());
            }
            if let Some(late) = ctx.task_days_overdue(i) {
                b.styled(
                    "field.late",
                    format!("{late} {}", t(lang, "days")),
                    theme.overdue(),
                );
            }
            b.field(
                "field.lead",
                &with_raw(units(ctx, &ctx.task_lead_units(i)), &x.lead_raw),
            );
            b.field("field.coord", &x.coord_raw);
            b.field("field.force", &x.force_raw);
            b.field("field.businesses", &x.businesses_raw);
            if let Some(m) = x.model.and_then(|m| s.model(m)) {
                let printed = x
                    .model_printed
                    .as_deref()
                    .filter(|p| *p != m.number.to_string())
                    .map(|p| format!(" (tài liệu ghi {p})"))
                    .unwrap_or_default();
                b.field(
                    "field.model",
                    &format!("{}. {}{printed}", m.number, m.title),
                );
            }
            if !x.steps.is_empty() {
                b.lines.push(Line::from(Span::styled(
                    format!("{}:", t(lang, "field.steps")),
                    theme.muted(),
                )));
                for st in &x.steps {
                    b.text(&format!("☐ {}", crate::text::one_line(st)));
                }
            }
            b.field("field.equipment", &x.equipment);
            b.field("field.result", &x.result);
            b.field("field.note", &x.note);
            b.source(ctx, &x.report, &x.source);
        }
        Rec::Blocker(i) => {
            let x = &s.blockers[i];
            b.heading(format!(
                "{} {}",
                rows::blocker_kind_label(lang, x.kind),
                x.id
            ));
            if let Some(d) = decision {
                for line in d {
                    b.styled("field.decision", line, theme.decision());
                }
            }
            b.text(&x.text);
            b.blank();
            b.styled(
                "field.causes",
                rows::causes_label(lang, &x.causes),
                theme.blocked(),
            );
            b.field("field.cause_raw", &x.cause_raw);
            b.field(
                "field.responsible",
                &with_raw(units(ctx, &ctx.blocker_units(i)), &x.responsible_raw),
            );
            let addr: Vec<&str> = x
                .addressees
                .iter()
                .map(compact_str::CompactString::as_str)
                .collect();
            b.field("field.addressees", &units(ctx, &addr));
            if let Some(m) = x.model.and_then(|m| s.model(m)) {
                b.field("field.model", &format!("{}. {}", m.number, m.title));
            }
            if let Some(l) = &x.locality {
                b.field("field.locality", &s.locality_name(l));
            }
            b.field("field.solution", &x.solution);
            b.source(ctx, &x.report, &x.source);
        }
        Rec::Model(i) => {
            let m = &s.models[i];
            b.heading(format!(
                "{} {} — {} {}",
                t(lang, "kind.model"),
                m.number,
                t(lang, "col.group"),
                m.group
            ));
            b.text(&m.title);
            b.blank();
            // Worked out once for the console (`figures`): nothing here goes over every
            // assessment or province while a frame is drawn.
            let none = crate::tui::figures::Model::default();
            let mf = fig.model_figures(i).unwrap_or(&none);
            let total = fig.province_count();
            let (n, printed_only) = mf.coverage;
            let mut bar = rows::coverage_bar(n, total, 20);
            if printed_only {
                bar.push_str(&format!(" ({})", t(lang, "field.coverage_printed")));
            }
            b.styled("col.coverage", bar, theme.bar());
            let national = mf.national.and_then(|a| s.assessments.get(a));
            if let Some(a) = national {
                b.field("field.printed", a.printed_count.as_deref().unwrap_or(""));
                b.field("field.listed", &format!("{}", a.localities.len()));
                b.field("field.result", &a.result);
                b.field("field.difficulties", &a.difficulties);
                b.field("field.effectiveness", &a.effectiveness);
                b.field("field.cost", &a.cost);
                b.field("field.replication", &a.replication);
            }
            let names: Vec<&str> = mf
                .places
                .iter()
                .map(|&p| s.localities[p].name.as_str())
                .collect();
            b.field("page.deployed", &names.join(", "));
            if national.is_some_and(|a| !a.localities.is_empty()) {
                let not: Vec<&str> = fig
                    .fixed
                    .provinces
                    .iter()
                    .filter(|p| !mf.places.contains(p))
                    .map(|&p| s.localities[p].name.as_str())
                    .collect();
                b.field(
                    "page.not_deployed",
                    &format!("({}) {}", not.len(), not.join(", ")),
                );
            } else {
                b.field("page.not_deployed", t(lang, "page.no_national_list"));
            }
            // A model of the whole country has an assessment in every report: only the lines
            // the pane can show are made.
            for a in mf
                .assessments
                .iter()
                .map(|&a| &s.assessments[a])
                .filter(|a| a.locality.is_some())
            {
                if b.full() {
                    break;
                }
                let who = rows::report_short(ctx, &a.report);
                b.field(
                    "page.assessments",
                    &format!(
                        "{who}: {} {}",
                        crate::text::one_line(&a.status_raw),
                        crate::text::one_line(&a.result)
                    ),
                );
            }
            b.source(ctx, "pl04", &m.source);
        }
        Rec::Assessment(i) => {
            let a = &s.assessments[i];
            b.heading(format!(
                "{} — {}",
                t(lang, "kind.assessment"),
                rows::report_short(ctx, &a.report)
            ));
            b.text(&a.title_raw);
            b.blank();
            if let Some(m) = a.model {
                b.field("field.model", &m.to_string());
            }
            b.field("field.printed", a.printed_count.as_deref().unwrap_or(""));
            if !a.localities.is_empty() {
                b.field("field.listed", &a.localities.len().to_string());
            }
            b.field("field.status", &a.status_raw);
            b.field("field.result", &a.result);
            b.field("field.localities", &a.localities_raw);
            b.field("field.difficulties", &a.difficulties);
            b.field("field.effectiveness", &a.effectiveness);
            b.field("field.cost", &a.cost);
            b.field("field.replication", &a.replication);
            b.source(ctx, &a.report, &a.source);
        }
        Rec::Unit(i) => {
            let u = &s.units[i];
            b.heading(u.name.to_string());
            b.field("col.level", rows::unit_level_label(lang, u.level));
            b.field("field.aliases", &spellings(&u.aliases));
            if let Some(l) = &u.locality {
                b.field("field.locality", &s.locality_name(l));
            }
            let (led, overdue, blockers) = fig.unit_counts(ctx, &u.id);
            b.field("page.tasks_led", &led.to_string());
            b.styled(
                "col.overdue",
                overdue.to_string(),
                if overdue > 0 {
                    theme.overdue()
                } else {
                    theme.text()
                },
            );
            b.field("page.blockers", &blockers.to_string());
            if let Some(sc) = ctx.overlay.and_then(|o| o.unit_score(&u.id)) {
                let vi = lang == super::super::i18n::Lang::Vi;
                let n = |x: f64| {
                    let s = format!("{x:.1}");
                    if vi {
                        s.replace('.', ",")
                    } else {
                        s
                    }
                };
                let c = &sc.counts;
                let before = match (sc.previous_score, sc.previous_rank) {
                    (Some(p), Some(r)) if vi => format!(" (kỳ trước {}, hạng {r})", n(p)),
                    (Some(p), Some(r)) => format!(" (previous {}, rank {r})", n(p)),
                    _ => String::new(),
                };
                let head = if vi {
                    format!("{} — hạng {}{before}", n(sc.score), sc.rank)
                } else {
                    format!("{} — rank {}{before}", n(sc.score), sc.rank)
                };
                b.field("field.score", &head);
                let detail = if vi {
                    format!(
                        "đã đến hạn {} · đúng hạn {} · xong quá hạn {} · xong, không rõ ngày {} · quá hạn {} ({} ngày trễ) · vướng mắc mở {}",
                        c.due, c.done_on_time, c.done_late, c.done_undated, c.overdue, c.days_late, c.blockers_open
                    )
                } else {
                    format!(
                        "due {} · on time {} · done late {} · done, date not reported {} · overdue {} ({} days late) · open blockers {}",
                        c.due, c.done_on_time, c.done_late, c.done_undated, c.overdue, c.days_late, c.blockers_open
                    )
                };
                b.field("field.score_counts", &detail);
                b.field(
                    "field.conclusions",
                    &format!("{} / {}", c.conclusions_done, c.conclusions),
                );
                if let Some(f) = ctx.overlay.and_then(|o| o.score_formula()) {
                    b.field("field.formula", &f.describe(vi));
                }
            }
        }
        Rec::Locality(i) => {
            let l = &s.localities[i];
            b.heading(l.name.to_string());
            b.field("field.aliases", &spellings(&l.aliases));
            if let Some(today) = s.today_of(&l.id).and_then(|x| s.today_province(x)) {
                b.field("field.today", &today.name);
            }
            let f = fig.locality(ctx, &[s.province_of(&l.id).unwrap_or(&l.id)]);
            b.field(
                "page.models_deployed",
                &format!("{}/{}", f.models, s.models.len()),
            );
            b.field("page.tasks", &f.tasks.to_string());
            b.styled(
                "col.overdue",
                f.overdue.to_string(),
                if f.overdue > 0 {
                    theme.overdue()
                } else {
                    theme.text()
                },
            );
            b.field("page.blockers", &f.blockers.to_string());
            if let Some((r, d)) = f.latest_report {
                let age = d
                    .map(|d| format!(" — {} {}", (ctx.as_of - d).num_days(), t(lang, "days")))
                    .unwrap_or_default();
                b.field("col.report_date", &format!("{r}{age}"));
            }
        }
        Rec::Today(i) => {
            let tp = &s.today[i];
            b.heading(tp.name.to_string());
            let olds: Vec<&str> = fig
                .absorbed(i)
                .iter()
                .map(|&l| s.localities[l].name.as_str())
                .collect();
            b.field("page.absorbed", &olds.join(", "));
        }
        Rec::Indicator(i) => {
            let x = &s.indicators[i];
            b.heading(format!("{} — {}", t(lang, "kind.indicator"), x.name));
            b.text(&x.raw);
            b.blank();
            if let Some(v) = x.value {
                b.field(
                    "field.value",
                    &format!("{v} {}", x.unit.as_deref().unwrap_or("")),
                );
            }
            if let (Some(n), Some(d)) = (x.numerator, x.denominator) {
                let computed = if d != 0.0 {
                    format!("{:.2}%", n / d * 100.0)
                } else {
                    "—".into()
                };
                b.field(
                    "field.percent",
                    &format!(
                        "{} / {computed} ({n}/{d})",
                        x.percent_raw.as_deref().unwrap_or("—")
                    ),
                );
            }
            b.source(ctx, &x.report, &x.source);
        }
        Rec::Finding(i) => {
            let f = &ctx.findings[i];
            b.heading(format!(
                "{} {} [{}]",
                t(lang, "kind.finding"),
                f.id,
                rows::finding_kind_label(lang, &f.kind)
            ));
            b.text(&f.message);
            b.blank();
            b.field(
                "field.printed_vs_computed",
                &format!(
                    "{} / {}",
                    f.printed.as_deref().unwrap_or("—"),
                    f.computed.as_deref().unwrap_or("—")
                ),
            );
            if let (Some(r), Some(src)) = (&f.report, &f.source) {
                b.source(ctx, r, src);
            }
        }
        Rec::Report(i) => {
            let r = &s.reports[i];
            b.heading(r.short.to_string());
            b.text(&r.title);
            b.blank();
            b.field("field.issuer", &r.issuer);
            b.field("field.date", &r.date_raw.clone().unwrap_or_default());
            for h in &r.headline {
                b.field(
                    "field.headline",
                    &format!("{}: {}", h.label, crate::text::one_line(&h.raw)),
                );
            }
            b.field("source", &r.file);
        }
    }
    b.lines
}

/// Other spellings of a name on one line, apart by " · ": some hold a comma themselves
/// ("Ủy ban nhân dân tỉnh, thành phố"), so a comma between them would split one in two.
fn spellings<S: AsRef<str>>(names: &[S]) -> String {
    names
        .iter()
        .map(|n| crate::text::one_line(n.as_ref()))
        .collect::<Vec<_>>()
        .join(" · ")
}
