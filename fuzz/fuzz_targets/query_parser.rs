//! Any text as a query on the shipped snapshot: compiled and matched against records, or
//! refused with a message whose span lies inside the text; never a panic.
#![no_main]

#[path = "../checks/mod.rs"]
mod checks;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| checks::query_parser(data));
