//! Reading returned update templates (xlsx with `calamine`, or CSV with the task sheet's
//! columns) and checking every cell against the snapshot: an unknown status, a date that
//! cannot be a date, an unknown unit, an edited key column, a duplicate row. Each problem is
//! said as `file: Sheet!F23: what is wrong; what was expected`.

use std::collections::HashMap;
use std::path::Path;

use calamine::{open_workbook_auto, Data, Reader};
use chrono::NaiveDate;

use super::template::{printed, status_choices, ColKind, SheetSpec, BLOCKERS, INDICATORS, TASKS};
use crate::domain::{Deadline, Status};
use crate::snapshot::Snapshot;
use crate::text::{did_you_mean, fold};

/// A cell as read.
#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
    Error(String),
}

impl Val {
    pub fn text(&self) -> String {
        match self {
            Val::Empty => String::new(),
            Val::Text(s) => printed(s),
            Val::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Val::Number(n) => n.to_string(),
            Val::Date(d) => d.format("%d/%m/%Y").to_string(),
            Val::Error(e) => e.clone(),
        }
    }
}

/// A row of a sheet, with where it was read.
pub struct Row {
    pub spec: &'static SheetSpec,
    /// "bd.xlsx" (the file's name as given).
    pub file: String,
    /// Row number in the sheet (1-based), or line of the CSV file.
    pub number: u32,
    pub csv: bool,
    pub cells: Vec<Val>,
}

impl Row {
    /// "bd.xlsx: Nhiệm vụ!F23" or "bd.csv:23:6".
    pub fn at(&self, col: usize) -> String {
        if self.csv {
            format!("{}:{}:{}", self.file, self.number, col + 1)
        } else {
            format!(
                "{}: {}!{}{}",
                self.file,
                self.spec.name,
                col_letter(col),
                self.number
            )
        }
    }

    pub fn get(&self, col: usize) -> &Val {
        self.cells.get(col).unwrap_or(&Val::Empty)
    }
}

pub fn col_letter(c: usize) -> String {
    let mut n = c + 1;
    let mut s = String::new();
    while n > 0 {
        let r = (n - 1) % 26;
        s.insert(0, (b'A' + r as u8) as char);
        n = (n - 1) / 26;
    }
    s
}

