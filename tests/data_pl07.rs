//! The shipped snapshot against Phụ lục 07 ("TIỆN ÍCH, GIÁ TRỊ MANG LẠI TRONG TRIỂN KHAI ĐỀ ÁN
//! 06/CP CỦA CHÍNH PHỦ", seed 002_ee007171670a0059.txt), with figures read by hand from the
//! source: items per group (A 2, B 5, C 5, D 3, E 3), the 16 gaps, the 40 numbered solutions,
//! items compared field by field, the deadline the column title gives the solutions, and the
//! 154 figures printed in the table (indicators), a sample of them field by field.

mod common;

use std::path::Path;

use chrono::NaiveDate;
use giaoban::domain::{Benefit, Blocker, BlockerKind, Cause, Deadline, Indicator, Task};
use giaoban::store::{load_path, Loaded};

fn load() -> Loaded {
    load_path(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data"))
        .expect("the shipped snapshot loads")
}

fn benefits(l: &Loaded) -> Vec<&Benefit> {
    l.snapshot
        .benefits
        .iter()
        .filter(|b| b.report == "pl07")
        .collect()
}
fn blockers(l: &Loaded) -> Vec<&Blocker> {
    l.snapshot
        .blockers
        .iter()
        .filter(|b| b.report == "pl07")
        .collect()
}
fn tasks(l: &Loaded) -> Vec<&Task> {
    l.snapshot
        .tasks
        .iter()
        .filter(|t| t.report == "pl07")
        .collect()
}
fn benefit<'a>(l: &'a Loaded, id: &str) -> &'a Benefit {
    let f: Vec<_> = benefits(l).into_iter().filter(|b| b.id == id).collect();
    assert_eq!(f.len(), 1, "{id} defined once");
    f[0]
}
fn blocker<'a>(l: &'a Loaded, id: &str) -> &'a Blocker {
    let f: Vec<_> = blockers(l).into_iter().filter(|b| b.id == id).collect();
    assert_eq!(f.len(), 1, "{id} defined once");
    f[0]
}
fn task<'a>(l: &'a Loaded, id: &str) -> &'a Task {
    let f: Vec<_> = tasks(l).into_iter().filter(|t| t.id == id).collect();
    assert_eq!(f.len(), 1, "{id} defined once");
    f[0]
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
        .find(|r| r.id == "pl07")
        .expect("report pl07");
    assert_eq!(r.file, "002_ee007171670a0059.txt");
    assert_eq!(r.short, "Phụ lục 07 (tiện ích)");
    assert_eq!(
        r.title,
        "PHỤ LỤC 07: TIỆN ÍCH, GIÁ TRỊ MANG LẠI TRONG TRIỂN KHAI ĐỀ ÁN 06/CP CỦA CHÍNH PHỦ"
    );
    assert_eq!(r.issuer, "(không ghi)");
    assert_eq!(r.date, None);
    assert_eq!(r.number, None);
    assert_eq!(r.locality, None);
    assert_eq!(r.period.as_deref(), Some("6 tháng đầu năm 2024"));
    // The appendix prints no totals and no group counts.
    assert!(r.headline.is_empty());
    assert!(l
        .findings
        .iter()
        .all(|f| !(f.report.as_deref() == Some("pl07") && f.kind == "headline")));
}

#[test]
fn items_per_group() {
    let l = load();
    let b = benefits(&l);
    assert_eq!(b.len(), 18);
    let groups = [
        ("A. NHÓM DVC", vec!["pl07-a-1", "pl07-a-2"]),
        (
            "B. NHÓM PHÁT TRIỂN KNH TẾ",
            vec![
                "pl07-b-1-1",
                "pl07-b-1-2",
                "pl07-b-1-3",
                "pl07-b-2",
                "pl07-b-3",
            ],
        ),
        (
            "C. NHÓM CÔNG DÂN SỐ",
            vec!["pl07-c-1", "pl07-c-2", "pl07-c-3", "pl07-c-4", "pl07-c-5"],
        ),
        (
            "D. NHÓM KẾT NỐI, CHIA SẺ TẠO LẬP HỆ SINH THÁI DỮ LIỆU DÙNG CHUNG",
            vec!["pl07-d-1", "pl07-d-2", "pl07-d-3"],
        ),
        (
            "E. NHÓM PHÂN TÍCH CHỈ ĐẠO ĐIỀU HÀNH",
            vec!["pl07-e-1", "pl07-e-2", "pl07-e-3"],
        ),
    ];
    for (group, ids) in groups {
        let got: Vec<&str> = b
            .iter()
            .filter(|x| x.group == group)
            .map(|x| x.id.as_str())
            .collect();
        assert_eq!(got, ids, "{group}");
    }
    // (id, row as printed, line where the row starts)
    let rows = [
        ("pl07-a-1", "1", 8),
        ("pl07-a-2", "2", 15),
        ("pl07-b-1-1", "1.1", 25),
        ("pl07-b-1-2", "1.2", 30),
        ("pl07-b-1-3", "1.3", 35),
        ("pl07-b-2", "2", 40),
        ("pl07-b-3", "3", 45),
        ("pl07-c-1", "1", 51),
        ("pl07-c-2", "2", 56),
        ("pl07-c-3", "3", 61),
        ("pl07-c-4", "4", 66),
        ("pl07-c-5", "5", 78),
        ("pl07-d-1", "1", 84),
        ("pl07-d-2", "2", 89),
        ("pl07-d-3", "3", 98),
        ("pl07-e-1", "1", 104),
        ("pl07-e-2", "2", 109),
        ("pl07-e-3", "3", 114),
    ];
    for (id, row, line) in rows {
        let x = benefit(&l, id);
        assert_eq!(x.source.row.as_deref(), Some(row), "{id}");
        assert_eq!(x.source.line, Some(line), "{id}");
        assert!(!x.content.is_empty(), "{id}");
    }
    assert_eq!(
        benefit(&l, "pl07-b-1-2").source.section,
        "Phụ lục 07, nhóm B, mục 1 (Tiện ích từ dữ liệu dân cư)"
    );
    assert_eq!(benefit(&l, "pl07-b-2").source.section, "Phụ lục 07, nhóm B");
}

#[test]
fn sixteen_gaps() {
    let l = load();
    let b = blockers(&l);
    assert_eq!(b.len(), 16);
    assert!(b.iter().all(|x| x.kind == BlockerKind::Gap));
    assert!(b.iter().all(|x| x.model.is_none() && x.locality.is_none()));
    // E-2 and E-3 print no TỒN TẠI cell.
    for id in ["pl07-e-2-gap", "pl07-e-3-gap"] {
        assert!(b.iter().all(|x| x.id != id));
    }
    // Causes named by the NGUYÊN NHÂN cells (empty where none is named).
    let causes = [
        ("pl07-a-1-gap", vec![Cause::Infrastructure]),
        ("pl07-a-2-gap", vec![]),
        ("pl07-b-1-2-gap", vec![Cause::Data]),
        ("pl07-c-3-gap", vec![Cause::Infrastructure]),
        ("pl07-d-1-gap", vec![Cause::Infrastructure]),
        ("pl07-d-2-gap", vec![Cause::Funding]),
        ("pl07-d-3-gap", vec![Cause::People, Cause::Funding]),
        (
            "pl07-e-1-gap",
            vec![Cause::Legal, Cause::Infrastructure, Cause::People],
        ),
    ];
    for (id, c) in causes {
        assert_eq!(blocker(&l, id).causes, c, "{id}");
    }
}

#[test]
fn item_a1_with_its_footnote() {
    let l = load();
    let b = benefit(&l, "pl07-a-1");
    assert!(b.content.starts_with("<p>76 Dịch vụ công:</p>"));
    assert!(b.content.contains("1.071.393 thí sinh</p> ĐKDT thành công"));
    assert!(b
        .content
        .ends_with("(chiếm tỷ lệ 96,11%, tăng hơn 0,3% so với cùng kỳ năm 2023)."));
    assert!(b
        .citizens
        .ends_with("giảm thiểu nguy cơ phiền hà,</p> những nhiều, nâng cao chất lượng phục vụ."));
    assert_eq!(
        b.businesses,
        "<p>(1) Tiết kiệm chi phí: Doanh nghiệp có thể giảm chi phí về thời gian, nhân công và giấy tờ khi thực hiện các thủ tục hành chính trực tuyến.</p> <p>(2) Nâng cao năng lực cạnh tranh: Doanh nghiệp có thể tập trung nguồn lực vào hoạt động sản xuất kinh doanh, nâng cao năng lực cạnh tranh.</p>"
    );
    assert!(b
        .government
        .contains("(4) Đã hoàn thành, tích hợp, cung cấp 43/76 TTHC</p> trên Công dịch vụ công quốc gia quy định."));
    let g = blocker(&l, "pl07-a-1-gap");
    assert!(g
        .text
        .starts_with("<p>(1) 06 Bộ, ngành¹ chưa hoàn thành tích hợp"));
    // The footnote (line 10) is kept on the item that references it.
    assert!(g.text.contains(" ¹ Gồm: Bộ Kế hoạch và Đầu tư (Nhóm thủ tục Đăng ký thành lập hộ kinh doanh và Đăng ký thuế)"));
    assert!(g.text.ends_with("Thay đổi chủ thể hợp đồng mua bán điện))"));
    assert_eq!(
        g.responsible,
        strs(&[
            "bo-khdt",
            "bo-ldtbxh",
            "bo-tnmt",
            "bo-tu-phap",
            "vcci",
            "evn",
            "bo-ngoai-giao",
            "uy-ban-dan-toc",
            "bo-tttt",
            "van-phong-chinh-phu"
        ])
    );
    assert!(g
        .responsible_raw
        .starts_with("<p>(1) Bộ Kế hoạch và Đầu tư, Bộ Lao động và Thương binh và Xã hội,"));
    assert!(g
        .solution
        .contains("(5) Hoàn thiện tài liệu 01 mô hình mẫu về Bộ phận một cửa"));
    let n = l
        .snapshot
        .notes
        .iter()
        .find(|n| n.id == "pl07-n-a-1-footnote")
        .expect("footnote note");
    assert!(n.raw.starts_with("¹ Gồm:"));
    assert_eq!(n.source.line, Some(10));
}

