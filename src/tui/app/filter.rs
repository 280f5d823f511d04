//! The filter bar: the query compiled here (cheap), the matching rows worked out on the
//! filter thread (narrowed from what the list found before: `narrow`), sorted there too, and
//! accepted unless superseded. Nothing here goes over a list's rows on the UI thread.

use std::sync::{Arc, Mutex};

use crate::query::{Compiled, Ctx, Rec};

use super::super::figures::Figures;
use super::super::i18n::Lang;
use super::super::rows::{self, Row, Table};
pub use super::narrow::Filtered;
use super::narrow::Found;
use super::{App, Mode, ViewId};

/// A request for the filter thread.
#[derive(Clone)]
pub struct FilterJob {
    pub target: ListRef,
    pub generation: u64,
    pub query: Compiled,
    pub base: Arc<Vec<Row>>,
    /// What this list found before (kept across jobs, used by one job at a time).
    pub found: Arc<Mutex<Found>>,
    pub sort: Option<(usize, bool)>,
    pub table: Table,
    pub lang: Lang,
    pub figures: Arc<Figures>,
    /// The record selected when the job was made: its place in the result is found there.
    pub selected: Option<Rec>,
}

/// Which list a filter result belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListRef {
    View(ViewId, bool),
    Page(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterEdit {
    Char(char),
    Backspace,
    /// Ctrl-U: empty the query, stay in the filter bar.
    Erase,
    Clear,
    Accept,
}

impl App {
    /// Recompile the filter of a list. Returns the job that works out its rows, for the
    /// filter thread (or `refilter`, here); a query that cannot be read is answered at once.
    pub fn filter_job(&mut self, r: ListRef) -> Option<FilterJob> {
        let snap = &self.data.snapshot;
        let list = match r {
            ListRef::Page(i) => self.pages.get(i).map(|p| &p.list),
            ListRef::View(ViewId::Localities, true) => self.lists.get(ViewId::ALL.len()),
            ListRef::View(v, _) => self.lists.get(v.index()),
        }?;
        let compiled = Compiled::parse(&list.filter, snap);
        let equivalents = compiled
            .as_ref()
            .map(|q| q.equivalents().to_vec())
            .unwrap_or_default();
        let lang = self.lang;
        let figures = self.figures.clone();
        let list = self.list_mut(r)?;
        list.generation += 1;
        list.filter_equivalents = equivalents;
        match compiled {
            Ok(q) => {
                list.filter_error = None;
                list.filter_error_span = None;
                list.pending = true;
                Some(FilterJob {
                    target: r,
                    generation: list.generation,
                    query: q,
                    base: list.base.clone(),
                    found: list.found.clone(),
                    sort: list.sort,
                    table: list.table,
                    lang,
                    figures,
                    selected: list.selected_rec(),
                })
            }
            Err(e) => {
                // A query that cannot be read matches nothing (rather than leaving the last
                // good query's rows on screen under a count that is no longer true).
                list.filter_error = Some(e.message_in(lang == Lang::Vi).to_string());
                list.filter_error_span = Some(e.span);
                list.pending = false;
                list.set_rows(Vec::new());
                None
            }
        }
    }

    /// Run a filter job (on whichever thread): the matching rows, sorted as the list is, and
    /// where the selected record is among them.
    pub fn run_filter(ctx: &Ctx, job: &FilterJob) -> Filtered {
        // A job that panicked while holding it leaves nothing half-written that matters:
        // results are only remembered whole.
        let mut found = job.found.lock().unwrap_or_else(|e| e.into_inner());
        let positions = found.positions(ctx, &job.base, &job.query);
        let mut out = found.rows_at(&positions);
        drop(found);
        if let Some((c, rev)) = job.sort {
            rows::sort_rows(
                ctx,
                &job.figures,
                job.table,
                &mut out.rows,
                c,
                rev,
                job.lang,
            );
        }
        out.selected = job
            .selected
            .map(|k| (k, out.rows.iter().position(|r| *r == Row::Rec(k))));
        out
    }

    /// Accept rows computed for a job, unless a newer job has superseded it.
    pub fn accept_filtered(&mut self, target: ListRef, generation: u64, filtered: Filtered) {
        let height = self.table_height;
        if let Some(list) = self.list_mut(target) {
            if list.generation == generation {
                list.set_filtered(filtered, height);
            }
        }
    }

    /// Filter here and now (tests, and lists rebuilt after a decision).
    pub fn refilter(&mut self, r: ListRef) {
        if let Some(job) = self.filter_job(r) {
            let rows = App::run_filter(&self.ctx(), &job);
            self.accept_filtered(job.target, job.generation, rows);
        }
    }

    /// Text typed into the filter bar.
    pub fn filter_input(&mut self, edit: FilterEdit) -> Option<FilterJob> {
        let r = self.current_ref();
        let list = self.list_mut(r)?;
        match edit {
            FilterEdit::Char(c) => list.filter.push(c),
            FilterEdit::Backspace => {
                list.filter.pop();
            }
            FilterEdit::Erase => list.filter.clear(),
            FilterEdit::Clear => {
                list.filter.clear();
                self.mode = Mode::Normal;
            }
            FilterEdit::Accept => {
                self.mode = Mode::Normal;
                return None;
            }
        }
        self.filter_job(r)
    }

    /// Open the filter bar on the current list.
    pub(super) fn open_filter(&mut self) {
        // Back to a kept filter: the next word starts after a space.
        if let Some(l) = self.current_mut() {
            if !l.filter.is_empty() && !l.filter.ends_with(' ') {
                l.filter.push(' ');
            }
        }
        self.mode = Mode::Filter
    }
}
