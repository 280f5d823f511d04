//! The loader, validation, reconciliation and query language, on a small snapshot made for
//! the tests (tests/fixtures/mini) and on deliberately broken copies of it.

use std::path::{Path, PathBuf};

use giaoban::query::{Compiled, Ctx, Rec};
use giaoban::store::{load_path, Loaded};

fn mini() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini")
}

fn load_mini() -> Loaded {
    load_path(&mini()).expect("the mini snapshot loads")
}

/// A copy of the mini snapshot with one file's text changed by `edit`.
fn broken(file: &str, edit: impl Fn(&str) -> String) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(mini()).unwrap() {
        let p = entry.unwrap().path();
        let text = std::fs::read_to_string(&p).unwrap();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        let text = if name == file { edit(&text) } else { text };
        std::fs::write(dir.path().join(&name), text).unwrap();
    }
    let path = dir.path().to_path_buf();
    (dir, path)
}

fn errors_of(path: &Path) -> Vec<String> {
    match load_path(path) {
        Ok(_) => vec![],
        Err(f) => f.errors.iter().map(|e| e.to_string()).collect(),
    }
}

#[test]
fn syntax_error_names_file_line_and_column() {
    let (_d, p) = broken("report-a.ron", |t| {
        t.replacen(
            "status_raw: \"Đang triển khai\", model: 2",
            "status_raw: \"Đang triển khai\" model: 2",
            1,
        )
    });
    let errs = errors_of(&p);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(errs[0].contains("report-a.ron:22:"), "{}", errs[0]);
    assert!(errs[0].contains("expected a comma"), "{}", errs[0]);
}

#[test]
fn type_error_says_what_was_expected() {
    let (_d, p) = broken("report-a.ron", |t| {
        t.replacen("model: 2),", "model: \"two\"),", 1)
    });
    let errs = errors_of(&p);
    assert!(errs[0].contains("report-a.ron:22:"), "{errs:?}");
    assert!(errs[0].contains("expected a whole number"), "{errs:?}");
}

#[test]
fn misspelt_field_is_named_with_a_suggestion() {
    let (_d, p) = broken("report-a.ron", |t| {
        t.replacen(
            "deadline_raw: \"Quý IV/2024\"",
            "deadlin_raw: \"Quý IV/2024\"",
            1,
        )
    });
    let errs = errors_of(&p);
    assert!(errs[0].contains("did you mean 'deadline_raw'"), "{errs:?}");
}

#[test]
fn duplicate_ids_are_errors() {
    let (_d, p) = broken("report-a.ron", |t| {
        t.replacen("(id: \"t2\"", "(id: \"t1\"", 1)
    });
    let errs = errors_of(&p);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(
        errs[0].contains("the task id \"t1\" is defined 2 times"),
        "{errs:?}"
    );
    assert!(
        errs[0].contains("report-a.ron:23:"),
        "points at the second definition: {errs:?}"
    );
}

#[test]
fn unknown_references_suggest_the_closest_id() {
    let (_d, p) = broken("report-a.ron", |t| {
        t.replacen("lead_units: [\"so-tttt\"]", "lead_units: [\"so-ttt\"]", 1)
    });
    let errs = errors_of(&p);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(
        errs[0].contains("the unit \"so-ttt\" is not defined (did you mean \"so-tttt\"?)"),
        "{errs:?}"
    );
    assert!(
        errs[0].starts_with(&format!("{}/report-a.ron:22:", p.display())),
        "{errs:?}"
    );

    let (_d, p) = broken("report-a.ron", |t| {
        t.replacen("locality: \"binh-dinh\"", "locality: \"binh-dnh\"", 1)
    });
    let errs = errors_of(&p);
    assert!(errs[0].contains("did you mean \"binh-dinh\""), "{errs:?}");

    let (_d, p) = broken("report-a.ron", |t| {
        t.replacen("model: 2),", "model: 9),", 1)
    });
    assert!(errors_of(&p)[0].contains("the model \"9\" is not defined"));
}

#[test]
fn impossible_dates_in_the_data_are_errors_and_impossible_deadlines_warnings() {
    let (_d, p) = broken("report-a.ron", |t| {
        t.replacen("date: \"2024-12-31\"", "date: \"2024-02-30\"", 1)
    });
    let errs = errors_of(&p);
    assert!(errs[0].contains("YYYY-MM-DD"), "{errs:?}");

    let loaded = load_mini();
    assert!(
        loaded
            .warnings
            .iter()
            .any(|w| w.message.contains("\"36/3/2024\" cannot be read as a date")),
        "{:?}",
        loaded.warnings
    );
}

