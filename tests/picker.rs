//! The assign picker (`a`): when what was typed fits several units it asks which, offering the
//! unit of the item's province first; it never picks a role of every province silently.

mod ui;
use ui::*;

use giaoban::tui::app::Mode;
use giaoban::tui::config::Options;
use giaoban::tui::decisions::id_of;

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
fn stttt_on_a_hue_task_asks_which_and_offers_hue_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = shipped(dir.path(), 100, 30);
    c.keys("3 / locality:thua-thien-hue <Enter>");
    let id = selected_id(&c);
    assert!(id.starts_with("hue-108"), "{id}");
    c.keys("a STTTT <Enter>");
    // Nothing recorded yet: the picker asks.
    assert_eq!(c.app.mode, Mode::Prompt);
    assert!(c.app.items.get(&id).and_then(|d| d.unit.clone()).is_none());
    let screen = c.screen();
    assert!(
        screen.contains("'STTTT' khớp 3 đơn vị — chọn một"),
        "{screen}"
    );
    // The list: Huế's first (selected), then Bình Định's, the role of every province last.
    let hue = screen.find("Sở TTTT · Thừa Thiên Huế").expect(&screen);
    let bd = screen.find("Sở TTTT · Bình Định").expect(&screen);
    let every = screen.find("(mọi tỉnh)").expect(&screen);
    assert!(hue < bd && bd < every, "{screen}");
    // Enter again takes the one shown selected.
    c.keys("<Enter>");
    assert_eq!(c.app.mode, Mode::Normal);
    assert_eq!(
        c.app.items[&id].unit.as_deref(),
        Some("thua-thien-hue-so-tttt")
    );
}

#[test]
fn every_spelling_asks_the_same_question_and_a_choice_is_explicit() {
    for typed in [
        "so <Space> tt <Space> tt",
        "Sở <Space> TT&TT",
        "sở <Space> tttt",
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut c = shipped(dir.path(), 100, 30);
        c.keys("3 / locality:thua-thien-hue <Enter>");
        let id = selected_id(&c);
        c.keys(&format!("a {typed} <Enter>"));
        assert!(
            c.screen().contains("khớp 3 đơn vị"),
            "{typed}: {}",
            c.screen()
        );
        // Choosing with the arrows is a choice: Enter records it at once.
        c.keys("<Down> <Enter>");
        assert_eq!(
            c.app.items[&id].unit.as_deref(),
            Some("binh-dinh-so-tttt"),
            "{typed}"
        );
    }
}

#[test]
fn one_unit_named_with_its_province_is_taken_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = shipped(dir.path(), 100, 30);
    c.keys("3 / locality:thua-thien-hue <Enter>");
    let id = selected_id(&c);
    c.keys("a STTTT <Space> Huế <Enter>");
    assert_eq!(c.app.mode, Mode::Normal, "{}", c.screen());
    assert_eq!(
        c.app.items[&id].unit.as_deref(),
        Some("thua-thien-hue-so-tttt")
    );
}

#[test]
fn a_role_of_every_province_is_never_taken_silently_for_a_provinces_task() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = shipped(dir.path(), 120, 30);
    c.keys("3 / locality:thua-thien-hue <Enter>");
    let id = selected_id(&c);
    // PC06 is a role of every province that no unit of Huế plays in the data.
    c.keys("a PC06 <Enter>");
    assert_eq!(c.app.mode, Mode::Prompt);
    let screen = c.screen();
    assert!(screen.contains("vai trò của mọi tỉnh"), "{screen}");
    assert!(c.app.items.get(&id).and_then(|d| d.unit.clone()).is_none());
    // Said twice, it is the secretariat's choice.
    c.keys("<Enter>");
    assert_eq!(c.app.items[&id].unit.as_deref(), Some("pc06"));
}

/// The filter bar says what free words stand for, and the kept filter says it beside the count.
#[test]
fn the_filter_says_what_free_words_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = shipped(dir.path(), 120, 30);
    c.keys("3 / binh <Space> dinh");
    let screen = c.screen();
    let status = screen.lines().last().unwrap();
    assert!(
        status.contains("binh dinh: locality:binh-dinh và nơi nhắc đến"),
        "{status}"
    );
    c.keys("<Enter>");
    let screen = c.screen();
    assert!(
        screen.contains("/binh dinh (locality:binh-dinh và nơi nhắc đến)"),
        "{screen}"
    );
}
