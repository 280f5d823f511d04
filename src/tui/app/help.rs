//! The help screen: its own filter and scroll.

use super::{App, Mode};

/// A key on the help screen, as the event handler reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpEdit {
    /// Esc: clear the help filter, or close help when it is empty.
    Escape,
    /// The help or quit key with no filter typed: close help.
    Close,
    Char(char),
    Backspace,
    /// Scroll by this many lines.
    Scroll(isize),
}

impl App {
    pub(super) fn open_help(&mut self) {
        self.mode = Mode::Help {
            filter: String::new(),
            scroll: 0,
        }
    }

    /// A key on the help screen.
    pub fn help_input(&mut self, edit: HelpEdit) {
        let Mode::Help {
            mut filter,
            mut scroll,
        } = self.mode.clone()
        else {
            return;
        };
        match edit {
            HelpEdit::Escape if filter.is_empty() => {
                self.mode = Mode::Normal;
                return;
            }
            HelpEdit::Escape => filter.clear(),
            HelpEdit::Close => {
                self.mode = Mode::Normal;
                return;
            }
            HelpEdit::Backspace => {
                filter.pop();
            }
            HelpEdit::Scroll(d) => scroll = scroll.saturating_add_signed(d),
            HelpEdit::Char(c) => {
                if !(filter.is_empty() && c == '/') {
                    filter.push(c);
                }
                scroll = 0;
            }
        }
        let max = super::super::views::help::help_rows(self, &filter)
            .len()
            .saturating_sub(1);
        self.mode = Mode::Help {
            filter,
            scroll: scroll.min(max),
        };
    }
}
