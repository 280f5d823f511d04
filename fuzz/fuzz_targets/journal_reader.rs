//! Any bytes as a decision journal: read (records replayed, bad lines reported by line) and
//! its hash chain checked; never a panic.
#![no_main]

use std::sync::OnceLock;

use giaoban::journal::{chain, Journal};
use giaoban::store::{load_embedded, Loaded};
use libfuzzer_sys::fuzz_target;

fn data() -> &'static Loaded {
    static D: OnceLock<Loaded> = OnceLock::new();
    // The snapshot compiled into the program: always the shape this build reads.
    D.get_or_init(|| load_embedded().expect("the shipped snapshot loads"))
}

fuzz_target!(|bytes: &[u8]| {
    let r = chain::verify(bytes);
    assert!(r.chained <= r.records);
    let dir = std::env::temp_dir().join(format!("giaoban-fuzz-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("journal.ron");
    std::fs::write(&path, bytes).expect("writes the journal");
    match Journal::open_read_only(&path, &data().snapshot) {
        Ok((_, warnings)) => {
            for w in warnings {
                assert!(w.len() < 8192, "a warning quotes too much: {}", w.len());
            }
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
