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
        let old: Vec<ListMemory> = self.lists.iter().map(ListMemory::of).collect();
        self.lists = made.lists;
        for (i, m) in old.iter().enumerate() {
            if let Some(l) = self.lists.get_mut(i) {
                l.filter = m.filter.clone();
                l.sort = m.sort;
            }
        }
        for i in 0..self.lists.len() {
            self.refilter_keeping(i, old.get(i));
        }
        self.overview = Arc::new(super::super::views::overview::figures(self));
        self.rebuild_pages();
    }

    /// Filter and sort a top-level list again, keeping its selection (or the row that took
    /// its place).
    fn refilter_keeping(&mut self, i: usize, old: Option<&ListMemory>) {
        let height = self.table_height;
        let r = self.list_ref_at(i);
        self.refilter(r);
        if let (Some(m), Some(l)) = (old, self.list_mut(r)) {
            l.reselect(m, height);
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
            let l = &mut self.lists[i];
            let filtered = !l.filter.trim().is_empty() || l.sort.is_some();
            if remade.is_none() && !filtered {
                continue;
            }
            let old = ListMemory::of(l);
            match remade {
                Some(mut new) => {
                    new.filter = old.filter.clone();
                    new.sort = old.sort;
                    // A filter job on the rows before is not taken.
                    new.generation = l.generation + 1;
                    *l = new;
                }
                // What the filter found before was found with the decisions before.
                None => l.found = Arc::default(),
            }
            if filtered {
                self.refilter_keeping(i, Some(&old));
            } else {
                // Unfiltered, it shows its rows as made: only the selection is placed again.
                let height = self.table_height;
                self.lists[i].reselect(&old, height);
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
