//! The shipped snapshot against Phụ lục 07 ("TIỆN ÍCH, GIÁ TRỊ MANG LẠI TRONG TRIỂN KHAI ĐỀ ÁN
//! 06/CP CỦA CHÍNH PHỦ", seed 002_ee007171670a0059.txt), with figures read by hand from the
//! source: items per group (A 2, B 5, C 5, D 3, E 3), the 16 gaps, the 40 numbered solutions,
//! items compared field by field, and the deadline the column title gives the solutions.

use std::path::Path;

use chrono::NaiveDate;
use giaoban::domain::{Benefit, Blocker, BlockerKind, Cause, Deadline, Task};
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
        assert_eq!(x.deadline_raw, "6 tháng cuối năm 2024", "{}", x.id);
        assert_eq!(x.status_raw, "", "{}", x.id);
        assert!(x
            .note
            .starts_with("thời hạn: 6 tháng cuối năm 2024 theo tiêu đề cột"));
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
