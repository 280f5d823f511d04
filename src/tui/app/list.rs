//! The lists on screen: their rows (each view's, and a record's page), the cursor in them,
//! and their rebuild when decisions change.

use crate::tui::figures::Figures;
use std::sync::{Arc, Mutex};

use crate::domain::LocalityLevel;
use crate::query::{Ctx, Rec};

use super::super::rows::{Row, Table};
use super::ViewId;

/// A list on screen: the rows it can show, the filtered and sorted rows it shows, and where the
/// cursor is.
#[derive(Debug, Clone)]
pub struct List {
    pub table: Table,
    pub base: Arc<Vec<Row>>,
    pub rows: Vec<Row>,
    pub selected: usize,
    pub offset: usize,
    pub filter: String,
    pub filter_error: Option<String>,
    /// Where in `filter` the bad term is (byte range), to mark it under the typed query.
    pub filter_error_span: Option<(usize, usize)>,
    /// Free words of the filter that name a place or a unit, with the term they name
    /// ("binh dinh = locality:binh-dinh"): what the chair is counting.
    pub filter_equivalents: Vec<crate::query::Equivalent>,
    /// Matching rows come from the filter thread; until they arrive this is true.
    pub pending: bool,
    /// Bumped on every change of filter or base, so stale results are dropped.
    pub generation: u64,
    pub sort: Option<(usize, bool)>,
    /// Distinct records of `rows` and of `base`, counted when they are set (not per frame).
    counts: (usize, usize),
    /// What the filter found before, for the filter thread to narrow from.
    pub found: Arc<Mutex<super::narrow::Found>>,
}

impl List {
    pub fn new(table: Table, base: Vec<Row>) -> List {
        let n = distinct_records(&base);
        List::counted(table, base, n)
    }

    /// A list of rows whose distinct records are already counted.
    fn counted(table: Table, base: Vec<Row>, n: usize) -> List {
        let rows = base.clone();
        let mut l = List {
            table,
            base: Arc::new(base),
            rows,
            selected: 0,
            offset: 0,
            filter: String::new(),
            filter_error: None,
            filter_error_span: None,
            filter_equivalents: Vec::new(),
            pending: false,
            generation: 0,
            sort: None,
            counts: (n, n),
            found: Arc::default(),
        };
        l.select_first_record();
        l
    }

    /// Distinct records shown (a task led by two units is listed under each, counted once).
    pub fn record_count(&self) -> usize {
        self.counts.0
    }
    pub fn base_count(&self) -> usize {
        self.counts.1
    }

    pub fn selected_rec(&self) -> Option<Rec> {
        match self.rows.get(self.selected) {
            Some(Row::Rec(r)) => Some(*r),
            _ => None,
        }
    }

    pub(super) fn select_first_record(&mut self) {
        self.selected = self
            .rows
            .iter()
            .position(|r| matches!(r, Row::Rec(_)))
            .unwrap_or(0);
    }

    /// Move the cursor by `delta` records, skipping headers: a step per record passed, never
    /// a pass over the whole list.
    pub fn move_by(&mut self, delta: isize) {
        let n = self.rows.len();
        let is_rec = |i: &usize| matches!(self.rows.get(*i), Some(Row::Rec(_)));
        // The record at the cursor or the first after it, else the last one.
        let from = self.selected.min(n);
        let Some(mut at) = (from..n)
            .find(is_rec)
            .or_else(|| (0..from).rev().find(is_rec))
        else {
            return;
        };
        for _ in 0..delta.unsigned_abs() {
            let next = if delta > 0 {
                (at + 1..n).find(is_rec)
            } else {
                (0..at).rev().find(is_rec)
            };
            match next {
                Some(i) => at = i,
                None => break,
            }
        }
        self.selected = at;
    }

    pub fn to_top(&mut self) {
        self.select_first_record();
        self.offset = 0;
    }

    pub fn to_bottom(&mut self) {
        self.selected = self
            .rows
            .iter()
            .rposition(|r| matches!(r, Row::Rec(_)))
            .unwrap_or(0);
    }

    /// Keep the cursor inside a window of `height` rows.
    pub fn scroll_into_view(&mut self, height: usize) {
        let h = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected.saturating_sub(usize::from(
                self.selected > 0
                    && matches!(self.rows.get(self.selected - 1), Some(Row::Header(..))),
            ));
        } else if self.selected >= self.offset + h {
            self.offset = self.selected + 1 - h;
        }
        let max_offset = self.rows.len().saturating_sub(h);
        self.offset = self.offset.min(max_offset);
    }

    /// The first row drawn in a window of `height` rows: the kept offset, moved as little as
    /// needed to show the cursor (what the table draws).
    pub fn shown_offset(&self, height: usize) -> usize {
        let h = height.max(1);
        let mut offset = self.offset;
        if self.selected >= offset + h {
            offset = self.selected + 1 - h;
        }
        offset.min(self.selected)
    }

    /// Put the filter thread's rows in place (counted and searched there, nothing to go over
    /// here), in a window of `height` rows. The selected record stays selected and on the
    /// line of the screen it was on, the rows around it sorted or filtered anew (a sort left
    /// it at the window's edge, among rows the eye had not followed); when it is gone, the
    /// list starts again at its first record.
    pub fn set_filtered(&mut self, f: super::Filtered, height: usize) {
        let keep = self.selected_rec();
        let line = self.selected - self.shown_offset(height);
        self.counts.0 = f.records;
        self.rows = f.rows;
        self.pending = false;
        // Where the selected record is now: looked up by the filter thread, unless the
        // selection moved since the job was made.
        let at = match (keep, f.selected) {
            (Some(k), Some((was, at))) if k == was => at,
            (Some(k), _) => self.rows.iter().position(|r| *r == Row::Rec(k)),
            (None, _) => None,
        };
        match at {
            Some(i) => {
                self.selected = i;
                let last_window = self.rows.len().saturating_sub(height.max(1));
                self.offset = i.saturating_sub(line).min(last_window);
            }
            None => {
                self.select_first_record();
                self.offset = 0;
            }
        }
    }

    pub fn set_rows(&mut self, rows: Vec<Row>) {
        let keep = self.selected_rec();
        self.counts.0 = distinct_records(&rows);
        self.rows = rows;
        self.pending = false;
        match keep.and_then(|k| self.rows.iter().position(|r| *r == Row::Rec(k))) {
            Some(i) => self.selected = i,
            None => self.select_first_record(),
        }
        self.offset = self.offset.min(self.rows.len().saturating_sub(1));
    }
}

