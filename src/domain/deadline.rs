//! Deadlines as the reports write them, and the date each one falls due.
//!
//! A month, quarter, half-year or year falls due on its last day. Recurring duties and
//! roadmaps have no due date. A date that cannot exist ("36/3/2024") is flagged, never guessed.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::text::fold;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Deadline {
    /// No deadline given.
    None,
    /// A day ("30/12/2023", "Trước ngày 31/5/2024").
    Day {
        date: NaiveDate,
    },
    Month {
        year: i32,
        month: u32,
    },
    Quarter {
        year: i32,
        quarter: u32,
    },
    Half {
        year: i32,
        half: u32,
    },
    Year {
        year: i32,
    },
    /// A standing duty: "Thực hiện thường xuyên", "Hàng tháng", "Trước ngày 10 hàng tháng".
    Recurring,
    /// Tied to someone else's schedule: "Theo lộ trình của Chính phủ".
    Roadmap,
    /// Looks like a date but cannot be one, or cannot be read: kept, flagged.
    Invalid {
        reason: String,
    },
}

impl Deadline {
    pub fn parse(raw: &str) -> Deadline {
        parse_deadline(raw)
    }

    /// The day the deadline falls due, if it has one.
    pub fn due(&self) -> Option<NaiveDate> {
        match *self {
            Deadline::Day { date } => Some(date),
            Deadline::Month { year, month } => last_day_of_month(year, month),
            Deadline::Quarter { year, quarter } => last_day_of_month(year, quarter * 3),
            Deadline::Half { year, half } => last_day_of_month(year, half * 6),
            Deadline::Year { year } => NaiveDate::from_ymd_opt(year, 12, 31),
            _ => None,
        }
    }

    pub fn is_invalid(&self) -> bool {
        matches!(self, Deadline::Invalid { .. })
    }
}

fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1).and_then(|d| d.pred_opt())
}

fn roman(s: &str) -> Option<u32> {
    match s {
        "i" | "1" => Some(1),
        "ii" | "2" => Some(2),
        "iii" | "3" => Some(3),
        "iv" | "4" => Some(4),
        _ => None,
    }
}

/// Numbers in the text, in order, with their position (folded text is ASCII-ish).
fn numbers(s: &str) -> Vec<(usize, u32)> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if c.is_ascii_digit() {
            if cur.is_empty() {
                start = i;
            }
            cur.push(c);
        } else if !cur.is_empty() {
            out.push((start, cur.parse().unwrap_or(u32::MAX)));
            cur.clear();
        }
    }
    if !cur.is_empty() {
        out.push((start, cur.parse().unwrap_or(u32::MAX)));
    }
    out
}

fn parse_deadline(raw: &str) -> Deadline {
    let text = crate::text::one_line(raw);
    let f = fold(text.trim());
    let f = f.trim();
    if f.is_empty() || f == "-" || f == "x" {
        return Deadline::None;
    }
    if f.contains("thuong xuyen")
        || f.contains("hang thang")
        || f.contains("hang quy")
        || f.contains("hang nam")
        || f.contains("hang tuan")
        || f.contains("dinh ky")
        || f.contains("lien tuc")
    {
        return Deadline::Recurring;
    }
    // "Theo lộ trình Kế hoạch số 54/KH-UBND ngày 02/02/2024": the date is the plan's, not a
    // deadline.
    if f.starts_with("theo lo trinh") {
        return Deadline::Roadmap;
    }
    // d/m/yyyy (also d-m-yyyy, d.m.yyyy)
    if let Some(d) = find_day(f) {
        return d;
    }
    let nums = numbers(f);
    let year = nums
        .iter()
        .map(|&(_, n)| n)
        .find(|n| (1990..=2100).contains(n));
    if let Some(year) = year {
        let year = year as i32;
        if let Some(d) = before_period(f, &nums, year) {
            return d;
        }
        if let Some(q) = f.find("quy ") {
            let word = f[q + 4..].split(['/', ' ', ',']).next().unwrap_or("");
            if let Some(quarter) = roman(word) {
                return Deadline::Quarter { year, quarter };
            }
        }
        if let Some(p) = f.find("6 thang dau nam") {
            let _ = p;
            return Deadline::Half { year, half: 1 };
        }
        if f.contains("6 thang cuoi nam") {
            return Deadline::Half { year, half: 2 };
        }
        if let Some(p) = f.find("thang ") {
            if let Some(&(_, month)) = nums.iter().find(|&&(pos, _)| pos >= p + 6) {
                if (1..=12).contains(&month) && month as i32 != year {
                    return Deadline::Month { year, month };
                }
                if month as i32 != year {
                    return Deadline::Invalid {
                        reason: format!("tháng {month} không tồn tại"),
                    };
                }
            }
        }
        // "m/yyyy" alone
        if let Some(slash) = f.find('/') {
            let before: String = f[..slash]
                .chars()
                .rev()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            let before: String = before.chars().rev().collect();
            if let Ok(month) = before.parse::<u32>() {
                let after: String = f[slash + 1..]
                    .chars()
                    .take_while(|c| c.is_ascii_digit())
                    .collect();
                if after.len() == 4 {
                    if (1..=12).contains(&month) {
                        return Deadline::Month { year, month };
                    }
                    return Deadline::Invalid {
                        reason: format!("tháng {month} không tồn tại"),
                    };
                }
            }
        }
        if f.contains("nam ") || nums.len() == 1 {
            return Deadline::Year { year };
        }
        return Deadline::Year { year };
    }
    if f.contains("lo trinh")
        || f.contains("theo ke hoach")
        || f.contains("theo huong dan")
        || f.contains("khi co")
        || f.contains("sau khi")
    {
        return Deadline::Roadmap;
    }
    Deadline::Invalid {
        reason: "không đọc được thời hạn".to_string(),
    }
}

