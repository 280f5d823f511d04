//! Free words on the shipped reports, as the chair sees them: a word matches where a word of
//! the record begins ("hue" finds Huế, not "thuế"), with or without diacritics; the count on
//! the filter bar is the number of records that match; and a query typed letter by letter
//! (the console narrows the previous result) and deleted again (it recalls earlier results)
//! shows at every step what the same query typed at once shows.

mod ui;

use giaoban::query::{Compiled, Ctx, Rec};
use giaoban::store::Loaded;
use giaoban::tui::config::Options;
use ui::{no_config, Console};

fn shipped() -> Loaded {
    giaoban::store::load_embedded().expect("the shipped snapshot loads")
}

/// The ids of the tasks a query finds, worked out directly (no console, nothing remembered).
fn task_ids(l: &Loaded, q: &str) -> Vec<String> {
    found_ids(l, q).expect("the query reads")
}

/// The same; none for a query that cannot be read (the console shows no rows then).
fn found_ids(l: &Loaded, q: &str) -> Option<Vec<String>> {
    let ctx = Ctx {
        snap: &l.snapshot,
        findings: &l.findings,
        as_of: l.snapshot.as_of.unwrap(),
        overlay: None,
    };
    let all: Vec<Rec> = (0..l.snapshot.tasks.len()).map(Rec::Task).collect();
    let c = Compiled::parse(q, &l.snapshot).ok()?;
    Some(
        c.filter(&ctx, &all)
            .into_iter()
            .map(|r| match r {
                Rec::Task(i) => l.snapshot.tasks[i].id.to_string(),
                other => panic!("not a task: {other:?}"),
            })
            .collect(),
    )
}

/// The console on the shipped reports, in the tasks view.
fn console(w: u16, h: u16) -> (Console, tempfile::TempDir) {
    let cfg = no_config();
    let opts = Options {
        config_dir: Some(cfg.path().to_path_buf()),
        ..Options::default()
    };
    let mut c = Console::with(shipped(), opts, w, h);
    c.keys("3");
    (c, cfg)
}

#[test]
fn hue_finds_the_hue_records_and_not_the_taxes() {
    let l = shipped();
    let hue = task_ids(&l, "hue");
    let province = task_ids(&l, "locality:thua-thien-hue");
    assert!(province.len() > 100, "{}", province.len());
    // Every task of Huế, and no other: the shipped tasks elsewhere that say "thuê" (rent) or
    // "thuế" (tax) are not about Huế.
    assert_eq!(hue, province);
    // "Thuê dịch vụ" in Bình Định's task 34 and Phụ lục III's model 4.
    assert!(task_ids(&l, "thue").contains(&"bd-258-pl01-34".to_string()));
    assert!(!hue.contains(&"bd-258-pl01-34".to_string()));
    assert!(!hue.contains(&"pl3-02".to_string()));
    // Typed with its diacritics, the same.
    assert_eq!(task_ids(&l, "Huế"), hue);
    // "thuế" itself still finds the tax tasks.
    assert!(task_ids(&l, "thuế").contains(&"hue-108-pl1-84".to_string()));

    // What the chair reads on the filter bar.
    let (mut c, _cfg) = console(200, 40);
    let total = l.snapshot.tasks.len();
    c.keys("/ h u e");
    let screen = c.screen();
    assert!(
        screen.contains(&format!("{} / {}", hue.len(), total)),
        "{screen}"
    );
    assert!(!screen.contains("Thuê dịch vụ"), "{screen}");
}

#[test]
fn words_match_at_the_start_of_words_with_or_without_diacritics() {
    let l = shipped();
    let plain = task_ids(&l, "binh dinh");
    assert_eq!(task_ids(&l, "Bình Định"), plain);
    // Every task of Bình Định, and those elsewhere that name it.
    let province = task_ids(&l, "locality:binh-dinh");
    assert!(province.iter().all(|id| plain.contains(id)));
    // The start of a word is enough: "dinh" typed halfway already finds them (and more).
    let halfway = task_ids(&l, "binh di");
    assert!(plain.iter().all(|id| halfway.contains(id)));
    // Inside a word is not: "inh" begins no word of "Bình Định".
    assert!(!task_ids(&l, "inh dinh")
        .iter()
        .any(|id| province.contains(id)));
    // A missing space is forgiven in titles: "dichvu" finds only what "dịch vụ" finds.
    let joined = task_ids(&l, "dichvu");
    let spaced = task_ids(&l, "\"dịch vụ\"");
    assert!(!joined.is_empty());
    assert!(joined.iter().all(|id| spaced.contains(id)), "{joined:?}");
}

