//! The help screen: its own scroll, and a filter typed only after `/`.

use super::super::action::Command;
use super::{App, Mode};

/// A key on the help screen, as the event handler reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpEdit {
    /// Esc: stop typing and clear the filter; with no filter, close help.
    Escape,
    /// Enter: stop typing, keep the filter.
    Accept,
    /// A key while typing the filter.
    Char(char),
    Backspace,
    /// A command of the key map while not typing (scroll keys, `/`, help, quit).
    Command(Command),
}

impl App {
    pub(super) fn open_help(&mut self) {
        self.mode = Mode::Help {
            filter: String::new(),
            scroll: 0,
            typing: false,
        }
    }

    /// A key on the help screen.
    pub fn help_input(&mut self, edit: HelpEdit) {
        let Mode::Help {
            mut filter,
            mut scroll,
            mut typing,
        } = self.mode.clone()
        else {
            return;
        };
        // Lines of help the last draw had room for: a page, and how far scrolling goes.
        let room = self.table_height.max(1);
        match edit {
            HelpEdit::Escape if filter.is_empty() && !typing => {
                self.mode = Mode::Normal;
                return;
            }
            HelpEdit::Escape => {
                filter.clear();
                typing = false;
                scroll = 0;
            }
            HelpEdit::Accept => typing = false,
            HelpEdit::Backspace => {
                filter.pop();
                scroll = 0;
            }
            HelpEdit::Char(c) => {
                filter.push(c);
                scroll = 0;
            }
            HelpEdit::Command(cmd) => match cmd {
                Command::Help | Command::Quit | Command::Back => {
                    self.mode = Mode::Normal;
                    return;
                }
                Command::Filter => typing = true,
                Command::Down => scroll += 1,
                Command::Up => scroll = scroll.saturating_sub(1),
                Command::PageDown => scroll += room,
                Command::PageUp => scroll = scroll.saturating_sub(room),
                Command::Top => scroll = 0,
                Command::Bottom => scroll = usize::MAX,
                _ => {}
            },
        }
        let width = self.table_area.2 as usize;
        let rows = super::super::views::help::body(self, &filter, width).len();
        self.mode = Mode::Help {
            filter,
            scroll: scroll.min(rows.saturating_sub(room)),
            typing,
        };
    }
}
