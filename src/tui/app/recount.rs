//! Decisions applied to what the console shows: the counts, the scorecard, the overview and
//! the lists. When the console opens (or the formula or the previous snapshot changes) they
//! are all worked out from scratch; after a decision, its undo or its redo, only the records
//! whose decisions changed are counted again (`Figures::apply`), and only the lists that can
//! have changed are made again.

use std::sync::Arc;

use crate::query::scorecard::Scorecard;
use crate::query::{Ctx, Decided, DecidedMap, Rec};
use crate::tui::figures::{Figures, Fixed};

use super::super::pages;
use super::list::{overdue_list, view_list, ListMemory};
use super::{App, List, ListRef, ViewId};

/// Everything decisions change, worked out from scratch with the decisions in force.
pub struct FromScratch {
    pub figures: Arc<Figures>,
    pub scores: Scorecard,
    /// Every top-level view's list (the localities twice: of 2024, then of today), unfiltered.
    pub lists: Vec<List>,
}

/// The records whose decisions differ between `a` and `b` (an entry that decides nothing
/// counts as none).
fn changed(a: &DecidedMap, b: &DecidedMap) -> Vec<Rec> {
    let none = Decided::default();
    let differs = |x: &Decided, other: &DecidedMap, r: &Rec| other.0.get(r).unwrap_or(&none) != x;
    let out: std::collections::BTreeSet<Rec> =
        a.0.iter()
            .filter(|(r, d)| differs(d, b, r))
            .chain(b.0.iter().filter(|(r, d)| differs(d, a, r)))
            .map(|(r, _)| *r)
            .collect();
    out.into_iter().collect()
}

impl App {
    /// The counts, the scorecard and every top-level view's rows, from scratch (the state is
    /// not changed): what the kept figures must always equal.
    pub fn from_scratch(&self) -> FromScratch {
        let ctx = self.ctx();
        // What no decision changes (the models, the provinces) is worked out once.
        let fixed = match &self.figures.fixed {
            f if f.ready => f.clone(),
            _ => Arc::new(Fixed::compute(ctx.snap, ctx.findings)),
        };
        let figures = Arc::new(Figures::recount(&ctx, fixed));
        let scores = self.scorecard_with(&figures);
        let mut lists: Vec<List> = ViewId::ALL
            .iter()
            .map(|&v| view_list(&ctx, &figures, v, false))
            .collect();
        lists.push(view_list(&ctx, &figures, ViewId::Localities, true));
        FromScratch {
            figures,
            scores,
            lists,
        }
    }

    /// Work every count, the scorecard and every list out again from scratch.
    pub(super) fn rebuild_lists(&mut self) {
        let made = self.from_scratch();
        self.figures = made.figures;
        Arc::make_mut(&mut self.decided).1 = Arc::new(made.scores);
        for (i, list) in made.lists.into_iter().enumerate() {
            if i < self.lists.len() {
                self.put_list(i, list);
            } else {
                self.lists.push(list);
            }
        }
        self.overview = Arc::new(super::super::views::overview::figures(self));
        self.rebuild_pages();
    }

    /// A top-level list made again in place of the one before, with its filter, its sort and
    /// its selection (or the row that took its place).
    fn put_list(&mut self, i: usize, mut new: List) {
        let old = ListMemory::of(&self.lists[i]);
        new.filter = old.filter.clone();
        new.sort = old.sort;
        // A filter job on the rows before is not taken.
        new.generation = self.lists[i].generation + 1;
        self.lists[i] = new;
        self.refilter_keeping(i, &old);
    }

    /// Filter and sort a top-level list again, keeping its selection (or the row that took
    /// its place). Unfiltered and unsorted, it shows its rows as they are: only the selection
    /// is placed again.
    fn refilter_keeping(&mut self, i: usize, old: &ListMemory) {
        let height = self.table_height;
        let r = self.list_ref_at(i);
        if !old.filter.trim().is_empty() || old.sort.is_some() {
            self.refilter(r);
        }
        if let Some(l) = self.list_mut(r) {
            l.reselect(old, height);
        }
    }

    /// Replace the decisions shown over the snapshot. Once the console has its counts, only
    /// the records whose decisions changed are counted again.
    pub fn set_decided(&mut self, decided: DecidedMap) {
        if !self.figures.counted() {
            self.decided = Arc::new(decided);
            self.rebuild_lists();
            return;
        }
        let before = self.decided.clone();
        let recs = changed(&before, &decided);
        // The scorecard of the decisions before stays until it is worked out again below.
        self.decided = Arc::new(DecidedMap(decided.0, before.1.clone()));
        // Taken out of the state while counted (no copy of it is made).
        let mut figures = std::mem::take(&mut self.figures);
        {
            let was = Ctx {
                overlay: Some(&*before),
                ..self.ctx()
            };
            Arc::make_mut(&mut figures).apply(&was, &self.ctx(), &recs);
        }
        self.figures = figures;
        self.refresh_scores();
        // The lists whose rows the counts make (the overdue groups, the units most behind
        // first) are made again; a list filtered or sorted is filtered again (what matches and
        // the order can follow the decisions); the others list the same rows as before.
        let (mut overdue, mut units) = {
            let ctx = self.ctx();
            (
                Some(overdue_list(&self.figures)),
                Some(view_list(&ctx, &self.figures, ViewId::Units, false)),
            )
        };
        for i in 0..self.lists.len() {
            let remade = match self.list_ref_at(i) {
                ListRef::View(ViewId::Overdue, _) => overdue.take(),
                ListRef::View(ViewId::Units, _) => units.take(),
                _ => None,
            };
            let l = &self.lists[i];
            let filtered = !l.filter.trim().is_empty() || l.sort.is_some();
            match remade {
                Some(new) => self.put_list(i, new),
                None if filtered => {
                    // What the filter found before was found with the decisions before.
                    self.lists[i].found = Arc::default();
                    let old = ListMemory::of(&self.lists[i]);
                    self.refilter_keeping(i, &old);
                }
                None => {}
            }
        }
        self.overview = Arc::new(super::super::views::overview::figures(self));
        self.rebuild_pages();
    }

    /// The pages open (drill-downs) made again, each keeping its filter, sort and selection.
    fn rebuild_pages(&mut self) {
        let height = self.table_height;
        for i in 0..self.pages.len() {
            let ctx = self.ctx();
            let (table, rows) = pages::page_rows(&ctx, &self.figures, self.lang, self.pages[i].rec);
            let m = ListMemory::of(&self.pages[i].list);
            let mut list = List::new(table, rows);
            list.filter = m.filter.clone();
            list.sort = m.sort;
            self.pages[i].list = list;
            self.refilter(ListRef::Page(i));
            self.pages[i].list.reselect(&m, height);
        }
    }
}
