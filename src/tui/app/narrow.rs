//! What a list's filter found before, kept where the filter runs: the matches of the last
//! queries (as positions in the list's base rows), so that a query typed on from one of them
//! tests only its matches (typing one more letter never finds more: `query::words`), and a
//! query typed back to (Backspace) is answered without a search.

use std::collections::HashSet;
use std::sync::Arc;

use crate::query::{Compiled, Ctx, Query, Rec};

use super::super::rows::Row;

/// No header above this position.
const NONE: u32 = u32::MAX;
/// At most this many queries are remembered…
const MAX_QUERIES: usize = 24;
/// …holding at most this many positions in all (16 MB).
const MAX_POSITIONS: usize = 4_000_000;

/// A list's remembered results. Belongs to one base: a new base forgets everything.
#[derive(Default)]
pub struct Found {
    base: Option<Arc<Vec<Row>>>,
    /// The position of each record row of the base.
    all: Arc<Vec<u32>>,
    /// For each position, the header row above it (`NONE` when there is none).
    header_before: Vec<u32>,
    has_headers: bool,
    /// Oldest first.
    recent: Vec<(Query, Arc<Vec<u32>>)>,
}

impl std::fmt::Debug for Found {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Found")
            .field("rows", &self.header_before.len())
            .field("queries", &self.recent.len())
            .finish()
    }
}

/// Rows for a query, with what the console needs to show them without going over them again.
#[derive(Debug, Clone, Default)]
pub struct Filtered {
    pub rows: Vec<Row>,
    /// Distinct records among the rows (a task listed under two units counts once).
    pub records: usize,
    /// The record selected when the job was made and its place among the rows, if any.
    pub selected: Option<(Rec, Option<usize>)>,
}

impl Found {
    /// The base rows' positions that `query` matches: remembered, or tested among the
    /// matches of a query it narrows, or among all rows.
    pub fn positions(
        &mut self,
        ctx: &Ctx,
        base: &Arc<Vec<Row>>,
        query: &Compiled,
    ) -> Arc<Vec<u32>> {
        self.adopt(base);
        if query.is_empty() {
            return self.all.clone();
        }
        if let Some(i) = self
            .recent
            .iter()
            .position(|(q, _)| q.terms == query.key().terms)
        {
            let hit = self.recent.remove(i);
            let positions = hit.1.clone();
            self.recent.push(hit);
            return positions;
        }
        let from = self
            .recent
            .iter()
            .filter(|(q, _)| query.key().narrows(q))
            .map(|(_, p)| p)
            .min_by_key(|p| p.len())
            .unwrap_or(&self.all)
            .clone();
        let rows = &**base;
        let found = query.select(ctx, &from, |p| match rows.get(p as usize) {
            Some(Row::Rec(r)) => Some(*r),
            _ => None,
        });
        let found = Arc::new(found);
        self.remember(query.key().clone(), found.clone());
        found
    }

    /// The rows at `positions`, each group's header before its first record shown.
    pub fn rows_at(&self, positions: &[u32]) -> Filtered {
        let Some(base) = &self.base else {
            return Filtered::default();
        };
        let mut rows = Vec::with_capacity(positions.len() + 16);
        let mut last = NONE;
        for &p in positions {
            let h = self.header_before[p as usize];
            if h != NONE && h != last {
                rows.push(base[h as usize].clone());
                last = h;
            }
            rows.push(base[p as usize].clone());
        }
        let records = if self.has_headers {
            let mut seen = HashSet::with_capacity(positions.len());
            positions
                .iter()
                .filter(|&&p| match &base[p as usize] {
                    Row::Rec(r) => seen.insert(*r),
                    Row::Header(..) => false,
                })
                .count()
        } else {
            positions.len()
        };
        Filtered {
            rows,
            records,
            selected: None,
        }
    }

    fn adopt(&mut self, base: &Arc<Vec<Row>>) {
        if self.base.as_ref().is_some_and(|b| Arc::ptr_eq(b, base)) {
            return;
        }
        let mut all = Vec::with_capacity(base.len());
        let mut header_before = Vec::with_capacity(base.len());
        let mut header = NONE;
        for (i, row) in base.iter().enumerate() {
            match row {
                Row::Header(..) => header = i as u32,
                Row::Rec(_) => all.push(i as u32),
            }
            header_before.push(header);
        }
        *self = Found {
            base: Some(base.clone()),
            all: Arc::new(all),
            header_before,
            has_headers: base.iter().any(|r| matches!(r, Row::Header(..))),
            recent: Vec::new(),
        };
    }

    fn remember(&mut self, query: Query, positions: Arc<Vec<u32>>) {
        self.recent.push((query, positions));
        let total = |r: &[(Query, Arc<Vec<u32>>)]| r.iter().map(|(_, p)| p.len()).sum::<usize>();
        while self.recent.len() > MAX_QUERIES
            || (self.recent.len() > 1 && total(&self.recent) > MAX_POSITIONS)
        {
            self.recent.remove(0);
        }
    }
}
