//! The decision journal as a library: replay, torn and corrupt lines, undo and redo, read-only
//! cases, another snapshot's journal, and the conclusions notice of a scripted meeting.
//! Every test writes its own small snapshot to a temporary folder.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate};
use giaoban::journal::minutes::{self, Format};
use giaoban::journal::{Change, Journal, JournalError, Lang, Record, TriageState};
use giaoban::query::{Compiled, Ctx, Overlay, Rec};
use giaoban::snapshot::Snapshot;

const TASKS: [&str; 4] = [
    r#"(id: "t1", source: (section: "Phụ lục 01", row: "1", line: 10), title: "<p>Triển khai <b>Kiosk</b> tại Trung tâm hành chính công</p>", lead_raw: "Sở TT&TT", lead_units: ["so-tttt"], deadline_raw: "30/6/2024", status_raw: "Đang triển khai", locality: "binh-dinh"),"#,
    r#"(id: "t2", source: (section: "Phụ lục 01", row: "2", line: 11), title: "Số hoá hộ tịch", lead_raw: "Sở Tư pháp", lead_units: ["so-tp"], deadline_raw: "Quý IV/2024", status_raw: "Chưa hoàn thành", locality: "binh-dinh"),"#,
    r#"(id: "t3", source: (section: "Phụ lục 01", row: "3", line: 12), title: "Kết nối dữ liệu dân cư", lead_raw: "C06, Sở TTTT", lead_units: ["c06", "so-tttt"], deadline_raw: "Thực hiện thường xuyên", status_raw: "Thực hiện thường xuyên"),"#,
    r#"(id: "t5", source: (section: "Phụ lục 01", row: "5", line: 14), title: "Cấp chữ ký số", lead_raw: "Sở TTTT", lead_units: ["so-tttt"], deadline_raw: "31/12/2025", status_raw: "Chưa thực hiện"),"#,
];
const BLOCKERS: [&str; 2] = [
    r#"(id: "b1", kind: gap, text: "Thiếu kinh phí đầu tư Kiosk", source: (section: "Phụ lục 03", row: "A.1", line: 40), causes: [funding], responsible: ["so-tttt"]),"#,
    r#"(id: "b2", kind: proposal, text: "Đề nghị C06 hướng dẫn kết nối", source: (section: "Mục IV", line: 55)),"#,
];

/// A snapshot folder with the tasks and blockers whose ids are listed.
fn write_snapshot(dir: &Path, ids: &[&str]) -> Snapshot {
    fs::create_dir_all(dir).unwrap();
    fs::write(
        dir.join("manifest.ron"),
        r#"(title: "Giao ban thử", as_of: "2025-05-30", files: ["data.ron"])"#,
    )
    .unwrap();
    let pick = |rows: &[&str]| {
        rows.iter()
            .filter(|r| ids.iter().any(|id| r.contains(&format!("(id: \"{id}\""))))
            .map(|r| format!("        {r}\n"))
            .collect::<String>()
    };
    let data = format!(
        r#"(
    report: (id: "bd-258", file: "seed.txt", short: "Bình Định 258/BC-UBND", title: "Báo cáo thử",
             issuer: "UBND tỉnh Bình Định", locality: "binh-dinh", number: "258/BC-UBND", date: "2025-05-20"),
    today: [(id: "gia-lai", name: "Gia Lai")],
    localities: [(id: "binh-dinh", name: "Bình Định", level: province, today: "gia-lai")],
    units: [
        (id: "c06", name: "Cục Cảnh sát quản lý hành chính về trật tự xã hội", aliases: ["C06"], level: central),
        (id: "so-tttt", name: "Sở Thông tin và Truyền thông", aliases: ["STTTT", "Sở TTTT", "Sở TT&TT"], level: province, locality: "binh-dinh"),
        (id: "so-tp", name: "Sở Tư pháp tỉnh Bình Định", aliases: ["Sở Tư pháp"], level: province, locality: "binh-dinh"),
    ],
    tasks: [
{}    ],
    blockers: [
{}    ],
)
"#,
        pick(&TASKS),
        pick(&BLOCKERS)
    );
    fs::write(dir.join("data.ron"), data).unwrap();
    giaoban::store::load_path(dir)
        .unwrap_or_else(|e| panic!("test snapshot: {e}"))
        .snapshot
}

fn standard(dir: &Path) -> Snapshot {
    write_snapshot(dir, &["t1", "t2", "t3", "b1", "b2"])
}

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn open(path: &Path, snap: &Snapshot) -> (Journal, Vec<String>) {
    Journal::open(path, snap).unwrap_or_else(|e| panic!("open: {e}"))
}