#[test]
fn item_a2_shifted_cells() {
    let l = load();
    let b = benefit(&l, "pl07-a-2");
    assert_eq!(b.businesses, "", "no DOANH NGHIỆP cell on this row");
    assert!(b
        .government
        .starts_with("(1) Tiết kiệm tài nguyên và tăng cường hiệu suất"));
    assert!(b
        .government
        .contains("giảm quá tải cho các cơ quan hành chính"));
    let g = blocker(&l, "pl07-a-2-gap");
    assert_eq!(
        g.text,
        "(1) Đối với 02 dịch vụ công liên thông “Đăng ký khai sinh, đăng ký thường trú, cấp thẻ Bảo hiểm y tế cho trẻ dưới 6 tuổi” và “Đăng ký khai tử, xóa đăng ký thường trú, trợ cấp mai táng phí”: một số địa phương có số lượng hồ sơ phát sinh thấp như: Cần Thơ, Lai Châu, Ninh Thuận, Hậu Giang..."
    );
    assert!(g
        .cause_raw
        .starts_with("(1) Chưa có giải pháp vận động, tuyên truyền"));
    assert!(g
        .cause_raw
        .contains("(3) Hệ thống phần mềm của các bộ, ngành"));
    assert_eq!(
        g.responsible_raw,
        "(1) Người đứng đầu các đơn vị địa phương còn để tỷ lệ hồ sơ thấp"
    );
    assert_eq!(g.responsible, strs(&["ubnd-tinh"]));
    let t = task(&l, "pl07-a-2-s1");
    assert_eq!(t.lead_raw, "Bộ Tư pháp");
    assert_eq!(t.lead_units, strs(&["bo-tu-phap"]));
    let t = task(&l, "pl07-a-2-s2");
    assert_eq!(
        t.title,
        "(2) Đẩy mạnh tuyên truyền, nâng cao tỷ lệ tham gia dịch vụ công liên thông trực tuyến cho người dân."
    );
    assert_eq!(t.lead_units, strs(&["ubnd-tinh"]));
}

#[test]
fn item_b11_swapped_cause_and_responsibility() {
    let l = load();
    let b = benefit(&l, "pl07-b-1-1");
    assert_eq!(b.group, "B. NHÓM PHÁT TRIỂN KNH TẾ");
    assert!(b
        .content
        .ends_with("thu về ngân sách nhà nước hơn 164,4 tỷ đồng."));
    let g = blocker(&l, "pl07-b-1-1-gap");
    assert_eq!(g.responsible_raw, "<p>(1) Bộ Công thương</p>");
    assert_eq!(g.responsible, strs(&["bo-cong-thuong"]));
    assert_eq!(
        g.cause_raw,
        "<p>(1) Chưa có căn cứ, phương án tối ưu trong triển khai thực hiện.</p>"
    );
    assert!(g.causes.is_empty());
    let t = task(&l, "pl07-b-1-1-s1");
    assert_eq!(
        t.title,
        "(1) Hoàn thiện dữ liệu cho cá tổ chức, doanh nghiệp, ngân hàng,..."
    );
    assert_eq!(t.lead_units, strs(&["bo-cong-thuong"]));
    assert_eq!(t.section.as_deref(), Some("B. NHÓM PHÁT TRIỂN KNH TẾ"));
    assert_eq!(t.local_number.as_deref(), Some("1.1"));
}

#[test]
fn items_c2_c3_c5() {
    let l = load();
    let b = benefit(&l, "pl07-c-2");
    assert!(b
        .content
        .starts_with("Chữ ký số: Ban Cơ yếu Chính phủ đã cấp 47.515 chứng thư số (CTS)"));
    assert!(b
        .content
        .contains("trong đó: Cấp 18.068 CTS cho cơ quan, tổ chức; cấp 129.447 CTS"));
    let g = blocker(&l, "pl07-c-2-gap");
    assert_eq!(
        g.text,
        "(1) Phần mềm hộ tịch của Bộ Tư pháp vẫn còn tình trạng lỗi chữ ký số."
    );
    assert_eq!(
        g.cause_raw,
        "Triển khai phần mềm hộ tịch của Bộ Tư pháp còn nhiều vấn đề phát sinh"
    );
    assert_eq!(g.responsible_raw, "Bộ Tư pháp");
    assert_eq!(g.responsible, strs(&["bo-tu-phap"]));
    assert!(g
        .solution
        .starts_with("(7) Nghiên cứu giải pháp triển khai nhân rộng toàn quốc"));
    let t = task(&l, "pl07-c-2-s7");
    assert_eq!(t.source.line, Some(60));
    // C-3 and C-5 print no GIẢI PHÁP: a gap, no task.
    let g = blocker(&l, "pl07-c-3-gap");
    assert_eq!(g.solution, "");
    assert_eq!(g.responsible, strs(&["bo-nganh", "ubnd-tinh"]));
    let g = blocker(&l, "pl07-c-5-gap");
    assert_eq!(g.solution, "");
    assert!(g.text.ends_with(
        "việc tiếp cận, sử dụng các dịch vụ công</p> trực tuyến của người dân còn hạn chế."
    ));
    assert_eq!(
        g.responsible,
        strs(&["to-cong-tac-de-an-06-tinh", "so-nganh", "ubnd-tinh"])
    );
    assert!(tasks(&l)
        .iter()
        .all(|t| !t.id.starts_with("pl07-c-3-") && !t.id.starts_with("pl07-c-5-")));
}

#[test]
fn item_d2_merged_cells() {
    let l = load();
    let b = benefit(&l, "pl07-d-2");
    assert!(b
        .businesses
        .contains("từ đó cung <p>cấp dịch vụ cá nhân hóa"));
    assert!(b.businesses.contains("(3) Giám tài cho doanh nghiệp"));
    assert!(!b.citizens.contains("Giám tài"));
    assert!(b
        .government
        .ends_with("hệ thống chính trị hiện đại, minh bạch và tiện ích cho người dân.</p>"));
    let g = blocker(&l, "pl07-d-2-gap");
    assert_eq!(
        g.responsible_raw,
        "(1) Người đứng đầu các địa phương, đơn vị."
    );
    assert!(g
        .text
        .contains("(2) 388 trường dữ liệu chưa được số hóa của 06 bộ, ngành quản lý."));
    assert!(g
        .text
        .ends_with("để cắt giảm, đơn giản</p> hóa các thủ tục hành chính"));
    assert!(g.solution.starts_with("(1) Triển khai rà soát"));
    assert!(g
        .solution
        .ends_with("<p>phục vụ Trung tâm dữ liệu quốc gia.</p>"));
    let t = task(&l, "pl07-d-2-s4");
    assert!(t.title.contains("số hóa 289 trường dữ liệu"));
    assert!(t.title.ends_with("phục vụ Trung tâm dữ liệu quốc gia."));
    assert_eq!(t.lead_raw, "Các bộ, ngành");
    assert_eq!(t.lead_units, strs(&["bo-nganh"]));
    let g = blocker(&l, "pl07-d-3-gap");
    assert_eq!(
        g.responsible,
        strs(&[
            "bo-y-te",
            "bo-ldtbxh",
            "thanh-tra-chinh-phu",
            "vien-kiem-sat-nhan-dan-toi-cao"
        ])
    );
}

#[test]
fn items_e1_e2_e3() {
    let l = load();
    let b = benefit(&l, "pl07-e-1");
    assert!(b
        .government
        .contains("có 57 chỉ tiêu đáp ứng 1 phần ứng với 61 loại dữ liệu"));
    assert!(b
        .businesses
        .ends_with("thông qua những chỉ đạo, định hướng, cơ chế chiến lược triển khai."));
    let g = blocker(&l, "pl07-e-1-gap");
    assert!(g.text.ends_with("(4) Chưa thực hiện tích hợp, ứng dụng công nghệ, thiết bị mới (AI, LM,...) vào phân tích dữ liệu"));
    assert!(g
        .solution
        .contains("(6) Hỗ trợ UBND các tỉnh, thành phố hoàn thiện hệ thống IOC"));
    let t = task(&l, "pl07-e-1-s3");
    assert_eq!(t.lead_units, strs(&["bo-tttt"]));
    assert_eq!(
        t.coord_units,
        strs(&[
            "bo-khdt",
            "bo-tai-chinh",
            "bo-noi-vu",
            "bo-gddt",
            "bo-tu-phap"
        ])
    );
    let t = task(&l, "pl07-e-1-s5");
    assert_eq!(t.source.line, Some(113));
    assert_eq!(t.coord_units, strs(&["bo-khdt"]));
    assert_eq!(t.lead_units.len(), 9, "the whole TRÁCH NHIỆM cell");
    let b = benefit(&l, "pl07-e-2");
    assert!(b.content.ends_with(
        "Bộ Quốc phòng,... phục vụ hoạt động quản lý nhà nước theo từng lĩnh vực đơn vị."
    ));
    assert_eq!(
        b.citizens,
        "(1) Người dân được hưởng những chế độ, chính sách do nhà nước, doanh nghiệp mang lại giá trị, tiện ích, sản phẩm phục vụ cho đời sống sinh hoạt."
    );
    assert_eq!(b.businesses, "");
    assert_eq!(b.government, "");
    let b = benefit(&l, "pl07-e-3");
    assert_eq!(
        b.content,
        "Các địa phương triển khai xây dựng IOC và kết nối đến Cơ sở dữ liệu quốc gia về dân cư. Hiện nay, đã có 52 địa phương hoàn thiện hệ thống IOC cơ bản đảm bảo điều kiện thực hiện kết nối với Cơ sở dữ liệu quốc gia về dân cư phục vụ kết nối, chia sẻ."
    );
    assert_eq!(b.citizens, "");
}

