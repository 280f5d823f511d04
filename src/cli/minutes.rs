//! `giaoban minutes [--since DATE] [--format docx|md|txt] [--config FILE] [--no-sources]
//! [--out FILE]`: the conclusions notice (thông báo kết luận, form 1.4 of Nghị định
//! 30/2020/NĐ-CP) of the last meeting in the decision journal. Markdown and text go to
//! standard output; a Word document to a new file (never over another).

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::journal::minutes::{self, Format};
use crate::journal::{self, Journal, Lang};
use crate::office::notice;

/// What `giaoban minutes` was asked for.
#[derive(Debug, Clone, Default)]
pub struct MinutesArgs {
    pub since: Option<NaiveDate>,
    pub format: Format,
    pub lang: Lang,
    pub journal: Option<PathBuf>,
    pub data: Option<PathBuf>,
    pub config: Option<PathBuf>,
    pub sources: bool,
    pub out: Option<PathBuf>,
}

/// Runs the command; returns the exit code.
pub fn run(args: &MinutesArgs, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let result = (|| -> Result<(), String> {
        let cfg = notice::load_config(args.config.as_deref())?;
        let loaded = super::load(args.data.as_deref())?;
        let path = journal::resolve_path(args.journal.as_deref(), &loaded.origin)?;
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
        if args.format == Format::Docx || args.out.is_some() {
            let written = notice::write_notice(
                &loaded.snapshot,
                j.decisions(),
                args.since,
                &cfg,
                None,
                args.lang,
                args.sources,
                args.format,
                Path::new("."),
                args.out.as_deref(),
            )?;
            let _ = writeln!(out, "{}", written.display());
            return Ok(());
        }
        let n = minutes::build(
            &loaded.snapshot,
            j.decisions(),
            args.since,
            &cfg,
            None,
            args.lang,
            args.sources,
        );
        let text = minutes::render_notice(&n, args.format);
        match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            other => other.map_err(|e| e.to_string()),
        }
    })();
    match result {
        Ok(()) => 0,
        Err(e) => {
            let _ = writeln!(err, "giaoban minutes: {e}");
            1
        }
    }
}