fn journal_lines(path: &Path) -> Vec<String> {
    fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

/// Three decisions on t1, b1, t2.
fn three(path: &Path, snap: &Snapshot) {
    let (mut j, w) = open(path, snap);
    assert!(w.is_empty(), "{w:?}");
    j.record("t1", Change::State(TriageState::Escalated), None)
        .unwrap();
    j.record("b1", Change::Unit("c06".into()), Some("C06 chủ trì".into()))
        .unwrap();
    j.record("t2", Change::Due(day("2025-06-30")), None)
        .unwrap();
}

#[test]
fn decisions_are_replayed_over_the_snapshot() {
    let tmp = tempfile::tempdir().unwrap();
    let snap = standard(&tmp.path().join("data"));
    let path = tmp.path().join("data/journal.ron");
    {
        let (mut j, warnings) = open(&path, &snap);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(j.read_only(), None);
        let s1 = j
            .record("t1", Change::State(TriageState::Acknowledged), None)
            .unwrap();
        let s2 = j
            .record(
                "t1",
                Change::State(TriageState::Resolved),
                Some("xong".into()),
            )
            .unwrap();
        assert_eq!((s1, s2), (1, 2));
        j.record("t2", Change::Unit("c06".into()), None).unwrap();
        j.record("t2", Change::Due(day("2025-06-30")), None)
            .unwrap();
        j.record("t2", Change::Note("  họp lại  ".into()), None)
            .unwrap();
        j.record("b1", Change::Agenda(true), None).unwrap();
        j.record("b1", Change::Conclusion("Giao C06".into()), None)
            .unwrap();
        assert_eq!(
            j.decisions().for_item("t1").unwrap().state,
            Some(TriageState::Resolved)
        );
    }
    let lines = journal_lines(&path);
    assert_eq!(lines.len(), 8, "{lines:#?}");
    assert!(lines[0].starts_with("header(version: 1, "), "{}", lines[0]);
    assert!(lines[0]
        .contains("title: \"Giao ban thử\", as_of: \"2025-05-30\", fingerprint: \"fnv1a64:"));
    assert!(
        lines[2].contains(
            "item: \"t1\", old: state(acknowledged), new: state(resolved), note: \"xong\")"
        ),
        "{}",
        lines[2]
    );

    let (j, warnings) = open(&path, &snap);
    assert!(warnings.is_empty(), "{warnings:?}");
    let d = j.decisions();
    assert_eq!(d.len(), 3);
    let t1 = d.for_item("t1").unwrap();
    assert_eq!(t1.state, Some(TriageState::Resolved));
    assert_eq!(t1.notes, vec!["xong".to_string()]);
    assert_eq!(t1.history.len(), 2);
    assert_eq!(
        t1.history[1].old,
        Some(Change::State(TriageState::Acknowledged))
    );
    let t2 = d.for_item("t2").unwrap();
    assert_eq!(t2.unit.as_deref(), Some("c06"));
    assert_eq!(t2.due, Some(day("2025-06-30")));
    assert_eq!(t2.notes, vec!["họp lại".to_string()]);
    assert!(!t2.agenda);
    let b1 = d.for_item("b1").unwrap();
    assert!(b1.agenda);
    assert_eq!(b1.conclusion.as_deref(), Some("Giao C06"));
    assert!(d.for_item("t3").is_none());

    // The query language sees the decisions through the overlay.
    let t1i = snap.task_index("t1").unwrap();
    let t2i = snap.task_index("t2").unwrap();
    assert!(d.decided_done(Rec::Task(t1i)));
    assert_eq!(d.assigned_unit(Rec::Task(t2i)), Some("c06"));
    assert_eq!(d.decided_due(Rec::Task(t2i)), Some(day("2025-06-30")));
    assert_eq!(d.assigned_unit(Rec::Blocker(0)), None);
    let ctx = Ctx {
        snap: &snap,
        findings: &[],
        as_of: day("2025-05-30"),
        overlay: Some(d),
    };
    let recs: Vec<Rec> = (0..snap.tasks.len()).map(Rec::Task).collect();
    let overdue = Compiled::parse("overdue", &snap)
        .unwrap()
        .filter(&ctx, &recs);
    // t1 is resolved, t2 has a new deadline in June: neither is overdue any more.
    assert!(overdue.is_empty(), "{overdue:?}");
    let by_c06 = Compiled::parse("lead:C06", &snap)
        .unwrap()
        .filter(&ctx, &recs);
    assert_eq!(by_c06, vec![Rec::Task(t2i), Rec::Task(2)]);
    assert_eq!(d.decided_map().0.len(), 3);
}

#[test]
fn a_torn_last_record_costs_only_that_record() {
    let tmp = tempfile::tempdir().unwrap();
    let snap = standard(&tmp.path().join("data"));
    let path = tmp.path().join("journal.ron");
    three(&path, &snap);
    let full = fs::read(&path).unwrap();
    let header_len = full.iter().position(|b| *b == b'\n').unwrap() + 1;
    // Every possible cut of the file after its header: the power went out there, so the
    // records after the cut were never written, and neither was the journal's tip file (it
    // is written after each record), which would otherwise report the cut.
    let tip = giaoban::journal::chain::tip_path(&path);
    for cut in header_len..full.len() {
        let bytes = &full[..cut];
        fs::write(&path, bytes).unwrap();
        let _ = fs::remove_file(&tip);
        let complete = bytes.iter().filter(|b| **b == b'\n').count() - 1;
        // A cut just before the newline leaves a whole record: it counts.
        let whole_last = full[cut] == b'\n';
        let expected = complete + usize::from(whole_last);
        let (j, warnings) =
            Journal::open_read_only(&path, &snap).unwrap_or_else(|e| panic!("cut at {cut}: {e}"));
        let n = j
            .entries()
            .iter()
            .filter(|e| e.record.seq().is_some())
            .count();
        assert_eq!(n, expected, "cut at {cut}: {warnings:?}");
        let torn = bytes.last() != Some(&b'\n') && !whole_last;
        assert_eq!(
            warnings.len(),
            usize::from(torn),
            "cut at {cut}: {warnings:?}"
        );
        if torn {
            let line = complete + 2;
            assert!(
                warnings[0].starts_with(&format!(
                    "{}:{line}: the last record is incomplete",
                    path.display()
                )),
                "cut at {cut}: {warnings:?}"
            );
        }
    }
    // Every cut again, opened for writing: what was whole is kept, the torn rest is removed,
    // and the next decision lands on a line of its own.
    for cut in header_len..full.len() {
        fs::write(&path, &full[..cut]).unwrap();
        let _ = fs::remove_file(&tip);
        let (mut j, _) = open(&path, &snap);
        let kept = j
            .decisions()
            .iter()
            .map(|(_, d)| d.history.len())
            .sum::<usize>();
        let seq = j.record("t3", Change::Agenda(true), None).unwrap();
        assert_eq!(seq, kept as u64 + 1, "cut at {cut}");
        drop(j);
        let (j, warnings) = open(&path, &snap);
        assert!(warnings.is_empty(), "cut at {cut}: {warnings:?}");
        assert_eq!(j.entries().len(), kept + 2, "cut at {cut}");
    }
    // Opened for writing: the torn record is removed and the journal goes on.
    let cut = full.len() - 20;
    fs::write(&path, &full[..cut]).unwrap();
    let _ = fs::remove_file(&tip);
    let (mut j, warnings) = open(&path, &snap);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains(":4: the last record is incomplete"),
        "{warnings:?}"
    );
    assert!(warnings[0].contains("it is removed"), "{warnings:?}");
    assert_eq!(j.decisions().len(), 2);
    assert!(j.decisions().for_item("t2").is_none());
    let seq = j
        .record("t2", Change::Due(day("2025-07-31")), None)
        .unwrap();
    assert_eq!(seq, 3);
    drop(j);
    let (j, warnings) = open(&path, &snap);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(
        j.decisions().for_item("t2").unwrap().due,
        Some(day("2025-07-31"))
    );
    assert_eq!(journal_lines(&path).len(), 4);
    drop(j);

    // A whole last record without its newline counts, and the newline is added.
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.trim_end()).unwrap();
    let (mut j, warnings) = open(&path, &snap);
    assert!(warnings.is_empty(), "{warnings:?}");
    j.record("t3", Change::Agenda(true), None).unwrap();
    drop(j);
    let lines = journal_lines(&path);
    assert_eq!(lines.len(), 5);
    assert!(lines[3].contains(")  // chain #4 sha256:") && lines[4].starts_with("decision(seq: 4"));
}

