//! The console's state and the one place it changes: `App::update` (in `update`).
//!
//! The state is here; each mode's part of the update is in its own file: lists and their
//! rows (`list`), the filter bar (`filter`), moving and opening (`nav`), decisions and the
//! journal (`triage`), the triage prompts (`prompt`), the meeting (`meeting`), the help
//! screen (`help`).

mod changes;
pub mod export;
mod filter;
mod help;
mod list;
mod meeting;
mod narrow;
mod nav;
mod open;
mod prompt;
mod recount;
mod scores;
mod triage;
mod update;

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::query::{Ctx, DecidedMap, Rec};
use crate::store::Loaded;

use super::action::Command;
use super::decisions::{DecisionStore, ItemDecisions};
use super::i18n::Lang;
use super::keymap::KeyMap;
use super::prompt::Prompt;
use super::rows;
use super::theme::Theme;

pub use changes::Changes;
pub use filter::{FilterEdit, FilterJob, Filtered, ListRef};
pub use help::HelpEdit;
pub use list::List;
pub use meeting::{AgendaReason, Meeting, MeetingForm};
pub use open::Opening;
pub use prompt::PromptEdit;
pub use recount::FromScratch;

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

    pub fn index(self) -> usize {
        ViewId::ALL.iter().position(|v| *v == self).unwrap_or(0)
    }
}

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
    /// The help screen: its filter (typed after `/`, while `typing`) and how far it is
    /// scrolled.
    Help {
        filter: String,
        scroll: usize,
        typing: bool,
    },
    /// The screen of what changed since the previous snapshot, and how far it is scrolled.
    Changes {
        scroll: usize,
    },
    ConfirmQuit,
    /// The questions before a meeting opens (see `App::meeting_form`).
    MeetingForm,
    /// A triage input is open (see `App::prompt`).
    Prompt,
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
    pub meeting_form: Option<MeetingForm>,
    /// The overview, when its charts do not all fit: the first line shown, and how many
    /// lines they take (from the last draw).
    pub overview_scroll: usize,
    pub overview_lines: usize,
    /// Today's date (meetings happen on real days, whatever date the data describes).
    pub today: NaiveDate,
    /// Seconds since the console opened (ticks from the event loop), for the meeting timers.
    pub clock: u64,
    /// The last draw found the window too small to use: keys other than quit are ignored,
    /// so that nothing is decided on a screen nobody can see.
    pub too_small: bool,
    /// Text for the terminal to put on the clipboard (OSC 52), written after the next draw.
    pub clipboard: Option<String>,
    /// Where `E` writes the screen's table (the current folder).
    pub export_dir: std::path::PathBuf,
    /// The table columns shown at the last draw (empty: all of them).
    pub shown_columns: Vec<usize>,
    /// Height of the table body at the last draw (for paging and scrolling).
    pub table_height: usize,
    /// Where the table body was drawn (x, y, width, height), for mouse clicks.
    pub table_area: (u16, u16, u16, u16),
    /// Where the tabs were drawn: (x start, x end, view) per tab.
    pub tab_spans: Vec<(u16, u16, ViewId)>,
    /// Counts per unit and province, worked out once per change of decisions.
    pub figures: Arc<super::figures::Figures>,
    /// The overview's figures, worked out with the counts above.
    pub overview: Arc<super::views::overview::Figures>,
    /// The comparison with the previous snapshot, when there is one.
    pub changes: Option<Changes>,
    /// Records a change is about (marked Δ in every list).
    pub changed: std::collections::HashSet<Rec>,
    /// The snapshot before this one, when there is one.
    pub previous: Option<Arc<Loaded>>,
    /// The score formula (`score.ron`) and the previous snapshot's scorecard.
    pub formula: crate::query::scorecard::Formula,
    pub previous_scores: Option<crate::query::scorecard::Scorecard>,
}

impl App {
    /// The console's state for a snapshot, with no journal, formula or previous snapshot
    /// (`opened` takes those).
    pub fn new(
        data: Arc<Loaded>,
        as_of: NaiveDate,
        lang: Lang,
        theme: Theme,
        keymap: KeyMap,
    ) -> App {
        App::opened(data, as_of, lang, theme, keymap, Opening::default())
    }

    /// The state before anything is counted or listed (`opened` works that out).
    fn blank(data: Arc<Loaded>, as_of: NaiveDate, lang: Lang, theme: Theme, keymap: KeyMap) -> App {
        App {
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
            meeting_form: None,
            overview_scroll: 0,
            overview_lines: 0,
            today: chrono::Local::now().date_naive(),
            clock: 0,
            too_small: false,
            shown_columns: Vec::new(),
            clipboard: None,
            export_dir: std::path::PathBuf::from("."),
            table_height: 20,
            table_area: (0, 0, 0, 0),
            tab_spans: Vec::new(),
            figures: Arc::default(),
            overview: Arc::default(),
            changes: None,
            changed: Default::default(),
            previous: None,
            formula: Default::default(),
            previous_scores: None,
        }
    }

    pub fn ctx(&self) -> Ctx<'_> {
        Ctx {
            snap: &self.data.snapshot,
            findings: &self.data.findings,
            as_of: self.as_of,
            overlay: Some(&*self.decided),
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

    /// Keep what the last draw found out about the screen (sizes, where things are) for the
    /// keys and clicks that follow.
    pub fn note_drawn(&mut self, drawn: super::views::Drawn) {
        self.too_small = drawn.too_small;
        self.shown_columns = drawn.shown_columns;
        self.table_height = drawn.table_height.max(1);
        self.table_area = drawn.table_area;
        self.tab_spans = drawn.tab_spans;
        self.overview_lines = drawn.overview_lines;
        self.overview_scroll = self
            .overview_scroll
            .min(self.overview_lines.saturating_sub(self.table_height));
    }
}
