//! Triage from the keyboard as the secretariat does it: each deciding key acts on the row shown
//! selected; a row that leaves the list hands the cursor to the row that took its place; the
//! triage steps stop at their end; a console that cannot record refuses at the key.

mod ui;
use ui::*;

use giaoban::tui::app::Mode;
use giaoban::tui::config::Options;
use giaoban::tui::decisions::id_of;
use giaoban::tui::rows::Row;

/// The shipped snapshot with a journal in `dir`.
fn shipped(dir: &std::path::Path, w: u16, h: u16) -> Console {
    let loaded = giaoban::store::load_embedded().unwrap();
    let opts = Options {
        config_dir: Some(dir.to_path_buf()),
        ..Options::default()
    };
    Console::with(loaded, opts, w, h)
}

fn selected_id(c: &Console) -> String {
    let rec = c.app.selected_rec().expect("a row is selected");
    id_of(&c.app.data.snapshot, rec).unwrap().to_string()
}

#[test]
fn five_overdue_tasks_triaged_in_a_row_each_act_on_the_row_selected() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = shipped(dir.path(), 120, 40);
    // The overdue view, a few rows down (not the first row, where a cursor sent back to the
    // top would land by chance).
    c.keys("4 j j j");
    let steps = [
        ("D 2099-12-31 <Enter>", "due"),
        ("z", "deferred"),
        ("f", "agenda"),
        ("D 2099-12-31 <Enter>", "due"),
        ("z", "deferred"),
    ];
    for (keys, what) in steps {
        let list = c.app.current().unwrap().clone();
        let before = list.selected;
        let id = selected_id(&c);
        c.keys(keys);
        let d = c.app.items.get(&id).unwrap_or_else(|| {
            panic!("{keys}: the row selected when the key was pressed ({id}) was not decided")
        });
        match what {
            "due" => assert_eq!(d.due.map(|d| d.to_string()).as_deref(), Some("2099-12-31")),
            "deferred" => assert_eq!(d.state.as_ref().map(|s| s.0.as_str()), Some("deferred")),
            _ => assert!(d.agenda, "{id} flagged"),
        }
        // Exactly one item decided by this key: no other row was touched.
        let decided_now: Vec<&String> = c.app.items.keys().collect();
        assert!(decided_now.contains(&&id));
        let now = c.app.current().unwrap();
        let rec_before = list.rows[before].clone();
        let screen = c.screen();
        if now.rows.contains(&rec_before) {
            // Still listed: the cursor stays on it.
            assert_eq!(now.rows.get(now.selected), Some(&rec_before), "{screen}");
        } else {
            // Gone: the row that took its place (the next one listed) is selected, and the
            // status line says where the decided row went.
            let next = list.rows[before + 1..]
                .iter()
                .find(|r| matches!(r, Row::Rec(_)) && now.rows.contains(r))
                .expect("a row after it");
            assert_eq!(now.rows.get(now.selected), Some(next), "{screen}");
            let status = screen.lines().last().unwrap();
            assert!(status.contains(&id), "{status}");
            assert!(status.contains("đã rời danh sách"), "{status}");
            assert!(status.contains("thẻ 3"), "{status}");
        }
    }
    // Five keys, three rows: the first left with its new deadline; the next was deferred (and
    // stayed: deferring does not end being late), flagged, then given a deadline and left; the
    // one after it was deferred.
    let decided: Vec<&String> = c.app.items.keys().collect();
    assert_eq!(decided.len(), 3, "{decided:?}");
}

#[test]
fn the_last_row_leaving_the_list_hands_the_cursor_to_the_one_before() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = shipped(dir.path(), 120, 40);
    c.keys("4 G");
    let list = c.app.current().unwrap().clone();
    let last = list.selected;
    let prev = list.rows[..last]
        .iter()
        .rev()
        .find(|r| matches!(r, Row::Rec(_)))
        .unwrap()
        .clone();
    c.keys("D 2099-12-31 <Enter>");
    let now = c.app.current().unwrap();
    assert_eq!(now.rows.get(now.selected), Some(&prev), "{}", c.screen());
}

#[test]
fn x_stops_at_resolved_and_u_goes_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = with_journal(dir.path(), 120, 30);
    c.keys("5");
    let id = selected_id(&c);
    c.keys("x x x");
    assert!(c.screen().contains("Đã giải quyết"), "{}", c.screen());
    c.keys("x");
    let screen = c.screen();
    let status = screen.lines().last().unwrap();
    assert!(status.contains("đã giải quyết"), "{status}");
    assert!(status.contains("u để hoàn tác"), "{status}");
    assert!(!status.contains("Đã ghi"), "{status}");
    let d = &c.app.items[&id];
    assert!(d.resolved, "still resolved, not wrapped back to new");
    c.keys("u");
    let d = &c.app.items[&id];
    assert_eq!(d.state.as_ref().map(|s| s.0.as_str()), Some("escalated"));
}

#[test]
fn ctrl_or_alt_with_a_letter_is_not_the_letter_no_decision_is_recorded_or_undone() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = with_journal(dir.path(), 120, 30);
    c.keys("5");
    let id = selected_id(&c);
    // Ctrl-X and Alt-X are not x: nothing is recorded.
    c.keys("<C-x> <A-x>");
    assert!(!c.app.items.contains_key(&id), "{}", c.screen());
    c.keys("x");
    let recorded = c.app.items[&id].state.clone();
    assert!(recorded.is_some(), "{}", c.screen());
    // A kept filter, then Ctrl-U out of the filter bar (where it empties the filter): the
    // decision stays, not undone as u would.
    c.keys("/ a <Enter> <C-u>");
    assert_eq!(c.app.items[&id].state, recorded, "{}", c.screen());
    assert!(!c.screen().contains("Đã hoàn tác"), "{}", c.screen());
    c.keys("u");
    assert!(c.screen().contains("Đã hoàn tác"), "{}", c.screen());
}

