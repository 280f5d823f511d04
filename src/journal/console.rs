//! The journal as the console's `DecisionStore`: keyboard requests become journal records,
//! and the confirmations are said in the console's language.

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::NaiveDate;

use super::minutes::Format;
use super::record::{Change, Lang, Record, TriageState};
use super::{file, Journal};
use crate::snapshot::Snapshot;
use crate::tui::decisions::{DecisionStore, ItemDecisions, LastMeeting, MeetingDetails, Request};

/// A journal open in the console.
#[derive(Debug)]
pub struct ConsoleStore {
    journal: Journal,
    lang: Lang,
    /// Unit names (short form) for confirmations.
    unit_names: HashMap<String, String>,
    /// The meeting this console opened and has not closed yet (the time that names it).
    open_meeting: Option<String>,
}

impl ConsoleStore {
    pub fn new(journal: Journal, snapshot: &Snapshot, lang: Lang) -> ConsoleStore {
        let unit_names = snapshot
            .units
            .iter()
            .map(|u| (u.id.to_string(), snapshot.unit_label(&u.id)))
            .collect();
        ConsoleStore {
            journal,
            lang,
            unit_names,
            open_meeting: None,
        }
    }

    pub fn journal(&self) -> &Journal {
        &self.journal
    }

    pub fn journal_mut(&mut self) -> &mut Journal {
        &mut self.journal
    }

    fn vi(&self) -> bool {
        self.lang == Lang::Vi
    }

    fn value(&self, c: &Change) -> String {
        match c {
            Change::Unit(u) => self.unit_names.get(u).cloned().unwrap_or_else(|| u.clone()),
            c => c.value_text(None, self.lang),
        }
    }

    /// "Đã ghi #12 · t1 · Trạng thái: Chuyển cấp trên".
    fn confirm(&self, seq: u64) -> String {
        let Some(e) = self.journal.entry(seq) else {
            return format!("#{seq}");
        };
        let vi = self.vi();
        match &e.record {
            Record::Decision { item, new, .. } => format!(
                "{} #{seq} · {item} · {}: {}",
                if vi { "Đã ghi" } else { "Recorded" },
                new.field().label(self.lang),
                self.value(new)
            ),
            // One sentence that says what is in force now, apart from what was taken back:
            // "Trạng thái: Chuyển cấp trên" alone after an undo read as the state in force.
            Record::Undo {
                undoes,
                item,
                old,
                new,
                ..
            } => {
                let head = if vi {
                    format!("Đã hoàn tác #{undoes} ({item})")
                } else {
                    format!("Undid #{undoes} ({item})")
                };
                let Some(old) = old else { return head };
                let field = old.field().label(self.lang);
                let (was, now) = (self.value(old), new.as_ref().map(|c| self.value(c)));
                match (now, vi) {
                    (Some(now), true) => {
                        format!("{head}: {field} trở lại «{now}», bỏ «{was}».")
                    }
                    (Some(now), false) => {
                        format!("{head}: {field} is back to “{now}”, “{was}” withdrawn.")
                    }
                    (None, true) => format!("{head}: đã bỏ {} «{was}».", field.to_lowercase()),
                    (None, false) => format!("{head}: {field} “{was}” withdrawn."),
                }
            }
            Record::Redo {
                redoes, item, new, ..
            } => {
                let head = if vi {
                    format!("Đã làm lại #{redoes} ({item})")
                } else {
                    format!("Redid #{redoes} ({item})")
                };
                match new {
                    Some(c) if vi => format!(
                        "{head}: {} lại là «{}».",
                        c.field().label(self.lang),
                        self.value(c)
                    ),
                    Some(c) => format!(
                        "{head}: {} is “{}” again.",
                        c.field().label(self.lang),
                        self.value(c)
                    ),
                    None => head,
                }
            }
            _ => String::new(),
        }
    }

    fn not_recorded(&self, e: super::JournalError) -> String {
        if self.vi() {
            format!("CHƯA GHI được quyết định: {e}")
        } else {
            e.to_string()
        }
    }
}

impl DecisionStore for ConsoleStore {
    fn record(&mut self, item: &str, req: &Request) -> Result<String, String> {
        let current = self.journal.decisions().for_item(item);
        let change = match req {
            Request::TriageNext => {
                let now = current.and_then(|d| d.state).unwrap_or(TriageState::New);
                match now.next() {
                    Some(next) => Change::State(next),
                    None => {
                        return Err(if self.vi() {
                            format!("{item}: đã giải quyết, không có bước sau (u để hoàn tác)")
                        } else {
                            format!("{item}: already resolved, there is no next step (u to undo)")
                        })
                    }
                }
            }
            Request::Defer => Change::State(TriageState::Deferred),
            Request::Assign(u) => Change::Unit(u.clone()),
            Request::Due(d) => Change::Due(*d),
            Request::Note(n) => Change::Note(n.clone()),
            Request::ToggleAgenda => Change::Agenda(!current.is_some_and(|d| d.agenda)),
            Request::Conclusion(c) => Change::Conclusion(c.clone()),
        };
        match self.journal.record(item, change, None) {
            Ok(seq) => Ok(self.confirm(seq)),
            Err(e) => Err(self.not_recorded(e)),
        }
    }

