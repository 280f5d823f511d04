//! `App::update`: one command applied, handed to the part of the console it belongs to.

use super::super::action::Command;
use super::super::decisions::Request;
use super::super::prompt::PromptKind;
use super::{App, FilterJob, Mode, ViewId};

impl App {
    /// Apply one command. Returns a filter job when the visible rows must be recomputed.
    pub fn update(&mut self, cmd: Command) -> Option<FilterJob> {
        self.message = None;
        let page = self.table_height.max(1) as isize;
        match cmd {
            Command::Quit => {
                if self.meeting.is_some() {
                    self.end_meeting();
                }
                if self.unsaved {
                    self.mode = Mode::ConfirmQuit;
                } else {
                    self.quit = true;
                }
            }
            Command::Help => self.open_help(),
            Command::Changes => self.open_changes(),
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
            // In a meeting the cursor keys walk the agenda.
            Command::Up
            | Command::Down
            | Command::Top
            | Command::Bottom
            | Command::PageUp
            | Command::PageDown
                if self.meeting.is_some() =>
            {
                self.meeting_move(cmd)
            }
            Command::Up => self.move_cursor(-1),
            Command::Down => self.move_cursor(1),
            Command::PageUp => self.move_cursor(-page),
            Command::PageDown => self.move_cursor(page),
            Command::Top => self.go_top(),
            Command::Bottom => self.go_bottom(),
            Command::Open => self.open_selected(),
            Command::Back if self.meeting.is_some() => self.end_meeting(),
            Command::Back => return self.back(),
            Command::Filter if self.current().is_some() => self.open_filter(),
            Command::SortNext | Command::SortReverse => return self.sort(cmd),
            Command::ToggleFrame if self.view == ViewId::Localities && self.pages.is_empty() => {
                return self.toggle_frame();
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
            Command::Undo | Command::Redo => self.undo_redo(cmd),
            Command::Meeting => {
                if self.meeting.is_some() {
                    self.end_meeting();
                } else {
                    self.begin_meeting();
                }
            }
            Command::MeetingNext | Command::MeetingPrev => self.meeting_move(cmd),
            Command::Minutes => self.write_minutes(),
            Command::ExportScreen => self.export_screen(),
            Command::CopyRow => self.copy_row(),
            Command::Filter | Command::ToggleFrame => {}
        }
        None
    }
}
