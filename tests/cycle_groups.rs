//! Status groups as the chair reads them: one group per task, counts and rates per report,
//! province and unit, the same "overdue" as the overdue view.

use std::path::Path;

use chrono::NaiveDate;
use giaoban::domain::groups::{Group, DEFAULT_SOON_DAYS};
use giaoban::query::groups::{breakdown_all, task_group};
use giaoban::query::Ctx;
use giaoban::store::{load_embedded, load_path};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn mini_tasks_fall_in_one_group_each() {
    let l = load_path(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini")).unwrap();
    let ctx = Ctx {
        snap: &l.snapshot,
        findings: &l.findings,
        as_of: day("2024-12-31"),
        overlay: None,
    };
    let groups: Vec<Group> = (0..4).map(|i| task_group(&ctx, i)).collect();
    // t1 open, due 30/6: overdue; t2 done, due Q4 and the report of 31/12 says done: on time;
    // t3 recurring; t4 "36/3/2024" cannot be a date: no readable deadline.
    assert_eq!(
        groups,
        [
            Group::Overdue,
            Group::DoneOnTime,
            Group::Recurring,
            Group::NoDeadline
        ]
    );
    let b = breakdown_all(&ctx, DEFAULT_SOON_DAYS);
    assert_eq!(b.all.total(), 4);
    // Due and reported: t1 (overdue) and t2 (done, due 31/12 is not passed at 31/12).
    assert_eq!(b.all.already_due, 1);
    assert_eq!(b.all.overdue_rate(), Some(100.0));
    assert_eq!(b.province["binh-dinh"].total(), 4);
    assert_eq!(b.unit["c06"].count(Group::Recurring), 1);
    // Counted against the 30th of June: t1 is due today, so due soon, and nothing is due yet.
    let june = Ctx {
        as_of: day("2024-06-30"),
        ..ctx
    };
    assert_eq!(task_group(&june, 0), Group::DueSoon);
    assert_eq!(breakdown_all(&june, 7).all.overdue_rate(), None);
}

#[test]
fn every_shipped_task_is_in_exactly_one_group_and_overdue_means_the_same_everywhere() {
    let l = load_embedded().unwrap();
    let ctx = Ctx {
        snap: &l.snapshot,
        findings: &l.findings,
        as_of: l.snapshot.as_of.unwrap(),
        overlay: None,
    };
    let b = breakdown_all(&ctx, DEFAULT_SOON_DAYS);
    assert_eq!(b.all.total(), l.snapshot.tasks.len());
    let by_report: usize = b.report.values().map(|t| t.total()).sum();
    assert_eq!(by_report, l.snapshot.tasks.len());
    for i in 0..l.snapshot.tasks.len() {
        assert_eq!(
            task_group(&ctx, i) == Group::Overdue,
            ctx.task_days_overdue(i).is_some(),
            "{}",
            l.snapshot.tasks[i].id
        );
    }
    // No report gives a completion date: a task done after its due date is "done, date not
    // reported", never called late without a source saying it was still open.
    assert_eq!(b.all.count(Group::DoneLate), 0);
}