#[test]
fn forty_solutions_due_at_the_end_of_2024() {
    let l = load();
    let t = tasks(&l);
    assert_eq!(t.len(), 40);
    // Numbered solutions per row, read from the GIẢI PHÁP cells.
    let per_row = [
        ("pl07-a-1", 5),
        ("pl07-a-2", 2),
        ("pl07-b-1-1", 1),
        ("pl07-b-1-2", 2),
        ("pl07-b-1-3", 2),
        ("pl07-b-2", 2),
        ("pl07-b-3", 2),
        ("pl07-c-1", 6),
        ("pl07-c-2", 1),
        ("pl07-c-4", 3),
        ("pl07-d-1", 2),
        ("pl07-d-2", 4),
        ("pl07-d-3", 2),
        ("pl07-e-1", 6),
    ];
    for (row, n) in per_row {
        let got = t
            .iter()
            .filter(|x| x.id.starts_with(&format!("{row}-s")))
            .count();
        assert_eq!(got, n, "{row}");
    }
    let due = NaiveDate::from_ymd_opt(2024, 12, 31);
    for x in &t {
        // As the column title prints it: "GIẢI PHÁP LỘ TRÌNH 06 THÁNG CUỐI NĂM 2024" (line 5).
        assert_eq!(x.deadline_raw, "06 THÁNG CUỐI NĂM 2024", "{}", x.id);
        assert_eq!(x.status_raw, "", "{}", x.id);
        assert!(x
            .note
            .starts_with("thời hạn: 06 tháng cuối năm 2024 theo tiêu đề cột \"GIẢI PHÁP LỘ TRÌNH 06 THÁNG CUỐI NĂM 2024\""));
        assert_eq!(
            Deadline::parse(&x.deadline_raw),
            Deadline::Half {
                year: 2024,
                half: 2
            },
            "{}",
            x.id
        );
        assert_eq!(Deadline::parse(&x.deadline_raw).due(), due, "{}", x.id);
        assert!(x.title.starts_with('('), "{}", x.id);
    }
    let t = task(&l, "pl07-a-1-s5");
    assert_eq!(t.source.line, Some(14));
    assert_eq!(t.lead_units.len(), 10);
    let t = task(&l, "pl07-c-1-s6");
    assert!(t
        .title
        .starts_with("(6) Cung cấp giải pháp định danh, xác thực điện tử của tổ chức trên VNeID"));
    assert_eq!(t.lead_units, strs(&["ubnd-tinh"]));
    let t = task(&l, "pl07-c-4-s1");
    assert!(t
        .title
        .contains("đẩy mạnh việc triển khai mô hình, kịp thời trao đổi"));
    assert!(t.lead_units.is_empty());
}

#[test]
fn units_named_exist_and_text_is_clean() {
    let l = load();
    for u in [
        "bo-nganh",
        "uy-ban-dan-toc",
        "thanh-tra-chinh-phu",
        "vien-kiem-sat-nhan-dan-toi-cao",
        "to-chuc-chinh-tri-xa-hoi",
        "to-cong-tac-de-an-06-tinh",
    ] {
        assert!(l.snapshot.units.iter().any(|x| x.id == u), "{u}");
    }
    let mut texts: Vec<&str> = Vec::new();
    for b in benefits(&l) {
        texts.extend([&b.content, &b.citizens, &b.businesses, &b.government].map(|s| s.as_str()));
    }
    for b in blockers(&l) {
        texts.extend([&b.text, &b.cause_raw, &b.responsible_raw, &b.solution].map(|s| s.as_str()));
    }
    for t in tasks(&l) {
        texts.extend([&t.title, &t.lead_raw, &t.note].map(|s| s.as_str()));
    }
    for s in texts {
        assert!(!s.chars().any(|c| c.is_control()), "{s}");
        assert!(!s.contains('\t'));
    }
    let notes = l
        .snapshot
        .notes
        .iter()
        .filter(|n| n.report == "pl07")
        .count();
    assert!(notes >= 20, "{notes}");
}

/// (id, row, line where the row starts, causes the NGUYÊN NHÂN cell names, units of TRÁCH NHIỆM)
type GapRow<'a> = (&'a str, &'a str, u32, Vec<Cause>, Vec<&'a str>);

#[test]
fn every_gap_row_line_causes_and_responsible() {
    let l = load();
    // (id, row, line where the row starts, causes the NGUYÊN NHÂN cell names, units of TRÁCH NHIỆM)
    let gaps: [GapRow; 16] = [
        (
            "pl07-a-1-gap",
            "1",
            8,
            vec![Cause::Infrastructure],
            vec![
                "bo-khdt",
                "bo-ldtbxh",
                "bo-tnmt",
                "bo-tu-phap",
                "vcci",
                "evn",
                "bo-ngoai-giao",
                "uy-ban-dan-toc",
                "bo-tttt",
                "van-phong-chinh-phu",
            ],
        ),
        ("pl07-a-2-gap", "2", 15, vec![], vec!["ubnd-tinh"]),
        ("pl07-b-1-1-gap", "1.1", 25, vec![], vec!["bo-cong-thuong"]),
        (
            "pl07-b-1-2-gap",
            "1.2",
            30,
            vec![Cause::Data],
            vec!["bo-nganh", "ubnd-tinh", "doanh-nghiep"],
        ),
        ("pl07-b-1-3-gap", "1.3", 35, vec![], vec!["doanh-nghiep"]),
        (
            "pl07-b-2-gap",
            "2",
            40,
            vec![],
            vec!["bo-nganh", "ubnd-tinh", "doanh-nghiep"],
        ),
        ("pl07-b-3-gap", "3", 45, vec![], vec![]),
        ("pl07-c-1-gap", "1", 51, vec![], vec!["ubnd-tinh"]),
        ("pl07-c-2-gap", "2", 56, vec![], vec!["bo-tu-phap"]),
        (
            "pl07-c-3-gap",
            "3",
            61,
            vec![Cause::Infrastructure],
            vec!["bo-nganh", "ubnd-tinh"],
        ),
        ("pl07-c-4-gap", "4", 66, vec![], vec![]),
        (
            "pl07-c-5-gap",
            "5",
            78,
            vec![],
            vec!["to-cong-tac-de-an-06-tinh", "so-nganh", "ubnd-tinh"],
        ),
        (
            "pl07-d-1-gap",
            "1",
            84,
            vec![Cause::Infrastructure],
            vec!["bo-xay-dung", "bo-gtvt", "bo-tai-chinh", "bo-khdt"],
        ),
        (
            "pl07-d-2-gap",
            "2",
            89,
            vec![Cause::Funding],
            vec!["ubnd-tinh"],
        ),
        (
            "pl07-d-3-gap",
            "3",
            98,
            vec![Cause::People, Cause::Funding],
            vec![
                "bo-y-te",
                "bo-ldtbxh",
                "thanh-tra-chinh-phu",
                "vien-kiem-sat-nhan-dan-toi-cao",
            ],
        ),
        (
            "pl07-e-1-gap",
            "1",
            104,
            vec![Cause::Legal, Cause::Infrastructure, Cause::People],
            vec![
                "bo-nganh",
                "ubnd-tinh",
                "doanh-nghiep",
                "bo-khdt",
                "bo-cong-an",
                "bo-tu-phap",
                "bo-noi-vu",
                "bo-gddt",
                "to-chuc-chinh-tri-xa-hoi",
            ],
        ),
    ];
    let got: Vec<&str> = blockers(&l).iter().map(|b| b.id.as_str()).collect();
    let want: Vec<&str> = gaps.iter().map(|g| g.0).collect();
    assert_eq!(got, want, "the 16 gaps, in the order of the table");
    for (id, row, line, causes, resp) in gaps {
        let g = blocker(&l, id);
        assert_eq!(g.source.row.as_deref(), Some(row), "{id}");
        assert_eq!(g.source.line, Some(line), "{id}");
        assert_eq!(g.causes, causes, "{id}");
        assert_eq!(g.responsible, strs(&resp), "{id}");
        assert!(
            !g.text.is_empty() && !g.cause_raw.is_empty() && !g.responsible_raw.is_empty(),
            "{id}"
        );
        assert!(g.addressees.is_empty(), "{id}");
        // The gap sits on the row of the benefit it belongs to.
        let b = benefit(&l, id.trim_end_matches("-gap"));
        assert_eq!(b.source.line, Some(line), "{id}");
    }
}

