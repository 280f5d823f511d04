//! What must hold for any input, written once: the fuzz targets (`fuzz/fuzz_targets/`) run these
//! on generated inputs, and `tests/fuzz_corpus.rs` runs them on the kept corpus and on every
//! input that once failed (`tests/fixtures/fuzz/`), so a finding stays fixed.
//! Each function panics when the property does not hold.
#![allow(dead_code)] // each fuzz target uses one of these

use std::path::Path;
use std::sync::OnceLock;

use giaoban::journal::{chain, Journal};
use giaoban::query::{Compiled, Ctx, Rec};
use giaoban::store::files::{self, ReadError};
use giaoban::store::{load_embedded, load_from, FileSource, Loaded};

/// The snapshot compiled into the program: always the shape this build reads.
fn shipped() -> &'static Loaded {
    static D: OnceLock<Loaded> = OnceLock::new();
    D.get_or_init(|| load_embedded().expect("the shipped snapshot loads"))
}

/// The same bytes for every file the loader asks for (so the input is both the manifest and
/// each data file it names).
struct One(Vec<u8>);

impl FileSource for One {
    fn read(&self, _path: &str) -> Result<String, ReadError> {
        files::decode(self.0.clone())
    }
}

/// Any bytes as a snapshot file: a snapshot, or errors that each say what is wrong, where
/// (a line and a column from 1), without quoting the input at length.
pub fn snapshot_loader(data: &[u8]) {
    if let Err(fail) = load_from(&One(data.to_vec()), "data.ron", "fuzz") {
        assert!(!fail.errors.is_empty(), "a refused snapshot with no error");
        for e in &fail.errors {
            assert!(!e.message.is_empty(), "an error without a message");
            assert!(
                e.message.len() < 4096,
                "an error quotes too much: {}",
                e.message.len()
            );
            assert!(
                e.line >= 1 && e.column >= 1,
                "an error without a position: {e}"
            );
        }
    }
}

/// Any text as a query on the shipped snapshot: compiled and matched against records, or
/// refused with a message whose span lies inside the text.
pub fn query_parser(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // The console refuses longer queries.
    if text.chars().count() > 1000 {
        return;
    }
    let d = shipped();
    match Compiled::parse(text, &d.snapshot) {
        Ok(q) => {
            let ctx = Ctx {
                snap: &d.snapshot,
                findings: &d.findings,
                as_of: d.snapshot.as_of.unwrap_or_default(),
                overlay: None,
            };
            let recs: Vec<Rec> = (0..d.snapshot.tasks.len().min(200))
                .map(Rec::Task)
                .chain((0..d.snapshot.blockers.len().min(100)).map(Rec::Blocker))
                .collect();
            let _ = q.filter(&ctx, &recs);
        }
        Err(e) => {
            assert!(!e.message.is_empty());
            assert!(
                e.span.0 <= e.span.1 && e.span.1 <= text.len(),
                "{:?}",
                e.span
            );
        }
    }
}

/// Any bytes as a decision journal in `dir`: its chain checked, and read (records replayed,
/// bad lines reported by line with short warnings), or refused with a message.
pub fn journal_reader(data: &[u8], dir: &Path) {
    let r = chain::verify(data);
    assert!(r.chained <= r.records);
    let path = dir.join("journal.ron");
    std::fs::write(&path, data).expect("writes the journal");
    match Journal::open_read_only(&path, &shipped().snapshot) {
        Ok((_, warnings)) => {
            for w in warnings {
                assert!(w.len() < 8192, "a warning quotes too much: {}", w.len());
            }
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}
