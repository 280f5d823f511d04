//! `giaoban minutes --format docx`: the conclusions notice as a Word document in the form of
//! Nghị định 30/2020 (form 1.4), opened as a user's Word would open it (unzipped, its
//! document.xml read).

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_giaoban");

fn giaoban(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("XDG_CONFIG_HOME", dir.join("no-config"))
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The mini snapshot and a journal with two meetings: last week's and this week's.
fn meeting() -> (tempfile::TempDir, String, String) {
    let tmp = tempfile::tempdir().unwrap();
    let data = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/mini")
        .display()
        .to_string();
    let journal = tmp.path().join("j.ron").display().to_string();
    let loaded = giaoban::store::load_path(Path::new(&data)).unwrap();
    let (mut j, _) =
        giaoban::journal::Journal::open(Path::new(&journal), &loaded.snapshot).unwrap();
    use giaoban::journal::{Change, TriageState};
    let at = |t: &str| chrono::DateTime::parse_from_rfc3339(t).unwrap();
    j.record_at(
        "t3",
        Change::State(TriageState::Deferred),
        None,
        at("2025-05-29T09:00:00+07:00"),
    )
    .unwrap();
    j.record_at(
        "t1",
        Change::Conclusion("Sở TT&TT trình UBND tỉnh bổ sung kinh phí".into()),
        None,
        at("2025-06-05T09:10:00+07:00"),
    )
    .unwrap();
    j.record_at(
        "t1",
        Change::Due("2025-08-31".parse().unwrap()),
        None,
        at("2025-06-05T09:11:00+07:00"),
    )
    .unwrap();
    j.record_at(
        "t2",
        Change::State(TriageState::Escalated),
        None,
        at("2025-06-05T09:20:00+07:00"),
    )
    .unwrap();
    drop(j);
    (tmp, data, journal)
}

/// The text of document.xml, paragraph by paragraph.
fn paragraphs(docx: &Path) -> (String, Vec<String>) {
    let mut zip = zip::ZipArchive::new(fs::File::open(docx).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let mut paras = Vec::new();
    for p in xml.split("</w:p>") {
        let mut text = String::new();
        let mut in_tag = false;
        for c in p.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        let text = text
            .replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"");
        if !text.trim().is_empty() {
            paras.push(text.trim().to_string());
        }
    }
    (xml, paras)
}

fn position(paras: &[String], starts: &str) -> usize {
    paras
        .iter()
        .position(|p| p.starts_with(starts))
        .unwrap_or_else(|| panic!("no paragraph starting {starts:?} in {paras:#?}"))
}

const CONFIG: &str = r#"(
    issuer_parent: "Bộ Công an",
    issuer: "Tổ công tác triển khai Đề án 06",
    symbol: "TCT06",
    place: "Hà Nội",
    meeting: "Tổ công tác triển khai Đề án 06",
    chair: "Tổ trưởng Tổ công tác",
    chair_name: "Nguyễn Văn A",
    participants: "các thành viên Tổ công tác",
    venue: "trụ sở Bộ Công an",
    authority: "TM. Tổ công tác",
    signer_title: "Tổ trưởng",
    signer_name: "Nguyễn Văn A",
    recipients: ["Ban Chỉ đạo Đề án 06 (để báo cáo)"],
    archive: "TCT06",
)"#;