#[test]
fn every_task_line_and_units() {
    let l = load();
    // (id, line where the numbered solution starts, lead units, coordinating units)
    let rows: [(&str, u32, &[&str], &[&str]); 40] = [
        (
            "pl07-a-1-s1",
            8,
            &[
                "bo-khdt",
                "bo-ldtbxh",
                "bo-tnmt",
                "bo-tu-phap",
                "vcci",
                "evn",
                "bo-ngoai-giao",
                "uy-ban-dan-toc",
                "bo-tttt",
                "van-phong-chinh-phu",
            ],
            &[],
        ),
        (
            "pl07-a-1-s2",
            8,
            &[
                "bo-khdt",
                "bo-ldtbxh",
                "bo-tnmt",
                "bo-tu-phap",
                "vcci",
                "evn",
                "bo-ngoai-giao",
                "uy-ban-dan-toc",
                "bo-tttt",
                "van-phong-chinh-phu",
            ],
            &[],
        ),
        (
            "pl07-a-1-s3",
            8,
            &[
                "bo-khdt",
                "bo-ldtbxh",
                "bo-tnmt",
                "bo-tu-phap",
                "vcci",
                "evn",
                "bo-ngoai-giao",
                "uy-ban-dan-toc",
                "bo-tttt",
                "van-phong-chinh-phu",
            ],
            &[],
        ),
        (
            "pl07-a-1-s4",
            8,
            &[
                "bo-khdt",
                "bo-ldtbxh",
                "bo-tnmt",
                "bo-tu-phap",
                "vcci",
                "evn",
                "bo-ngoai-giao",
                "uy-ban-dan-toc",
                "bo-tttt",
                "van-phong-chinh-phu",
            ],
            &[],
        ),
        (
            "pl07-a-1-s5",
            14,
            &[
                "bo-khdt",
                "bo-ldtbxh",
                "bo-tnmt",
                "bo-tu-phap",
                "vcci",
                "evn",
                "bo-ngoai-giao",
                "uy-ban-dan-toc",
                "bo-tttt",
                "van-phong-chinh-phu",
            ],
            &[],
        ),
        ("pl07-a-2-s1", 15, &["bo-tu-phap"], &[]),
        ("pl07-a-2-s2", 15, &["ubnd-tinh"], &[]),
        ("pl07-b-1-1-s1", 25, &["bo-cong-thuong"], &[]),
        (
            "pl07-b-1-2-s1",
            30,
            &["bo-nganh", "ubnd-tinh", "doanh-nghiep"],
            &[],
        ),
        (
            "pl07-b-1-2-s2",
            30,
            &["bo-nganh", "ubnd-tinh", "doanh-nghiep"],
            &[],
        ),
        ("pl07-b-1-3-s1", 35, &["doanh-nghiep"], &[]),
        ("pl07-b-1-3-s2", 35, &["doanh-nghiep"], &[]),
        (
            "pl07-b-2-s1",
            40,
            &["bo-nganh", "ubnd-tinh", "doanh-nghiep"],
            &[],
        ),
        (
            "pl07-b-2-s2",
            40,
            &["bo-nganh", "ubnd-tinh", "doanh-nghiep"],
            &["doanh-nghiep"],
        ),
        ("pl07-b-3-s1", 45, &[], &[]),
        ("pl07-b-3-s2", 45, &[], &["doanh-nghiep"]),
        ("pl07-c-1-s1", 51, &["ubnd-tinh"], &[]),
        ("pl07-c-1-s2", 51, &["ubnd-tinh"], &[]),
        ("pl07-c-1-s3", 51, &["ubnd-tinh"], &[]),
        ("pl07-c-1-s4", 51, &["ubnd-tinh"], &[]),
        ("pl07-c-1-s5", 55, &["ubnd-tinh"], &[]),
        ("pl07-c-1-s6", 55, &["ubnd-tinh"], &[]),
        ("pl07-c-2-s7", 60, &["bo-tu-phap"], &[]),
        ("pl07-c-4-s1", 66, &[], &[]),
        ("pl07-c-4-s2", 70, &[], &[]),
        ("pl07-c-4-s3", 70, &[], &[]),
        (
            "pl07-d-1-s1",
            84,
            &["bo-xay-dung", "bo-gtvt", "bo-tai-chinh", "bo-khdt"],
            &[],
        ),
        (
            "pl07-d-1-s2",
            84,
            &["bo-xay-dung", "bo-gtvt", "bo-tai-chinh", "bo-khdt"],
            &[],
        ),
        ("pl07-d-2-s1", 89, &["ubnd-tinh"], &[]),
        ("pl07-d-2-s2", 89, &["ubnd-tinh"], &[]),
        ("pl07-d-2-s3", 89, &["ubnd-tinh"], &[]),
        ("pl07-d-2-s4", 89, &["bo-nganh"], &[]),
        (
            "pl07-d-3-s1",
            98,
            &[
                "bo-y-te",
                "bo-ldtbxh",
                "thanh-tra-chinh-phu",
                "vien-kiem-sat-nhan-dan-toi-cao",
            ],
            &[],
        ),
        (
            "pl07-d-3-s2",
            98,
            &[
                "bo-y-te",
                "bo-ldtbxh",
                "thanh-tra-chinh-phu",
                "vien-kiem-sat-nhan-dan-toi-cao",
            ],
            &[],
        ),
        ("pl07-e-1-s1", 104, &["bo-nganh", "ubnd-tinh"], &[]),
        (
            "pl07-e-1-s2",
            108,
            &[
                "bo-nganh",
                "ubnd-tinh",
                "doanh-nghiep",
                "bo-khdt",
                "bo-cong-an",
                "bo-tu-phap",
                "bo-noi-vu",
                "bo-gddt",
                "to-chuc-chinh-tri-xa-hoi",
            ],
            &[],
        ),
        (
            "pl07-e-1-s3",
            108,
            &["bo-tttt"],
            &[
                "bo-khdt",
                "bo-tai-chinh",
                "bo-noi-vu",
                "bo-gddt",
                "bo-tu-phap",
            ],
        ),
        (
            "pl07-e-1-s4",
            108,
            &[
                "bo-nganh",
                "ubnd-tinh",
                "doanh-nghiep",
                "bo-khdt",
                "bo-cong-an",
                "bo-tu-phap",
                "bo-noi-vu",
                "bo-gddt",
                "to-chuc-chinh-tri-xa-hoi",
            ],
            &[],
        ),
        (
            "pl07-e-1-s5",
            113,
            &[
                "bo-nganh",
                "ubnd-tinh",
                "doanh-nghiep",
                "bo-khdt",
                "bo-cong-an",
                "bo-tu-phap",
                "bo-noi-vu",
                "bo-gddt",
                "to-chuc-chinh-tri-xa-hoi",
            ],
            &["bo-khdt"],
        ),
        (
            "pl07-e-1-s6",
            113,
            &[
                "bo-nganh",
                "ubnd-tinh",
                "doanh-nghiep",
                "bo-khdt",
                "bo-cong-an",
                "bo-tu-phap",
                "bo-noi-vu",
                "bo-gddt",
                "to-chuc-chinh-tri-xa-hoi",
            ],
            &[],
        ),
    ];
    let got: Vec<&str> = tasks(&l).iter().map(|t| t.id.as_str()).collect();
    let want: Vec<&str> = rows.iter().map(|r| r.0).collect();
    assert_eq!(got, want, "the 40 solutions, in the order of the table");
    for (id, line, lead, coord) in rows {
        let t = task(&l, id);
        assert_eq!(t.source.line, Some(line), "{id}");
        assert_eq!(t.lead_units, strs(lead), "{id}");
        assert_eq!(t.coord_units, strs(coord), "{id}");
        assert_eq!(t.model, None, "{id}");
        assert_eq!(t.locality, None, "{id}");
        // The title is the solution "(k) …" of the GIẢI PHÁP cell of its gap (HTML dropped).
        let k = id.rsplit("-s").next().unwrap();
        assert!(t.title.starts_with(&format!("({k}) ")), "{id}");
        let row = id.rsplit_once("-s").unwrap().0;
        let g = blocker(&l, &format!("{row}-gap"));
        let sol = g.solution.replace("<p>", "").replace("</p>", "");
        let sol = sol.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(sol.contains(t.title.as_str()), "{id}: {}", t.title);
    }
}

