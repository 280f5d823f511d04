//! The console on a history: C shows what changed since the previous snapshot, from any view,
//! and Δ marks the changed rows of every list.

mod ui;
use giaoban::tui::config::Options;
use ui::*;

fn open_history(w: u16, h: u16) -> (Console, tempfile::TempDir) {
    let cfg = no_config();
    let c = giaoban::history::open(Some(&fixture("history")), None).unwrap();
    let prev = c.previous.unwrap();
    let diff = giaoban::history::diff::diff(&prev, &c.current);
    let opts = Options {
        config_dir: Some(cfg.path().to_path_buf()),
        ..Options::default()
    };
    let mut console = Console::with(c.current, opts, w, h);
    console.app.attach_changes(diff, "30/06/2024".into());
    console.draw();
    (console, cfg)
}

#[test]
fn the_change_screen_opens_from_any_view_and_lists_every_kind() {
    for (w, h) in [(80, 24), (200, 60)] {
        let (mut c, _cfg) = open_history(w, h);
        c.keys("4 C");
        let screen = c.screen();
        assert!(screen.contains("Thay đổi so với kỳ trước"), "{screen}");
        assert!(
            screen.contains("Từ 30/06/2024 đến 31/12/2024 · so với 30/06/2024 · 18 thay đổi"),
            "{screen}"
        );
        assert!(
            screen.contains("t1 hạn 30/09/2024, quá 92 ngày — Kiosk tại Trung tâm"),
            "{screen}"
        );
        // Scrolled to the end: the last kind of change is there.
        c.keys("G");
        let end = c.screen();
        assert!(
            end.contains("thua-thien-hue Thừa Thiên Huế: báo cáo gần nhất 15/05/2024"),
            "{end}"
        );
        // Esc goes back to the view it was opened from.
        c.keys("<Esc>");
        assert!(c.screen().contains("Quá hạn"), "{}", c.screen());
        assert!(!c.screen().contains("Thay đổi so với kỳ trước"));
    }
}

#[test]
fn changed_rows_are_marked_in_the_lists() {
    let (mut c, _cfg) = open_history(100, 30);
    c.keys("3");
    let tasks = c.screen();
    let line = |needle: &str| {
        tasks
            .lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle} not on screen:\n{tasks}"))
            .to_string()
    };
    assert!(line("Kiosk tại Trung tâm").contains("Δ "), "{tasks}");
    // Huế's task did not change.
    assert!(!line("Số hoá hồ sơ").contains('Δ'), "{tasks}");
    c.keys("7");
    let places = c.screen();
    let hue = places
        .lines()
        .find(|l| l.contains("Thừa Thiên Huế"))
        .unwrap();
    assert!(hue.contains('Δ'), "not reported this cycle:\n{places}");
}

#[test]
fn with_nothing_to_compare_the_screen_says_how_to_get_a_comparison() {
    let cfg = no_config();
    let mut c = Console::open(&fixture("mini"), cfg.path(), 80, 24);
    c.keys("C");
    assert!(
        c.screen().contains("Không có bộ số liệu trước để so sánh"),
        "{}",
        c.screen()
    );
}
