//! What a chair reads aloud from the screen, as a new user found it: every count says what it
//! counts and is shown once, the overview keeps every total at 80x24, an empty column gives way
//! to one with content, the help says what Esc does and how the done counts differ, a sort
//! keeps the selected record where the eye is, a province's reports come in date order.

mod ui;
use ui::*;

use giaoban::query::Rec;
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

/// Select record `rec` of the current list with the cursor keys, as a user would.
fn go_to(c: &mut Console, rec: Rec) {
    let rows = &c.app.current().unwrap().rows;
    let at = rows.iter().position(|r| *r == Row::Rec(rec)).unwrap();
    let before = rows[..at]
        .iter()
        .filter(|r| matches!(r, Row::Rec(_)))
        .count();
    c.keys("g");
    for _ in 0..before {
        c.keys("j");
    }
    assert_eq!(c.app.selected_rec(), Some(rec));
}

#[test]
fn a_province_page_says_its_count_is_of_related_records_and_counts_models_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = shipped(dir.path(), 200, 60);
    // An Giang: no tasks of its own, 24 of the 44 models deployed.
    c.keys("7 <Enter>");
    let screen = c.screen();
    let top = screen.lines().nth(1).unwrap();
    assert!(top.starts_with("Địa phương › An Giang"), "{screen}");
    assert!(top.ends_with("27 / 27 mục liên quan"), "{top}");
    assert!(screen.contains("Nhiệm vụ: 0"), "{screen}");
    let heading = screen
        .lines()
        .find(|l| l.contains("▸ Mô hình đã triển khai"))
        .unwrap_or_else(|| panic!("{screen}"));
    let heading = heading.split('│').next().unwrap().trim_end();
    assert!(
        heading.ends_with("Mô hình đã triển khai (24/44)"),
        "{heading}"
    );
    // Under a filter the heading counts the rows shown, not "of 44" (3/44 would read as
    // three deployed).
    c.keys("/ camera <Enter>");
    let screen = c.screen();
    let heading = screen
        .lines()
        .find(|l| l.contains("▸ Mô hình đã triển khai"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(!heading.contains("/44"), "{heading}");
    assert!(
        screen
            .lines()
            .nth(1)
            .unwrap()
            .contains("/ 27 mục liên quan"),
        "{screen}"
    );
    // The top-level lists keep their plain count: their title says what is counted.
    c.keys("<Esc> <Esc> <Esc> 3");
    let top = c.screen().lines().nth(1).unwrap().to_string();
    assert!(top.ends_with("212 / 212"), "{top}");
}

#[test]
fn the_overview_at_80x24_keeps_every_total_and_shows_the_date_once() {
    let dir = tempfile::tempdir().unwrap();
    for (w, h) in [(80, 24), (60, 12), (200, 60)] {
        let c = shipped(dir.path(), w, h);
        let screen = c.screen();
        for total in [
            "Báo cáo: 5",
            "Mô hình: 44",
            "Nhiệm vụ: 212",
            "Quá hạn: 32",
            "Vướng mắc: 160",
            "Sai lệch: 109",
        ] {
            assert!(screen.contains(total), "{total} at {w}x{h}:\n{screen}");
        }
        // The date on the tab line, not again above the charts.
        let lines: Vec<&str> = screen.lines().collect();
        assert!(lines[0].contains("31/12/2024"), "{w}x{h}:\n{screen}");
        assert!(
            lines[1..4].iter().all(|l| !l.contains("31/12/2024")),
            "the as-of date once at {w}x{h}:\n{screen}"
        );
        assert!(screen.matches("Số liệu đến ngày").count() <= 1, "{screen}");
    }
}

#[test]
fn an_empty_decision_column_gives_way_to_the_lead_unit() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = shipped(dir.path(), 80, 24);
    c.keys("3");
    let header = c.screen().lines().nth(2).unwrap().to_string();
    // No task has a decision: the lead unit is shown, the empty column is not.
    assert!(header.contains("Chủ trì"), "{header}");
    assert!(!header.contains("Quyết định"), "{header}");
    // Once a task has one, the column comes back (the lead unit is in the detail below).
    c.keys("z");
    let screen = c.screen();
    let header = screen.lines().nth(2).unwrap();
    assert!(header.contains("Quyết định"), "{screen}");
    assert!(
        screen.lines().nth(3).unwrap().contains("Tạm hoãn"),
        "{screen}"
    );
}