#[test]
fn rows_field_by_field() {
    let l = load();
    let b = benefit(&l, "pl07-b-3");
    assert_eq!(b.group, "B. NHÓM PHÁT TRIỂN KNH TẾ");
    assert_eq!(b.content, "<p>Tiện ích từ định danh điện tử: Hoàn thành cung cấp 10 tiện ích trên VNeID theo chỉ đạo của Thủ tướng Chính phủ, được người dân hưởng ứng sử dụng với hơn 246,3 triệu lượt truy cập, trung bình có 1,5 triệu lượt truy cập vào VNeID/01 ngày.</p>");
    assert_eq!(b.citizens, "<p>(1) Tiện lợi và linh hoạt trong giao dịch: Định danh điện tử giúp người dân thực hiện các giao dịch trực tuyến một cách nhanh chóng và tiện lợi hơn mà không cần phải đến trực tiếp điểm giao dịch, thay thế các giấy tờ cũ khi đã được tích hợp vào định danh.</p> <p>(2) Bảo mật thông tin cá nhân: Thông tin định danh điện tử được bảo vệ chặt chẽ, giúp người dân cảm thấy an tâm khi sử dụng các dịch vụ trực tuyến và tránh khỏi rủi ro về lừa đảo.</p>");
    assert_eq!(b.businesses, "<p>(1) Xác thực thông tin khách hàng: Doanh nghiệp có thể sử dụng định danh điện tử để xác minh thông tin của khách hàng một cách chính xác, đảm bảo an toàn trong các giao dịch, tiếp cận khách hàng tiềm năng, tiết kiệm chi phí trong quá trình xác thực thông tin khách hàng, mở rộng thị trường, giảm thiểu rủi ro.</p> (2) Tăng cường an ninh dữ liệu: Thông tin định danh điện tử giúp doanh nghiệp bảo vệ dữ liệu quan trọng của mình khỏi các cuộc tấn công mạng và lừa đảo trực tuyến.");
    assert_eq!(b.government, "<p>(1) Nâng cao công tác quản lý công dân và cán bộ công chức trong hoạt động thực hiện các giao dịch với công dân hiệu quả hơn: Định danh điện tử giúp chính phủ theo dõi thông tin dân số, từ đó cải thiện khả năng quản lý và phân bổ nguồn lực cho các chính sách xã hội.</p> <p>(2) Nâng cao độ tin cậy và bảo mật: Việc triển khai định danh điện tử giúp chính phủ tăng cường khả</p> năng xác thực danh tính của người dân trong các hoạt động quan trọng, từ đó ngăn chặn gian lận và bảo vệ thông tin cá nhân. (3) Phát triển khi tế, xã hội, đẩy mạnh đầu tư kinh doanh với lĩnh vực trên môi trường điện tử, nâng cao cạnh tranh, phát triển nền kinh tế số.");
    let g = blocker(&l, "pl07-b-3-gap");
    assert_eq!(g.text, "<p>(1) Sự tin tưởng sử dụng các ứng dụng định danh điện tử của người dân còn chưa cao.</p>");
    assert_eq!(g.cause_raw, "<p>(1) Lo ngại về việc phải chia sẻ thông tin cá nhân khi sử dụng định danh điện tử. Điều này có thể làm tăng sự khó khăn trong việc thuyết phục họ sử dụng các dịch vụ liên quan.</p>");
    assert_eq!(
        g.responsible_raw,
        "<p>(1) Cơ quan nhà nước chưa làm tốt công tác tuyên truyền, lan tỏa.</p>"
    );
    assert_eq!(g.solution, "<p>(1) Tiếp tục hoàn thiện, nâng cấp hạ tầng đảm bảo đáp ứng hiệu năng, truyền tải, xác thực thông tin công dân.</p> <p>(2) Phối hợp các doanh nghiệp thực hiện tích hợp các tiện ích, ứng dụng phục vụ hoạt động của người dân về định danh giấy phép lái xe, kiểm soát hoạt động vận chuyển đường bộ, đường sắt, định danh số nhà.</p>");

    let b = benefit(&l, "pl07-c-3");
    assert_eq!(b.content, "Ứng dụng VneID: Bộ Công an đã nghiên cứu, cung cấp 10 tiện ích trên VNeID vào ngày 25/01/2024 và được người dân hưởng ứng sử dụng với hơn 246,3 triệu lượt truy cập, trung bình có 1,5 triệu lượt truy cập vào VNeID/ 01 ngày. Một số tiện ích đã mang lại giá trị như: Truy cập vào Cổng DVC quốc gia trung bình khoảng 150.000 lượt đăng nhập/01 ngày. Tích hợp 12.447.020 hồ sơ GPLX lên VNeID; Thực hiện tích hợp thông tin cư trú (số hộ khẩu điện tử) của công dân lên tài khoản định danh điện tử với hơn 27,6 triệu thông tin số hộ khẩu điện tử; Triển khai dịch vụ công thông báo lưu trú trên tài khoản định danh điện tử với hơn 1,89 triệu lượt; Tích hợp thẻ căn cước công dân trên tài khoản định danh điện tử với hơn 35,1 triệu thông tin công dân; Triển khai tiện ích kiến nghị, phản ánh về an ninh - trật tự: có 34.200 kiến nghị phản ánh từ người dân. Tích hợp Sổ BHXH của công dân trên tài khoản định danh điện tử với hơn 152.993 thông tin thẻ.");
    assert_eq!(b.businesses, "(1) Giảm thiểu chi phí, thời gian thực hiện xác thực thông tin khách hàng. (2) Mở rộng liên kết, tiếp cận khách hàng trên môi trường mạng và tạo cơ hội phát triển, phối hợp với các doanh nghiệp khác.");
    assert_eq!(b.government, "(1) Nâng cao hiệu quả quản lý công dân, quản lý, giám sát hiệu quả hoạt động giao dịch của công dân. (2) Đẩy mạnh phát triển công dân số, từng bước phát triển nền kinh tế số, chính phủ số.");
    let g = blocker(&l, "pl07-c-3-gap");
    assert_eq!(g.text, "(1) Việc chuyển đổi sang sử dụng một loại tài khoản duy nhất VNeID trong thực hiện dịch vụ công trực tuyến từ ngày 01/7/2024 sẽ gặp khó khăn về mặt thời gian trong việc nâng cấp, chỉnh sửa hệ thống. (2) Chưa có hướng dẫn cụ thể đối với việc sử dụng VNeID đối với các đối tượng là các tổ chức tín dụng, cơ quan quản lý nhà nước.");
    assert_eq!(g.cause_raw, "(1) Việc chuyển đổi chủ trương ứng dụng tài khoản VNEID khiến các đơn vị bộ, ngành không đáp ứng được hạ tầng, phần mềm, phương án triển khai ứng dụng VNEID. (2) Hướng dẫn sử dụng VNEID đối với đối tượng là tổ chức.");
    assert_eq!(g.responsible_raw, "(1) Các bộ, ngành, địa phương.");

    let b = benefit(&l, "pl07-d-3");
    assert!(b.content.starts_with(
        "Hỗ trợ hạ tầng: hỗ trợ triển khai các giải pháp bảo đảm hạ tầng công nghệ thông tin"
    ));
    assert!(b.content.contains("Có 23 bộ, ngành, tổ chức và 28 địa phương có nhu cầu triển khai hệ thống tại Trung tâm dữ liệu quốc gia."));
    assert!(b.content.contains(
        "03/23 bộ, ngành (Bộ Kế hoạch và Đầu tư, Bộ Giao thông vận tải, Kiểm toán nhà nước)"
    ));
    assert!(b.content.contains("(Cloud) của Trung tâm dữ liệu quốc gia; 03/23 bộ, ngành (Bộ Y tế, Bảo hiểm xã hội Việt Nam, Đài truyền hình Việt Nam)"));
    assert!(b
        .content
        .ends_with("và 02/28 địa phương (Đắk Lắk, Kiên Giang) dự kiến cả hai phương án."));
    assert!(b
        .citizens
        .contains("chia sẻ thông tin cá nhân. (8) Cung cấp các phương tiện thanh toán an toàn"));
    assert!(b
        .businesses
        .contains("mà không cần sự can thiệt của người nhân viên. (6) Giúp theo dõi"));
    assert!(b.government.ends_with("(5) Sử dụng phần mềm quản lý dự án để tối ưu hóa các quy trình nội bộ và theo dõi tiến độ dự án."));
    let g = blocker(&l, "pl07-d-3-gap");
    assert_eq!(g.text, "(1) Hệ thống của các đơn vị lỗi thời, không đảm bảo để kết nối, chia sẻ và đồng bộ dữ liệu. (2) Một số cơ quan, tổ chức chưa có hạ tầng hoặc chưa có khảo sát về hạ tầng để đánh giá.");
    assert_eq!(g.cause_raw, "(1) Thiếu nguồn lực tài chính để triển khai. (2) Hệ thống chưa tương thích. (3) Thiếu nguồn nhân lực để triển khai. (4) Chưa có sự chỉ đạo quyết liệt của người đứng đầu và sự phối hợp chặt chẽ với Bộ Công an và Bộ TT & TT.");
    assert_eq!(g.responsible_raw, "Bộ Y tế, Bộ Lao động - Thương binh và Xã hội, Thanh tra Chính phủ, Viện Kiểm sát nhân dân tối cao,...");
    assert_eq!(g.solution, "(1) Có giải pháp nâng cấp hệ thống và phần mềm để đảm bảo đáp ứng được yêu cầu hiện đại (cập nhật phần mềm, thay thế phần cứng cũ, triển khai các giải pháp mới). (2) Bố trí kinh phí đầu tư mua sắm hạ tầng và đào tạo, tuyển dụng nguồn nhân lực để triển khai đồng thời thực hiện số hóa dữ liệu quản lý. Triển khai kết nối với Cơ sở dữ liệu quốc gia về dân cư và Trung tâm dữ liệu quốc gia.");

    let t = task(&l, "pl07-e-1-s3");
    assert_eq!(t.title, "(3) Bộ Thông tin và truyền thông chủ trì tham mưu phối hợp Bộ KHĐT, Bộ Tài Chính, Bộ Nội vụ, Bộ GDĐT, Bộ Tư pháp ban hành các cơ sở pháp lý, chính sách khai thác sử dụng dữ liệu; thu hút nhân tài.");
    assert_eq!(t.lead_raw, "Bộ Thông tin và truyền thông");
    assert_eq!(
        t.coord_raw,
        "Bộ KHĐT, Bộ Tài Chính, Bộ Nội vụ, Bộ GDĐT, Bộ Tư pháp"
    );
    assert_eq!(
        t.section.as_deref(),
        Some("E. NHÓM PHÂN TÍCH CHỈ ĐẠO ĐIỀU HÀNH")
    );
    assert_eq!(t.local_number.as_deref(), Some("1"));
    assert_eq!(t.source.section, "Phụ lục 07, nhóm E");
    assert_eq!(t.source.row.as_deref(), Some("1"));
}

