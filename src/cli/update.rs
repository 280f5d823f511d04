//! `giaoban template` and `giaoban import`: update templates out to the provinces, and their
//! returns into a new dated snapshot of a history. Messages in Vietnamese (the default
//! `--lang`) or English.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::history::History;
use crate::office::{import, snapshot_out, template};
use crate::store::Loaded;

/// `giaoban template --locality ID | --unit ID --out FILE.xlsx [--data PATH]`.
pub fn template(
    locality: Option<&str>,
    unit: Option<&str>,
    out_file: &Path,
    data: Option<&Path>,
    vi: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let result = (|| -> Result<PathBuf, String> {
        if locality.is_some() == unit.is_some() {
            return Err(if vi {
                "cần đúng một trong --locality MÃ hoặc --unit MÃ"
            } else {
                "give one of --locality ID or --unit ID"
            }
            .into());
        }
        let loaded = newest(data)?;
        let s = &loaded.snapshot;
        let scope = template::scope(s, locality, unit)?;
        let bytes = template::template(s, &scope).map_err(|e| e.to_string())?;
        let written = crate::office::files::write_new(out_file, &bytes)
            .map_err(|e| format!("{}: {e}", out_file.display()))?;
        let (t, b, i) = (
            scope.tasks.len(),
            scope.blockers.len(),
            scope.indicators.len(),
        );
        let what = if vi {
            format!("{t} nhiệm vụ chưa xong, {b} vướng mắc, {i} chỉ tiêu")
        } else {
            format!("{t} open task(s), {b} blocker(s), {i} indicator(s)")
        };
        let _ = writeln!(out, "{}: {} — {what}", written.display(), scope.label);
        Ok(written)
    })();
    match result {
        Ok(_) => 0,
        Err(e) => {
            let _ = writeln!(err, "giaoban template: {e}");
            1
        }
    }
}

/// The newest snapshot of what `--data` names (a history, a snapshot, or the shipped one).
fn newest(data: Option<&Path>) -> Result<Loaded, String> {
    crate::history::open(data, None).map(|c| c.current)
}

/// What `giaoban import` was asked for.
pub struct ImportArgs {
    pub files: Vec<PathBuf>,
    pub into: PathBuf,
    pub as_of: Option<NaiveDate>,
    pub partial: bool,
    /// The snapshot to start from when the history has none yet (default: the shipped one).
    pub base: Option<PathBuf>,
    /// Messages in Vietnamese (else English).
    pub vi: bool,
}

/// `giaoban import FILE… --into HISTORY [--as-of DATE] [--partial] [--base PATH]`.
pub fn import(args: &ImportArgs, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let vi = args.vi;
    let say = |v: String, e: String| if vi { v } else { e };
    let result = (|| -> Result<bool, String> {
        let history = History::open_dir(&args.into);
        let base = match (&history, &args.base) {
            (Some(h), _) => h.load(h.newest()).map_err(|f| f.to_string())?,
            (None, Some(b)) => crate::history::load_any(b)?,
            (None, None) => crate::store::load_embedded().map_err(|f| f.to_string())?,
        };
        let as_of = args
            .as_of
            .unwrap_or_else(|| chrono::Local::now().date_naive());
        let newest = history.as_ref().map(|h| h.newest()).or(base.snapshot.as_of);
        if let Some(newest) = newest {
            if as_of <= newest {
                return Err(say(
                    format!("--as-of {as_of}: bộ số liệu mới nhất là ngày {newest}; bộ mới phải đề ngày sau ngày đó"),
                    format!("--as-of {as_of}: the newest snapshot is of {newest}; a new one must be dated after it"),
                ));
            }
        }
        let mut rows = Vec::new();
        let mut errors = Vec::new();
        // On a terminal, a bar (on standard error) for each long stage.
        let bar = super::progress::Bar::new(args.files.len() as u64, "read");
        for (n, f) in args.files.iter().enumerate() {
            bar.set(n as u64);
            match import::read_file(f) {
                Ok(r) => rows.extend(r),
                Err(e) => errors.extend(e),
            }
        }
        bar.stage("check", 0);
        let (edits, cell_errors) = import::check(&base.snapshot, &rows);
        bar.finish();
        errors.extend(cell_errors);
        for e in &errors {
            let _ = writeln!(err, "{e}");
        }
        if !errors.is_empty() && !args.partial {
            let n = errors.len();
            return Err(say(
                format!("{n} lỗi; chưa ghi gì (sửa các ô nêu trên, hoặc thêm --partial để ghi các dòng đúng)"),
                format!("{n} problem(s); nothing was written (fix the cells above, or give --partial to write the rows that are right)"),
            ));
        }
        if edits.is_empty() {
            let _ = writeln!(
                out,
                "{}",
                say(
                    "không ô nào khác bộ số liệu: không có gì để ghi".into(),
                    "no cell differs from the snapshot: nothing to write".into()
                )
            );
            return Ok(errors.is_empty());
        }
        let (snap, added) = snapshot_out::apply(&base.snapshot, &edits, as_of);
        if history.is_none() {
            // A new history starts with the snapshot the templates were made from, so that
            // the console and `diff` show what the update changed.
            let base_date = base
                .snapshot
                .as_of
                .unwrap_or(as_of - chrono::Duration::days(1));
            let note = "The snapshot the first import started from";
            bar.stage("write", 0);
            let first = snapshot_out::write_dated(
                &args.into,
                &base.snapshot,
                base_date,
                note,
                &|n, len| bar.tick(n, len),
            )?;
            bar.finish();
            let _ = writeln!(
                out,
                "{}: {}",
                first.display(),
                say(
                    "bộ số liệu gốc của lần cập nhật".into(),
                    "the snapshot the update starts from".into()
                )
            );
        }
        let names: Vec<String> = args.files.iter().map(|f| f.display().to_string()).collect();
        let note = format!("Imported by giaoban from {} on {as_of}", names.join(", "));
        bar.stage("write", 0);
        let target =
            snapshot_out::write_dated(&args.into, &snap, as_of, &note, &|n, len| bar.tick(n, len))?;
        bar.finish();
        // What was written must load: if it does not, it is taken away again.
        if let Err(e) = crate::history::load_any(&target) {
            let _ = std::fs::remove_dir_all(&target);
            return Err(say(
                format!("bộ số liệu mới không mở được nên không giữ lại: {e}"),
                format!("the new snapshot did not load, so it was not kept: {e}"),
            ));
        }
        let changed = edits.iter().filter(|e| e.id.is_some()).count();
        let (new, left) = (added.len(), errors.len());
        let left_out = match (left, vi) {
            (0, _) => String::new(),
            (_, true) => format!("; {left} lỗi bỏ qua (liệt kê ở trên)"),
            (_, false) => format!("; {left} problem(s) left out (listed above)"),
        };
        let what = say(
            format!("{changed} bản ghi thay đổi, {new} nhiệm vụ mới"),
            format!("{changed} record(s) changed, {new} new task(s)"),
        );
        let _ = writeln!(out, "{}: {what}{left_out}", target.display());
        Ok(errors.is_empty())
    })();
    match result {
        Ok(true) => 0,
        Ok(false) => 1,
        Err(e) => {
            let _ = writeln!(err, "giaoban import: {e}");
            1
        }
    }
}
