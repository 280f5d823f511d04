//! The shipped snapshot against Phụ lục III ("Mô hình cần lựa chọn 1 đơn vị để triển khai:
//! 15 mô hình.", seed 003_6b07f64473b1cc37.txt), with figures read by hand from the source:
//! the number of rows, the model of every row (as printed and in the national catalogue),
//! rows compared field by field, and the headline figure as printed.

mod common;

use std::path::Path;

use giaoban::domain::{Claim, Task};
use giaoban::store::{load_path, Loaded};

fn load() -> Loaded {
    load_path(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data"))
        .expect("the shipped snapshot loads")
}

fn tasks(loaded: &Loaded) -> Vec<&Task> {
    loaded
        .snapshot
        .tasks
        .iter()
        .filter(|t| t.report == "pl3")
        .collect()
}

fn row(loaded: &Loaded, n: u32) -> &Task {
    let id = format!("pl3-{n:02}");
    let found: Vec<&Task> = tasks(loaded).into_iter().filter(|t| t.id == id).collect();
    assert_eq!(found.len(), 1, "{id} defined once");
    found[0]
}

fn strs(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn report_and_headline_as_printed() {
    let loaded = load();
    let r = loaded
        .snapshot
        .reports
        .iter()
        .find(|r| r.id == "pl3")
        .expect("report pl3");
    assert_eq!(r.file, "003_6b07f64473b1cc37.txt");
    assert_eq!(r.short, "Phụ lục III (triển khai cấp huyện)");
    assert_eq!(
        r.title,
        "Mô hình cần lựa chọn 1 đơn vị để triển khai: 15 mô hình."
    );
    assert_eq!(r.issuer, "(không ghi)");
    assert_eq!(r.date, None);
    assert_eq!(r.locality, None);
    assert_eq!(r.headline.len(), 1);
    let h = &r.headline[0];
    assert_eq!(h.value, Some(15.0));
    assert!(h.raw.contains("15 mô hình"));
    assert_eq!(h.claim, Some(Claim::TasksTotal { section: None }));
    assert_eq!(h.source.line, Some(4));

    // The title says 15, the table has 12 rows: the checker must say so.
    let f: Vec<_> = loaded
        .findings
        .iter()
        .filter(|f| f.report.as_deref() == Some("pl3") && f.kind == "headline")
        .collect();
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].computed.as_deref(), Some("12"));
}

#[test]
fn twelve_rows_numbered_1_to_12() {
    let loaded = load();
    let t = tasks(&loaded);
    assert_eq!(t.len(), 12);
    // (row, line of the seed where the row starts)
    let lines = [
        (1, 8),
        (2, 9),
        (3, 13),
        (4, 14),
        (5, 15),
        (6, 20),
        (7, 21),
        (8, 26),
        (9, 27),
        (10, 28),
        (11, 34),
        (12, 35),
    ];
    for (n, line) in lines {
        let r = row(&loaded, n);
        assert_eq!(r.local_number.as_deref(), Some(format!("{n}.").as_str()));
        assert_eq!(r.source.section, "Phụ lục III");
        assert_eq!(r.source.row.as_deref(), Some(format!("{n}.").as_str()));
        assert_eq!(r.source.line, Some(line), "row {n}");
        assert_eq!(r.status_raw, "", "row {n}: no status is printed");
        assert_eq!(r.locality, None);
    }
}

