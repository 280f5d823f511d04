//! Any bytes as a decision journal: read (records replayed, bad lines reported by line) and
//! its hash chain checked; never a panic.
#![no_main]

#[path = "../checks/mod.rs"]
mod checks;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = std::env::temp_dir().join(format!("giaoban-fuzz-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    checks::journal_reader(data, &dir);
});
