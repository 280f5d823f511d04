//! `giaoban diff`: what changed, as Markdown (to read aloud or paste), JSON or CSV.

use std::io::Write;

use chrono::NaiveDate;

use super::diff::{Change, Diff, Kind};

fn date(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%d/%m/%Y").to_string())
        .unwrap_or_else(|| "—".into())
}

fn num(v: Option<f64>, vi: bool) -> String {
    match v {
        None => "—".into(),
        Some(x) => {
            let s = if x.fract() == 0.0 && x.abs() < 1e15 {
                format!("{x:.0}")
            } else {
                format!("{x:.2}")
            };
            if vi {
                s.replace('.', ",")
            } else {
                s
            }
        }
    }
}

fn signed(v: Option<f64>, vi: bool) -> String {
    match v {
        Some(x) if x > 0.0 => format!("+{}", num(Some(x), vi)),
        other => num(other, vi),
    }
}

fn kind_label(k: Kind, vi: bool) -> &'static str {
    match (k, vi) {
        (Kind::Task, true) => "nhiệm vụ",
        (Kind::Task, false) => "task",
        (Kind::Blocker, true) => "vướng mắc",
        (Kind::Blocker, false) => "blocker",
        (Kind::Indicator, true) => "chỉ tiêu",
        (Kind::Indicator, false) => "indicator",
    }
}

/// The heading of each kind of change.
pub fn section_title(key: &str, vi: bool) -> &'static str {
    match (key, vi) {
        ("newly_overdue", true) => "Mới quá hạn",
        ("newly_overdue", false) => "Newly overdue",
        ("newly_done", true) => "Mới hoàn thành",
        ("newly_done", false) => "Newly done",
        ("status_changed", true) => "Đổi tình trạng",
        ("status_changed", false) => "Status changed",
        ("deadline_moved", true) => "Lùi/đổi thời hạn (so với hạn ban đầu)",
        ("deadline_moved", false) => "Deadline moved (from the original)",
        ("reassigned", true) => "Đổi đơn vị phụ trách",
        ("reassigned", false) => "Units reassigned",
        ("report_added", true) => "Báo cáo mới",
        ("report_added", false) => "New reports",
        ("report_removed", true) => "Báo cáo không còn",
        ("report_removed", false) => "Reports gone",
        ("added", true) => "Mới có",
        ("added", false) => "Added",
        ("removed", true) => "Không còn",
        ("removed", false) => "Removed",
        ("renamed", true) => "Đổi mã (cùng dòng nguồn)",
        ("renamed", false) => "Id changed (same source row)",
        ("indicator_changed", true) => "Chỉ tiêu thay đổi",
        ("indicator_changed", false) => "Indicators changed",
        ("not_reported", true) => "Tỉnh chưa báo cáo kỳ này",
        ("not_reported", false) => "Provinces with no report this cycle",
        (_, _) => "",
    }
}

/// One line describing a change (without its id).
pub fn describe(c: &Change, vi: bool) -> String {
    match c {
        Change::ReportAdded {
            short,
            date: d,
            tasks,
            blockers,
            indicators,
            ..
        }
        | Change::ReportRemoved {
            short,
            date: d,
            tasks,
            blockers,
            indicators,
            ..
        } => {
            if vi {
                format!(
                    "{short} ({}): {tasks} nhiệm vụ, {blockers} vướng mắc, {indicators} chỉ tiêu",
                    date(*d)
                )
            } else {
                format!(
                    "{short} ({}): {tasks} tasks, {blockers} blockers, {indicators} indicators",
                    date(*d)
                )
            }
        }
        Change::Added { kind, title, .. } | Change::Removed { kind, title, .. } => {
            format!("{}: {}", kind_label(*kind, vi), title)
        }
        Change::Renamed {
            kind,
            old_id,
            source,
            ..
        } => {
            let source = source.describe_in(vi);
            if vi {
                format!("{} trước là {old_id} ({source})", kind_label(*kind, vi))
            } else {
                format!("{} was {old_id} ({source})", kind_label(*kind, vi))
            }
        }
        Change::StatusChanged {
            old_raw,
            new_raw,
            old,
            new,
            ..
        } => {
            let a = if old_raw.is_empty() { old } else { old_raw };
            let b = if new_raw.is_empty() { new } else { new_raw };
            format!("“{a}” → “{b}”")
        }
        Change::NewlyDone { group, .. } => group.label(vi).to_string(),
        Change::NewlyOverdue { due, days, .. } => {
            if vi {
                format!("hạn {}, quá {days} ngày", due.format("%d/%m/%Y"))
            } else {
                format!("due {}, {days} days late", due.format("%d/%m/%Y"))
            }
        }
        Change::DeadlineMoved {
            original_raw,
            original_due,
            new_raw,
            new_due,
            days,
            ..
        } => {
            let moved = match days {
                Some(d) if vi => format!(" ({d:+} ngày)"),
                Some(d) => format!(" ({d:+} days)"),
                None => String::new(),
            };
            let first = if vi { "hạn ban đầu" } else { "original" };
            format!(
                "{first} “{original_raw}” ({}) → “{new_raw}” ({}){moved}",
                date(*original_due),
                date(*new_due)
            )
        }
        Change::Reassigned {
            old_names,
            new_names,
            kind,
            ..
        } => format!(
            "{}: {} → {}",
            kind_label(*kind, vi),
            old_names.join(", "),
            new_names.join(", ")
        ),
        Change::IndicatorChanged {
            name,
            old,
            new,
            delta,
            ..
        } => format!(
            "{name}: {} → {} ({})",
            num(*old, vi),
            num(*new, vi),
            signed(*delta, vi)
        ),
        Change::NotReported { name, latest, .. } => {
            if vi {
                format!("{name}: báo cáo gần nhất {}", date(*latest))
            } else {
                format!("{name}: latest report {}", date(*latest))
            }
        }
    }
}

