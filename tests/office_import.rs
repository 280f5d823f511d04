//! Update templates out and back in, as the secretariat does it: a template for Bình Định
//! written, filled in (here by rewriting the workbook with rust_xlsxwriter, as Excel would
//! save it), imported into a history; the new snapshot's differences are the edits.

use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{open_workbook_auto, Data, Reader};
use rust_xlsxwriter::{Format, Workbook};

const BIN: &str = env!("CARGO_BIN_EXE_giaoban");

fn giaoban(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

type Sheets = Vec<(String, Vec<Vec<Data>>)>;

fn read(path: &Path) -> Sheets {
    let mut wb = open_workbook_auto(path).unwrap();
    wb.sheet_names()
        .into_iter()
        .map(|n| {
            let r = wb.worksheet_range(&n).unwrap();
            (n, r.rows().map(|row| row.to_vec()).collect())
        })
        .collect()
}

/// The workbook saved again, as a province's Excel would save it after editing.
fn write(path: &Path, sheets: &Sheets) {
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (name, rows) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    Data::String(s) => {
                        ws.write_string(r, c, s).unwrap();
                    }
                    Data::Float(f) => {
                        ws.write_number(r, c, *f).unwrap();
                    }
                    Data::Int(i) => {
                        ws.write_number(r, c, *i as f64).unwrap();
                    }
                    Data::DateTime(d) => {
                        ws.write_number_with_format(r, c, d.as_f64(), &date)
                            .unwrap();
                    }
                    _ => {}
                }
            }
        }
    }
    wb.save(path).unwrap();
}

fn tasks(sheets: &mut Sheets) -> &mut Vec<Vec<Data>> {
    &mut sheets.iter_mut().find(|(n, _)| n == "Nhiệm vụ").unwrap().1
}

fn set(rows: &mut [Vec<Data>], r: usize, c: usize, v: &str) {
    if rows[r].len() <= c {
        rows[r].resize(c + 1, Data::Empty);
    }
    rows[r][c] = Data::String(v.into());
}