#[test]
fn the_notice_has_the_blocks_of_form_1_4_in_order_and_nothing_internal() {
    let (tmp, data, journal) = meeting();
    let config = tmp.path().join("notice.ron");
    fs::write(&config, CONFIG).unwrap();
    let args = [
        "minutes",
        "--format",
        "docx",
        "--journal",
        &journal,
        "--data",
        &data,
        "--config",
        config.to_str().unwrap(),
    ];
    let (code, out, err) = giaoban(tmp.path(), &args);
    assert_eq!(code, 0, "{err}");
    let written = tmp.path().join(out.trim());
    assert!(
        written.ends_with("thong-bao-ket-luan-2025-06-05.docx"),
        "{out}"
    );
    let (xml, p) = paragraphs(&written);
    let order = [
        "BỘ CÔNG AN",
        "TỔ CÔNG TÁC TRIỂN KHAI ĐỀ ÁN 06",
        "Số:",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Hà Nội, ngày 05 tháng 6 năm 2025",
        "THÔNG BÁO",
        "Kết luận của Tổ trưởng Tổ công tác tại cuộc họp giao ban Tổ công tác triển khai Đề án 06 ngày 05/06/2025",
        "Ngày 05/06/2025, tại trụ sở Bộ Công an, Tổ trưởng Tổ công tác Nguyễn Văn A chủ trì",
        "Sau khi nghe báo cáo",
        "1. Sở Thông tin và Truyền thông:",
        "a) Về nhiệm vụ “Triển khai Kiosk tại Trung tâm hành chính công”: Sở TT&TT trình UBND tỉnh bổ sung kinh phí. Thời hạn: 31/08/2025.",
        "2. Sở Tư pháp tỉnh Bình Định:",
        "a) Về nhiệm vụ “Số hoá hộ tịch”: Báo cáo cấp có thẩm quyền xem xét, chỉ đạo. Thời hạn: Quý IV/2024 (theo báo cáo).",
        "Tổ công tác triển khai Đề án 06 thông báo để các cơ quan, đơn vị liên quan biết, thực hiện./.",
        "Nơi nhận:",
        "- Ban Chỉ đạo Đề án 06 (để báo cáo);",
        "- Lưu: VT, TCT06.",
        "TM. TỔ CÔNG TÁC",
        "TỔ TRƯỞNG",
        "Nguyễn Văn A",
        "PHỤ LỤC",
    ];
    let mut last = 0;
    for o in order {
        let at = position(&p[last..], o) + last;
        last = at;
    }
    assert_eq!(p[position(&p, "Số:")], "Số:        /TB-TCT06");
    // Only this week's meeting: last week's deferral is not in it.
    assert!(
        !p.iter().any(|x| x.contains("Kết nối dữ liệu dân cư")),
        "{p:#?}"
    );
    // Nothing internal: no record id, no file line.
    for bad in [
        "t1",
        "t2",
        "bd-1",
        "tệp nguồn",
        "line",
        "(t",
        "so-tttt",
        "c06",
    ] {
        assert!(
            !p.iter()
                .any(|x| x.split([' ', '(', ')', ',']).any(|w| w == bad)),
            "{bad} in {p:#?}"
        );
    }
    // The decree's font and page: Times New Roman, A4, margins 20/20/30/15 mm.
    let mut styles = String::new();
    zip::ZipArchive::new(fs::File::open(&written).unwrap())
        .unwrap()
        .by_name("word/styles.xml")
        .unwrap()
        .read_to_string(&mut styles)
        .unwrap();
    assert!(styles.contains("w:ascii=\"Times New Roman\""), "{styles}");
    assert!(styles.contains("<w:sz w:val=\"28\""), "14 pt: {styles}");
    assert!(
        xml.contains("w:w=\"11906\"") && xml.contains("w:h=\"16838\""),
        "A4"
    );
    assert!(
        xml.contains("w:left=\"1701\"") && xml.contains("w:right=\"850\""),
        "margins"
    );

    // A second notice of the same day gets a new name; the first is kept.
    let (code, out, _) = giaoban(tmp.path(), &args);
    assert_eq!(code, 0);
    assert!(
        out.trim().ends_with("thong-bao-ket-luan-2025-06-05-2.docx"),
        "{out}"
    );
    assert!(written.exists());
}

