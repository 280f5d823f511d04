//! The console's state and the one place it changes: `App::update`.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::domain::LocalityLevel;
use crate::query::{Compiled, Ctx, DecidedMap, Rec};
use crate::store::Loaded;

use std::collections::HashMap;

use super::action::Command;
use super::decisions::{self, DecisionStore, ItemDecisions, Request};
use super::i18n::{t, Lang};
use super::keymap::KeyMap;
use super::pages;
use super::prompt::{Prompt, PromptKind};
use super::rows::{self, Row, Table};
use super::theme::Theme;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ViewId {
    Overview,
    Models,
    Tasks,
    Overdue,
    Blockers,
    Units,
    Localities,
    Findings,
}

impl ViewId {
    pub const ALL: [ViewId; 8] = [
        ViewId::Overview,
        ViewId::Models,
        ViewId::Tasks,
        ViewId::Overdue,
        ViewId::Blockers,
        ViewId::Units,
        ViewId::Localities,
        ViewId::Findings,
    ];

    pub fn label_key(self) -> &'static str {
        match self {
            ViewId::Overview => "view.overview",
            ViewId::Models => "view.models",
            ViewId::Tasks => "view.tasks",
            ViewId::Overdue => "view.overdue",
            ViewId::Blockers => "view.blockers",
            ViewId::Units => "view.units",
            ViewId::Localities => "view.localities",
            ViewId::Findings => "view.findings",
        }
    }

    pub fn command(self) -> Command {
        match self {
            ViewId::Overview => Command::Overview,
            ViewId::Models => Command::Models,
            ViewId::Tasks => Command::Tasks,
            ViewId::Overdue => Command::Overdue,
            ViewId::Blockers => Command::Blockers,
            ViewId::Units => Command::Units,
            ViewId::Localities => Command::Localities,
            ViewId::Findings => Command::Findings,
        }
    }

    fn index(self) -> usize {
        ViewId::ALL.iter().position(|v| *v == self).unwrap_or(0)
    }
}

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
    /// Matching rows come from the filter thread; until they arrive this is true.
    pub pending: bool,
    /// Bumped on every change of filter or base, so stale results are dropped.
    pub generation: u64,
    pub sort: Option<(usize, bool)>,
}

impl List {
    pub fn new(table: Table, base: Vec<Row>) -> List {
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
            pending: false,
            generation: 0,
            sort: None,
        };
        l.select_first_record();
        l
    }

    /// Distinct records shown (a task led by two units is listed under each, counted once).
    pub fn record_count(&self) -> usize {
        distinct_records(&self.rows)
    }
    pub fn base_count(&self) -> usize {
        distinct_records(&self.base)
    }

    pub fn selected_rec(&self) -> Option<Rec> {
        match self.rows.get(self.selected) {
            Some(Row::Rec(r)) => Some(*r),
            _ => None,
        }
    }

    fn select_first_record(&mut self) {
        self.selected = self
            .rows
            .iter()
            .position(|r| matches!(r, Row::Rec(_)))
            .unwrap_or(0);
    }

    /// Move the cursor by `delta` records, skipping headers.
    pub fn move_by(&mut self, delta: isize) {
        if self.rows.is_empty() {
            return;
        }
        let recs: Vec<usize> = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| matches!(r, Row::Rec(_)))
            .map(|(i, _)| i)
            .collect();
        if recs.is_empty() {
            return;
        }
        let cur = recs
            .iter()
            .position(|&i| i >= self.selected)
            .unwrap_or(recs.len() - 1);
        let next = (cur as isize + delta).clamp(0, recs.len() as isize - 1) as usize;
        self.selected = recs[next];
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
                    && matches!(self.rows.get(self.selected - 1), Some(Row::Header(_))),
            ));
        } else if self.selected >= self.offset + h {
            self.offset = self.selected + 1 - h;
        }
        let max_offset = self.rows.len().saturating_sub(h);
        self.offset = self.offset.min(max_offset);
    }

    /// Put filtered rows in place (from the filter thread or computed here), keeping the
    /// selected record when it is still there.
    pub fn set_rows(&mut self, rows: Vec<Row>) {
        let keep = self.selected_rec();
        self.rows = rows;
        self.pending = false;
        match keep.and_then(|k| self.rows.iter().position(|r| *r == Row::Rec(k))) {
            Some(i) => self.selected = i,
            None => self.select_first_record(),
        }
        self.offset = self.offset.min(self.rows.len().saturating_sub(1));
    }
}

