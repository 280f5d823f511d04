//! `giaoban decide`, `giaoban journal` and `giaoban minutes` as a user runs them (the real
//! binary), a process killed at random moments while it records decisions, a full disk, and a
//! second process on the same journal.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use giaoban::journal::minutes::{self, Format};
use giaoban::journal::{Change, Journal, Lang, TriageState};

const BIN: &str = env!("CARGO_BIN_EXE_giaoban");

const DATA: &str = r#"(
    report: (id: "bd-258", file: "seed.txt", short: "Bình Định 258/BC-UBND", title: "Báo cáo thử",
             issuer: "UBND tỉnh Bình Định", locality: "binh-dinh", number: "258/BC-UBND", date: "2025-05-20"),
    today: [(id: "gia-lai", name: "Gia Lai")],
    localities: [
        (id: "binh-dinh", name: "Bình Định", level: province, today: "gia-lai"),
        (id: "gia-lai", name: "Gia Lai", level: province, today: "gia-lai"),
    ],
    units: [
        (id: "c06", name: "Cục Cảnh sát quản lý hành chính về trật tự xã hội", aliases: ["C06"], level: central),
        (id: "binh-dinh-so-tttt", name: "Sở Thông tin và Truyền thông tỉnh Bình Định", aliases: ["Sở TTTT", "Sở TT&TT"], level: province, locality: "binh-dinh"),
        (id: "gia-lai-so-tttt", name: "Sở Thông tin và Truyền thông tỉnh Gia Lai", aliases: ["Sở TTTT", "Sở TT&TT"], level: province, locality: "gia-lai"),
    ],
    tasks: [
        (id: "t1", source: (section: "Phụ lục 01", row: "1", line: 10), title: "Triển khai Kiosk tại Trung tâm hành chính công",
         lead_raw: "Sở TT&TT", lead_units: ["binh-dinh-so-tttt"], deadline_raw: "30/6/2024", status_raw: "Đang triển khai", locality: "binh-dinh"),
        (id: "t2", source: (section: "Phụ lục 01", row: "2", line: 11), title: "Số hoá hộ tịch",
         lead_raw: "C06", lead_units: ["c06"], deadline_raw: "Quý IV/2024", status_raw: "Chưa hoàn thành", locality: "binh-dinh"),
        (id: "t3", source: (section: "Phụ lục 01", row: "3", line: 12), title: "Kết nối dữ liệu dân cư",
         lead_raw: "C06", lead_units: ["c06"], deadline_raw: "Thực hiện thường xuyên", status_raw: "Thực hiện thường xuyên"),
    ],
    blockers: [
        (id: "b1", kind: gap, text: "Thiếu kinh phí đầu tư Kiosk", source: (section: "Phụ lục 03", row: "A.1", line: 40), responsible: ["binh-dinh-so-tttt"]),
        (id: "b2", kind: proposal, text: "Đề nghị C06 hướng dẫn kết nối", source: (section: "Mục IV", line: 55)),
    ],
)
"#;

/// A report of no province, with a task.
const NATIONAL: &str = r#"(
    report: (id: "pl-07", file: "seed2.txt", short: "Phụ lục 07", title: "Phụ lục thử", issuer: "Bộ Công an"),
    tasks: [
        (id: "t4", source: (section: "Phụ lục 07", row: "4", line: 20), title: "Hướng dẫn các Sở TTTT kết nối", deadline_raw: "31/12/2025"),
    ],
)
"#;

/// A snapshot folder in a fresh temporary folder.
fn setup() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    fs::create_dir(&dir).unwrap();
    fs::write(
        dir.join("manifest.ron"),
        r#"(title: "Giao ban thử", as_of: "2025-05-30", files: ["data.ron", "national.ron"])"#,
    )
    .unwrap();
    fs::write(dir.join("data.ron"), DATA).unwrap();
    fs::write(dir.join("national.ron"), NATIONAL).unwrap();
    (tmp, dir)
}