#[test]
fn a_corrupt_tail_is_reported_and_the_records_before_it_stay() {
    let tmp = tempfile::tempdir().unwrap();
    let snap = standard(&tmp.path().join("data"));
    let path = tmp.path().join("journal.ron");
    three(&path, &snap);
    let text = fs::read_to_string(&path).unwrap();
    let keep: String = text.lines().take(3).map(|l| format!("{l}\n")).collect();

    // Garbage with a newline (a damaged block).
    fs::write(
        &path,
        format!("{keep}decision(seq: 3, at: \"2025-\u{1}#%&garbage\n"),
    )
    .unwrap();
    let (j, warnings) = open(&path, &snap);
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(
        warnings[0].starts_with(&format!("{}:4: cannot read this record", path.display())),
        "{warnings:?}"
    );
    // The hash chain says where the journal stops being what was written.
    assert!(
        warnings[1].starts_with(&format!(
            "{}:4: the journal's hash chain is broken",
            path.display()
        )),
        "{warnings:?}"
    );
    assert_eq!(j.decisions().len(), 2);
    drop(j);

    // Zeros where the last record should be (a file extended but never written).
    let mut bytes = keep.clone().into_bytes();
    bytes.extend([0u8; 37]);
    fs::write(&path, &bytes).unwrap();
    let (j, warnings) = Journal::open_read_only(&path, &snap).unwrap();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(
        warnings[0].contains(":4: the last record is incomplete (37 bytes)"),
        "{warnings:?}"
    );
    // The fourth record, which the tip file says was written, is gone.
    assert!(
        warnings[1].contains(
            "the journal was cut: it ends at record #3, but its tip file says #4 was written"
        ),
        "{warnings:?}"
    );
    assert_eq!(j.decisions().len(), 2);
    let (mut j, _) = open(&path, &snap);
    j.record("t3", Change::Note("sau sự cố".into()), None)
        .unwrap();
    drop(j);
    assert_eq!(
        fs::read(&path).unwrap().iter().filter(|b| **b == 0).count(),
        0
    );
    let (_, warnings) = open(&path, &snap);
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn a_corrupt_line_in_the_middle_is_skipped_and_later_lines_count() {
    let tmp = tempfile::tempdir().unwrap();
    let snap = standard(&tmp.path().join("data"));
    let path = tmp.path().join("journal.ron");
    three(&path, &snap);
    let mut lines = journal_lines(&path);
    lines[2] = lines[2].replace("new: unit(", "new: unitt(");
    let mut bytes = lines.join("\n").into_bytes();
    bytes.push(b'\n');
    // And a line that is not even UTF-8, after the last record.
    bytes.extend(b"decision(seq: 9, \xff\xfe)\n");
    bytes.extend(
        "decision(seq: 10, at: \"2025-06-05T10:00:00+07:00\", item: \"t3\", new: state(deferred))\n"
            .as_bytes(),
    );
    fs::write(&path, &bytes).unwrap();
    let (mut j, warnings) = open(&path, &snap);
    assert_eq!(warnings.len(), 3, "{warnings:?}");
    let p = path.display().to_string();
    assert!(
        warnings[2].starts_with(&format!(
            "{p}:3: the journal's hash chain is broken: record #3 was changed after it was written"
        )),
        "{warnings:?}"
    );
    assert!(
        warnings[0].starts_with(&format!("{p}:3: cannot read this record (column ")),
        "{warnings:?}"
    );
    assert!(
        warnings[0].contains("the lines after it still count"),
        "{warnings:?}"
    );
    assert!(
        warnings[1].starts_with(&format!("{p}:5: this line is not UTF-8")),
        "{warnings:?}"
    );
    let d = j.decisions();
    assert!(d.for_item("b1").is_none());
    assert_eq!(
        d.for_item("t1").unwrap().state,
        Some(TriageState::Escalated)
    );
    assert_eq!(d.for_item("t2").unwrap().due, Some(day("2025-06-30")));
    assert_eq!(d.for_item("t3").unwrap().state, Some(TriageState::Deferred));
    // Numbers go on after the highest one seen.
    assert_eq!(j.record("t1", Change::Agenda(true), None).unwrap(), 11);
}

#[test]
fn undo_and_redo_are_records_too() {
    let tmp = tempfile::tempdir().unwrap();
    let snap = standard(&tmp.path().join("data"));
    let path = tmp.path().join("journal.ron");
    let (mut j, _) = open(&path, &snap);
    assert_eq!(j.undo().unwrap(), None);
    assert_eq!(j.redo().unwrap(), None);
    j.record("t1", Change::State(TriageState::Acknowledged), None)
        .unwrap();
    j.record(
        "t1",
        Change::State(TriageState::Escalated),
        Some("cần C06".into()),
    )
    .unwrap();
    j.record("t1", Change::Due(day("2025-07-15")), None)
        .unwrap();
    j.record("t2", Change::Note("ghi chú".into()), None)
        .unwrap();

    assert_eq!(j.undo().unwrap(), Some(5)); // takes back #4, the note
    assert!(j.decisions().for_item("t2").is_none());
    assert_eq!(j.undo().unwrap(), Some(6)); // #3, the deadline
    assert_eq!(j.decisions().for_item("t1").unwrap().due, None);
    assert_eq!(j.undo().unwrap(), Some(7)); // #2, escalated (and its note)
    let t1 = j.decisions().for_item("t1").unwrap();
    assert_eq!(t1.state, Some(TriageState::Acknowledged));
    assert!(t1.notes.is_empty());
    match &j.entry(7).unwrap().record {
        Record::Undo {
            undoes, old, new, ..
        } => {
            assert_eq!(*undoes, 2);
            assert_eq!(old, &Some(Change::State(TriageState::Escalated)));
            assert_eq!(new, &Some(Change::State(TriageState::Acknowledged)));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(j.redo().unwrap(), Some(8)); // #2 again
    assert_eq!(
        j.decisions().for_item("t1").unwrap().state,
        Some(TriageState::Escalated)
    );
    assert_eq!(j.can_redo(), Some(3));
    // A new decision clears what could be redone.
    j.record("t1", Change::Agenda(true), None).unwrap();
    assert_eq!(j.can_redo(), None);
    assert_eq!(j.redo().unwrap(), None);
    drop(j);

    let lines = journal_lines(&path);
    assert_eq!(lines.len(), 10, "{lines:#?}");
    assert!(lines[5].starts_with("undo(seq: 5, "), "{}", lines[5]);
    assert!(lines[8].starts_with("redo(seq: 8, "), "{}", lines[8]);

    // The same after reopening: state, and what undo would do next.
    let (mut j, warnings) = open(&path, &snap);
    assert!(warnings.is_empty(), "{warnings:?}");
    let t1 = j.decisions().for_item("t1").unwrap();
    assert_eq!(t1.state, Some(TriageState::Escalated));
    assert_eq!(t1.due, None);
    assert!(t1.agenda);
    assert_eq!(t1.notes, vec!["cần C06".to_string()]);
    assert_eq!(
        t1.history.iter().map(|h| h.seq).collect::<Vec<_>>(),
        [1, 2, 9]
    );
    assert_eq!(j.can_undo(), Some(9));
    assert!(!j.in_force(3));
    while j.undo().unwrap().is_some() {}
    assert!(j.decisions().is_empty());
    while j.redo().unwrap().is_some() {}
    assert_eq!(j.decisions().for_item("t1").unwrap().history.len(), 3);
}

#[test]
fn a_journal_that_cannot_be_written_opens_read_only() {
    let tmp = tempfile::tempdir().unwrap();
    let snap = standard(&tmp.path().join("data"));
    // The folder cannot be created: a file is in the way.
    let blocker = tmp.path().join("a-file");
    fs::write(&blocker, "not a folder").unwrap();
    let path = blocker.join("journal.ron");
    let (mut j, warnings) = open(&path, &snap);
    assert!(warnings.is_empty(), "{warnings:?}");
    let why = j.read_only().expect("read-only").to_string();
    assert!(why.contains("not a folder"), "{why}");
    assert!(why.contains(&blocker.display().to_string()), "{why}");
    assert!(j.decisions().is_empty());
    let err = j
        .record("t1", Change::State(TriageState::Resolved), None)
        .unwrap_err();
    assert!(matches!(err, JournalError::ReadOnly { .. }));
    assert!(err.to_string().starts_with("not recorded: "), "{err}");
    assert!(matches!(j.undo(), Err(JournalError::ReadOnly { .. })));

    #[cfg(unix)]
    permission_bits(tmp.path(), &snap);
}

/// A folder without write permission, and a journal file without it.
#[cfg(unix)]
fn permission_bits(tmp: &Path, snap: &Snapshot) {
    use std::os::unix::fs::PermissionsExt;
    let ro = tmp.join("ro");
    fs::create_dir(&ro).unwrap();
    let existing = ro.join("journal.ron");
    three(&existing, snap);
    fs::set_permissions(&existing, fs::Permissions::from_mode(0o444)).unwrap();
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o555)).unwrap();
    let probe = fs::OpenOptions::new().append(true).open(&existing);
    if probe.is_ok() {
        println!("skipped the permission checks: this test runs with a user (root?) whom permission bits do not stop");
    } else {
        let (j, _) = open(&ro.join("new.ron"), snap);
        assert!(
            j.read_only().unwrap().contains("permission denied"),
            "{:?}",
            j.read_only()
        );
        let (mut j, warnings) = open(&existing, snap);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert!(j.read_only().unwrap().contains("permission denied"));
        assert_eq!(j.decisions().len(), 3, "what is recorded is still shown");
        assert!(j.record("t3", Change::Agenda(true), None).is_err());
    }
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn a_second_opener_reads_only_and_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let snap = standard(&tmp.path().join("data"));
    let path = tmp.path().join("journal.ron");
    let (mut first, _) = open(&path, &snap);
    first
        .record("t1", Change::State(TriageState::Acknowledged), None)
        .unwrap();
    let (mut second, warnings) = open(&path, &snap);
    assert!(warnings.is_empty(), "{warnings:?}");
    let why = second.read_only().expect("read-only").to_string();
    assert!(
        why.contains("another giaoban is recording decisions"),
        "{why}"
    );
    assert_eq!(
        second.decisions().for_item("t1").unwrap().state,
        Some(TriageState::Acknowledged)
    );
    assert!(matches!(
        second.record("t2", Change::Agenda(true), None),
        Err(JournalError::ReadOnly { .. })
    ));
    first.record("t2", Change::Agenda(true), None).unwrap();
    drop(second);
    drop(first);
    let (third, _) = open(&path, &snap);
    assert_eq!(third.read_only(), None);
    assert_eq!(third.decisions().len(), 2);
}

#[test]
fn a_journal_of_another_snapshot_is_explained_not_applied() {
    let tmp = tempfile::tempdir().unwrap();
    let snap = standard(&tmp.path().join("a"));
    let path = tmp.path().join("journal.ron");
    three(&path, &snap);
    let before = fs::read(&path).unwrap();

    // Another snapshot: t2 and b1 are gone.
    let other = write_snapshot(&tmp.path().join("b"), &["t1", "t3", "t5", "b2"]);
    let (mut j, warnings) = open(&path, &other);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    let w = &warnings[0];
    assert!(
        w.contains(
            "the journal was written against snapshot \"Giao ban thử\" as of 2025-05-30 (fnv1a64:"
        ),
        "{w}"
    );
    assert!(
        w.contains("2 of the 3 items it names are not in this snapshot: b1, t2"),
        "{w}"
    );
    assert!(w.contains("giaoban journal --adopt"), "{w}");
    assert!(j.read_only().unwrap().contains("another snapshot"));
    assert!(j.decisions().for_item("t2").is_none());
    assert!(j.decisions().for_item("t1").is_some());
    assert!(j.record("t5", Change::Agenda(true), None).is_err());
    assert_eq!(fs::read(&path).unwrap(), before, "nothing written");

    // Adopting it on purpose: a header for this snapshot, then decisions go on.
    assert!(j.adopt().unwrap());
    assert!(!j.adopt().unwrap());
    assert_eq!(j.read_only(), None);
    j.record("t5", Change::Agenda(true), None).unwrap();
    drop(j);
    let (j, warnings) = open(&path, &other);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0]
            .contains("2 item(s) named by earlier decisions are not in this snapshot: b1, t2"),
        "{warnings:?}"
    );
    assert_eq!(j.read_only(), None);
    let headers = journal_lines(&path)
        .iter()
        .filter(|l| l.starts_with("header("))
        .count();
    assert_eq!(headers, 2);

    // A snapshot that only grew: every item is still there, so the decisions apply (said once),
    // and the next decision is preceded by a header for it.
    let path2 = tmp.path().join("journal2.ron");
    three(&path2, &snap);
    let grown = write_snapshot(&tmp.path().join("c"), &["t1", "t2", "t3", "t5", "b1", "b2"]);
    let (mut j, warnings) = open(&path2, &grown);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("Every item it names (3) is in this snapshot, so its decisions apply"),
        "{warnings:?}"
    );
    assert_eq!(j.read_only(), None);
    assert_eq!(j.decisions().len(), 3);
    j.record("t5", Change::Due(day("2026-01-31")), None)
        .unwrap();
    drop(j);
    let (_, warnings) = open(&path2, &grown);
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn bad_input_is_refused_and_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let snap = standard(&tmp.path().join("data"));
    let path = tmp.path().join("journal.ron");
    let (mut j, _) = open(&path, &snap);
    let before = fs::read(&path).unwrap();
    let e = j.record("t9", Change::Agenda(true), None).unwrap_err();
    assert_eq!(
        e.to_string(),
        "not recorded: no task or blocker of this snapshot is called 't9' (did you mean 't1'?)"
    );
    let e = j.record("t1", Change::Unit("c6".into()), None).unwrap_err();
    assert!(matches!(e, JournalError::UnknownUnit { .. }), "{e}");
    assert!(e.to_string().contains("(did you mean 'c06'?)"), "{e}");
    let e = j
        .record("t1", Change::Note(" \u{1b}[2J ".into()), None)
        .unwrap_err();
    assert_eq!(e, JournalError::EmptyText { field: "note" });
    assert!(j
        .record("t1", Change::Conclusion(String::new()), None)
        .is_err());
    assert_eq!(fs::read(&path).unwrap(), before);
    // Control characters never reach the file.
    j.record("t1", Change::Note("a\u{1b}[31mb\u{7}c\nd".into()), None)
        .unwrap();
    assert_eq!(
        j.decisions().for_item("t1").unwrap().notes,
        vec!["abc\nd".to_string()]
    );
    assert_eq!(journal_lines(&path).len(), 2);
}