/// What a list remembers across a rebuild: its filter, its sort and the selected record.
type ListMemory = (String, Option<(usize, bool)>, Option<Rec>);

/// One drill-down level: a record's own page.
#[derive(Debug, Clone)]
pub struct Page {
    pub rec: Rec,
    pub list: List,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    Normal,
    /// Typing in the filter bar.
    Filter,
    /// The help screen, with its own filter text.
    Help {
        filter: String,
        scroll: usize,
    },
    ConfirmQuit,
    /// A triage input is open (see `App::prompt`).
    Prompt,
}

/// Meeting mode: the agenda and where the chair is in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Meeting {
    /// Items, each with why it is on the agenda.
    pub agenda: Vec<(Rec, AgendaReason)>,
    pub index: usize,
    /// Clock readings (seconds) when the meeting and the current item started.
    pub started: u64,
    pub item_started: u64,
    /// The previous meeting's day: tasks that fell due after it are "newly overdue".
    pub since: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgendaReason {
    Flagged,
    NewlyOverdue,
    Escalated,
}

/// Everything the console shows, in one value.
pub struct App {
    pub data: Arc<Loaded>,
    pub as_of: NaiveDate,
    pub lang: Lang,
    pub theme: Theme,
    pub keymap: KeyMap,
    pub view: ViewId,
    pub lists: Vec<List>,
    pub pages: Vec<Page>,
    pub mode: Mode,
    pub frame_today: bool,
    pub show_detail: bool,
    pub detail_scroll: u16,
    /// A message for the status line: (text, is_error).
    pub message: Option<(String, bool)>,
    pub decided: Arc<DecidedMap>,
    /// What the meeting decided, per record, as shown beside the reported data:
    /// a short badge for tables and full lines for the detail pane.
    pub decision_text: std::collections::HashMap<Rec, (String, Vec<String>)>,
    pub unsaved: bool,
    pub quit: bool,
    /// The decision journal, when one is open.
    pub store: Option<Box<dyn DecisionStore>>,
    /// Decisions per item id, as last read from the store.
    pub items: HashMap<String, ItemDecisions>,
    pub prompt: Option<Prompt>,
    pub meeting: Option<Meeting>,
    /// Seconds since the console opened (ticks from the event loop), for the meeting timers.
    pub clock: u64,
    /// The last draw found the window too small to use: keys other than quit are ignored,
    /// so that nothing is decided on a screen nobody can see.
    pub too_small: bool,
    /// The table columns shown at the last draw (empty: all of them).
    pub shown_columns: Vec<usize>,
    /// Height of the table body at the last draw (for paging and scrolling).
    pub table_height: usize,
    /// Where the table body was drawn (x, y, width, height), for mouse clicks.
    pub table_area: (u16, u16, u16, u16),
    /// Where the tabs were drawn: (x start, x end, view) per tab.
    pub tab_spans: Vec<(u16, u16, ViewId)>,
}

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

impl App {
    pub fn new(
        data: Arc<Loaded>,
        as_of: NaiveDate,
        lang: Lang,
        theme: Theme,
        keymap: KeyMap,
    ) -> App {
        let mut app = App {
            data,
            as_of,
            lang,
            theme,
            keymap,
            view: ViewId::Overview,
            lists: Vec::new(),
            pages: Vec::new(),
            mode: Mode::Normal,
            frame_today: false,
            show_detail: true,
            detail_scroll: 0,
            message: None,
            decided: Arc::new(DecidedMap::default()),
            decision_text: Default::default(),
            unsaved: false,
            quit: false,
            store: None,
            items: HashMap::new(),
            prompt: None,
            meeting: None,
            clock: 0,
            too_small: false,
            shown_columns: Vec::new(),
            table_height: 20,
            table_area: (0, 0, 0, 0),
            tab_spans: Vec::new(),
        };
        app.rebuild_lists();
        app
    }

