//! Any bytes as a snapshot's data file, and as its manifest: the loader answers with a
//! snapshot or with messages that each name a position, never a panic.
#![no_main]

#[path = "../checks/mod.rs"]
mod checks;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| checks::snapshot_loader(data));
