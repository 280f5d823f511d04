//! Any text as a query on the shipped snapshot: compiled and matched against every record,
//! or refused with a message whose span lies inside the text; never a panic.
#![no_main]

use std::sync::OnceLock;

use giaoban::query::{Compiled, Ctx, Rec};
use giaoban::store::{load_embedded, Loaded};
use libfuzzer_sys::fuzz_target;

fn data() -> &'static Loaded {
    static D: OnceLock<Loaded> = OnceLock::new();
    // The snapshot compiled into the program: always the shape this build reads.
    D.get_or_init(|| load_embedded().expect("the shipped snapshot loads"))
}

fuzz_target!(|data_in: &[u8]| {
    let Ok(text) = std::str::from_utf8(data_in) else {
        return;
    };
    // The console refuses longer queries.
    if text.chars().count() > 1000 {
        return;
    }
    let d = data();
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
});
