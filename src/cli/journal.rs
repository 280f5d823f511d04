//! `giaoban journal [PATH]`: the decision journal as recorded (every record, with its line),
//! the decisions in force per item, and what is wrong with the file (torn last record, bad
//! lines, another snapshot). `--adopt` continues a journal with the snapshot open now.
//! Said in Vietnamese by default, in English with `--lang en`.

use std::io::Write;
use std::path::Path;

use crate::journal::{self, record::parse_at, Journal, Lang, Record};
use crate::snapshot::Snapshot;
use crate::text::one_line;

/// Runs the command; returns the exit code.
pub fn run(
    path: Option<&Path>,
    data: Option<&Path>,
    adopt: bool,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    match list(path, data, adopt, lang, out) {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(err, "giaoban journal: {e}");
            1
        }
    }
}

fn list(
    path: Option<&Path>,
    data: Option<&Path>,
    adopt: bool,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<i32, String> {
    let vi = lang == Lang::Vi;
    // The same sentence in the two languages.
    let say = |v: String, e: String| if vi { v } else { e };
    let loaded = super::load(data)?;
    let snap = &loaded.snapshot;
    let file = journal::resolve_path(path, &loaded.origin)?;
    let (mut j, warnings) = if adopt {
        Journal::open(&file, snap)
    } else {
        Journal::open_read_only(&file, snap)
    }
    .map_err(|e| e.to_string())?;
    let w = |out: &mut dyn Write, s: String| writeln!(out, "{s}").map_err(|e| e.to_string());
    if !j.exists() {
        if path.is_some() {
            return Err(say(
                format!("không có sổ quyết định ở {}", file.display()),
                format!("there is no journal at {}", file.display()),
            ));
        }
        w(
            out,
            say(
                format!(
                    "sổ quyết định: {} (chưa tạo: chưa ghi quyết định nào)",
                    file.display()
                ),
                format!(
                    "journal: {} (not created yet: no decisions recorded)",
                    file.display()
                ),
            ),
        )?;
        return Ok(0);
    }
    w(
        out,
        say(
            format!("sổ quyết định: {}", file.display()),
            format!("journal: {}", file.display()),
        ),
    )?;
    match j.header() {
        Some(h) => w(
            out,
            say(
                format!("ghi theo:        {}", h.describe(lang, Some(snap))),
                format!("written against: {}", h.summary()),
            ),
        )?,
        None => w(
            out,
            say(
                "ghi theo:        (không có dòng đầu nêu bộ số liệu)".into(),
                "written against: (no header line)".into(),
            ),
        )?,
    }
    let same = matches!(j.header(), Some(Record::Header { fingerprint, .. }) if fingerprint == j.snapshot_fingerprint());
    w(
        out,
        say(
            format!(
                "bộ số liệu mở:   \"{}\"{} ({}){}",
                snap.title,
                snap.as_of
                    .map(|d| format!(", số liệu đến ngày {}", d.format("%d/%m/%Y")))
                    .unwrap_or_default(),
                j.snapshot_fingerprint(),
                if same { ", trùng" } else { ", khác" }
            ),
            format!(
                "open snapshot:   \"{}\"{} ({}){}",
                snap.title,
                snap.as_of
                    .map(|d| format!(", as of {d}"))
                    .unwrap_or_default(),
                j.snapshot_fingerprint(),
                if same {
                    ", the same"
                } else {
                    ", a different one"
                }
            ),
        ),
    )?;
    if adopt {
        let said = if j.adopt().map_err(|e| e.to_string())? {
            say(
                "đã nhận sổ: từ nay quyết định được ghi theo bộ số liệu đang mở".into(),
                "adopted: decisions from now on are recorded against the open snapshot".into(),
            )
        } else {
            say(
                "không cần nhận sổ: sổ đã ghi theo bộ số liệu đang mở".into(),
                "nothing to adopt: the journal is written against the open snapshot".into(),
            )
        };
        w(out, said)?;
    }

    let entries = j.entries();
    let decisions = entries
        .iter()
        .filter(|e| matches!(e.record, Record::Decision { .. }))
        .count();
    let in_force = entries
        .iter()
        .filter(|e| matches!(e.record, Record::Decision { seq, .. } if j.in_force(seq)))
        .count();
    let undos = entries
        .iter()
        .filter(|e| matches!(e.record, Record::Undo { .. }))
        .count();
    let redos = entries
        .iter()
        .filter(|e| matches!(e.record, Record::Redo { .. }))
        .count();
    let meetings = j.meetings().len();
    w(
        out,
        say(
            format!(
                "bản ghi: {decisions} quyết định, {in_force} còn hiệu lực; {undos} hoàn tác, {redos} làm lại; {meetings} cuộc họp; {} cảnh báo\n",
                warnings.len()
            ),
            format!(
                "records: {decisions} decision(s), {in_force} in force; {undos} undo, {redos} redo; {meetings} meeting(s); {} warning(s)\n",
                warnings.len()
            ),
        ),
    )?;
    for e in entries {
        if let Record::Header { .. } = e.record {
            continue;
        }
        let when = parse_at(e.record.at())
            .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
            .unwrap_or_else(|| e.record.at().to_string());
        let known = e
            .record
            .item()
            .is_none_or(|i| snap.task_index(i).is_some() || snap.blocker_index(i).is_some());
        let undone = match &e.record {
            Record::Decision { seq, .. } if !j.in_force(*seq) => {
                say("  (đã hoàn tác)".into(), "  (undone)".into())
            }
            _ if !known => say(
                "  (không có trong bộ số liệu này)".into(),
                "  (not in this snapshot)".into(),
            ),
            _ => String::new(),
        };
        w(
            out,
            say(
                format!(
                    "  {when}  {}{undone}  [dòng {}]",
                    e.record.describe(lang, Some(snap)),
                    e.line
                ),
                format!(
                    "  {when}  {}{undone}  [line {}]",
                    e.record.summary(),
                    e.line
                ),
            ),
        )?;
    }
    if !j.decisions().is_empty() {
        w(
            out,
            say(
                "\nđang có hiệu lực, theo mục:".into(),
                "\nin force, by item:".into(),
            ),
        )?;
        for (id, d) in j.decisions().iter() {
            w(out, format!("  {id}  {}", item_title(snap, id, vi)))?;
            let mut parts = Vec::new();
            if let Some(s) = d.state {
                parts.push(say(
                    format!("trạng thái: {}", s.label(lang)),
                    format!("state: {}", s.key()),
                ));
            }
            if let Some(u) = &d.unit {
                parts.push(say(
                    format!("giao chủ trì: {} ({u})", snap.unit_name(u)),
                    format!("unit: {u} ({})", snap.unit_name(u)),
                ));
            }
            if let Some(due) = d.due {
                parts.push(say(
                    format!("hạn mới: {}", due.format("%d/%m/%Y")),
                    format!("due: {due}"),
                ));
            }
            if d.agenda {
                parts.push(say("trong chương trình họp".into(), "on the agenda".into()));
            }
            if let Some(c) = &d.conclusion {
                parts.push(say(
                    format!("kết luận: {c:?}"),
                    format!("conclusion: {c:?}"),
                ));
            }
            if !parts.is_empty() {
                w(out, format!("      {}", parts.join(" · ")))?;
            }
            for n in &d.notes {
                w(
                    out,
                    say(
                        format!("      ghi chú: {n:?}"),
                        format!("      note: {n:?}"),
                    ),
                )?;
            }
        }
    }
    if !warnings.is_empty() {
        w(
            out,
            say(
                format!("\ncảnh báo: {}", warnings.len()),
                format!("\nwarnings: {}", warnings.len()),
            ),
        )?;
        for x in &warnings {
            w(out, format!("  {x}"))?;
        }
    }
    if let Some(r) = j.read_only().filter(|_| adopt) {
        w(
            out,
            say(format!("\nchỉ đọc: {r}"), format!("\nread-only: {r}")),
        )?;
        return Ok(1);
    }
    Ok(0)
}

fn item_title(snap: &Snapshot, id: &str, vi: bool) -> String {
    let t = if let Some(i) = snap.task_index(id) {
        one_line(&snap.tasks[i].title)
    } else if let Some(i) = snap.blocker_index(id) {
        one_line(&snap.blockers[i].text)
    } else {
        return if vi {
            "(không có trong bộ số liệu này)".into()
        } else {
            "(not in this snapshot)".into()
        };
    };
    if t.chars().count() > 80 {
        format!("{}…", t.chars().take(79).collect::<String>())
    } else {
        t
    }
}