pub const KEYS: [&str; 12] = [
    "newly_overdue",
    "newly_done",
    "status_changed",
    "deadline_moved",
    "reassigned",
    "report_added",
    "report_removed",
    "added",
    "removed",
    "renamed",
    "indicator_changed",
    "not_reported",
];

pub fn markdown(d: &Diff, vi: bool) -> String {
    let mut out = String::new();
    out.push_str(&if vi {
        format!(
            "# Thay đổi từ {} đến {}\n\n",
            date(d.old_as_of),
            date(d.new_as_of)
        )
    } else {
        format!(
            "# What changed from {} to {}\n\n",
            date(d.old_as_of),
            date(d.new_as_of)
        )
    });
    if d.changes.is_empty() {
        out.push_str(if vi {
            "Không có thay đổi.\n"
        } else {
            "No change.\n"
        });
    }
    for key in KEYS {
        let items: Vec<&Change> = d.changes.iter().filter(|c| c.key() == key).collect();
        if items.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "## {} ({})\n\n",
            section_title(key, vi),
            items.len()
        ));
        for c in items {
            out.push_str(&format!("- `{}` {}\n", c.id(), describe(c, vi)));
        }
        out.push('\n');
    }
    out
}

pub fn write(d: &Diff, format: &str, vi: bool, out: &mut dyn Write) -> std::io::Result<()> {
    match format {
        "json" => {
            serde_json::to_writer_pretty(&mut *out, d)?;
            writeln!(out)
        }
        "csv" => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(["change", "kind", "id", "old", "new", "delta", "description"])?;
            for c in &d.changes {
                let (kind, old, new, delta) = fields(c);
                w.write_record([c.key(), kind, c.id(), &old, &new, &delta, &describe(c, vi)])?;
            }
            w.flush()
        }
        _ => out.write_all(markdown(d, vi).as_bytes()),
    }
}

/// (kind of record, old value, new value, delta) of a change, for the CSV columns.
fn fields(c: &Change) -> (&'static str, String, String, String) {
    let k = |k: &Kind| match k {
        Kind::Task => "task",
        Kind::Blocker => "blocker",
        Kind::Indicator => "indicator",
    };
    let iso = |d: &Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let n = |v: &Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
    match c {
        Change::ReportAdded { date, .. } | Change::ReportRemoved { date, .. } => {
            ("report", String::new(), iso(date), String::new())
        }
        Change::Added { kind, .. } => (k(kind), String::new(), String::new(), String::new()),
        Change::Removed { kind, .. } => (k(kind), String::new(), String::new(), String::new()),
        Change::Renamed {
            kind, old_id, id, ..
        } => (k(kind), old_id.clone(), id.clone(), String::new()),
        Change::StatusChanged { old, new, .. } => ("task", old.clone(), new.clone(), String::new()),
        Change::NewlyDone { group, .. } => {
            ("task", String::new(), group.key().into(), String::new())
        }
        Change::NewlyOverdue { due, days, .. } => {
            ("task", due.to_string(), String::new(), days.to_string())
        }
        Change::DeadlineMoved {
            original_due,
            new_due,
            days,
            ..
        } => (
            "task",
            iso(original_due),
            iso(new_due),
            days.map(|d| d.to_string()).unwrap_or_default(),
        ),
        Change::Reassigned {
            kind,
            old_units,
            new_units,
            ..
        } => (
            k(kind),
            old_units.join("; "),
            new_units.join("; "),
            String::new(),
        ),
        Change::IndicatorChanged {
            old, new, delta, ..
        } => ("indicator", n(old), n(new), n(delta)),
        Change::NotReported { latest, .. } => {
            ("province", iso(latest), String::new(), String::new())
        }
    }
}
