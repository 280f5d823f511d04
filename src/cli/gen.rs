//! `giaoban gen --tasks N [--seed S] OUT_DIR`: write a national-scale snapshot made from the
//! shipped one (see `crate::gen`), for measuring and trying the console at scale.

use std::io::Write;
use std::path::Path;

/// Writes the snapshot and a summary; returns the exit code.
pub fn run(tasks: usize, seed: u64, out_dir: &Path, out: &mut dyn Write) -> i32 {
    let shipped = match crate::store::load_embedded() {
        Ok(l) => l.snapshot,
        Err(e) => {
            let _ = writeln!(out, "giaoban gen: the shipped snapshot does not load: {e}");
            return 2;
        }
    };
    if out_dir.join("manifest.ron").exists() && !out_dir.join("reports").is_dir() {
        let _ = writeln!(
            out,
            "giaoban gen: {} holds a snapshot that was not generated; choose an empty folder",
            out_dir.display()
        );
        return 1;
    }
    let bar = super::progress::Bar::new(tasks as u64, "gen");
    let result = crate::gen::generate(&shipped, tasks, seed, out_dir, &mut |n| bar.set(n as u64));
    bar.finish();
    match result {
        Ok(s) => {
            let _ = writeln!(
                out,
                "{}: {} files, {:.1} MB: {} reports, {} tasks, {} blockers, {} indicators, {} assessments, {} localities, {} units",
                out_dir.display(),
                s.files,
                s.bytes as f64 / 1e6,
                s.reports,
                s.tasks,
                s.blockers,
                s.indicators,
                s.assessments,
                s.localities,
                s.units
            );
            0
        }
        Err(e) => {
            let _ = writeln!(out, "giaoban gen: cannot write {}: {e}", out_dir.display());
            1
        }
    }
}
