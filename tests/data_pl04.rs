//! The shipped snapshot against Phụ lục 04 ("VỀ ĐÁNH GIÁ 44 MÔ HÌNH ĐIỂM", seed
//! 000_16aacf43d5fce407.txt), with figures read by hand from the source: the number of rows,
//! the models of every group (as counted and as printed), the length of every locality list,
//! a sample of rows field by field, and the headline figures as printed.

use std::path::Path;

use giaoban::domain::{Assessment, BlockerKind, Cause};
use giaoban::store::{load_path, Loaded};

fn load() -> Loaded {
    load_path(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data"))
        .expect("the shipped snapshot loads")
}

fn national(loaded: &Loaded, n: u32) -> &Assessment {
    let id = format!("pl04-m{n:02}");
    let found: Vec<&Assessment> = loaded
        .snapshot
        .assessments
        .iter()
        .filter(|a| a.id == id)
        .collect();
    assert_eq!(found.len(), 1, "{id} defined once");
    found[0]
}

fn distinct(v: &[String]) -> usize {
    let mut d: Vec<&String> = Vec::new();
    for x in v {
        if !d.contains(&x) {
            d.push(x);
        }
    }
    d.len()
}

#[test]
fn catalogue_has_44_models_in_5_groups() {
    let loaded = load();
    let snap = &loaded.snapshot;
    assert_eq!(snap.models.len(), 44);
    let numbers: Vec<u32> = snap.models.iter().map(|m| m.number).collect();
    assert_eq!(numbers, (1..=44).collect::<Vec<u32>>());
    assert_eq!(snap.model_groups.len(), 5);

    // (group, printed in its title, models counted by hand under it, first, last)
    let groups = [
        ("I", "05 MÔ HÌNH", 5, 1, 5),
        ("II", "16 MÔ HÌNH", 18, 6, 23),
        ("III", "10 MÔ HÌNH", 11, 24, 34),
        ("IV", "03 MÔ HÌNH", 3, 35, 37),
        ("V", "06 MÔ HÌNH", 7, 38, 44),
    ];
    for (id, printed, counted, first, last) in groups {
        let g = snap
            .model_groups
            .iter()
            .find(|g| g.id == id)
            .unwrap_or_else(|| panic!("group {id}"));
        assert_eq!(g.printed_count.as_deref(), Some(printed), "group {id}");
        let ms: Vec<u32> = snap
            .models
            .iter()
            .filter(|m| m.group == id)
            .map(|m| m.number)
            .collect();
        assert_eq!(ms.len(), counted, "group {id}");
        assert_eq!(ms, (first..=last).collect::<Vec<u32>>(), "group {id}");
    }
    let g1 = &snap.model_groups[0];
    assert_eq!(
        g1.title,
        "NHÓM TIỆN ÍCH PHỤC VỤ GIẢI QUYẾT TTHC VÀ CUNG CẤP DVC TRỰC TUYẾN"
    );
    assert_eq!(g1.source.line, Some(7));
    let g5 = snap.model_groups.iter().find(|g| g.id == "V").unwrap();
    assert_eq!(
        g5.title,
        "NHÓM PHỤC VỤ CHỈ ĐẠO ĐIỀU HÀNH CỦA LÃNH ĐẠO CÁC CẤP"
    );
    assert_eq!(g5.source.line, Some(77));

    let title = |n: u32| {
        snap.models
            .iter()
            .find(|m| m.number == n)
            .unwrap()
            .title
            .clone()
    };
    assert_eq!(title(1), "Triển khai 53 dịch vụ công thiết yếu");
    assert_eq!(
        title(2),
        "Tự động hóa Trung tâm hành chính công thông qua tương tác Kiosk"
    );
    assert_eq!(title(25), "Chuẩn hóa xác thực tập trung (SSO)");
    assert_eq!(title(38), "Phân tích tình hình dân cư");
    assert_eq!(title(43), "Trung tâm Giám sát an ninh mạng SOC Tỉnh");

    // The checker reports the three groups whose printed count disagrees.
    let group_findings: Vec<_> = loaded
        .findings
        .iter()
        .filter(|f| f.kind == "group")
        .collect();
    assert_eq!(group_findings.len(), 3);
}

#[test]
fn report_and_headline_as_printed() {
    let loaded = load();
    let snap = &loaded.snapshot;
    let r = snap.reports.iter().find(|r| r.id == "pl04").expect("pl04");
    assert_eq!(r.file, "000_16aacf43d5fce407.txt");
    assert_eq!(r.title, "PHỤ LỤC 04: VỀ ĐÁNH GIÁ 44 MÔ HÌNH ĐIỂM");
    assert_eq!(r.issuer, "(không ghi)");
    assert_eq!(r.date, None);
    assert_eq!(r.date_raw, None);
    assert_eq!(r.period.as_deref(), Some("giữa năm 2024"));
    let h = |id: &str| r.headline.iter().find(|h| h.id == id).unwrap().value;
    assert_eq!(h("pl04-h-total"), Some(44.0));
    assert_eq!(h("pl04-h-group-i"), Some(5.0));
    assert_eq!(h("pl04-h-group-ii"), Some(16.0));
    assert_eq!(h("pl04-h-group-iii"), Some(10.0));
    assert_eq!(h("pl04-h-group-iv"), Some(3.0));
    assert_eq!(h("pl04-h-group-v"), Some(6.0));
    // 44 model rows: the headline "44 mô hình" agrees with the table.
    let rows = snap
        .assessments
        .iter()
        .filter(|a| a.report == "pl04")
        .count();
    assert_eq!(rows, 44);
    assert!(!loaded
        .findings
        .iter()
        .any(|f| f.kind == "headline" && f.report.as_deref() == Some("pl04")));
}

#[test]
fn every_locality_list_has_the_length_read_by_hand() {
    let loaded = load();
    // (model, entries in the "Địa phương triển khai" cell, distinct provinces), counted by hand;
    // every model not listed here has an empty cell.
    let lists: [(u32, usize, usize); 30] = [
        (2, 40, 40),
        (3, 54, 54),
        (4, 50, 50),
        (5, 47, 47),
        (8, 46, 46),
        (13, 33, 33),
        (14, 28, 27), // Đồng Nai twice
        (15, 18, 18),
        (16, 30, 30),
        (17, 50, 49), // Sơn La twice
        (18, 40, 39), // Hậu Giang twice
        (20, 54, 53), // Đồng Nai twice
        (21, 36, 36),
        (22, 43, 42), // Cà Mau twice
        (23, 15, 14), // Hà Nam twice
        (25, 59, 59),
        (26, 55, 55),
        (27, 57, 56), // Hậu Giang twice
        (28, 59, 58), // Hậu Giang twice
        (31, 45, 45),
        (32, 9, 9),
        (35, 46, 46),
        (36, 58, 58),
        (38, 46, 46),
        (39, 44, 44),
        (40, 39, 39),
        (41, 35, 35),
        (42, 30, 30),
        (43, 56, 56),
        (44, 34, 34),
    ];
    for (n, entries, d) in lists {
        let a = national(&loaded, n);
        assert_eq!(a.localities.len(), entries, "model {n}: entries");
        assert_eq!(distinct(&a.localities), d, "model {n}: distinct");
    }
    let with_list: Vec<u32> = lists.iter().filter(|l| l.1 > 0).map(|l| l.0).collect();
    for n in 1..=44u32 {
        let a = national(&loaded, n);
        if !with_list.contains(&n) {
            assert!(a.localities.is_empty(), "model {n} has no list");
            assert!(a.localities_raw.is_empty(), "model {n} has an empty cell");
        }
    }
    assert_eq!(with_list.len(), 30);
    // Every "63/63" row has an empty list.
    for n in [1, 6, 9, 10, 11, 19, 24, 29, 30, 37] {
        let a = national(&loaded, n);
        assert_eq!(a.printed_count.as_deref(), Some("63/63"), "model {n}");
        assert!(a.localities.is_empty(), "model {n}");
    }
}

#[test]
fn rows_field_by_field() {
    let loaded = load();

    // Mô hình 2 (line 9).
    let a = national(&loaded, 2);
    assert_eq!(a.model, Some(2));
    assert_eq!(a.local_number.as_deref(), Some("2"));
    assert_eq!(
        a.title_raw,
        "Mô hình 2: Tự động hóa Trung tâm hành chính công thông qua tương tác Kiosk"
    );
    assert_eq!(a.result, "<b>40/63 địa phương</b> đã triển khai mô hình");
    assert_eq!(a.printed_count.as_deref(), Some("40/63"));
    assert!(a
        .localities_raw
        .starts_with("<p>An Giang, Bắc Kan, Bạc Liêu,"));
    assert!(a.localities_raw.ends_with("Vĩnh Phúc, Yên Bái</p>"));
    assert_eq!(&a.localities[..3], ["an-giang", "bac-kan", "bac-lieu"]);
    assert_eq!(a.localities[30], "thua-thien-hue");
    assert_eq!(
        &a.localities[32..36],
        ["hai-phong", "da-nang", "ha-noi", "ho-chi-minh"]
    );
    assert_eq!(a.localities.last().unwrap(), "yen-bai");
    assert_eq!(a.cost, "Đầu tư mua sắm Kiosk");
    assert_eq!(
        a.replication,
        "<b>29/63</b> địa phương hưởng ứng, đề xuất nhân rộng"
    );
    assert_eq!(a.locality, None);
    assert_eq!(a.source.section, "Phụ lục 04, nhóm I");
    assert_eq!(a.source.row.as_deref(), Some("2"));
    assert_eq!(a.source.line, Some(9));

    // Mô hình 4 (line 14): the count is printed without "/63".
    let a = national(&loaded, 4);
    assert_eq!(a.printed_count.as_deref(), Some("50"));
    assert!(a
        .result
        .starts_with("50 địa phương đã triển khai mô hình, trong đó 15 địa phương"));
    assert_eq!(a.localities[24], "nam-dinh"); // "Nam Định " with a trailing space
    assert_eq!(
        &a.localities[46..],
        ["ha-giang", "ba-ria-vung-tau", "hau-giang", "ben-tre"]
    );
    assert_eq!(a.cost, "Mất kinh phí");
    assert_eq!(
        a.replication,
        "36/63 địa phương hưởng ứng, đề xuất nhân rộng"
    );
    assert_eq!(a.source.line, Some(14));

    // Mô hình 7 (line 21): no count, no list.
    let a = national(&loaded, 7);
    assert_eq!(a.printed_count, None);
    assert!(a.result.contains("1.001 Kiosk"));
    assert!(a.result.contains("4687/CV-TCTTKĐA"));
    assert!(a.localities.is_empty());
    assert_eq!(a.cost, "Mất phí đầu tư Mua sắm Kiosk");
    assert_eq!(
        a.replication,
        "38 địa phương đề xuất nhân rộng trên địa bàn"
    );
    assert_eq!(a.source.section, "Phụ lục 04, nhóm II");
    assert_eq!(a.source.line, Some(21));

    // Mô hình 17 (line 37): Sơn La twice, list ends with a comma.
    let a = national(&loaded, 17);
    assert_eq!(a.printed_count.as_deref(), Some("50/63"));
    assert!(a.localities_raw.ends_with("Yên Bái, Sơn La, Đắk Nông,"));
    assert_eq!(a.localities.iter().filter(|l| *l == "son-la").count(), 2);
    assert_eq!(a.localities.last().unwrap(), "dak-nong");
    assert!(a.difficulties.starts_with("Hiện nay lệ phí sát hạch"));
    assert!(a.difficulties.contains("Thông tư số 37/2023/TT-BTC"));
    assert_eq!(a.cost, "Mua sắm thiết bị đầu đọc CCCD gắn chip");
    assert_eq!(a.replication, "39 địa phương đề xuất nhân rộng");

    // Mô hình 32 (line 67): "Thành phố", "Tỉnh" prefixes; no count printed.
    let a = national(&loaded, 32);
    assert_eq!(a.printed_count, None);
    assert_eq!(
        a.localities_raw,
        "Thành phố Hồ Chí Minh, Tỉnh Hà Nam, Bắc Ninh, Lạng Sơn, Thái Bình, Bình Dương, Tuyên Quang, Vĩnh Phúc, Điện Biên"
    );
    assert_eq!(
        a.localities,
        [
            "ho-chi-minh",
            "ha-nam",
            "bac-ninh",
            "lang-son",
            "thai-binh",
            "binh-duong",
            "tuyen-quang",
            "vinh-phuc",
            "dien-bien"
        ]
    );
    assert_eq!(a.difficulties, "");
    assert_eq!(a.cost, "Mất phí");
    assert_eq!(a.source.section, "Phụ lục 04, nhóm III");
    assert_eq!(a.source.line, Some(67));

    // Mô hình 38 (line 78): 51/63 printed, 46 listed.
    let a = national(&loaded, 38);
    assert_eq!(a.printed_count.as_deref(), Some("51/63"));
    assert_eq!(a.localities.len(), 46);
    assert_eq!(a.effectiveness, "");
    assert_eq!(a.difficulties, "");
    assert_eq!(a.cost, "Miễn phí");
    assert_eq!(a.replication, "34 địa phương đề xuất nhân rộng");
    assert_eq!(a.source.section, "Phụ lục 04, nhóm V");
    assert_eq!(a.source.row.as_deref(), Some("38"));

    // Mô hình 44 (line 90), the last row.
    let a = national(&loaded, 44);
    assert_eq!(a.printed_count.as_deref(), Some("34/63"));
    assert_eq!(a.localities.len(), 34);
    assert_eq!(
        &a.localities[31..],
        ["tay-ninh", "ba-ria-vung-tau", "bac-ninh"]
    );
    assert_eq!(a.replication, "20 địa phương đề xuất nhân rộng");
    assert_eq!(a.source.line, Some(90));
}

#[test]
fn list_disagreements_are_found() {
    let loaded = load();
    let list = |subject: &str| {
        loaded
            .findings
            .iter()
            .filter(|f| {
                f.kind == "list"
                    && f.report.as_deref() == Some("pl04")
                    && f.message.starts_with(subject)
            })
            .count()
    };
    // printed N/63 against the distinct localities listed
    for m in [17, 18, 20, 21, 22, 23, 27, 28, 38] {
        assert!(list(&format!("Mô hình {m}:")) >= 1, "model {m}");
    }
    for m in [2, 3, 8, 16, 25, 26, 31, 35, 36, 39, 40, 41, 42, 43, 44] {
        assert_eq!(list(&format!("Mô hình {m}:")), 0, "model {m}");
    }
}

#[test]
fn difficulties_one_blocker_per_non_empty_cell() {
    let loaded = load();
    let snap = &loaded.snapshot;
    let bs: Vec<_> = snap
        .blockers
        .iter()
        .filter(|b| b.report == "pl04")
        .collect();
    // Empty "Khó khăn vướng mắc" cells: models 5, 26, 29, 30, 32, 33, 34, 38, 40, 41.
    assert_eq!(bs.len(), 34);
    for b in &bs {
        assert_eq!(b.kind, BlockerKind::Difficulty);
        let n = b.model.expect("attached to a model");
        assert!(![5, 26, 29, 30, 32, 33, 34, 38, 40, 41].contains(&n));
        assert_eq!(b.text, national(&loaded, n).difficulties);
    }
    let b = |n: u32| bs.iter().find(|b| b.model == Some(n)).unwrap();
    assert_eq!(b(2).causes, [Cause::Infrastructure, Cause::Funding]);
    assert_eq!(b(3).causes, [Cause::Legal]);
    assert_eq!(b(17).causes, [Cause::Legal, Cause::Funding]);
    assert_eq!(b(35).causes, [Cause::Data, Cause::Funding]);
    assert_eq!(b(42).causes, [Cause::People]);
    assert!(b(8).causes.is_empty());
    assert_eq!(b(8).cause_raw, "");
    assert_eq!(
        b(8).text,
        "Một số cơ sở công chứng, chứng thực chưa hưởng ứng và thay đổi cách thức thực hiện cũ"
    );
    assert_eq!(b(23).text, "Một số địa phương không có bãi xe lớn");
    assert_eq!(b(23).source.line, Some(46));
}

#[test]
fn figures_inside_the_cells() {
    let loaded = load();
    let snap = &loaded.snapshot;
    let i = |id: &str| snap.indicators.iter().find(|x| x.id == id).unwrap();
    let t = i("pl04-i-m30-tin-bao");
    assert_eq!(t.numerator, Some(14452.0));
    assert_eq!(t.denominator, Some(56058.0));
    assert_eq!(t.percent_raw.as_deref(), Some("25.78%"));
    let h = i("pl04-i-m33-hue");
    assert_eq!((h.numerator, h.denominator), (Some(2129.0), Some(3024.0)));
    assert_eq!(h.percent_raw.as_deref(), Some("70,4%"));
    let hn = i("pl04-i-m33-ha-noi");
    assert_eq!(
        (hn.numerator, hn.denominator),
        (Some(10277.0), Some(20800.0))
    );
    assert_eq!(hn.percent_raw.as_deref(), Some("49,41%"));
    assert_eq!(i("pl04-i-m34-nam-dinh").value, Some(780199.0));
    assert_eq!(
        i("pl04-i-m03-thoai-son").locality.as_deref(),
        Some("an-giang-thoai-son")
    );
    // The printed percentages agree with their own numbers.
    assert!(!loaded
        .findings
        .iter()
        .any(|f| f.kind == "percent" && f.report.as_deref() == Some("pl04")));
}