/// The rows of the template sheets of a file (header rows checked).
pub fn read_file(path: &Path) -> Result<Vec<Row>, Vec<String>> {
    let file = path.display().to_string();
    let is_csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if is_csv {
        return read_csv(path, &file);
    }
    let mut wb = open_workbook_auto(path).map_err(|e| {
        vec![format!(
            "{file}: cannot be read as a workbook ({e}): expected an .xlsx file written from `giaoban template`"
        )]
    })?;
    let names = wb.sheet_names();
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut found = false;
    for spec in [&TASKS, &BLOCKERS, &INDICATORS] {
        if !names.iter().any(|n| n == spec.name) {
            continue;
        }
        found = true;
        let range = match wb.worksheet_range(spec.name) {
            Ok(r) => r,
            Err(e) => {
                errors.push(format!("{file}: {}: cannot be read ({e})", spec.name));
                continue;
            }
        };
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let mut it = range.rows();
        let header: Vec<String> = it
            .next()
            .map(|h| h.iter().map(|c| c.to_string()).collect())
            .unwrap_or_default();
        let expected: Vec<&str> = spec.columns.iter().map(|c| c.0).collect();
        if r0 != 0 || c0 != 0 || header.iter().map(|h| h.trim()).ne(expected.iter().copied()) {
            errors.push(format!(
                "{file}: {}!A1: the columns are not the template's: expected {}",
                spec.name,
                expected.join(" | ")
            ));
            continue;
        }
        for (i, r) in it.enumerate() {
            let cells: Vec<Val> = r.iter().map(val_of).collect();
            if cells.iter().all(|c| *c == Val::Empty) {
                continue;
            }
            rows.push(Row {
                spec,
                file: file.clone(),
                number: i as u32 + 2,
                csv: false,
                cells,
            });
        }
    }
    if !found {
        errors.push(format!(
            "{file}: has none of the template's sheets (expected {}, {} or {})",
            TASKS.name, BLOCKERS.name, INDICATORS.name
        ));
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

fn val_of(d: &Data) -> Val {
    match d {
        Data::Empty => Val::Empty,
        Data::String(s) if s.trim().is_empty() => Val::Empty,
        Data::String(s) => Val::Text(s.clone()),
        Data::Float(f) => Val::Number(*f),
        Data::Int(i) => Val::Number(*i as f64),
        Data::Bool(b) => Val::Text(b.to_string()),
        // Excel's day numbers count from 30 December 1899.
        Data::DateTime(dt) => NaiveDate::from_ymd_opt(1899, 12, 30)
            .and_then(|d| d.checked_add_signed(chrono::Duration::days(dt.as_f64().floor() as i64)))
            .map(Val::Date)
            .unwrap_or_else(|| Val::Error(format!("{dt}"))),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Val::Text(s.clone()),
        Data::Error(e) => Val::Error(format!("{e:?}")),
    }
}

fn read_csv(path: &Path, file: &str) -> Result<Vec<Row>, Vec<String>> {
    let bytes = std::fs::read(path).map_err(|e| vec![format!("{file}: {e}")])?;
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        vec![format!(
            "{file}: is not UTF-8 text ({e}): save it as “CSV UTF-8”"
        )]
    })?;
    let delimiter = if text.lines().next().is_some_and(|l| l.contains(';')) {
        b';'
    } else {
        b','
    };
    let mut r = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, rec) in r.records().enumerate() {
        let rec = rec.map_err(|e| vec![format!("{file}:{}: {e}", i + 1)])?;
        if i == 0 {
            let expected: Vec<&str> = TASKS.columns.iter().map(|c| c.0).collect();
            if rec.iter().map(str::trim).ne(expected.iter().copied()) {
                return Err(vec![format!(
                    "{file}:1:1: the columns are not the task sheet's: expected {}",
                    expected.join(delimiter.to_string().as_str())
                )]);
            }
            continue;
        }
        let cells: Vec<Val> = rec
            .iter()
            .map(|c| {
                let c = c.strip_prefix('\'').unwrap_or(c);
                if c.trim().is_empty() {
                    Val::Empty
                } else {
                    Val::Text(c.to_string())
                }
            })
            .collect();
        if cells.iter().all(|c| *c == Val::Empty) {
            continue;
        }
        rows.push(Row {
            spec: &TASKS,
            file: file.to_string(),
            number: i as u32 + 1,
            csv: true,
            cells,
        });
    }
    Ok(rows)
}

/// A checked value to write into a record's field.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Units(String, Vec<String>),
    Number(Option<f64>),
    Date(Option<NaiveDate>),
}

