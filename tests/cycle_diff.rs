//! What changed between two hand-made snapshots of a small history (tests/fixtures/history),
//! every kind of change included, compared with the expected notice.

use std::path::{Path, PathBuf};
use std::process::Command;

use giaoban::history::{self, diff::diff, render, Since};

fn fixture(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/history")
        .join(p)
}

fn giaoban(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_giaoban"))
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_diff_of_two_snapshots_is_the_expected_one_in_both_languages() {
    let c = history::open(Some(&fixture("")), None).unwrap();
    let prev = c.previous.as_ref().expect("the snapshot before the newest");
    assert_eq!(c.current.snapshot.as_of.unwrap().to_string(), "2024-12-31");
    assert_eq!(prev.snapshot.as_of.unwrap().to_string(), "2024-06-30");
    let d = diff(prev, &c.current);
    let expected_vi = std::fs::read_to_string(fixture("expected.vi.md")).unwrap();
    let expected_en = std::fs::read_to_string(fixture("expected.en.md")).unwrap();
    assert_eq!(render::markdown(&d, true), expected_vi);
    assert_eq!(render::markdown(&d, false), expected_en);
    // Every kind of change is in the fixture.
    for key in render::KEYS {
        assert!(d.count(key) > 0, "no '{key}' in the fixture's diff");
    }
}

#[test]
fn the_command_line_gives_the_same_from_two_folders_or_the_history() {
    let old = fixture("2024-06-30").display().to_string();
    let new = fixture("2024-12-31").display().to_string();
    let (code, two, err) = giaoban(&["diff", &old, &new, "--lang", "en"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        two,
        std::fs::read_to_string(fixture("expected.en.md")).unwrap()
    );
    let (code, json, _) = giaoban(&[
        "diff",
        &fixture("").display().to_string(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let moved = v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["change"] == "deadline_moved")
        .unwrap();
    assert_eq!(moved["id"], "t3");
    assert_eq!(moved["original_raw"], "Tháng 9/2024");
    assert_eq!(moved["days"], 182);
    let (code, csv, _) = giaoban(&["diff", &old, &new, "--format", "csv"]);
    assert_eq!(code, 0);
    assert!(
        csv.lines()
            .any(|l| l.starts_with("indicator_changed,indicator,i1,100,150,50,")),
        "{csv}"
    );
}

#[test]
fn since_chooses_the_comparison_and_says_when_it_cannot() {
    let c = history::open(
        Some(&fixture("")),
        Some(&Since::Date(
            chrono::NaiveDate::from_ymd_opt(2024, 9, 1).unwrap(),
        )),
    )
    .unwrap();
    assert_eq!(
        c.previous.unwrap().snapshot.as_of.unwrap().to_string(),
        "2024-06-30"
    );
    let e = history::open(
        Some(&fixture("")),
        Some(&Since::Date(
            chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
        )),
    )
    .unwrap_err();
    assert!(e.contains("2024-06-30, 2024-12-31"), "{e}");
    // A snapshot alone has nothing to compare with.
    let mini = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
    let (code, _, err) = giaoban(&["diff", &mini.display().to_string()]);
    assert_eq!(code, 1);
    assert!(err.contains("nothing to compare with"), "{err}");
}

#[test]
fn a_history_never_reads_outside_itself() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("2024-01-01");
    std::fs::create_dir(&d).unwrap();
    std::fs::write(
        d.join("manifest.ron"),
        "(title: \"x\", as_of: \"2024-01-01\", files: [\"../../outside.ron\"])",
    )
    .unwrap();
    let e = history::open(Some(dir.path()), None).unwrap_err();
    assert!(e.contains("the path leaves the history folder"), "{e}");
}

#[test]
fn the_shipped_data_opens_on_its_newest_snapshot_compared_with_the_earlier_one() {
    let c = history::open(None, None).unwrap();
    assert_eq!(c.current.snapshot.as_of.unwrap().to_string(), "2024-12-31");
    let prev = c.previous.as_ref().expect("the earlier shipped snapshot");
    assert_eq!(prev.snapshot.as_of.unwrap().to_string(), "2024-07-10");
    // The newest is the snapshot `giaoban check` reads (data/manifest.ron): same records.
    let root = giaoban::store::load_embedded().unwrap();
    assert_eq!(root.snapshot.tasks.len(), c.current.snapshot.tasks.len());
    assert_eq!(
        root.snapshot.reports.len(),
        c.current.snapshot.reports.len()
    );
    assert_eq!(
        giaoban::journal::fingerprint(&root.snapshot),
        giaoban::journal::fingerprint(&c.current.snapshot),
        "a journal of the shipped snapshot stays valid"
    );
    // What the earlier one knew: every report dated up to 10/07/2024, not Bình Định's of 31/12.
    let ids: Vec<&str> = prev
        .snapshot
        .reports
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert!(!ids.contains(&"bd-258"), "{ids:?}");
    assert!(ids.contains(&"hue-108"), "{ids:?}");
    for r in &prev.snapshot.reports {
        assert!(
            r.date.is_none_or(|d| d <= prev.snapshot.as_of.unwrap()),
            "{} is dated after the snapshot",
            r.id
        );
    }
    let d = diff(prev, &c.current);
    assert!(
        d.changes
            .iter()
            .any(|c| c.key() == "report_added" && c.id() == "bd-258"),
        "{:?}",
        d.changes
    );
    assert!(d.count("newly_overdue") > 0);
    assert!(d
        .changes
        .iter()
        .any(|c| c.key() == "not_reported" && c.id() == "thua-thien-hue"));
}

#[test]
fn the_dated_manifest_of_the_newest_snapshot_names_the_same_files_as_data_manifest() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let files = |p: &Path| -> Vec<String> {
        std::fs::read_to_string(p)
            .unwrap()
            .lines()
            .map(str::trim)
            .filter(|l| l.starts_with('"') && l.ends_with(".ron\","))
            .map(|l| {
                l.trim_matches(|c| c == '"' || c == ',')
                    .trim_start_matches("../")
                    .to_string()
            })
            .collect()
    };
    let main = files(&root.join("manifest.ron"));
    assert!(!main.is_empty());
    assert_eq!(main, files(&root.join("2024-12-31/manifest.ron")));
}