#[test]
fn words_that_spell_a_place_find_its_records_and_those_that_name_it_not_the_words_apart() {
    let l = shipped();
    let place = task_ids(&l, "binh dinh");
    let province = task_ids(&l, "locality:binh-dinh");
    // Not a place: each word anywhere ("Thái Bình" and "quyết định" in one record).
    let apart = task_ids(&l, "dinh binh");
    assert!(province.iter().all(|id| place.contains(id)), "{place:?}");
    assert!(place.iter().all(|id| apart.contains(id)), "{place:?}");
    let only_apart: Vec<&String> = apart.iter().filter(|id| !place.contains(id)).collect();
    assert!(!only_apart.is_empty(), "{apart:?}");
    for id in only_apart {
        let i = l.snapshot.index.task[id.as_str()];
        assert!(
            !l.snapshot
                .index
                .task_text
                .get(i)
                .unwrap()
                .contains("binh dinh"),
            "{id} names Bình Định but was not found"
        );
    }
    // The console narrows from a place only while the place is still typed whole: "binh
    // dinhx" is two words again, not the place and more.
    let key = |q: &str| Compiled::parse(q, &l.snapshot).unwrap().key().clone();
    assert!(!key("binh dinhx").narrows(&key("binh dinh")));
    assert!(key("binh dinh x").narrows(&key("binh dinh")));
    assert!(key("binh dinh").narrows(&key("")));
    // Typed letter by letter and deleted, the console shows what the query typed at once does.
    let (mut c, _cfg) = console(120, 30);
    c.keys("/");
    type_and_delete(&mut c, &l, "binh dinhx");
}

/// `query` typed letter by letter, then deleted: after each key the console shows what the
/// query typed so far finds when typed at once.
fn type_and_delete(c: &mut Console, l: &Loaded, query: &str) {
    let mut typed = String::new();
    for ch in query.chars() {
        typed.push(ch);
        c.keys(if ch == ' ' {
            "<Space>"
        } else {
            &typed[typed.len() - ch.len_utf8()..]
        });
        assert_typing_agrees(c, l, &typed);
    }
    for _ in 0..query.chars().count() {
        typed.pop();
        c.keys("<BS>");
        assert_typing_agrees(c, l, &typed);
    }
}

/// The count and rows shown after each key equal those of the query typed at once.
fn assert_typing_agrees(c: &mut Console, l: &Loaded, typed: &str) {
    let list = c.app.current().unwrap();
    let shown = list.filter.clone();
    let expected = found_ids(l, &shown).unwrap_or_default();
    assert_eq!(
        list.record_count(),
        expected.len(),
        "after typing {typed:?}"
    );
    let rows: Vec<String> = list
        .rows
        .iter()
        .filter_map(|r| match r {
            giaoban::tui::rows::Row::Rec(Rec::Task(i)) => Some(l.snapshot.tasks[*i].id.to_string()),
            _ => None,
        })
        .collect();
    assert_eq!(rows, expected, "after typing {typed:?}");
}

#[test]
fn typing_a_query_on_and_deleting_it_shows_what_the_query_finds() {
    let l = shipped();
    let (mut c, _cfg) = console(120, 30);
    c.keys("/");
    // Words growing, a word of four letters (matched loosely on titles from there on), a
    // negated word, a field and a phrase.
    type_and_delete(&mut c, &l, "dich vu cong -thue status:done \"truc tuyen\"");
    assert_eq!(
        c.app.current().unwrap().record_count(),
        l.snapshot.tasks.len()
    );
}
