//! Meetings are records: opening and closing one writes it in the journal; "the last meeting"
//! is the last meeting record (never a day with decisions); the agenda carries over what the
//! last meeting flagged or concluded and is still open.

mod ui;
use ui::*;

use giaoban::journal::{Change, Journal, Record};
use giaoban::tui::app::{AgendaReason, Mode};
use giaoban::tui::decisions::id_of;

fn agenda(c: &Console) -> Vec<(String, AgendaReason)> {
    c.app
        .meeting
        .as_ref()
        .expect("a meeting is open")
        .agenda
        .iter()
        .map(|(r, why)| (id_of(&c.app.data.snapshot, *r).unwrap().to_string(), *why))
        .collect()
}

#[test]
fn a_decision_taken_on_an_earlier_day_does_not_empty_the_agenda() {
    let dir = tempfile::tempdir().unwrap();
    let loaded = giaoban::store::load_path(&fixture("mini")).unwrap();
    // Yesterday, before any meeting: a note on a blocker (triage before the meeting).
    {
        let (mut j, _) = Journal::open(&dir.path().join("journal.ron"), &loaded.snapshot).unwrap();
        let yesterday = giaoban::journal::now() - chrono::Duration::days(1);
        j.record_at("b1", Change::Note("hỏi lại Sở".into()), None, yesterday)
            .unwrap();
    }
    let mut c = with_journal(dir.path(), 120, 30);
    c.keys("M <Enter> <Enter> <Enter>");
    let items = agenda(&c);
    // No meeting was ever recorded: every overdue task is new to the meeting.
    assert!(
        items
            .iter()
            .any(|(_, why)| *why == AgendaReason::NewlyOverdue),
        "{items:?}\n{}",
        c.screen()
    );
    assert!(!c.screen().contains("mục 0/0"), "{}", c.screen());
    assert!(
        c.screen().contains("cuộc họp trước: chưa có"),
        "{}",
        c.screen()
    );
}

#[test]
fn a_meeting_held_is_recorded_and_the_next_days_agenda_carries_its_items_over() {
    let dir = tempfile::tempdir().unwrap();
    let concluded;
    {
        let mut c = with_journal(dir.path(), 120, 30);
        // Before the meeting: flag a blocker.
        c.keys("5 f");
        c.keys("M");
        assert_eq!(c.app.mode, Mode::MeetingForm);
        assert!(c.screen().contains("[1/3] Chủ trì"), "{}", c.screen());
        c.keys("P h ó <Space> C h ủ <Space> t ị c h <Enter> <Enter> P h ò n g <Space> 2 <Enter>");
        assert!(
            c.screen().contains("cuộc họp bắt đầu lúc"),
            "{}",
            c.screen()
        );
        // A conclusion on the first item, then the meeting ends.
        concluded = agenda(&c)[0].0.clone();
        c.keys("c T i ế p <Space> t ụ c <Space> t h e o <Space> d õ i <Enter>");
        assert!(c.screen().contains("Đã ghi"), "{}", c.screen());
        c.keys("<Esc>");
        assert!(c.app.meeting.is_none());
        assert!(c.screen().contains("kết thúc"), "{}", c.screen());
    }
    // In the journal: the meeting, with its chair and place, opened and closed.
    let loaded = giaoban::store::load_path(&fixture("mini")).unwrap();
    let (j, _) =
        Journal::open_read_only(&dir.path().join("journal.ron"), &loaded.snapshot).unwrap();
    let meetings = j.meetings();
    assert_eq!(meetings.len(), 1);
    assert_eq!(meetings[0].chair, "Phó Chủ tịch");
    assert_eq!(meetings[0].participants, "");
    assert_eq!(meetings[0].place, "Phòng 2");
    assert!(meetings[0].ended.is_some());
    assert!(j
        .entries()
        .iter()
        .any(|e| matches!(e.record, Record::MeetingEnd { .. })));

    // The next day, the console opened again from the journal.
    let mut c = with_journal(dir.path(), 120, 30);
    c.app.today = c.app.today.succ_opt().unwrap();
    c.keys("M <Enter> <Enter> <Enter>");
    let items = agenda(&c);
    assert_eq!(
        items.first(),
        Some(&(concluded.clone(), AgendaReason::CarriedOver)),
        "{items:?}"
    );
    let screen = c.screen();
    assert!(screen.contains("↻ chuyển từ họp trước"), "{screen}");
    let today = chrono::Local::now()
        .date_naive()
        .format("%d/%m/%Y")
        .to_string();
    assert!(
        screen.contains(&format!("cuộc họp trước: {today}")),
        "{screen}"
    );
    // The same data as at that meeting: nothing is newly overdue since.
    assert!(
        !items
            .iter()
            .any(|(_, why)| *why == AgendaReason::NewlyOverdue),
        "{items:?}"
    );
}

#[test]
fn a_read_only_console_opens_the_agenda_without_asking_and_says_nothing_is_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let _first = with_journal(dir.path(), 100, 24);
    let mut second = with_journal(dir.path(), 120, 30);
    second.keys("M");
    assert_eq!(second.app.mode, Mode::Normal);
    assert!(second.app.meeting.is_some());
    let screen = second.screen();
    assert!(
        screen.contains("Cuộc họp không được ghi vào sổ"),
        "{screen}"
    );
}
