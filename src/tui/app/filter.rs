//! The filter bar: the query compiled, matching rows computed (here or on the filter
//! thread), results accepted unless superseded.

use std::sync::Arc;

use crate::query::{Compiled, Ctx};

use super::super::i18n::Lang;
use super::super::rows::{self, Row};
use super::{App, Mode, ViewId};

/// A request for the filter thread.
#[derive(Clone)]
pub struct FilterJob {
    pub target: ListRef,
    pub generation: u64,
    pub query: Compiled,
    pub base: Arc<Vec<Row>>,
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
    /// Recompile the filter of a list and compute its rows here. Returns the job so that a
    /// caller with a filter thread can run it there instead.
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
            .map(|q| q.equivalents(snap))
            .unwrap_or_default();
        let base = list.base.clone();
        let sort = list.sort;
        let table = list.table;
        let lang = self.lang;
        let list = self.list_mut(r)?;
        list.generation += 1;
        list.filter_equivalents = equivalents;
        match compiled {
            Ok(q) if q.is_empty() => {
                list.filter_error = None;
                list.filter_error_span = None;
                let mut rows = (*base).clone();
                if let Some((c, rev)) = sort {
                    let ctx = Ctx {
                        snap: &self.data.snapshot,
                        findings: &self.data.findings,
                        as_of: self.as_of,
                        overlay: Some(&*self.decided),
                    };
                    rows::sort_rows(&ctx, &self.figures, table, &mut rows, c, rev, lang);
                }
                let list = self.list_mut(r)?;
                list.set_rows(rows);
                None
            }
            Ok(q) => {
                list.filter_error = None;
                list.filter_error_span = None;
                list.pending = true;
                Some(FilterJob {
                    target: r,
                    generation: list.generation,
                    query: q,
                    base,
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

    /// Run a filter job (on whichever thread) and give back the rows.
    pub fn run_filter(ctx: &Ctx, job: &FilterJob) -> Vec<Row> {
        let mut out: Vec<Row> = Vec::new();
        let mut pending_header: Option<&Row> = None;
        for row in job.base.iter() {
            match row {
                Row::Header(_) => pending_header = Some(row),
                Row::Rec(rec) => {
                    if job.query.matches(ctx, *rec) {
                        if let Some(h) = pending_header.take() {
                            out.push(h.clone());
                        }
                        out.push(row.clone());
                    }
                }
            }
        }
        out
    }

    /// Accept rows computed for a job, unless a newer job has superseded it.
    pub fn accept_filtered(&mut self, target: ListRef, generation: u64, mut rows: Vec<Row>) {
        let lang = self.lang;
        let Some(list) = self.list(target) else {
            return;
        };
        if list.generation != generation {
            return;
        }
        if let Some((c, rev)) = list.sort {
            let table = list.table;
            rows::sort_rows(&self.ctx(), &self.figures, table, &mut rows, c, rev, lang);
        }
        if let Some(list) = self.list_mut(target) {
            list.set_rows(rows);
        }
    }

    /// Filter synchronously (tests, and lists small enough not to need the thread).
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
