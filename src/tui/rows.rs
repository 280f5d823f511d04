//! What each list shows: the rows of every view and drill-down page, their columns, sort keys
//! and the status class that colours them. Pure functions of the snapshot (and decisions).

use super::figures::Figures;

use crate::domain::{LocalityLevel, Status};
use crate::query::{Ctx, Rec};
use crate::text::one_line;

use super::i18n::{t, Lang};

mod columns;
mod labels;
mod sort;
pub use columns::{columns, columns_shown, Column, Table};
pub use labels::{
    blocker_kind_label, causes_label, finding_kind_label, status_label, unit_level_label,
};
pub use sort::{sort_key, sort_rows, SortKey};

#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    /// A group heading inside a list: its label, and what the count of its records is out
    /// of when that means something ("Mô hình đã triển khai (24/44)"). The list draws the
    /// count, once (`views::list`).
    Header(String, Option<usize>),
    Rec(Rec),
}

/// The four classes that colour a row, in precedence order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    Overdue,
    Blocked,
    InProgress,
    Done,
    Plain,
}

impl Class {
    pub fn symbol(self) -> &'static str {
        match self {
            Class::Overdue => "!",
            Class::Blocked => "⊘",
            Class::InProgress => "…",
            Class::Done => "✓",
            Class::Plain => " ",
        }
    }
}

/// Figures per unit / locality, computed once per data change.
pub fn unit_counts(ctx: &Ctx, unit: &str) -> (usize, usize, usize) {
    let s = ctx.snap;
    let led: Vec<usize> = (0..s.tasks.len())
        .filter(|&i| ctx.task_lead_units(i).contains(&unit))
        .collect();
    let overdue = led
        .iter()
        .filter(|&&i| ctx.task_days_overdue(i).is_some())
        .count();
    let blockers = (0..s.blockers.len())
        .filter(|&i| ctx.blocker_units(i).contains(&unit))
        .count();
    (led.len(), overdue, blockers)
}

pub struct LocalityFigures {
    pub models: usize,
    pub tasks: usize,
    pub overdue: usize,
    pub blockers: usize,
    pub latest_report: Option<(String, Option<chrono::NaiveDate>)>,
}

pub fn locality_figures(ctx: &Ctx, provinces: &[&str]) -> LocalityFigures {
    let s = ctx.snap;
    let tasks = s.tasks_in(provinces);
    let overdue = tasks
        .iter()
        .filter(|&&i| ctx.task_days_overdue(i).is_some())
        .count();
    let blockers = s.blockers_in(provinces).len();
    let models = s.models_deployed_in(provinces).len();
    let latest_report = s
        .reports
        .iter()
        .filter(|r| {
            r.locality
                .as_deref()
                .and_then(|l| s.province_of(l))
                .is_some_and(|p| provinces.contains(&p))
        })
        .max_by_key(|r| r.date)
        .map(|r| (r.short.to_string(), r.date));
    LocalityFigures {
        models,
        tasks: tasks.len(),
        overdue,
        blockers,
        latest_report,
    }
}

pub fn task_class(ctx: &Ctx, i: usize) -> Class {
    if ctx.task_days_overdue(i).is_some() {
        return Class::Overdue;
    }
    let s = ctx.snap;
    let blocked = s.task_status(i) == Status::Waiting || s.task_has_blocker(i);
    if ctx.overlay.is_some_and(|o| o.decided_done(Rec::Task(i))) || s.task_status(i).is_done() {
        return Class::Done;
    }
    if blocked {
        return Class::Blocked;
    }
    Class::InProgress
}

pub fn blocker_class(ctx: &Ctx, i: usize) -> Class {
    if ctx.overlay.is_some_and(|o| o.decided_done(Rec::Blocker(i))) {
        Class::Done
    } else {
        Class::Blocked
    }
}

pub fn class_of(ctx: &Ctx, rec: Rec) -> Class {
    match rec {
        Rec::Task(i) => task_class(ctx, i),
        Rec::Blocker(i) => blocker_class(ctx, i),
        _ => Class::Plain,
    }
}