    fn undo(&mut self) -> Result<Option<String>, String> {
        match self.journal.undo() {
            Ok(s) => Ok(s.map(|s| self.confirm(s))),
            Err(e) => Err(self.not_recorded(e)),
        }
    }

    fn redo(&mut self) -> Result<Option<String>, String> {
        match self.journal.redo() {
            Ok(s) => Ok(s.map(|s| self.confirm(s))),
            Err(e) => Err(self.not_recorded(e)),
        }
    }

    fn read_only(&self) -> Option<String> {
        self.journal.read_only().map(|r| {
            if !self.vi() {
                format!("The decision journal is read-only: {r}")
            } else if self.journal.locked_elsewhere() {
                "Sổ quyết định chỉ đọc: một giaoban khác đang ghi vào sổ này (tệp đang bị khoá); quyết định ghi ở cửa sổ đó".to_string()
            } else if self.journal.other_snapshot() {
                "Sổ quyết định chỉ đọc: sổ được ghi với bộ số liệu khác; chạy `giaoban journal --adopt` để ghi tiếp".to_string()
            } else {
                format!("Sổ quyết định chỉ đọc: {r}")
            }
        })
    }

    fn items(&self) -> HashMap<String, ItemDecisions> {
        self.journal
            .decisions()
            .iter()
            .map(|(id, d)| {
                let state = d
                    .state
                    .map(|s| (s.key().to_string(), s.label(self.lang).to_string()));
                (
                    id.to_string(),
                    ItemDecisions {
                        state,
                        resolved: d.is_resolved(),
                        unit: d.unit.clone(),
                        due: d.due,
                        notes: d.notes.clone(),
                        agenda: d.agenda,
                        conclusion: d.conclusion.clone(),
                        decided_on: d.last_at().map(|t| t.date_naive()),
                    },
                )
            })
            .collect()
    }

    fn last_meeting_before(&self, today: NaiveDate) -> Option<LastMeeting> {
        let m = self.journal.last_meeting_before(today)?;
        Some(LastMeeting {
            day: m.day(),
            as_of: m.as_of,
            carried: self.journal.carried_over(&m),
        })
    }

    fn open_meeting(
        &mut self,
        as_of: Option<NaiveDate>,
        d: &MeetingDetails,
    ) -> Result<String, String> {
        let at = self
            .journal
            .open_meeting(as_of, &d.chair, &d.participants, &d.place)
            .map_err(|e| self.not_recorded(e))?;
        let hm = super::record::parse_at(&at)
            .map(|t| t.format("%H:%M").to_string())
            .unwrap_or_default();
        self.open_meeting = Some(at);
        Ok(if self.vi() {
            format!("Đã ghi: cuộc họp bắt đầu lúc {hm}")
        } else {
            format!("Recorded: the meeting opened at {hm}")
        })
    }

    fn close_meeting(&mut self) -> Result<String, String> {
        let Some(at) = self.open_meeting.clone() else {
            return Ok(String::new());
        };
        self.journal
            .close_meeting(&at)
            .map_err(|e| self.not_recorded(e))?;
        self.open_meeting = None;
        let from = super::record::parse_at(&at)
            .map(|t| t.format("%H:%M").to_string())
            .unwrap_or_default();
        let to = chrono::Local::now().format("%H:%M");
        Ok(if self.vi() {
            format!("Đã ghi: cuộc họp {from}–{to} kết thúc")
        } else {
            format!("Recorded: the meeting {from}–{to} closed")
        })
    }

    fn write_minutes(&self, snap: &Snapshot, vi: bool) -> Result<String, String> {
        let lang = if vi { Lang::Vi } else { Lang::En };
        // The notice of the latest meeting, in the official form, as a Word document beside
        // the journal; a second one of the same day gets a new name.
        let cfg = crate::office::notice::load_config(None)?;
        let dir = file::parent_of(self.journal.path());
        let (since, meeting) = crate::office::notice::meeting_of(&self.journal, None);
        let path = crate::office::notice::write_notice(
            snap,
            self.journal.decisions(),
            since,
            &cfg,
            meeting.as_ref(),
            lang,
            true,
            Format::Docx,
            &dir,
            None,
        )
        .map_err(|why| {
            if vi {
                format!("Không ghi được thông báo kết luận: {why}")
            } else {
                format!("Could not write the conclusions notice: {why}")
            }
        })?;
        Ok(path.display().to_string())
    }
}

/// Write a whole file so that it is either the old one or the new one after a crash.
pub fn write_file_durably(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = file::parent_of(path);
    let mut tmp_name = path.file_name().unwrap_or_default().to_os_string();
    tmp_name.push(".tmp");
    let tmp: PathBuf = dir.join(tmp_name);
    {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
    }
    std::fs::rename(&tmp, path)?;
    file::sync_dir(&dir)
}