#[test]
fn a_sort_keeps_the_selected_record_on_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = shipped(dir.path(), 80, 24);
    c.keys("3 j j j j j");
    let chosen = c.app.selected_rec();
    // The sixth record, on the table's sixth line (screen line 3 + 5).
    let line = |c: &Console| c.screen().lines().nth(8).unwrap().to_string();
    let title = line(&c);
    for key in ["s", "s", "S", "s"] {
        c.keys(key);
        assert_eq!(c.app.selected_rec(), chosen, "after {key}");
        assert_eq!(line(&c), title, "after {key}:\n{}", c.screen());
    }
    // The rows around it are the sorted list's: the first rows are not the unsorted ones.
    c.keys("g");
    assert_ne!(c.app.selected_rec(), chosen);
}

#[test]
fn the_help_says_what_esc_does_lists_group_and_explains_the_done_counts() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = shipped(dir.path(), 80, 24);
    c.keys("?");
    let footer = c.screen().lines().last().unwrap().to_string();
    assert!(footer.ends_with("Esc đóng trợ giúp"), "{footer}");
    assert!(footer.contains("j/k g/G cuộn"), "{footer}");
    c.keys("/ l o c");
    let footer = c.screen().lines().last().unwrap().to_string();
    assert!(footer.contains("Esc xoá lọc"), "{footer}");
    c.keys("<Enter>");
    assert!(
        c.screen().lines().last().unwrap().contains("Esc xoá lọc"),
        "{}",
        c.screen()
    );
    c.keys("<Esc>");
    assert!(
        c.screen()
            .lines()
            .last()
            .unwrap()
            .contains("Esc đóng trợ giúp"),
        "{}",
        c.screen()
    );
    // Every line of the help, page by page.
    let mut text = String::new();
    for _ in 0..20 {
        let s = c.screen();
        let lines: Vec<&str> = s.lines().collect();
        text.push_str(&lines[2..lines.len() - 2].join("\n"));
        text.push('\n');
        if !s.contains("▼ còn") {
            break;
        }
        c.keys("<PgDn>");
    }
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("group:"), "{flat}");
    assert!(
        flat.contains(
            "↻ Thường xuyên: việc thường xuyên, không có hạn cụ thể, kể cả khi báo cáo ghi đã xong"
        ),
        "{flat}"
    );
    assert!(
        flat.contains(
            "Bộ lọc status:done đếm mọi nhiệm vụ báo cáo ghi đã xong, kể cả việc thường xuyên"
        ),
        "{flat}"
    );
    c.keys("<Esc>");
    assert!(!c.screen().contains("Phím tắt"), "{}", c.screen());
}

#[test]
fn the_done_groups_and_status_done_differ_as_the_help_says() {
    use giaoban::domain::groups::{Group, DEFAULT_SOON_DAYS};
    let dir = tempfile::tempdir().unwrap();
    let mut c = shipped(dir.path(), 120, 30);
    // What the chair reads: the filter's count, and the done groups on the overview.
    c.keys("3 / status:done <Enter>");
    let top = c.screen().lines().nth(1).unwrap().to_string();
    let filtered: usize = top
        .split("  ")
        .last()
        .and_then(|n| n.split(" / ").next())
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("{top}"));
    let ctx = c.app.ctx();
    let all = giaoban::query::groups::tally_all(&ctx, DEFAULT_SOON_DAYS);
    let done_standing = (0..ctx.snap.tasks.len())
        .filter(|&i| ctx.snap.task_status(i).is_done())
        .filter(|&i| giaoban::query::groups::task_group(&ctx, i) == Group::Recurring)
        .count();
    // The shipped data has done standing duties: the two counts differ there.
    assert!(done_standing > 0);
    assert_eq!(all.done() + done_standing, filtered);
}

