//! The shipped snapshot against Thừa Thiên Huế, Báo cáo 108/BC-BCĐ of 10/07/2024 (seed
//! 004_08280993287f13f3.txt), with figures read by hand from the source: the rows of every
//! appendix and table section, the headline figures as printed, task / model / indicator rows
//! field by field, the blockers and the disagreements the report has with itself.

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
    assert_eq!(all.len(), 104, "102 rows of Phụ lục I + 2 of Phụ lục VI");
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
        .contains(&"trung-tam-du-lieu-quoc-gia-dan-cu".to_string()));
    assert_eq!(t.deadline_raw, "Trong năm 2024");
    assert_eq!(t.status_raw, "Chưa hoàn thành");
    assert!(t.result.contains("nhập liệu 286.448 trường hợp đạt 19,95%"));
    let t = task(&l, "hue-108-pl6-2");
    assert_eq!(t.lead_units, strs(&["thua-thien-hue-so-tnmt"]));
    assert_eq!(t.deadline_raw, "Thường xuyên");
    assert_eq!(t.status_raw, "Đã hoàn thành");
    assert!(t.result.contains("1.075.309 thửa đất"));
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
        assert_eq!(i.locality.as_deref(), Some("thua-thien-hue"), "{}", i.id);
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
            assert!(s.units.iter().any(|x| &x.id == u), "{}: {u}", t.id);
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
