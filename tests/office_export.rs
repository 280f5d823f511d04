//! `giaoban export` for spreadsheets, as a user runs it: CSV that Excel opens right (read back
//! with the `csv` crate) and xlsx (read back with `calamine`).

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use calamine::{open_workbook_auto, Data, Reader};

const BIN: &str = env!("CARGO_BIN_EXE_giaoban");

fn giaoban(args: &[&str]) -> (i32, Vec<u8>, String) {
    let out = Command::new(BIN).args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The mini snapshot, copied, with a task whose title would run as a formula in Excel.
fn hostile_copy() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    fs::create_dir(&dir).unwrap();
    let mini = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
    for e in fs::read_dir(mini).unwrap() {
        let p = e.unwrap().path();
        let mut text = fs::read_to_string(&p).unwrap();
        if p.ends_with("report-a.ron") {
            assert!(text.contains("\"Làm sạch dữ liệu\""));
            text = text.replace(
                "\"Làm sạch dữ liệu\"",
                "\"=HYPERLINK(\\\"http://x.invalid\\\";\\\"bấm\\\")\"",
            );
        }
        fs::write(dir.join(p.file_name().unwrap()), text).unwrap();
    }
    (tmp, dir)
}

fn read_csv(bytes: &[u8], delimiter: u8) -> (Vec<String>, Vec<Vec<String>>) {
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "no byte-order mark"
    );
    let mut r = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(&bytes[3..]);
    let headers = r.headers().unwrap().iter().map(str::to_string).collect();
    let rows = r
        .records()
        .map(|x| x.unwrap().iter().map(str::to_string).collect())
        .collect();
    (headers, rows)
}

fn col(headers: &[String], name: &str) -> usize {
    headers
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {headers:?}"))
}

#[test]
fn csv_opens_in_excel_with_vietnamese_headers_names_and_no_formula() {
    let (_tmp, dir) = hostile_copy();
    let data = dir.display().to_string();
    let (code, out, err) = giaoban(&["export", "tasks", "--format", "csv", "--data", &data]);
    assert_eq!(code, 0, "{err}");
    let (headers, rows) = read_csv(&out, b',');
    assert_eq!(rows.len(), 4);
    assert_eq!(&headers[..3], ["Mã", "Báo cáo", "Tên báo cáo"]);
    let title = col(&headers, "Nội dung");
    let lead = col(&headers, "Đơn vị chủ trì");
    let status = col(&headers, "Trạng thái");
    let t4 = rows.iter().find(|r| r[0] == "t4").unwrap();
    assert_eq!(
        t4[title], "'=HYPERLINK(\"http://x.invalid\";\"bấm\")",
        "the formula is neutralised"
    );
    let t1 = &rows[0];
    assert!(t1[lead].contains("Sở Thông tin và Truyền thông"), "{t1:?}");
    assert_eq!(t1[col(&headers, "Địa phương")], "Bình Định");
    assert!(!t1[status].is_empty());
    for r in &rows {
        for c in r {
            let formula = c.starts_with(['=', '+', '-', '@', '\t', '\r']);
            assert!(!formula || c.parse::<f64>().is_ok(), "{c:?} would run");
        }
    }

    // English headers, and ';' for a decimal comma.
    let (code, out, _) = giaoban(&[
        "export",
        "tasks",
        "--format",
        "csv",
        "--delimiter",
        ";",
        "--lang",
        "en",
        "--data",
        &data,
    ]);
    assert_eq!(code, 0);
    let (headers, rows) = read_csv(&out, b';');
    assert_eq!(&headers[..3], ["Id", "Report", "Report name"]);
    assert_eq!(rows[0][col(&headers, "Lead units")], rows[0][lead]);
    let (code, _, err) = giaoban(&["export", "tasks", "--format", "csv", "--delimiter", "|"]);
    assert_eq!(code, 1);
    assert!(err.contains("dùng ',', ';' hoặc 'tab'"), "{err}");
}

#[test]
fn the_shipped_cells_that_start_with_a_dash_are_neutralised() {
    let (code, out, err) = giaoban(&["export", "tasks", "--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    let (headers, rows) = read_csv(&out, b',');
    let result = col(&headers, "Kết quả");
    let dashed = rows.iter().filter(|r| r[result].starts_with("'-")).count();
    assert!(dashed >= 5, "{dashed} neutralised result cells");
    for c in rows.iter().flatten() {
        assert!(!c.starts_with('-') || c.parse::<f64>().is_ok(), "{c:?}");
    }
}

#[test]
fn decisions_in_force_are_columns() {
    let (tmp, dir) = hostile_copy();
    let data = dir.display().to_string();
    let journal = tmp.path().join("j.ron").display().to_string();
    let (code, _, err) = giaoban(&[
        "decide",
        "t2",
        "--state",
        "escalated",
        "--due",
        "2025-03-31",
        "--conclusion",
        "Giao C06 hoàn thành trong quý I",
        "--journal",
        &journal,
        "--data",
        &data,
    ]);
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = giaoban(&[
        "export",
        "tasks",
        "--format",
        "csv",
        "--journal",
        &journal,
        "--data",
        &data,
    ]);
    assert_eq!(code, 0, "{err}");
    let (headers, rows) = read_csv(&out, b',');
    let t2 = rows.iter().find(|r| r[0] == "t2").unwrap();
    assert_eq!(
        t2[col(&headers, "Quyết định: trạng thái")],
        "Chuyển cấp trên"
    );
    assert_eq!(t2[col(&headers, "Quyết định: hạn mới")], "2025-03-31");
    assert_eq!(
        t2[col(&headers, "Kết luận")],
        "Giao C06 hoàn thành trong quý I"
    );
    let t1 = rows.iter().find(|r| r[0] == "t1").unwrap();
    assert_eq!(t1[col(&headers, "Kết luận")], "");
}

#[test]
fn xlsx_has_one_sheet_a_header_dates_as_dates_and_a_legend() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("quá hạn.xlsx");
    let f = file.display().to_string();
    let (code, _, err) = giaoban(&[
        "export", "tasks", "--format", "xlsx", "--filter", "overdue", "--out", &f,
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("giaoban export: đã ghi ") && err.contains(" dòng vào "),
        "{err}"
    );
    let mut wb = open_workbook_auto(&file).unwrap();
    assert_eq!(wb.sheet_names(), vec!["Nhiệm vụ".to_string()]);
    let range = wb.worksheet_range("Nhiệm vụ").unwrap();
    let header: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(header[0], "Mã");
    let due = col(&header, "Hạn");
    let legend = col(&header, "Chú giải màu trạng thái");
    assert!(legend > due);
    let rows: Vec<_> = range.rows().skip(1).collect();
    assert!(rows.len() > 10);
    assert!(
        rows.iter().all(|r| matches!(r[due], Data::DateTime(_))),
        "overdue tasks all have a due date, written as a date"
    );
    let title = col(&header, "Nội dung");
    assert!(rows
        .iter()
        .any(|r| r[title].to_string().contains("Đề án 06")));
    assert_eq!(rows[1][legend].to_string(), "Đang triển khai");

    // A second export of the same name does not overwrite the first.
    let (code, _, err) = giaoban(&[
        "export", "tasks", "--format", "xlsx", "--filter", "overdue", "--out", &f,
    ]);
    assert_eq!(code, 0);
    assert!(err.contains("quá hạn-2.xlsx"), "{err}");
}

#[test]
fn a_reader_that_stops_early_ends_the_export_quietly() {
    let mut child = Command::new(BIN)
        .args(["export", "tasks", "--format", "csv"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}
