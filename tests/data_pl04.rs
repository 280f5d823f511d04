//! The shipped snapshot against Phụ lục 04 ("VỀ ĐÁNH GIÁ 44 MÔ HÌNH ĐIỂM", seed
//! 000_16aacf43d5fce407.txt), with figures read by hand from the source: the number of rows,
//! the models of every group (as counted and as printed), the length of every locality list,
//! a sample of rows field by field, and the headline figures as printed.

mod common;

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

fn distinct(v: &[giaoban::domain::CompactString]) -> usize {
    let mut d: Vec<&giaoban::domain::CompactString> = Vec::new();
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

/// (model, group, line, printed count, cost cell, replication cell)
type PrintedRow<'a> = (u32, &'a str, u32, Option<&'a str>, &'a str, &'a str);

#[test]
fn every_row_as_printed() {
    let loaded = load();
    let snap = &loaded.snapshot;
    // (model, group, line of the seed, count printed in "Kết quả chung", "Kinh phí" cell,
    // "nhân rộng" cell), read by hand from every row of the table.
    let rows: [PrintedRow; 44] = [
        (
            1,
            "I",
            8,
            Some("63/63"),
            "Miễn phí",
            "<b>63/63</b> địa phương tiếp tục tham mưu đề xuất nhân rộng",
        ),
        (
            2,
            "I",
            9,
            Some("40/63"),
            "Đầu tư mua sắm Kiosk",
            "<b>29/63</b> địa phương hưởng ứng, đề xuất nhân rộng",
        ),
        (3, "I", 13, Some("54/63"), "Miễn phí", ""),
        (
            4,
            "I",
            14,
            Some("50"),
            "Mất kinh phí",
            "36/63 địa phương hưởng ứng, đề xuất nhân rộng",
        ),
        (
            5,
            "I",
            15,
            Some("47"),
            "Miễn phí",
            "32 địa phương hưởng ứng đề xuất nhân rộng mô hình trên địa bàn tỉnh",
        ),
        (
            6,
            "II",
            20,
            Some("63/63"),
            "Mua sắm thiết bị đầu đọc CCCD gắn chip",
            "49/63 địa phương đề xuất nhân rộng",
        ),
        (
            7,
            "II",
            21,
            None,
            "Mất phí đầu tư Mua sắm Kiosk",
            "38 địa phương đề xuất nhân rộng trên địa bàn",
        ),
        (
            8,
            "II",
            22,
            Some("46/63"),
            "Mua sắm thiết bị đầu đọc CCCD gắn chip",
            "35 địa phương đề xuất nhân rộng trên địa bàn",
        ),
        (
            9,
            "II",
            23,
            Some("63/63"),
            "Miễn phí trong năm 2023",
            "63/63 địa phương tiếp tục tham mưu đề xuất nhân rộng",
        ),
        (
            10,
            "II",
            24,
            Some("63/63"),
            "Miễn phí trong năm 2023",
            "63/63 địa phương tiếp tục tham mưu đề xuất nhân rộng",
        ),
        (
            11,
            "II",
            28,
            Some("63/63"),
            "Miễn phí trong năm 2023",
            "63/63 địa phương tiếp tục tham mưu đề xuất nhân rộng",
        ),
        (
            12,
            "II",
            29,
            None,
            "Miễn phí trong năm 2023",
            "63/63 địa phương tiếp tục tham mưu đề xuất nhân rộng",
        ),
        (
            13,
            "II",
            30,
            Some("32"),
            "Mua sắm thiết bị Camera",
            "30 địa phương đề xuất nhân rộng trên địa bàn",
        ),
        (
            14,
            "II",
            31,
            Some("26"),
            "Mua sắm thiết bị Camera",
            "23 địa phương đề xuất nhân rộng trên địa bàn",
        ),
        (
            15,
            "II",
            32,
            Some("18"),
            "Mua sắm thiết bị Camera",
            "17 địa phương đề xuất nhân rộng",
        ),
        (
            16,
            "II",
            36,
            Some("30/63"),
            "Mua sắm thiết bị đầu đọc CCCD gắn chip; thiết bị xác minh di động",
            "26 địa phương đề xuất nhân rộng",
        ),
        (
            17,
            "II",
            37,
            Some("50/63"),
            "Mua sắm thiết bị đầu đọc CCCD gắn chip",
            "39 địa phương đề xuất nhân rộng",
        ),
        (
            18,
            "II",
            38,
            Some("40/63"),
            "Mua sắm thiết bị Camera",
            "30 địa phương đề xuất nhân rộng",
        ),
        (
            19,
            "II",
            39,
            Some("63/63"),
            "Mua sắm thiết bị thanh toán tích hợp chức năng đọc thẻ CCCD gắn chip",
            "63 địa phương đề xuất nhân rộng",
        ),
        (
            20,
            "II",
            43,
            Some("54/63"),
            "Miễn phí",
            "33 địa phương đề xuất nhân rộng",
        ),
        (
            21,
            "II",
            44,
            Some("35/63"),
            "Mua sắm thiết bị đầu đọc CCCD gắn chip, Camera.",
            "27 địa phương đề xuất nhân rộng",
        ),
        (
            22,
            "II",
            45,
            Some("43/63"),
            "Miễn phí",
            "27 địa phương đề xuất nhân rộng",
        ),
        (
            23,
            "II",
            46,
            Some("15/63"),
            "Mua sắm thiết bị camera; máy quét",
            "7 địa phương đề xuất nhân rộng",
        ),
        (
            24,
            "III",
            48,
            Some("63/63"),
            "Miễn phí",
            "63 địa phương đề xuất nhân rộng",
        ),
        (
            25,
            "III",
            52,
            Some("59/63"),
            "Miễn phí",
            "47 địa phương đề xuất nhân rộng",
        ),
        (
            26,
            "III",
            53,
            Some("55/63"),
            "Mất phí đầu tư hoặc thuê nhà cung cấp dịch vụ",
            "40 địa phương đề xuất nhân rộng",
        ),
        (
            27,
            "III",
            54,
            Some("57/63"),
            "Miễn phí",
            "43 địa phương đề xuất nhân rộng",
        ),
        (
            28,
            "III",
            58,
            Some("56/63"),
            "Miễn phí",
            "41 địa phương đề xuất nhân rộng",
        ),
        (
            29,
            "III",
            59,
            Some("63/63"),
            "Miễn phí",
            "63 địa phương đề xuất nhân rộng",
        ),
        (
            30,
            "III",
            60,
            Some("63/63"),
            "Miễn phí",
            "63 địa phương đề xuất nhân rộng",
        ),
        (
            31,
            "III",
            61,
            Some("45/63"),
            "Miễn phí",
            "31 địa phương đề xuất nhân rộng",
        ),
        (
            32,
            "III",
            67,
            None,
            "Mất phí",
            "63 địa phương đề xuất nhân rộng",
        ),
        (
            33,
            "III",
            68,
            None,
            "Miễn phí",
            "63 địa phương đề xuất nhân rộng",
        ),
        (
            34,
            "III",
            69,
            None,
            "Miễn phí",
            "63 địa phương đề xuất nhân rộng",
        ),
        (
            35,
            "IV",
            74,
            Some("46/63"),
            "Miễn phí",
            "33 địa phương đề xuất nhân rộng",
        ),
        (
            36,
            "IV",
            75,
            Some("58/63"),
            "Miễn phí",
            "42 địa phương đề xuất nhân rộng",
        ),
        (
            37,
            "IV",
            76,
            Some("63/63"),
            "Miễn phí",
            "63 địa phương đề xuất nhân rộng",
        ),
        (
            38,
            "V",
            78,
            Some("51/63"),
            "Miễn phí",
            "34 địa phương đề xuất nhân rộng",
        ),
        (
            39,
            "V",
            82,
            Some("44/63"),
            "Miễn phí",
            "27 địa phương đề xuất nhân rộng",
        ),
        (
            40,
            "V",
            83,
            Some("39/63"),
            "Miễn phí",
            "24 địa phương đề xuất nhân rộng",
        ),
        (
            41,
            "V",
            84,
            Some("35/63"),
            "Miễn phí",
            "23 địa phương đề xuất nhân rộng",
        ),
        (
            42,
            "V",
            85,
            Some("30/63"),
            "Miễn phí",
            "20 địa phương đề xuất nhân rộng",
        ),
        (
            43,
            "V",
            89,
            Some("56/63"),
            "Mất kinh phí",
            "40 địa phương đề xuất nhân rộng",
        ),
        (
            44,
            "V",
            90,
            Some("34/63"),
            "Miễn phí",
            "20 địa phương đề xuất nhân rộng",
        ),
    ];
    for (n, group, line, printed, cost, replication) in rows {
        let a = national(&loaded, n);
        assert_eq!(a.model, Some(n), "model {n}");
        assert_eq!(a.local_number.as_deref(), Some(n.to_string().as_str()));
        assert_eq!(
            a.source.section,
            format!("Phụ lục 04, nhóm {group}"),
            "model {n}"
        );
        assert_eq!(a.source.row.as_deref(), Some(n.to_string().as_str()));
        assert_eq!(a.source.line, Some(line), "model {n}");
        assert_eq!(a.printed_count.as_deref(), printed, "model {n}");
        if let Some(p) = printed {
            assert!(a.result.contains(p), "model {n}: the count is in the cell");
        }
        assert_eq!(a.cost, cost, "model {n}");
        assert_eq!(a.replication, replication, "model {n}");
        assert_eq!(a.status_raw, "", "model {n}: no status column");
        assert_eq!(a.locality, None);
        // The catalogue entry is the same row: its title is the cell without "Mô hình N: ".
        let m = snap
            .model(n)
            .unwrap_or_else(|| panic!("catalogue model {n}"));
        assert_eq!(m.group, group, "model {n}");
        assert_eq!(m.source.line, Some(line), "model {n}");
        assert_eq!(
            a.title_raw,
            format!("Mô hình {n}: {}", m.title),
            "model {n}: catalogue title"
        );
    }
    // Titles kept as printed, typos included.
    assert!(snap
        .model(29)
        .unwrap()
        .title
        .contains("giám chi phí đào tạo truyền thống"));
    assert_eq!(
        snap.model(17).unwrap().title,
        "Triển khai thiết bị giám sát thị cứ, sát hạch lái xe"
    );
    assert_eq!(
        snap.model(44).unwrap().title,
        "Tổ chức đào tạo, tập huấn an ninh, an toàn, bảo mật thông tin cho người sử dụng cuối (end use)."
    );
}

#[test]
fn repeats_and_spellings_in_the_lists() {
    let loaded = load();
    let at = |n: u32, name: &str| -> Vec<usize> {
        national(&loaded, n)
            .localities
            .iter()
            .enumerate()
            .filter(|(_, l)| *l == name)
            .map(|(i, _)| i)
            .collect()
    };
    // (model, locality listed twice, its two positions), read by hand.
    let repeats = [
        (14, "dong-nai", [7, 27]),
        (17, "son-la", [34, 48]),
        (18, "hau-giang", [16, 39]),
        (20, "dong-nai", [16, 51]),
        (22, "ca-mau", [7, 42]),
        (23, "ha-nam", [6, 14]),
        (27, "hau-giang", [21, 56]),
        (28, "hau-giang", [20, 57]),
    ];
    for (n, id, pos) in repeats {
        assert_eq!(at(n, id), pos, "model {n}: {id}");
    }
    // "Thừa thiên - Huế", "TP Hải Phòng", "TP. Đà Nẵng", "Bắc Kan", "Bà Rịa Vũng Tàu".
    let a = national(&loaded, 13);
    assert!(a
        .localities_raw
        .contains("Thừa thiên - Huế, TP Hải Phòng, TP. Đà Nẵng, TP. Hà Nội"));
    assert_eq!(
        &a.localities[28..32],
        ["thua-thien-hue", "hai-phong", "da-nang", "ha-noi"]
    );
    let a = national(&loaded, 14);
    assert_eq!(a.localities.last().unwrap(), "dong-nai");
    assert_eq!(a.localities[25], "ho-chi-minh");
    let a = national(&loaded, 28);
    assert_eq!(a.localities.last().unwrap(), "dien-bien");
    assert_eq!(a.localities[3], "bac-kan");
    // Model 15 ends with Cà Mau, printed after Vĩnh Phúc.
    let a = national(&loaded, 15);
    assert_eq!(&a.localities[16..], ["vinh-phuc", "ca-mau"]);
    // Models 4 and 5 print "Nam Định " and "Ninh Thuận " with a space before the comma.
    for n in [4, 5] {
        let a = national(&loaded, n);
        assert!(a
            .localities_raw
            .contains("Nam Định , Nghệ An, Ninh Bình, Ninh Thuận ,"));
        assert!(a.localities.iter().any(|l| l == "ninh-thuan"), "model {n}");
    }
    // Every id of every list is a province of 2024 (no district slipped in).
    for n in 1..=44u32 {
        for l in &national(&loaded, n).localities {
            let loc = loaded.snapshot.locality(l).unwrap_or_else(|| panic!("{l}"));
            assert_eq!(loc.parent, None, "model {n}: {l} is a province");
        }
    }
}

#[test]
fn counts_the_checker_cannot_compare_are_noted() {
    let loaded = load();
    let note = |id: &str| {
        loaded
            .snapshot
            .notes
            .iter()
            .find(|n| n.id == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    // Models 13 and 14 print a bare count ("32", "26", no "/63") that disagrees with their list.
    let n13 = note("pl04-n-m13-count");
    assert!(n13.text.contains("32 địa phương") && n13.text.contains("33 mục"));
    assert_eq!(n13.source.line, Some(30));
    let n14 = note("pl04-n-m14-count");
    assert!(n14.text.contains("26 địa phương") && n14.text.contains("28 mục"));
    assert!(n14.text.contains("27 địa phương khác nhau"));
    assert!(n14.text.contains("Đồng Nai"));
    assert_eq!(n14.source.line, Some(31));
    // Models 4, 5 and 15 print bare counts that agree with their lists.
    for (n, count) in [(4, 50), (5, 47), (15, 18)] {
        assert_eq!(national(&loaded, n).localities.len(), count, "model {n}");
        assert_eq!(
            distinct(&national(&loaded, n).localities),
            count,
            "model {n}"
        );
    }
    let pl04_notes = loaded
        .snapshot
        .notes
        .iter()
        .filter(|n| n.report == "pl04")
        .count();
    assert_eq!(pl04_notes, 9);
}

#[test]
fn every_difficulty_with_its_causes() {
    use Cause::*;
    let loaded = load();
    let bs: Vec<_> = loaded
        .snapshot
        .blockers
        .iter()
        .filter(|b| b.report == "pl04")
        .collect();
    // (model, causes named by the text, line)
    let expected: [(u32, &[Cause], u32); 34] = [
        (1, &[People], 8),
        (2, &[Infrastructure, Funding], 9),
        (3, &[Legal], 13),
        (4, &[Infrastructure, People], 14),
        (6, &[Data], 20),
        (7, &[Infrastructure, Funding], 21),
        (8, &[], 22),
        (9, &[Data], 23),
        (10, &[People], 24),
        (11, &[], 28),
        (12, &[People], 29),
        (13, &[], 30),
        (14, &[People, Funding], 31),
        (15, &[Data], 32),
        (16, &[], 36),
        (17, &[Legal, Funding], 37),
        (18, &[], 38),
        (19, &[People], 39),
        (20, &[Data], 43),
        (21, &[], 44),
        (22, &[], 45),
        (23, &[], 46),
        (24, &[People], 48),
        (25, &[], 52),
        (27, &[People, Funding], 54),
        (28, &[Infrastructure, Funding], 58),
        (31, &[Infrastructure], 61),
        (35, &[Data, Funding], 74),
        (36, &[Data], 75),
        (37, &[People], 76),
        (39, &[Infrastructure], 82),
        (42, &[People], 85),
        (43, &[People], 89),
        (44, &[], 90),
    ];
    assert_eq!(bs.len(), expected.len());
    for (n, causes, line) in expected {
        let b = bs
            .iter()
            .find(|b| b.model == Some(n))
            .unwrap_or_else(|| panic!("blocker of model {n}"));
        assert_eq!(b.id, format!("pl04-m{n:02}-kk"));
        assert_eq!(b.causes, causes, "model {n}");
        assert_eq!(b.source.line, Some(line), "model {n}");
        // Every phrase of cause_raw is a phrase of the text, and none is repeated.
        let phrases: Vec<&str> = b.cause_raw.split(" | ").filter(|p| !p.is_empty()).collect();
        assert_eq!(phrases.is_empty(), causes.is_empty(), "model {n}");
        for (i, p) in phrases.iter().enumerate() {
            assert!(b.text.contains(p), "model {n}: {p}");
            assert!(
                !phrases[..i].iter().any(|q| q.contains(p)),
                "model {n}: {p} repeated"
            );
        }
    }
}

#[test]
fn every_figure_inside_the_cells() {
    let loaded = load();
    let is: Vec<_> = loaded
        .snapshot
        .indicators
        .iter()
        .filter(|i| i.report == "pl04")
        .collect();
    // (id, value, line), read by hand from the "Kết quả chung" and "Đánh giá hiệu quả" cells.
    let expected = [
        ("pl04-i-m03-thoai-son", 10_050_000.0, 13),
        ("pl04-i-m04-kho", 15.0, 14),
        ("pl04-i-m06-bac-giang-the", 5_000.0, 20),
        ("pl04-i-m06-bac-giang-tong", 10_000_000_000.0, 20),
        ("pl04-i-m07-kiosk", 1_001.0, 21),
        ("pl04-i-m30-tin-bao", 14_452.0, 60),
        ("pl04-i-m32-hcm-hoc-sinh", 2_000_000.0, 67),
        ("pl04-i-m32-hcm-giao-vien", 50_000.0, 67),
        ("pl04-i-m33-hue", 2_129.0, 68),
        ("pl04-i-m33-ha-noi", 10_277.0, 68),
        ("pl04-i-m33-phi", 20_000.0, 68),
        ("pl04-i-m34-ha-noi-du-lieu", 1_770_000.0, 69),
        ("pl04-i-m34-ha-noi-byt", 46.0, 69),
        ("pl04-i-m34-ha-noi-ubnd", 66.0, 69),
        ("pl04-i-m34-ha-noi-tang", 400_000.0, 69),
        ("pl04-i-m34-ha-noi-kcb", 16_600_000.0, 69),
        ("pl04-i-m34-ha-noi-kcb-tang", 1_000_000.0, 69),
        ("pl04-i-m34-ha-noi-ksk", 653_000.0, 69),
        ("pl04-i-m34-nam-dinh", 780_199.0, 69),
    ];
    assert_eq!(is.len(), expected.len());
    for (id, value, line) in expected {
        let i = is
            .iter()
            .find(|i| i.id == id)
            .unwrap_or_else(|| panic!("{id}"));
        assert_eq!(i.value, Some(value), "{id}");
        assert_eq!(i.source.line, Some(line), "{id}");
    }
    let k = is.iter().find(|i| i.id == "pl04-i-m04-kho").unwrap();
    assert_eq!(k.unit.as_deref(), Some("địa phương"));
    assert!(k
        .raw
        .starts_with("trong đó 15 địa phương đã xây dựng Kho dữ liệu điện tử"));
    assert!(national(&loaded, 4).result.contains(k.raw.as_str()));
    let u = is
        .iter()
        .find(|i| i.id == "pl04-i-m34-ha-noi-ubnd")
        .unwrap();
    assert_eq!((u.numerator, u.denominator), (Some(66.0), Some(73.0)));
}

#[test]
fn last_numbered_row_of_every_table_is_present() {
    let l = common::load();
    common::assert_last_rows(
        &l,
        "pl04",
        90,
        &[
            // seed 000_16aacf43d5fce407.txt: 90 lines, no newline after the last (model 44)
            ("Phụ lục 04, nhóm I", "5", 15),
            ("Phụ lục 04, nhóm II", "23", 46),
            ("Phụ lục 04, nhóm III", "34", 69),
            ("Phụ lục 04, nhóm IV", "37", 76),
            ("Phụ lục 04, nhóm V", "44", 90),
        ],
    );
}

#[test]
fn every_section_has_records_or_a_note() {
    // seed 000: the title and the five groups of the one table, by heading as printed
    // (section, heading, first line, last line), read by hand from the source.
    let l = common::load();
    common::assert_every_section_accounted(
        &l,
        "pl04",
        &[
            (
                "Phụ lục 04",
                "PHỤ LỤC 04: VỀ ĐÁNH GIÁ 44 MÔ HÌNH ĐIỂM",
                3,
                3,
            ),
            (
                "Phụ lục 04, nhóm I",
                "I NHÓM TIỆN ÍCH PHỤC VỤ GIẢI QUYẾT TTHC VÀ CUNG CẤP DỊCH VỤ CÔNG …",
                7,
                15,
            ),
            (
                "Phụ lục 04, nhóm II",
                "II NHÓM TIỆN ÍCH PHÁT TRIỂN KINH TẾ XÃ HỘI (16 MÔ HÌNH)",
                16,
                46,
            ),
            (
                "Phụ lục 04, nhóm III",
                "III NHÓM TIỆN ÍCH PHỤC VỤ CÔNG DÂN SỐ (10 MÔ HÌNH)",
                47,
                69,
            ),
            (
                "Phụ lục 04, nhóm IV",
                "IV NHÓM SỐ HÓA, TẠO LẬP DỮ LIỆU DÙNG CHUNG …",
                70,
                76,
            ),
            (
                "Phụ lục 04, nhóm V",
                "V NHÓM PHỤC VỤ CHỈ ĐẠO ĐIỀU HÀNH CỦA LÃNH ĐẠO CÁC CẤP (06 MÔ HÌNH)",
                77,
                90,
            ),
        ],
    );
}
