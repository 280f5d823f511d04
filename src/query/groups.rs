//! Status groups of the snapshot's tasks (`domain::groups`), decisions included, counted per
//! unit, per province (of 2024 and of today) and per report.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::eval::{Ctx, Rec};
use crate::domain::groups::{classify, Facts, Group, Tally, DEFAULT_SOON_DAYS};
use crate::domain::Status;

/// What is known of task `i`: its report's status and deadline, the decisions on it, the date
/// of its report, and what earlier snapshots said.
pub fn task_facts<'a>(ctx: &Ctx<'a>, i: usize) -> Facts<'a> {
    let s = ctx.snap;
    let rec = Rec::Task(i);
    let decided_done = ctx.overlay.is_some_and(|o| o.decided_done(rec));
    let status = if decided_done {
        Status::Done
    } else {
        s.task_status(i)
    };
    let t = &s.tasks[i];
    let report_date = s.report(&t.report).and_then(|r| r.date);
    let reported_open = crate::domain::groups::is_reported_open(s.task_status(i));
    let earlier = s.seen_open.get(t.id.as_str()).copied();
    let seen_open_on = match (reported_open.then_some(report_date).flatten(), earlier) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    };
    Facts {
        status,
        deadline: s.task_deadline(i),
        decided_due: ctx.overlay.and_then(|o| o.decided_due(rec)),
        // A decision that closed it gives no date: only the report's own "done" does.
        done_by: if s.task_status(i).is_done() {
            report_date
        } else {
            None
        },
        seen_open_on,
    }
}

/// The group of task `i` at the context's as-of date, "due soon" within 7 days.
pub fn task_group(ctx: &Ctx, i: usize) -> Group {
    task_group_within(ctx, i, DEFAULT_SOON_DAYS)
}

pub fn task_group_within(ctx: &Ctx, i: usize, soon_days: i64) -> Group {
    classify(&task_facts(ctx, i), ctx.as_of, soon_days)
}

fn due_passed(facts: &Facts, as_of: NaiveDate) -> bool {
    facts.due().is_some_and(|d| d < as_of)
}

/// Counts for every breakdown the briefing reads.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Breakdown {
    pub all: Tally,
    /// By lead unit (a task led by two units counts for each).
    pub unit: BTreeMap<String, Tally>,
    /// By province of 2024 (the task's own locality, else its report's).
    pub province: BTreeMap<String, Tally>,
    /// By province of today.
    pub today: BTreeMap<String, Tally>,
    /// By source report.
    pub report: BTreeMap<String, Tally>,
    /// Tasks of no province (national reports), counted in `all` only.
    pub no_province: Tally,
}

/// Count the tasks `tasks` (indexes) into their groups.
pub fn breakdown(ctx: &Ctx, tasks: &[usize], soon_days: i64) -> Breakdown {
    let s = ctx.snap;
    let mut b = Breakdown::default();
    for &i in tasks {
        let facts = task_facts(ctx, i);
        let g = classify(&facts, ctx.as_of, soon_days);
        let passed = due_passed(&facts, ctx.as_of);
        b.all.add(g, passed);
        for u in ctx.task_lead_units(i) {
            b.unit.entry(u.to_string()).or_default().add(g, passed);
        }
        let t = &s.tasks[i];
        b.report
            .entry(t.report.to_string())
            .or_default()
            .add(g, passed);
        let province = t
            .locality
            .as_deref()
            .or_else(|| s.report(&t.report).and_then(|r| r.locality.as_deref()))
            .and_then(|l| s.province_of(l));
        match province {
            Some(p) => {
                b.province.entry(p.to_string()).or_default().add(g, passed);
                if let Some(today) = s.today_of(p) {
                    b.today.entry(today.to_string()).or_default().add(g, passed);
                }
            }
            None => b.no_province.add(g, passed),
        }
    }
    b
}

/// Every task of the snapshot.
pub fn breakdown_all(ctx: &Ctx, soon_days: i64) -> Breakdown {
    let all: Vec<usize> = (0..ctx.snap.tasks.len()).collect();
    breakdown(ctx, &all, soon_days)
}

/// Every task of the snapshot counted into its group, without the breakdowns (the overview's
/// totals: no string made per task).
pub fn tally_all(ctx: &Ctx, soon_days: i64) -> Tally {
    let mut all = Tally::default();
    for i in 0..ctx.snap.tasks.len() {
        let facts = task_facts(ctx, i);
        all.add(
            classify(&facts, ctx.as_of, soon_days),
            due_passed(&facts, ctx.as_of),
        );
    }
    all
}

/// The as-of date a breakdown was counted against, said once with it.
pub fn as_of_label(as_of: NaiveDate) -> String {
    as_of.format("%d/%m/%Y").to_string()
}
