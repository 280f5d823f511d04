//! The shipped snapshot against Bình Định, Báo cáo 258/BC-UBND of 31/12/2024 (seed
//! 001_41c211600f587ec3.txt), with figures read by hand from the source: the rows of every
//! part of Phụ lục 01 and of every group of Phụ lục 02, the headline figures as printed, a
//! sample of rows field by field, the locality lists, the figures of the body, the blockers.

mod common;

use std::path::Path;

use giaoban::domain::{Assessment, Blocker, BlockerKind, Cause, Claim, Indicator, Status, Task};
use giaoban::store::{load_path, Loaded};

const R: &str = "bd-258";

fn load() -> Loaded {
    load_path(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data"))
        .expect("the shipped snapshot loads")
}

fn task(l: &Loaded, n: u32) -> (usize, &Task) {
    let id = format!("bd-258-pl01-{n}");
    let found: Vec<(usize, &Task)> = l
        .snapshot
        .tasks
        .iter()
        .enumerate()
        .filter(|(_, t)| t.id == id)
        .collect();
    assert_eq!(found.len(), 1, "{id} defined once");
    found[0]
}

/// A row of Phụ lục 02 by its STT.
fn row(l: &Loaded, stt: u32) -> &Assessment {
    let id = format!("bd-258-pl02-{stt}");
    let found: Vec<&Assessment> = l
        .snapshot
        .assessments
        .iter()
        .filter(|a| a.id == id)
        .collect();
    assert_eq!(found.len(), 1, "{id} defined once");
    found[0]
}

fn ind<'a>(l: &'a Loaded, key: &str) -> &'a Indicator {
    let id = format!("bd-258-i-{key}");
    l.snapshot
        .indicators
        .iter()
        .find(|i| i.id == id)
        .unwrap_or_else(|| panic!("indicator {id}"))
}

fn blocker<'a>(l: &'a Loaded, id: &str) -> &'a Blocker {
    l.snapshot
        .blockers
        .iter()
        .find(|b| b.id == id)
        .unwrap_or_else(|| panic!("blocker {id}"))
}

#[test]
fn report_record() {
    let l = load();
    let r = l
        .snapshot
        .reports
        .iter()
        .find(|r| r.id == R)
        .expect("bd-258");
    assert_eq!(r.file, "001_41c211600f587ec3.txt");
    assert_eq!(r.short, "Bình Định 258/BC-UBND");
    assert_eq!(r.issuer, "UBND tỉnh Bình Định");
    assert_eq!(r.locality.as_deref(), Some("binh-dinh"));
    assert_eq!(r.number.as_deref(), Some("258/BC-UBND"));
    assert_eq!(r.date.map(|d| d.to_string()).as_deref(), Some("2024-12-31"));
    assert_eq!(
        r.date_raw.as_deref(),
        Some("Bình Định, ngày 31 tháng 12 năm 2024")
    );
    assert_eq!(r.period.as_deref(), Some("năm 2024"));
}

