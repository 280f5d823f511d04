//! The triage prompts (unit picker, deadline, note, conclusion): opened on an item, edited,
//! submitted as a decision on that item.

use super::super::decisions::Request;
use super::super::i18n::{t, Lang};
use super::super::prompt::{Prompt, PromptKind};
use super::{App, FilterJob, Mode};

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

impl App {
    pub(super) fn open_prompt(&mut self, kind: PromptKind) {
        // Nothing typed in a prompt may be thrown away: a console that cannot record says so
        // at the key.
        if self.refuse_read_only() {
            return;
        }
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
            PromptEdit::Up => {
                p.cursor = p.cursor.saturating_sub(1);
                p.chosen = true;
            }
            PromptEdit::Down => {
                p.cursor = (p.cursor + 1).min(p.choices.len().saturating_sub(1));
                p.chosen = true;
            }
            PromptEdit::Cancel => {
                self.prompt = None;
                self.mode = Mode::Normal;
            }
            PromptEdit::Submit => {
                let req = match p.kind {
                    // Several units fit what was typed, or the one that does is a role of
                    // every province while the item is a province's: ask, never a silent choice.
                    PromptKind::Assign if !p.chosen && p.needs_question(snap) => {
                        p.chosen = true;
                        p.error = Some(p.question(snap, self.lang == Lang::Vi));
                        return None;
                    }
                    PromptKind::Assign => match p.choices.get(p.cursor) {
                        Some(&u) => Request::Assign(snap.units[u].id.to_string()),
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
}