/// What a list remembers across a rebuild: its filter, its sort, and the rows shown with the
/// cursor's place in them (to follow the selection, or the row that takes its place).
pub(super) struct ListMemory {
    pub(super) filter: String,
    pub(super) sort: Option<(usize, bool)>,
    rows: Vec<Row>,
    selected: usize,
    offset: usize,
}

impl ListMemory {
    pub(super) fn of(l: &List) -> ListMemory {
        ListMemory {
            filter: l.filter.clone(),
            sort: l.sort,
            rows: l.rows.clone(),
            selected: l.selected,
            offset: l.offset,
        }
    }
}

impl List {
    /// After the rows changed under the cursor: keep the record that was selected; when it
    /// has left the list, select the row that took its place (the next one still listed, or
    /// the previous one when it was the last), never a row elsewhere in the list.
    pub(super) fn reselect(&mut self, old: &ListMemory, height: usize) {
        let (old_rows, old_selected) = (&old.rows, old.selected);
        let Some(Row::Rec(was)) = old_rows.get(old_selected) else {
            return;
        };
        self.offset = old.offset.min(self.rows.len().saturating_sub(1));
        let position = |rec: &Rec| self.rows.iter().position(|r| *r == Row::Rec(*rec));
        let found = position(was).or_else(|| {
            let after = old_rows.iter().skip(old_selected + 1);
            let before = old_rows.iter().take(old_selected).rev();
            after
                .chain(before)
                .filter_map(|r| match r {
                    Row::Rec(rec) => position(rec),
                    Row::Header(..) => None,
                })
                .next()
        });
        match found {
            Some(p) => self.selected = p,
            None => self.select_first_record(),
        }
        self.scroll_into_view(height);
    }
}

/// The overdue view's list, from the overdue groups.
pub(super) fn overdue_list(fig: &Figures) -> List {
    // Each overdue task is listed at least once: no need to count the rows again.
    List::counted(Table::Tasks, fig.overdue().rows(), fig.overdue().tasks())
}

/// The base rows of a top-level view.
pub(super) fn view_list(ctx: &Ctx, fig: &Figures, v: ViewId, today_frame: bool) -> List {
    let s = ctx.snap;
    match v {
        ViewId::Overview => List::new(Table::Mixed, Vec::new()),
        ViewId::Models => List::new(
            Table::Models,
            (0..s.models.len())
                .map(|i| Row::Rec(Rec::Model(i)))
                .collect(),
        ),
        ViewId::Tasks => List::new(
            Table::Tasks,
            (0..s.tasks.len()).map(|i| Row::Rec(Rec::Task(i))).collect(),
        ),
        ViewId::Overdue => overdue_list(fig),
        ViewId::Blockers => List::new(
            Table::Blockers,
            (0..s.blockers.len())
                .map(|i| Row::Rec(Rec::Blocker(i)))
                .collect(),
        ),
        ViewId::Units => {
            let mut idx: Vec<(usize, (usize, usize, usize))> = (0..s.units.len())
                .map(|i| (i, fig.unit_counts(ctx, &s.units[i].id)))
                .collect();
            // The units most behind first (the scorecard's rank is a column: `s` sorts by it).
            idx.sort_by(|a, b| {
                (b.1 .1, b.1 .0 + b.1 .2)
                    .cmp(&(a.1 .1, a.1 .0 + a.1 .2))
                    .then(a.0.cmp(&b.0))
            });
            List::new(
                Table::Units,
                idx.into_iter()
                    .map(|(i, _)| Row::Rec(Rec::Unit(i)))
                    .collect(),
            )
        }
        ViewId::Localities if today_frame => List::new(
            Table::Today,
            (0..s.today.len())
                .map(|i| Row::Rec(Rec::Today(i)))
                .collect(),
        ),
        ViewId::Localities => List::new(
            Table::Localities,
            (0..s.localities.len())
                .filter(|&i| s.localities[i].level == LocalityLevel::Province)
                .map(|i| Row::Rec(Rec::Locality(i)))
                .collect(),
        ),
        ViewId::Findings => List::new(
            Table::Findings,
            (0..ctx.findings.len())
                .map(|i| Row::Rec(Rec::Finding(i)))
                .collect(),
        ),
    }
}

fn distinct_records(rows: &[Row]) -> usize {
    // A record is listed twice only under two group headers.
    if !rows.iter().any(|r| matches!(r, Row::Header(..))) {
        return rows.len();
    }
    let mut seen = std::collections::HashSet::new();
    rows.iter()
        .filter(|r| matches!(r, Row::Rec(rec) if seen.insert(*rec)))
        .count()
}