#[test]
fn control_characters_are_stripped_and_text_normalised() {
    let (_d, p) = broken("report-a.ron", |t| {
        t.replacen("Số hoá hộ tịch", "Số hoá\\u{1b}[2J hộ tịch\\u{7}", 1)
            .replacen("Làm sạch", "La\u{300}m sạch", 1)
    });
    let loaded = load_path(&p).unwrap();
    let t2 = &loaded.snapshot.tasks[1];
    assert_eq!(t2.title, "Số hoá hộ tịch");
    assert_eq!(loaded.snapshot.tasks[3].title, "Làm sạch dữ liệu");
    assert!(
        loaded
            .warnings
            .iter()
            .any(|w| w.message.contains("tasks[1].title")),
        "{:?}",
        loaded.warnings
    );
}

#[test]
fn a_missing_file_is_named_in_the_manifest() {
    let (_d, p) = broken("manifest.ron", |t| {
        t.replace("\"report-a.ron\"", "\"report-b.ron\"")
    });
    let errs = errors_of(&p);
    assert!(errs[0].contains("manifest.ron:5:"), "{errs:?}");
    assert!(
        errs[0].contains("\"report-b.ron\": the file does not exist"),
        "{errs:?}"
    );
}

#[test]
fn a_single_data_file_loads_on_its_own() {
    let loaded = load_path(&mini().join("places.ron")).unwrap();
    assert_eq!(loaded.snapshot.localities.len(), 5);
}

#[test]
fn reconciliation_lists_printed_against_computed() {
    let loaded = load_mini();
    let f: Vec<(String, String, Option<String>, Option<String>)> = loaded
        .findings
        .iter()
        .map(|f| {
            (
                f.kind.to_string(),
                f.subject.to_string(),
                f.printed.as_deref().map(str::to_string),
                f.computed.as_deref().map(str::to_string),
            )
        })
        .collect();
    // The group title says 3 models, the catalogue lists 2.
    assert!(
        f.contains(&(
            "group".into(),
            "I".into(),
            Some("03 MÔ HÌNH".into()),
            Some("2".into())
        )),
        "{f:?}"
    );
    // "3/63" beside a list of two distinct provinces, one of them twice.
    assert!(
        f.contains(&(
            "list".into(),
            "a-2".into(),
            Some("3/63".into()),
            Some("2 địa phương được liệt kê".into())
        )),
        "{f:?}"
    );
    assert!(
        f.iter()
            .any(|x| x.0 == "list" && x.1 == "a-2" && x.2.as_deref() == Some("3 mục")),
        "{f:?}"
    );
    // 3 done printed, 1 done in the rows; the total agrees and is not listed.
    assert!(
        f.contains(&(
            "headline".into(),
            "h-done".into(),
            Some("Đã hoàn thành: 3 nhiệm vụ".into()),
            Some("1".into())
        )),
        "{f:?}"
    );
    assert!(!f.iter().any(|x| x.1 == "h-total"), "{f:?}");
    // 31.385/21.394 is not 99,96%; 112.315/112.864 is 99,51%.
    assert!(
        f.iter()
            .any(|x| x.0 == "percent" && x.1 == "i1" && x.3.as_deref() == Some("146.70%")),
        "{f:?}"
    );
    assert!(!f.iter().any(|x| x.1 == "i2"), "{f:?}");
    // The impossible deadline.
    assert!(f.iter().any(|x| x.0 == "deadline" && x.1 == "t4"), "{f:?}");
    assert_eq!(f.len(), 6, "{f:?}");
}

fn query(loaded: &Loaded, q: &str, recs: &[Rec]) -> Vec<Rec> {
    let ctx = Ctx {
        snap: &loaded.snapshot,
        findings: &loaded.findings,
        as_of: loaded.snapshot.as_of.unwrap(),
        overlay: None,
    };
    Compiled::parse(q, &loaded.snapshot)
        .unwrap_or_else(|e| panic!("{}", e.render(q)))
        .filter(&ctx, recs)
}

fn tasks(loaded: &Loaded) -> Vec<Rec> {
    (0..loaded.snapshot.tasks.len()).map(Rec::Task).collect()
}

