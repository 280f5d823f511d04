//! What changed since the previous snapshot: the screen opened by a key from anywhere, and the
//! records it marks in every list.

use std::collections::HashSet;
use std::sync::Arc;

use super::super::action::Command;
use super::{App, Mode};
use crate::history::diff::{Change, Diff, Kind};
use crate::query::Rec;

/// The comparison the console was opened with.
#[derive(Debug, Clone)]
pub struct Changes {
    pub diff: Arc<Diff>,
    /// Where the older snapshot came from, as the user named it.
    pub since: String,
}

impl App {
    /// Take the comparison with the previous snapshot: its changes are listed on their screen
    /// and marked (Δ) on the rows they are about.
    pub fn attach_changes(&mut self, diff: Diff, since: String) {
        let s = &self.data.snapshot;
        let mut marked: HashSet<Rec> = HashSet::new();
        let mut units: HashSet<String> = HashSet::new();
        let mut provinces: HashSet<String> = HashSet::new();
        for c in &diff.changes {
            if let Change::ReportAdded { id, .. } = c {
                // Every record of a new report is new.
                marked.extend(
                    (0..s.tasks.len())
                        .filter(|&i| s.tasks[i].report == *id)
                        .map(Rec::Task),
                );
                marked.extend(
                    (0..s.blockers.len())
                        .filter(|&i| s.blockers[i].report == *id)
                        .map(Rec::Blocker),
                );
                marked.extend(
                    (0..s.indicators.len())
                        .filter(|&i| s.indicators[i].report == *id)
                        .map(Rec::Indicator),
                );
                if let Some(i) = s.index.report.get(id.as_str()) {
                    marked.insert(Rec::Report(*i));
                }
            }
            let rec = match c {
                Change::Removed { .. }
                | Change::ReportAdded { .. }
                | Change::ReportRemoved { .. } => None,
                Change::Added { kind, id, .. }
                | Change::Renamed { kind, id, .. }
                | Change::Reassigned { kind, id, .. } => rec_of(s, *kind, id),
                Change::IndicatorChanged { id, .. } => rec_of(s, Kind::Indicator, id),
                Change::StatusChanged { id, .. }
                | Change::NewlyDone { id, .. }
                | Change::NewlyOverdue { id, .. }
                | Change::DeadlineMoved { id, .. } => rec_of(s, Kind::Task, id),
                Change::NotReported { province, .. } => {
                    provinces.insert(province.clone());
                    None
                }
            };
            if let Change::Reassigned {
                old_units,
                new_units,
                ..
            } = c
            {
                units.extend(old_units.iter().chain(new_units).cloned());
            }
            if let Some(rec) = rec {
                marked.insert(rec);
                if let Rec::Task(i) = rec {
                    let t = &s.tasks[i];
                    units.extend(t.lead_units.iter().map(|u| u.to_string()));
                    let place = t
                        .locality
                        .as_deref()
                        .or_else(|| s.report(&t.report).and_then(|r| r.locality.as_deref()))
                        .and_then(|l| s.province_of(l));
                    if let Some(p) = place {
                        provinces.insert(p.to_string());
                    }
                }
            }
        }
        for u in units {
            if let Some(&i) = s.index.unit.get(u.as_str()) {
                marked.insert(Rec::Unit(i));
            }
        }
        for p in provinces {
            if let Some(&i) = s.index.locality.get(p.as_str()) {
                marked.insert(Rec::Locality(i));
            }
            if let Some(&i) = s.today_of(&p).and_then(|t| s.index.today.get(t)) {
                marked.insert(Rec::Today(i));
            }
        }
        self.changed = marked;
        self.changes = Some(Changes {
            diff: Arc::new(diff),
            since,
        });
    }

    /// Whether a change since the previous snapshot is about this record.
    pub fn is_changed(&self, rec: Rec) -> bool {
        self.changed.contains(&rec)
    }

    pub(super) fn open_changes(&mut self) {
        self.mode = Mode::Changes { scroll: 0 };
    }

    /// A key on the changes screen: scroll, or close it.
    pub fn changes_input(&mut self, cmd: Command) {
        let Mode::Changes { mut scroll } = self.mode else {
            return;
        };
        let room = self.table_height.max(1);
        match cmd {
            Command::Changes | Command::Quit | Command::Back => {
                self.mode = Mode::Normal;
                return;
            }
            Command::Help => {
                self.open_help();
                return;
            }
            Command::Down => scroll += 1,
            Command::Up => scroll = scroll.saturating_sub(1),
            Command::PageDown => scroll += room,
            Command::PageUp => scroll = scroll.saturating_sub(room),
            Command::Top => scroll = 0,
            Command::Bottom => scroll = usize::MAX,
            _ => {}
        }
        let width = self.table_area.2 as usize;
        let lines = super::super::views::changes::body(self, width).len();
        self.mode = Mode::Changes {
            scroll: scroll.min(lines.saturating_sub(room)),
        };
    }
}

fn rec_of(s: &crate::snapshot::Snapshot, kind: Kind, id: &str) -> Option<Rec> {
    match kind {
        Kind::Task => s.task_index(id).map(Rec::Task),
        Kind::Blocker => s.blocker_index(id).map(Rec::Blocker),
        Kind::Indicator => s
            .indicators
            .iter()
            .position(|x| x.id == id)
            .map(Rec::Indicator),
    }
}