#[test]
fn every_row_maps_to_its_national_model() {
    let loaded = load();
    // (row, "Mô hình N" as printed, national model by content, words of its title)
    let map = [
        (1, "2", 2, "Tự động hóa Trung tâm hành chính công"),
        (2, "4", 4, "Lưu trữ, chứng thực các giấy tờ"),
        (3, "7", 7, "Khám chữa bệnh sử dụng sinh trắc học"),
        (4, "13", 13, "Camera AI kiểm soát ra/vào tại Khu du lịch"),
        (5, "17", 17, "giám sát thi cử, sát hạch lái xe"),
        (6, "18", 18, "xử phạt giao thông"),
        (
            7,
            "22",
            22,
            "Phát triển du lịch, gắn với phát triển đặc sản",
        ),
        (8, "30", 31, "tuyên truyền chính sách, hỗ trợ pháp lý"),
        (9, "32", 33, "lý lịch tư pháp"),
        (10, "33", 34, "Sổ sức khỏe điện tử, Sổ lao động điện tử"),
        (11, "34", 35, "người sử dụng đất"),
        (12, "36", 37, "An sinh xã hội"),
    ];
    for (n, printed, national, words) in map {
        let r = row(&loaded, n);
        assert_eq!(r.model, Some(national), "row {n}");
        assert_eq!(r.model_printed.as_deref(), Some(printed), "row {n}");
        assert!(r.title.contains(&format!("Mô hình {printed}:")), "row {n}");
        assert!(r.title.contains(words), "row {n}: {words}");
        assert!(
            loaded.snapshot.models.iter().any(|m| m.number == national),
            "national model {national} is in the catalogue"
        );
    }
    // Rows 8–12 are numbered differently: one finding and one note each.
    let numbering: Vec<&str> = loaded
        .findings
        .iter()
        .filter(|f| f.report.as_deref() == Some("pl3") && f.kind == "numbering")
        .map(|f| f.subject.as_str())
        .collect();
    assert_eq!(numbering.len(), 5, "{numbering:?}");
    for (n, printed, national) in [
        (8, 30, 31),
        (9, 32, 33),
        (10, 33, 34),
        (11, 34, 35),
        (12, 36, 37),
    ] {
        let id = format!("pl3-n-number-{n:02}");
        let note = loaded
            .snapshot
            .notes
            .iter()
            .find(|x| x.id == id)
            .unwrap_or_else(|| panic!("{id}"));
        assert!(note.text.contains(&format!("Mô hình {printed}")), "{id}");
        assert!(note.text.contains(&format!("mô hình {national}")), "{id}");
    }
}

#[test]
fn steps_and_deadlines_of_every_row() {
    let loaded = load();
    // (row, number of steps, deadline as printed)
    let rows = [
        (1, 5, "30/12/2023"),
        (2, 3, "30/10/2023"),
        (3, 5, "30/12/2023"),
        (4, 4, "30/10/2023"),
        (5, 1, "30/12/2023"),
        (6, 4, "30/12/2023"),
        (7, 4, "30/10/2023"),
        (8, 2, "Triển khai trước 30/11/2023 và duy trì liên tục"),
        (9, 2, "30/11/2023"),
        (10, 2, "30/12/2023"),
        (11, 2, "30/12/2024"),
        (12, 3, "30/12/2023"),
    ];
    for (n, steps, deadline) in rows {
        let r = row(&loaded, n);
        assert_eq!(r.steps.len(), steps, "row {n}: {:?}", r.steps);
        for (i, s) in r.steps.iter().enumerate() {
            assert!(
                s.contains(&format!("Bước {}", i + 1)),
                "row {n} step {}: {s}",
                i + 1
            );
        }
        assert_eq!(r.deadline_raw, deadline, "row {n}");
    }
}

#[test]
fn row_1_kiosk() {
    let loaded = load();
    let r = row(&loaded, 1);
    assert_eq!(r.lead_raw, "V PUB huyện");
    assert_eq!(r.lead_units, strs(&["van-phong-hdnd-ubnd-huyen"]));
    assert_eq!(r.coord_raw, "C06, STTTT, DN");
    assert_eq!(r.coord_units, strs(&["c06", "so-tttt", "doanh-nghiep"]));
    assert_eq!(r.force_raw, "V PUB");
    assert_eq!(r.force_units, strs(&["van-phong-hdnd-ubnd-huyen"]));
    assert_eq!(r.businesses_raw, "");
    assert!(r.steps[0].starts_with("- <b>Bước 1</b> Khảo sát"));
    assert!(r.equipment.contains("Đầu tư mua sắm Kiosk"));
    assert_eq!(
        r.note,
        "C06 hỗ trợ triển khai thí điểm (01 hoặc nhiều điểm do địa phương đề xuất)"
    );
    assert!(r.title.contains("<b>Hiệu quả:</b> Hỗ trợ tự động hóa"));
}

#[test]
fn row_3_hospital_kiosk() {
    let loaded = load();
    let r = row(&loaded, 3);
    assert_eq!(r.lead_raw, "TTYT");
    assert_eq!(r.lead_units, strs(&["trung-tam-y-te-huyen"]));
    assert_eq!(r.coord_raw, "C06, BHXH, STTTT, DN");
    assert_eq!(
        r.coord_units,
        strs(&["c06", "bhxh-tinh", "so-tttt", "doanh-nghiep"])
    );
    assert_eq!(r.force_raw, "SYT, các cơ sở khám chữa bệnh");
    assert_eq!(r.force_units, strs(&["so-y-te", "co-so-kham-chua-benh"]));
    assert!(r.equipment.contains("Mua sắm Kiosk"));
    assert!(r.title.contains("Bệnh viện Đa khoa Bắc Quảng Bình"));
}

