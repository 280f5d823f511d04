//! Meetings as records: a meeting opened and closed in the console is written in the journal
//! (when, the data date, chair, participants, place). "The last meeting" is the last meeting
//! record, never merely a day with decisions.

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::record::{self, parse_at, Change, Record};
use super::{now, Journal, JournalError};

/// A meeting as the journal records it.
#[derive(Debug, Clone, PartialEq)]
pub struct Meeting {
    /// The time written in its opening record (also its identity: the closing record names it).
    pub opened_at: String,
    pub started: DateTime<FixedOffset>,
    pub ended: Option<DateTime<FixedOffset>>,
    /// The date of the data the meeting looked at.
    pub as_of: Option<NaiveDate>,
    pub chair: String,
    pub participants: String,
    pub place: String,
}

impl Meeting {
    pub fn day(&self) -> NaiveDate {
        self.started.date_naive()
    }

    /// Whether a time falls within the meeting (a meeting never closed lasts to the end of
    /// its day).
    pub fn contains(&self, t: DateTime<FixedOffset>) -> bool {
        t >= self.started
            && match self.ended {
                Some(e) => t <= e,
                None => t.date_naive() == self.day(),
            }
    }
}

impl Journal {
    /// Every meeting recorded, in the order they were opened.
    pub fn meetings(&self) -> Vec<Meeting> {
        let mut out: Vec<Meeting> = Vec::new();
        for e in self.entries() {
            match &e.record {
                Record::MeetingStart {
                    at,
                    as_of,
                    chair,
                    participants,
                    place,
                } => {
                    if let Some(started) = parse_at(at) {
                        out.push(Meeting {
                            opened_at: at.clone(),
                            started,
                            ended: None,
                            as_of: *as_of,
                            chair: chair.clone(),
                            participants: participants.clone(),
                            place: place.clone(),
                        });
                    }
                }
                Record::MeetingEnd { at, started } => {
                    if let Some(m) = out.iter_mut().rev().find(|m| m.opened_at == *started) {
                        m.ended = parse_at(at);
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// The last meeting held on a day before `today` (a meeting opened again the same day
    /// continues today's).
    pub fn last_meeting_before(&self, today: NaiveDate) -> Option<Meeting> {
        self.meetings().into_iter().rev().find(|m| m.day() < today)
    }

    /// Items carried over from a meeting: flagged for the agenda or given a conclusion during
    /// it or at an earlier meeting (decisions still in force), and still open: a conclusion
    /// comes back meeting after meeting until it is marked done.
    pub fn carried_over(&self, meeting: &Meeting) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (id, d) in self.decisions().iter() {
            if d.is_resolved() {
                continue;
            }
            let at_meeting = d.history.iter().any(|h| {
                meeting.contains(h.at)
                    && matches!(h.change, Change::Conclusion(_) | Change::Agenda(true))
            });
            let concluded_before = d.conclusion.is_some()
                && d.history.iter().any(|h| {
                    matches!(h.change, Change::Conclusion(_)) && h.at.date_naive() <= meeting.day()
                });
            let at_meeting = at_meeting || concluded_before;
            if at_meeting {
                out.push(id.to_string());
            }
        }
        out.sort();
        out
    }

    /// Write that a meeting opens now; returns the time written, which names it.
    pub fn open_meeting(
        &mut self,
        as_of: Option<NaiveDate>,
        chair: &str,
        participants: &str,
        place: &str,
    ) -> Result<String, JournalError> {
        self.open_meeting_at(as_of, chair, participants, place, now())
    }

    pub fn open_meeting_at(
        &mut self,
        as_of: Option<NaiveDate>,
        chair: &str,
        participants: &str,
        place: &str,
        at: DateTime<FixedOffset>,
    ) -> Result<String, JournalError> {
        self.check_writable()?;
        let text = |s: &str| super::write::clean_text(s).unwrap_or_default();
        let written = record::format_at(at);
        let rec = Record::MeetingStart {
            at: written.clone(),
            as_of,
            chair: text(chair),
            participants: text(participants),
            place: text(place),
        };
        self.append(rec, at)?;
        Ok(written)
    }

    /// Write that the meeting opened at `opened_at` closes now.
    pub fn close_meeting(&mut self, opened_at: &str) -> Result<(), JournalError> {
        self.close_meeting_at(opened_at, now())
    }

    pub fn close_meeting_at(
        &mut self,
        opened_at: &str,
        at: DateTime<FixedOffset>,
    ) -> Result<(), JournalError> {
        self.check_writable()?;
        let rec = Record::MeetingEnd {
            at: record::format_at(at),
            started: opened_at.to_string(),
        };
        self.append(rec, at)
    }
}