#[test]
fn a_console_that_cannot_record_refuses_at_the_key_before_any_prompt() {
    let dir = tempfile::tempdir().unwrap();
    let _first = with_journal(dir.path(), 100, 24);
    let mut second = with_journal(dir.path(), 120, 30);
    second.keys("3 j");
    for key in ["N", "a", "D", "c", "x", "z", "f"] {
        second.keys(key);
        assert_eq!(
            second.app.mode,
            Mode::Normal,
            "{key} opened {:?}",
            second.app.mode
        );
        assert!(second.app.prompt.is_none(), "{key}");
        let screen = second.screen();
        let status = screen.lines().last().unwrap();
        assert!(
            status.contains("một giaoban khác đang ghi"),
            "{key}: {status}"
        );
        // Typing on goes to the list, not to a prompt that would throw it away.
        second.keys("<Esc>");
    }
    assert!(second.app.items.is_empty());

    // No journal at all: the same, with that reason.
    let loaded = giaoban::store::load_path(&fixture("mini")).unwrap();
    let mut c = Console::with(loaded, Options::default(), 120, 30);
    c.keys("3 N");
    assert_eq!(c.app.mode, Mode::Normal);
    assert!(
        c.screen().contains("Chưa mở sổ quyết định"),
        "{}",
        c.screen()
    );
}

/// The overview's "Quá hạn: N (" figure.
fn overdue_total(screen: &str) -> usize {
    let at = screen.find("Quá hạn: ").expect("the overview's totals") + "Quá hạn: ".len();
    screen[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap()
}

/// A decision that changes no count (a flag for the agenda) shows at once on its row and leaves
/// the counts as they were; a due date already passed makes the task overdue in the overview at
/// once.
#[test]
fn a_flag_shows_at_once_and_a_passed_due_date_counts_as_overdue() {
    use giaoban::query::Rec;
    let dir = tempfile::tempdir().unwrap();
    let mut c = shipped(dir.path(), 160, 40);
    let before = overdue_total(&c.screen());
    let s = &c.app.data.snapshot;
    let as_of = s.as_of.unwrap();
    // A task reported open and not overdue.
    let task = (0..s.tasks.len())
        .find(|&i| {
            giaoban::domain::groups::is_reported_open(s.task_status(i))
                && s.task_days_overdue(i, as_of).is_none()
        })
        .expect("an open task not overdue");
    c.keys("3");
    let at = c
        .app
        .current()
        .unwrap()
        .rows
        .iter()
        .position(|r| *r == Row::Rec(Rec::Task(task)));
    c.app.lists[2].selected = at.expect("listed in the tasks view");
    c.keys("f");
    let row = c
        .screen()
        .lines()
        .find(|l| l.contains('★'))
        .map(str::to_string);
    assert!(
        row.is_some(),
        "the flag is on the row at once\n{}",
        c.screen()
    );
    c.keys("1");
    assert_eq!(
        overdue_total(&c.screen()),
        before,
        "a flag changes no count"
    );
    c.keys("3 D 2000-01-01 <Enter> 1");
    assert_eq!(overdue_total(&c.screen()), before + 1, "{}", c.screen());
}

/// A console opened on a journal that holds decisions shows them counted from the first frame,
/// exactly as the console that recorded them shows them (the state is worked out once, with
/// the decisions already in place).
#[test]
fn decisions_recorded_are_counted_when_the_console_opens_again() {
    use giaoban::query::Rec;
    let dir = tempfile::tempdir().unwrap();
    let mut c = shipped(dir.path(), 160, 40);
    let before = overdue_total(&c.screen());
    let s = &c.app.data.snapshot;
    let as_of = s.as_of.unwrap();
    let task = (0..s.tasks.len())
        .find(|&i| {
            giaoban::domain::groups::is_reported_open(s.task_status(i))
                && s.task_days_overdue(i, as_of).is_none()
        })
        .expect("an open task not overdue");
    c.keys("3");
    let at = c
        .app
        .current()
        .unwrap()
        .rows
        .iter()
        .position(|r| *r == Row::Rec(Rec::Task(task)));
    c.app.lists[2].selected = at.expect("listed in the tasks view");
    c.keys("D 2000-01-01 <Enter> 1");
    assert_eq!(overdue_total(&c.screen()), before + 1, "{}", c.screen());
    // What each view counts and lists (the detail pane, which follows the cursor, left out).
    let lists = |screen: String| -> String {
        screen
            .lines()
            .map(|l| l.split('│').next().unwrap_or(""))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let recorded: Vec<String> = ["1", "4", "6"]
        .iter()
        .map(|v| lists(c.keys(v).screen()))
        .collect();
    drop(c);

    let mut again = shipped(dir.path(), 160, 40);
    assert_eq!(
        overdue_total(&again.screen()),
        before + 1,
        "{}",
        again.screen()
    );
    for (v, seen) in ["1", "4", "6"].iter().zip(&recorded) {
        assert_eq!(&lists(again.keys(v).screen()), seen, "view {v} as recorded");
    }
}
