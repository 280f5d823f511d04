//! Properties over generated input (issue 12), a few thousand cases in all: the query parser,
//! the RON loader, the journal reader and the text sanitiser never panic, and every input they
//! refuse gets a message with a position.

use std::sync::OnceLock;

use giaoban::journal::{chain, Record};
use giaoban::query::Compiled;
use giaoban::store::files::{decode, DataFile};
use giaoban::store::parse::parse_ron;
use giaoban::store::{load_path, Loaded};
use giaoban::text::{excerpt, inert, is_invisible};
use proptest::prelude::*;

fn shipped() -> &'static Loaded {
    static D: OnceLock<Loaded> = OnceLock::new();
    D.get_or_init(|| {
        load_path(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data"))
            .expect("the shipped snapshot loads")
    })
}

/// Pieces a query is made of, and some that break it.
fn query_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("status:".to_string()),
        Just("unit:".to_string()),
        Just("locality:".to_string()),
        Just("today:".to_string()),
        Just("lead:".to_string()),
        Just("model:".to_string()),
        Just("cause:".to_string()),
        Just("report:".to_string()),
        Just("kind:".to_string()),
        Just("is:".to_string()),
        Just("overdue".to_string()),
        Just("-".to_string()),
        Just("\"".to_string()),
        Just(" ".to_string()),
        Just("bình định".to_string()),
        Just("done".to_string()),
        Just("C06".to_string()),
        "[a-zđ0-9:\"\\- ]{0,8}",
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn query() -> impl Strategy<Value = String> {
    prop::collection::vec(query_piece(), 0..12).prop_map(|v| v.concat())
}

/// A small valid data file, to be damaged.
const DATA: &str = r#"(
    units: [
        (id: "c06", name: "Cục C06", aliases: ["C06"], level: central),
        (id: "so-tttt", name: "Sở TT&TT", level: province),
    ],
    localities: [
        (id: "binh-dinh", name: "Bình Định", level: province, today: "gia-lai"),
    ],
)
"#;

/// An edit of a text: insert, delete or replace at a position.
fn damaged() -> impl Strategy<Value = String> {
    let edits = prop::collection::vec((any::<prop::sample::Index>(), 0u8..3, any::<char>()), 1..6);
    edits.prop_map(|edits| {
        let mut chars: Vec<char> = DATA.chars().collect();
        for (at, kind, c) in edits {
            let i = at.index(chars.len() + 1);
            match kind {
                0 => chars.insert(i, c),
                1 if i < chars.len() => {
                    chars.remove(i);
                }
                _ if i < chars.len() => chars[i] = c,
                _ => {}
            }
        }
        chars.into_iter().collect()
    })
}

/// A journal line: a real record, damaged, or arbitrary text.
fn journal_line() -> impl Strategy<Value = String> {
    let record = r#"decision(seq: 1, at: "2025-06-05T09:14:03+07:00", item: "t1", new: state(escalated), note: "thiếu kinh phí")"#;
    prop_oneof![
        Just(record.to_string()),
        (any::<prop::sample::Index>(), any::<char>()).prop_map(move |(i, c)| {
            let mut s: Vec<char> = record.chars().collect();
            let i = i.index(s.len());
            s[i] = c;
            s.into_iter().collect()
        }),
        (any::<prop::sample::Index>()).prop_map(move |i| {
            let s: Vec<char> = record.chars().collect();
            s[..i.index(s.len())].iter().collect()
        }),
        ".{0,60}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_query_compiles_or_is_refused_at_a_place_in_it(q in query()) {
        match Compiled::parse(&q, &shipped().snapshot) {
            Ok(_) => {}
            Err(e) => {
                prop_assert!(!e.message.is_empty());
                prop_assert!(!e.message_vi.is_empty());
                prop_assert!(e.span.0 <= e.span.1 && e.span.1 <= q.len(), "{:?} in {q:?}", e.span);
                prop_assert!(q.is_char_boundary(e.span.0) && q.is_char_boundary(e.span.1));
            }
        }
    }

    #[test]
    fn text_made_inert_has_nothing_a_terminal_acts_on(s in any::<String>()) {
        let shown = inert(&s);
        prop_assert!(!shown.chars().any(is_invisible), "{shown:?}");
        let e = excerpt(&s, 20);
        prop_assert!(!e.chars().any(is_invisible));
        prop_assert!(e.chars().count() <= 20 * 10 + 40);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_damaged_data_file_loads_or_is_refused_with_line_and_column(text in damaged()) {
        if let Err(e) = parse_ron::<DataFile>("units.ron", &text) {
            prop_assert!(e.line >= 1 && e.column >= 1, "{e} in {text:?}");
            prop_assert!(!e.message.is_empty());
        }
    }

    #[test]
    fn bytes_decode_or_the_bad_byte_is_placed(bytes in prop::collection::vec(any::<u8>(), 0..80)) {
        if let Err(e) = decode(bytes) {
            let (line, col) = e.at.expect("a position");
            prop_assert!(line >= 1 && col >= 1);
        }
    }

    #[test]
    fn a_journal_line_is_read_or_refused_at_a_column(line in journal_line()) {
        if let Err(e) = Record::from_line(&line) {
            prop_assert!(e.starts_with("column "), "{e}");
        }
    }

    #[test]
    fn any_journal_bytes_have_their_chain_checked(lines in prop::collection::vec(journal_line(), 0..8)) {
        let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
        let r = chain::verify(text.as_bytes());
        prop_assert!(r.chained <= r.records);
        // Sealed by the writer, the same lines verify (the writer's lines never begin with a
        // byte-order mark: record texts are cleaned; one at the file's start is an editor's).
        prop_assume!(!text.starts_with('\u{feff}'));
        let (sealed, _) = chain::Tail::empty().seal(&text);
        prop_assert!(chain::verify(sealed.as_bytes()).intact());
    }
}