#[test]
fn row_5_split_across_a_page_has_no_units() {
    let loaded = load();
    let r = row(&loaded, 5);
    assert!(r.lead_raw.is_empty() && r.coord_raw.is_empty() && r.force_raw.is_empty());
    assert!(r.lead_units.is_empty() && r.coord_units.is_empty() && r.force_units.is_empty());
    // The second part (line 19) is joined to the first (line 15).
    assert!(r
        .title
        .contains("phối hợp doanh nghiệp triển</li> </ul> <p>khai giải pháp.</p>"));
    assert!(r.title.contains("Định danh chính xác học viên"));
    assert!(r
        .equipment
        .ends_with("- Mua sắm thiết bị đầu đọc CCCD gắn chip"));
    assert_eq!(
        r.note,
        "C06 hỗ trợ Triển khai thí điểm (01 hoặc nhiều điểm do địa phương đề xuất)"
    );
    assert!(loaded
        .snapshot
        .notes
        .iter()
        .any(|n| n.id == "pl3-n-split-05"));
}

#[test]
fn row_7_tourism_joined_across_a_page() {
    let loaded = load();
    let r = row(&loaded, 7);
    assert_eq!(r.lead_raw, "SVHTT DL, C06");
    assert_eq!(r.lead_units, strs(&["so-vhttdl", "c06"]));
    assert_eq!(r.coord_raw, "Phòng VHTT");
    assert_eq!(r.coord_units, strs(&["phong-vhtt-huyen"]));
    assert_eq!(r.force_raw, "DN");
    assert_eq!(r.force_units, strs(&["doanh-nghiep"]));
    assert_eq!(r.businesses_raw, "VNPT, RAR (C06)");
    assert_eq!(r.equipment, "Miễn phí");
    assert!(r.steps[2].contains("App Bình Phước Today"));
    assert!(r.steps[3].contains("ký hợp đồng điện tử trên VNeID"));
    assert!(r.title.contains("tránh thất thu thuế"));
    assert!(loaded
        .snapshot
        .notes
        .iter()
        .any(|n| n.id == "pl3-n-split-07"));
}

#[test]
fn row_8_call_centre() {
    let loaded = load();
    let r = row(&loaded, 8);
    assert_eq!(r.lead_raw, "C06, CAH");
    assert_eq!(r.lead_units, strs(&["c06", "cong-an-huyen"]));
    assert_eq!(
        r.coord_raw,
        "Phòng VH TT, Trung tâm VH TT và Đài truyền thanh, truyền hình"
    );
    assert_eq!(
        r.coord_units,
        strs(&[
            "phong-vhtt-huyen",
            "trung-tam-vhtt-huyen",
            "dai-truyen-thanh-truyen-hinh-huyen"
        ])
    );
    assert_eq!(r.force_raw, "Các sở ngành");
    assert_eq!(r.force_units, strs(&["so-nganh"]));
    assert_eq!(r.equipment, "Miễn phí");
    assert!(r.steps[0].contains("Hotline:19000368"));
}

#[test]
fn row_9_judicial_record() {
    let loaded = load();
    let r = row(&loaded, 9);
    assert_eq!(r.lead_raw, "C06, STP");
    assert_eq!(r.lead_units, strs(&["c06", "so-tu-phap"]));
    assert_eq!(r.coord_raw, "CAH, PTP, VH TT");
    assert_eq!(
        r.coord_units,
        strs(&["cong-an-huyen", "phong-tu-phap-huyen", "phong-vhtt-huyen"])
    );
    assert_eq!(r.force_raw, "Tổ CNSCĐ");
    assert_eq!(r.force_units, strs(&["to-cong-nghe-so-cong-dong"]));
    assert_eq!(r.businesses_raw, "RAR (C06)");
}

#[test]
fn row_10_health_and_labour_books() {
    let loaded = load();
    let r = row(&loaded, 10);
    assert_eq!(r.lead_raw, "C06, SLĐTB XH, SYT, STTTT");
    assert_eq!(
        r.lead_units,
        strs(&["c06", "so-ldtbxh", "so-y-te", "so-tttt"])
    );
    assert_eq!(r.coord_raw, "TTYT, Phòng LĐTB &XH, VH TT, CAH");
    assert_eq!(
        r.coord_units,
        strs(&[
            "trung-tam-y-te-huyen",
            "phong-ldtbxh-huyen",
            "phong-vhtt-huyen",
            "cong-an-huyen"
        ])
    );
    assert_eq!(r.force_units, strs(&["to-cong-nghe-so-cong-dong"]));
}

