//! `giaoban diff [OLD] [NEW] [--format md|json|csv]`: what changed between two snapshots.

use std::io::Write;
use std::path::Path;

use crate::history::{self, diff::diff, render};

/// Exit code 0 with the changes written, 1 when a snapshot cannot be loaded or the comparison
/// is not defined (said on standard error).
pub fn run(
    old: Option<&Path>,
    new: Option<&Path>,
    since: Option<&str>,
    format: &str,
    vi: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let pair = match (old, new) {
        (Some(o), Some(n)) => history::load_any(o).and_then(|o| {
            let mut n = history::load_any(n)?;
            // What the older one said is what tells "done late" in the newer.
            n.snapshot.seen_open = history::seen_open(&o);
            Ok((o, n))
        }),
        // One path: a history (its newest and the one before, or --since), or a snapshot
        // compared with --since.
        (Some(p), None) => pair_of(Some(p), since),
        (None, _) => pair_of(None, since),
    };
    match pair {
        Ok((o, n)) => {
            let d = diff(&o, &n);
            match render::write(&d, format, vi, out) {
                Ok(()) => 0,
                Err(e) => {
                    let _ = writeln!(err, "giaoban diff: {e}");
                    2
                }
            }
        }
        Err(e) => {
            let _ = writeln!(err, "giaoban diff: {e}");
            1
        }
    }
}

fn pair_of(
    path: Option<&Path>,
    since: Option<&str>,
) -> Result<(crate::store::Loaded, crate::store::Loaded), String> {
    let since = since.map(history::parse_since);
    let c = history::open(path, since.as_ref())?;
    match c.previous {
        Some(p) => Ok((p, c.current)),
        None => Err(
            "nothing to compare with: give two snapshots (giaoban diff OLD NEW), a history folder \
             (sub-folders named YYYY-MM-DD), or --since DATE|PATH"
                .to_string(),
        ),
    }
}