/// "Trước tháng 7/2024" is due before July begins: the last day of June, not of July. The
/// same for "trước quý III/2024" (30/06) and "trước năm 2025" (31/12/2024). "Trước ngày …"
/// names the day itself and is read by `find_day`.
fn before_period(f: &str, nums: &[(usize, u32)], year: i32) -> Option<Deadline> {
    let day_before = |y: i32, m: u32, d: u32| {
        NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|d| d.pred_opt())
            .map(|date| Deadline::Day { date })
    };
    if let Some(p) = f.find("truoc thang ") {
        let start = p + "truoc thang ".len();
        let &(_, month) = nums.iter().find(|&&(pos, _)| pos >= start)?;
        if !(1..=12).contains(&month) {
            return Some(Deadline::Invalid {
                reason: format!("tháng {month} không tồn tại"),
            });
        }
        return day_before(year, month, 1);
    }
    if let Some(p) = f.find("truoc quy ") {
        let word = f[p + "truoc quy ".len()..]
            .split(['/', ' ', ','])
            .next()
            .unwrap_or("");
        let quarter = roman(word)?;
        return day_before(year, (quarter - 1) * 3 + 1, 1);
    }
    if f.contains("truoc nam ") {
        return day_before(year, 1, 1);
    }
    None
}

fn find_day(f: &str) -> Option<Deadline> {
    let bytes: Vec<char> = f.chars().collect();
    let n = bytes.len();
    let mut i = 0;
    while i < n {
        if bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_digit()) {
            let read = |mut j: usize| {
                let s = j;
                while j < n && bytes[j].is_ascii_digit() {
                    j += 1;
                }
                (bytes[s..j].iter().collect::<String>(), j)
            };
            let (d, j) = read(i);
            if j < n && matches!(bytes[j], '/' | '-' | '.') {
                let sep = bytes[j];
                let (m, k) = read(j + 1);
                if !m.is_empty() && k < n && bytes[k] == sep {
                    let (y, _) = read(k + 1);
                    if y.len() == 4 && d.len() <= 2 && m.len() <= 2 {
                        let (dd, mm, yy) = (
                            d.parse::<u32>().ok()?,
                            m.parse::<u32>().ok()?,
                            y.parse::<i32>().ok()?,
                        );
                        return Some(match NaiveDate::from_ymd_opt(yy, mm, dd) {
                            Some(date) => Deadline::Day { date },
                            None => Deadline::Invalid {
                                reason: format!("ngày {d}/{m}/{y} không tồn tại"),
                            },
                        });
                    }
                }
            }
            i = j;
        } else {
            i += 1;
        }
    }
    None
}

impl std::fmt::Display for Deadline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Deadline::None => write!(f, "—"),
            Deadline::Day { date } => write!(f, "{}", date.format("%d/%m/%Y")),
            Deadline::Month { year, month } => write!(f, "{month:02}/{year}"),
            Deadline::Quarter { year, quarter } => write!(f, "Q{quarter}/{year}"),
            Deadline::Half { year, half } => write!(f, "H{half}/{year}"),
            Deadline::Year { year } => write!(f, "{year}"),
            Deadline::Recurring => write!(f, "thường xuyên"),
            Deadline::Roadmap => write!(f, "lộ trình"),
            Deadline::Invalid { .. } => write!(f, "?"),
        }
    }
}