#[test]
fn figures_as_printed() {
    let l = load();
    // Figures read from the seed, kept exactly (with the report's own disagreements).
    let figures = [
        ("pl07-a-1", "hơn 350 nghìn hồ sơ đổi giấy phép lái xe, trả kết quả hơn 310 nghìn GPLX (đạt tỷ lệ 88,57%)"),
        ("pl07-a-2", "Đã tiếp nhận 1.052.261 hồ sơ liên thông khai sinh (tăng 618.746 hồ sơ so với tháng 12/2023); 240.772 hồ sơ liên thông khai tử (tăng 206.954 hồ sơ so với tháng 12/2023)."),
        ("pl07-b-1-1", "làm sạch hơn 110,2 triệu dữ liệu</p> thông tin thuê bao di động cho 03 nhà mạng viễn thông (Vinaphone, Viettel, Mobifone) trên tổng số 127 triệu thuê bao (đạt tỷ lệ 86,77%)"),
        ("pl07-b-1-3", "đã có 93.388 cơ sở lưu trú (tăng 65.465 cơ sở so với thời điểm sơ kết 02 năm) với 8.778.722 lượt thông báo."),
        ("pl07-b-2", "xác thực thông tin trong thẻ Căn cước với 1,4 triệu lượt; xác thực khuôn mặt trên 69.000 lượt."),
        ("pl07-c-1", "kích hoạt trên 55,25 triệu tài khoản định danh điện tử, tỷ lệ kích hoạt trên tổng số hồ sơ thu nhận đạt 72,98%."),
        ("pl07-c-1", "Cả nước đã tiếp nhận 229.864 hồ sơ Căn cước (đối với trẻ dưới 6 tuổi là 30.923 hồ sơ, trẻ từ 6 đến dưới 14 tuổi là 50.737 hồ sơ, từ 14 tuổi trở lên là 148.204 hồ sơ)."),
        ("pl07-c-2", "đã cấp 47.515 chứng thư số (CTS)"),
        ("pl07-c-2", "Cấp 18.068 CTS cho cơ quan, tổ chức; cấp 129.447 CTS cho cán bộ, công chức, viên chức."),
        ("pl07-c-4", "đã có 148.899 lượt giao dịch với tổng số tiền là 1.768.291.053 đồng."),
        ("pl07-c-4", "chi trả qua tài khoản cho 1.960.749 người với số tiền trên 8.280 tỷ đồng (tăng 1.620.572 người so với thời điểm sơ kết 02 năm)."),
        ("pl07-c-5", "Có 06 mô hình triển khai 63/63 địa phương. Có 07 mô hình"),
        ("pl07-d-1", "đã kết nối với 18 bộ, ngành, 01 doanh nghiệp nhà nước (EVN), 03 doanh nghiệp viễn thông và 63 địa phương."),
        ("pl07-d-2", "với tổng số dữ liệu đồng bộ là 2.318.994 (trong đó, có 285.553 dữ liệu của bộ, ngành; 2.033.441 <p>dữ liệu của địa phương).</p>"),
        ("pl07-d-2", "455/705 đơn vị cấp huyện đã hoàn thành CSDL địa chính với hơn 46 triệu thửa đất"),
        ("pl07-e-1", "của 15 bộ, cơ quan, tập đoàn, tổng công ty nhà nước và 63 địa phương để cung cấp thông tin, dữ liệu với 38 chỉ tiêu thông tin trực tuyến"),
        ("pl07-e-3", "đã có 52 địa phương hoàn thiện hệ thống IOC cơ bản"),
    ];
    for (id, s) in figures {
        assert!(benefit(&l, id).content.contains(s), "{id}: {s}");
    }
    let g = benefit(&l, "pl07-e-1").government.clone();
    assert!(g.contains("Phân tích, đánh giá 230 chỉ tiêu thống kê, ứng với 250 loại dữ liệu cần cung cấp hiện thuộc quản lý của 13 Bộ, ngành. Trong đó, đã phân tích nghiệp vụ đối với 222 chỉ tiêu (có 105 chỉ tiêu đáp ứng toàn bộ ứng với 117 loại dữ liệu; có 57 chỉ tiêu đáp ứng 1 phần ứng với 61 loại dữ liệu)"));
    assert!(benefit(&l, "pl07-a-2")
        .citizens
        .contains("(tăng 618.746 hồ sơ so với thời điểm sơ kết 02 năm)"));
    assert!(benefit(&l, "pl07-c-4")
        .citizens
        .contains("(khoảng 51 tỷ đồng/năm)"));
    assert!(blocker(&l, "pl07-d-2-gap")
        .text
        .contains("388 trường dữ liệu"));
    assert!(task(&l, "pl07-d-2-s4").title.contains("289 trường dữ liệu"));
}

#[test]
fn split_rows_and_places_are_noted() {
    let l = load();
    let notes: Vec<_> = l
        .snapshot
        .notes
        .iter()
        .filter(|n| n.report == "pl07")
        .collect();
    assert_eq!(notes.len(), 36);
    // Every row that runs across a page break says where its second part is.
    let splits = [
        ("pl07-a-1-n-split", 14),
        ("pl07-b-1-1-n-split", 29),
        ("pl07-b-1-2-n-split", 34),
        ("pl07-b-1-3-n-split", 39),
        ("pl07-b-2-n-split", 44),
        ("pl07-b-3-n-split", 49),
        ("pl07-c-1-n-split", 55),
        ("pl07-c-2-n-split", 60),
        ("pl07-c-3-n-split", 65),
        ("pl07-c-4-n-split", 70),
        ("pl07-c-5-n-split", 82),
        ("pl07-d-1-n-split", 88),
        ("pl07-d-3-n-split", 102),
        ("pl07-a-2-n-shift", 15),
        ("pl07-b-1-1-n-swap", 25),
        ("pl07-d-2-n-layout", 89),
        ("pl07-e-1-n-merge", 113),
    ];
    for (id, line) in splits {
        let n = notes
            .iter()
            .find(|n| n.id == id)
            .unwrap_or_else(|| panic!("{id}"));
        assert_eq!(n.source.line, Some(line), "{id}");
        assert!(!n.raw.is_empty(), "{id}");
    }
    // The provinces the table names (no locality field on benefits or gaps): all known ids.
    let n = notes.iter().find(|n| n.id == "pl07-n-localities").unwrap();
    let named = [
        (
            "A-2",
            &["can-tho", "lai-chau", "ninh-thuan", "hau-giang"][..],
        ),
        ("C-5 TỒN TẠI", &["ha-giang", "hoa-binh"][..]),
        (
            "C-5 TRÁCH NHIỆM",
            &["ha-noi", "thua-thien-hue", "ho-chi-minh"][..],
        ),
        ("D-3", &["dak-lak", "kien-giang"][..]),
    ];
    for (_, ids) in named {
        for id in ids {
            assert!(n.text.contains(&id.to_string()), "{id}");
            assert!(l.snapshot.localities.iter().any(|x| x.id == *id), "{id}");
        }
    }
    assert_eq!(named.iter().map(|(_, v)| v.len()).sum::<usize>(), 11);
}

fn indicators(l: &Loaded) -> Vec<&Indicator> {
    l.snapshot
        .indicators
        .iter()
        .filter(|x| x.report == "pl07")
        .collect()
}
fn indicator<'a>(l: &'a Loaded, id: &str) -> &'a Indicator {
    let f: Vec<_> = indicators(l).into_iter().filter(|x| x.id == id).collect();
    assert_eq!(f.len(), 1, "{id} defined once");
    f[0]
}
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

const SEC_A: &str = "Phụ lục 07, nhóm A";
const SEC_B1: &str = "Phụ lục 07, nhóm B, mục 1 (Tiện ích từ dữ liệu dân cư)";
const SEC_B: &str = "Phụ lục 07, nhóm B";
const SEC_C: &str = "Phụ lục 07, nhóm C";
const SEC_D: &str = "Phụ lục 07, nhóm D";
const SEC_E: &str = "Phụ lục 07, nhóm E";

#[test]
fn indicators_per_row() {
    let l = load();
    let ind = indicators(&l);
    // Counted by hand in the seed, cell by cell (repeats and figures of gaps and solutions included).
    assert_eq!(ind.len(), 154);
    let rows = [
        (SEC_A, "1", 15),
        (SEC_A, "2", 18),
        (SEC_B1, "1.1", 9),
        (SEC_B1, "1.2", 8),
        (SEC_B1, "1.3", 3),
        (SEC_B, "2", 3),
        (SEC_B, "3", 3),
        (SEC_C, "1", 15),
        (SEC_C, "2", 4),
        (SEC_C, "3", 10),
        (SEC_C, "4", 15),
        (SEC_C, "5", 4),
        (SEC_D, "1", 7),
        (SEC_D, "2", 18),
        (SEC_D, "3", 7),
        (SEC_E, "1", 14),
        (SEC_E, "2", 0),
        (SEC_E, "3", 1),
    ];
    assert_eq!(rows.iter().map(|r| r.2).sum::<usize>(), 154);
    for (sec, row, n) in rows {
        let got = ind
            .iter()
            .filter(|x| x.source.section == sec && x.source.row.as_deref() == Some(row))
            .count();
        assert_eq!(got, n, "{sec} {row}");
    }
    // Groups A–E as the benefits name them: 33, 26, 48, 32, 15.
    for (g, n) in [
        ("A. NHÓM DVC", 33),
        ("B. NHÓM PHÁT TRIỂN KNH TẾ", 26),
        ("C. NHÓM CÔNG DÂN SỐ", 48),
        (
            "D. NHÓM KẾT NỐI, CHIA SẺ TẠO LẬP HỆ SINH THÁI DỮ LIỆU DÙNG CHUNG",
            32,
        ),
        ("E. NHÓM PHÂN TÍCH CHỈ ĐẠO ĐIỀU HÀNH", 15),
    ] {
        let got = ind.iter().filter(|x| x.group.as_deref() == Some(g)).count();
        assert_eq!(got, n, "{g}");
    }
    let mut ids: Vec<_> = ind.iter().map(|x| x.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 154);
    assert!(ids.iter().all(|i| i.starts_with("pl07-i-")));
    // 16 printed percentages, 12 figures with a date, 8 printed fractions, 4 figures of Hà Nội.
    assert_eq!(ind.iter().filter(|x| x.percent_raw.is_some()).count(), 16);
    assert_eq!(ind.iter().filter(|x| x.as_of.is_some()).count(), 12);
    assert_eq!(ind.iter().filter(|x| x.numerator.is_some()).count(), 8);
    let local: Vec<_> = ind.iter().filter(|x| x.locality.is_some()).collect();
    assert_eq!(local.len(), 4);
    assert!(local
        .iter()
        .all(|x| x.locality.as_deref() == Some("ha-noi")));
}

/// (id, name, raw, value, numerator/denominator, unit, percent_raw, as_of, locality, section, row, line)
type Ind<'a> = (
    &'a str,
    &'a str,
    &'a str,
    f64,
    Option<(f64, f64)>,
    &'a str,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
    &'a str,
    &'a str,
    u32,
);

