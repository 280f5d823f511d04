//! The shipped snapshot against Thừa Thiên Huế, Báo cáo 108/BC-BCĐ of 10/07/2024 (seed
//! 004_08280993287f13f3.txt), with figures read by hand from the source: the rows of every
//! appendix and table section, the headline figures as printed, task / model / indicator rows
//! field by field, the blockers and the disagreements the report has with itself.

mod common;

use std::path::Path;

use giaoban::domain::{Assessment, Blocker, BlockerKind, Cause, Claim, Indicator, Status, Task};
use giaoban::store::{load_path, Loaded};

const R: &str = "hue-108";

fn load() -> Loaded {
    load_path(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data"))
        .expect("the shipped snapshot loads")
}

fn tasks(l: &Loaded) -> Vec<&Task> {
    l.snapshot.tasks.iter().filter(|t| t.report == R).collect()
}

fn task<'a>(l: &'a Loaded, id: &str) -> &'a Task {
    let found: Vec<&Task> = tasks(l).into_iter().filter(|t| t.id == id).collect();
    assert_eq!(found.len(), 1, "{id} defined once");
    found[0]
}

fn assessment<'a>(l: &'a Loaded, id: &str) -> &'a Assessment {
    let found: Vec<&Assessment> = l
        .snapshot
        .assessments
        .iter()
        .filter(|a| a.report == R && a.id == id)
        .collect();
    assert_eq!(found.len(), 1, "{id} defined once");
    found[0]
}

fn indicator<'a>(l: &'a Loaded, id: &str) -> &'a Indicator {
    let found: Vec<&Indicator> = l
        .snapshot
        .indicators
        .iter()
        .filter(|i| i.report == R && i.id == id)
        .collect();
    assert_eq!(found.len(), 1, "{id} defined once");
    found[0]
}

fn blocker<'a>(l: &'a Loaded, id: &str) -> &'a Blocker {
    let found: Vec<&Blocker> = l
        .snapshot
        .blockers
        .iter()
        .filter(|b| b.report == R && b.id == id)
        .collect();
    assert_eq!(found.len(), 1, "{id} defined once");
    found[0]
}

