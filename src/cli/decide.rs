//! `giaoban decide ID [--state STATE] [--to UNIT] [--due DATE] [--note TEXT] [--conclusion TEXT]
//! [--agenda]`: record decisions on a task or a blocker in the decision journal. Every line
//! `recorded #N …` is printed only once that decision is on disk.

use std::io::Write;
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::journal::{self, Change, Journal, TriageState};
use crate::snapshot::Snapshot;
use crate::text::did_you_mean;

#[derive(Debug, Clone, Default, clap::Args)]
pub struct DecideArgs {
    /// The task or blocker id.
    pub id: String,
    /// Triage state: new, acknowledged, escalated, resolved or deferred.
    #[arg(long)]
    pub state: Option<String>,
    /// Make this unit responsible (any spelling or abbreviation).
    #[arg(long, value_name = "UNIT")]
    pub to: Option<String>,
    /// A new deadline (YYYY-MM-DD).
    #[arg(long, value_parser = super::parse_date, value_name = "YYYY-MM-DD")]
    pub due: Option<NaiveDate>,
    /// A note (alone, or given with the other decisions).
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// The meeting's conclusion on the item.
    #[arg(long, value_name = "TEXT")]
    pub conclusion: Option<String>,
    /// Put the item on today's agenda.
    #[arg(long)]
    pub agenda: bool,
    /// The journal file (default: journal.ron beside the snapshot).
    #[arg(long)]
    pub journal: Option<PathBuf>,
    /// Snapshot folder or file (the shipped snapshot when omitted).
    #[arg(long)]
    pub data: Option<PathBuf>,
}

/// Runs the command; returns the exit code (1 when anything was not recorded).
pub fn run(args: &DecideArgs, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match decide(args, out, err) {
        Ok(()) => 0,
        Err(e) => {
            let _ = writeln!(err, "giaoban decide: {e}");
            1
        }
    }
}