fn template(dir: &Path) -> (PathBuf, Sheets) {
    let (code, out, err) = giaoban(
        dir,
        &["template", "--locality", "binh dinh", "--out", "bd.xlsx"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Bình Định"), "{out}");
    assert!(
        out.contains(" nhiệm vụ chưa xong, "),
        "said in Vietnamese: {out}"
    );
    let path = dir.join("bd.xlsx");
    (path.clone(), read(&path))
}

#[test]
fn a_template_filled_in_and_imported_gives_a_snapshot_whose_changes_are_the_edits() {
    let tmp = tempfile::tempdir().unwrap();
    let (path, mut sheets) = template(tmp.path());
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Hướng dẫn", "Nhiệm vụ", "Vướng mắc", "Chỉ tiêu"]);
    let rows = tasks(&mut sheets);
    assert_eq!(rows[0][5].to_string(), "Trạng thái");
    // Three statuses changed (to one the task does not have yet), a row added.
    let mut changed = Vec::new();
    for r in 1..rows.len() {
        if changed.len() == 3 {
            break;
        }
        if rows[r][5] != Data::String("Đã hoàn thành".into()) && !rows[r][0].to_string().is_empty()
        {
            changed.push(rows[r][0].to_string());
            set(rows, r, 5, "Đã hoàn thành");
        }
    }
    assert_eq!(changed.len(), 3);
    let n = rows.len();
    rows.push(vec![Data::Empty; 7]);
    set(
        rows,
        n,
        2,
        "Triển khai thanh toán không dùng tiền mặt tại bệnh viện tỉnh",
    );
    set(rows, n, 3, "Sở Y tế");
    set(rows, n, 4, "Quý II/2025");
    set(rows, n, 5, "Đang triển khai");
    write(&path, &sheets);

    let (code, out, err) = giaoban(
        tmp.path(),
        &[
            "import",
            "bd.xlsx",
            "--into",
            "hist",
            "--as-of",
            "2025-03-31",
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("3 bản ghi thay đổi, 1 nhiệm vụ mới"), "{out}");
    let new = tmp.path().join("hist/2025-03-31");
    assert!(new.join("manifest.ron").is_file());

    let base = giaoban::store::load_embedded().unwrap();
    let after = giaoban::history::load_any(&new).unwrap();
    let d = giaoban::history::diff::diff(&base, &after);
    use giaoban::history::diff::Change;
    let mut status: Vec<String> = d
        .changes
        .iter()
        .filter_map(|c| match c {
            Change::StatusChanged { id, new_raw, .. } => {
                assert_eq!(new_raw, "Đã hoàn thành");
                Some(id.clone())
            }
            _ => None,
        })
        .collect();
    status.sort();
    changed.sort();
    assert_eq!(status, changed);
    let added: Vec<&Change> = d
        .changes
        .iter()
        .filter(|c| matches!(c, Change::Added { .. }))
        .collect();
    assert_eq!(added.len(), 1, "{added:?}");
    assert!(
        matches!(added[0], Change::Added { title, .. } if title.contains("thanh toán không dùng tiền mặt")),
        "{added:?}"
    );
    // The changed record names the spreadsheet cell as its source.
    let i = after.snapshot.task_index(&changed[0]).unwrap();
    let src = after.snapshot.tasks[i].source.describe();
    assert!(src.starts_with("bd.xlsx, Nhiệm vụ!F"), "{src}");
    // The new task's unit was resolved in Bình Định.
    let t = after.snapshot.tasks.last().unwrap();
    assert_eq!(t.lead_units.len(), 1, "{:?}", t.lead_units);

    // Never over an existing snapshot.
    let (code, _, err) = giaoban(
        tmp.path(),
        &[
            "import",
            "bd.xlsx",
            "--into",
            "hist",
            "--as-of",
            "2025-03-31",
        ],
    );
    assert_eq!(code, 1);
    assert!(err.contains("bộ mới phải đề ngày sau ngày đó"), "{err}");
}

#[test]
fn every_kind_of_bad_cell_is_named_and_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let (path, mut sheets) = template(tmp.path());
    let rows = tasks(&mut sheets);
    set(rows, 1, 2, "Nội dung đã bị sửa"); // key column edited: C2
    set(rows, 2, 5, "Xong rồi"); // unknown status: F3
    set(rows, 3, 4, "31/02/2025"); // impossible date: E4
    set(rows, 4, 3, "Sở Không Tồn Tại"); // unknown unit: D5
    let dup = rows[5].clone();
    rows.push(dup); // duplicate row
    let dup_row = rows.len();
    set(rows, 6, 6, "Đã xong giai đoạn 1"); // a good edit: G7
    write(&path, &sheets);

    let (code, out, err) = giaoban(
        tmp.path(),
        &[
            "import",
            "bd.xlsx",
            "--into",
            "hist",
            "--as-of",
            "2025-03-31",
        ],
    );
    assert_eq!(code, 1, "{out}");
    for expected in [
        "bd.xlsx: Nhiệm vụ!C2: a key column was edited: it read “".to_string(),
        "bd.xlsx: Nhiệm vụ!F3: “Xong rồi” is not a status; expected one of: Đã hoàn thành,".into(),
        "bd.xlsx: Nhiệm vụ!E4: “31/02/2025” is not a date that exists".into(),
        "bd.xlsx: Nhiệm vụ!D5: no unit is called 'Sở Không Tồn Tại'".into(),
        format!("bd.xlsx: Nhiệm vụ!A{dup_row}: '"),
    ] {
        assert!(err.contains(&expected), "{expected}\n{err}");
    }
    assert!(
        err.contains("is here a second time (first at bd.xlsx: Nhiệm vụ!A6)"),
        "{err}"
    );
    assert!(err.contains("chưa ghi gì"), "{err}");
    assert!(!tmp.path().join("hist/2025-03-31").exists());

    // With --partial the good row is written and the others listed.
    let (code, out, err) = giaoban(
        tmp.path(),
        &[
            "import",
            "bd.xlsx",
            "--into",
            "hist",
            "--as-of",
            "2025-03-31",
            "--partial",
        ],
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        out.contains("1 bản ghi thay đổi, 0 nhiệm vụ mới; 5 lỗi bỏ qua"),
        "{out}"
    );
    let after = giaoban::history::load_any(&tmp.path().join("hist/2025-03-31")).unwrap();
    assert!(after
        .snapshot
        .tasks
        .iter()
        .any(|t| t.result == "Đã xong giai đoạn 1"));
}
