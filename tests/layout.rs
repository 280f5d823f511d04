//! Columns by importance and nothing cut without saying so: the tasks view at 120x40 keeps
//! deadline, status, days late, and the decision once a task has one; a unit's page starts
//! with its most overdue tasks; the overview at 80x24 shows every chart's rows by scrolling,
//! with a mark for what is below.

mod ui;
use ui::*;

use giaoban::tui::config::Options;
use giaoban::tui::rows::Row;

fn shipped(dir: &std::path::Path, w: u16, h: u16) -> Console {
    let loaded = giaoban::store::load_embedded().unwrap();
    let opts = Options {
        config_dir: Some(dir.to_path_buf()),
        ..Options::default()
    };
    Console::with(loaded, opts, w, h)
}

#[test]
fn the_tasks_view_at_120x40_keeps_deadline_status_days_late_and_decision() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = shipped(dir.path(), 120, 40);
    for view in ["3", "4"] {
        c.keys(view);
        let screen = c.screen();
        let header = screen.lines().nth(2).unwrap();
        for col in ["Nội dung", "Hạn", "Trạng thái", "Trễ ngày"] {
            assert!(header.contains(col), "{col} in view {view}: {header}");
        }
        // No task has a decision yet: the empty column gives its room to the title.
        assert!(!header.contains("Quyết định"), "{header}");
    }
    // A decision shows in its column, in both views of tasks.
    c.keys("z");
    let screen = c.screen();
    let row = screen.lines().nth(4).unwrap();
    assert!(row.contains("Tạm hoãn"), "{screen}");
    for view in ["4", "3"] {
        c.keys(view);
        let screen = c.screen();
        let header = screen.lines().nth(2).unwrap();
        for col in ["Nội dung", "Hạn", "Trạng thái", "Trễ ngày", "Quyết định"] {
            assert!(header.contains(col), "{col} in view {view}: {header}");
        }
    }
}

#[test]
fn a_units_page_lists_its_overdue_tasks_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = shipped(dir.path(), 120, 40);
    // The units view starts with the unit most behind; its page opens on its most overdue task.
    c.keys("6 <Enter>");
    let ctx = c.app.ctx();
    let page = c.app.current().unwrap();
    let late: Vec<i64> = page
        .rows
        .iter()
        .filter_map(|r| match r {
            Row::Rec(giaoban::query::Rec::Task(i)) => Some(ctx.task_days_overdue(*i).unwrap_or(0)),
            _ => None,
        })
        .collect();
    assert!(late.first().is_some_and(|&d| d > 0), "{late:?}");
    let led = page
        .rows
        .iter()
        .skip(1)
        .take_while(|r| matches!(r, Row::Rec(_)))
        .count();
    let first_group: Vec<i64> = late.iter().copied().take(led).collect();
    let mut sorted = first_group.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(first_group, sorted, "most overdue first");
    assert!(matches!(
        page.selected_rec(),
        Some(giaoban::query::Rec::Task(_))
    ));
}

#[test]
fn the_overview_at_80x24_scrolls_to_every_charts_rows_and_says_what_is_below() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = shipped(dir.path(), 80, 24);
    let screen = c.screen();
    let mark = screen.lines().nth(22).unwrap();
    assert!(mark.contains("▼ còn"), "{screen}");
    // Every group of models is there (the first chart is whole).
    for g in ["I (", "II (", "III (", "IV (", "V ("] {
        assert!(screen.contains(g), "{g}: {screen}");
    }
    c.keys("G");
    let screen = c.screen();
    assert!(screen.contains("chưa có báo cáo"), "{screen}");
    assert!(screen.contains("▲"), "{screen}");
    assert!(!screen.contains("▼ còn"), "{screen}");
    // The units beyond the eighth are counted, not dropped.
    // Counted in one line without a bar (a sum on the scale of one unit would mislead).
    let others = screen
        .lines()
        .find(|l| l.contains("đơn vị khác"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(others.contains("cộng "), "{others}");
    assert!(!others.contains('█'), "{others}");
    c.keys("g");
    assert!(c.screen().contains("▼ còn"), "{}", c.screen());
    // At 200x60 everything fits: no mark.
    let mut big = shipped(dir.path(), 200, 60);
    big.keys("1");
    assert!(!big.screen().contains("▼ còn"), "{}", big.screen());
    assert!(big.screen().contains("chưa có báo cáo"), "{}", big.screen());
}