fn ids(loaded: &Loaded, recs: &[Rec]) -> Vec<String> {
    recs.iter()
        .map(|r| match r {
            Rec::Task(i) => loaded.snapshot.tasks[*i].id.to_string(),
            Rec::Blocker(i) => loaded.snapshot.blockers[*i].id.to_string(),
            Rec::Locality(i) => loaded.snapshot.localities[*i].id.to_string(),
            other => format!("{other:?}"),
        })
        .collect()
}

#[test]
fn queries_fold_diacritics_and_resolve_spellings() {
    let l = load_mini();
    let t = tasks(&l);
    assert_eq!(ids(&l, &query(&l, "so hoa", &t)), ["t2"]);
    assert_eq!(ids(&l, &query(&l, "Số HOÁ", &t)), ["t2"]);
    assert_eq!(
        ids(&l, &query(&l, "unit:STTTT", &t)),
        ["t1", "t3"],
        "any role"
    );
    assert_eq!(
        ids(&l, &query(&l, "lead:\"Sở TT&TT\"", &t)),
        ["t1"],
        "lead only"
    );
    assert_eq!(ids(&l, &query(&l, "-unit:c06", &t)), ["t1", "t2"]);
    assert_eq!(ids(&l, &query(&l, "status:done", &t)), ["t2"]);
    assert_eq!(
        ids(&l, &query(&l, "status:\"đang triển khai\"", &t)),
        ["t1"]
    );
    assert_eq!(ids(&l, &query(&l, "overdue", &t)), ["t1"]);
    assert_eq!(ids(&l, &query(&l, "model:2", &t)), ["t1"]);
    assert_eq!(ids(&l, &query(&l, "\"du lieu dan cu\"", &t)), ["t3"]);
    assert_eq!(ids(&l, &query(&l, "du lieu -\"dan cu\"", &t)), ["t4"]);
    assert_eq!(
        ids(&l, &query(&l, "locality:\"binh dinh\" -status:done", &t)),
        ["t1", "t3", "t4"]
    );
    assert_eq!(
        ids(&l, &query(&l, "today:gia-lai", &t)).len(),
        4,
        "Bình Định is part of Gia Lai today"
    );
    assert!(query(&l, "today:hue", &t).is_empty());

    let locs: Vec<Rec> = (0..l.snapshot.localities.len())
        .map(Rec::Locality)
        .collect();
    assert_eq!(
        ids(&l, &query(&l, "thua thien hue", &locs)),
        ["thua-thien-hue"],
        "matches \"Thừa thiên - Huế\" too"
    );
    assert_eq!(
        ids(&l, &query(&l, "binh dinh", &locs)),
        ["binh-dinh", "binh-dinh-an-nhon"],
        "its district carries its name"
    );
    assert_eq!(
        ids(&l, &query(&l, "locality:binh-dinh", &locs)),
        ["binh-dinh", "binh-dinh-an-nhon"],
        "a province includes its districts"
    );

    let blockers: Vec<Rec> = (0..l.snapshot.blockers.len()).map(Rec::Blocker).collect();
    assert_eq!(ids(&l, &query(&l, "cause:tai-chinh", &blockers)), ["b1"]);
    assert_eq!(ids(&l, &query(&l, "cause:unknown", &blockers)), ["b2"]);
    assert_eq!(
        ids(&l, &query(&l, "kind:proposal unit:C06", &blockers)),
        ["b2"]
    );
}

#[test]
fn query_errors_point_at_the_term() {
    let l = load_mini();
    let e = Compiled::parse("kiosk unit:XYZ123", &l.snapshot).unwrap_err();
    assert_eq!(e.span, (6, 17));
    assert!(
        e.message.contains("no unit is called 'XYZ123'"),
        "{}",
        e.message
    );
    let e = Compiled::parse("locality:binh-dnh", &l.snapshot).unwrap_err();
    assert!(e.message.contains("no locality"), "{}", e.message);
    let e = Compiled::parse("model:44", &l.snapshot).unwrap_err();
    assert!(e.message.contains("no model 44"), "{}", e.message);
    let rendered = Compiled::parse("x statsu:done", &l.snapshot)
        .unwrap_err()
        .render("x statsu:done");
    assert_eq!(rendered.lines().nth(1), Some("  ^^^^^^^^^^^"));
}