pub fn report_short(ctx: &Ctx, id: &str) -> String {
    ctx.snap
        .report(id)
        .map(|r| r.short.to_string())
        .unwrap_or_else(|| id.to_string())
}

fn units_label(ctx: &Ctx, ids: &[&str]) -> String {
    ids.iter()
        .map(|u| ctx.snap.unit_name(u))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn due_label(ctx: &Ctx, lang: Lang, i: usize) -> String {
    if let Some(d) = ctx.overlay.and_then(|o| o.decided_due(Rec::Task(i))) {
        return format!("→{}", d.format("%d/%m/%y"));
    }
    use crate::domain::Deadline;
    match ctx.snap.task_deadline(i) {
        Deadline::Day { date } => date.format("%d/%m/%Y").to_string(),
        Deadline::Recurring => t(lang, "deadline.recurring").into(),
        Deadline::Roadmap => t(lang, "deadline.roadmap").into(),
        Deadline::Invalid { .. } => format!("?{}", one_line(&ctx.snap.tasks[i].deadline_raw)),
        d => d.to_string(),
    }
}

/// A short title for any record.
pub fn title(ctx: &Ctx, rec: Rec) -> String {
    let s = ctx.snap;
    match rec {
        Rec::Task(i) => one_line(&s.tasks[i].title),
        Rec::Blocker(i) => one_line(&s.blockers[i].text),
        Rec::Model(i) => format!("{}. {}", s.models[i].number, one_line(&s.models[i].title)),
        Rec::Assessment(i) => {
            let a = &s.assessments[i];
            format!(
                "{} — {}",
                report_short(ctx, &a.report),
                one_line(&a.title_raw)
            )
        }
        Rec::Unit(i) => s.units[i].name.to_string(),
        Rec::Locality(i) => s.localities[i].name.to_string(),
        Rec::Today(i) => s.today[i].name.to_string(),
        Rec::Indicator(i) => {
            let x = &s.indicators[i];
            format!("{}: {}", one_line(&x.name), one_line(&x.raw))
        }
        Rec::Finding(i) => ctx.findings[i].message.clone(),
        Rec::Report(i) => format!("{} — {}", s.reports[i].short, one_line(&s.reports[i].title)),
    }
    .chars()
    .take(400)
    .collect::<String>()
    .trim()
    .to_string()
}

pub fn kind_label(lang: Lang, rec: Rec) -> &'static str {
    t(
        lang,
        match rec {
            Rec::Task(_) => "kind.task",
            Rec::Blocker(_) => "kind.blocker",
            Rec::Model(_) => "kind.model",
            Rec::Assessment(_) => "kind.assessment",
            Rec::Unit(_) => "kind.unit",
            Rec::Locality(_) => "kind.locality",
            Rec::Today(_) => "kind.today",
            Rec::Indicator(_) => "kind.indicator",
            Rec::Finding(_) => "kind.finding",
            Rec::Report(_) => "kind.report",
        },
    )
}

