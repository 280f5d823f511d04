//! `giaoban journal --verify [PATH]`: the journal's hash chain checked record by record: where
//! a record was deleted, moved or edited, whether the end was cut, and which records are still
//! trusted. Exit code 0 when nothing is wrong (an unchained journal included: it is said so),
//! 1 when the chain is broken or the journal cannot be read.

use std::io::Write;
use std::path::Path;

use crate::journal::{self, chain};
use crate::store::files;

pub fn run(
    path: Option<&Path>,
    data: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    match verify(path, data, out) {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(err, "giaoban journal --verify: {e}");
            1
        }
    }
}

fn verify(path: Option<&Path>, data: Option<&Path>, out: &mut dyn Write) -> Result<i32, String> {
    let file = match path {
        Some(p) => p.to_path_buf(),
        None => {
            let loaded = super::load(data)?;
            journal::resolve_path(None, &loaded.origin)?
        }
    };
    let bytes = files::open_regular(&file, files::max_file_bytes())
        .and_then(|mut f| files::read_limited(&mut f, files::max_file_bytes()))
        .map_err(|e| format!("cannot read the journal {}: {e}", file.display()))?;
    let (r, tip) = chain::verify_file(&file, &bytes);
    let w = |out: &mut dyn Write, s: String| writeln!(out, "{s}").map_err(|e| e.to_string());
    w(out, format!("journal: {}", file.display()))?;
    w(
        out,
        format!(
            "records: {}, of which {} carry the hash chain",
            r.records, r.chained
        ),
    )?;
    for (a, b) in &r.unchained {
        let lines = if a == b {
            format!("line {a}")
        } else {
            format!("lines {a}–{b}")
        };
        w(
            out,
            format!("  {lines}: written without the chain (by an earlier giaoban, or by hand)"),
        )?;
    }
    if r.records > 0 && r.chained == 0 {
        w(
            out,
            "unchained: this journal was written before the hash chain, so a change to it cannot be detected; the next decision recorded starts a chain that covers every line before it".into(),
        )?;
        return Ok(0);
    }
    for (line, p) in &r.problems {
        w(out, format!("BROKEN {}:{line}: {p}", file.display()))?;
    }
    match tip {
        chain::TipState::Matches => {}
        chain::TipState::Missing => w(
            out,
            format!(
                "note: there is no tip file ({}) beside the journal, so a cut at its end cannot be ruled out",
                chain::tip_path(&file).display()
            ),
        )?,
        chain::TipState::Unreadable(e) => w(
            out,
            format!(
                "note: {}: {e}; a cut at the end of the journal cannot be ruled out",
                chain::tip_path(&file).display()
            ),
        )?,
    }
    if r.intact() {
        w(
            out,
            format!(
                "intact: every record (#1–#{}) is as it was written",
                r.trusted_through_n
            ),
        )?;
        Ok(0)
    } else {
        if r.trusted_through_n == 0 {
            w(out, "trusted: none of its records".into())?;
        } else {
            w(
                out,
                format!(
                    "trusted: records #1–#{} (up to line {}); the records after them may have been changed, deleted or moved",
                    r.trusted_through_n, r.trusted_through_line
                ),
            )?;
        }
        Ok(1)
    }
}