#[test]
fn placeholders_where_nothing_is_configured_and_sources_can_be_left_out() {
    let (tmp, data, journal) = meeting();
    let out_file: PathBuf = tmp.path().join("tb.docx");
    let (code, _, err) = giaoban(
        tmp.path(),
        &[
            "minutes",
            "--format",
            "docx",
            "--no-sources",
            "--out",
            out_file.to_str().unwrap(),
            "--journal",
            &journal,
            "--data",
            &data,
        ],
    );
    assert_eq!(code, 0, "{err}");
    let (_, p) = paragraphs(&out_file);
    assert!(p.contains(&"[TÊN CƠ QUAN, TỔ CHỨC]".to_string()), "{p:#?}");
    assert!(p
        .iter()
        .any(|x| x.starts_with("[Địa danh], ngày 05 tháng 6 năm 2025")));
    assert!(p.contains(&"[Họ và tên]".to_string()));
    assert!(!p.iter().any(|x| x.starts_with("PHỤ LỤC")), "{p:#?}");

    // A configuration file with a mistake is named with its line and column.
    let bad = tmp.path().join("bad.ron");
    fs::write(
        &bad,
        "(\n    issuer: \"Tổ công tác\",\n    signer: \"x\",\n)",
    )
    .unwrap();
    let (code, _, err) = giaoban(
        tmp.path(),
        &[
            "minutes",
            "--format",
            "md",
            "--config",
            bad.to_str().unwrap(),
            "--journal",
            &journal,
            "--data",
            &data,
        ],
    );
    assert_eq!(code, 1);
    assert!(err.contains("bad.ron:3:"), "{err}");
    assert!(err.contains("signer_title"), "{err}");
}

#[test]
fn the_meeting_record_names_the_meeting_and_gives_its_minutes() {
    let (tmp, data, journal) = meeting();
    let loaded = giaoban::store::load_path(Path::new(&data)).unwrap();
    let (mut j, _) =
        giaoban::journal::Journal::open(Path::new(&journal), &loaded.snapshot).unwrap();
    let at = |t: &str| chrono::DateTime::parse_from_rfc3339(t).unwrap();
    let opened = j
        .open_meeting_at(
            None,
            "đồng chí Trần Văn B, Phó Tổ trưởng",
            "đại diện C06, Sở TTTT tỉnh Bình Định",
            "phòng họp số 2",
            at("2025-06-12T08:30:00+07:00"),
        )
        .unwrap();
    j.record_at(
        "t4",
        giaoban::journal::Change::Conclusion("Hoàn thành làm sạch dữ liệu trong tháng 7".into()),
        None,
        at("2025-06-12T08:45:00+07:00"),
    )
    .unwrap();
    j.close_meeting_at(&opened, at("2025-06-12T10:05:00+07:00"))
        .unwrap();
    drop(j);
    let base = ["--journal", &journal, "--data", &data];
    let (code, out, err) = giaoban(
        tmp.path(),
        &[&["minutes", "--format", "txt"][..], &base[..]].concat(),
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Ngày 12/06/2025, tại phòng họp số 2, [chức vụ người chủ trì] đồng chí Trần Văn B, Phó Tổ trưởng chủ trì"),
        "{out}"
    );
    assert!(
        out.contains("Tham dự cuộc họp có: đại diện C06, Sở TTTT tỉnh Bình Định."),
        "{out}"
    );
    assert!(out.contains("Làm sạch dữ liệu"), "{out}");
    assert!(
        !out.contains("Số hoá hộ tịch"),
        "only the last meeting: {out}"
    );

    let (code, out, err) = giaoban(
        tmp.path(),
        &[
            &["minutes", "--bien-ban", "--format", "docx"][..],
            &base[..],
        ]
        .concat(),
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.trim().ends_with("bien-ban-2025-06-12.docx"), "{out}");
    let (_, p) = paragraphs(&tmp.path().join(out.trim()));
    let order = [
        "Số:        /BB-[CQ]",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "BIÊN BẢN",
        "Cuộc họp giao ban",
        "Thời gian bắt đầu: 08 giờ 30, ngày 12/06/2025.",
        "Địa điểm: phòng họp số 2.",
        "Thành phần tham dự: đại diện C06, Sở TTTT tỉnh Bình Định.",
        "Chủ trì (chủ tọa): đồng chí Trần Văn B, Phó Tổ trưởng.",
        "Thư ký (người ghi biên bản):",
        "a) Về nhiệm vụ “Làm sạch dữ liệu”: Hoàn thành làm sạch dữ liệu trong tháng 7.",
        "Cuộc họp kết thúc vào 10 giờ 05, ngày 12/06/2025./.",
        "THƯ KÝ",
        "CHỦ TỌA",
    ];
    let mut last = 0;
    for o in order {
        last += position(&p[last..], o);
    }
}