    pub fn ctx(&self) -> Ctx<'_> {
        Ctx {
            snap: &self.data.snapshot,
            findings: &self.data.findings,
            as_of: self.as_of,
            overlay: Some(&*self.decided),
        }
    }

    /// The rows of every top-level view (the list for Localities exists in both frames).
    fn rebuild_lists(&mut self) {
        let old: Vec<ListMemory> = self
            .lists
            .iter()
            .map(|l| (l.filter.clone(), l.sort, l.selected_rec()))
            .collect();
        let ctx = self.ctx();
        let mut lists = Vec::new();
        for v in ViewId::ALL {
            lists.push(view_list(&ctx, v, false));
        }
        lists.push(view_list(&ctx, ViewId::Localities, true));
        self.lists = lists;
        for (i, (filter, sort, sel)) in old.into_iter().enumerate() {
            if let Some(l) = self.lists.get_mut(i) {
                l.filter = filter;
                l.sort = sort;
                if let Some(sel) = sel {
                    if let Some(p) = l.rows.iter().position(|r| *r == Row::Rec(sel)) {
                        l.selected = p;
                    }
                }
            }
        }
        for i in 0..self.lists.len() {
            self.refilter(self.list_ref_at(i));
        }
    }

    fn list_ref_at(&self, i: usize) -> ListRef {
        if i == ViewId::ALL.len() {
            ListRef::View(ViewId::Localities, true)
        } else {
            ListRef::View(ViewId::ALL[i], false)
        }
    }

    pub fn current_ref(&self) -> ListRef {
        if !self.pages.is_empty() {
            ListRef::Page(self.pages.len() - 1)
        } else {
            ListRef::View(
                self.view,
                self.view == ViewId::Localities && self.frame_today,
            )
        }
    }

    pub fn list(&self, r: ListRef) -> Option<&List> {
        match r {
            ListRef::Page(i) => self.pages.get(i).map(|p| &p.list),
            ListRef::View(ViewId::Localities, true) => self.lists.get(ViewId::ALL.len()),
            ListRef::View(v, _) => self.lists.get(v.index()),
        }
    }

    pub fn list_mut(&mut self, r: ListRef) -> Option<&mut List> {
        match r {
            ListRef::Page(i) => self.pages.get_mut(i).map(|p| &mut p.list),
            ListRef::View(ViewId::Localities, true) => self.lists.get_mut(ViewId::ALL.len()),
            ListRef::View(v, _) => self.lists.get_mut(v.index()),
        }
    }

    /// The list the cursor is in (none on the overview).
    pub fn current(&self) -> Option<&List> {
        if self.pages.is_empty() && self.view == ViewId::Overview {
            return None;
        }
        self.list(self.current_ref())
    }

    fn current_mut(&mut self) -> Option<&mut List> {
        if self.pages.is_empty() && self.view == ViewId::Overview {
            return None;
        }
        let r = self.current_ref();
        self.list_mut(r)
    }

    pub fn selected_rec(&self) -> Option<Rec> {
        self.current().and_then(List::selected_rec)
    }

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
        let base = list.base.clone();
        let sort = list.sort;
        let table = list.table;
        let lang = self.lang;
        let list = self.list_mut(r)?;
        list.generation += 1;
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
                    rows::sort_rows(&ctx, table, &mut rows, c, rev, lang);
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
            rows::sort_rows(&self.ctx(), table, &mut rows, c, rev, lang);
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

    fn set_view(&mut self, v: ViewId) {
        self.view = v;
        self.pages.clear();
        self.detail_scroll = 0;
    }

    fn open_selected(&mut self) {
        let Some(rec) = self.selected_rec() else {
            return;
        };
        let ctx = self.ctx();
        let (table, rows) = pages::page_rows(&ctx, self.lang, rec);
        let list = List::new(table, rows);
        self.pages.push(Page { rec, list });
        self.detail_scroll = 0;
    }

    pub fn decision_badge(&self, rec: Rec) -> Option<String> {
        self.decision_text.get(&rec).map(|(b, _)| b.clone())
    }

    pub fn decision_lines(&self, rec: Rec) -> Option<Vec<String>> {
        self.decision_text.get(&rec).map(|(_, l)| l.clone())
    }

    /// Breadcrumb: the view, then each page's title.
    pub fn breadcrumb(&self) -> Vec<String> {
        let mut out = vec![super::i18n::t(self.lang, self.view.label_key()).to_string()];
        if self.view == ViewId::Localities && self.frame_today && self.pages.is_empty() {
            out[0] = format!("{} ({})", out[0], super::i18n::t(self.lang, "frame.new"));
        }
        let ctx = self.ctx();
        for p in &self.pages {
            let t = rows::title(&ctx, p.rec);
            let short: String = t.chars().take(32).collect();
            out.push(if t.chars().count() > 32 {
                format!("{short}…")
            } else {
                short
            });
        }
        out
    }

    /// Apply one command. Returns a filter job when the visible rows must be recomputed.
    pub fn update(&mut self, cmd: Command) -> Option<FilterJob> {
        self.message = None;
        let page = self.table_height.max(1) as isize;
        match cmd {
            Command::Quit => {
                if self.unsaved {
                    self.mode = Mode::ConfirmQuit;
                } else {
                    self.quit = true;
                }
            }
            Command::Help => {
                self.mode = Mode::Help {
                    filter: String::new(),
                    scroll: 0,
                }
            }
            Command::NextView => {
                self.set_view(ViewId::ALL[(self.view.index() + 1) % ViewId::ALL.len()])
            }
            Command::PrevView => self.set_view(
                ViewId::ALL[(self.view.index() + ViewId::ALL.len() - 1) % ViewId::ALL.len()],
            ),
            Command::Overview => self.set_view(ViewId::Overview),
            Command::Models => self.set_view(ViewId::Models),
            Command::Tasks => self.set_view(ViewId::Tasks),
            Command::Overdue => self.set_view(ViewId::Overdue),
            Command::Blockers => self.set_view(ViewId::Blockers),
            Command::Units => self.set_view(ViewId::Units),
            Command::Localities => self.set_view(ViewId::Localities),
            Command::Findings => self.set_view(ViewId::Findings),
            Command::Up | Command::Down if self.meeting.is_some() => {
                return self.update(if cmd == Command::Up {
                    Command::MeetingPrev
                } else {
                    Command::MeetingNext
                });
            }
            Command::Top | Command::Bottom | Command::PageUp | Command::PageDown
                if self.meeting.is_some() =>
            {
                // The agenda: first or last item, or a screenful on.
                if let Some(m) = self.meeting.as_mut() {
                    let n = m.agenda.len();
                    if n > 0 {
                        let step = page.max(1) as usize;
                        m.index = match cmd {
                            Command::Top => 0,
                            Command::Bottom => n - 1,
                            Command::PageUp => m.index.saturating_sub(step),
                            _ => (m.index + step).min(n - 1),
                        };
                        m.item_started = self.clock;
                    }
                    self.detail_scroll = 0;
                }
            }
            Command::Up => self.move_cursor(-1),
            Command::Down => self.move_cursor(1),
            Command::PageUp => self.move_cursor(-page),
            Command::PageDown => self.move_cursor(page),
            Command::Top => {
                if let Some(l) = self.current_mut() {
                    l.to_top();
                }
                self.detail_scroll = 0;
            }
            Command::Bottom => {
                if let Some(l) = self.current_mut() {
                    l.to_bottom();
                }
                self.detail_scroll = 0;
            }
            Command::Open => self.open_selected(),
            Command::Back if self.meeting.is_some() => self.meeting = None,
            Command::Back => {
                if self.pages.pop().is_some() {
                    self.detail_scroll = 0;
                } else if let Some(l) = self.current_mut() {
                    if !l.filter.is_empty() {
                        l.filter.clear();
                        let r = self.current_ref();
                        return self.filter_job(r);
                    }
                }
            }
            Command::Filter if self.current().is_some() => {
                // Back to a kept filter: the next word starts after a space.
                if let Some(l) = self.current_mut() {
                    if !l.filter.is_empty() && !l.filter.ends_with(' ') {
                        l.filter.push(' ');
                    }
                }
                self.mode = Mode::Filter
            }
            Command::SortNext | Command::SortReverse => {
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
                return self.filter_job(r);
            }
            Command::ToggleFrame if self.view == ViewId::Localities && self.pages.is_empty() => {
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
                    Some(Rec::Today(i)) => snap
                        .absorbed_by(&snap.today[i].id)
                        .first()
                        .and_then(|l| snap.index.locality.get(&l.id).copied())
                        .map(Rec::Locality),
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
                return self.filter_job(r);
            }
            Command::ToggleDetail => self.show_detail = !self.show_detail,
            Command::DetailDown => self.detail_scroll = self.detail_scroll.saturating_add(3),
            Command::DetailUp => self.detail_scroll = self.detail_scroll.saturating_sub(3),
            Command::TriageNext => return self.decide(Request::TriageNext),
            Command::TriageDefer => return self.decide(Request::Defer),
            Command::Agenda => return self.decide(Request::ToggleAgenda),
            Command::Assign => self.open_prompt(PromptKind::Assign),
            Command::SetDue => self.open_prompt(PromptKind::Due),
            Command::AddNote => self.open_prompt(PromptKind::Note),
            Command::Conclude => self.open_prompt(PromptKind::Conclusion),
            Command::Undo | Command::Redo => {
                let Some(store) = self.store.as_mut() else {
                    self.message = Some((self.no_journal_text(), true));
                    return None;
                };
                let r = if cmd == Command::Undo {
                    store.undo()
                } else {
                    store.redo()
                };
                match r {
                    Ok(Some(what)) => {
                        self.message = Some((what, false));
                        self.reload_decisions();
                    }
                    Ok(None) => {
                        self.message =
                            Some((t(self.lang, "msg.nothing_to_undo").to_string(), false))
                    }
                    Err(e) => self.message = Some((e, true)),
                }
            }
            Command::Meeting => {
                if self.meeting.is_some() {
                    self.meeting = None;
                } else {
                    self.start_meeting();
                }
            }
            Command::MeetingNext | Command::MeetingPrev => {
                if let Some(m) = self.meeting.as_mut() {
                    let n = m.agenda.len();
                    if n > 0 {
                        m.index = if cmd == Command::MeetingNext {
                            (m.index + 1).min(n - 1)
                        } else {
                            m.index.saturating_sub(1)
                        };
                        m.item_started = self.clock;
                    }
                    self.detail_scroll = 0;
                }
            }
            Command::Minutes => self.write_minutes(),
            Command::Filter | Command::ToggleFrame => {}
        }
        None
    }

    fn no_journal_text(&self) -> String {
        t(self.lang, "msg.no_journal").to_string()
    }

    /// The task or blocker decisions apply to: the current agenda item in a meeting, else the
    /// selected row.
    pub fn target(&self) -> Option<Rec> {
        if let Some(m) = &self.meeting {
            return m.agenda.get(m.index).map(|(r, _)| *r);
        }
        self.selected_rec()
            .filter(|r| matches!(r, Rec::Task(_) | Rec::Blocker(_)))
    }

    fn open_prompt(&mut self, kind: PromptKind) {
        if kind == PromptKind::Conclusion && self.meeting.is_none() {
            self.message = Some((t(self.lang, "msg.conclude_in_meeting").to_string(), true));
            return;
        }
        match self.target() {
            Some(item) => {
                self.prompt = Some(Prompt::new(kind, item, &self.data.snapshot));
                self.mode = Mode::Prompt;
            }
            None => self.message = Some((t(self.lang, "msg.select_item").to_string(), true)),
        }
    }

    /// Record a decision on the target item; the views show it at once.
    pub fn decide(&mut self, req: Request) -> Option<FilterJob> {
        let Some(item) = self.target() else {
            self.message = Some((t(self.lang, "msg.select_item").to_string(), true));
            return None;
        };
        let id = decisions::id_of(&self.data.snapshot, item)
            .unwrap_or_default()
            .to_string();
        let Some(store) = self.store.as_mut() else {
            self.message = Some((self.no_journal_text(), true));
            return None;
        };
        if let Some(why) = store.read_only() {
            self.message = Some((why, true));
            return None;
        }
        match store.record(&id, &req) {
            Ok(mut confirm) => {
                self.reload_decisions();
                // A decision can take an item off the list it was on (a new deadline, a
                // resolution on the overdue list): say so, since the cursor has moved on.
                let still_listed = self.meeting.is_some()
                    || self
                        .current()
                        .is_none_or(|l| l.rows.contains(&Row::Rec(item)));
                if !still_listed {
                    confirm.push_str(" · ");
                    confirm.push_str(t(self.lang, "msg.left_list"));
                }
                self.message = Some((confirm, false));
            }
            Err(e) => self.message = Some((e, true)),
        }
        None
    }

    /// Keep what the last draw found out about the screen (sizes, where things are) for the
    /// keys and clicks that follow.
    pub fn note_drawn(&mut self, drawn: super::views::Drawn) {
        self.too_small = drawn.too_small;
        self.shown_columns = drawn.shown_columns;
        self.table_height = drawn.table_height.max(1);
        self.table_area = drawn.table_area;
        self.tab_spans = drawn.tab_spans;
    }

    /// Open the console on a decision store (the journal): its decisions show at once.
    pub fn attach_store(&mut self, store: Box<dyn DecisionStore>) {
        self.store = Some(store);
        self.reload_decisions();
    }

    /// Why decisions cannot be recorded now, if they cannot (no journal, or a read-only one).
    pub fn read_only_reason(&self) -> Option<String> {
        match &self.store {
            None => Some(self.no_journal_text()),
            Some(s) => s.read_only(),
        }
    }

    /// Read the decisions from the store again and refresh every list.
    pub fn reload_decisions(&mut self) {
        let Some(store) = self.store.as_ref() else {
            return;
        };
        self.items = store.items();
        let (map, text) =
            decisions::summarise(&self.data.snapshot, &self.items, self.lang == Lang::Vi);
        self.decision_text = text;
        self.set_decided(map);
    }

    /// Submit or edit the open prompt.
    pub fn prompt_input(&mut self, edit: PromptEdit) -> Option<FilterJob> {
        // The snapshot is shared (an Arc), not copied, on this per-keystroke path.
        let data = self.data.clone();
        let snap = &data.snapshot;
        let Some(p) = self.prompt.as_mut() else {
            self.mode = Mode::Normal;
            return None;
        };
        match edit {
            PromptEdit::Char(c) => {
                p.text.push(c);
                p.refresh(snap);
            }
            PromptEdit::Backspace => {
                p.text.pop();
                p.refresh(snap);
            }
            PromptEdit::Erase => {
                p.text.clear();
                p.error = None;
                p.refresh(snap);
            }
            PromptEdit::Up => p.cursor = p.cursor.saturating_sub(1),
            PromptEdit::Down => p.cursor = (p.cursor + 1).min(p.choices.len().saturating_sub(1)),
            PromptEdit::Cancel => {
                self.prompt = None;
                self.mode = Mode::Normal;
            }
            PromptEdit::Submit => {
                let req = match p.kind {
                    PromptKind::Assign => match p.choices.get(p.cursor) {
                        Some(&u) => Request::Assign(snap.units[u].id.clone()),
                        None => {
                            p.error = Some(if self.lang == Lang::Vi {
                                "Không có đơn vị nào khớp".into()
                            } else {
                                "No unit matches".into()
                            });
                            return None;
                        }
                    },
                    PromptKind::Due => match p.parse_date() {
                        Ok(d) => Request::Due(d),
                        Err(e) => {
                            p.error = Some(e);
                            return None;
                        }
                    },
                    PromptKind::Note | PromptKind::Conclusion if p.text.trim().is_empty() => {
                        p.error = Some(if self.lang == Lang::Vi {
                            "Chưa có nội dung".into()
                        } else {
                            "Nothing typed".into()
                        });
                        return None;
                    }
                    PromptKind::Note => Request::Note(p.text.trim().to_string()),
                    PromptKind::Conclusion => Request::Conclusion(p.text.trim().to_string()),
                };
                let item = p.item;
                self.prompt = None;
                self.mode = Mode::Normal;
                // The decision applies to the item the prompt was opened on.
                let saved_meeting_index = self.meeting.as_ref().map(|m| m.index);
                let r = if self.target() == Some(item) {
                    self.decide(req)
                } else {
                    None
                };
                if let (Some(m), Some(i)) = (self.meeting.as_mut(), saved_meeting_index) {
                    m.index = i;
                }
                return r;
            }
        }
        None
    }

    /// Build the agenda: flagged items, tasks overdue since the last meeting, escalated blockers.
    fn start_meeting(&mut self) {
        let snap = &self.data.snapshot;
        let since = self
            .store
            .as_ref()
            // Meetings happen on real days: the one before today, whatever date the data
            // describes.
            .and_then(|s| s.last_meeting_before(chrono::Local::now().date_naive()));
        let mut agenda: Vec<(Rec, AgendaReason)> = Vec::new();
        let push = |r: Rec, why: AgendaReason, agenda: &mut Vec<(Rec, AgendaReason)>| {
            if !agenda.iter().any(|(x, _)| *x == r) {
                agenda.push((r, why));
            }
        };
        let mut ids: Vec<(&String, &ItemDecisions)> = self.items.iter().collect();
        ids.sort_by(|a, b| a.0.cmp(b.0));
        for (id, d) in &ids {
            if d.agenda {
                if let Some(r) = decisions::rec_of(snap, id) {
                    push(r, AgendaReason::Flagged, &mut agenda);
                }
            }
        }
        let ctx = self.ctx();
        let mut newly: Vec<(i64, usize)> = (0..snap.tasks.len())
            .filter_map(|i| {
                let late = ctx.task_days_overdue(i)?;
                let due = ctx
                    .overlay
                    .and_then(|o| o.decided_due(Rec::Task(i)))
                    .or_else(|| snap.task_deadline(i).due())?;
                since.is_none_or(|s| due >= s).then_some((late, i))
            })
            .collect();
        newly.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for (_, i) in newly {
            push(Rec::Task(i), AgendaReason::NewlyOverdue, &mut agenda);
        }
        for (id, d) in &ids {
            if d.state.as_ref().is_some_and(|(k, _)| k == "escalated") {
                if let Some(r @ Rec::Blocker(_)) = decisions::rec_of(snap, id) {
                    push(r, AgendaReason::Escalated, &mut agenda);
                }
            }
        }
        self.meeting = Some(Meeting {
            agenda,
            index: 0,
            started: self.clock,
            item_started: self.clock,
            since,
        });
        self.detail_scroll = 0;
    }

    fn write_minutes(&mut self) {
        let Some(store) = self.store.as_ref() else {
            self.message = Some((self.no_journal_text(), true));
            return;
        };
        match store.write_minutes(&self.data.snapshot, self.lang == Lang::Vi) {
            Ok(path) => {
                self.message = Some((
                    format!("{} {}", t(self.lang, "msg.minutes_written"), path),
                    false,
                ))
            }
            Err(e) => self.message = Some((e, true)),
        }
    }

    fn move_cursor(&mut self, delta: isize) {
        let h = self.table_height;
        if let Some(l) = self.current_mut() {
            l.move_by(delta);
            l.scroll_into_view(h);
        }
        self.detail_scroll = 0;
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

    /// Select the row at a screen line of the table (mouse click).
    pub fn click_row(&mut self, line: usize) {
        if let Some(l) = self.current_mut() {
            let idx = l.offset + line;
            if matches!(l.rows.get(idx), Some(Row::Rec(_))) {
                l.selected = idx;
            }
        }
        self.detail_scroll = 0;
    }

    /// Replace the decisions shown over the snapshot, then recompute every list.
    pub fn set_decided(&mut self, decided: DecidedMap) {
        self.decided = Arc::new(decided);
        self.rebuild_lists();
        for i in 0..self.pages.len() {
            let ctx = self.ctx();
            let (table, rows) = pages::page_rows(&ctx, self.lang, self.pages[i].rec);
            let keep = self.pages[i].list.selected_rec();
            let filter = self.pages[i].list.filter.clone();
            let mut list = List::new(table, rows);
            list.filter = filter;
            if let Some(k) = keep {
                if let Some(p) = list.rows.iter().position(|r| *r == Row::Rec(k)) {
                    list.selected = p;
                }
            }
            self.pages[i].list = list;
            self.refilter(ListRef::Page(i));
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptEdit {
    Char(char),
    Backspace,
    /// Ctrl-U: empty the text typed so far.
    Erase,
    Up,
    Down,
    Submit,
    Cancel,
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

/// The base rows of a top-level view.
fn view_list(ctx: &Ctx, v: ViewId, today_frame: bool) -> List {
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
        ViewId::Overdue => List::new(Table::Tasks, overdue_rows(ctx)),
        ViewId::Blockers => List::new(
            Table::Blockers,
            (0..s.blockers.len())
                .map(|i| Row::Rec(Rec::Blocker(i)))
                .collect(),
        ),
        ViewId::Units => {
            let mut idx: Vec<(usize, (usize, usize, usize))> = (0..s.units.len())
                .map(|i| (i, rows::unit_counts(ctx, &s.units[i].id)))
                .collect();
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
    let mut seen = std::collections::HashSet::new();
    rows.iter()
        .filter(|r| matches!(r, Row::Rec(rec) if seen.insert(*rec)))
        .count()
}

/// Overdue tasks grouped by lead unit, each group sorted by days late (most first); groups
/// ordered by their most late task.
pub fn overdue_rows(ctx: &Ctx) -> Vec<Row> {
    let s = ctx.snap;
    let mut groups: Vec<(String, Vec<(i64, usize)>)> = Vec::new();
    for i in 0..s.tasks.len() {
        let Some(late) = ctx.task_days_overdue(i) else {
            continue;
        };
        let leads = ctx.task_lead_units(i);
        let names: Vec<String> = if leads.is_empty() {
            let raw = crate::text::one_line(&s.tasks[i].lead_raw);
            vec![if raw.is_empty() {
                "(không ghi đơn vị chủ trì)".to_string()
            } else {
                raw
            }]
        } else {
            leads.iter().map(|u| s.unit_label(u)).collect()
        };
        for n in names {
            match groups.iter_mut().find(|(g, _)| *g == n) {
                Some((_, v)) => v.push((late, i)),
                None => groups.push((n, vec![(late, i)])),
            }
        }
    }
    for (_, v) in &mut groups {
        v.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    }
    groups.sort_by(|a, b| {
        b.1[0]
            .0
            .cmp(&a.1[0].0)
            .then(b.1.len().cmp(&a.1.len()))
            .then(a.0.cmp(&b.0))
    });
    let mut out = Vec::new();
    for (name, v) in groups {
        out.push(Row::Header(name));
        out.extend(v.into_iter().map(|(_, i)| Row::Rec(Rec::Task(i))));
    }
    out
}