#[test]
fn row_11_land_and_row_12_social_security() {
    let loaded = load();
    let r = row(&loaded, 11);
    assert_eq!(r.lead_raw, "STNMT");
    assert_eq!(r.lead_units, strs(&["so-tnmt"]));
    assert_eq!(r.coord_raw, "C06, Phòng TNMT");
    assert_eq!(r.coord_units, strs(&["c06", "phong-tnmt-huyen"]));
    assert_eq!(r.force_units, strs(&["to-cong-nghe-so-cong-dong"]));

    let r = row(&loaded, 12);
    assert_eq!(r.lead_raw, "SLĐTB XH");
    assert_eq!(r.lead_units, strs(&["so-ldtbxh"]));
    assert_eq!(r.coord_raw, "C06, Phòng LĐTB &XH,, Các ngân hàng");
    assert_eq!(
        r.coord_units,
        strs(&["c06", "phong-ldtbxh-huyen", "ngan-hang"])
    );
    assert_eq!(r.force_raw, "Tổ CNSCĐ");
    assert_eq!(r.note, "C06 hỗ trợ Triển khai thí điểm");
}

#[test]
fn row_6_traffic_fines() {
    let loaded = load();
    let r = row(&loaded, 6);
    assert_eq!(r.lead_raw, "STTTT, C06");
    assert_eq!(r.lead_units, strs(&["so-tttt", "c06"]));
    assert_eq!(r.coord_raw, "VPUB, CAH, Phòng VHTT");
    assert_eq!(
        r.coord_units,
        strs(&[
            "van-phong-hdnd-ubnd-huyen",
            "cong-an-huyen",
            "phong-vhtt-huyen"
        ])
    );
    assert_eq!(r.force_raw, "STTTT, DN");
    assert_eq!(r.force_units, strs(&["so-tttt", "doanh-nghiep"]));
    assert_eq!(
        r.equipment,
        "- Có kinh phí thực hiện. - Mua sắm thiết bị Camera."
    );
}

#[test]
fn rows_2_and_4_field_by_field() {
    let loaded = load();
    let r = row(&loaded, 2);
    assert!(r.title.starts_with(
        "<p><b>Mô hình 4: Lưu trữ, chứng thực các giấy tờ tài liệu điện tử phục vụ người dân, doanh nghiệp tham gia môi trường số.</b>"
    ));
    assert!(r.title.contains("tích hợp công DVC, 01 cửa tỉnh."));
    assert_eq!(r.lead_raw, "STTTT");
    assert_eq!(r.lead_units, strs(&["so-tttt"]));
    assert_eq!(r.coord_raw, "C06, DN");
    assert_eq!(r.coord_units, strs(&["c06", "doanh-nghiep"]));
    assert_eq!(r.force_raw, "Tổ CNSCĐ");
    assert_eq!(r.force_units, strs(&["to-cong-nghe-so-cong-dong"]));
    assert_eq!(r.businesses_raw, "");
    assert_eq!(
        r.equipment,
        "<ul style=\"list-style-type: none\"> <li>- <b>Mất kinh phí</b></li> </ul>"
    );
    assert_eq!(
        r.steps[0],
        "- <b>Bước 1:</b> Đánh giá giải pháp lưu trữ, chứng thực dữ liệu điện tử lựa chọn thuê, hoặc đầu tư."
    );

    let r = row(&loaded, 4);
    assert_eq!(r.lead_raw, "PHòng VHTT");
    assert_eq!(r.lead_units, strs(&["phong-vhtt-huyen"]));
    assert_eq!(r.coord_raw, "C06");
    assert_eq!(r.coord_units, strs(&["c06"]));
    assert_eq!(r.force_raw, "DN");
    assert_eq!(r.force_units, strs(&["doanh-nghiep"]));
    assert_eq!(
        r.equipment,
        "<ul style=\"list-style-type: none\"> <li>- Có kinh phí thực hiện.</li> <li>- Mua sắm thiết bị Camera;</li> </ul>"
    );
    assert!(r.steps[1].ends_with("để hướng dẫn mua sắm).."));
    assert_eq!(
        r.steps[3],
        "- <b>Bước 4:</b> Kết nối về hệ thống tại TTDL QG về DC để giám sát các vấn đề ANTT."
    );
}