#[test]
fn a_file_that_is_not_a_journal_is_refused_and_left_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let snap = standard(&dir);
    let manifest = dir.join("manifest.ron");
    let before = fs::read(&manifest).unwrap();
    let e = Journal::open(&manifest, &snap).unwrap_err();
    assert!(matches!(e, JournalError::NotAJournal { .. }), "{e}");
    assert!(e.to_string().contains("is not a decision journal"), "{e}");
    assert_eq!(fs::read(&manifest).unwrap(), before);
    let data = dir.join("data.ron");
    let before = fs::read(&data).unwrap();
    assert!(Journal::open(&data, &snap).is_err());
    assert_eq!(fs::read(&data).unwrap(), before);
    // A folder is not a journal either.
    let e = Journal::open(&dir, &snap).unwrap_err();
    assert!(matches!(e, JournalError::Unreadable { .. }), "{e}");
}

/// The decisions of two meetings, recorded at fixed times.
fn scripted_meeting(path: &Path, snap: &Snapshot) -> Journal {
    let (mut j, _) = open(path, snap);
    // Last week's meeting.
    j.record_at(
        "t2",
        Change::State(TriageState::Acknowledged),
        None,
        at("2025-05-29T09:05:00+07:00"),
    )
    .unwrap();
    j.record_at(
        "b2",
        Change::Agenda(true),
        None,
        at("2025-05-29T09:06:00+07:00"),
    )
    .unwrap();
    // This week's.
    let m = |t: &str| at(&format!("2025-06-05T{t}+07:00"));
    j.record_at(
        "t1",
        Change::State(TriageState::Escalated),
        Some("Vướng kinh phí mua Kiosk".into()),
        m("09:10:00"),
    )
    .unwrap();
    j.record_at("t1", Change::Due(day("2025-08-31")), None, m("09:11:00"))
        .unwrap();
    j.record_at(
        "t1",
        Change::Conclusion("Sở TT&TT trình UBND tỉnh bổ sung kinh phí trước 30/6".into()),
        None,
        m("09:12:00"),
    )
    .unwrap();
    j.record_at("b1", Change::Unit("c06".into()), None, m("09:20:00"))
        .unwrap();
    j.record_at(
        "b1",
        Change::State(TriageState::Acknowledged),
        None,
        m("09:21:00"),
    )
    .unwrap();
    j.record_at("t2", Change::Due(day("2025-07-15")), None, m("09:30:00"))
        .unwrap();
    j.record_at(
        "t2",
        Change::Note("Đã số hoá 80% sổ hộ tịch".into()),
        None,
        m("09:31:00"),
    )
    .unwrap();
    // A slip, taken back.
    j.record_at(
        "t3",
        Change::State(TriageState::Resolved),
        None,
        m("09:40:00"),
    )
    .unwrap();
    j.undo_at(m("09:40:30")).unwrap();
    j.record_at(
        "b2",
        Change::State(TriageState::Deferred),
        None,
        m("09:45:00"),
    )
    .unwrap();
    j
}

