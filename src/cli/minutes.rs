//! `giaoban minutes [--since DATE] [--format md|txt] [--lang vi|en]`: the conclusions notice
//! (thông báo kết luận) from the decision journal, to standard output.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use crate::journal::minutes::{self, Format};
use crate::journal::{self, Journal, Lang};

/// Runs the command; returns the exit code.
pub fn run(
    since: Option<NaiveDate>,
    format: Format,
    lang: Lang,
    journal_path: Option<&Path>,
    data: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let result = (|| -> Result<String, String> {
        let loaded = super::load(data)?;
        let path = journal::resolve_path(journal_path, &loaded.origin)?;
        let (j, warnings) =
            Journal::open_read_only(&path, &loaded.snapshot).map_err(|e| e.to_string())?;
        if !j.exists() {
            return Err(format!(
                "there is no journal at {}: no decisions have been recorded there (give another with --journal PATH)",
                path.display()
            ));
        }
        for w in &warnings {
            let _ = writeln!(err, "giaoban minutes: warning: {w}");
        }
        Ok(minutes::render(
            &loaded.snapshot,
            j.decisions(),
            since,
            format,
            lang,
        ))
    })();
    match result.and_then(|text| {
        out.write_all(text.as_bytes())
            .and_then(|()| out.flush())
            .map_err(|e| e.to_string())
    }) {
        Ok(()) => 0,
        Err(e) => {
            let _ = writeln!(err, "giaoban minutes: {e}");
            1
        }
    }
}