/// A row that passed its checks: the record it changes (none: a new task) and the fields.
#[derive(Debug, Clone)]
pub struct Edit {
    pub sheet: &'static str,
    pub id: Option<String>,
    /// The cells changed, as "bd.xlsx, Nhiệm vụ!F23".
    pub cells: Vec<String>,
    pub fields: Vec<(&'static str, Value)>,
}

/// The record a row names, as the template printed it: (index, printed values per column).
fn original(s: &Snapshot, spec: &SheetSpec, id: &str) -> Option<Vec<Val>> {
    let short = |r: &str| {
        s.report(r)
            .map(|x| x.short.clone())
            .unwrap_or_else(|| r.into())
    };
    let t = |x: &str| {
        let p = printed(x);
        if p.is_empty() {
            Val::Empty
        } else {
            Val::Text(p)
        }
    };
    if spec.name == TASKS.name {
        let i = s.task_index(id)?;
        let x = &s.tasks[i];
        let st = s.task_status(i);
        return Some(vec![
            t(&x.id),
            t(&short(&x.report)),
            t(&x.title),
            t(&x.lead_raw),
            t(&x.deadline_raw),
            if st == Status::Unknown {
                Val::Empty
            } else {
                t(st.label_vi())
            },
            t(&x.result),
        ]);
    }
    if spec.name == BLOCKERS.name {
        let x = &s.blockers[s.blocker_index(id)?];
        return Some(vec![
            t(&x.id),
            t(&short(&x.report)),
            t(&x.text),
            t(&x.responsible_raw),
            t(&x.solution),
        ]);
    }
    let x = s.indicators.iter().find(|x| x.id == id)?;
    Some(vec![
        t(&x.id),
        t(&short(&x.report)),
        t(&x.name),
        t(&x.raw),
        x.value.map(Val::Number).unwrap_or(Val::Empty),
        x.as_of.map(Val::Date).unwrap_or(Val::Empty),
    ])
}

fn same(a: &Val, b: &Val) -> bool {
    match (a, b) {
        (Val::Number(x), Val::Number(y)) => (x - y).abs() < 1e-9,
        (Val::Date(x), Val::Date(y)) => x == y,
        _ => fold(&a.text()) == fold(&b.text()) && a.text() == b.text(),
    }
}

/// Checks every row; returns the good edits and the messages of the bad cells.
pub fn check(s: &Snapshot, rows: &[Row]) -> (Vec<Edit>, Vec<String>) {
    let mut edits = Vec::new();
    let mut errors = Vec::new();
    let mut seen: HashMap<(&str, String), String> = HashMap::new();
    let province_of_task = |id: &str| {
        s.task_index(id)
            .and_then(|i| {
                let t = &s.tasks[i];
                t.locality
                    .as_deref()
                    .or_else(|| s.report(&t.report).and_then(|r| r.locality.as_deref()))
            })
            .and_then(|l| s.province_of(l))
    };
    // A new row's units are looked for in the province of the sheet's other rows.
    let sheet_province = rows.iter().find_map(|r| province_of_task(&r.get(0).text()));
    for row in rows {
        let mut errs = Vec::new();
        let id = row.get(0).text();
        let orig = if id.is_empty() {
            None
        } else {
            match original(s, row.spec, &id) {
                Some(o) => Some(o),
                None => {
                    let hint = did_you_mean(
                        &id,
                        s.tasks
                            .iter()
                            .map(|t| t.id.as_str())
                            .chain(s.blockers.iter().map(|b| b.id.as_str())),
                    )
                    .map(|h| format!(" (did you mean '{h}'?)"))
                    .unwrap_or_default();
                    errs.push(format!("{}: no record of this snapshot has the id '{id}'{hint}; expected the id as the template printed it, or an empty cell for a new task", row.at(0)));
                    None
                }
            }
        };
        if !id.is_empty() {
            if let Some(first) = seen.insert((row.spec.name, id.clone()), row.at(0)) {
                errs.push(format!("{}: '{id}' is here a second time (first at {first}); expected one row per record", row.at(0)));
            }
        }
        if id.is_empty() && !row.spec.new_rows {
            errs.push(format!(
                "{}: a row with no id; new rows can only be added on the sheet “{}”",
                row.at(0),
                TASKS.name
            ));
        }
        let province = if id.is_empty() {
            sheet_province
        } else {
            province_of_task(&id)
        };
        let mut edit = Edit {
            sheet: row.spec.name,
            id: (!id.is_empty()).then(|| id.clone()),
            cells: Vec::new(),
            fields: Vec::new(),
        };
        for (c, (_, field, kind)) in row.spec.columns.iter().enumerate() {
            let v = row.get(c);
            if let Val::Error(e) = v {
                errs.push(format!(
                    "{}: the cell holds an Excel error ({e}); expected a value",
                    row.at(c)
                ));
                continue;
            }
            match &orig {
                Some(o) => {
                    let was = o.get(c).unwrap_or(&Val::Empty);
                    if same(v, was) {
                        continue;
                    }
                    if *kind == ColKind::Key {
                        errs.push(format!("{}: a key column was edited: it read “{}”; expected it unchanged (key columns identify the record)", row.at(c), was.text()));
                        continue;
                    }
                }
                None if id.is_empty() => {
                    if *kind == ColKind::Key && c != 2 && *v != Val::Empty {
                        errs.push(format!(
                            "{}: a new task leaves this column empty (it is filled in on import)",
                            row.at(c)
                        ));
                        continue;
                    }
                    if c == 2 && *v == Val::Empty {
                        errs.push(format!(
                            "{}: a new task needs its content (Nội dung nhiệm vụ)",
                            row.at(c)
                        ));
                        continue;
                    }
                }
                None => continue,
            }
            match check_cell(s, *kind, v, province) {
                Ok(value) => {
                    edit.cells.push(row.at(c).replace(": ", ", "));
                    edit.fields.push((field, value));
                }
                Err(e) => errs.push(format!("{}: {e}", row.at(c))),
            }
        }
        if errs.is_empty() {
            if !edit.fields.is_empty() {
                edits.push(edit);
            }
        } else {
            errors.extend(errs);
        }
    }
    (edits, errors)
}

fn check_cell(
    s: &Snapshot,
    kind: ColKind,
    v: &Val,
    province: Option<&str>,
) -> Result<Value, String> {
    let text = v.text();
    match kind {
        ColKind::Key | ColKind::Text => Ok(Value::Text(text)),
        ColKind::Status => {
            if text.is_empty() {
                return Ok(Value::Text(String::new()));
            }
            let choices = status_choices();
            choices
                .iter()
                .find(|c| fold(c) == fold(&text))
                .map(|c| Value::Text(c.to_string()))
                .ok_or_else(|| {
                    format!(
                        "“{text}” is not a status; expected one of: {} (or an empty cell)",
                        choices.join(", ")
                    )
                })
        }
        ColKind::Deadline => {
            let text = match v {
                Val::Date(d) => d.format("%-d/%-m/%Y").to_string(),
                _ => text,
            };
            if Deadline::parse(&text).is_invalid() {
                return Err(format!("“{text}” is not a date that exists; expected a deadline as reports write it: 30/6/2025, Tháng 6/2025, Quý III/2025, Trong năm 2025"));
            }
            Ok(Value::Text(text))
        }
        ColKind::Units => {
            if text.is_empty() {
                return Ok(Value::Units(text, Vec::new()));
            }
            let whole = crate::cli::decide::resolve_unit(s, &text, province);
            let ids = match whole {
                Ok(id) => vec![id],
                Err(_) => text
                    .split([';', ','])
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(|p| crate::cli::decide::resolve_unit(s, p, province))
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|e| {
                        format!("{e}; expected units of the snapshot, separated by ';'")
                    })?,
            };
            Ok(Value::Units(text, ids))
        }
        ColKind::Number => match v {
            Val::Empty => Ok(Value::Number(None)),
            Val::Number(n) => Ok(Value::Number(Some(*n))),
            _ => text
                .replace(['.', ' '], "")
                .replace(',', ".")
                .parse::<f64>()
                .map(|n| Value::Number(Some(n)))
                .map_err(|_| format!("“{text}” is not a number; expected digits, e.g. 1417643")),
        },
        ColKind::Date => match v {
            Val::Empty => Ok(Value::Date(None)),
            Val::Date(d) => Ok(Value::Date(Some(*d))),
            _ => NaiveDate::parse_from_str(&text, "%d/%m/%Y")
                .or_else(|_| NaiveDate::parse_from_str(&text, "%Y-%m-%d"))
                .map(|d| Value::Date(Some(d)))
                .map_err(|_| {
                    format!(
                        "“{text}” is not a date that exists; expected dd/mm/yyyy, e.g. 31/12/2024"
                    )
                }),
        },
    }
}