const MINUTES_VI_MD: &str = "\
**[TÊN CƠ QUAN, TỔ CHỨC]**  
Số:        /TB-[CQ]

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**  
**Độc lập - Tự do - Hạnh phúc**

*[Địa danh], ngày 05 tháng 6 năm 2025*

## THÔNG BÁO

**Kết luận của [chức vụ người chủ trì] tại cuộc họp giao ban [tên cuộc họp] ngày 05/06/2025**

Ngày 05/06/2025, tại [địa điểm họp], [chức vụ người chủ trì] [họ và tên người chủ trì] chủ trì cuộc họp giao ban [tên cuộc họp]. Tham dự cuộc họp có: [thành phần tham dự].

Sau khi nghe báo cáo tình hình triển khai các nhiệm vụ (số liệu tổng hợp đến ngày 30/05/2025) và ý kiến của các đại biểu dự họp, [chức vụ người chủ trì] kết luận như sau:

**1. Cục Cảnh sát quản lý hành chính về trật tự xã hội:**

a) Về tồn tại, hạn chế “Thiếu kinh phí đầu tư Kiosk”: Tiếp tục theo dõi, đôn đốc thực hiện. Giao Cục Cảnh sát quản lý hành chính về trật tự xã hội chủ trì thực hiện. Thời hạn: chưa ấn định.