#[test]
fn other_spellings_are_apart_by_a_mark_no_spelling_holds() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = shipped(dir.path(), 200, 60);
    c.keys("6");
    let ctx = c.app.ctx();
    let ubnd = ctx.snap.index.unit["ubnd-tinh"];
    go_to(&mut c, Rec::Unit(ubnd));
    c.keys("<Enter>");
    let screen = c.screen();
    let line = screen
        .lines()
        .find(|l| l.starts_with("Cách viết khác: "))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(
        line.contains(" · UBND tỉnh, thành phố · UBND các tỉnh, thành phố · "),
        "{line}"
    );
}

#[test]
fn a_provinces_reports_are_listed_by_date() {
    let dir = tempfile::tempdir().unwrap();
    let shipped_snap = giaoban::store::load_embedded().unwrap().snapshot;
    let data = dir.path().join("gen");
    giaoban::gen::generate(&shipped_snap, 8000, 11, &data, &mut |_| {}).unwrap();
    let cfg = tempfile::tempdir().unwrap();
    let mut c = Console::open(&data, cfg.path(), 160, 120);
    // The province with the most reports.
    let ctx = c.app.ctx();
    let s = ctx.snap;
    let province = s
        .index
        .locality
        .values()
        .copied()
        .filter(|&l| s.localities[l].level == giaoban::domain::LocalityLevel::Province)
        .max_by_key(|&l| {
            s.reports
                .iter()
                .filter(|r| r.locality.as_deref() == Some(s.localities[l].id.as_str()))
                .count()
        })
        .unwrap();
    c.keys("7");
    go_to(&mut c, Rec::Locality(province));
    c.keys("<Enter>");
    let screen = c.screen();
    let dates: Vec<chrono::NaiveDate> = screen
        .lines()
        .filter(|l| l.starts_with("Báo cáo ") || l.starts_with("Δ Báo cáo "))
        .filter_map(|l| {
            // The report's date, in the status column (the last of the table's columns).
            let table = l.split('│').next()?;
            let d = table
                .split_whitespace()
                .rev()
                .find(|w| w.matches('/').count() == 2)?;
            chrono::NaiveDate::parse_from_str(d, "%d/%m/%Y").ok()
        })
        .collect();
    assert!(dates.len() >= 3, "{screen}");
    assert!(
        dates.windows(2).all(|w| w[0] <= w[1]),
        "{dates:?}\n{screen}"
    );
}

#[test]
fn the_helps_scroll_keys_are_the_live_key_maps() {
    // A secretariat that moves with n/p: the help says n and p, never j/k.
    let cfg = no_config();
    std::fs::write(
        cfg.path().join("keys.ron"),
        "{\"down\": [\"Down\"], \"up\": [\"Up\"], \"bottom\": [\"End\"], \"top\": [\"Home\"], \
         \"page_down\": [\"PageDown\"], \"page_up\": [\"PageUp\"]}",
    )
    .unwrap();
    let mut c = Console::open(&fixture("mini"), cfg.path(), 80, 24);
    c.keys("?");
    let screen = c.screen();
    let lines: Vec<&str> = screen.lines().collect();
    let footer = lines[lines.len() - 1];
    assert!(footer.contains("↓/↑ Home/End cuộn"), "{footer}");
    let mark = lines[lines.len() - 2];
    assert!(mark.contains("(↓, PgDn, End)"), "{mark}");
    assert!(!screen.contains("j/k"), "{screen}");
    for _ in 0..10 {
        c.keys("<PgDn>");
    }
    let screen = c.screen();
    let mark = screen.lines().rev().nth(1).unwrap();
    assert!(
        mark.contains("▲") && mark.contains("(↑, PgUp, Home)"),
        "{mark}"
    );
}