/// The cells of a row, one per column of `table`.
pub fn cells(
    ctx: &Ctx,
    fig: &Figures,
    lang: Lang,
    table: Table,
    rec: Rec,
    decision: Option<String>,
) -> Vec<String> {
    let s = ctx.snap;
    match (table, rec) {
        (Table::Models, Rec::Model(i)) => {
            let m = &s.models[i];
            // "*": the national report's printed count; it names no provinces.
            let ((deployed, printed_only), printed) = fig.model(i);
            let printed = printed.to_string();
            let total = fig.province_count().max(1);
            vec![
                m.number.to_string(),
                m.group.to_string(),
                one_line(&m.title),
                format!(
                    "{}{}",
                    coverage_bar(deployed, total, 10),
                    if printed_only { "*" } else { "" }
                ),
                printed,
            ]
        }
        (Table::Tasks, Rec::Task(i)) => {
            let late = ctx
                .task_days_overdue(i)
                .map(|d| d.to_string())
                .unwrap_or_default();
            let class = task_class(ctx, i);
            let mut status = format!(
                "{} {}",
                class.symbol(),
                status_label(lang, s.task_status(i))
            );
            // What the report says stays; a decision adds its mark here and its own column.
            let decided = decision.map(|d| d.trim_start_matches('◆').trim().to_string());
            if decided.is_some() {
                status = format!(
                    "{} ◆ {}",
                    class.symbol(),
                    status_label(lang, s.task_status(i))
                );
            }
            vec![
                report_short(ctx, &s.tasks[i].report),
                title(ctx, rec),
                units_label(ctx, &ctx.task_lead_units(i)),
                due_label(ctx, lang, i),
                status,
                late,
                decided.unwrap_or_default(),
            ]
        }
        (Table::Blockers, Rec::Blocker(i)) => {
            let b = &s.blockers[i];
            let attached = b
                .model
                .map(|m| format!("MH {m}"))
                .or_else(|| b.task.as_deref().map(str::to_string))
                .or_else(|| b.locality.as_deref().map(|l| s.locality_name(l)))
                .unwrap_or_else(|| report_short(ctx, &b.report));
            let mut kind = format!(
                "{} {}",
                blocker_class(ctx, i).symbol(),
                blocker_kind_label(lang, b.kind)
            );
            let decided = decision.map(|d| d.trim_start_matches('◆').trim().to_string());
            if decided.is_some() {
                kind = format!(
                    "{} ◆ {}",
                    blocker_class(ctx, i).symbol(),
                    blocker_kind_label(lang, b.kind)
                );
            }
            vec![
                kind,
                causes_label(lang, &b.causes),
                title(ctx, rec),
                units_label(ctx, &ctx.blocker_units(i)),
                attached,
                decided.unwrap_or_default(),
            ]
        }
        (Table::Units, Rec::Unit(i)) => {
            let u = &s.units[i];
            let (led, overdue, blockers) = fig.unit_counts(ctx, &u.id);
            let short = s.unit_name(&u.id);
            let name = if short != u.name {
                format!("{} ({short})", u.name)
            } else {
                u.name.to_string()
            };
            let province = match s.unit_province(i) {
                Some(p) => s.locality_name(p),
                None if s.is_role(i) => t(lang, "unit.every_province").into(),
                None => unit_level_label(lang, u.level).into(),
            };
            vec![
                name,
                province,
                unit_level_label(lang, u.level).into(),
                led.to_string(),
                overdue.to_string(),
                blockers.to_string(),
            ]
            .into_iter()
            .chain(score_cells(ctx, lang, &u.id))
            .collect()
        }
        (Table::Localities, Rec::Locality(i)) => {
            let l = &s.localities[i];
            let f = fig.locality(ctx, &[l.id.as_str()]);
            let today = s
                .today_of(&l.id)
                .and_then(|t| s.today_province(t))
                .map(|t| t.name.clone())
                .unwrap_or_default();
            let latest = f
                .latest_report
                .map(|(_, d)| {
                    d.map(|d| d.format("%d/%m/%Y").to_string())
                        .unwrap_or_default()
                })
                .unwrap_or_else(|| t(lang, "none").into());
            vec![
                l.name.to_string(),
                today.to_string(),
                format!("{}/{}", f.models, s.models.len()),
                f.tasks.to_string(),
                f.overdue.to_string(),
                f.blockers.to_string(),
                latest,
            ]
        }
        (Table::Today, Rec::Today(i)) => {
            let tp = &s.today[i];
            let olds: Vec<&crate::domain::Locality> =
                fig.absorbed(i).iter().map(|&l| &s.localities[l]).collect();
            let ids: Vec<&str> = olds.iter().map(|l| l.id.as_str()).collect();
            let f = fig.locality(ctx, &ids);
            let names = olds
                .iter()
                .map(|l| l.name.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            vec![
                tp.name.to_string(),
                names,
                format!("{}/{}", f.models, s.models.len()),
                f.tasks.to_string(),
                f.overdue.to_string(),
                f.blockers.to_string(),
            ]
        }
        (Table::Findings, Rec::Finding(i)) => {
            let f = &ctx.findings[i];
            let src = f
                .report
                .as_deref()
                .map(|r| report_short(ctx, r))
                .unwrap_or_else(|| "—".into());
            vec![finding_kind_label(lang, &f.kind), src, f.message.clone()]
        }
        (_, rec) => {
            let info = match rec {
                Rec::Task(i) => {
                    let c = task_class(ctx, i);
                    let late = ctx
                        .task_days_overdue(i)
                        .map(|d| format!(" +{d}"))
                        .unwrap_or_default();
                    decision.unwrap_or_else(|| {
                        format!(
                            "{} {}{late}",
                            c.symbol(),
                            status_label(lang, s.task_status(i))
                        )
                    })
                }
                Rec::Blocker(i) => decision.unwrap_or_else(|| {
                    format!(
                        "{} {}",
                        blocker_class(ctx, i).symbol(),
                        causes_label(lang, &s.blockers[i].causes)
                    )
                }),
                Rec::Assessment(i) => s.assessments[i]
                    .printed_count
                    .clone()
                    .unwrap_or_else(|| one_line(&s.assessments[i].status_raw).into())
                    .to_string(),
                Rec::Unit(i) => {
                    let (led, overdue, _) = fig.unit_counts(ctx, &s.units[i].id);
                    format!("{led} NV, {overdue} !")
                }
                Rec::Locality(i) => s.localities[i].level_label(),
                Rec::Model(i) => {
                    let ((n, printed_only), _) = fig.model(i);
                    format!(
                        "{n}/{}{}",
                        fig.province_count(),
                        if printed_only { "*" } else { "" }
                    )
                }
                Rec::Indicator(i) => s.indicators[i]
                    .percent_raw
                    .clone()
                    .unwrap_or_default()
                    .to_string(),
                Rec::Finding(i) => ctx.findings[i].kind.to_string(),
                Rec::Report(i) => s.reports[i]
                    .date
                    .map(|d| d.format("%d/%m/%Y").to_string())
                    .unwrap_or_default(),
                Rec::Today(_) => String::new(),
            };
            vec![kind_label(lang, rec).into(), title(ctx, rec), info]
        }
    }
}

trait LevelLabel {
    fn level_label(&self) -> String;
}

impl LevelLabel for crate::domain::Locality {
    fn level_label(&self) -> String {
        match self.level {
            LocalityLevel::Province => "tỉnh",
            LocalityLevel::District => "huyện",
            LocalityLevel::Commune => "xã",
        }
        .to_string()
    }
}

pub fn coverage_bar(n: usize, total: usize, width: usize) -> String {
    let filled = (n * width + total / 2) / total.max(1);
    let filled = filled.min(width);
    format!(
        "{}{} {n}/{total}",
        "█".repeat(filled),
        "░".repeat(width - filled)
    )
}

/// Score, rank and the change since the previous snapshot ("+2,5 ↑1"), from the scorecard.
fn score_cells(ctx: &Ctx, lang: Lang, unit: &str) -> Vec<String> {
    let Some(sc) = ctx.overlay.and_then(|o| o.unit_score(unit)) else {
        return vec![String::new(), String::new(), String::new()];
    };
    let vi = lang == Lang::Vi;
    let n = |x: f64| {
        let s = format!("{x:.1}");
        if vi {
            s.replace('.', ",")
        } else {
            s
        }
    };
    let change = match (sc.score_change(), sc.rank_change()) {
        (Some(d), Some(r)) => {
            let arrow = match r {
                r if r > 0 => format!(" ↑{r}"),
                r if r < 0 => format!(" ↓{}", -r),
                _ => " =".to_string(),
            };
            let sign = if d > 0.0 { "+" } else { "" };
            format!("{sign}{}{arrow}", n(d))
        }
        // Not scored in the previous snapshot.
        _ if sc.compared => if vi { "mới" } else { "new" }.to_string(),
        _ => String::new(),
    };
    vec![n(sc.score), sc.rank.to_string(), change]
}