**2. Sở Thông tin và Truyền thông:**

a) Về nhiệm vụ “Triển khai Kiosk tại Trung tâm hành chính công”: Sở TT&TT trình UBND tỉnh bổ sung kinh phí trước 30/6. Báo cáo cấp có thẩm quyền xem xét, chỉ đạo. Thời hạn: 31/08/2025.

**3. Sở Tư pháp tỉnh Bình Định:**

a) Về nhiệm vụ “Số hoá hộ tịch”: Tiếp tục theo dõi, đôn đốc thực hiện. Thời hạn: 15/07/2025.

**4. Các nội dung chưa xác định đơn vị chủ trì:**

a) Về kiến nghị “Đề nghị C06 hướng dẫn kết nối”: Tạm hoãn, xem xét lại tại cuộc họp sau.

[TÊN CƠ QUAN, TỔ CHỨC] thông báo để các cơ quan, đơn vị liên quan biết, thực hiện./.

***Nơi nhận:***  
- Các đơn vị có tên tại Thông báo;  
- Lưu: VT.  

**[CHỨC VỤ NGƯỜI KÝ]**

**[Họ và tên]**

---

### PHỤ LỤC: NGUỒN CÁC NỘI DUNG NÊU TẠI THÔNG BÁO

| Mục | Nội dung | Nguồn (báo cáo, phụ lục, dòng) |
|---|---|---|
| 1.a | Tồn tại, hạn chế “Thiếu kinh phí đầu tư Kiosk” | Bình Định 258/BC-UBND, Phụ lục 03, dòng A.1 |
| 2.a | Nhiệm vụ “Triển khai Kiosk tại Trung tâm hành chính công” | Bình Định 258/BC-UBND, Phụ lục 01, dòng 1 |
| 3.a | Nhiệm vụ “Số hoá hộ tịch” | Bình Định 258/BC-UBND, Phụ lục 01, dòng 2 |
| 4.a | Kiến nghị “Đề nghị C06 hướng dẫn kết nối” | Bình Định 258/BC-UBND, Mục IV |
";

