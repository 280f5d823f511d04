//! The notice's configuration file and writing the notice to a file that never overwrites
//! another (a second notice of the same day gets "-2").

use std::path::{Path, PathBuf};

use crate::journal::minutes::{self, Format, MeetingInfo, Notice, NoticeConfig};
use crate::journal::{Decisions, Lang};
use crate::snapshot::Snapshot;

/// The meeting a notice is of: the last meeting recorded in the journal (its day, chair,
/// participants and place), unless `since` asks for every decision from a day; without
/// meeting records, the last day with decisions.
pub fn meeting_of(
    journal: &crate::journal::Journal,
    since: Option<chrono::NaiveDate>,
) -> (Option<chrono::NaiveDate>, Option<MeetingInfo>) {
    if since.is_some() {
        return (since, None);
    }
    match journal.meetings().last() {
        Some(m) => {
            let some = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
            (
                Some(m.day()),
                Some(MeetingInfo {
                    date: Some(m.day()),
                    chair: some(&m.chair),
                    participants: some(&m.participants).into_iter().collect(),
                    place: some(&m.place),
                    started: Some(m.started.naive_local()),
                    ended: m.ended.map(|e| e.naive_local()),
                }),
            )
        }
        None => (None, None),
    }
}

/// `$XDG_CONFIG_HOME/giaoban/notice.ron` (`~/.config/giaoban/notice.ron`).
pub fn default_config_path() -> Option<PathBuf> {
    crate::tui::config::config_dir().map(|d| d.join("notice.ron"))
}

/// The configuration: the file given (it must exist), else the default file when there is
/// one, else nothing filled in (the notice shows placeholders). A file that cannot be read
/// is an error naming file, line and column.
pub fn load_config(given: Option<&Path>) -> Result<NoticeConfig, String> {
    let path = match given {
        Some(p) => p.to_path_buf(),
        None => match default_config_path().filter(|p| p.exists()) {
            Some(p) => p,
            None => return Ok(NoticeConfig::default()),
        },
    };
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(text)
        .map_err(|e| {
            format!(
                "{}:{}:{}: {} (expected fields: issuer_parent, issuer, symbol, number, place, meeting, chair, chair_name, participants, venue, authority, signer_title, signer_name, recipients, archive)",
                path.display(),
                e.position.line,
                e.position.col,
                e.code
            )
        })
}

/// "thong-bao-ket-luan-2025-06-05.docx" (English: "conclusions-2025-06-05.docx").
pub fn file_name(n: &Notice, format: Format, lang: Lang) -> String {
    let day = n
        .day
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_else(|| {
            chrono::Local::now()
                .date_naive()
                .format("%Y-%m-%d")
                .to_string()
        });
    match lang {
        Lang::Vi => format!("thong-bao-ket-luan-{day}.{}", format.extension()),
        Lang::En => format!("conclusions-{day}.{}", format.extension()),
    }
}

/// The notice's bytes in the format.
pub fn bytes(n: &Notice, format: Format) -> Result<Vec<u8>, String> {
    match format {
        Format::Docx => super::docx::notice_docx(n),
        other => Ok(minutes::render_notice(n, other).into_bytes()),
    }
}

/// Builds the notice of the last meeting (or since a day) and writes it in `dir` (or to
/// `out`), never over another file; returns the path written.
#[allow(clippy::too_many_arguments)]
pub fn write_notice(
    snapshot: &Snapshot,
    decisions: &Decisions,
    since: Option<chrono::NaiveDate>,
    cfg: &NoticeConfig,
    meeting: Option<&MeetingInfo>,
    lang: Lang,
    sources: bool,
    format: Format,
    dir: &Path,
    out: Option<&Path>,
) -> Result<PathBuf, String> {
    let n = minutes::build(snapshot, decisions, since, cfg, meeting, lang, sources);
    let data = bytes(&n, format)?;
    let path = match out {
        Some(p) => p.to_path_buf(),
        None => dir.join(file_name(&n, format, lang)),
    };
    super::files::write_new(&path, &data).map_err(|e| format!("{}: {e}", path.display()))
}