/// Whole days from `due` to `as_of` (positive when late).
pub fn days_between(due: NaiveDate, as_of: NaiveDate) -> i64 {
    (as_of - due).num_days()
}

pub fn parse_iso(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .ok()
        .filter(|d| d.year() > 1900)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn due(raw: &str) -> Option<String> {
        Deadline::parse(raw).due().map(|d| d.to_string())
    }

    #[test]
    fn exact_days() {
        assert_eq!(due("30/12/2023").as_deref(), Some("2023-12-30"));
        assert_eq!(due("Trước ngày 31/5/2024").as_deref(), Some("2024-05-31"));
        assert_eq!(due("trước 15-06-2024").as_deref(), Some("2024-06-15"));
    }

    #[test]
    fn months_quarters_halves_years_fall_due_on_their_last_day() {
        assert_eq!(due("Tháng 6/2024").as_deref(), Some("2024-06-30"));
        assert_eq!(due("tháng 2 năm 2024").as_deref(), Some("2024-02-29"));
        assert_eq!(due("Quý II/2024").as_deref(), Some("2024-06-30"));
        assert_eq!(due("Quý IV năm 2024").as_deref(), Some("2024-12-31"));
        assert_eq!(due("Trong năm 2024").as_deref(), Some("2024-12-31"));
        assert_eq!(due("Năm 2025").as_deref(), Some("2025-12-31"));
        assert_eq!(due("6 tháng cuối năm 2024").as_deref(), Some("2024-12-31"));
        assert_eq!(due("12/2024").as_deref(), Some("2024-12-31"));
    }

    #[test]
    fn before_a_month_quarter_or_year_is_due_the_day_before_it_begins() {
        // Huế 108, Phụ lục I: "Trước tháng 7/2024" is before July, due 30/06, not 31/07.
        assert_eq!(due("Trước tháng 7/2024").as_deref(), Some("2024-06-30"));
        assert_eq!(due("trước tháng 01/2025").as_deref(), Some("2024-12-31"));
        assert_eq!(due("Trước tháng 3 năm 2024").as_deref(), Some("2024-02-29"));
        assert_eq!(due("Trước Quý III/2024").as_deref(), Some("2024-06-30"));
        assert_eq!(due("trước quý I/2025").as_deref(), Some("2024-12-31"));
        assert_eq!(due("Trước năm 2025").as_deref(), Some("2024-12-31"));
        assert!(Deadline::parse("Trước tháng 13/2024").is_invalid());
        // "Trước ngày …" names the day itself.
        assert_eq!(due("Trước ngày 01/7/2024").as_deref(), Some("2024-07-01"));
    }

    #[test]
    fn recurring_and_roadmap_have_no_due_date() {
        for raw in [
            "Thực hiện thường xuyên",
            "Hàng tháng",
            "Trước ngày 10 hàng tháng",
            "Thường xuyên",
        ] {
            assert_eq!(Deadline::parse(raw), Deadline::Recurring, "{raw}");
        }
        assert_eq!(
            Deadline::parse("Theo lộ trình của Chính phủ"),
            Deadline::Roadmap
        );
        // Tied to an event (Huế 108, Phụ lục I, row 30).
        assert_eq!(
            Deadline::parse(
                "Ngay sau khi dịch vụ công được cung cấp trên Cổng dịch vụ công quốc gia"
            ),
            Deadline::Roadmap
        );
        // The date is the plan's, not the task's deadline (Huế 108, Phụ lục I, row 72).
        assert_eq!(
            Deadline::parse("Theo lộ trình Kế hoạch số 54/KH-UBND ngày 02/02/2024"),
            Deadline::Roadmap
        );
        assert_eq!(Deadline::parse(""), Deadline::None);
    }

    #[test]
    fn impossible_dates_are_flagged_not_guessed() {
        assert!(Deadline::parse("36/3/2024").is_invalid());
        assert!(Deadline::parse("31/2/2024").is_invalid());
        assert!(Deadline::parse("Tháng 13/2024").is_invalid());
        assert_eq!(Deadline::parse("36/3/2024").due(), None);
        assert!(Deadline::parse("sớm nhất có thể").is_invalid());
    }

    #[test]
    fn days_late_are_exact() {
        let due = NaiveDate::from_ymd_opt(2023, 12, 30).unwrap();
        let as_of = NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
        assert_eq!(days_between(due, as_of), 367);
    }
}
