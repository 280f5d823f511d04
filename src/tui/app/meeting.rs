//! Meeting mode: the agenda built, walked and its minutes written.

use chrono::NaiveDate;

use crate::query::Rec;

use super::super::action::Command;
use super::super::decisions::{self, ItemDecisions, LastMeeting, MeetingDetails};
use super::super::i18n::{t, Lang};
use super::{App, Mode, PromptEdit};

/// Meeting mode: the agenda and where the chair is in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Meeting {
    /// Items, each with why it is on the agenda.
    pub agenda: Vec<(Rec, AgendaReason)>,
    pub index: usize,
    /// Clock readings (seconds) when the meeting and the current item started.
    pub started: u64,
    pub item_started: u64,
    /// The previous meeting's day, when one is recorded.
    pub since: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgendaReason {
    /// Flagged or concluded at the last meeting, and still open.
    CarriedOver,
    Flagged,
    NewlyOverdue,
    Escalated,
}

/// The questions asked before a meeting opens: chair, participants, place (each may be left
/// blank with Enter).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MeetingForm {
    /// 0 chair, 1 participants, 2 place.
    pub step: usize,
    pub fields: [String; 3],
}

impl MeetingForm {
    pub const LABELS: [&'static str; 3] =
        ["meeting.chair", "meeting.participants", "meeting.place"];
}

impl App {
    /// `M`: ask who and where, then open the meeting. A console that cannot record opens the
    /// agenda without asking (and says the meeting is not recorded).
    pub(super) fn begin_meeting(&mut self) {
        if let Some(why) = self.read_only_reason() {
            self.start_meeting();
            self.message = Some((
                format!("{} · {why}", t(self.lang, "msg.meeting_not_recorded")),
                true,
            ));
            return;
        }
        self.meeting_form = Some(MeetingForm::default());
        self.mode = Mode::MeetingForm;
    }

    /// A key in the meeting's questions.
    pub fn meeting_form_input(&mut self, edit: PromptEdit) {
        let Some(form) = self.meeting_form.as_mut() else {
            self.mode = Mode::Normal;
            return;
        };
        let field = &mut form.fields[form.step];
        match edit {
            PromptEdit::Char(c) => field.push(c),
            PromptEdit::Backspace => {
                field.pop();
            }
            PromptEdit::Erase => field.clear(),
            PromptEdit::Up => form.step = form.step.saturating_sub(1),
            PromptEdit::Down => form.step = (form.step + 1).min(2),
            PromptEdit::Cancel => {
                self.meeting_form = None;
                self.mode = Mode::Normal;
            }
            PromptEdit::Submit if form.step < 2 => form.step += 1,
            PromptEdit::Submit => {
                let [chair, participants, place] = form.fields.clone();
                let details = MeetingDetails {
                    chair: chair.trim().to_string(),
                    participants: participants.trim().to_string(),
                    place: place.trim().to_string(),
                };
                self.meeting_form = None;
                self.mode = Mode::Normal;
                // The agenda is built against the meetings recorded before this one.
                self.start_meeting();
                let as_of = self.data.snapshot.as_of;
                if let Some(store) = self.store.as_mut() {
                    self.message = Some(match store.open_meeting(as_of, &details) {
                        Ok(said) => (said, false),
                        Err(e) => (e, true),
                    });
                }
            }
        }
    }

    /// Leave the meeting: its end is recorded.
    pub fn end_meeting(&mut self) {
        self.meeting = None;
        if let Some(store) = self.store.as_mut() {
            match store.close_meeting() {
                Ok(said) if said.is_empty() => {}
                Ok(said) => self.message = Some((said, false)),
                Err(e) => self.message = Some((e, true)),
            }
        }
    }

    /// Build the agenda: items carried over from the last meeting (flagged or concluded there
    /// and still open), items flagged since, tasks newly overdue since the last meeting, and
    /// escalated blockers. Decisions taken before the meeting never empty it: only a meeting
    /// record counts as "the last meeting".
    pub(super) fn start_meeting(&mut self) {
        let snap = &self.data.snapshot;
        let last: Option<LastMeeting> = self
            .store
            .as_ref()
            .and_then(|s| s.last_meeting_before(self.today));
        let mut agenda: Vec<(Rec, AgendaReason)> = Vec::new();
        let push = |r: Rec, why: AgendaReason, agenda: &mut Vec<(Rec, AgendaReason)>| {
            if !agenda.iter().any(|(x, _)| *x == r) {
                agenda.push((r, why));
            }
        };
        if let Some(l) = &last {
            for id in &l.carried {
                if let Some(r) = decisions::rec_of(snap, id) {
                    push(r, AgendaReason::CarriedOver, &mut agenda);
                }
            }
        }
        let mut ids: Vec<(&String, &ItemDecisions)> = self.items.iter().collect();
        ids.sort_by(|a, b| a.0.cmp(b.0));
        for (id, d) in &ids {
            if d.agenda {
                if let Some(r) = decisions::rec_of(snap, id) {
                    push(r, AgendaReason::Flagged, &mut agenda);
                }
            }
        }
        // Newly overdue: fell due since the data the last meeting looked at.
        let since = last.as_ref().map(|l| l.as_of.unwrap_or(l.day));
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
            since: last.map(|l| l.day),
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