#[test]
fn units_of_every_row() {
    let loaded = load();
    // (row, units read from Chủ trì, Phối hợp, Lực lượng triển khai), counted by hand.
    let counts = [
        (1, 1, 3, 1),
        (2, 1, 2, 1),
        (3, 1, 4, 2),
        (4, 1, 1, 1),
        (5, 0, 0, 0),
        (6, 2, 3, 2),
        (7, 2, 1, 1),
        (8, 2, 3, 1),
        (9, 2, 3, 1),
        (10, 4, 4, 1),
        (11, 1, 2, 1),
        (12, 1, 3, 1),
    ];
    for (n, lead, coord, force) in counts {
        let r = row(&loaded, n);
        assert_eq!(r.lead_units.len(), lead, "row {n}: {:?}", r.lead_units);
        assert_eq!(r.coord_units.len(), coord, "row {n}: {:?}", r.coord_units);
        assert_eq!(r.force_units.len(), force, "row {n}: {:?}", r.force_units);
        for u in r
            .lead_units
            .iter()
            .chain(&r.coord_units)
            .chain(&r.force_units)
        {
            assert!(loaded.snapshot.unit(u).is_some(), "row {n}: unit {u}");
        }
        // The businesses column is kept as printed only.
        let b = match n {
            7 => "VNPT, RAR (C06)",
            9 => "RAR (C06)",
            _ => "",
        };
        assert_eq!(r.businesses_raw, b, "row {n}");
    }
}

#[test]
fn equipment_and_note_of_every_row() {
    let loaded = load();
    let full = "C06 hỗ trợ Triển khai thí điểm (01 hoặc nhiều điểm do địa phương đề xuất)";
    for n in 1..=12u32 {
        let r = row(&loaded, n);
        let note = match n {
            1 => "C06 hỗ trợ triển khai thí điểm (01 hoặc nhiều điểm do địa phương đề xuất)",
            12 => "C06 hỗ trợ Triển khai thí điểm",
            _ => full,
        };
        assert_eq!(r.note, note, "row {n}");
        // Rows 7–12 print "Miễn phí"; rows 1–6 an HTML list or dashes.
        if n >= 7 {
            assert_eq!(r.equipment, "Miễn phí", "row {n}");
        } else {
            assert!(r.equipment.contains("kinh phí"), "row {n}: {}", r.equipment);
        }
        assert!(r.result.is_empty(), "row {n}");
    }
}

#[test]
fn deadlines_fall_due_as_printed() {
    use chrono::NaiveDate;
    use giaoban::domain::Deadline;
    let loaded = load();
    let d = |y, m, day| Some(NaiveDate::from_ymd_opt(y, m, day).unwrap());
    let due = [
        (1, d(2023, 12, 30)),
        (2, d(2023, 10, 30)),
        (3, d(2023, 12, 30)),
        (4, d(2023, 10, 30)),
        (5, d(2023, 12, 30)),
        (6, d(2023, 12, 30)),
        (7, d(2023, 10, 30)),
        (9, d(2023, 11, 30)),
        (10, d(2023, 12, 30)),
        (11, d(2024, 12, 30)),
        (12, d(2023, 12, 30)),
    ];
    for (n, date) in due {
        let r = row(&loaded, n);
        assert_eq!(Deadline::parse(&r.deadline_raw).due(), date, "row {n}");
    }
    // Row 8 is a standing duty with a start date: kept as printed, with a note.
    let r = row(&loaded, 8);
    assert!(!Deadline::parse(&r.deadline_raw).is_invalid());
    assert!(loaded
        .snapshot
        .notes
        .iter()
        .any(|n| n.id == "pl3-n-deadline-08" && n.raw == r.deadline_raw));
    let notes = loaded
        .snapshot
        .notes
        .iter()
        .filter(|n| n.report == "pl3")
        .count();
    assert_eq!(notes, 16);
}

#[test]
fn last_numbered_row_of_every_table_is_present() {
    let l = common::load();
    common::assert_last_rows(
        &l,
        "pl3",
        35,
        &[
            // seed 003_6b07f64473b1cc37.txt: ends with a newline; its last row is 12. (line 35)
            ("Phụ lục III", "12.", 35),
        ],
    );
}

#[test]
fn every_section_has_records_or_a_note() {
    // seed 003: the title and its one table, by heading as printed
    // (section, heading, first line, last line), read by hand from the source.
    let l = common::load();
    common::assert_every_section_accounted(
        &l,
        "pl3",
        &[
            (
                "Phụ lục III",
                "PHỤ LỤC III / Mô hình cần lựa chọn 1 đơn vị để triển khai: 15 mô hình.",
                3,
                4,
            ),
            ("Phụ lục III", "STT | NHIỆM VỤ | … (bảng 12 dòng)", 6, 35),
        ],
    );
}
