//! Decisions: the item they apply to, recording them in the store, undo and redo, and the
//! decisions shown again after each.

use crate::query::Rec;

use super::super::action::Command;
use super::super::decisions::{self, DecisionStore, Request};
use super::super::i18n::{t, Lang};
use super::super::rows::Row;
use super::{App, FilterJob, ViewId};

impl App {
    pub(super) fn no_journal_text(&self) -> String {
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

    /// Why a deciding key cannot act now, said at the key (before any prompt opens): no
    /// journal, or a journal that cannot be written.
    pub(super) fn refuse_read_only(&mut self) -> bool {
        match self.read_only_reason() {
            Some(why) => {
                self.message = Some((why, true));
                true
            }
            None => false,
        }
    }

    /// Record a decision on the target item; the views show it at once.
    pub fn decide(&mut self, req: Request) -> Option<FilterJob> {
        if self.refuse_read_only() {
            return None;
        }
        let Some(item) = self.target() else {
            self.message = Some((t(self.lang, "msg.select_item").to_string(), true));
            return None;
        };
        let id = decisions::id_of(&self.data.snapshot, item)
            .unwrap_or_default()
            .to_string();
        // The triage cycle ends at "resolved": `x` there does nothing, and says how to go back.
        if req == Request::TriageNext && self.items.get(&id).is_some_and(|d| d.resolved) {
            self.message = Some((
                format!("{id}: {}", t(self.lang, "msg.already_resolved")),
                true,
            ));
            return None;
        }
        let store = self.store.as_mut()?;
        match store.record(&id, &req) {
            Ok(mut confirm) => {
                self.reload_decisions();
                // A decision can take an item off the list it was on (a new deadline, a
                // resolution on the overdue list): say where it went, and which row the cursor
                // is on now.
                if self.meeting.is_none() {
                    if let Some(went) = self.where_it_went(item, &id) {
                        confirm.push_str(" · ");
                        confirm.push_str(&went);
                    }
                }
                self.message = Some((confirm, false));
            }
            Err(e) => self.message = Some((e, true)),
        }
        None
    }

    /// When a decided item has left the list on screen: where it can still be seen, and the
    /// row selected in its place.
    fn where_it_went(&self, item: Rec, id: &str) -> Option<String> {
        let list = self.current()?;
        if list.rows.contains(&Row::Rec(item)) {
            return None;
        }
        let home = match item {
            Rec::Blocker(_) => ViewId::Blockers,
            _ => ViewId::Tasks,
        };
        let vi = self.lang == Lang::Vi;
        let view = t(self.lang, home.label_key());
        let key = home.index() + 1;
        let mut out = if vi {
            format!("{id} đã rời danh sách này, vẫn xem ở thẻ {key} {view}")
        } else {
            format!("{id} has left this list; it is still in view {key} {view}")
        };
        if let Some(now) = list.selected_rec() {
            let ctx = self.ctx();
            let title: String = super::super::rows::title(&ctx, now)
                .chars()
                .take(40)
                .collect();
            let now_id = decisions::id_of(&self.data.snapshot, now)
                .map(|i| format!("{i} "))
                .unwrap_or_default();
            out.push_str(&if vi {
                format!(" · đang chọn: {now_id}{title}")
            } else {
                format!(" · selected now: {now_id}{title}")
            });
        }
        Some(out)
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
        let conclusions = self.conclusions();
        let Some(map) = self.read_decisions() else {
            return;
        };
        // The lists, counts and scores read of the decisions only who leads an item, its due
        // date, whether it is closed and the meetings' conclusions: a decision that changes
        // none of these (an agenda flag, a note, a triage step short of resolved, an empty
        // journal opened) leaves them as they are, and is shown at once.
        if same_effect(&map, &self.decided) && self.conclusions() == conclusions {
            return;
        }
        self.set_decided(map);
    }

    /// The decisions the store holds now, read into `items` and their words: what each
    /// record has decided (nothing is counted or listed again here). `None` without a store.
    pub(super) fn read_decisions(&mut self) -> Option<crate::query::DecidedMap> {
        let store = self.store.as_ref()?;
        self.items = store.items();
        let (map, text) =
            decisions::summarise(&self.data.snapshot, &self.items, self.lang == Lang::Vi);
        self.decision_text = text;
        Some(map)
    }

    /// Take back the latest decision, or restore the one taken back last.
    pub(super) fn undo_redo(&mut self, cmd: Command) {
        let Some(store) = self.store.as_mut() else {
            self.message = Some((self.no_journal_text(), true));
            return;
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
                self.message = Some((t(self.lang, "msg.nothing_to_undo").to_string(), false))
            }
            Err(e) => self.message = Some((e, true)),
        }
    }
}

/// Whether two sets of decisions say the same of every record (an entry that decides nothing
/// counts as none).
fn same_effect(a: &crate::query::DecidedMap, b: &crate::query::DecidedMap) -> bool {
    let none = crate::query::Decided::default();
    let deciding = |m: &crate::query::DecidedMap| m.0.values().filter(|d| **d != none).count();
    deciding(a) == deciding(b)
        && a.0
            .iter()
            .filter(|(_, d)| **d != none)
            .all(|(r, d)| b.0.get(r) == Some(d))
}
