//! Conclusions as tracked items: a conclusion recorded in one meeting, with a unit and a
//! deadline, comes back on every later meeting's agenda until it is marked done, across a new
//! snapshot of the history; it counts in the overdue list and the unit's scorecard; a decision
//! whose record disappeared from the newer snapshot is listed, not dropped.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate};
use giaoban::journal::{Change, Journal, TriageState};
use giaoban::query::scorecard::{self, Conclusion, Formula};
use giaoban::query::{Compiled, Ctx, Decided, DecidedMap, Rec};

fn fixture(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/history")
        .join(p)
}

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn a_conclusion_is_carried_across_two_snapshots_and_three_meetings_until_done() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.ron");
    let old = giaoban::history::load_any(&fixture("2024-06-30")).unwrap();
    let new = giaoban::history::load_any(&fixture("2024-12-31")).unwrap();

    // Meeting 1, on the earlier snapshot: t3 is concluded, given to C06 by 31/10/2024; t5 (which
    // the newer snapshot no longer has) is given a note.
    {
        let (mut j, _) = Journal::open(&path, &old.snapshot).unwrap();
        let m1 = j
            .open_meeting_at(
                old.snapshot.as_of,
                "Chủ tịch",
                "",
                "",
                at("2024-07-05T09:00:00+07:00"),
            )
            .unwrap();
        j.record_at(
            "t3",
            Change::Conclusion("C06 hoàn thành kết nối trước 31/10".into()),
            None,
            at("2024-07-05T09:10:00+07:00"),
        )
        .unwrap();
        j.record_at(
            "t3",
            Change::Unit("c06".into()),
            None,
            at("2024-07-05T09:11:00+07:00"),
        )
        .unwrap();
        j.record_at(
            "t3",
            Change::Due(day("2024-10-31")),
            None,
            at("2024-07-05T09:12:00+07:00"),
        )
        .unwrap();
        j.record_at(
            "t5",
            Change::Note("Chờ kinh phí".into()),
            None,
            at("2024-07-05T09:15:00+07:00"),
        )
        .unwrap();
        j.close_meeting_at(&m1, at("2024-07-05T10:00:00+07:00"))
            .unwrap();
        // Meeting 2, same snapshot, a week later: t3 is on its agenda, carried from meeting 1.
        let last = j.last_meeting_before(day("2024-07-12")).unwrap();
        assert_eq!(j.carried_over(&last), ["t3"]);
        let m2 = j
            .open_meeting_at(
                old.snapshot.as_of,
                "Chủ tịch",
                "",
                "",
                at("2024-07-12T09:00:00+07:00"),
            )
            .unwrap();
        j.close_meeting_at(&m2, at("2024-07-12T10:00:00+07:00"))
            .unwrap();
    }

    // The newer snapshot opens the same journal: the decisions follow t3 by id; t5 is gone and
    // is listed, not dropped; the journal can still be written.
    let (mut j, warnings) = Journal::open(&path, &new.snapshot).unwrap();
    assert_eq!(j.read_only(), None, "{warnings:?}");
    assert_eq!(j.vanished(), ["t5"]);
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("no longer in the reports: t5")),
        "{warnings:?}"
    );
    let d = j
        .decisions()
        .for_item("t3")
        .expect("t3's decisions followed it");
    assert_eq!(d.unit.as_deref(), Some("c06"));
    // t5's decision is not applied (no such record) but stays in the journal, listed above.
    assert!(j.decisions().for_item("t5").is_none());
    assert!(std::fs::read_to_string(&path)
        .unwrap()
        .contains("Chờ kinh phí"));

    // Meeting 3, on the newer snapshot: t3 is still carried (concluded at meeting 1, not done).
    let last = j.last_meeting_before(day("2025-01-06")).unwrap();
    assert_eq!(last.day(), day("2024-07-12"));
    assert_eq!(j.carried_over(&last), ["t3"]);
    let m3 = j
        .open_meeting_at(
            new.snapshot.as_of,
            "Chủ tịch",
            "",
            "",
            at("2025-01-06T09:00:00+07:00"),
        )
        .unwrap();

    // As a tracked item in the newer snapshot: led by C06 (the decision), due 31/10/2024 (the
    // decision), so overdue at 31/12/2024, and counted in C06's scorecard as not carried out.
    let s = &new.snapshot;
    let i = s.task_index("t3").unwrap();
    let mut map = DecidedMap::default();
    map.0.insert(
        Rec::Task(i),
        Decided {
            unit: Some("c06".into()),
            due: Some(day("2024-10-31")),
            done: false,
        },
    );
    let ctx = Ctx {
        snap: s,
        findings: &new.findings,
        as_of: s.as_of.unwrap(),
        overlay: Some(&map),
    };
    assert_eq!(ctx.task_days_overdue(i), Some(61));
    let overdue = Compiled::parse("overdue lead:c06", s)
        .unwrap()
        .filter(&ctx, &[Rec::Task(i)]);
    assert_eq!(overdue, [Rec::Task(i)]);
    let sc = scorecard::compute(
        &ctx,
        &[Conclusion {
            item: "t3".into(),
            done: false,
        }],
        &Formula::default(),
    );
    let c06 = sc.get("c06").unwrap();
    assert_eq!(
        (c06.counts.conclusions, c06.counts.conclusions_done),
        (1, 0)
    );
    assert_eq!(c06.counts.overdue, 1);

    // Marked done at meeting 3: no longer carried to the next one.
    j.record_at(
        "t3",
        Change::State(TriageState::Resolved),
        None,
        at("2025-01-06T09:30:00+07:00"),
    )
    .unwrap();
    j.close_meeting_at(&m3, at("2025-01-06T10:00:00+07:00"))
        .unwrap();
    let last = j.last_meeting_before(day("2025-01-13")).unwrap();
    assert_eq!(last.day(), day("2025-01-06"));
    assert!(j.carried_over(&last).is_empty());
}