#[test]
fn indicators_field_by_field() {
    let l = load();
    let sample: Vec<Ind> = vec![
        ("pl07-i-a-1-gplx-tra-ket-qua", "GPLX đã trả kết quả trên Cổng DVC quốc gia",
         "trả kết quả hơn 310 nghìn GPLX (đạt tỷ lệ 88,57%)", 310.0, None, "nghìn GPLX",
         Some("88,57%"), Some("2024-06-20"), None, SEC_A, "1", 8),
        ("pl07-i-a-1-thpt-truc-tuyen", "Thí sinh đăng ký dự thi trực tuyến, kỳ thi năm 2024",
         "trong đó có 1.029.678 thí sinh đăng ký trực tuyến (chiếm tỷ lệ 96,11%", 1029678.0, None,
         "thí sinh", Some("96,11%"), None, None, SEC_A, "1", 14),
        ("pl07-i-a-1-tthc-tich-hop", "TTHC đã hoàn thành tích hợp, cung cấp trên Cổng DVC quốc gia",
         "(4) Đã hoàn thành, tích hợp, cung cấp 43/76 TTHC", 43.0, Some((43.0, 76.0)), "TTHC",
         None, None, None, SEC_A, "1", 8),
        ("pl07-i-a-1-evn-dich-vu", "Dịch vụ cung cấp điện EVN đã hoàn thành kết nối dữ liệu dân cư (chú thích ¹)",
         "ngoài 02 dịch vụ đã hoàn thành", 2.0, None, "dịch vụ", None, None, None, SEC_A, "1", 10),
        ("pl07-i-a-2-khai-sinh-tang", "Hồ sơ liên thông khai sinh tăng so với tháng 12/2023",
         "(tăng 618.746 hồ sơ so", 618746.0, None, "hồ sơ", None, None, None, SEC_A, "2", 15),
        ("pl07-i-a-2-nd-khai-sinh-tang", "Hồ sơ liên thông khai sinh tăng so với thời điểm sơ kết 02 năm (ô NGƯỜI DÂN)",
         "(tăng 618.746 hồ sơ so với thời điểm sơ kết 02 năm)", 618746.0, None, "hồ sơ", None,
         None, None, SEC_A, "2", 19),
        ("pl07-i-b-1-1-thue-bao-ty-le", "Tỷ lệ thuê bao di động được xác thực, làm sạch",
         "(đạt tỷ lệ 86,77%)", 86.77, None, "%", Some("86,77%"), None, None, SEC_B1, "1.1", 29),
        ("pl07-i-b-1-1-thue-bao-ngan-sach", "Thu ngân sách nhà nước từ làm sạch dữ liệu thuê bao",
         "thu về ngân sách nhà nước hơn 164,4 tỷ đồng", 164.4, None, "tỷ đồng", None, None, None,
         SEC_B1, "1.1", 29),
        ("pl07-i-b-1-2-ngan-sach-vien-thong", "Ngân sách nhà nước tiết kiệm trong xác thực, làm sạch dữ liệu lĩnh vực viễn thông",
         "Tiết kiệm ngân sách của nhà nước trong việc thực hiện xác thực, đồng bộ, làm sạch dữ liệu với trên 164 tỷ đồng",
         164.0, None, "tỷ đồng", None, None, None, SEC_B1, "1.2", 34),
        ("pl07-i-b-1-3-thong-bao", "Lượt thông báo lưu trú", "với 8.778.722 lượt thông báo",
         8778722.0, None, "lượt thông báo", None, None, None, SEC_B1, "1.3", 39),
        ("pl07-i-b-3-truy-cap-ngay", "Lượt truy cập VNeID trung bình mỗi ngày",
         "trung bình có 1,5 triệu lượt truy cập vào VNeID/01 ngày", 1.5, None,
         "triệu lượt truy cập/ngày", None, None, None, SEC_B, "3", 45),
        ("pl07-i-c-1-cccd-chip", "Thẻ căn cước công dân gắn chip đã cấp",
         "cấp trên 86,3 triệu thẻ căn cước công dân gắn chip cho 100% công dân có đủ điều kiện",
         86.3, None, "triệu thẻ", Some("100%"), None, None, SEC_C, "1", 51),
        ("pl07-i-c-1-dddt-ty-le", "Tỷ lệ kích hoạt trên tổng số hồ sơ định danh điện tử thu nhận (câu bắt đầu ở dòng 51)",
         "72,98%", 72.98, None, "%", Some("72,98%"), None, None, SEC_C, "1", 55),
        ("pl07-i-c-1-cc-tiep-nhan", "Hồ sơ Căn cước cả nước tiếp nhận từ 01/7/2024 đến 09/7/2024",
         "Cả nước đã tiếp nhận 229.864 hồ sơ Căn cước", 229864.0, None, "hồ sơ", None,
         Some("2024-07-09"), None, SEC_C, "1", 55),
        ("pl07-i-c-2-cts", "Chứng thư số Ban Cơ yếu Chính phủ đã cấp cho bộ, ngành, địa phương",
         "Ban Cơ yếu Chính phủ đã cấp 47.515 chứng thư số (CTS)", 47515.0, None, "chứng thư số",
         None, None, None, SEC_C, "2", 56),
        ("pl07-i-c-2-cts-can-bo", "CTS cấp cho cán bộ, công chức, viên chức",
         "cấp 129.447 CTS cho cán bộ, công chức, viên chức", 129447.0, None, "CTS", None, None,
         None, SEC_C, "2", 60),
        ("pl07-i-c-3-tien-ich", "Tiện ích trên VNeID Bộ Công an cung cấp (nhắc lại ở C-3)",
         "cung cấp 10 tiện ích trên VNeID vào ngày 25/01/2024", 10.0, None, "tiện ích", None,
         Some("2024-01-25"), None, SEC_C, "3", 61),
        ("pl07-i-c-4-do-xe-tien", "Tổng số tiền thu phí đỗ xe không dùng tiền mặt (Hà Nội)",
         "với tổng số tiền là 1.768.291.053 đồng", 1768291053.0, None, "đồng", None, None,
         Some("ha-noi"), SEC_C, "4", 70),
        ("pl07-i-c-4-hoa-don-dien-tu", "Hộ kinh doanh đang hoạt động (hóa đơn điện tử khởi tạo từ máy tính tiền, thuế khoán)",
         "đã có 213.859 hộ kinh doanh có trạng thái đang hoạt động", 213859.0, None, "hộ kinh doanh",
         None, None, None, SEC_C, "4", 70),
        ("pl07-i-c-4-chi-tra-tien", "Số tiền chi trả qua tài khoản (cả nước)",
         "với số tiền trên 8.280 tỷ đồng", 8280.0, None, "tỷ đồng", None, None, None, SEC_C, "4", 74),
        ("pl07-i-c-4-nd-chi-tra-giam", "Chi phí chi trả của công chức giảm được",
         "giảm khoảng 1.3 tỷ đồng/năm", 1.3, None, "tỷ đồng/năm", None, None, None, SEC_C, "4", 70),
        ("pl07-i-c-5-dia-phuong-63", "Địa phương triển khai 06 mô hình",
         "Có 06 mô hình triển khai 63/63 địa phương", 63.0, Some((63.0, 63.0)), "địa phương", None,
         None, None, SEC_C, "5", 78),
        ("pl07-i-d-1-yeu-cau", "Yêu cầu tra cứu, xác thực thông tin đã tiếp nhận",
         "Tiếp nhận trên 1,6 tỷ yêu cầu để tra cứu, xác thực thông tin", 1.6, None, "tỷ yêu cầu",
         None, None, None, SEC_D, "1", 84),
        ("pl07-i-d-2-ho-so-cbccvc", "Hồ sơ cán bộ, công chức, viên chức được quản lý",
         "Quản lý khoảng 2.5 triệu hồ sơ cán bộ, công chức, viên chức", 2.5, None, "triệu hồ sơ",
         None, None, None, SEC_D, "2", 89),
        ("pl07-i-d-2-dia-chinh", "Đơn vị cấp huyện đã hoàn thành CSDL địa chính",
         "455/705 đơn vị cấp huyện đã hoàn thành CSDL địa chính", 455.0, Some((455.0, 705.0)),
         "đơn vị cấp huyện", None, None, None, SEC_D, "2", 93),
        ("pl07-i-d-2-gap-truong-chua-so-hoa", "Trường dữ liệu chưa được số hóa (tồn tại)",
         "(2) 388 trường dữ liệu chưa được số hóa của 06 bộ, ngành quản lý", 388.0, None,
         "trường dữ liệu", None, None, None, SEC_D, "2", 93),
        ("pl07-i-d-2-sol-truong-so-hoa", "Trường dữ liệu chưa được số hóa các bộ, ngành cần số hóa (giải pháp)",
         "(4) Các bộ, ngành khẩn trương số hóa 289 trường dữ liệu chưa được số hóa", 289.0, None,
         "trường dữ liệu", None, None, None, SEC_D, "2", 89),
        ("pl07-i-d-3-ca-hai-dia-phuong", "Địa phương dự kiến cả hai phương án (Đắk Lắk, Kiên Giang)",
         "02/28 địa phương (Đắk Lắk, Kiên Giang) dự kiến cả hai phương án", 2.0, Some((2.0, 28.0)),
         "địa phương", None, None, None, SEC_D, "3", 102),
        ("pl07-i-e-1-dap-ung-mot-phan", "Chỉ tiêu đáp ứng 1 phần (\"tiêu đáp ứng 1 phần\" ở dòng 113)",
         "ứng với 117 loại dữ liệu; có 57 chỉ", 57.0, None, "chỉ tiêu", None, None, None, SEC_E,
         "1", 108),
        ("pl07-i-e-3-ioc", "Địa phương đã hoàn thiện hệ thống IOC cơ bản, đủ điều kiện kết nối CSDLQG về dân cư",
         "đã có 52 địa phương hoàn thiện hệ thống IOC cơ bản", 52.0, None, "địa phương", None, None,
         None, SEC_E, "3", 114),
    ];
    assert!(sample.len() >= 15);
    for (id, name, raw, value, frac, unit, pct, as_of, loc, sec, row, line) in sample {
        let x = indicator(&l, id);
        assert_eq!(x.name, name, "{id}");
        assert_eq!(x.raw, raw, "{id}");
        assert_eq!(x.value, Some(value), "{id}");
        assert_eq!(x.numerator, frac.map(|f| f.0), "{id}");
        assert_eq!(x.denominator, frac.map(|f| f.1), "{id}");
        assert_eq!(x.unit.as_deref(), Some(unit), "{id}");
        assert_eq!(x.percent_raw.as_deref(), pct, "{id}");
        assert_eq!(
            x.as_of,
            as_of.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()),
            "{id}"
        );
        assert_eq!(x.locality.as_deref(), loc, "{id}");
        assert_eq!(x.source.section, sec, "{id}");
        assert_eq!(x.source.row.as_deref(), Some(row), "{id}");
        assert_eq!(x.source.line, Some(line), "{id}");
    }
}

