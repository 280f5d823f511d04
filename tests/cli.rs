//! The command line as a user runs it: the real binary.

use std::path::Path;
use std::process::Command;

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

fn mini() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/mini")
        .display()
        .to_string()
}

#[test]
fn check_on_the_shipped_data_exits_0() {
    let (code, out, _) = giaoban(&[
        "check",
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("data")
            .display()
            .to_string(),
    ]);
    assert_eq!(code, 0, "{out}");
    // In Vietnamese, as the rest of giaoban speaks by default; in English when asked.
    assert!(out.contains("lỗi: 0"), "{out}");
    assert!(out.contains("sai lệch khi đối chiếu:"), "{out}");
    assert!(out.contains("số liệu đến ngày 31/12/2024"), "{out}");
    let (code, embedded, _) = giaoban(&["check"]);
    assert_eq!(code, 0);
    assert!(
        embedded.starts_with("dữ liệu đi kèm chương trình: "),
        "{embedded}"
    );
    let (code, english, _) = giaoban(&["--lang", "en", "check"]);
    assert_eq!(code, 0);
    assert!(english.starts_with("the shipped snapshot: "), "{english}");
    assert!(english.contains("errors: 0"), "{english}");
    assert!(english.contains("reconciliation findings:"), "{english}");
}

#[test]
fn each_dated_snapshot_of_the_shipped_history_checks_on_its_own() {
    // A dated folder names the history's shared files (../reports/…): read inside the history.
    for (date, tasks) in [("2024-07-10", 166), ("2024-12-31", 212)] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("data")
            .join(date);
        let (code, out, _) = giaoban(&["check", &dir.display().to_string()]);
        assert_eq!(code, 0, "{date}: {out}");
        assert!(out.contains("lỗi: 0"), "{date}: {out}");
        let line = out
            .lines()
            .find(|l| l.trim_start().starts_with("nhiệm vụ "))
            .unwrap_or("");
        assert_eq!(
            line.split_whitespace().last(),
            Some(tasks.to_string().as_str()),
            "{date}: {out}"
        );
    }
}

#[test]
fn check_on_a_broken_copy_names_file_line_and_column_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(mini()).unwrap() {
        let p = entry.unwrap().path();
        let mut text = std::fs::read_to_string(&p).unwrap();
        if p.ends_with("places.ron") {
            text = text.replacen("level: central),", "level: centrl),", 1);
        }
        std::fs::write(dir.path().join(p.file_name().unwrap()), text).unwrap();
    }
    let (code, out, _) = giaoban(&["check", &dir.path().display().to_string()]);
    assert_eq!(code, 1, "{out}");
    let first = out.lines().next().unwrap();
    assert!(
        first.starts_with(&format!("{}/places.ron:15:", dir.path().display())),
        "{out}"
    );
    assert!(
        first.contains("unknown name 'centrl' (did you mean 'central'?)"),
        "{out}"
    );
    assert!(out.contains("1 lỗi, 0 cảnh báo"), "{out}");
}

#[test]
fn check_lists_counts_and_findings() {
    let (code, out, _) = giaoban(&["check", &mini()]);
    assert_eq!(code, 0);
    assert!(
        out.lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["nhiệm", "vụ", "4"]),
        "{out}"
    );
    assert!(out.contains("sai lệch khi đối chiếu: 6"), "{out}");
    assert!(out.contains("số in: Đã hoàn thành: 3 nhiệm vụ"), "{out}");
}

