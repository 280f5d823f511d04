//! The fuzzers' kept inputs, run through the same properties as the fuzz targets
//! (`fuzz/checks/mod.rs`): the minimised corpus of each target and every input that once made
//! a target fail (`tests/fixtures/fuzz/<target>/`). A finding fixed stays fixed.

#[path = "../fuzz/checks/mod.rs"]
mod checks;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

fn inputs(target: &str) -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// Run `check` on every kept input of `target`; name every input that fails.
fn run(target: &str, minimum: usize, check: impl Fn(&[u8])) {
    let files = inputs(target);
    assert!(
        files.len() >= minimum,
        "{target}: {} kept inputs, expected at least {minimum}",
        files.len()
    );
    let failed: Vec<String> = files
        .iter()
        .filter(|f| {
            let bytes = std::fs::read(f).expect("reads a kept input");
            catch_unwind(AssertUnwindSafe(|| check(&bytes))).is_err()
        })
        .map(|f| f.display().to_string())
        .collect();
    assert!(failed.is_empty(), "{target}: failed on {failed:#?}");
}

#[test]
fn snapshot_loader_corpus() {
    run("snapshot_loader", 100, checks::snapshot_loader);
}

#[test]
fn query_parser_corpus() {
    run("query_parser", 100, checks::query_parser);
}

#[test]
fn journal_reader_corpus() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    run("journal_reader", 100, |b| {
        checks::journal_reader(b, dir.path())
    });
}