#[test]
fn headline_figures_as_printed() {
    let l = load();
    let r = l.snapshot.reports.iter().find(|r| r.id == R).unwrap();
    let h = |key: &str| {
        let id = format!("bd-258-h-{key}");
        r.headline
            .iter()
            .find(|h| h.id == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    // Mục I.3 (lines 31-36)
    assert_eq!(h("tasks-total").value, Some(40.0));
    assert_eq!(
        h("tasks-total").claim,
        Some(Claim::TasksTotal {
            section: Some("Phụ lục 01".into())
        })
    );
    assert_eq!(h("done").value, Some(38.0));
    assert_eq!(
        h("done").raw,
        "- Tổng số nhiệm vụ đã hoàn thành: 38 nhiệm vụ."
    );
    // 38 done cannot be counted from rows that mostly print no status: not comparable, said why.
    assert!(matches!(
        h("done").claim,
        Some(Claim::NotComparable { ref reason }) if reason.contains("không có cột trạng thái")
    ));
    assert_eq!(h("done").source.line, Some(33));
    assert_eq!(h("in-progress").value, Some(1.0));
    // "01 nhiệm vụ đang thực hiện theo lộ trình hướng dẫn của Bộ Công an" counts the rows on the
    // Ministry's roadmap, not the rows in progress.
    assert_eq!(
        h("in-progress").claim,
        Some(Claim::TasksWithDeadline {
            contains: "lộ trình hướng dẫn Cục C06".into(),
            section: Some("Phụ lục 01".into())
        })
    );
    assert_eq!(h("carried-over").value, Some(1.0));
    assert_eq!(h("carried-over").claim, None);
    assert_eq!(h("backlog").value, Some(0.0));
    // Mục II.1 (line 44): "gồm 07 nhóm nhiệm vụ với 40 nhiệm vụ cụ thể"
    assert_eq!(h("tasks-total-qd540").value, Some(40.0));
    assert_eq!(h("task-groups-qd540").value, Some(7.0));
    // The count printed in each heading of Phụ lục 01
    for (key, v) in [
        ("i", 8.0),
        ("ii", 9.0),
        ("iii", 3.0),
        ("iv", 8.0),
        ("v", 6.0),
        ("vi", 3.0),
        ("vii", 4.0),
    ] {
        let x = h(&format!("pl01-{key}"));
        assert_eq!(x.value, Some(v), "pl01-{key}");
        assert!(
            matches!(x.claim, Some(Claim::TasksTotal { section: Some(_) })),
            "pl01-{key}"
        );
    }
    // Models: mục II.8 (line 270, 272) and Phụ lục 02
    assert_eq!(h("models-catalogue").value, Some(42.0));
    assert_eq!(h("models-catalogue").claim, Some(Claim::ModelsAssessed));
    assert_eq!(h("models-done").value, Some(16.0));
    assert_eq!(h("models-in-progress").value, Some(26.0));
    assert_eq!(h("models-added").value, Some(4.0));
    assert_eq!(h("pl02-title").value, Some(42.0));
    for (key, v) in [
        ("i", 5.0),
        ("ii", 16.0),
        ("iii", 10.0),
        ("iv", 3.0),
        ("v", 6.0),
    ] {
        assert_eq!(
            h(&format!("pl02-group-{key}")).value,
            Some(v),
            "group {key}"
        );
    }
    // Phụ lục 01, dòng 2
    assert_eq!(h("pl01-r2-models-done").value, Some(15.0));
    assert_eq!(h("pl01-r2-models-in-progress").value, Some(20.0));
    assert_eq!(h("pl01-r2-models-not-started").value, Some(7.0));
    assert_eq!(r.headline.len(), 27);
}

#[test]
fn phu_luc_01_rows_per_part() {
    let l = load();
    let all: Vec<&Task> = l.snapshot.tasks.iter().filter(|t| t.report == R).collect();
    assert_eq!(
        all.len(),
        46,
        "40 rows of Phụ lục 01 + 6 priority tasks of mục V"
    );
    let tasks: Vec<&Task> = all
        .iter()
        .copied()
        .filter(|t| t.source.section.starts_with("Phụ lục 01"))
        .collect();
    assert_eq!(tasks.len(), 40);
    // (heading as printed, first STT, last STT), counted by hand; part IV prints 08 but has 7 rows.
    let parts = [
        ("I. VỀ CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH (08 NHIỆM VỤ)", 1, 8),
        (
            "II. VỀ CUNG CẤP DỊCH VỤ CÔNG TRỰC TUYẾN (09 NHIỆM VỤ)",
            9,
            17,
        ),
        (
            "III. VỀ PHÁT TRIỂN KINH TẾ SỐ, XÃ HỘI SỐ (03 NHIỆM VỤ)",
            18,
            20,
        ),
        ("IV. VỀ PHÁT TRIỂN CÔNG DÂN SỐ (08 NHIỆM VỤ)", 21, 27),
        (
            "V. XÂY DỰNG HỆ SINH THÁI DỮ LIỆU DÙNG CHUNG (06 NHIỆM VỤ)",
            28,
            33,
        ),
        ("VI. VỀ AN NINH, AN TOÀN THÔNG TIN (03 NHIỆM VỤ)", 34, 36),
        (
            "VII. VỀ CÔNG TÁC THÔNG TIN, TUYÊN TRUYỀN (04 NHIỆM VỤ)",
            37,
            40,
        ),
    ];
    for (heading, first, last) in parts {
        let nums: Vec<u32> = tasks
            .iter()
            .filter(|t| t.section.as_deref() == Some(heading))
            .map(|t| t.local_number.as_deref().unwrap().parse().unwrap())
            .collect();
        assert_eq!(nums, (first..=last).collect::<Vec<u32>>(), "{heading}");
    }
    for t in &tasks {
        assert_eq!(t.locality.as_deref(), Some("binh-dinh"), "{}", t.id);
        assert!(
            t.coord_raw.is_empty() && t.coord_units.is_empty(),
            "{}: no coordinating column",
            t.id
        );
        assert!(!t.lead_units.is_empty(), "{}", t.id);
    }
    // Statuses: only 14 result cells begin with status words.
    let count = |s: Status| {
        (0..l.snapshot.tasks.len())
            .filter(|&i| {
                let t = &l.snapshot.tasks[i];
                t.report == R
                    && t.source.section.starts_with("Phụ lục 01")
                    && l.snapshot.task_status(i) == s
            })
            .count()
    };
    assert_eq!(count(Status::Done), 8);
    assert_eq!(count(Status::InProgress), 5);
    assert_eq!(count(Status::Waiting), 1);
    assert_eq!(count(Status::Unknown), 26);
}

#[test]
fn phu_luc_01_sample_rows() {
    let l = load();
    let (_, t1) = task(&l, 1);
    assert_eq!(t1.source.line, Some(392));
    assert_eq!(t1.source.row.as_deref(), Some("1"));
    assert!(t1
        .title
        .starts_with("Xây dựng kế hoạch kiểm tra, giám sát việc triển khai"));
    assert_eq!(
        t1.lead_raw,
        "Công an tỉnh, UBND các huyện, thị xã, thành phố"
    );
    assert_eq!(t1.lead_units, ["binh-dinh-cong-an", "binh-dinh-ubnd-huyen"]);
    assert_eq!(t1.deadline_raw, "Trong năm 2024");
    assert_eq!(t1.status_raw, "");
    assert!(t1
        .result
        .contains("Báo cáo số 5016/BC-CAT-PC06 ngày 27/11/2024"));

    let (_, t2) = task(&l, 2);
    assert_eq!(t2.lead_raw, "Công an tinh");
    assert_eq!(t2.lead_units, ["binh-dinh-cong-an"]);
    // three page parts joined (lines 395, 398, 401)
    assert!(t2
        .result
        .contains("15- Mô hình 42: Trung tâm Giám sát an ninh mạng SOC tỉnh."));
    assert!(t2
        .result
        .ends_with("* Chưa triển khai: 7 (10, 12, 13, 14, 19, 21, 22)."));

    let (_, t4) = task(&l, 4);
    assert_eq!(
        t4.lead_units,
        ["binh-dinh-so-tai-chinh", "binh-dinh-so-khdt"]
    );
    assert_eq!(t4.deadline_raw, "Tháng 3/2024");
    assert!(t4.result.contains("18.535.000.000 đồng"));

    let (_, t7) = task(&l, 7);
    assert_eq!(t7.deadline_raw, "Vào ngày 22 hàng tháng");
    assert_eq!(t7.result, "Thực hiện theo đúng quy định");

    let (_, t10) = task(&l, 10);
    assert_eq!(
        t10.title,
        "Rà soát triển khai tối thiểu 20 dịch vụ công không sử dụng hồ sơ giấy"
    );
    assert!(t10.result.ends_with("theo Quyết định số 1027/QĐ-UBND ngày 05/4/2023 và Quyết định số 2632/QĐ-UBND ngày 19/7/2023 của UBND tỉnh."));
    assert_eq!(t10.deadline_raw, "Tháng 6/2024");

    let (i19, t19) = task(&l, 19);
    assert_eq!(t19.lead_raw, "Bảo hiểm xã hội tỉnh");
    assert_eq!(t19.lead_units, ["binh-dinh-bhxh"]);
    assert_eq!(t19.deadline_raw, "Theo lộ trình hướng dẫn Cục C06");
    assert_eq!(t19.status_raw, "Đã triển khai thực hiện");
    assert_eq!(l.snapshot.task_status(i19), Status::Done);

    let (_, t20) = task(&l, 20);
    assert_eq!(t20.lead_units, ["binh-dinh-so-ldtbxh", "binh-dinh-bhxh"]);
    assert_eq!(
        t20.deadline_raw,
        "Từ tháng 01/2024 và thực hiện thường xuyên"
    );
    assert_eq!(t20.status_raw, "Đang triển khai");

    let (i27, t27) = task(&l, 27);
    assert_eq!(t27.result, "Chờ hướng dẫn");
    assert_eq!(t27.deadline_raw, "Theo Lộ trình của Chính phủ");
    assert_eq!(l.snapshot.task_status(i27), Status::Waiting);

    let (_, t28) = task(&l, 28);
    assert_eq!(t28.lead_raw, "Sở Kế hoạch đầu tư");
    assert_eq!(t28.lead_units, ["binh-dinh-so-khdt"]);
    assert_eq!(t28.title, "Thực hiện tích hợp, kết nối và chia sẻ dữ liệu doanh nghiệp giữa Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp với Hệ thống thông tin giải quyết thủ tục hành chính cấp bộ, cấp tỉnh.");
    assert_eq!(t28.deadline_raw, "Quý I/2024");
    assert_eq!(t28.source.section, "Phụ lục 01, mục V");

    let (_, t32) = task(&l, 32);
    assert_eq!(
        t32.lead_units,
        [
            "binh-dinh-so-ldtbxh",
            "binh-dinh-so-y-te",
            "binh-dinh-so-tnmt"
        ]
    );
    let (_, t36) = task(&l, 36);
    assert_eq!(t36.deadline_raw, "Năm 2024.");
    assert_eq!(t36.lead_units, ["binh-dinh-so-tttt"]);
    let (_, t38) = task(&l, 38);
    assert_eq!(t38.lead_units, ["binh-dinh-tinh-doan"]);
    let (i40, t40) = task(&l, 40);
    assert!(t40
        .title
        .ends_with("từng bước hình thành công dân số, xã hội số."));
    assert_eq!(l.snapshot.task_status(i40), Status::InProgress);
}

#[test]
fn phu_luc_02_rows_per_group() {
    let l = load();
    let rows: Vec<&Assessment> = l
        .snapshot
        .assessments
        .iter()
        .filter(|a| a.report == R)
        .collect();
    // 42 rows (STT 1-42), the last one (Mô hình 43) on line 597, the last line of the file.
    assert_eq!(rows.len(), 42);
    // (group, first STT, last STT, local "Mô hình" numbers), counted by hand; the printed group
    // counts are 05, 16, 10, 03, 06 (40 in all).
    let groups: [(&str, u32, u32, Vec<u32>); 5] = [
        ("Phụ lục 02, nhóm I", 1, 4, vec![1, 3, 4, 5]),
        ("Phụ lục 02, nhóm II", 5, 21, (6..=22).collect()),
        ("Phụ lục 02, nhóm III", 22, 32, (23..=33).collect()),
        ("Phụ lục 02, nhóm IV", 33, 35, vec![34, 35, 36]),
        ("Phụ lục 02, nhóm V", 36, 42, (37..=43).collect()),
    ];
    for (g, first, last, locals) in groups {
        let in_g: Vec<&&Assessment> = rows.iter().filter(|a| a.source.section == g).collect();
        let stt: Vec<u32> = in_g
            .iter()
            .map(|a| a.source.row.as_deref().unwrap().parse().unwrap())
            .collect();
        assert_eq!(stt, (first..=last).collect::<Vec<u32>>(), "{g}");
        let ls: Vec<u32> = in_g
            .iter()
            .map(|a| a.local_number.as_deref().unwrap().parse().unwrap())
            .collect();
        assert_eq!(ls, locals, "{g}");
    }
    // National number: the same up to 22, one more from the province's 23 on.
    for a in &rows {
        let local: u32 = a.local_number.as_deref().unwrap().parse().unwrap();
        let national = if local <= 22 { local } else { local + 1 };
        assert_eq!(a.model, Some(national), "{}", a.id);
        assert_eq!(a.locality.as_deref(), Some("binh-dinh"));
    }
    assert!(!rows.iter().any(|a| a.local_number.as_deref() == Some("2")));
    // Every national model but 2 (Kiosk) and 23 (bãi xe) is assessed exactly once.
    let mut national: Vec<u32> = rows.iter().map(|a| a.model.unwrap()).collect();
    national.sort();
    let expected: Vec<u32> = (1..=44).filter(|n| *n != 2 && *n != 23).collect();
    assert_eq!(national, expected);
    // Each row sits in the group of its national model.
    for a in &rows {
        let m = l
            .snapshot
            .models
            .iter()
            .find(|m| Some(m.number) == a.model)
            .unwrap();
        assert_eq!(
            a.source.section,
            format!("Phụ lục 02, nhóm {}", m.group),
            "{}",
            a.id
        );
    }
}

#[test]
fn phu_luc_02_sample_rows() {
    let l = load();
    let a1 = row(&l, 1);
    assert_eq!(a1.model, Some(1));
    assert_eq!(
        a1.title_raw,
        "Mô hình 1: Triển khai 53 dịch vụ công thiết yếu"
    );
    assert!(a1
        .result
        .starts_with("- Đã triển khai 25/25 DVC thiết yếu theo Đề án 06."));
    assert_eq!(a1.cost, "Không cần đầu tư kinh phí");
    assert_eq!(
        a1.status_raw,
        "Mô hình đã hoàn thành và đang tiếp tục triển khai áp dụng trên toàn tỉnh"
    );
    assert_eq!(a1.source.line, Some(491));

    // STT 6 (Mô hình 7): cells shifted one to the left, placed by meaning.
    let a6 = row(&l, 6);
    assert_eq!(a6.model, Some(7));
    assert_eq!(a6.difficulties, "");
    assert_eq!(a6.effectiveness, "<p>Người dân tiến hành đăng ký khám chữa bệnh thông qua công nghệ tự động hóa được hỗ trợ tại Kios</p>");
    assert_eq!(a6.cost, "Đầu tư kinh phí mua KIOSK thông minh");
    assert_eq!(
        a6.status_raw,
        "Mô hình đã hoàn thành và đang tiếp tục triển khai áp dụng trên toàn tỉnh"
    );

    let a9 = row(&l, 9);
    assert_eq!(a9.local_number.as_deref(), Some("10"));
    assert_eq!(a9.result, "Chưa triển khai");
    assert_eq!(a9.status_raw, "");

    let a22 = row(&l, 22);
    assert_eq!(a22.local_number.as_deref(), Some("23"));
    assert_eq!(a22.model, Some(24));
    assert_eq!(a22.title_raw, "Mô hình 23: Đảm bảo điều kiện công dân số");
    assert!(a22.result.ends_with(
        "tỉnh đã cấp 47.981 chữ ký số công cộng (của các DN: VNPT, Viettel, Misa và BKAV)."
    ));

    let a28 = row(&l, 28);
    assert_eq!(
        a28.title_raw,
        "Mô hình 29: Triển khai tố giác tội phạm qua ứng dụng VNNeID"
    );
    assert_eq!(a28.model, Some(30));
    assert_eq!(a28.cost, "Không cần đầu tư kinh phí");

    let a31 = row(&l, 31);
    assert_eq!(a31.model, Some(33));
    assert_eq!(a31.cost, "<p>Không cần đầu tư kinh phí</p>");
    assert_eq!(a31.status_raw, "Hoàn thành");
    assert_eq!(a31.effectiveness, "");

    let a33 = row(&l, 33);
    assert_eq!(a33.model, Some(35));
    assert_eq!(
        a33.localities,
        [
            "binh-dinh-phu-my",
            "binh-dinh-tuy-phuoc",
            "binh-dinh-an-lao",
            "binh-dinh-phu-cat",
            "binh-dinh-tay-son"
        ]
    );
    assert_eq!(a33.printed_count.as_deref(), Some("05 huyện"));

    let a41 = row(&l, 41);
    assert_eq!(a41.model, Some(43));
    assert_eq!(
        a41.title_raw,
        "<b>Mô hình 42:</b> Trung tâm Giám sát an ninh mạng SOC Tỉnh"
    );
    assert_eq!(a41.cost, "Kinh phí đầu tư, nâng cấp hệ thống thông tin");
    assert_eq!(
        a41.status_raw,
        "Mô hình đã hoàn thành và tiếp tục triển khai nhiệm vụ thường xuyên"
    );

    // STT 42 (Mô hình 43 = national 44), line 597: no page break, every cell in its column.
    let a42 = row(&l, 42);
    assert_eq!(a42.model, Some(44));
    assert_eq!(a42.local_number.as_deref(), Some("43"));
    assert_eq!(a42.source.line, Some(597));
    assert_eq!(a42.source.section, "Phụ lục 02, nhóm V");
    assert_eq!(a42.title_raw, "<b>Mô hình 43:</b> Tổ chức đào tạo, tập huấn an ninh, an toàn, bảo mật thông tin cho người sử dụng cuối (end user)");
    assert!(a42
        .result
        .starts_with("Công an tỉnh đã ban hành Kế hoạch triển khai, mở lớp đào tạo trực tuyến trên nền tảng dean06.daotao.ai"));
    assert!(a42
        .difficulties
        .starts_with("Việc đăng ký tài khoản trên hệ thống daotao.ai"));
    assert_eq!(a42.effectiveness, "- Nâng cao hiệu quả công tác phổ biến, giáo dục, đào tạo, tiết kiệm thời gian, chi phí triển khai.");
    assert_eq!(a42.cost, "Không cần đầu tư kinh phí");
    assert_eq!(
        a42.status_raw,
        "Tiếp tục triển khai toàn tỉnh trong thời gian tới"
    );
    assert!(a42.localities.is_empty());
}

#[test]
fn locality_lists_and_definitions() {
    let l = load();
    let rows: Vec<&Assessment> = l
        .snapshot
        .assessments
        .iter()
        .filter(|a| a.report == R)
        .collect();
    // (STT, localities named in the row), read by hand; every other row names none.
    let lists: [(u32, usize); 4] = [(15, 1), (16, 1), (17, 1), (33, 5)];
    for (stt, n) in lists {
        assert_eq!(row(&l, stt).localities.len(), n, "STT {stt}");
    }
    assert_eq!(row(&l, 15).localities, ["binh-dinh-quy-nhon"]);
    assert_eq!(row(&l, 16).localities, ["binh-dinh-nhon-hoi"]);
    assert_eq!(row(&l, 17).localities, ["binh-dinh-quy-nhon"]);
    assert_eq!(rows.iter().filter(|a| !a.localities.is_empty()).count(), 4);

    let locs: Vec<_> = l
        .snapshot
        .localities
        .iter()
        .filter(|x| x.id.starts_with("binh-dinh-"))
        .collect();
    assert_eq!(locs.len(), 15);
    let parent = |id: &str| {
        locs.iter()
            .find(|x| x.id == id)
            .unwrap()
            .parent
            .clone()
            .unwrap()
    };
    assert_eq!(parent("binh-dinh-quy-nhon"), "binh-dinh");
    assert_eq!(parent("binh-dinh-my-trinh"), "binh-dinh-phu-my");
    assert_eq!(parent("binh-dinh-cat-tuong"), "binh-dinh-phu-cat");
    assert_eq!(parent("binh-dinh-nhon-loc"), "binh-dinh-an-nhon");
    assert_eq!(parent("binh-dinh-hai-cang"), "binh-dinh-quy-nhon");

    let units: Vec<_> = l
        .snapshot
        .units
        .iter()
        .filter(|u| u.id.starts_with("binh-dinh-"))
        .collect();
    assert_eq!(units.len(), 17);
    assert!(units
        .iter()
        .all(|u| u.locality.as_deref() == Some("binh-dinh")));
}

#[test]
fn figures_of_the_body() {
    let l = load();
    let all: Vec<&Indicator> = l
        .snapshot
        .indicators
        .iter()
        .filter(|i| i.report == R)
        .collect();
    assert_eq!(
        all.len(),
        217,
        "213 figures + 4 targets of mục II.7.1.a and II.7.3.(1)"
    );
    assert!(all
        .iter()
        .all(|i| i.locality.as_deref() == Some("binh-dinh")));

    let k = ind(&l, "kinh-phi");
    assert_eq!(k.value, Some(18_535_000_000.0));
    assert_eq!(k.unit.as_deref(), Some("đồng"));
    assert_eq!(k.source.line, Some(106));

    let t = ind(&l, "du-lieu-thue");
    assert_eq!(
        t.raw,
        "đã rà soát chuẩn hóa Mã số thuế cá nhân đạt 99,51% (112.315/112.864)"
    );
    assert_eq!(
        (t.numerator, t.denominator),
        (Some(112_315.0), Some(112_864.0))
    );
    assert_eq!(t.percent_raw.as_deref(), Some("99,51%"));
    assert_eq!(t.source.line, Some(78));

    let b = ind(&l, "du-lieu-bhxh");
    assert_eq!(b.value, Some(1_417_643.0));
    assert_eq!(b.percent_raw.as_deref(), Some("99.48%"));

    let g = ind(&l, "du-lieu-giao-vien");
    assert_eq!(
        (g.numerator, g.denominator),
        (Some(31_385.0), Some(21_394.0))
    );
    assert_eq!(g.percent_raw.as_deref(), Some("99,96%"));

    let hs = ind(&l, "du-lieu-hoc-sinh");
    assert_eq!(
        (hs.numerator, hs.denominator),
        (Some(330_746.0), Some(334_357.0))
    );

    let a = ind(&l, "ddt-kich-hoat");
    assert_eq!(
        (a.numerator, a.denominator),
        (Some(1_124_445.0), Some(1_224_975.0))
    );
    assert_eq!(a.percent_raw.as_deref(), Some("91,79%"));
    assert_eq!(a.source.line, Some(266));

    let c = ind(&l, "ca-dvc-the-can-cuoc");
    assert_eq!(
        (c.numerator, c.denominator),
        (Some(86_205.0), Some(113_796.0))
    );
    assert_eq!(c.percent_raw.as_deref(), Some("75.75 %"));
    assert_eq!(
        c.as_of.map(|d| d.to_string()).as_deref(),
        Some("2024-12-15")
    );

    let lh = ind(&l, "luong-huu-tai-khoan");
    assert_eq!(
        (lh.numerator, lh.denominator),
        (Some(16_331.0), Some(32_901.0))
    );

    let so = ind(&l, "so-hoa-ho-so");
    assert_eq!(so.value, Some(93.9));
    assert_eq!(so.percent_raw.as_deref(), Some("93,9%"));

    let ls = ind(&l, "liet-si");
    assert_eq!(
        (ls.numerator, ls.denominator),
        (Some(6_210.0), Some(31_847.0))
    );
    assert_eq!(ls.percent_raw.as_deref(), Some("25.6%"));

    let ht = ind(&l, "pl01-30-ho-tich-nhap");
    assert_eq!(ht.numerator, Some(1_536_816.0));
    assert_eq!(ht.denominator, None);

    // The checker flags the percentages that disagree with their own fractions.
    let flagged: Vec<&str> = l
        .findings
        .iter()
        .filter(|f| f.kind == "percent" && f.report.as_deref() == Some(R))
        .filter_map(|f| f.printed.as_deref())
        .collect();
    assert!(flagged.contains(&"99,96%"));
    assert!(flagged.contains(&"25.6%"));
}

#[test]
fn blockers_and_proposals() {
    let l = load();
    let all: Vec<&Blocker> = l
        .snapshot
        .blockers
        .iter()
        .filter(|b| b.report == R)
        .collect();
    assert_eq!(all.len(), 40);
    let kind = |k: BlockerKind| all.iter().filter(|b| b.kind == k).count();
    assert_eq!(kind(BlockerKind::Proposal), 5);
    assert_eq!(kind(BlockerKind::Gap), 6);
    assert_eq!(kind(BlockerKind::Difficulty), 29);
    // 28 model rows of Phụ lục 02 have a difficulty (Mô hình 21, 22: printed in the next column)
    let mut with_kk: Vec<u32> = all.iter().filter_map(|b| b.model).collect();
    with_kk.sort();
    assert_eq!(
        with_kk,
        [
            1, 3, 4, 5, 6, 8, 9, 10, 11, 12, 15, 16, 17, 18, 19, 20, 21, 22, 24, 25, 26, 32, 34,
            35, 37, 40, 41, 44
        ]
    );
    let m43 = blocker(&l, "bd-258-pl02-42-kk");
    assert_eq!(m43.model, Some(44));
    assert_eq!(m43.source.line, Some(597));
    assert_eq!(m43.causes, [Cause::Infrastructure]);

    let p2 = blocker(&l, "bd-258-kn-2");
    assert_eq!(p2.addressees, ["bo-cong-an", "c06"]);
    assert!(p2.text.starts_with(
        "2. Bộ Công an (Cục Cảnh sát quản lý hành chính về trật tự xã hội) đẩy nhanh"
    ));
    let p4 = blocker(&l, "bd-258-kn-4");
    assert_eq!(p4.addressees, ["bo-cong-an", "van-phong-chinh-phu"]);
    assert_eq!(p4.causes, [Cause::Funding]);
    assert!(p4.text.ends_with("Đề nghị Trung ương hàng năm quan tâm bố trí kinh phí hỗ trợ bổ sung cho địa phương để thực hiện Đề án 06."));
    let p5 = blocker(&l, "bd-258-kn-5");
    assert_eq!(p5.addressees, ["c06", "bo-cong-an"]);

    let g6 = blocker(&l, "bd-258-kk-6");
    assert_eq!(g6.causes, [Cause::Security]);
    assert_eq!(g6.source.line, Some(316));

    let m12 = blocker(&l, "bd-258-pl02-11-kk");
    assert_eq!(m12.model, Some(12));
    assert_eq!(m12.text, "C06 chưa hoàn thiện cơ sở pháp lý");
    assert_eq!(m12.causes, [Cause::Legal]);
    let m21 = blocker(&l, "bd-258-pl02-20-kk");
    assert_eq!(m21.model, Some(21));
    assert!(m21.text.contains("845 phòng thi"));
}

#[test]
fn checker_shows_where_the_report_disagrees_with_itself() {
    let l = load();
    let mine: Vec<_> = l
        .findings
        .iter()
        .filter(|f| f.report.as_deref() == Some(R))
        .collect();
    let headline = |printed: &str, computed: &str| {
        mine.iter().any(|f| {
            f.kind == "headline"
                && f.printed.as_deref().is_some_and(|p| p.contains(printed))
                && f.computed.as_deref() == Some(computed)
        })
    };
    // 38 done is not compared with the 8 rows whose result cell begins "hoàn thành": not comparable.
    assert!(!headline("38 nhiệm vụ", "8"));
    let done = mine
        .iter()
        .find(|f| f.kind == "headline" && f.subject == "bd-258-h-done")
        .expect("listed with its reason");
    assert_eq!(done.computed, None);
    assert!(done.message.contains("không so được"), "{}", done.message);
    // 1 task on the Ministry's roadmap: the one row due "Theo lộ trình hướng dẫn Cục C06" agrees.
    assert!(!mine.iter().any(|f| f.subject == "bd-258-h-in-progress"));
    assert!(headline("(08 NHIỆM VỤ)", "7")); // part IV
                                             // 42 models: the 42 rows of Phụ lục 02 agree
    assert!(!mine.iter().any(|f| f.kind == "headline"
        && f.printed
            .as_deref()
            .is_some_and(|p| p.contains("42 m") || p.contains("42 M"))));
    // 40 tasks: the table agrees
    assert!(!mine.iter().any(|f| f.kind == "headline"
        && f.printed
            .as_deref()
            .is_some_and(|p| p.contains("có 40 nhiệm vụ"))));
    // the province's model numbers 23-43 are national 24-44
    assert_eq!(mine.iter().filter(|f| f.kind == "numbering").count(), 21);
}

#[test]
fn figures_of_the_appendices() {
    let l = load();
    let appendix: Vec<&Indicator> = l
        .snapshot
        .indicators
        .iter()
        .filter(|i| i.report == R && i.source.section.starts_with("Phụ lục"))
        .collect();
    // per row, counted by hand
    let per = |sec: &str, row: &str| {
        appendix
            .iter()
            .filter(|i| i.source.section == sec && i.source.row.as_deref() == Some(row))
            .count()
    };
    assert_eq!(per("Phụ lục 01, mục II", "10"), 1);
    assert_eq!(per("Phụ lục 01, mục II", "15"), 1);
    assert_eq!(per("Phụ lục 01, mục III", "20"), 2);
    assert_eq!(per("Phụ lục 01, mục IV", "25"), 6);
    assert_eq!(per("Phụ lục 01, mục V", "30"), 7);
    assert_eq!(per("Phụ lục 01, mục V", "32"), 7);
    assert_eq!(per("Phụ lục 02, nhóm II", "19"), 6);
    assert_eq!(per("Phụ lục 02, nhóm IV", "34"), 6);
    assert_eq!(per("Phụ lục 02, nhóm IV", "35"), 2);
    assert_eq!(appendix.len(), 60);

    let a = ind(&l, "pl01-20-tai-khoan-asxh");
    assert_eq!(a.value, Some(13_806.0));
    assert_eq!(a.unit.as_deref(), Some("tài khoản"));
    assert_eq!(
        a.as_of.map(|d| d.to_string()).as_deref(),
        Some("2024-12-15")
    );
    assert_eq!(a.source.line, Some(436));
    assert!(a
        .raw
        .contains("lũy kế từ tháng 02/2014 đến ngày 15/12/2024 là 13.806 tài khoản"));
    assert_eq!(ind(&l, "pl01-20-tien-chi-tra-asxh").value, Some(63_672.0));
    let m20 = ind(&l, "pl02-m20-tai-khoan-asxh");
    assert_eq!(m20.value, Some(13_791.0));
    assert_eq!(m20.source.line, Some(538));
    let m36 = ind(&l, "pl02-m36-tai-khoan-asxh");
    assert_eq!(m36.value, Some(13_631.0));
    assert_eq!(
        m36.as_of.map(|d| d.to_string()).as_deref(),
        Some("2024-09-15")
    );
    assert_eq!(ind(&l, "pl02-m36-tien-chi-tra-asxh").value, Some(40_519.0));
    assert_eq!(ind(&l, "pl02-m20-du-no").value, Some(737_100.0));
    assert_eq!(ind(&l, "pl02-m20-loc-phat-du-no").value, Some(280.0));
    assert_eq!(ind(&l, "pl02-m17-hoc-vien-sat-hach").value, Some(315.0));
    assert_eq!(ind(&l, "pl02-m29-tin-bao-vneid").value, Some(116.0));
    assert_eq!(ind(&l, "pl02-m28-mooc-2023").value, Some(1_654.0));
    assert_eq!(ind(&l, "pl01-15-tthc-tu-dong-dien").value, Some(104.0));
    assert_eq!(ind(&l, "chi-tieu-qd235").value, Some(7.0));
    // the civil-status transfer of dòng 30, by kind, adds up to the printed 1.475.598
    let parts: f64 = [
        "khai-sinh",
        "ket-hon",
        "khai-tu",
        "nhan-cha-me-con",
        "xac-nhan-hon-nhan",
    ]
    .iter()
    .map(|k| {
        ind(&l, &format!("pl01-30-ho-tich-chuyen-{k}"))
            .value
            .unwrap()
    })
    .sum();
    assert_eq!(parts, 1_475_598.0);
    assert_eq!(ind(&l, "pl01-30-ho-tich-chuyen").value, Some(1_475_598.0));
    // three sets of association members: body, Phụ lục 01 dòng 32, Phụ lục 02 Mô hình 35
    assert_eq!(ind(&l, "hoi-vien-nong-dan").value, Some(15_444.0));
    assert_eq!(ind(&l, "pl01-32-hoi-nong-dan").value, Some(14_616.0));
    assert_eq!(ind(&l, "pl02-m35-hoi-nong-dan").value, Some(11_281.0));
    // every appendix figure's raw text is printed in its row's result cell
    for i in &appendix {
        let row = i.source.row.as_deref().unwrap();
        let in_task = l
            .snapshot
            .tasks
            .iter()
            .any(|t| t.id == format!("bd-258-pl01-{row}") && t.result.contains(i.raw.as_str()));
        let in_model = l
            .snapshot
            .assessments
            .iter()
            .any(|a| a.id == format!("bd-258-pl02-{row}") && a.result.contains(i.raw.as_str()));
        let from = if i.source.section.starts_with("Phụ lục 01") {
            in_task
        } else {
            in_model
        };
        assert!(from, "{}", i.id);
    }
}

#[test]
fn last_numbered_row_of_every_table_is_present() {
    let l = common::load();
    common::assert_last_rows(
        &l,
        "bd-258",
        597,
        &[
            // seed 001_41c211600f587ec3.txt: 597 lines, no newline after the last (Phụ lục 02, row 42)
            ("Phụ lục 01, mục I", "8", 409),
            ("Phụ lục 01, mục II", "17", 429),
            ("Phụ lục 01, mục III", "20", 436),
            ("Phụ lục 01, mục IV", "27", 449),
            ("Phụ lục 01, mục V", "33", 461),
            ("Phụ lục 01, mục VI", "36", 468),
            ("Phụ lục 01, mục VII", "40", 479),
            ("Phụ lục 02, nhóm I", "4", 497),
            ("Phụ lục 02, nhóm II", "21", 540),
            ("Phụ lục 02, nhóm III", "32", 573),
            ("Phụ lục 02, nhóm IV", "35", 580),
            ("Phụ lục 02, nhóm V", "42", 597),
        ],
    );
}

#[test]
fn every_section_has_records_or_a_note() {
    // seed 001: the body's sections (line 23–358) and the two appendices, by heading as printed
    // (section, heading, first line, last line), read by hand from the source.
    let l = common::load();
    common::assert_every_section_accounted(
        &l,
        "bd-258",
        &[
        ("Mục I", "I. KHÁI QUÁT TÌNH HÌNH", 23, 40),
        ("Mục II.1", "1. Công tác tham mưu chỉ đạo, triển khai, tuyên truyền", 42, 56),
        ("Mục II.2", "2. Về hoàn thiện thể chế", 58, 60),
        ("Mục II.3", "3. Về hạ tầng công nghệ thông tin", 62, 66),
        ("Mục II.4", "4. Thu thập, rà soát, xác minh làm sạch dữ liệu CSDLQG, cơ sở dữ liệu (CSDL) chuyên ngành.", 68, 84),
        ("Mục II.5", "5. Về công tác an ninh, an toàn thông tin", 86, 100),
        ("Mục II.6.a", "a) Về kinh phí", 102, 106),
        ("Mục II.6.b", "b) Về nguồn nhân lực", 108, 120),
        ("Mục II.7.1.a", "a) Mục tiêu đến năm 2025", 122, 124),
        ("Mục II.7.1.b", "b) Về pháp lý thực hiện", 126, 136),
        ("Mục II.7.1.c", "c) Về triển khai dịch vụ công:", 138, 206),
        ("Mục II.7.2.a", "a) Mục tiêu đến năm 2025", 208, 212),
        ("Mục II.7.2.b.(i)", "(i) Ứng dụng trong lĩnh vực ngân hàng", 214, 216),
        ("Mục II.7.2.b.(ii)", "(ii) Ứng dụng trong lĩnh vực y tế", 218, 226),
        ("Mục II.7.2.b.(iii)", "(iii) Ứng dụng trong lĩnh vực Bảo hiểm xã hội (BHXH)", 228, 236),
        ("Mục II.7.2.b.(iv)", "(iv) Ứng dụng trong lĩnh vực giáo dục", 238, 240),
        ("Mục II.7.2.b.(v)", "(v) Ứng dụng trong lĩnh vực giao thông", 242, 246),
        ("Mục II.7.2.b.(vi)", "(vi) Ứng dụng trong lĩnh vực thuế", 248, 254),
        ("Mục II.7.3.(1)", "(1) Mục tiêu đến năm 2025", 256, 260),
        ("Mục II.7.3.(2)", "(2) Kết quả triển khai ứng dụng công dân số tại địa phương", 262, 266),
        ("Mục II.8", "8. Kết quả triển khai mô hình điểm về Đề án 06", 268, 276),
        ("Mục II.9", "9. Việc triển khai các nhiệm vụ theo Nghị quyết số 175/NQ-CP ngày 30 tháng 10 năm 2023 …", 278, 284),
        ("Mục III.1", "1. Ưu điểm", 286, 300),
        ("Mục III.2", "2. Tồn tại, hạn chế, khó khăn, vướng mắc", 302, 316),
        ("Mục III.3", "3. Bài học kinh nghiệm", 318, 328),
        ("Mục IV", "IV. KIẾN NGHỊ, ĐỀ XUẤT", 330, 344),
        ("Mục V", "V. NHIỆM VỤ TRỌNG TÂM NĂM 2025", 346, 358),
        ("Phụ lục 01", "Phụ lục 01", 384, 482),
        ("Phụ lục 02", "Phụ lục 02", 484, 597),
        ],
    );
}

#[test]
fn priority_tasks_for_2025_are_tasks_of_their_own_section() {
    // Mục V "NHIỆM VỤ TRỌNG TÂM NĂM 2025" (lines 346–358): six items, no unit, the year as deadline.
    let l = common::load();
    let v: Vec<(usize, &Task)> = l
        .snapshot
        .tasks
        .iter()
        .enumerate()
        .filter(|(_, t)| t.report == R && t.source.section == "Mục V")
        .collect();
    let lines: Vec<Option<u32>> = v.iter().map(|(_, t)| t.source.line).collect();
    assert_eq!(
        lines,
        [348, 350, 352, 354, 356, 358].map(Some).to_vec(),
        "one task per item, in order"
    );
    for (i, t) in &v {
        assert_eq!(t.section.as_deref(), Some("V. NHIỆM VỤ TRỌNG TÂM NĂM 2025"));
        assert_eq!(t.deadline_raw, "NĂM 2025");
        assert_eq!(
            l.snapshot
                .task_deadline(*i)
                .due()
                .map(|d| d.to_string())
                .as_deref(),
            Some("2025-12-31")
        );
        assert!(
            t.lead_units.is_empty() && t.status_raw.is_empty(),
            "{}",
            t.id
        );
        assert!(
            !t.title.starts_with("**") && !t.title.ends_with("**"),
            "{}",
            t.id
        );
    }
    assert!(v[0]
        .1
        .title
        .starts_with("Chủ động triển khai thực hiện kịp thời, đồng bộ"));
    assert!(v[5].1.title.ends_with("tại Bộ phận Một cửa các cấp."));
}

#[test]
fn a_model_the_province_has_not_deployed_is_not_counted_deployed_there() {
    // Phụ lục 02 prints "Chưa triển khai (thực hiện)" for the province's models 10, 12, 13, 14,
    // 19, 21, 22 and 33 (national 10, 12, 13, 14, 19, 21, 22, 34).
    let l = common::load();
    let s = &l.snapshot;
    for m in [10, 12, 13, 14, 19, 21, 22, 34] {
        assert!(
            !s.model_localities(m).contains(&"binh-dinh".to_string()),
            "model {m}"
        );
        assert!(!s
            .models_deployed_in(&["binh-dinh"])
            .contains(&s.models.iter().position(|x| x.number == m).unwrap()));
    }
    // A model it reports deployed still counts.
    assert!(s.model_localities(1).contains(&"binh-dinh".to_string()));
    // Where its report of a model and the national list disagree, the finding says so.
    let dep: Vec<&str> = l
        .findings
        .iter()
        .filter(|f| f.kind == "deployment" && f.report.as_deref() == Some(R))
        .map(|f| f.subject.as_str())
        .collect();
    assert_eq!(dep, ["bd-258-pl02-15", "bd-258-pl02-17", "bd-258-pl02-30"]);
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
    let f = conflict("nguoi-quan-tam-kenh-tuyen-truyen-so");
    let printed = f.printed.as_deref().unwrap();
    assert!(printed.contains("260.000") && printed.contains("(tệp nguồn, dòng 476)"));
    assert!(printed.contains("160.000") && printed.contains("(tệp nguồn, dòng 558)"));
    let f = conflict("hoi-vien-nong-dan-da-nhap");
    assert!(
        f.message.contains("15.444 / 14.616 / 11.281"),
        "{}",
        f.message
    );
    let f = conflict("can-cuoc-da-cap");
    assert!(
        f.message.contains("1.423.725 / 1.565.845 / 1.435.496"),
        "{}",
        f.message
    );
    // Hội Chữ thập đỏ: 2.436 twice, 2.271 once
    let f = conflict("hoi-vien-chu-thap-do-da-nhap");
    assert!(
        f.message.contains("2 giá trị khác nhau: 2.436 / 2.271"),
        "{}",
        f.message
    );
}