#[test]
fn overdue_is_counted_against_the_as_of_date() {
    let l = load_mini();
    let as_of = chrono::NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
    assert_eq!(l.snapshot.task_days_overdue(0, as_of), Some(184));
    assert_eq!(
        l.snapshot
            .task_days_overdue(0, chrono::NaiveDate::from_ymd_opt(2024, 6, 30).unwrap()),
        None
    );
    assert_eq!(
        l.snapshot
            .task_days_overdue(0, chrono::NaiveDate::from_ymd_opt(2024, 7, 1).unwrap()),
        Some(1)
    );
    assert_eq!(l.snapshot.task_days_overdue(1, as_of), None, "done");
    assert_eq!(l.snapshot.task_days_overdue(2, as_of), None, "recurring");
    assert_eq!(
        l.snapshot.task_days_overdue(3, as_of),
        None,
        "unreadable deadline is flagged, not guessed"
    );
}

#[test]
fn sources_that_disagree_and_figures_printed_twice_are_listed() {
    let (_d, p) = broken("report-a.ron", |t| {
        t.replace(
            "    assessments: [\n",
            "    assessments: [\n        (id: \"p-2\", model: 2, locality: \"binh-dinh\", title_raw: \"Mô hình 2\", result: \"<p>Chưa triển khai</p>\", source: (section: \"Phụ lục 02\", row: \"2\", line: 40)),\n        (id: \"p-2-gl\", model: 2, locality: \"gia-lai\", title_raw: \"Mô hình 2\", result: \"Đã triển khai tại 3 huyện\", source: (section: \"Phụ lục 02\", row: \"3\", line: 41)),\n",
        )
        .replace(
            "    indicators: [\n",
            "    indicators: [\n        (id: \"i3\", name: \"Hồ sơ số hóa\", raw: \"đã số hóa 10 hồ sơ\", value: 10, measure: \"ho-so-so-hoa\", source: (section: \"Mục II.1\", line: 20)),\n        (id: \"i4\", name: \"Hồ sơ số hóa (Phụ lục)\", raw: \"số hóa 12 hồ sơ\", value: 12, measure: \"ho-so-so-hoa\", source: (section: \"Phụ lục 01\", row: \"2\", line: 31)),\n        (id: \"i5\", name: \"Tài khoản\", raw: \"5 tài khoản đến 15/9/2024\", value: 5, as_of: \"2024-09-15\", measure: \"tai-khoan\"),\n        (id: \"i6\", name: \"Tài khoản\", raw: \"7 tài khoản đến 15/12/2024\", value: 7, as_of: \"2024-12-15\", measure: \"tai-khoan\"),\n",
        )
        .replace(
            "        headline: [\n",
            "        headline: [\n            (id: \"h-roadmap\", label: \"Theo lộ trình\", raw: \"01 nhiệm vụ thực hiện thường xuyên\", value: 1, claim: tasks_with_deadline(contains: \"thực hiện thường xuyên\", section: None)),\n            (id: \"h-nc\", label: \"Hoàn thành\", raw: \"Hoàn thành: 3\", value: 3, claim: not_comparable(reason: \"bảng không có cột trạng thái\")),\n",
        )
    });
    let loaded = load_path(&p).expect("loads");
    let s = &loaded.snapshot;
    let find = |kind: &str, subject: &str| {
        loaded
            .findings
            .iter()
            .find(|f| f.kind == kind && f.subject == subject)
    };
    // The national list names Bình Định; its own report says not deployed: not counted, listed.
    assert_eq!(s.model_localities(2), vec!["gia-lai".to_string()]);
    let f = find("deployment", "p-2").expect("the disagreement is listed");
    assert!(f.message.contains("Chưa triển khai"), "{}", f.message);
    assert!(find("deployment", "p-2-gl").is_none(), "Gia Lai agrees");
    // One measure printed 10 and 12: both texts and both places are listed.
    let f = find("conflict", "ho-so-so-hoa").expect("10 against 12");
    let printed = f.printed.as_deref().unwrap();
    assert!(
        printed.contains("\"đã số hóa 10 hồ sơ\" (Mục II.1 (tệp nguồn, dòng 20))"),
        "{printed}"
    );
    assert!(
        printed.contains("\"số hóa 12 hồ sơ\" (Phụ lục 01, dòng 2 (tệp nguồn, dòng 31))"),
        "{printed}"
    );
    assert!(f.message.contains("10 / 12"), "{}", f.message);
    // Two dates are a series, not a disagreement.
    assert!(find("conflict", "tai-khoan").is_none());
    // The roadmap count agrees with the one row due "Thực hiện thường xuyên".
    assert!(find("headline", "h-roadmap").is_none());
    let f = find("headline", "h-nc").expect("the reason is shown");
    assert_eq!(f.computed, None);
    assert!(f
        .message
        .contains("không so được với các dòng: bảng không có cột trạng thái"));
}
