//! A table for spreadsheets: headers in the user's language and typed cells (text, number,
//! date, yes/no), built from `export`'s rows or from what the console shows. The CSV writer
//! is here; the xlsx writer is in `xlsx.rs`.

use std::io::Write;

use chrono::NaiveDate;
use serde_json::Value;

use super::labels::{header, is_date_field, yes_no};
use crate::domain::Status;
use crate::journal::Lang;

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
    Bool(bool),
}

/// Rows with one header per column; `keys` are the stable field names.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub keys: Vec<String>,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// The column of the normalised status (its cells are status keys), for colouring.
    pub status_col: Option<usize>,
    pub lang: Lang,
}

impl Table {
    /// From `export`'s rows: every field seen, in order of first appearance; a status key
    /// gets its name in the language beside it.
    pub fn from_rows(rows: &[Value], lang: Lang) -> Table {
        let mut keys: Vec<String> = Vec::new();
        for r in rows {
            if let Value::Object(m) = r {
                for k in m.keys() {
                    if !keys.contains(k) {
                        keys.push(k.clone());
                    }
                }
            }
        }
        let status_at = keys.iter().position(|k| k == "status");
        if let Some(p) = status_at {
            keys.insert(p + 1, "status_name".into());
        }
        let cells = rows
            .iter()
            .map(|r| {
                keys.iter()
                    .map(|k| match (k.as_str(), r.get("status")) {
                        ("status_name", Some(Value::String(s))) => Status::ALL
                            .into_iter()
                            .find(|x| x.key() == s)
                            .map(|x| {
                                Cell::Text(
                                    if lang == Lang::Vi {
                                        x.label_vi()
                                    } else {
                                        x.label_en()
                                    }
                                    .into(),
                                )
                            })
                            .unwrap_or(Cell::Empty),
                        _ => cell_of(k, r.get(k).unwrap_or(&Value::Null)),
                    })
                    .collect()
            })
            .collect();
        Table {
            headers: keys.iter().map(|k| header(k, lang)).collect(),
            status_col: status_at,
            keys,
            rows: cells,
            lang,
        }
    }

    /// A cell as text for CSV and plain-text copies: dates as YYYY-MM-DD, yes/no in words.
    pub fn text(&self, c: &Cell) -> String {
        match c {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Number(n) => number_text(*n),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
            Cell::Bool(b) => yes_no(*b, self.lang).into(),
        }
    }
}

fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    }
}

fn cell_of(key: &str, v: &Value) -> Cell {
    match v {
        Value::Null => Cell::Empty,
        Value::Bool(b) => Cell::Bool(*b),
        Value::Number(n) => n.as_f64().map(Cell::Number).unwrap_or(Cell::Empty),
        Value::String(s) if is_date_field(key) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map(Cell::Date)
            .unwrap_or_else(|_| Cell::Text(s.clone())),
        Value::String(s) if s.is_empty() => Cell::Empty,
        Value::String(s) => Cell::Text(s.clone()),
        Value::Array(a) => {
            let parts: Vec<String> = a
                .iter()
                .map(|x| match x {
                    Value::String(s) => s.clone(),
                    Value::Object(_) => x
                        .get("raw")
                        .or_else(|| x.get("label"))
                        .and_then(Value::as_str)
                        .map(str::to_string)
                        .unwrap_or_else(|| x.to_string()),
                    other => other.to_string(),
                })
                .collect();
            if parts.is_empty() {
                Cell::Empty
            } else {
                Cell::Text(parts.join("; "))
            }
        }
        Value::Object(_) => Cell::Text(v.to_string()),
    }
}

/// A text that a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, tab, CR at its
/// start) gets a leading apostrophe; a plain number ("-12", "+3.5") is left as it is.
pub fn neutralise(s: &str) -> String {
    let starts = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if starts && s.trim().parse::<f64>().is_err() {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// CSV options: the delimiter (`;` where the decimal mark is a comma) and the byte-order mark
/// that makes Excel read UTF-8.
#[derive(Debug, Clone, Copy)]
pub struct CsvOptions {
    pub delimiter: u8,
    pub bom: bool,
}

impl Default for CsvOptions {
    fn default() -> Self {
        CsvOptions {
            delimiter: b',',
            bom: true,
        }
    }
}

/// The table as CSV: BOM, header row, every text cell neutralised. No row, no output.
pub fn write_csv(t: &Table, opts: CsvOptions, out: &mut dyn Write) -> std::io::Result<()> {
    if t.rows.is_empty() {
        return Ok(());
    }
    if opts.bom {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let mut w = csv::WriterBuilder::new()
        .delimiter(opts.delimiter)
        .from_writer(out);
    w.write_record(t.headers.iter().map(|h| neutralise(h)))?;
    for r in &t.rows {
        w.write_record(r.iter().map(|c| match c {
            Cell::Text(s) => neutralise(s),
            other => t.text(other),
        }))?;
    }
    w.flush()
}

/// A row as plain text for the clipboard: "Header: value" lines, empty cells left out.
pub fn row_as_text(t: &Table, row: usize) -> String {
    let Some(r) = t.rows.get(row) else {
        return String::new();
    };
    t.headers
        .iter()
        .zip(r)
        .filter(|(_, c)| **c != Cell::Empty)
        .map(|(h, c)| format!("{h}: {}", t.text(c)))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_numbers_are_not() {
        assert_eq!(neutralise("=1+1"), "'=1+1");
        assert_eq!(neutralise("- Sở TTTT"), "'- Sở TTTT");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("\tx"), "'\tx");
        assert_eq!(neutralise("-12"), "-12");
        assert_eq!(neutralise("Bình Định"), "Bình Định");
    }
}