fn giaoban(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(BIN).args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn s(p: &Path) -> String {
    p.display().to_string()
}

#[test]
fn decide_records_and_says_what_it_recorded() {
    let (_tmp, dir) = setup();
    let data = s(&dir);
    let journal = dir.join("journal.ron");
    // The default journal is beside the snapshot folder.
    let (code, out, err) = giaoban(&[
        "decide",
        "t1",
        "--state",
        "Chuyển cấp trên",
        "--to",
        "Sở TT&TT",
        "--due",
        "2025-08-31",
        "--note",
        "thiếu kinh phí",
        "--agenda",
        "--data",
        &data,
    ]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(err, "");
    assert_eq!(
        out,
        format!(
            "journal: {}\n\
             recorded #1 t1 state: escalated (note: \"thiếu kinh phí\")\n\
             recorded #2 t1 unit: binh-dinh-so-tttt\n\
             recorded #3 t1 due: 2025-08-31\n\
             recorded #4 t1 agenda: true\n",
            journal.display()
        )
    );
    // The spelling "Sở TTTT" names two units: the one of the item's province is taken.
    let (code, out, _) = giaoban(&["decide", "b1", "--to", "Sở TTTT", "--data", &data]);
    assert_eq!(code, 0);
    assert!(
        out.contains("recorded #5 b1 unit: binh-dinh-so-tttt"),
        "{out}"
    );
    // For an item without a province, the spelling stays ambiguous.
    let (code, _, err) = giaoban(&["decide", "t4", "--to", "Sở TTTT", "--data", &data]);
    assert_eq!(code, 1);
    assert!(
        err.contains("'Sở TTTT' may be any of 2 units: binh-dinh-so-tttt"),
        "{err}"
    );
    let (code, out, _) = giaoban(&["decide", "t1", "--state", "resolved", "--data", &data]);
    assert_eq!(code, 0);
    assert!(
        out.contains("recorded #6 t1 state: escalated → resolved"),
        "{out}"
    );
    let (code, out, _) = giaoban(&[
        "decide",
        "t2",
        "--note",
        "họp lại tuần sau",
        "--data",
        &data,
    ]);
    assert_eq!(code, 0);
    assert!(
        out.ends_with("recorded #7 t2 note: \"họp lại tuần sau\"\n"),
        "{out}"
    );

    let before = fs::read(&journal).unwrap();
    for (args, says) in [
        (
            vec!["decide", "t9", "--agenda"],
            "giaoban decide: no task or blocker of this snapshot is called 't9' (did you mean 't1'?)\n",
        ),
        (
            vec!["decide", "t1", "--to", "Sở TTT"],
            "giaoban decide: no unit is called 'Sở TTT' (did you mean 'Sở TTTT'?)\n",
        ),
        (
            vec!["decide", "t1", "--state", "escalatd"],
            "giaoban decide: 'escalatd' is not a triage state (did you mean 'escalated'?); expected one of: new, acknowledged, escalated, resolved, deferred\n",
        ),
        (
            vec!["decide", "t1"],
            "giaoban decide: nothing to decide: give --state, --to, --due, --note, --conclusion or --agenda\n",
        ),
        (vec!["decide", "t1", "--note", "  "], "giaoban decide: --note has no text\n"),
    ] {
        let mut args = args.clone();
        args.extend(["--data", &data]);
        let (code, out, err) = giaoban(&args);
        assert_eq!((code, out.as_str(), err.as_str()), (1, "", says), "{args:?}");
    }
    let (code, _, err) = giaoban(&["decide", "t1", "--due", "2025-13-01", "--data", &data]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("'2025-13-01' is not a date"), "{err}");
    assert_eq!(
        fs::read(&journal).unwrap(),
        before,
        "nothing written by refused input"
    );
}

#[test]
fn journal_lists_records_decisions_and_warnings() {
    let (_tmp, dir) = setup();
    let data = s(&dir);
    let journal = dir.join("journal.ron");
    let (code, out, _) = giaoban(&["journal", "--lang", "en", "--data", &data]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        format!(
            "journal: {} (not created yet: no decisions recorded)\n",
            journal.display()
        )
    );
    let (code, _, err) = giaoban(&[
        "journal",
        "--lang",
        "en",
        &s(&dir.join("nope.ron")),
        "--data",
        &data,
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("there is no journal at"), "{err}");
    giaoban(&["decide", "t1", "--state", "ack", "--data", &data]);
    giaoban(&["decide", "t1", "--due", "2025-07-01", "--data", &data]);
    // Damage a line in the middle and tear the end.
    let text = fs::read_to_string(&journal).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines[1] = "decision(seq: 1, at: ###";
    let torn = "decision(seq: 3, at: \"20";
    let damaged = format!("{}\n{torn}", lines.join("\n"));
    fs::write(&journal, damaged).unwrap();
    let (code, out, _) = giaoban(&["journal", "--lang", "en", &s(&journal), "--data", &data]);
    assert_eq!(code, 0, "{out}");
    let j = s(&journal);
    assert!(
        out.contains("written against: snapshot \"Giao ban thử\", as of 2025-05-30 (fnv1a64:"),
        "{out}"
    );
    assert!(out.contains(", the same\n"), "{out}");
    assert!(
        out.contains(
            "records: 1 decision(s), 1 in force; 0 undo, 0 redo; 0 meeting(s); 3 warning(s)"
        ),
        "{out}"
    );
    assert!(out.contains("#2 t1 due: 2025-07-01  [line 3]"), "{out}");
    assert!(
        out.contains(&format!("  {j}:2: cannot read this record (column ")),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "  {j}:4: the last record is incomplete ({} bytes)",
            torn.len()
        )),
        "{out}"
    );
    assert!(out.contains("in force, by item:\n  t1  Triển khai Kiosk tại Trung tâm hành chính công\n      due: 2025-07-01\n"), "{out}");
    // Listing changes nothing; the next decision removes the torn record.
    let (code, out, err) = giaoban(&["decide", "t2", "--agenda", "--data", &data]);
    assert_eq!(code, 0);
    assert!(out.contains("recorded #3 t2 agenda: true"), "{out}");
    assert!(err.contains(":4: the last record is incomplete"), "{err}");
    assert!(err.contains("it is removed"), "{err}");
}

#[test]
fn minutes_prints_the_conclusions_notice() {
    let (_tmp, dir) = setup();
    let data = s(&dir);
    let journal = dir.join("meeting.ron");
    let loaded = giaoban::store::load_path(&dir).unwrap();
    {
        let (mut j, _) = Journal::open(&journal, &loaded.snapshot).unwrap();
        let at = |t: &str| chrono::DateTime::parse_from_rfc3339(t).unwrap();
        j.record_at(
            "t1",
            Change::State(TriageState::Escalated),
            None,
            at("2025-06-05T09:00:00+07:00"),
        )
        .unwrap();
        j.record_at(
            "b2",
            Change::Conclusion("C06 trả lời bằng văn bản".into()),
            None,
            at("2025-06-05T09:10:00+07:00"),
        )
        .unwrap();
    }
    let (j, _) = Journal::open_read_only(&journal, &loaded.snapshot).unwrap();
    let expected = minutes::render(&loaded.snapshot, j.decisions(), None, Format::Md, Lang::Vi);
    assert!(expected.contains("C06 trả lời bằng văn bản"), "{expected}");
    // A task with no new deadline goes out with the deadline its report gave.
    assert!(
        expected.contains("Thời hạn: 30/6/2024 (theo báo cáo)."),
        "{expected}"
    );
    let (code, out, err) = giaoban(&["minutes", "--journal", &s(&journal), "--data", &data]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, expected);
    let since = chrono::NaiveDate::from_ymd_opt(2025, 6, 1);
    let expected = minutes::render(
        &loaded.snapshot,
        j.decisions(),
        since,
        Format::Txt,
        Lang::En,
    );
    let (code, out, _) = giaoban(&[
        "minutes",
        "--since",
        "2025-06-01",
        "--format",
        "txt",
        "--lang",
        "en",
        "--journal",
        &s(&journal),
        "--data",
        &data,
    ]);
    assert_eq!(code, 0);
    assert_eq!(out, expected);
    assert!(out.contains("\nNOTICE\nConclusions of "), "{out}");
    let (code, _, err) = giaoban(&["minutes", "--data", &data]);
    assert_eq!(code, 1);
    assert!(err.contains("there is no journal at"), "{err}");
}

#[test]
fn the_shipped_snapshot_keeps_its_journal_in_the_data_home() {
    let tmp = tempfile::tempdir().unwrap();
    let out = Command::new(BIN)
        .args(["journal", "--lang", "en"])
        .env("XDG_DATA_HOME", tmp.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert_eq!(
        text,
        format!(
            "journal: {} (not created yet: no decisions recorded)\n",
            tmp.path().join("giaoban/journal.ron").display()
        )
    );
}

#[test]
fn a_second_process_reads_only_and_says_so() {
    let (_tmp, dir) = setup();
    let data = s(&dir);
    let journal = dir.join("journal.ron");
    let loaded = giaoban::store::load_path(&dir).unwrap();
    let (mut held, _) = Journal::open(&journal, &loaded.snapshot).unwrap();
    held.record("t1", Change::Agenda(true), None).unwrap();
    let (code, out, err) = giaoban(&["decide", "t2", "--state", "resolved", "--data", &data]);
    assert_eq!((code, out.as_str()), (1, ""), "{err}");
    assert!(
        err.contains("nothing was recorded: the journal")
            && err.contains("another giaoban is recording decisions"),
        "{err}"
    );
    let (code, out, _) = giaoban(&["journal", "--lang", "en", "--data", &data]);
    assert_eq!(code, 0);
    assert!(out.contains("#1 t1 agenda: true"), "{out}");
    drop(held);
    let (code, out, _) = giaoban(&["decide", "t2", "--state", "resolved", "--data", &data]);
    assert_eq!(code, 0);
    assert!(out.contains("recorded #2 t2 state: resolved"), "{out}");
}

/// Run `decide` under a file size limit (as a full disk would stop it): `room` bytes more than
/// the journal has now.
fn decide_with_room(journal: &Path, data: &str, room: u64) -> (i32, String, String) {
    let limit = fs::metadata(journal).unwrap().len() + room;
    let out = Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; exec prlimit --fsize=\"$0\" \"$@\"")
        .arg(limit.to_string())
        .arg(BIN)
        .args(["decide", "t1", "--state", "resolved", "--note", "đã xong"])
        .args(["--journal", &s(journal), "--data", data])
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_full_disk_is_reported_and_nothing_recorded_is_lost() {
    let has_prlimit = Command::new("prlimit")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !has_prlimit {
        println!("skipped: prlimit (util-linux) is not installed, so no write limit can be set");
        return;
    }
    let (_tmp, dir) = setup();
    let data = s(&dir);
    let journal = dir.join("journal.ron");
    giaoban(&["decide", "t1", "--state", "ack", "--data", &data]);
    giaoban(&["decide", "t2", "--due", "2025-09-30", "--data", &data]);
    let before = fs::read(&journal).unwrap();
    // No room at all, then room for part of the record (a partial write to take back).
    for room in [0, 40] {
        let (code, out, err) = decide_with_room(&journal, &data, room);
        assert_eq!(code, 1, "room {room}: {out}{err}");
        assert!(!out.contains("recorded #"), "room {room}: {out}");
        assert!(
            err.contains("the decision was NOT recorded: writing to")
                && err.contains("the file has reached the size limit"),
            "room {room}: {err}"
        );
        assert!(err.contains("Decisions recorded before are kept"), "{err}");
        assert_eq!(
            fs::read(&journal).unwrap(),
            before,
            "room {room}: the file is as it was"
        );
    }
    // With room again, the journal goes on where it was.
    let (code, out, err) = giaoban(&["decide", "t1", "--state", "resolved", "--data", &data]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(
        out.contains("recorded #3 t1 state: acknowledged → resolved"),
        "{out}"
    );
}

/// A small random generator (xorshift), seeded from the clock; the seed is printed.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn killed_at_random_moments_it_never_loses_a_confirmed_decision() {
    let (_tmp, dir) = setup();
    let data = s(&dir);
    let journal = dir.join("journal.ron");
    let jpath = s(&journal);
    let items = ["t1", "t2", "t3", "b1", "b2"];
    let states = ["acknowledged", "escalated", "resolved", "deferred", "new"];
    let run = |i: usize| {
        let note = format!("crash-{i}");
        let due = format!("2025-{:02}-{:02}", 1 + i % 12, 1 + i % 28);
        Command::new(BIN)
            .args(["decide", items[i % items.len()]])
            .args(["--state", states[(i / 5) % states.len()]])
            .args(["--to", "C06", "--due", &due, "--note", &note])
            .args(["--conclusion", &format!("kết luận {i}"), "--agenda"])
            .args(["--journal", &jpath, "--data", &data])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawns")
    };
    // How long one undisturbed run takes, to spread the kills over a run's life.
    let t = Instant::now();
    let out = run(100_000).wait_with_output().unwrap();
    let full = t.elapsed();
    assert!(out.status.success());
    let mut confirmed: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.starts_with("recorded #"))
        .map(str::to_string)
        .collect();
    assert_eq!(confirmed.len(), 5);

    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(1)
        | 1;
    println!("seed {seed}, one run takes {full:?}");
    let mut rng = Rng(seed);
    let span = (full.as_micros() as u64 * 12 / 10).max(1);
    let started = Instant::now();
    let (mut none, mut partial, mut whole) = (0, 0, 0);
    for i in 0..200 {
        let mut child = run(i);
        std::thread::sleep(Duration::from_micros(rng.next() % span));
        let _ = child.kill();
        let mut stdout = String::new();
        if let Some(mut o) = child.stdout.take() {
            let _ = o.read_to_string(&mut stdout);
        }
        let _ = child.wait();
        let lines: Vec<String> = stdout
            .lines()
            .filter(|l| l.starts_with("recorded #"))
            .map(str::to_string)
            .collect();
        match lines.len() {
            0 => none += 1,
            5 => whole += 1,
            _ => partial += 1,
        }
        confirmed.extend(lines);
    }
    println!(
        "200 runs killed in {:?}: {none} before any decision was confirmed, {partial} part way, {whole} after all five; {} decisions confirmed",
        started.elapsed(),
        confirmed.len()
    );

    let loaded = giaoban::store::load_path(&dir).unwrap();
    let (j, warnings) = Journal::open_read_only(&journal, &loaded.snapshot).unwrap();
    for w in &warnings {
        assert!(w.contains("the last record is incomplete"), "{w}");
    }
    for line in &confirmed {
        let seq: u64 = line["recorded #".len()..]
            .split(' ')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("{line}"));
        let entry = j
            .entry(seq)
            .unwrap_or_else(|| panic!("confirmed but not in the journal: {line}"));
        assert_eq!(&format!("recorded {}", entry.record.summary()), line);
        assert!(j.in_force(seq), "{line}");
    }
    // Numbers are unique and increase down the file.
    let seqs: Vec<u64> = j.entries().iter().filter_map(|e| e.record.seq()).collect();
    assert!(seqs.windows(2).all(|w| w[0] < w[1]), "{seqs:?}");
    // And a writer opens it cleanly and goes on.
    drop(j);
    let (mut j, _) = Journal::open(&journal, &loaded.snapshot).unwrap();
    assert_eq!(j.read_only(), None);
    j.record("t1", Change::Agenda(false), None).unwrap();
}