const MINUTES_EN_TXT: &str = "\
[ISSUING BODY]
No.        /TB-[BODY]

SOCIALIST REPUBLIC OF VIET NAM
Independence - Freedom - Happiness

[Place], 5 June 2025

NOTICE
Conclusions of [chair's title] at the briefing of the [meeting] on 2025-06-05

On 2025-06-05, at [venue], [chair's title] [chair's name] chaired the briefing of the [meeting]. Attending: [participants].

Having heard the report on the tasks (figures as of 2025-05-30) and the views of those present, [chair's title] concluded as follows:

1. Cục Cảnh sát quản lý hành chính về trật tự xã hội:
   a) On the gap “Thiếu kinh phí đầu tư Kiosk”: To be followed up and urged on. Cục Cảnh sát quản lý hành chính về trật tự xã hội is to lead it. Deadline: not set.

2. Sở Thông tin và Truyền thông:
   a) On the task “Triển khai Kiosk tại Trung tâm hành chính công”: Sở TT&TT trình UBND tỉnh bổ sung kinh phí trước 30/6. To be reported to the competent authority for direction. Deadline: 2025-08-31.

3. Sở Tư pháp tỉnh Bình Định:
   a) On the task “Số hoá hộ tịch”: To be followed up and urged on. Deadline: 2025-07-15.

4. Items with no responsible unit named:
   a) On the proposal “Đề nghị C06 hướng dẫn kết nối”: Deferred to a later meeting.

[ISSUING BODY] notifies the bodies concerned for their information and action.

Recipients:
- The units named above;
- File: VT.

