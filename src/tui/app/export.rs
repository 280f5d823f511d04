//! What is on screen, out: `E` writes exactly the rows and columns shown (filter and sort
//! kept) to a workbook named in the status line; `Y` copies the selected row as plain text to
//! the clipboard (OSC 52), "Column: value" per line, without box-drawing characters.

use super::super::i18n::{t, Lang};
use super::super::rows::{self, Row};
use super::App;
use crate::office::table::{row_as_text, Cell, Table};

impl App {
    /// The table on screen: the shown columns of the current list, its rows in their order;
    /// and the index of the selected row among them.
    fn screen_table(&self) -> Option<(Table, Option<usize>)> {
        let list = self.current()?;
        let ctx = self.ctx();
        let cols = rows::columns(list.table);
        let shown: Vec<usize> = if self.shown_columns.is_empty() {
            (0..cols.len()).collect()
        } else {
            self.shown_columns.clone()
        };
        let lang = if self.lang == Lang::Vi {
            crate::journal::Lang::Vi
        } else {
            crate::journal::Lang::En
        };
        let mut table = Table {
            keys: shown.iter().map(|&c| cols[c].title.to_string()).collect(),
            headers: shown
                .iter()
                .map(|&c| t(self.lang, cols[c].title).to_string())
                .collect(),
            rows: Vec::new(),
            status_col: None,
            lang,
        };
        let mut selected = None;
        for (i, r) in list.rows.iter().enumerate() {
            let Row::Rec(rec) = r else { continue };
            if i == list.selected {
                selected = Some(table.rows.len());
            }
            let cells = rows::cells(
                &ctx,
                &self.figures,
                self.lang,
                list.table,
                *rec,
                self.decision_badge(*rec),
            );
            table.rows.push(
                shown
                    .iter()
                    .map(|&c| {
                        let v = cells.get(c).map(|s| s.trim()).unwrap_or_default();
                        if v.is_empty() {
                            Cell::Empty
                        } else {
                            Cell::Text(v.to_string())
                        }
                    })
                    .collect(),
            );
        }
        Some((table, selected))
    }

    /// `E`: the rows and columns on screen to `giaoban-VIEW-DATE.xlsx` in the current folder
    /// (a name taken gets -2, -3 …).
    pub(super) fn export_screen(&mut self) {
        let Some((table, _)) = self.screen_table() else {
            self.message = Some((t(self.lang, "msg.export_nothing").to_string(), true));
            return;
        };
        let view = t(self.lang, self.view.label_key());
        let name = format!(
            "giaoban-{}-{}.xlsx",
            crate::text::slug(view),
            self.today.format("%Y-%m-%d")
        );
        let sheet: String = view
            .chars()
            .filter(|c| !"[]:*?/\\".contains(*c))
            .take(31)
            .collect();
        let result = crate::office::xlsx::table_workbook(&table, &sheet)
            .map_err(|e| e.to_string())
            .and_then(|bytes| {
                crate::office::files::write_new(&self.export_dir.join(&name), &bytes)
                    .map_err(|e| format!("{name}: {e}"))
            });
        self.message = Some(match result {
            Ok(path) => (
                format!(
                    "{} {} {} × {} {}: {}",
                    t(self.lang, "msg.exported"),
                    table.rows.len(),
                    t(self.lang, "msg.rows"),
                    table.headers.len(),
                    t(self.lang, "msg.columns"),
                    path.display()
                ),
                false,
            ),
            Err(e) => (format!("{} {e}", t(self.lang, "msg.export_failed")), true),
        });
    }

    /// `Y`: the selected row as plain text, for the terminal to put on the clipboard.
    pub(super) fn copy_row(&mut self) {
        let text = self
            .screen_table()
            .and_then(|(table, sel)| sel.map(|s| row_as_text(&table, s)))
            .map(|s| {
                s.chars()
                    .filter(|c| !('\u{2500}'..='\u{259F}').contains(c))
                    .collect::<String>()
            });
        match text.filter(|s| !s.trim().is_empty()) {
            Some(s) => {
                self.clipboard = Some(s);
                self.message = Some((t(self.lang, "msg.copied").to_string(), false));
            }
            None => {
                self.message = Some((t(self.lang, "msg.export_nothing").to_string(), true));
            }
        }
    }
}

/// The OSC 52 sequence that asks the terminal to put `text` on the clipboard.
pub fn osc52(text: &str) -> String {
    use base64::Engine;
    format!(
        "\u{1b}]52;c;{}\u{7}",
        base64::engine::general_purpose::STANDARD.encode(text.as_bytes())
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn osc52_carries_the_text_in_base64() {
        assert_eq!(super::osc52("Bình"), "\u{1b}]52;c;QsOsbmg=\u{7}");
    }
}
