//! `giaoban minutes [--since DATE] [--format docx|md|txt] [--config FILE] [--no-sources]
//! [--out FILE]`: the conclusions notice (thông báo kết luận, form 1.4 of Nghị định
//! 30/2020/NĐ-CP) of the last meeting in the decision journal. Markdown and text go to
//! standard output; a Word document to a new file (never over another).

use std::io::Write;
use std::path::PathBuf;

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
    /// The minutes of the meeting (biên bản) instead of the notice.
    pub record: bool,
}

/// Writes a document: Markdown or text to standard output, or to a new file (a docx always
/// to a file: `--out`, else `NAME-DATE.docx` in the current folder).
fn emit(
    n: &minutes::Notice,
    args: &MinutesArgs,
    out: &mut dyn Write,
    name: &str,
) -> Result<(), String> {
    if args.format == Format::Docx || args.out.is_some() {
        let bytes = notice::bytes(n, args.format)?;
        let day = n
            .day
            .unwrap_or_else(|| chrono::Local::now().date_naive())
            .format("%Y-%m-%d");
        let path = args
            .out
            .clone()
            .unwrap_or_else(|| PathBuf::from(format!("{name}-{day}.{}", args.format.extension())));
        let written = crate::office::files::write_new(&path, &bytes)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        let _ = writeln!(out, "{}", written.display());
        return Ok(());
    }
    let text = minutes::render_notice(n, args.format);
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|e| e.to_string()),
    }
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
        let (since, meeting) = notice::meeting_of(&j, args.since);
        if args.record {
            let Some(m) = notice::meeting_of(&j, None).1 else {
                return Err(
                    "no meeting is recorded in the journal: the minutes (biên bản) are of a meeting opened in the console (M), with its chair and participants".into(),
                );
            };
            let n = minutes::build_record(
                &loaded.snapshot,
                j.decisions(),
                m.date,
                &cfg,
                &m,
                args.lang,
                args.sources,
            );
            return emit(&n, args, out, "bien-ban");
        }
        let n = minutes::build(
            &loaded.snapshot,
            j.decisions(),
            since,
            &cfg,
            meeting.as_ref(),
            args.lang,
            args.sources,
        );
        emit(&n, args, out, "thong-bao-ket-luan")
    })();
    match result {
        Ok(()) => 0,
        Err(e) => {
            let _ = writeln!(err, "giaoban minutes: {e}");
            1
        }
    }
}
