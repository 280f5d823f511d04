//! Meeting mode: the agenda built, walked and its minutes written.

use chrono::NaiveDate;

use crate::query::Rec;

use super::super::action::Command;
use super::super::decisions::{self, ItemDecisions};
use super::super::i18n::{t, Lang};
use super::App;

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

impl App {
    /// Build the agenda: flagged items, tasks overdue since the last meeting, escalated blockers.
    pub(super) fn start_meeting(&mut self) {
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

    pub(super) fn write_minutes(&mut self) {
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

    /// Move through the agenda: next, previous, first, last, a screenful.
    pub(super) fn meeting_move(&mut self, cmd: Command) {
        let page = self.table_height.max(1);
        if let Some(m) = self.meeting.as_mut() {
            let n = m.agenda.len();
            if n > 0 {
                m.index = match cmd {
                    Command::Top => 0,
                    Command::Bottom => n - 1,
                    Command::PageUp => m.index.saturating_sub(page),
                    Command::PageDown => (m.index + page).min(n - 1),
                    Command::Up | Command::MeetingPrev => m.index.saturating_sub(1),
                    _ => (m.index + 1).min(n - 1),
                };
                m.item_started = self.clock;
            }
            self.detail_scroll = 0;
        }
    }
}
