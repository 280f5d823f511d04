//! The console's `E` and `Y`: exactly the rows and columns on screen (filter and sort kept)
//! to a workbook named in the status line; the selected row as plain text for the clipboard.

mod ui;
use ui::*;

use calamine::{open_workbook_auto, Reader};
use giaoban::tui::config::Options;

#[test]
fn the_screen_goes_to_a_workbook_and_the_row_to_the_clipboard() {
    let dir = tempfile::tempdir().unwrap();
    let loaded = giaoban::store::load_embedded().unwrap();
    let opts = Options {
        config_dir: Some(dir.path().to_path_buf()),
        ..Options::default()
    };
    let mut c = Console::with(loaded, opts, 100, 30);
    c.app.export_dir = dir.path().to_path_buf();
    // Two overdue tasks: words apart ("dinh binh" spells no place), each anywhere.
    c.keys("4 / d i n h <Space> b i n h <Enter> S E");
    let screen = c.screen();
    let (msg, error) = c.app.message.clone().expect("a message");
    assert!(!error, "{msg}");
    let path = msg.rsplit(": ").next().unwrap().to_string();
    assert!(msg.starts_with("Đã xuất 2 dòng × 6 cột: "), "{msg}");
    assert!(
        path.ends_with(".xlsx") && path.contains("giaoban-qua-han-"),
        "{msg}"
    );
    let mut wb = open_workbook_auto(&path).unwrap();
    let sheet = wb.sheet_names()[0].clone();
    assert_eq!(sheet, "Quá hạn");
    let range = wb.worksheet_range(&sheet).unwrap();
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    // The header row is the screen's: the same titles, in the same order.
    assert_eq!(rows[0].len(), 6, "{rows:?}");
    let header_line = screen.lines().nth(2).unwrap();
    let mut from = 0;
    for h in &rows[0] {
        let at = header_line[from..]
            .find(h.as_str())
            .unwrap_or_else(|| panic!("{h} not after byte {from} of {header_line}"));
        from += at + h.len();
    }
    assert_eq!(rows.len(), 3, "{rows:?}");
    // In the order on screen (sorted by the reverse of the first column).
    let first_on_screen = screen
        .lines()
        .position(|l| l.contains("Nghiên cứu, ứng dụng"))
        .unwrap();
    let other_on_screen = screen
        .lines()
        .position(|l| l.contains("Tham mưu UBND tỉnh"))
        .unwrap();
    let first_in_file = rows
        .iter()
        .position(|r| r.iter().any(|c| c.starts_with("Nghiên cứu, ứng dụng")))
        .unwrap();
    assert_eq!(
        first_on_screen < other_on_screen,
        first_in_file == 1,
        "{screen}\n{rows:?}"
    );

    c.keys("Y");
    let text = c.app.clipboard.clone().expect("text for the clipboard");
    // The columns on screen, in their order: no decision yet, so the source comes first.
    assert!(
        text.lines().next().unwrap().starts_with("Nguồn: "),
        "{text}"
    );
    assert!(text.contains("\nNội dung: "), "{text}");
    assert!(text.contains("Chủ trì: "), "{text}");
    assert!(
        !text
            .chars()
            .any(|ch| ('\u{2500}'..='\u{259F}').contains(&ch)),
        "{text}"
    );
}