fn decide(args: &DecideArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<(), String> {
    let loaded = super::load(args.data.as_deref())?;
    let snap = &loaded.snapshot;
    let id = args.id.trim();
    let locality = item_province(snap, id).ok_or_else(|| unknown_item(snap, id))?;
    let changes = changes(args, snap, locality.as_deref())?;
    let path = journal::resolve_path(args.journal.as_deref(), &loaded.origin)?;
    let (mut journal, warnings) = Journal::open(&path, snap).map_err(|e| e.to_string())?;
    for w in &warnings {
        let _ = writeln!(err, "giaoban decide: warning: {w}");
    }
    if let Some(why) = journal.read_only() {
        return Err(format!(
            "nothing was recorded: the journal {} is read-only: {why}",
            path.display()
        ));
    }
    let _ = writeln!(out, "journal: {}", path.display());
    let _ = out.flush();
    // The note goes with the first decision, unless it is the decision itself.
    let mut note = args.note.clone().filter(|n| !n.trim().is_empty());
    if matches!(changes.as_slice(), [Change::Note(_)]) {
        note = None;
    }
    for change in changes {
        let seq = journal
            .record(id, change, note.take())
            .map_err(|e| e.to_string())?;
        let summary = journal
            .entry(seq)
            .map(|e| e.record.summary())
            .unwrap_or_else(|| format!("#{seq}"));
        // Printed (and flushed) only after the record is on disk.
        writeln!(out, "recorded {summary}")
            .and_then(|()| out.flush())
            .map_err(|e| format!("recorded #{seq}, but could not say so: {e}"))?;
    }
    Ok(())
}

/// The changes asked for, checked against the snapshot before anything is written.
fn changes(
    args: &DecideArgs,
    snap: &Snapshot,
    locality: Option<&str>,
) -> Result<Vec<Change>, String> {
    let mut changes = Vec::new();
    if let Some(s) = &args.state {
        let state = TriageState::parse(s).ok_or_else(|| {
            let keys: Vec<&str> = TriageState::ALL.iter().map(|s| s.key()).collect();
            let hint = did_you_mean(s, keys.iter().copied())
                .map(|k| format!(" (did you mean '{k}'?)"))
                .unwrap_or_default();
            format!(
                "'{s}' is not a triage state{hint}; expected one of: {}",
                keys.join(", ")
            )
        })?;
        changes.push(Change::State(state));
    }
    if let Some(u) = &args.to {
        changes.push(Change::Unit(resolve_unit(snap, u, locality)?));
    }
    if let Some(d) = args.due {
        changes.push(Change::Due(d));
    }
    if let Some(c) = &args.conclusion {
        if c.trim().is_empty() {
            return Err("--conclusion has no text".into());
        }
        changes.push(Change::Conclusion(c.clone()));
    }
    if args.agenda {
        changes.push(Change::Agenda(true));
    }
    if let Some(n) = &args.note {
        if n.trim().is_empty() {
            return Err("--note has no text".into());
        }
        if changes.is_empty() {
            changes.push(Change::Note(n.clone()));
        }
    }
    if changes.is_empty() {
        return Err(
            "nothing to decide: give --state, --to, --due, --note, --conclusion or --agenda".into(),
        );
    }
    Ok(changes)
}

/// For a task or blocker id of the snapshot: the province it belongs to (if any).
/// None when the id is not a task or blocker.
fn item_province(snap: &Snapshot, id: &str) -> Option<Option<String>> {
    let (loc, report) = if let Some(i) = snap.task_index(id) {
        (&snap.tasks[i].locality, &snap.tasks[i].report)
    } else {
        let i = snap.blocker_index(id)?;
        (&snap.blockers[i].locality, &snap.blockers[i].report)
    };
    let loc = loc
        .clone()
        .or_else(|| snap.report(report).and_then(|r| r.locality.clone()));
    Some(loc.map(|l| snap.province_of(&l).unwrap_or(&l).to_string()))
}

fn unknown_item(snap: &Snapshot, id: &str) -> String {
    let ids = snap
        .tasks
        .iter()
        .map(|t| t.id.as_str())
        .chain(snap.blockers.iter().map(|b| b.id.as_str()));
    let hint = did_you_mean(id, ids)
        .map(|s| format!(" (did you mean '{s}'?)"))
        .unwrap_or_default();
    format!("no task or blocker of this snapshot is called '{id}'{hint}")
}

/// A unit by any spelling (id, name, abbreviation). When a spelling names several units (a
/// provincial role found in many provinces), the one of the item's province is taken.
pub fn resolve_unit(
    snap: &Snapshot,
    spelling: &str,
    province: Option<&str>,
) -> Result<String, String> {
    let found = snap.units_spelled(spelling);
    match found.len() {
        0 => {
            let names = snap.units.iter().flat_map(|u| {
                std::iter::once(u.id.as_str())
                    .chain(std::iter::once(u.name.as_str()))
                    .chain(u.aliases.iter().map(compact_str::CompactString::as_str))
            });
            let hint = did_you_mean(spelling, names)
                .map(|s| format!(" (did you mean '{s}'?)"))
                .unwrap_or_default();
            Err(format!("no unit is called '{spelling}'{hint}"))
        }
        1 => Ok(snap.units[found[0]].id.to_string()),
        _ => {
            let local: Vec<usize> = found
                .iter()
                .copied()
                .filter(|&i| {
                    let l = snap.units[i].locality.as_deref();
                    province.is_some() && l.and_then(|l| snap.province_of(l)).or(l) == province
                })
                .collect();
            if local.len() == 1 {
                return Ok(snap.units[local[0]].id.to_string());
            }
            let list: Vec<String> = found
                .iter()
                .take(8)
                .map(|&i| format!("{} ({})", snap.units[i].id, snap.units[i].name))
                .collect();
            Err(format!(
                "'{spelling}' may be any of {} units: {}{}; give the unit's id",
                found.len(),
                list.join(", "),
                if found.len() > 8 { ", …" } else { "" }
            ))
        }
    }
}
