//! Moving in lists and views: the cursor, views, pages, sorting, the frame of localities.

use crate::query::Rec;

use super::super::action::Command;
use super::super::pages;
use super::super::rows::{self, Row};
use super::{App, FilterJob, List, Page, ViewId};

impl App {
    pub(super) fn set_view(&mut self, v: ViewId) {
        self.view = v;
        self.pages.clear();
        self.detail_scroll = 0;
    }

    pub(super) fn open_selected(&mut self) {
        let Some(rec) = self.selected_rec() else {
            return;
        };
        let ctx = self.ctx();
        let (table, rows) = pages::page_rows(&ctx, &self.figures, self.lang, rec);
        let list = List::new(table, rows);
        self.pages.push(Page { rec, list });
        self.detail_scroll = 0;
    }

    /// On the overview, the keys that move the cursor scroll the charts.
    fn scroll_overview(&mut self, to: impl FnOnce(usize, usize) -> usize) -> bool {
        if !(self.pages.is_empty() && self.view == ViewId::Overview) {
            return false;
        }
        let max = self.overview_lines.saturating_sub(self.table_height);
        self.overview_scroll = to(self.overview_scroll, max).min(max);
        true
    }

    pub(super) fn move_cursor(&mut self, delta: isize) {
        if self.scroll_overview(|s, _| s.saturating_add_signed(delta)) {
            return;
        }
        let h = self.table_height;
        if let Some(l) = self.current_mut() {
            l.move_by(delta);
            l.scroll_into_view(h);
        }
        self.detail_scroll = 0;
    }

    /// Select the row at a screen line of the table (mouse click).
    pub fn click_row(&mut self, line: usize) {
        let h = self.table_height;
        if let Some(l) = self.current_mut() {
            // The rows as drawn: from the offset the table was drawn at.
            l.offset = l.shown_offset(h);
            let idx = l.offset + line;
            if matches!(l.rows.get(idx), Some(Row::Rec(_))) {
                l.selected = idx;
            }
        }
        self.detail_scroll = 0;
    }

    /// Sort the current list by the next column shown, or reverse the sort.
    pub(super) fn sort(&mut self, cmd: Command) -> Option<FilterJob> {
        let shown = self.shown_columns.clone();
        let l = self.current_mut()?;
        let ncols = rows::columns(l.table).len();
        // Only the columns on screen: sorting by one the user cannot see would look
        // like a shuffle.
        let order: Vec<usize> = if shown.is_empty() {
            (0..ncols).collect()
        } else {
            shown.into_iter().filter(|&c| c < ncols).collect()
        };
        let first = order.first().copied().unwrap_or(0);
        let next = |c: usize| {
            order
                .iter()
                .position(|&x| x == c)
                .map(|p| order[(p + 1) % order.len()])
                .unwrap_or(first)
        };
        l.sort = Some(match (l.sort, cmd) {
            (None, Command::SortNext) => (first, false),
            (Some((c, r)), Command::SortNext) => (next(c), r),
            (None, _) => (first, true),
            (Some((c, r)), _) => (c, !r),
        });
        let r = self.current_ref();
        self.filter_job(r)
    }

    /// Localities: switch between the provinces of the reports and those of today.
    pub(super) fn toggle_frame(&mut self) -> Option<FilterJob> {
        // The same question in the other frame: the filter goes along, and the
        // province selected becomes the province of today that absorbed it (or the
        // first province a province of today absorbed).
        let (filter, selected) = self
            .current()
            .map(|l| (l.filter.clone(), l.selected_rec()))
            .unwrap_or_default();
        let data = self.data.clone();
        let snap = &data.snapshot;
        let target = match selected {
            Some(Rec::Locality(i)) => snap.localities[i]
                .today
                .as_deref()
                .and_then(|t| snap.index.today.get(t).copied())
                .map(Rec::Today),
            Some(Rec::Today(i)) => self.figures.absorbed(i).first().map(|&l| Rec::Locality(l)),
            _ => None,
        };
        self.frame_today = !self.frame_today;
        let r = self.current_ref();
        if let Some(l) = self.list_mut(r) {
            if let Some(t) = target {
                if let Some(p) = l.base.iter().position(|row| *row == Row::Rec(t)) {
                    l.set_rows((*l.base).clone());
                    l.selected = p;
                }
            }
            l.filter = filter;
        }
        self.filter_job(r)
    }

    pub(super) fn go_top(&mut self) {
        if self.scroll_overview(|_, _| 0) {
            return;
        }
        if let Some(l) = self.current_mut() {
            l.to_top();
        }
        self.detail_scroll = 0;
    }

    pub(super) fn go_bottom(&mut self) {
        if self.scroll_overview(|_, max| max) {
            return;
        }
        if let Some(l) = self.current_mut() {
            l.to_bottom();
        }
        self.detail_scroll = 0;
    }

    /// Back: close the page on top, else clear the list's filter.
    pub(super) fn back(&mut self) -> Option<FilterJob> {
        if self.pages.pop().is_some() {
            self.detail_scroll = 0;
        } else if let Some(l) = self.current_mut() {
            if !l.filter.is_empty() {
                l.filter.clear();
                let r = self.current_ref();
                return self.filter_job(r);
            }
        }
        None
    }
}