fn strs(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn report_as_printed() {
    let l = load();
    let r = l
        .snapshot
        .reports
        .iter()
        .find(|r| r.id == R)
        .expect("the report");
    assert_eq!(r.file, "004_08280993287f13f3.txt");
    assert_eq!(r.short, "Thừa Thiên Huế 108/BC-BCĐ");
    assert_eq!(r.number.as_deref(), Some("108/BC-BCĐ"));
    assert_eq!(r.date.map(|d| d.to_string()).as_deref(), Some("2024-07-10"));
    assert_eq!(
        r.date_raw.as_deref(),
        Some("Thừa Thiên Huế, ngày 10 tháng 7 năm 2024")
    );
    assert_eq!(r.period.as_deref(), Some("6 tháng đầu năm 2024"));
    assert_eq!(r.locality.as_deref(), Some("thua-thien-hue"));
    assert!(r.issuer.starts_with("Ban Chỉ đạo") && r.issuer.ends_with("tỉnh Thừa Thiên Huế"));
    assert!(r
        .title
        .starts_with("Kết quả 06 tháng đầu năm 2024 triển khai thực hiện Đề án"));
}

#[test]
fn headline_figures_as_printed() {
    let l = load();
    let r = l.snapshot.reports.iter().find(|r| r.id == R).unwrap();
    let h = |id: &str| {
        r.headline
            .iter()
            .find(|h| h.id == format!("{R}-h-{id}"))
            .unwrap_or_else(|| panic!("headline {id}"))
    };
    // (id, value as printed, words of the printed sentence, source line)
    let printed: [(&str, f64, &str, u32); 17] = [
        ("tasks-total", 92.0, "triển khai thực hiện 92 nhiệm vụ", 15),
        (
            "tasks-2023",
            10.0,
            "Nhiệm vụ tồn năm 2023 chuyển sang: 10 nhiệm vụ.",
            17,
        ),
        (
            "tasks-2024",
            82.0,
            "Nhiệm vụ mới được giao năm 2024: 82 nhiệm vụ.",
            18,
        ),
        (
            "tasks-done",
            22.0,
            "Tổng số nhiệm vụ đã hoàn thành: 22 nhiệm vụ.",
            20,
        ),
        (
            "tasks-recurring",
            11.0,
            "Tổng số nhiệm vụ thực hiện thường xuyên: 11 nhiệm vụ.",
            21,
        ),
        (
            "tasks-in-progress",
            59.0,
            "Tổng số nhiệm vụ đang triển khai: 59 nhiệm vụ.",
            22,
        ),
        (
            "tasks-not-done",
            0.0,
            "Tổng số nhiệm vụ chưa hoàn thành: 0 nhiệm vụ.",
            23,
        ),
        ("pl1-total", 92.0, "Tổng số nhiệm vụ: 92 nhiệm vụ.", 422),
        (
            "pl1-2023",
            10.0,
            "chậm muộn từ năm 2023 chuyển sang: 10 nhiệm vụ.",
            424,
        ),
        (
            "pl1-2024",
            82.0,
            "Số nhiệm vụ đề ra từ đầu năm 2024: 82 nhiệm vụ.",
            426,
        ),
        (
            "models-total",
            46.0,
            "Tổng số mô hình triển khai: 46 mô hình.",
            279,
        ),
        ("models-deployed", 39.0, "39/46 mô hình", 279),
        ("models-done", 24.0, "Cơ bản đã hoàn thành 24 mô hình", 279),
        (
            "models-in-progress",
            15.0,
            "Đang triển khai 15 mô hình",
            279,
        ),
        ("models-not-started", 7.0, "Chưa triển khai 07 mô hình", 279),
        ("hanoi-deployed", 15.0, "15/17 mô hình", 285),
        (
            "services-28-integrated",
            17.0,
            "Đã tích hợp 17/28 DVC trên Cổng DVCQG",
            111,
        ),
    ];
    for (id, value, words, line) in printed {
        let x = h(id);
        assert_eq!(x.value, Some(value), "{id}");
        assert!(x.raw.contains(words), "{id}: {}", x.raw);
        assert_eq!(x.source.line, Some(line), "{id}");
    }
    // the groups of Phụ lục IV as printed in their titles
    for (g, v) in [
        ("i", 5.0),
        ("ii", 18.0),
        ("iii", 13.0),
        ("iv", 3.0),
        ("v", 7.0),
    ] {
        assert_eq!(h(&format!("pl4-group-{g}")).value, Some(v), "group {g}");
    }
    assert_eq!(h("pl4-title").value, Some(46.0));
    assert_eq!(h("pl5-title").value, Some(17.0));
    assert_eq!(h("pl2-title").value, Some(25.0));
    assert_eq!(h("pl3-title").value, Some(28.0));
    // task figures are claims the checker recomputes from Phụ lục I
    assert_eq!(
        h("tasks-total").claim,
        Some(Claim::TasksTotal {
            section: Some("Phụ lục I,".into())
        })
    );
    assert_eq!(
        h("tasks-done").claim,
        Some(Claim::TasksWithStatus {
            status: Status::Done,
            section: Some("Phụ lục I,".into())
        })
    );
    assert_eq!(
        h("tasks-not-done").claim,
        Some(Claim::TasksWithStatus {
            status: Status::NotStarted,
            section: Some("Phụ lục I,".into())
        })
    );
}

#[test]
fn phu_luc_i_rows_per_section() {
    let l = load();
    let all = tasks(&l);
    assert_eq!(
        all.len(),
        114,
        "102 rows of Phụ lục I + 3 of Phụ lục VI + 9 priority tasks of mục IV"
    );
    let pl1: Vec<&&Task> = all
        .iter()
        .filter(|t| t.source.section.starts_with("Phụ lục I,"))
        .collect();
    assert_eq!(pl1.len(), 102);
    // counted by hand: section heading -> rows (numbers)
    let sections: [(&str, usize, &str, &str); 12] = [
        ("I. TỪ NĂM 2023 CHUYỂN SANG (10 nhiệm vụ)", 10, "1", "10"),
        ("II. VỀ CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", 7, "1", "7"),
        ("III. VỀ HOÀN THIỆN PHÁP LÝ", 13, "8", "20"),
        ("III. PHỤC VỤ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", 14, "21", "34"),
        ("IV. PHỤC VỤ PHÁT TRIỂN KINH TẾ, XÃ HỘI", 5, "35", "39"),
        ("V. PHỤC VỤ CÔNG DÂN SỐ", 4, "40", "43"),
        ("VI. VỀ DỮ LIỆU VÀ KẾT NỐI, CHIA SẺ", 14, "44", "57"),
        ("VII. ĐẢM BẢO HẠ TẦNG", 3, "58", "60"),
        ("VIII. PHỤC VỤ CHỈ ĐẠO, ĐIỀU HÀNH", 5, "61", "65"),
        ("IX. CÔNG TÁC TUYÊN TRUYỀN", 1, "66", "66"),
        ("X. KINH PHÍ", 2, "67", "68"),
        ("XI. NHIỆM VỤ PHÁT SINH TRONG NĂM 2024", 24, "69", "92"),
    ];
    for (heading, n, first, last) in sections {
        let rows: Vec<&&&Task> = pl1
            .iter()
            .filter(|t| t.section.as_deref().is_some_and(|s| s.starts_with(heading)))
            .collect();
        assert_eq!(rows.len(), n, "{heading}");
        assert_eq!(rows[0].local_number.as_deref(), Some(first), "{heading}");
        assert_eq!(rows[n - 1].local_number.as_deref(), Some(last), "{heading}");
    }
    let carried = pl1
        .iter()
        .filter(|t| t.source.section == "Phụ lục I, từ năm 2023 chuyển sang")
        .count();
    assert_eq!(carried, 10);
    // "Ghi chú" counted by hand over the 102 rows
    let count = |s: Status| {
        pl1.iter()
            .filter(|t| Status::from_raw(&t.status_raw) == s)
            .count()
    };
    assert_eq!(count(Status::Done), 22);
    assert_eq!(count(Status::Recurring), 11);
    assert_eq!(count(Status::InProgress), 65);
    assert_eq!(count(Status::Behind), 4);
    assert_eq!(count(Status::NotStarted), 0);
    for t in &all {
        assert_eq!(t.locality.as_deref(), Some("thua-thien-hue"), "{}", t.id);
    }
}

#[test]
fn phu_luc_i_rows_field_by_field() {
    let l = load();
    let t = task(&l, "hue-108-pl1-2023-01");
    assert_eq!(t.source.line, Some(430));
    assert_eq!(t.deadline_raw, "");
    assert_eq!(t.status_raw, "Chậm tiến độ");
    assert_eq!(t.lead_raw, "Các sở, ngành có liên quan");
    assert_eq!(t.lead_units, strs(&["thua-thien-hue-cac-so-nganh"]));
    assert!(t
        .result
        .starts_with("Hiện, còn 05 văn bản chưa hoàn thành xử lý"));
    assert!(t.note.contains("Kế hoạch số 75/KH-UBND ngày 04/3/2023"));

    let t = task(&l, "hue-108-pl1-2023-07");
    assert_eq!(t.title, "Mô hình 41: Phân tích tình hình lao động");
    assert_eq!(t.deadline_raw, "30/10/2023");
    assert_eq!(t.result, "Chưa triển khai");
    assert_eq!(t.status_raw, "Đang triển khai");
    assert_eq!(t.model, Some(39));
    assert_eq!(t.model_printed.as_deref(), Some("41"));
    assert_eq!(t.lead_units, strs(&["thua-thien-hue-so-tttt"]));

    let t = task(&l, "hue-108-pl1-2023-10");
    assert_eq!(t.status_raw, "Hoàn thành");
    assert_eq!(t.model, Some(44));
    assert!(t.result.contains("813 cán bộ, công chức, viên chức"));

    let t = task(&l, "hue-108-pl1-01");
    assert_eq!(t.source.line, Some(442));
    assert_eq!(t.lead_units, strs(&["thua-thien-hue-cong-an"]));
    assert_eq!(t.deadline_raw, "Trong tháng 02/2024");
    assert_eq!(t.status_raw, "Hoàn thành");

    let t = task(&l, "hue-108-pl1-04");
    assert_eq!(t.lead_units, strs(&["thua-thien-hue-bcd-de-an-06"]));
    assert_eq!(t.deadline_raw, "Thực hiện hàng tháng");
    assert_eq!(t.status_raw, "Thực hiện thường xuyên");

    let t = task(&l, "hue-108-pl1-26");
    assert_eq!(t.lead_raw, "Các sở, ban, ngành, địa phương");
    assert_eq!(
        t.lead_units,
        strs(&[
            "thua-thien-hue-cac-so-nganh",
            "thua-thien-hue-cac-dia-phuong"
        ])
    );
    // the unnumbered row under it is kept in its note
    assert!(t
        .note
        .contains("hài lòng về việc tiếp nhận, giải quyết thủ tục hành chính"));

    let t = task(&l, "hue-108-pl1-65");
    assert_eq!(t.lead_raw, "Sở Thông tin và Truyền thông; Sở Nội vụ");
    assert_eq!(
        t.lead_units,
        strs(&["thua-thien-hue-so-tttt", "thua-thien-hue-so-noi-vu"])
    );
    assert!(t
        .note
        .contains("Báo cáo UBND tỉnh kết quả thực hiện trước 31/5/2024"));

    // a 6-cell row: the last cell is the status
    let t = task(&l, "hue-108-pl1-69");
    assert_eq!(t.status_raw, "Hoàn thành");
    assert_eq!(t.result, "");
    assert!(t.deadline_raw.ends_with("trước ngày 30/3/2024"));
    assert_eq!(
        t.lead_units,
        strs(&[
            "thua-thien-hue-cac-so-nganh",
            "thua-thien-hue-cac-dia-phuong",
            "thua-thien-hue-buu-dien"
        ])
    );

    let t = task(&l, "hue-108-pl1-83");
    assert_eq!(t.lead_units, strs(&["thua-thien-hue-ubnd-tp-hue"]));
    assert_eq!(t.deadline_raw, "25/5/2024");
    assert_eq!(t.status_raw, "Chậm tiến độ");
    assert_eq!(t.model, Some(23));

    let t = task(&l, "hue-108-pl1-90");
    assert_eq!(
        t.lead_units,
        strs(&["thua-thien-hue-so-y-te", "thua-thien-hue-so-gddt"])
    );
    assert_eq!(t.deadline_raw, "31/5/2024");

    let t = task(&l, "hue-108-pl1-92");
    assert_eq!(t.source.line, Some(567));
    assert_eq!(t.status_raw, "Đang triển khai");
}

#[test]
fn phu_luc_vi_tasks() {
    let l = load();
    let t = task(&l, "hue-108-pl6-1");
    assert_eq!(t.lead_units, strs(&["thua-thien-hue-so-tu-phap"]));
    assert_eq!(t.coord_units.len(), 4);
    assert!(t
        .coord_units
        .iter()
        .any(|u| u == "trung-tam-du-lieu-quoc-gia-dan-cu"));
    assert_eq!(t.deadline_raw, "Trong năm 2024");
    assert_eq!(t.status_raw, "Chưa hoàn thành");
    assert!(t.result.contains("nhập liệu 286.448 trường hợp đạt 19,95%"));
    let t = task(&l, "hue-108-pl6-2");
    assert_eq!(t.lead_units, strs(&["thua-thien-hue-so-tnmt"]));
    assert_eq!(t.deadline_raw, "Thường xuyên");
    assert_eq!(t.status_raw, "Đã hoàn thành");
    assert!(t.result.contains("1.075.309 thửa đất"));
    // The last line of the seed (831), with no newline after it.
    let t = task(&l, "hue-108-pl6-3");
    assert_eq!(t.source.line, Some(831));
    assert_eq!(t.lead_raw, "Sở Lao động - Thương binh và Xã hội");
    assert_eq!(t.lead_units, strs(&["thua-thien-hue-so-ldtbxh"]));
    assert_eq!(t.deadline_raw, "Thường xuyên");
    assert_eq!(t.status_raw, "Đã hoàn thành");
    assert!(t
        .result
        .contains("cho 26.999 trường hợp đối tượng BTXH và Người có công, đạt tỉ lệ 44,62%."));
    assert_eq!(
        indicator(&l, "hue-108-pl6-3-asxh-ra-soat").value,
        Some(118370.0)
    );
    assert_eq!(
        indicator(&l, "hue-108-pl6-3-asxh-chi-tra-tai-khoan")
            .percent_raw
            .as_deref(),
        Some("44,62%")
    );
}

#[test]
fn before_july_is_due_end_of_june() {
    let l = common::load();
    let (i, t) = l
        .snapshot
        .tasks
        .iter()
        .enumerate()
        .find(|(_, t)| t.id == "hue-108-pl1-78")
        .expect("row 78");
    assert_eq!(t.deadline_raw, "Trước tháng 7/2024");
    assert_eq!(
        l.snapshot
            .task_deadline(i)
            .due()
            .map(|d| d.to_string())
            .as_deref(),
        Some("2024-06-30")
    );
}

#[test]
fn model_appendices_rows() {
    let l = load();
    let ours: Vec<&Assessment> = l
        .snapshot
        .assessments
        .iter()
        .filter(|a| a.report == R)
        .collect();
    assert_eq!(ours.len(), 63, "46 of Phụ lục IV + 17 of Phụ lục V");
    let in_group = |g: &str| {
        ours.iter()
            .filter(|a| a.source.section == format!("Phụ lục IV, nhóm {g}"))
            .count()
    };
    assert_eq!(
        [
            in_group("I"),
            in_group("II"),
            in_group("III"),
            in_group("IV"),
            in_group("V")
        ],
        [5, 18, 13, 3, 7]
    );
    let pl5 = ours
        .iter()
        .filter(|a| a.source.section.starts_with("Phụ lục V,"))
        .count();
    assert_eq!(pl5, 17);
    // Huế numbering against the national catalogue of 44
    let m = |id: &str| assessment(&l, id).model;
    assert_eq!(m("hue-108-pl4-01"), Some(1));
    assert_eq!(m("hue-108-pl4-22"), Some(22));
    assert_eq!(m("hue-108-pl4-23"), None);
    assert_eq!(m("hue-108-pl4-24"), Some(24));
    assert_eq!(m("hue-108-pl4-34"), Some(34));
    assert_eq!(m("hue-108-pl4-35"), None);
    assert_eq!(m("hue-108-pl4-36"), None);
    assert_eq!(m("hue-108-pl4-37"), Some(35));
    assert_eq!(m("hue-108-pl4-46"), Some(44));
    assert_eq!(m("hue-108-pl5-nc2"), Some(23));
    assert_eq!(m("hue-108-pl5-06"), Some(33));
    for a in &ours {
        assert_eq!(a.locality.as_deref(), Some("thua-thien-hue"), "{}", a.id);
    }
}

#[test]
fn model_rows_field_by_field() {
    let l = load();
    let a = assessment(&l, "hue-108-pl4-12");
    assert_eq!(a.local_number.as_deref(), Some("12"));
    assert_eq!(
        a.title_raw,
        "Mô hình 12: Triển khai nền tảng quản lý lưu trú trên xe khách đường dài"
    );
    assert_eq!(a.result, "Chưa triển khai");
    assert!(a
        .difficulties
        .contains("Chưa có hướng dẫn cụ thể xác định tiêu chí"));
    assert_eq!(a.effectiveness, "");
    assert_eq!(a.source.line, Some(696));

    // split across a page break: the rest of "Kết quả" is on line 675
    let a = assessment(&l, "hue-108-pl4-01");
    assert!(a.result.contains("Tra</p> cứu hồ sơ; Tra cứu tài khoản"));
    assert!(a
        .cost
        .contains("300 thiết bị đọc thẻ CCCD gắn chip: 2.730.000.000 đồng"));

    // the title runs across a page break (line 733)
    let a = assessment(&l, "hue-108-pl4-31");
    assert!(a.title_raw.ends_with("qua ứng</p> dụng VNeID, Call Center"));
    assert_eq!(a.model, Some(31));

    // 6 cells only: no "Đánh giá hiệu quả"
    let a = assessment(&l, "hue-108-pl4-34");
    assert_eq!(a.effectiveness, "");
    assert!(a.cost.contains("6,435 tỷ đồng"));
    assert!(a.replication.contains("Kiến nghị BHXH Việt Nam"));

    let a = assessment(&l, "hue-108-pl4-36");
    assert!(a.result.contains("105.733 địa chỉ số"));
    assert_eq!(a.cost, "Kinh phí thường xuyên của các địa phương");

    let a = assessment(&l, "hue-108-pl4-42");
    assert_eq!(a.model, Some(40));
    assert_eq!(a.result, "Như Mô hình 41");

    let a = assessment(&l, "hue-108-pl5-13");
    assert_eq!(
        a.title_raw,
        "Chi trả lương hưu, trợ cấp BHXH hàng tháng không dùng tiền mặt"
    );
    assert!(a.result.contains("17.324 người hưởng, đạt tỷ lệ 52%"));
    assert_eq!(a.model, None);
    assert_eq!(a.status_raw, "Đã triển khai");

    let a = assessment(&l, "hue-108-pl5-nc1");
    assert_eq!(a.local_number.as_deref(), Some("(1)"));
    assert_eq!(a.status_raw, "Đang nghiên cứu triển khai");
    assert_eq!(a.model, None);
}

#[test]
fn indicator_counts_and_rows() {
    let l = load();
    let ours: Vec<&Indicator> = l
        .snapshot
        .indicators
        .iter()
        .filter(|i| i.report == R)
        .collect();
    let pl2 = ours
        .iter()
        .filter(|i| i.source.section == "Phụ lục II")
        .count();
    // 22 services with figures × 3 (online/total, on time, overdue) + 3 without dossiers + the total × 3
    assert_eq!(pl2, 72);
    let pl3_not_done = ours
        .iter()
        .filter(|i| i.source.section == "Phụ lục III, CHƯA HOÀN THÀNH")
        .count();
    let pl3_done = ours
        .iter()
        .filter(|i| i.source.section == "Phụ lục III, ĐÃ HOÀN THÀNH")
        .count();
    assert_eq!((pl3_not_done, pl3_done), (11, 17));
    for i in &ours {
        // footnote 16: the 99% is A Lưới's own rate; every other figure is the province's
        let want = if i.id == "hue-108-i-ho-tich-a-luoi-ty-le" {
            "thua-thien-hue-a-luoi"
        } else {
            "thua-thien-hue"
        };
        assert_eq!(i.locality.as_deref(), Some(want), "{}", i.id);
    }

    let i = indicator(&l, "hue-108-pl2-03");
    assert_eq!(i.name, "Đăng ký thường trú: hồ sơ trực tuyến / tổng hồ sơ");
    assert_eq!((i.numerator, i.denominator), (Some(28813.0), Some(29316.0)));
    assert_eq!(i.percent_raw.as_deref(), Some("98%"));
    assert_eq!(
        indicator(&l, "hue-108-pl2-03-dung-han").value,
        Some(24003.0)
    );
    assert_eq!(indicator(&l, "hue-108-pl2-03-qua-han").value, Some(4810.0));

    let i = indicator(&l, "hue-108-pl2-19");
    assert_eq!((i.numerator, i.denominator), (Some(686.0), Some(4120.0)));
    assert_eq!(i.percent_raw.as_deref(), Some("17%"));
    assert_eq!(indicator(&l, "hue-108-pl2-19-dung-han").value, Some(2270.0));

    let i = indicator(&l, "hue-108-pl2-01-qua-han");
    assert_eq!(i.value, None, "printed \"-\"");
    assert!(i.raw.ends_with("| -"));

    let i = indicator(&l, "hue-108-pl2-17");
    assert_eq!(i.value, None);
    assert!(i.raw.contains("Chưa phát sinh hồ sơ"));

    let i = indicator(&l, "hue-108-pl2-tong");
    assert_eq!(
        (i.numerator, i.denominator),
        (Some(171591.0), Some(179697.0))
    );
    assert_eq!(i.percent_raw.as_deref(), Some("95%"));
    assert_eq!(
        indicator(&l, "hue-108-pl2-tong-dung-han").value,
        Some(165002.0)
    );
    assert_eq!(
        indicator(&l, "hue-108-pl2-tong-qua-han").value,
        Some(6589.0)
    );

    let i = indicator(&l, "hue-108-pl3-da-01");
    assert_eq!(i.name, "Xác nhận thông tin về cư trú");
    assert_eq!(i.value, Some(11025.0));
    let i = indicator(&l, "hue-108-pl3-da-04");
    assert_eq!(i.value, Some(11.0));
    assert_eq!(
        i.as_of.map(|d| d.to_string()).as_deref(),
        Some("2024-06-04")
    );
    let i = indicator(&l, "hue-108-pl3-da-14");
    assert_eq!(i.value, Some(19.0));
    assert!(i.raw.contains("Từ ngày 36/3/2024"));
    assert_eq!(i.as_of, None);
    assert_eq!(indicator(&l, "hue-108-pl3-chua-01").value, Some(6.0));
}

#[test]
fn body_figures_field_by_field() {
    let l = load();
    let i = indicator(&l, "hue-108-i-tthc-dvctt");
    assert_eq!((i.numerator, i.denominator), (Some(1859.0), Some(1953.0)));
    assert_eq!(i.percent_raw.as_deref(), Some("95%"));
    assert_eq!(i.source.line, Some(93));

    let i = indicator(&l, "hue-108-i-tthc-toan-trinh");
    assert_eq!(i.value, Some(787.0));
    assert_eq!(i.percent_raw.as_deref(), Some("42,33%"));

    let i = indicator(&l, "hue-108-i-dvc-25-ho-so-truc-tuyen");
    assert_eq!(
        (i.numerator, i.denominator),
        (Some(171591.0), Some(179697.0))
    );
    assert!(i
        .raw
        .contains("171.591 hồ sơ trực tuyến/179.697 tổng số hồ sơ"));

    let i = indicator(&l, "hue-108-i-ma-so-thue-ra-soat");
    assert_eq!((i.numerator, i.denominator), (Some(40896.0), Some(76488.0)));
    assert_eq!(i.percent_raw.as_deref(), Some("54%"), "kept as printed");

    let i = indicator(&l, "hue-108-i-lltp-vneid");
    assert_eq!((i.numerator, i.denominator), (Some(2579.0), Some(3694.0)));
    assert_eq!(i.percent_raw.as_deref(), Some("70%"));
    assert_eq!(
        i.as_of.map(|d| d.to_string()).as_deref(),
        Some("2024-06-27")
    );

    assert_eq!(
        indicator(&l, "hue-108-i-cccd-thu-nhan").value,
        Some(1139791.0)
    );
    assert_eq!(
        indicator(&l, "hue-108-i-ddt-thu-nhan").value,
        Some(935095.0)
    );
    assert_eq!(
        indicator(&l, "hue-108-i-kinh-phi-du-kien-2022-2025").value,
        Some(64.85)
    );
    assert_eq!(
        indicator(&l, "hue-108-i-hoc-phi-hue-s-tien").value,
        Some(2.235)
    );
    assert_eq!(
        indicator(&l, "hue-108-i-ho-gia-dinh-cap-quang")
            .percent_raw
            .as_deref(),
        Some("83,79%")
    );
    assert_eq!(
        indicator(&l, "hue-108-i-phan-anh-antt-vneid").value,
        Some(295.0)
    );
    let i = indicator(&l, "hue-108-i-xa-chi-tra-dien-tu");
    assert_eq!((i.numerator, i.denominator), (Some(137.0), Some(141.0)));
    assert_eq!(i.percent_raw.as_deref(), Some("97,16%"));
    // a sentence that runs across a page break (lines 175 and 181) is joined
    assert!(i.raw.ends_with("chiếm tỉ lệ 97,16%;"));
}

#[test]
fn blockers_and_proposals() {
    let l = load();
    let ours: Vec<&Blocker> = l
        .snapshot
        .blockers
        .iter()
        .filter(|b| b.report == R)
        .collect();
    assert_eq!(ours.len(), 70);
    let body: Vec<&&Blocker> = ours
        .iter()
        .filter(|b| b.source.section.starts_with("Mục III.2"))
        .collect();
    let kind = |v: &[&&Blocker], k: BlockerKind| v.iter().filter(|b| b.kind == k).count();
    assert_eq!(body.len(), 22);
    assert_eq!(kind(&body, BlockerKind::Difficulty), 10);
    assert_eq!(kind(&body, BlockerKind::Proposal), 12);
    let pl4: Vec<&&Blocker> = ours
        .iter()
        .filter(|b| b.source.section.starts_with("Phụ lục IV"))
        .collect();
    assert_eq!(
        kind(&pl4, BlockerKind::Difficulty),
        29,
        "non-empty difficulty cells"
    );
    assert_eq!(kind(&pl4, BlockerKind::Proposal), 6);
    let pl5: Vec<&&Blocker> = ours
        .iter()
        .filter(|b| b.source.section.starts_with("Phụ lục V,"))
        .collect();
    assert_eq!(kind(&pl5, BlockerKind::Difficulty), 7);
    assert_eq!(kind(&pl5, BlockerKind::Proposal), 5);
    let pl6 = ours
        .iter()
        .filter(|b| b.source.section == "Phụ lục VI")
        .count();
    assert_eq!(pl6, 1, "the Nguyên nhân cell");

    let b = blocker(&l, "hue-108-b-lltp-kn");
    assert_eq!(b.kind, BlockerKind::Proposal);
    assert_eq!(b.addressees, strs(&["c06"]));
    assert_eq!(b.model, Some(33));
    assert!(b
        .text
        .starts_with("**Kính đề nghị** Cục CSQLHC về TTXH - Bộ Công an"));

    let b = blocker(&l, "hue-108-b-lltp-kk");
    assert!(b
        .text
        .contains("thời hạn trả kết quả giải quyết; lỗi trong việc thanh toán qua hệ thống Napas"));
    assert!(b
        .solution
        .contains("Công văn số 4521/UBND-TĐKT ngày 09/5/2024"));

    let b = blocker(&l, "hue-108-b-he-thong-kn");
    assert_eq!(
        b.addressees,
        strs(&["van-phong-chinh-phu", "bo-tttt", "bo-cong-an"])
    );

    let b = blocker(&l, "hue-108-b-phap-ly-kk");
    assert_eq!(b.causes, vec![Cause::Legal]);
    assert!(b
        .text
        .starts_with("Hiện, tỉnh còn 02 văn bản quy phạm pháp luật"));

    let b = blocker(&l, "hue-108-b-pl5-07-kn");
    assert_eq!(b.addressees, strs(&["bo-cong-an", "bo-nganh", "bo-tnmt"]));
    assert_eq!(b.model, Some(35));

    let b = blocker(&l, "hue-108-b-pl4-40-kn");
    assert_eq!(b.addressees, strs(&["c06"]));
    assert_eq!(b.model, Some(38));

    let b = blocker(&l, "hue-108-b-pl6-1-nguyen-nhan");
    assert_eq!(b.task.as_deref(), Some("hue-108-pl6-1"));
    assert!(b.cause_raw.contains("Cục Hộ tịch đã trả lời"));
}

#[test]
fn units_and_localities() {
    let l = load();
    let s = &l.snapshot;
    for id in [
        "thua-thien-hue-cong-an",
        "thua-thien-hue-so-tttt",
        "thua-thien-hue-bcd-de-an-06",
        "thua-thien-hue-cac-so-nganh",
        "thua-thien-hue-ubnd-tp-hue",
    ] {
        let u = s
            .units
            .iter()
            .find(|u| u.id == id)
            .unwrap_or_else(|| panic!("{id}"));
        assert!(u.locality.is_some(), "{id}");
    }
    let districts: Vec<&str> = s
        .localities
        .iter()
        .filter(|x| x.parent.as_deref() == Some("thua-thien-hue"))
        .map(|x| x.id.as_str())
        .collect();
    for d in [
        "thua-thien-hue-thanh-pho-hue",
        "thua-thien-hue-quang-dien",
        "thua-thien-hue-phong-dien",
        "thua-thien-hue-phu-loc",
        "thua-thien-hue-a-luoi",
    ] {
        assert!(districts.contains(&d), "{d}");
    }
    // every unit a task names is defined
    for t in tasks(&l) {
        for u in t.lead_units.iter().chain(&t.coord_units) {
            assert!(s.units.iter().any(|x| x.id == *u), "{}: {u}", t.id);
        }
    }
}

#[test]
fn disagreements_are_shown_not_fixed() {
    let l = load();
    let ours: Vec<_> = l
        .findings
        .iter()
        .filter(|f| f.report.as_deref() == Some(R))
        .collect();
    let headline = |subject: &str| {
        ours.iter()
            .find(|f| f.kind == "headline" && f.subject == format!("{R}-h-{subject}"))
    };
    // 92 printed, 102 numbered rows in Phụ lục I; 82 printed, rows 1–92 in 2024
    let f = headline("tasks-total").expect("92 vs 102");
    assert_eq!(f.computed.as_deref(), Some("102"));
    assert_eq!(
        headline("tasks-2024").and_then(|f| f.computed.as_deref()),
        Some("92")
    );
    // "đề ra từ đầu năm 2024" (set at the start of the year) against mục II–X only: mục XI
    // "NHIỆM VỤ PHÁT SINH TRONG NĂM 2024" arose during it.
    assert_eq!(
        headline("pl1-2024").and_then(|f| f.computed.as_deref()),
        Some("68")
    );
    assert_eq!(
        headline("tasks-in-progress").and_then(|f| f.computed.as_deref()),
        Some("65")
    );
    // these agree with the rows
    assert!(headline("tasks-2023").is_none());
    assert!(headline("tasks-done").is_none());
    assert!(headline("tasks-recurring").is_none());
    assert!(headline("tasks-not-done").is_none());
    // 40.896/76.488 is 53,47%, printed 54%
    assert!(ours
        .iter()
        .any(|f| f.kind == "percent" && f.subject == "hue-108-i-ma-so-thue-ra-soat"));
    // Huế 37–46 are national 35–44
    assert!(ours
        .iter()
        .any(|f| f.kind == "numbering" && f.subject == "hue-108-pl4-37"));
    let notes = l.snapshot.notes.iter().filter(|n| n.report == R).count();
    assert!(notes >= 40, "{notes} notes");
}

#[test]
fn phu_luc_i_every_row_line_and_status() {
    let l = load();
    let pl1: Vec<&Task> = tasks(&l)
        .into_iter()
        .filter(|t| t.source.section.starts_with("Phụ lục I,"))
        .collect();
    // the line of the seed every numbered row starts on, in table order (read from the seed)
    let lines: [u32; 102] = [
        430, 431, 432, 433, 435, 436, 437, 438, 439, 440, 442, 444, 445, 446, 447, 448, 450, 452,
        453, 454, 456, 457, 458, 459, 460, 461, 463, 464, 465, 466, 468, 469, 471, 472, 473, 474,
        476, 479, 481, 482, 484, 485, 486, 488, 490, 491, 492, 493, 494, 497, 498, 499, 500, 503,
        504, 505, 506, 507, 509, 510, 511, 512, 513, 515, 516, 517, 518, 520, 521, 522, 525, 526,
        527, 528, 529, 533, 535, 536, 539, 540, 541, 544, 545, 546, 547, 548, 550, 551, 552, 553,
        554, 555, 556, 558, 559, 560, 561, 562, 563, 564, 566, 567,
    ];
    // "Ghi chú" of every row as printed: H Hoàn thành, T Thực hiện thường xuyên,
    // D Đang triển khai, C Chậm tiến độ (mục I rows 1–10, then mục II–XI rows 1–92)
    let codes = "CDDDDDDDDH\
                 HTHTTTTTHHHHDHHHDDDHDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDHDHCTDHDDDDDHHDDHHHHHDDTTTTCCDHDDDDDD";
    assert_eq!(pl1.len(), lines.len());
    assert_eq!(codes.chars().count(), 102);
    for (k, ((t, line), code)) in pl1.iter().zip(lines).zip(codes.chars()).enumerate() {
        assert_eq!(t.source.line, Some(line), "{}", t.id);
        let number = if k < 10 { k + 1 } else { k - 9 };
        assert_eq!(t.local_number.as_deref(), Some(number.to_string().as_str()));
        assert_eq!(t.source.row.as_deref(), Some(number.to_string().as_str()));
        let want = match code {
            'H' => Status::Done,
            'T' => Status::Recurring,
            'D' => Status::InProgress,
            'C' => Status::Behind,
            _ => unreachable!(),
        };
        assert_eq!(
            Status::from_raw(&t.status_raw),
            want,
            "{}: {}",
            t.id,
            t.status_raw
        );
        assert!(!t.title.is_empty() && !t.lead_raw.is_empty(), "{}", t.id);
        assert!(!t.lead_units.is_empty(), "{}", t.id);
    }
    // rows whose "Kết quả" cell is filled (read from the seed): all of mục I, rows 1–20,
    // 42, 68 and 72; every other row prints it empty
    let with_result: Vec<&str> = pl1
        .iter()
        .filter(|t| !t.result.is_empty())
        .map(|t| t.id.as_str())
        .collect();
    let mut want: Vec<String> = (1..=10)
        .map(|n| format!("hue-108-pl1-2023-{n:02}"))
        .collect();
    want.extend((1..=20).map(|n| format!("hue-108-pl1-{n:02}")));
    want.extend(["hue-108-pl1-42", "hue-108-pl1-68", "hue-108-pl1-72"].map(String::from));
    assert_eq!(with_result, want);
}

#[test]
fn tasks_linked_to_national_models() {
    let l = load();
    let mut linked: Vec<(&str, u32, Option<&str>)> = tasks(&l)
        .into_iter()
        .filter_map(|t| {
            t.model
                .map(|m| (t.id.as_str(), m, t.model_printed.as_deref()))
        })
        .collect();
    linked.sort();
    let want: Vec<(&str, u32, Option<&str>)> = vec![
        ("hue-108-pl1-2023-03", 12, None),
        ("hue-108-pl1-2023-04", 15, None),
        ("hue-108-pl1-2023-05", 19, None),
        ("hue-108-pl1-2023-06", 21, None),
        ("hue-108-pl1-2023-07", 39, Some("41")),
        ("hue-108-pl1-2023-08", 40, Some("42")),
        ("hue-108-pl1-2023-09", 41, Some("43")),
        ("hue-108-pl1-2023-10", 44, Some("46")),
        // by content: 53 essential services, social-security payment via VNeID,
        // criminal record on VNeID, paperless services, cashless parking fees
        ("hue-108-pl1-30", 1, None),
        ("hue-108-pl1-36", 37, None),
        ("hue-108-pl1-43", 33, None),
        ("hue-108-pl1-77", 3, None),
        ("hue-108-pl1-83", 23, None),
    ];
    let mut want = want;
    want.sort();
    assert_eq!(linked, want);
    for (id, m, _) in &linked {
        assert!(
            l.snapshot.models.iter().any(|x| x.number == *m),
            "{id}: {m}"
        );
    }
}

#[test]
fn phu_luc_ii_every_service_as_printed() {
    let l = load();
    // (total, online, on time, overdue, percent) of the 25 rows, read from the seed; None where
    // the row prints "Chưa phát sinh hồ sơ" (11, 17, 21) or "-" (overdue)
    type Row = Option<(f64, f64, f64, Option<f64>, &'static str)>;
    let rows: [Row; 25] = [
        Some((61.0, 61.0, 61.0, None, "100%")),
        Some((15816.0, 12699.0, 12699.0, None, "80%")),
        Some((29316.0, 28813.0, 24003.0, Some(4810.0), "98%")),
        Some((5562.0, 5486.0, 4235.0, Some(1251.0), "99%")),
        Some((33.0, 30.0, 30.0, None, "91%")),
        Some((55672.0, 55663.0, 55663.0, None, "100%")),
        Some((8016.0, 8004.0, 7592.0, Some(412.0), "100%")),
        Some((4939.0, 4708.0, 4708.0, None, "95%")),
        Some((21688.0, 21684.0, 21648.0, Some(36.0), "100%")),
        Some((122.0, 122.0, 122.0, None, "100%")),
        None,
        Some((3106.0, 3055.0, 3050.0, Some(5.0), "98%")),
        Some((1980.0, 1844.0, 1808.0, Some(36.0), "93%")),
        Some((1439.0, 1343.0, 1336.0, Some(7.0), "93%")),
        Some((5934.0, 5934.0, 5905.0, Some(29.0), "100%")),
        Some((685.0, 685.0, 682.0, Some(3.0), "100%")),
        None,
        Some((4652.0, 4652.0, 4652.0, Some(0.0), "100%")),
        Some((4120.0, 686.0, 2270.0, Some(0.0), "17%")),
        Some((6786.0, 4633.0, 4633.0, Some(0.0), "68%")),
        None,
        Some((8782.0, 8126.0, 8126.0, Some(0.0), "93%")),
        Some((800.0, 33.0, 33.0, Some(0.0), "4%")),
        Some((3851.0, 3851.0, 3851.0, Some(0.0), "100%")),
        Some((165.0, 165.0, 165.0, Some(0.0), "100%")),
    ];
    let lines: [u32; 25] = [
        576, 577, 578, 579, 580, 581, 582, 583, 584, 585, 586, 587, 588, 589, 590, 591, 595, 596,
        597, 598, 599, 600, 601, 602, 603,
    ];
    let ids = |id: String| {
        l.snapshot
            .indicators
            .iter()
            .filter(|i| i.report == R && i.id == id)
            .count()
    };
    let mut sums = [0.0f64; 4];
    for (k, (row, line)) in rows.iter().zip(lines).enumerate() {
        let id = format!("hue-108-pl2-{:02}", k + 1);
        let i = indicator(&l, &id);
        assert_eq!(i.source.line, Some(line), "{id}");
        assert_eq!(i.source.row.as_deref(), Some((k + 1).to_string().as_str()));
        assert!(i.raw.starts_with(&format!("{} | ", k + 1)), "{id}");
        match row {
            Some((total, online, on_time, overdue, pct)) => {
                assert_eq!(i.value, Some(*online), "{id}");
                assert_eq!((i.numerator, i.denominator), (Some(*online), Some(*total)));
                assert_eq!(i.percent_raw.as_deref(), Some(*pct), "{id}");
                assert_eq!(
                    indicator(&l, &format!("{id}-dung-han")).value,
                    Some(*on_time)
                );
                assert_eq!(indicator(&l, &format!("{id}-qua-han")).value, *overdue);
                sums[0] += total;
                sums[1] += online;
                sums[2] += on_time;
                sums[3] += overdue.unwrap_or(0.0);
            }
            None => {
                assert_eq!(i.value, None, "{id}");
                assert!(i.raw.contains("Chưa phát sinh hồ sơ"), "{id}");
                assert_eq!(ids(format!("{id}-dung-han")), 0, "{id}");
                assert_eq!(ids(format!("{id}-qua-han")), 0, "{id}");
            }
        }
    }
    // the rows do not add up to the printed "Tổng cộng" (179.697 / 171.591 / 165.002 / 6.589)
    assert_eq!(sums, [183525.0, 172277.0, 167272.0, 6589.0]);
    let t = indicator(&l, "hue-108-pl2-tong");
    assert_eq!(t.denominator, Some(179697.0));
    assert!(l
        .snapshot
        .notes
        .iter()
        .any(|n| n.id == "hue-108-n-pl2-sums" && n.text.contains("183.525")));
}

#[test]
fn phu_luc_iii_every_row() {
    let l = load();
    let not_done: [u32; 11] = [614, 615, 616, 622, 623, 624, 625, 626, 630, 631, 632];
    let done: [u32; 17] = [
        634, 638, 639, 640, 641, 645, 646, 647, 648, 654, 655, 656, 657, 658, 659, 663, 664,
    ];
    for (k, line) in not_done.iter().enumerate() {
        let i = indicator(&l, &format!("hue-108-pl3-chua-{:02}", k + 1));
        assert_eq!(i.source.line, Some(*line));
        assert_eq!(i.source.section, "Phụ lục III, CHƯA HOÀN THÀNH");
    }
    for (k, line) in done.iter().enumerate() {
        let i = indicator(&l, &format!("hue-108-pl3-da-{:02}", k + 1));
        assert_eq!(i.source.line, Some(*line));
        assert_eq!(i.source.section, "Phụ lục III, ĐÃ HOÀN THÀNH");
        // every row of the done group is ticked "X" in the national-portal column
        assert!(i.raw.contains(" | X | "), "{}", i.id);
    }
    // only four rows print a count of dossiers
    let counted: Vec<(&str, f64)> = l
        .snapshot
        .indicators
        .iter()
        .filter(|i| i.report == R && i.id.starts_with("hue-108-pl3-"))
        .filter_map(|i| i.value.map(|v| (i.id.as_str(), v)))
        .collect();
    assert_eq!(
        counted,
        vec![
            ("hue-108-pl3-chua-01", 6.0),
            ("hue-108-pl3-da-01", 11025.0),
            ("hue-108-pl3-da-04", 11.0),
            ("hue-108-pl3-da-14", 19.0)
        ]
    );
    // footnotes 21 and 22, printed inside the table, stay with the rows that cite them
    assert!(indicator(&l, "hue-108-pl3-chua-03")
        .raw
        .contains("(1.001612; 1.007565)"));
    assert!(indicator(&l, "hue-108-pl3-da-06")
        .raw
        .ends_with("Cấp chứng chỉ hành nghề khám bệnh, chữa bệnh]"));
}

#[test]
fn model_tables_every_row_and_mapping() {
    let l = load();
    // Phụ lục IV: line of every row, and the national model of every Huế number (1–46)
    let lines: [u32; 46] = [
        673, 676, 677, 679, 680, 684, 686, 689, 692, 693, 695, 696, 697, 700, 701, 702, 704, 707,
        708, 710, 711, 713, 716, 719, 722, 723, 724, 726, 729, 730, 731, 734, 736, 745, 748, 749,
        752, 755, 758, 760, 762, 763, 764, 766, 767, 769,
    ];
    for (k, line) in lines.iter().enumerate() {
        let n = k as u32 + 1;
        let a = assessment(&l, &format!("hue-108-pl4-{n:02}"));
        assert_eq!(a.source.line, Some(*line), "{}", a.id);
        assert_eq!(a.local_number.as_deref(), Some(n.to_string().as_str()));
        assert!(
            a.title_raw.contains(&format!("Mô hình {n}:")),
            "{}: {}",
            a.id,
            a.title_raw
        );
        let national = match n {
            23 | 35 | 36 => None,
            1..=34 => Some(n),
            _ => Some(n - 2),
        };
        assert_eq!(a.model, national, "{}", a.id);
        assert_eq!(a.status_raw, "", "Phụ lục IV has no status column");
    }
    // Phụ lục V: the 15 deployed rows and the 2 being studied
    let pl5: [(u32, Option<u32>); 15] = [
        (787, Some(34)),
        (794, Some(7)),
        (795, Some(32)),
        (796, Some(37)),
        (798, Some(20)),
        (799, Some(33)),
        (804, Some(35)),
        (805, None),
        (806, Some(1)),
        (807, Some(4)),
        (810, Some(29)),
        (811, Some(26)),
        (812, None),
        (815, Some(36)),
        (816, None),
    ];
    for (k, (line, model)) in pl5.iter().enumerate() {
        let a = assessment(&l, &format!("hue-108-pl5-{:02}", k + 1));
        assert_eq!(a.source.line, Some(*line), "{}", a.id);
        assert_eq!(a.model, *model, "{}", a.id);
        assert_eq!(a.status_raw, "Đã triển khai", "{}", a.id);
    }
    for (id, line, model) in [
        ("hue-108-pl5-nc1", 780, None),
        ("hue-108-pl5-nc2", 782, Some(23)),
    ] {
        let a = assessment(&l, id);
        assert_eq!((a.source.line, a.model), (Some(line), model), "{id}");
        assert_eq!(a.status_raw, "Đang nghiên cứu triển khai");
    }
    // the two digital-address rows name the three districts where addresses were collected
    for id in ["hue-108-pl4-36", "hue-108-pl5-08"] {
        let a = assessment(&l, id);
        assert_eq!(
            a.localities_raw, "huyện Quảng Điền, Phong Điền, Phú Lộc",
            "{id}"
        );
        assert_eq!(
            a.localities,
            strs(&[
                "thua-thien-hue-quang-dien",
                "thua-thien-hue-phong-dien",
                "thua-thien-hue-phu-loc"
            ]),
            "{id}"
        );
        assert!(a.result.contains(a.localities_raw.as_str()), "{id}");
        for d in &a.localities {
            assert_eq!(l.snapshot.province_of(d), Some("thua-thien-hue"), "{d}");
        }
    }
    let with_localities = l
        .snapshot
        .assessments
        .iter()
        .filter(|a| a.report == R && !a.localities.is_empty())
        .count();
    assert_eq!(with_localities, 2);
    // footnote 23 and 25 of Phụ lục V are kept verbatim in notes
    for (id, words) in [
        (
            "hue-108-n-pl5-footnote-23",
            "giao UBND thành phố Huế phối hợp với Sở Giao thông vận tải",
        ),
        (
            "hue-108-n-pl5-footnote-25",
            "Công văn số 5668/UBND-TĐKT ngày 03/6/2024.",
        ),
    ] {
        let n = l.snapshot.notes.iter().find(|n| n.id == id).expect(id);
        assert!(n.raw.contains(words), "{id}");
    }
}

#[test]
fn every_proposal_and_its_addressees() {
    let l = load();
    let mut got: Vec<(&str, Vec<String>, Option<u32>)> = l
        .snapshot
        .blockers
        .iter()
        .filter(|b| b.report == R && b.kind == BlockerKind::Proposal)
        .map(|b| {
            let to: Vec<String> = b.addressees.iter().map(|u| u.to_string()).collect();
            (b.id.as_str(), to, b.model)
        })
        .collect();
    got.sort();
    let mut want: Vec<(&str, Vec<String>, Option<u32>)> = vec![
        (
            "hue-108-b-phap-ly-kn",
            strs(&["chinh-phu", "bo-nganh"]),
            None,
        ),
        ("hue-108-b-lltp-kn", strs(&["c06"]), Some(33)),
        (
            "hue-108-b-thanh-toan-kn",
            strs(&["van-phong-chinh-phu", "bo-nganh"]),
            None,
        ),
        ("hue-108-b-nguoi-dan-kn", strs(&["bo-cong-an"]), None),
        (
            "hue-108-b-he-thong-kn",
            strs(&["van-phong-chinh-phu", "bo-tttt", "bo-cong-an"]),
            None,
        ),
        ("hue-108-b-du-lieu-kn", strs(&["bo-nganh"]), None),
        (
            "hue-108-b-ho-tich-kn",
            strs(&["bo-tu-phap", "bo-cong-an"]),
            Some(36),
        ),
        (
            "hue-108-b-truong-hoc-kn",
            strs(&["bo-cong-an", "bo-gddt"]),
            Some(32),
        ),
        (
            "hue-108-b-suc-khoe-kn",
            strs(&["bo-cong-an", "bo-y-te", "bhxh-viet-nam"]),
            Some(34),
        ),
        ("hue-108-b-api-kn", strs(&["c06"]), None),
        (
            "hue-108-b-cong-chung-kn",
            strs(&["bo-tu-phap", "bo-cong-an"]),
            Some(8),
        ),
        ("hue-108-b-kinh-phi-kn", strs(&["bo-nganh"]), None),
        ("hue-108-b-pl4-11-kn", strs(&["bo-nganh"]), Some(11)),
        ("hue-108-b-pl4-34-kn", strs(&["bhxh-viet-nam"]), Some(34)),
        ("hue-108-b-pl4-40-kn", strs(&["c06"]), Some(38)),
        ("hue-108-b-pl4-41-kn", strs(&["c06"]), Some(39)),
        ("hue-108-b-pl4-42-kn", strs(&["c06"]), Some(40)),
        ("hue-108-b-pl4-43-kn", strs(&["c06"]), Some(41)),
        (
            "hue-108-b-pl5-01-kn",
            strs(&["bhxh-viet-nam", "c06"]),
            Some(34),
        ),
        (
            "hue-108-b-pl5-03-kn",
            strs(&["bo-cong-an", "bo-gddt"]),
            Some(32),
        ),
        (
            "hue-108-b-pl5-07-kn",
            strs(&["bo-cong-an", "bo-nganh", "bo-tnmt"]),
            Some(35),
        ),
        ("hue-108-b-pl5-08-kn", strs(&["c06"]), None),
        (
            "hue-108-b-pl5-14-kn",
            strs(&["bo-tu-phap", "bo-cong-an"]),
            Some(36),
        ),
    ];
    want.sort();
    assert_eq!(got, want);
    for (id, to, _) in &got {
        for u in to {
            assert!(l.snapshot.units.iter().any(|x| x.id == *u), "{id}: {u}");
        }
    }
}

#[test]
fn blocker_quotes_are_verbatim() {
    let l = load();
    let ours: Vec<&Blocker> = l
        .snapshot
        .blockers
        .iter()
        .filter(|b| b.report == R)
        .collect();
    for b in &ours {
        // what cause_raw quotes is printed in the blocker's own text
        for part in b.cause_raw.split(" | ").filter(|p| !p.is_empty()) {
            assert!(b.text.contains(part), "{}: {part}", b.id);
        }
        if !b.causes.is_empty() {
            assert!(
                !b.cause_raw.is_empty(),
                "{}: causes without the words",
                b.id
            );
        }
    }
    // the difficulty cells of the model tables are the blocker texts, word for word
    for b in ours.iter().filter(|b| b.kind == BlockerKind::Difficulty) {
        let Some(row) = b.source.row.as_deref() else {
            continue;
        };
        let aid = if b.source.section.starts_with("Phụ lục IV") {
            format!("hue-108-pl4-{:0>2}", row)
        } else if b.source.section.starts_with("Phụ lục V,") {
            format!("hue-108-pl5-{:0>2}", row)
        } else {
            continue;
        };
        let a = assessment(&l, &aid);
        assert_eq!(b.text, a.difficulties, "{}", b.id);
        assert_eq!(b.model, a.model, "{}", b.id);
    }
    let b = blocker(&l, "hue-108-b-pl4-01-kk");
    assert_eq!(b.causes, vec![Cause::Data]);
    let b = blocker(&l, "hue-108-b-pl5-01-kk");
    assert_eq!(b.causes, vec![Cause::Data, Cause::Legal]);
}

#[test]
fn body_indicators_quote_their_figures() {
    let l = load();
    let body: Vec<&Indicator> = l
        .snapshot
        .indicators
        .iter()
        .filter(|i| i.report == R && i.id.starts_with("hue-108-i-"))
        .collect();
    assert_eq!(body.len(), 178);
    for i in &body {
        assert!(i.source.section.starts_with("Mục "), "{}", i.id);
        assert!(!i.raw.is_empty() && i.source.line.is_some(), "{}", i.id);
        if let Some(p) = &i.percent_raw {
            assert!(i.raw.contains(p.as_str()), "{}: {p}", i.id);
        }
    }
    let i = indicator(&l, "hue-108-i-so-hoa-ho-so-mot-cua");
    assert_eq!(i.source.line, Some(103));
    assert_eq!(i.value, Some(100.0));
    assert!(i
        .raw
        .starts_with("thực hiện 100% số hóa hồ sơ (trừ hồ sơ nộp trực tuyến)"));
    let i = indicator(&l, "hue-108-i-ho-tich-a-luoi-ty-le");
    assert_eq!(i.locality.as_deref(), Some("thua-thien-hue-a-luoi"));
    assert_eq!(i.percent_raw.as_deref(), Some("99%"));
}

#[test]
fn last_numbered_row_of_every_table_is_present() {
    let l = common::load();
    common::assert_last_rows(
        &l,
        "hue-108",
        831,
        &[
            // seed 004_08280993287f13f3.txt: 831 lines, no newline after the last (Phụ lục VI, row 3)
            ("Phụ lục I, từ năm 2023 chuyển sang", "10", 440),
            (
                "Phụ lục I, nhiệm vụ đề ra từ đầu năm 2024, mục II",
                "7",
                450,
            ),
            (
                "Phụ lục I, nhiệm vụ đề ra từ đầu năm 2024, mục III (Về hoàn thiện pháp lý)",
                "20",
                466,
            ),
            (
                "Phụ lục I, nhiệm vụ đề ra từ đầu năm 2024, mục III (Phục vụ giải quyết TTHC)",
                "34",
                488,
            ),
            (
                "Phụ lục I, nhiệm vụ đề ra từ đầu năm 2024, mục IV",
                "39",
                494,
            ),
            (
                "Phụ lục I, nhiệm vụ đề ra từ đầu năm 2024, mục V",
                "43",
                500,
            ),
            (
                "Phụ lục I, nhiệm vụ đề ra từ đầu năm 2024, mục VI",
                "57",
                518,
            ),
            (
                "Phụ lục I, nhiệm vụ đề ra từ đầu năm 2024, mục VII",
                "60",
                522,
            ),
            (
                "Phụ lục I, nhiệm vụ đề ra từ đầu năm 2024, mục VIII",
                "65",
                529,
            ),
            (
                "Phụ lục I, nhiệm vụ đề ra từ đầu năm 2024, mục IX",
                "66",
                533,
            ),
            (
                "Phụ lục I, nhiệm vụ đề ra từ đầu năm 2024, mục X",
                "68",
                536,
            ),
            (
                "Phụ lục I, nhiệm vụ phát sinh trong năm 2024, mục XI",
                "92",
                567,
            ),
            ("Phụ lục II", "25", 603),
            ("Phụ lục II", "Tổng cộng", 604),
            ("Phụ lục III, CHƯA HOÀN THÀNH", "11", 632),
            ("Phụ lục III, ĐÃ HOÀN THÀNH", "17", 664),
            ("Phụ lục IV, nhóm I", "5", 680),
            ("Phụ lục IV, nhóm II", "23", 716),
            ("Phụ lục IV, nhóm III", "36", 749),
            ("Phụ lục IV, nhóm IV", "39", 758),
            ("Phụ lục IV, nhóm V", "46", 769),
            ("Phụ lục V, mục 1", "(2)", 782),
            ("Phụ lục V, mục 2", "15", 816),
            ("Phụ lục VI", "3", 831),
        ],
    );
}

#[test]
fn every_section_has_records_or_a_note() {
    // seed 004: the body's sections (line 13–391) and the six appendices, by heading as printed
    // (section, heading, first line, last line), read by hand from the source.
    let l = common::load();
    common::assert_every_section_accounted(
        &l,
        "hue-108",
        &[
        ("Mục I", "I. KHÁI QUÁT TÌNH HÌNH", 13, 29),
        ("Mục II.1.a", "a) UBND tỉnh, Ban Chỉ đạo thực hiện Đề án 06 tỉnh", 31, 35),
        ("Mục II.1.b", "b) Công an tỉnh", 37, 41),
        ("Mục II.1.c", "c) Các sở, ngành", 43, 61),
        ("Mục II.2", "2. Hoàn thiện thể chế", 63, 69),
        ("Mục II.3.a", "a) Mục tiêu đến năm 2025", 71, 73),
        ("Mục II.3.b", "b) Về pháp lý thực hiện", 75, 87),
        ("Mục II.3.c", "c) Về dịch vụ công", 89, 133),
        ("Mục II.4.a", "a) Mục tiêu đến năm 2025", 135, 139),
        ("Mục II.4.b", "b) Việc ứng dụng CSDLQG về DC, Căn cước công dân, định danh và xác thực điện tử", 141, 191),
        ("Mục II.5.a", "a) Mục tiêu đến năm 2025", 193, 195),
        ("Mục II.5.b", "b) Việc triển khai thí điểm cấp Phiếu lý lịch tư pháp trên VNeID", 197, 203),
        ("Mục II.5.c", "c) Về đảm bảo các điều kiện hình thành công dân số", 205, 207),
        ("Mục II.5.d", "d) Việc triển khai các tiện ích trên ứng dụng VNeID, Hue-S phục vụ phát triển công dân số", 209, 215),
        ("Mục II.6.a", "a) Mục tiêu đến năm 2025", 217, 227),
        ("Mục II.6.b", "b) UBND tỉnh tiếp tục chỉ đạo các sở, ngành, địa phương rà soát, chuẩn hóa dữ liệu …", 229, 239),
        ("Mục II.6.c", "c) Chỉ đạo triển khai thực hiện việc rà soát, đối chiếu, cập nhật, đồng bộ dữ liệu vào …", 241, 241),
        ("Mục II.7", "7. Nhóm tiện ích phục vụ chỉ đạo, điều hành", 243, 255),
        ("Mục II.8.a", "a) Về kinh phí", 257, 261),
        ("Mục II.8.b", "b) Về nguồn nhân lực", 263, 275),
        ("Mục II.9.a", "a) Kết quả triển khai Kế hoạch số 153/KH-BCĐ ngày 24/10/2023 của Ban Chỉ đạo thực hiện …", 277, 281),
        ("Mục II.9.b", "b) Kết quả triển khai Công văn số 2551/TCTTKĐA ngày 01/4/2024 của Tổ công tác triển …", 283, 289),
        ("Mục II.10.a", "a) Về tuyên truyền Đề án 06", 291, 301),
        ("Mục II.10.b", "b) Về tuyên truyền Luật Căn cước", 303, 305),
        ("Mục II.11", "11. Về Đề án Trung tâm dữ liệu quốc gia", 307, 317),
        ("Mục III.1", "1. Ưu điểm", 319, 325),
        ("Mục III.2.a", "a) Về pháp lý", 327, 329),
        ("Mục III.2.b", "b) Về Nhóm tiện ích phục vụ giải quyết TTHC và cung cấp dịch vụ công trực tuyến", 331, 343),
        ("Mục III.2.c", "c) Về dữ liệu", 345, 351),
        ("Mục III.2.d", "d) Về triển khai mô hình Đề án 06", 353, 361),
        ("Mục III.2.đ", "đ) Về kinh phí", 363, 365),
        ("Mục IV", "IV. NHIỆM VỤ TRỌNG TÂM 06 THÁNG CUỐI NĂM 2024", 367, 391),
        ("Phụ lục I", "Phụ lục I", 416, 569),
        ("Phụ lục II", "KẾT QUẢ THỰC HIỆN 25 DỊCH VỤ CÔNG THIẾT YẾU", 570, 606),
        ("Phụ lục III", "KẾT QUẢ THỰC HIỆN 28 DỊCH VỤ CÔNG THIẾT YẾU", 607, 666),
        ("Phụ lục IV", "BÁO CÁO KẾT QUẢ TRIỂN KHAI 46 MÔ HÌNH ĐIỂM", 667, 772),
        ("Phụ lục V", "BÁO CÁO KẾT QUẢ THỰC HIỆN 17 MÔ HÌNH TẠI TỈNH THỪA THIÊN HUẾ", 773, 820),
        ("Phụ lục VI", "KẾT QUẢ TRIỂN KHAI CÁC NHIỆM VỤ CỦA NGHỊ QUYẾT 175 GIAI ĐOẠN 1 (2023 - 2025)", 821, 831),
        ],
    );
}

#[test]
fn priority_tasks_for_the_second_half_are_tasks() {
    // Mục IV "NHIỆM VỤ TRỌNG TÂM 06 THÁNG CUỐI NĂM 2024" (lines 367–391): nine items.
    let l = common::load();
    let iv: Vec<(usize, &Task)> = l
        .snapshot
        .tasks
        .iter()
        .enumerate()
        .filter(|(_, t)| t.report == R && t.source.section == "Mục IV")
        .collect();
    let lines: Vec<Option<u32>> = iv.iter().map(|(_, t)| t.source.line).collect();
    assert_eq!(
        lines,
        [373, 375, 377, 379, 381, 383, 385, 387, 389]
            .map(Some)
            .to_vec()
    );
    for (i, t) in &iv {
        assert_eq!(
            t.section.as_deref(),
            Some("IV. NHIỆM VỤ TRỌNG TÂM 06 THÁNG CUỐI NĂM 2024")
        );
        assert_eq!(t.deadline_raw, "06 THÁNG CUỐI NĂM 2024");
        assert_eq!(
            l.snapshot
                .task_deadline(*i)
                .due()
                .map(|d| d.to_string())
                .as_deref(),
            Some("2024-12-31")
        );
        assert_eq!(t.status_raw, "", "{}", t.id);
    }
    let named: Vec<(&str, &str)> = iv
        .iter()
        .filter(|(_, t)| !t.lead_raw.is_empty())
        .map(|(_, t)| (t.local_number.as_deref().unwrap(), t.lead_raw.as_str()))
        .collect();
    assert_eq!(
        named,
        [
            ("2", "Các sở, ngành có liên quan"),
            ("4", "Các sở, ngành, địa phương"),
            ("9", "Công an tỉnh")
        ]
    );
    // item 9 runs across a page break (lines 389 and 391)
    let t9 = task(&l, "hue-108-iv-9");
    assert!(t9
        .title
        .contains("các nhiệm vụ, các mô hình Đề án 06 tại địa phương"));
    assert!(t9.title.ends_with("triển khai thi hành Luật Căn cước."));
}

#[test]
fn a_model_the_province_has_not_deployed_is_not_counted_deployed_there() {
    // Phụ lục IV prints "Chưa triển khai" for models 12, 15, 19; Phụ lục V's model (2) (national
    // 23) is "Đang nghiên cứu triển khai".
    let l = common::load();
    let s = &l.snapshot;
    for m in [12, 15, 19, 23] {
        assert!(
            !s.model_localities(m)
                .contains(&"thua-thien-hue".to_string()),
            "model {m}"
        );
    }
    assert!(s
        .model_localities(1)
        .contains(&"thua-thien-hue".to_string()));
}

#[test]
fn figures_printed_with_two_values_are_listed() {
    let l = common::load();
    let conflict = |m: &str| {
        l.findings
            .iter()
            .find(|f| f.kind == "conflict" && f.subject == m && f.report.as_deref() == Some(R))
            .unwrap_or_else(|| panic!("{m}"))
    };
    // The body (mục II.6, line 235) and Phụ lục VI row 3 (line 831)
    let f = conflict("asxh-ra-soat");
    let printed = f.printed.as_deref().unwrap();
    assert!(
        printed.contains("rà soát 118.151/118.151 đối tượng ASXH")
            && printed.contains("(tệp nguồn, dòng 235)")
    );
    assert!(
        printed.contains("118.370/118.370 đối tượng ASXH")
            && printed.contains("(tệp nguồn, dòng 831)")
    );
    assert!(f.message.contains("118.151 / 118.370"), "{}", f.message);
    let f = conflict("btxh-chi-tra-tai-khoan");
    assert!(f.message.contains("25.163 / 26.999"), "{}", f.message);
    // mục II.5.d: 295; Phụ lục IV, mô hình 30: 280
    assert!(conflict("phan-anh-antt-vneid")
        .message
        .contains("295 / 280"));
    // mục II.6: 08/09 districts; Phụ lục IV, mô hình 38: 05/09
    assert!(conflict("ho-tich-huyen-nhap-lieu")
        .message
        .contains("8 / 5"));
    assert!(conflict("thon-phu-song-di-dong")
        .message
        .contains("1.005 / 1.105"));
    // printed twice with the same value: not a disagreement
    assert!(!l
        .findings
        .iter()
        .any(|f| f.subject == "asxh-trang-thai-chi-tra"));
}
