//! A table as an Excel workbook: one sheet, the header row frozen and filterable, column
//! widths from the content, dates as dates, the status column coloured, with its legend.

use rust_xlsxwriter::{Color, ExcelDateTime, Format, FormatBorder, Workbook, Worksheet, XlsxError};

use super::table::{Cell, Table};
use crate::domain::Status;
use crate::journal::Lang;

/// Cell background of a status (light tints that print in black and white too).
pub fn status_color(s: Status) -> Color {
    Color::RGB(match s {
        Status::Done => 0xC6EFCE,
        Status::InProgress => 0xDDEBF7,
        Status::Recurring => 0xE2EFDA,
        Status::Behind => 0xFFC7CE,
        Status::NotStarted => 0xFFEB9C,
        Status::Waiting => 0xFCE4D6,
        Status::Unknown => 0xEDEDED,
    })
}

pub fn status_label(s: Status, lang: Lang) -> &'static str {
    if lang == Lang::Vi {
        s.label_vi()
    } else {
        s.label_en()
    }
}

pub fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color(Color::RGB(0xD9E1F2))
        .set_border(FormatBorder::Thin)
}

pub fn date_format() -> Format {
    Format::new().set_num_format("dd/mm/yyyy")
}

/// An Excel date of a day.
pub fn excel_date(d: chrono::NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    use chrono::Datelike;
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

/// Width of a column from its header and longest cell, in characters, within bounds.
pub fn width_of(t: &Table, col: usize) -> f64 {
    let longest = t
        .rows
        .iter()
        .filter_map(|r| r.get(col))
        .map(|c| match c {
            Cell::Date(_) => 10,
            other => t.text(other).chars().count(),
        })
        .max()
        .unwrap_or(0);
    let head = t.headers.get(col).map_or(0, |h| h.chars().count());
    (longest.max(head.min(24)) as f64 + 2.0).clamp(6.0, 60.0)
}

/// The workbook of a table, as bytes.
pub fn table_workbook(t: &Table, sheet: &str) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(sheet)?;
    write_table(ws, t)?;
    wb.save_to_buffer()
}

fn write_table(ws: &mut Worksheet, t: &Table) -> Result<(), XlsxError> {
    let head = header_format();
    let date = date_format();
    let wrap = Format::new()
        .set_text_wrap()
        .set_align(rust_xlsxwriter::FormatAlign::Top);
    for (c, h) in t.headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &head)?;
        ws.set_column_width(c as u16, width_of(t, c))?;
    }
    for (r, row) in t.rows.iter().enumerate() {
        let r = r as u32 + 1;
        let status = t.status_col.and_then(|sc| match row.get(sc) {
            Some(Cell::Text(k)) => Status::ALL.into_iter().find(|s| s.key() == k),
            _ => None,
        });
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            let coloured = status.filter(|_| {
                t.status_col
                    .is_some_and(|sc| c as usize == sc || c as usize == sc + 1)
            });
            let fmt = match coloured {
                Some(s) => wrap.clone().set_background_color(status_color(s)),
                None => wrap.clone(),
            };
            match cell {
                Cell::Empty => {
                    if coloured.is_some() {
                        ws.write_blank(r, c, &fmt)?;
                    }
                }
                Cell::Text(s) => {
                    ws.write_string_with_format(r, c, s, &fmt)?;
                }
                Cell::Number(n) => {
                    ws.write_number_with_format(r, c, *n, &fmt)?;
                }
                Cell::Date(d) => {
                    ws.write_datetime_with_format(r, c, excel_date(*d)?, &date)?;
                }
                Cell::Bool(b) => {
                    ws.write_string_with_format(r, c, t.text(&Cell::Bool(*b)), &fmt)?;
                }
            }
        }
    }
    ws.set_freeze_panes(1, 0)?;
    if !t.headers.is_empty() {
        ws.autofilter(0, 0, t.rows.len() as u32, t.headers.len() as u16 - 1)?;
    }
    if t.status_col.is_some() {
        legend(ws, t.headers.len() as u16 + 1, t.lang)?;
    }
    Ok(())
}

/// The status colours explained, to the right of the table.
pub fn legend(ws: &mut Worksheet, col: u16, lang: Lang) -> Result<(), XlsxError> {
    let title = if lang == Lang::Vi {
        "Chú giải màu trạng thái"
    } else {
        "Status colours"
    };
    ws.write_string_with_format(0, col, title, &header_format())?;
    ws.set_column_width(col, 26)?;
    for (i, s) in Status::ALL.into_iter().enumerate() {
        let f = Format::new()
            .set_background_color(status_color(s))
            .set_border(FormatBorder::Thin);
        ws.write_string_with_format(i as u32 + 1, col, status_label(s, lang), &f)?;
    }
    Ok(())
}
