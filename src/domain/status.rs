//! Task status: the words the reports use, normalised into a few states.

use serde::{Deserialize, Serialize};

use crate::text::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Done,
    InProgress,
    Recurring,
    Behind,
    NotStarted,
    Waiting,
    Unknown,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Done,
        Status::InProgress,
        Status::Recurring,
        Status::Behind,
        Status::NotStarted,
        Status::Waiting,
        Status::Unknown,
    ];

    /// Normalise the status text of a report.
    pub fn from_raw(raw: &str) -> Status {
        let f = fold(&crate::text::one_line(raw));
        let f = f.trim();
        if f.is_empty() {
            return Status::Unknown;
        }
        if f.contains("cham tien do") || f.contains("qua han") || f.contains("cham ") {
            return Status::Behind;
        }
        if f.contains("chua trien khai")
            || f.contains("chua thuc hien")
            || f.contains("chua hoan thanh")
            || f.starts_with("chua")
        {
            return Status::NotStarted;
        }
        if f.contains("cho huong dan") || f.contains("cho ") {
            return Status::Waiting;
        }
        if f.contains("thuong xuyen") {
            return Status::Recurring;
        }
        if f.contains("dang ") || f.starts_with("dang") || f.contains("tiep tuc") {
            return Status::InProgress;
        }
        if f.contains("hoan thanh") || f.contains("da trien khai") || f.contains("da thuc hien") {
            return Status::Done;
        }
        Status::Unknown
    }

    pub fn is_done(self) -> bool {
        self == Status::Done
    }

    /// Stable key used by the query language and exports.
    pub fn key(self) -> &'static str {
        match self {
            Status::Done => "done",
            Status::InProgress => "in_progress",
            Status::Recurring => "recurring",
            Status::Behind => "behind",
            Status::NotStarted => "not_started",
            Status::Waiting => "waiting",
            Status::Unknown => "unknown",
        }
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            Status::Done => "Đã hoàn thành",
            Status::InProgress => "Đang triển khai",
            Status::Recurring => "Thường xuyên",
            Status::Behind => "Chậm tiến độ",
            Status::NotStarted => "Chưa triển khai",
            Status::Waiting => "Chờ hướng dẫn",
            Status::Unknown => "Chưa rõ",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Status::Done => "Done",
            Status::InProgress => "In progress",
            Status::Recurring => "Recurring",
            Status::Behind => "Behind",
            Status::NotStarted => "Not started",
            Status::Waiting => "Waiting",
            Status::Unknown => "Unknown",
        }
    }

    /// Accepts the key, the Vietnamese or English label, with or without diacritics.
    pub fn from_query(word: &str) -> Option<Status> {
        let w = fold(word).replace([' ', '-'], "_");
        Status::ALL
            .into_iter()
            .find(|s| {
                s.key() == w
                    || fold(s.label_vi()).replace(' ', "_") == w
                    || fold(s.label_en()).replace(' ', "_") == w
            })
            .or(match w.as_str() {
                "open" | "todo" => Some(Status::InProgress),
                "hoan_thanh" | "xong" => Some(Status::Done),
                "dang" | "dang_thuc_hien" => Some(Status::InProgress),
                _ => None,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_words_normalise() {
        assert_eq!(Status::from_raw("Đã hoàn thành"), Status::Done);
        assert_eq!(Status::from_raw("Hoàn thành"), Status::Done);
        assert_eq!(Status::from_raw("Chưa hoàn thành"), Status::NotStarted);
        assert_eq!(Status::from_raw("Đang triển khai"), Status::InProgress);
        assert_eq!(Status::from_raw("Đang thực hiện"), Status::InProgress);
        assert_eq!(
            Status::from_raw("Thực hiện thường xuyên"),
            Status::Recurring
        );
        assert_eq!(Status::from_raw("Chậm tiến độ"), Status::Behind);
        assert_eq!(Status::from_raw("Chờ hướng dẫn của Bộ"), Status::Waiting);
        assert_eq!(Status::from_raw(""), Status::Unknown);
    }

    #[test]
    fn query_words() {
        assert_eq!(Status::from_query("done"), Some(Status::Done));
        assert_eq!(
            Status::from_query("dang-trien-khai"),
            Some(Status::InProgress)
        );
        assert_eq!(Status::from_query("Chậm tiến độ"), Some(Status::Behind));
        assert_eq!(Status::from_query("nope"), None);
    }
}