#[test]
fn export_json_is_valid_and_has_stable_fields() {
    let (code, out, err) = giaoban(&["export", "tasks", "--data", &mini(), "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), 4);
    for field in [
        "id",
        "report",
        "locality",
        "title",
        "lead_units",
        "coord_units",
        "deadline_raw",
        "due",
        "status",
        "status_raw",
        "overdue",
        "days_overdue",
        "model",
    ] {
        assert!(rows[0].get(field).is_some(), "missing {field}");
    }
    assert_eq!(rows[0]["due"], "2024-06-30");
    assert_eq!(rows[0]["days_overdue"], 184);
    assert_eq!(rows[0]["locality"], "binh-dinh");
    assert_eq!(rows[3]["due"], serde_json::Value::Null);

    // jq reads it, when jq is installed.
    if let Ok(mut child) = Command::new("jq")
        .arg("length")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
    {
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(out.as_bytes())
            .unwrap();
        let o = child.wait_with_output().unwrap();
        assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "4");
    }
}

#[test]
fn export_filters_with_the_query_language_and_as_of() {
    let (_, out, _) = giaoban(&["export", "tasks", "--data", &mini(), "--filter", "overdue"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    let (_, out, _) = giaoban(&[
        "export",
        "tasks",
        "--data",
        &mini(),
        "--filter",
        "overdue",
        "--as-of",
        "2024-06-01",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 0);
    let (code, _, err) = giaoban(&[
        "export",
        "tasks",
        "--data",
        &mini(),
        "--filter",
        "statsu:done",
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains("^^^^^^^^^^^") && err.contains("có phải 'status:'?"),
        "{err}"
    );
    let (_, out, _) = giaoban(&[
        "export",
        "localities",
        "--data",
        &mini(),
        "--format",
        "csv",
        "--lang",
        "en",
    ]);
    let header = out.lines().next().unwrap();
    assert!(
        header.starts_with("\u{feff}Id,Name,Level,Other names,Parent,Province of today (id)"),
        "{header}"
    );
    assert!(
        out.contains("binh-dinh,Bình Định,province,Tỉnh Bình Định,,gia-lai,Gia Lai"),
        "{out}"
    );
    let (code, _, err) = giaoban(&["export", "taks", "--data", &mini()]);
    assert_eq!(code, 1);
    assert!(err.contains("có phải 'tasks'?"), "{err}");
    let (code, _, err) = giaoban(&["--lang", "en", "export", "taks", "--data", &mini()]);
    assert_eq!(code, 1);
    assert!(err.contains("did you mean 'tasks'"), "{err}");
}

/// Ids of the records `giaoban export KIND --filter QUERY` gives on the shipped snapshot.
fn shipped_ids(kind: &str, query: &str) -> Vec<String> {
    let (code, out, err) = giaoban(&["export", kind, "--filter", query]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .filter(|r| r["level"].as_str().is_none_or(|l| l == "province"))
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn provinces_with_and_without_a_model_and_the_provinces_of_today() {
    // Phụ lục 04 lists 40 provinces for model 2 (and so prints 40/63): the other 23 have not
    // deployed it.
    let with = shipped_ids("localities", "model:2");
    let without = shipped_ids("localities", "-model:2");
    assert_eq!((with.len(), without.len()), (40, 23));
    assert!(with.contains(&"an-giang".to_string()));
    assert!(without.contains(&"quang-nam".to_string()));
    // A province of today is found by the names of the provinces it absorbed.
    assert!(shipped_ids("today", "binh dinh").contains(&"gia-lai".to_string()));
    assert_eq!(shipped_ids("today", "locality:binh-dinh"), ["gia-lai"]);
}

#[test]
fn free_words_tolerate_typos_but_do_not_pick_letters_across_a_title() {
    let provinces = shipped_ids("localities", "binh");
    assert!(
        provinces.contains(&"binh-dinh".to_string()),
        "{provinces:?}"
    );
    assert!(provinces.contains(&"hoa-binh".to_string()), "{provinces:?}");
    // b…i…n…h scattered through "Bắc Ninh" is not "binh".
    assert!(
        !provinces.contains(&"bac-ninh".to_string()),
        "{provinces:?}"
    );
    // A word matches where a word begins, as in the console: "hue" lists the tasks of Huế,
    // not Bình Định's "thuê dịch vụ".
    let hue = shipped_ids("tasks", "hue");
    assert_eq!(hue, shipped_ids("tasks", "locality:thua-thien-hue"));
    assert!(!hue.contains(&"bd-258-pl01-34".to_string()));
    // A missing space is forgiven: "dichvu" finds what "dịch vụ" finds.
    let spaced = shipped_ids("tasks", "\"dich vu\"").len();
    let joined = shipped_ids("tasks", "dichvu").len();
    assert!(joined > 0 && joined <= spaced, "{joined} / {spaced}");
    // Finding kinds answer to the names the console shows them by.
    assert_eq!(
        shipped_ids("findings", "kind:ghi-chu"),
        shipped_ids("findings", "kind:extraction")
    );
    assert!(!shipped_ids("findings", "kind:\"danh sách\"").is_empty());
}

#[test]
fn gen_writes_a_snapshot_that_check_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("national");
    let out_s = out.display().to_string();
    let (code, said, err) = giaoban(&["gen", "--tasks", "500", "--seed", "9", &out_s]);
    assert_eq!(code, 0, "{said}{err}");
    assert!(said.contains("tasks"), "{said}");
    // Piped: no progress bar on standard error.
    assert!(err.is_empty(), "{err}");
    let (code, report, err) = giaoban(&["check", &out_s]);
    assert_eq!(code, 0, "{report}");
    assert!(err.is_empty(), "no progress bar when piped: {err}");
    assert!(report.contains("lỗi: 0"), "{report}");
    assert!(report.contains("Dữ liệu mô phỏng"), "{report}");
    let tasks_line = report
        .lines()
        .find(|l| l.trim_start().starts_with("nhiệm vụ "))
        .unwrap();
    let n: usize = tasks_line
        .split_whitespace()
        .last()
        .unwrap()
        .parse()
        .unwrap();
    assert!(n >= 500, "{tasks_line}");
}