#[test]
fn the_journal_command_speaks_vietnamese_by_default() {
    let (_tmp, dir) = setup();
    let data = s(&dir);
    let journal = dir.join("journal.ron");
    let (code, out, _) = giaoban(&["journal", "--data", &data]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        format!(
            "sổ quyết định: {} (chưa tạo: chưa ghi quyết định nào)\n",
            journal.display()
        )
    );
    giaoban(&["decide", "t1", "--state", "ack", "--data", &data]);
    giaoban(&["decide", "t1", "--due", "2025-07-01", "--data", &data]);
    let (code, out, _) = giaoban(&["journal", "--data", &data]);
    assert_eq!(code, 0, "{out}");
    for said in [
        "ghi theo:        bộ số liệu \"Giao ban thử\", số liệu đến ngày 30/05/2025",
        ", trùng\n",
        "bản ghi: 2 quyết định, 2 còn hiệu lực; 0 hoàn tác, 0 làm lại; 0 cuộc họp; 0 cảnh báo",
        "#1 t1 Trạng thái: Đã tiếp nhận  [dòng 2]",
        "#2 t1 Hạn mới: 01/07/2025  [dòng 3]",
        "đang có hiệu lực, theo mục:",
        "trạng thái: Đã tiếp nhận · hạn mới: 01/07/2025",
    ] {
        assert!(out.contains(said), "{said}\n{out}");
    }
    let (_, en, _) = giaoban(&["journal", "--lang", "en", "--data", &data]);
    assert!(en.contains("#1 t1 state: acknowledged  [line 2]"), "{en}");
}
