//! Decisions: the item they apply to, recording them in the store, undo and redo, and the
//! decisions shown again after each.

use crate::query::Rec;

use super::super::action::Command;
use super::super::decisions::{self, DecisionStore, Request};
use super::super::i18n::{t, Lang};
use super::super::rows::Row;
use super::{App, FilterJob};

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