[SIGNER'S TITLE]

[Name]

APPENDIX: SOURCES OF THE ITEMS ABOVE

Item | Subject | Source (report, appendix, row)
1.a | The gap “Thiếu kinh phí đầu tư Kiosk” | Bình Định 258/BC-UBND, Phụ lục 03, row A.1
2.a | The task “Triển khai Kiosk tại Trung tâm hành chính công” | Bình Định 258/BC-UBND, Phụ lục 01, row 1
3.a | The task “Số hoá hộ tịch” | Bình Định 258/BC-UBND, Phụ lục 01, row 2
4.a | The proposal “Đề nghị C06 hướng dẫn kết nối” | Bình Định 258/BC-UBND, Mục IV
";

#[test]
fn the_minutes_of_a_scripted_meeting() {
    let tmp = tempfile::tempdir().unwrap();
    let snap = standard(&tmp.path().join("data"));
    let path = tmp.path().join("journal.ron");
    drop(scripted_meeting(&path, &snap));
    let (j, warnings) = Journal::open_read_only(&path, &snap).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    let since = Some(day("2025-06-05"));
    let vi = minutes::render(&snap, j.decisions(), since, Format::Md, Lang::Vi);
    assert_eq!(vi, MINUTES_VI_MD, "\n{vi}");
    let en = minutes::render(&snap, j.decisions(), None, Format::Txt, Lang::En);
    assert_eq!(en, MINUTES_EN_TXT, "\n{en}");
    let none = minutes::render(
        &snap,
        j.decisions(),
        Some(day("2025-07-01")),
        Format::Md,
        Lang::Vi,
    );
    assert!(
        none.contains("Cuộc họp không ghi nhận kết luận nào trong kỳ này.\n")
            && !none.contains("PHỤ LỤC"),
        "{none}"
    );
}

#[test]
fn the_default_journal_sits_beside_the_snapshot() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    standard(&dir);
    let loaded = giaoban::store::load_path(&dir).unwrap();
    let p: PathBuf = giaoban::journal::resolve_path(None, &loaded.origin).unwrap();
    assert_eq!(p, dir.join("journal.ron"));
    let given = tmp.path().join("x.ron");
    assert_eq!(
        giaoban::journal::resolve_path(Some(&given), &loaded.origin).unwrap(),
        given
    );
}

#[test]
fn the_console_store_turns_keys_into_records() {
    use giaoban::journal::console::ConsoleStore;
    use giaoban::tui::decisions::{DecisionStore, Request};
    let tmp = tempfile::tempdir().unwrap();
    let snap = standard(&tmp.path().join("data"));
    let path = tmp.path().join("journal.ron");
    let (j, _) = open(&path, &snap);
    let mut store = ConsoleStore::new(j, &snap, Lang::Vi);
    assert_eq!(store.read_only(), None);
    let said = store.record("b1", &Request::TriageNext).unwrap();
    assert_eq!(said, "Đã ghi #1 · b1 · Trạng thái: Đã tiếp nhận");
    store.record("b1", &Request::TriageNext).unwrap();
    store.record("b1", &Request::ToggleAgenda).unwrap();
    store.record("b1", &Request::ToggleAgenda).unwrap();
    let said = store.record("b1", &Request::Assign("c06".into())).unwrap();
    assert_eq!(said, "Đã ghi #5 · b1 · Giao chủ trì: C06");
    let items = store.items();
    let b1 = &items["b1"];
    assert_eq!(
        b1.state,
        Some(("escalated".into(), "Chuyển cấp trên".into()))
    );
    assert!(!b1.agenda && !b1.resolved);
    assert_eq!(b1.unit.as_deref(), Some("c06"));
    assert_eq!(
        store.undo().unwrap().unwrap(),
        "Đã hoàn tác #5 (b1): đã bỏ giao chủ trì «C06»."
    );
    assert_eq!(
        store.redo().unwrap().unwrap(),
        "Đã làm lại #5 (b1): Giao chủ trì lại là «C06»."
    );
    // Undoing a step says what is in force again, apart from what was taken back.
    let said = store.record("b1", &Request::TriageNext).unwrap();
    assert_eq!(said, "Đã ghi #8 · b1 · Trạng thái: Đã giải quyết");
    assert_eq!(
        store.undo().unwrap().unwrap(),
        "Đã hoàn tác #8 (b1): Trạng thái trở lại «Chuyển cấp trên», bỏ «Đã giải quyết»."
    );
    let e = store.record("zz", &Request::Defer).unwrap_err();
    assert!(e.starts_with("CHƯA GHI được quyết định: "), "{e}");
    let today = chrono::Local::now().date_naive();
    let tomorrow = today.succ_opt().unwrap();
    // Decisions alone are no meeting: only a meeting record is.
    assert_eq!(store.last_meeting_before(tomorrow), None);
    use giaoban::tui::decisions::MeetingDetails;
    let details = MeetingDetails {
        chair: "Phó Chủ tịch UBND tỉnh".into(),
        ..MeetingDetails::default()
    };
    assert!(store
        .open_meeting(snap.as_of, &details)
        .unwrap()
        .starts_with("Đã ghi: cuộc họp bắt đầu lúc"));
    assert!(store.close_meeting().unwrap().contains("kết thúc"));
    assert_eq!(store.last_meeting_before(today), None);
    let last = store.last_meeting_before(tomorrow).unwrap();
    assert_eq!((last.day, last.as_of), (today, snap.as_of));
    let m = &store.journal().meetings()[0];
    assert_eq!(m.chair, "Phó Chủ tịch UBND tỉnh");
    assert!(m.ended.is_some());
    let written = store.write_minutes(&snap, true).unwrap();
    assert!(
        written.ends_with(&format!(
            "thong-bao-ket-luan-{}.docx",
            today.format("%Y-%m-%d")
        )),
        "{written}"
    );
    let mut zip = zip::ZipArchive::new(fs::File::open(&written).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(xml.contains("THÔNG BÁO"), "{xml}");
    assert!(xml.contains("“Thiếu kinh phí đầu tư Kiosk”"), "{xml}");
    // A second notice of the same day does not overwrite the first.
    let again = store.write_minutes(&snap, true).unwrap();
    assert!(again.ends_with("-2.docx"), "{again}");
}