#[test]
fn indicator_raw_is_in_its_row() {
    let l = load();
    let bs = benefits(&l);
    let gs = blockers(&l);
    let ts = tasks(&l);
    for x in indicators(&l) {
        let same =
            |s: &giaoban::domain::SourceRef| s.section == x.source.section && s.row == x.source.row;
        // The item of the same row: its group, and the line where it starts.
        let b: Vec<_> = bs.iter().filter(|b| same(&b.source)).collect();
        assert_eq!(b.len(), 1, "{}", x.id);
        assert_eq!(x.group.as_deref(), Some(b[0].group.as_str()), "{}", x.id);
        let line = x.source.line.expect("a line");
        assert!(line >= b[0].source.line.unwrap() && line <= 114, "{}", x.id);
        // Every text of that row: the benefit cells, the gap cells, the solutions.
        let mut texts: Vec<&str> = Vec::new();
        for b in &b {
            texts.extend(
                [&b.content, &b.citizens, &b.businesses, &b.government].map(|s| s.as_str()),
            );
        }
        for g in gs.iter().filter(|g| same(&g.source)) {
            texts.extend(
                [&g.text, &g.cause_raw, &g.responsible_raw, &g.solution].map(|s| s.as_str()),
            );
        }
        for t in ts.iter().filter(|t| same(&t.source)) {
            texts.push(t.title.as_str());
        }
        let raw = squash(&x.raw);
        assert!(
            texts.iter().any(|t| squash(t).contains(&raw)),
            "{}: «{}» not in its row",
            x.id,
            x.raw
        );
        assert!(raw.chars().any(|c| c.is_ascii_digit()), "{}", x.id);
        assert!(!raw.contains('<'), "{}: no HTML in raw", x.id);
        if let Some(p) = &x.percent_raw {
            assert!(raw.contains(p.as_str()), "{}", x.id);
            assert_eq!(
                x.unit.as_deref() == Some("%"),
                x.value == parse_vn(p),
                "{}",
                x.id
            );
        }
        match (x.numerator, x.denominator) {
            (Some(n), Some(d)) => {
                let a = format!("{:02}/{}", n as u32, d as u32);
                assert!(raw.contains(&a), "{}: {a}", x.id);
                assert_eq!(x.value, Some(n), "{}", x.id);
            }
            (None, None) => {}
            _ => panic!("{}: numerator and denominator go together", x.id),
        }
        assert!(x.value.is_some_and(|v| v > 0.0), "{}", x.id);
    }
}

/// "86,77%" → 86.77 (the test's own reading, to compare with `value`).
fn parse_vn(p: &str) -> Option<f64> {
    p.trim_end_matches('%').replace(',', ".").parse().ok()
}

#[test]
fn indicator_sums_and_disagreements_as_printed() {
    let l = load();
    let v = |id: &str| indicator(&l, id).value.unwrap();
    // Căn cước 01/7–09/7/2024: the parts add up to the printed totals.
    assert_eq!(
        v("pl07-i-c-1-cc-tiep-nhan-duoi-6")
            + v("pl07-i-c-1-cc-tiep-nhan-6-14")
            + v("pl07-i-c-1-cc-tiep-nhan-tu-14"),
        v("pl07-i-c-1-cc-tiep-nhan")
    );
    assert_eq!(
        v("pl07-i-c-1-cc-in-tra-duoi-6")
            + v("pl07-i-c-1-cc-in-tra-6-14")
            + v("pl07-i-c-1-cc-in-tra-tu-14"),
        v("pl07-i-c-1-cc-in-tra")
    );
    assert_eq!(
        v("pl07-i-d-2-cbccvc-du-lieu-bo-nganh") + v("pl07-i-d-2-cbccvc-du-lieu-dia-phuong"),
        v("pl07-i-d-2-cbccvc-du-lieu")
    );
    // D-3: 03/23 + 17/23 + 03/23 ministries, 26/28 + 02/28 provinces.
    assert_eq!(
        v("pl07-i-d-3-di-chuyen")
            + v("pl07-i-d-3-cloud-bo-nganh")
            + v("pl07-i-d-3-ca-hai-bo-nganh"),
        v("pl07-i-d-3-nhu-cau-bo-nganh")
    );
    assert_eq!(
        v("pl07-i-d-3-cloud-dia-phuong") + v("pl07-i-d-3-ca-hai-dia-phuong"),
        v("pl07-i-d-3-nhu-cau-dia-phuong")
    );
    // Where the report disagrees with itself, both figures are kept as printed.
    assert_eq!(v("pl07-i-c-2-cts"), 47515.0);
    assert_eq!(
        v("pl07-i-c-2-cts-co-quan") + v("pl07-i-c-2-cts-can-bo"),
        147515.0
    );
    assert_eq!(v("pl07-i-d-2-gap-truong-chua-so-hoa"), 388.0);
    assert_eq!(v("pl07-i-d-2-sol-truong-so-hoa"), 289.0);
    assert_eq!(v("pl07-i-b-1-1-thue-bao-ngan-sach"), 164.4);
    assert_eq!(v("pl07-i-b-1-2-ngan-sach-vien-thong"), 164.0);
    assert_eq!(
        v("pl07-i-a-2-khai-sinh-tang"),
        v("pl07-i-a-2-nd-khai-sinh-tang")
    );
    assert_eq!(
        v("pl07-i-a-2-khai-tu-tang"),
        v("pl07-i-a-2-nd-khai-tu-tang")
    );
    // Repeated rows keep their own copy: B-1.1 / B-1.2 and B-3 / C-3.
    for (a, b) in [
        ("pl07-i-b-1-1-cic", "pl07-i-b-1-2-cic"),
        ("pl07-i-b-1-1-cic-phi", "pl07-i-b-1-2-cic-phi"),
        ("pl07-i-b-1-1-tctd-chip", "pl07-i-b-1-2-tctd-chip"),
        ("pl07-i-b-1-1-thue-bao", "pl07-i-b-1-2-thue-bao"),
        ("pl07-i-b-3-tien-ich", "pl07-i-c-3-tien-ich"),
        ("pl07-i-b-3-truy-cap", "pl07-i-c-3-truy-cap"),
        ("pl07-i-b-3-truy-cap-ngay", "pl07-i-c-3-truy-cap-ngay"),
    ] {
        assert_eq!(v(a), v(b), "{a} {b}");
        assert_ne!(indicator(&l, a).source.line, indicator(&l, b).source.line);
    }
    // No fraction is printed with a percentage, so the checker has nothing to reconcile here.
    assert!(l
        .findings
        .iter()
        .all(|f| !(f.report.as_deref() == Some("pl07") && f.kind == "percent")));
    let n = l
        .snapshot
        .notes
        .iter()
        .find(|n| n.id == "pl07-n-indicators")
        .expect("the indicators note");
    for s in [
        "154", "618.746", "72,98%", "2.5", "220/380V", "ha-noi", "213.859", "47.515",
    ] {
        assert!(n.text.contains(s), "{s}");
    }
}

#[test]
fn last_numbered_row_of_every_table_is_present() {
    let l = common::load();
    common::assert_last_rows(
        &l,
        "pl07",
        114,
        &[
            // seed 002_ee007171670a0059.txt: 114 lines, no newline after the last (group E, row 3)
            ("Phụ lục 07, nhóm A", "2", 15),
            ("Phụ lục 07, nhóm B", "3", 45),
            ("Phụ lục 07, nhóm C", "5", 78),
            ("Phụ lục 07, nhóm D", "3", 98),
            ("Phụ lục 07, nhóm E", "3", 114),
        ],
    );
}

#[test]
fn every_section_has_records_or_a_note() {
    // seed 002: the title and the five groups of the one table, by heading as printed
    // (section, heading, first line, last line), read by hand from the source.
    let l = common::load();
    common::assert_every_section_accounted(
        &l,
        "pl07",
        &[
            (
                "Phụ lục 07",
                "PHỤ LỤC 07: TIỆN ÍCH, GIÁ TRỊ MANG LẠI TRONG TRIỂN KHAI ĐỀ ÁN 06/CP …",
                3,
                6,
            ),
            ("Phụ lục 07, nhóm A", "A NHÓM DVC", 7, 19),
            ("Phụ lục 07, nhóm B", "B NHÓM PHÁT TRIỂN KNH TẾ", 20, 49),
            ("Phụ lục 07, nhóm C", "C NHÓM CÔNG DÂN SỐ", 50, 82),
            (
                "Phụ lục 07, nhóm D",
                "D NHÓM KẾT NỐI, CHIA SẺ TẠO LẬP HỆ SINH THÁI DỮ LIỆU",
                83,
                102,
            ),
            (
                "Phụ lục 07, nhóm E",
                "E NHÓM PHÂN TÍCH CHỈ ĐẠO ĐIỀU HÀNH",
                103,
                114,
            ),
        ],
    );
}

#[test]
fn the_same_figure_printed_with_two_values_is_listed() {
    // Row D-2: TỒN TẠI "388 trường dữ liệu chưa được số hóa", GIẢI PHÁP "số hóa 289 trường dữ
    // liệu chưa được số hóa".
    let l = common::load();
    let f = l
        .findings
        .iter()
        .find(|f| f.kind == "conflict" && f.subject == "truong-du-lieu-chua-so-hoa")
        .expect("388 against 289");
    assert!(f.message.contains("388 / 289"), "{}", f.message);
    let printed = f.printed.as_deref().unwrap();
    assert!(
        printed.contains("(tệp nguồn, dòng 93)") && printed.contains("(tệp nguồn, dòng 89)"),
        "{printed}"
    );
}
