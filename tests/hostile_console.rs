//! The console under hostile input (issue 12): a paste of any size into the filter bar, a
//! run of typed characters handled as one edit, Ctrl-C ahead of a backlog, and a message with
//! escape sequences drawn inert.

mod ui;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use giaoban::tui::app::{App, Mode};
use giaoban::tui::event::{handle_batch, handle_event, FILTER_MAX_CHARS};
use ui::{fixture, no_config, Console};

fn run_jobs(c: &mut Console, jobs: Vec<giaoban::tui::app::FilterJob>) {
    for job in jobs {
        let rows = App::run_filter(&c.app.ctx(), &job);
        c.app.accept_filtered(job.target, job.generation, rows);
    }
    c.draw();
}

/// Ctrl-U: empty the filter bar.
fn erase(c: &mut Console) {
    let ev = Event::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    let job = handle_event(&mut c.app, ev);
    run_jobs(c, job.into_iter().collect());
}

fn key(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

#[test]
fn a_bracketed_paste_is_one_edit_and_a_huge_one_is_refused() {
    let cfg = no_config();
    let mut c = Console::open(&fixture("mini"), cfg.path(), 100, 24);
    c.keys("3 /");
    // A paste with a line break and an escape sequence: one edit, cleaned.
    let job = handle_event(&mut c.app, Event::Paste("kiosk\n\u{1b}[31m".into()));
    run_jobs(&mut c, job.into_iter().collect());
    assert_eq!(c.app.current().unwrap().filter, "kiosk ");
    erase(&mut c);
    let job = handle_event(&mut c.app, Event::Paste("kiosk".into()));
    run_jobs(&mut c, job.into_iter().collect());
    let screen = c.screen();
    assert!(screen.contains("Triển khai Kiosk"), "{screen}");
    assert!(!screen.contains("Số hoá hộ tịch"), "{screen}");

    // 1 MB pasted: refused whole, with a message; the query is as it was.
    let job = handle_event(&mut c.app, Event::Paste("x".repeat(1 << 20)));
    assert!(job.is_none());
    c.draw();
    assert_eq!(c.app.current().unwrap().filter, "kiosk");
    let screen = c.screen();
    assert!(
        screen.contains("Dài quá: tối đa 1.000 ký tự; đoạn dán (1.048.576 ký tự) không được"),
        "{screen}"
    );
    assert!(screen.contains("Triển khai Kiosk"), "{screen}");

    // Up to the limit is taken; one more character is refused.
    erase(&mut c);
    let job = handle_event(&mut c.app, Event::Paste("k".repeat(FILTER_MAX_CHARS)));
    assert!(job.is_some());
    assert_eq!(c.app.current().unwrap().filter.len(), FILTER_MAX_CHARS);
    assert!(handle_event(&mut c.app, key('k')).is_none());
    assert_eq!(c.app.current().unwrap().filter.len(), FILTER_MAX_CHARS);
    let msg = c.app.message.clone().unwrap().0;
    assert!(msg.contains("1.000 ký tự"), "{msg}");
}

#[test]
fn typed_characters_waiting_together_are_one_edit() {
    let cfg = no_config();
    let mut c = Console::open(&fixture("mini"), cfg.path(), 100, 24);
    c.keys("3 /");
    // A terminal without bracketed paste sends a paste as keys: one query for all of them.
    let events: Vec<Event> = "binh dinh".chars().map(key).collect();
    let jobs = handle_batch(&mut c.app, events);
    assert_eq!(jobs.len(), 1);
    run_jobs(&mut c, jobs);
    assert_eq!(c.app.current().unwrap().filter, "binh dinh");
    // Keys that are not characters still act in order: Enter keeps the filter and leaves the bar.
    let jobs = handle_batch(
        &mut c.app,
        vec![
            Event::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
            key('j'),
        ],
    );
    run_jobs(&mut c, jobs);
    assert_eq!(c.app.mode, Mode::Normal);
    assert_eq!(c.app.current().unwrap().filter, "binh dinh");
}

#[test]
fn ctrl_c_ends_the_console_whatever_is_queued() {
    let cfg = no_config();
    let mut c = Console::open(&fixture("mini"), cfg.path(), 100, 24);
    c.keys("3 /");
    let mut events: Vec<Event> = std::iter::repeat_n('a', 100_000).map(key).collect();
    events.push(Event::Key(KeyEvent::new(
        KeyCode::Char('c'),
        KeyModifiers::CONTROL,
    )));
    events.extend(std::iter::repeat_n('b', 1000).map(key));
    let jobs = handle_batch(&mut c.app, events);
    assert!(jobs.is_empty());
    assert!(c.app.quit);
    // Nothing of the backlog was applied.
    assert_eq!(c.app.current().unwrap().filter, "");
}

#[test]
fn a_message_with_escape_sequences_is_drawn_inert() {
    let cfg = no_config();
    let mut c = Console::open(&fixture("mini"), cfg.path(), 120, 24);
    c.app.message = Some((
        "j.ron:3: `\u{1b}]0;PWNED\u{7}\u{1b}]52;c;aGVsbG8=\u{7}`".into(),
        true,
    ));
    c.draw();
    let screen = c.screen();
    assert!(
        screen.contains(r"j.ron:3: `\u{1b}]0;PWNED\u{7}\u{1b}]52;c;aGVsbG8=\u{7}`"),
        "{screen}"
    );
    assert!(!screen
        .chars()
        .any(|ch| ch != '\n' && giaoban::text::is_invisible(ch)));
}
