//! The official status groups: every task is in exactly one group at the as-of date, as the
//! Government Office counts them (done on time, done late, open within the deadline, open and
//! overdue), with the groups the reports force on us besides (due soon, recurring, no status
//! reported, no readable deadline, and done without a date to judge it by).
//!
//! No report gives the day a task was finished. What is known is a bound on each side: a report
//! dated R that says "done" means it was done by R; a report (or an earlier snapshot) dated O
//! that says it was still open means it was not done at O. So a done task is
//! - **on time** when a report dated on or before its due date already says it is done;
//! - **late** when a report dated on or after its due date still said it was open;
//! - otherwise **done, date not reported**: the report saying "done" came after the due date
//!   and nothing says when it was finished. This group is never folded into the other two.
//!
//! Pure: no snapshot, no I/O; the query layer gathers the facts.

use chrono::NaiveDate;
use serde::Serialize;

use super::{Deadline, Status};

/// The default horizon of "due soon", in days from the as-of date (due today counts).
pub const DEFAULT_SOON_DAYS: i64 = 7;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    DoneOnTime,
    DoneLate,
    DoneUndated,
    OpenOnTime,
    DueSoon,
    Overdue,
    Recurring,
    NoStatus,
    NoDeadline,
}

impl Group {
    pub const ALL: [Group; 9] = [
        Group::DoneOnTime,
        Group::DoneLate,
        Group::DoneUndated,
        Group::OpenOnTime,
        Group::DueSoon,
        Group::Overdue,
        Group::Recurring,
        Group::NoStatus,
        Group::NoDeadline,
    ];

    /// Position in `ALL` (for count arrays).
    pub fn index(self) -> usize {
        self as usize
    }

    /// Stable key for exports and the query language.
    pub fn key(self) -> &'static str {
        match self {
            Group::DoneOnTime => "done_on_time",
            Group::DoneLate => "done_late",
            Group::DoneUndated => "done_undated",
            Group::OpenOnTime => "open_on_time",
            Group::DueSoon => "due_soon",
            Group::Overdue => "overdue",
            Group::Recurring => "recurring",
            Group::NoStatus => "no_status",
            Group::NoDeadline => "no_deadline",
        }
    }

    /// The symbol printed beside the colour, so that no meaning rests on colour alone.
    pub fn symbol(self) -> &'static str {
        match self {
            Group::DoneOnTime => "✓",
            Group::DoneLate => "✓!",
            Group::DoneUndated => "✓?",
            Group::OpenOnTime => "○",
            Group::DueSoon => "◔",
            Group::Overdue => "✗",
            Group::Recurring => "↻",
            Group::NoStatus => "?",
            Group::NoDeadline => "–",
        }
    }

    pub fn label(self, vi: bool) -> &'static str {
        match (self, vi) {
            (Group::DoneOnTime, true) => "Hoàn thành đúng hạn",
            (Group::DoneOnTime, false) => "Done on time",
            (Group::DoneLate, true) => "Hoàn thành quá hạn",
            (Group::DoneLate, false) => "Done late",
            (Group::DoneUndated, true) => "Hoàn thành, không rõ ngày",
            (Group::DoneUndated, false) => "Done, date not reported",
            (Group::OpenOnTime, true) => "Đang làm, trong hạn",
            (Group::OpenOnTime, false) => "Open, within deadline",
            (Group::DueSoon, true) => "Sắp đến hạn",
            (Group::DueSoon, false) => "Due soon",
            (Group::Overdue, true) => "Quá hạn, chưa xong",
            (Group::Overdue, false) => "Open and overdue",
            (Group::Recurring, true) => "Thường xuyên",
            (Group::Recurring, false) => "Recurring",
            (Group::NoStatus, true) => "Không báo cáo tình trạng",
            (Group::NoStatus, false) => "No status reported",
            (Group::NoDeadline, true) => "Không rõ thời hạn",
            (Group::NoDeadline, false) => "No readable deadline",
        }
    }

    /// What the group counts, in words a chair can read aloud (the help's legend).
    pub fn meaning(self, vi: bool) -> &'static str {
        match (self, vi) {
            (Group::DoneOnTime, true) => "đã xong; một báo cáo ghi ngày trước hạn đã ghi là xong",
            (Group::DoneOnTime, false) => "done; a report dated by the deadline already said so",
            (Group::DoneLate, true) => "đã xong; một báo cáo ghi ngày sau hạn vẫn ghi đang làm",
            (Group::DoneLate, false) => "done; a report dated after the deadline still said open",
            (Group::DoneUndated, true) => {
                "đã xong, không biết xong trước hay sau hạn (hoặc không đọc được hạn)"
            }
            (Group::DoneUndated, false) => {
                "done, not known whether before or after the deadline (or no readable deadline)"
            }
            (Group::OpenOnTime, true) => "chưa xong, còn hơn 7 ngày nữa mới đến hạn",
            (Group::OpenOnTime, false) => "open, more than 7 days before the deadline",
            (Group::DueSoon, true) => "chưa xong, đến hạn trong 7 ngày (kể cả hôm nay)",
            (Group::DueSoon, false) => "open, due within 7 days (today included)",
            (Group::Overdue, true) => "chưa xong, đã qua hạn",
            (Group::Overdue, false) => "open, past the deadline",
            (Group::Recurring, true) => {
                "việc thường xuyên, không có hạn cụ thể, kể cả khi báo cáo ghi đã xong"
            }
            (Group::Recurring, false) => {
                "standing duty with no fixed deadline, even when reported done"
            }
            (Group::NoStatus, true) => "báo cáo không ghi tình trạng, hoặc ghi không rõ",
            (Group::NoStatus, false) => "the report gives no status, or none that can be read",
            (Group::NoDeadline, true) => "chưa xong, không đọc được hạn",
            (Group::NoDeadline, false) => "open, no readable deadline",
        }
    }

    pub fn is_done(self) -> bool {
        matches!(
            self,
            Group::DoneOnTime | Group::DoneLate | Group::DoneUndated
        )
    }

    /// Accepts the key or either label, with or without diacritics.
    pub fn from_query(word: &str) -> Option<Group> {
        let w = crate::text::fold(word).replace([' ', '-', ','], "_");
        Group::ALL.into_iter().find(|g| {
            g.key() == w
                || crate::text::fold(g.label(true)).replace([' ', ','], "_") == w
                || crate::text::fold(g.label(false)).replace([' ', ','], "_") == w
        })
    }
}

/// A status the report gave that says the task is still open (not done, not a standing duty).
pub fn is_reported_open(status: Status) -> bool {
    matches!(
        status,
        Status::InProgress | Status::Behind | Status::NotStarted | Status::Waiting
    )
}

/// What is known of one task, gathered from its report (and earlier snapshots, when any).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Facts<'a> {
    pub status: Status,
    pub deadline: &'a Deadline,
    /// A new due date decided in a meeting replaces the report's.
    pub decided_due: Option<NaiveDate>,
    /// The date of the report that says it is done (done by then).
    pub done_by: Option<NaiveDate>,
    /// The latest date a report or an earlier snapshot said it was still open.
    pub seen_open_on: Option<NaiveDate>,
}

impl Facts<'_> {
    pub fn due(&self) -> Option<NaiveDate> {
        self.decided_due.or_else(|| self.deadline.due())
    }
}

/// The one group of a task at `as_of`; "due soon" is within `soon_days` days (due today
/// included). The checks run in this order: a standing duty; done; no status; no readable
/// due date; then open tasks by their due date.
pub fn classify(f: &Facts, as_of: NaiveDate, soon_days: i64) -> Group {
    let due = f.due();
    if f.status == Status::Recurring || (*f.deadline == Deadline::Recurring && due.is_none()) {
        return Group::Recurring;
    }
    if f.status.is_done() {
        let Some(due) = due else {
            return Group::DoneUndated;
        };
        if f.done_by.is_some_and(|d| d <= due) {
            return Group::DoneOnTime;
        }
        if f.seen_open_on.is_some_and(|d| d >= due) {
            return Group::DoneLate;
        }
        return Group::DoneUndated;
    }
    if !is_reported_open(f.status) {
        return Group::NoStatus;
    }
    let Some(due) = due else {
        return Group::NoDeadline;
    };
    let left = (due - as_of).num_days();
    if left < 0 {
        Group::Overdue
    } else if left <= soon_days {
        Group::DueSoon
    } else {
        Group::OpenOnTime
    }
}

/// Counts of tasks in each group, and the rates read aloud.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub counts: [usize; 9],
    /// Tasks whose due date has passed at the as-of date and whose status is reported (done
    /// or open): the base of the overdue rate.
    pub already_due: usize,
}

impl Tally {
    pub fn add(&mut self, g: Group, due_passed: bool) {
        self.counts[g.index()] += 1;
        if due_passed
            && (g.is_done() || g == Group::Overdue)
            && !matches!(g, Group::Recurring | Group::NoStatus)
        {
            self.already_due += 1;
        }
    }

    /// Take out a task `add` put in (a decision changed its group).
    pub fn remove(&mut self, g: Group, due_passed: bool) {
        let mut one = Tally::default();
        one.add(g, due_passed);
        for (c, o) in self.counts.iter_mut().zip(one.counts) {
            *c = c.saturating_sub(o);
        }
        self.already_due = self.already_due.saturating_sub(one.already_due);
    }

    pub fn count(&self, g: Group) -> usize {
        self.counts[g.index()]
    }

    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }

    pub fn done(&self) -> usize {
        self.count(Group::DoneOnTime) + self.count(Group::DoneLate) + self.count(Group::DoneUndated)
    }

    /// Overdue over the tasks already due, in percent (as the Government Office rates it);
    /// none when no task is due yet.
    pub fn overdue_rate(&self) -> Option<f64> {
        (self.already_due > 0)
            .then(|| self.count(Group::Overdue) as f64 * 100.0 / self.already_due as f64)
    }

    /// Done on time over the done tasks whose timeliness is known, in percent.
    pub fn on_time_rate(&self) -> Option<f64> {
        let known = self.count(Group::DoneOnTime) + self.count(Group::DoneLate);
        (known > 0).then(|| self.count(Group::DoneOnTime) as f64 * 100.0 / known as f64)
    }

    pub fn merge(&mut self, other: &Tally) {
        for (a, b) in self.counts.iter_mut().zip(other.counts) {
            *a += b;
        }
        self.already_due += other.already_due;
    }
}

/// A rate as said aloud: "12,5%" (Vietnamese decimal comma) or "12.5%"; "—" when none.
pub fn format_rate(rate: Option<f64>, vi: bool) -> String {
    match rate {
        None => "—".to_string(),
        Some(r) => {
            let s = format!("{r:.1}%");
            if vi {
                s.replace('.', ",")
            } else {
                s
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn group(status: &str, deadline: &str, as_of: &str) -> Group {
        let d = Deadline::parse(deadline);
        let f = Facts {
            status: Status::from_raw(status),
            deadline: &d,
            decided_due: None,
            done_by: Some(day(as_of)),
            seen_open_on: None,
        };
        classify(&f, day(as_of), DEFAULT_SOON_DAYS)
    }

    #[test]
    fn open_tasks_by_their_due_date() {
        // Due today: not late yet, due soon.
        assert_eq!(
            group("Đang triển khai", "30/6/2024", "2024-06-30"),
            Group::DueSoon
        );
        // Due tomorrow.
        assert_eq!(
            group("Đang triển khai", "01/7/2024", "2024-06-30"),
            Group::DueSoon
        );
        // Due in exactly 7 days is soon; in 8 is not.
        assert_eq!(
            group("Đang triển khai", "07/7/2024", "2024-06-30"),
            Group::DueSoon
        );
        assert_eq!(
            group("Đang triển khai", "08/7/2024", "2024-06-30"),
            Group::OpenOnTime
        );
        // The day after the due date: overdue.
        assert_eq!(
            group("Chậm tiến độ", "30/6/2024", "2024-07-01"),
            Group::Overdue
        );
        // A quarter falls due on its last day.
        assert_eq!(
            group("Chưa triển khai", "Quý II/2024", "2024-06-30"),
            Group::DueSoon
        );
    }

    #[test]
    fn done_is_on_time_late_or_undated_by_what_the_reports_say() {
        let d = Deadline::parse("30/6/2024");
        let facts = |done_by: &str, open: Option<&str>| Facts {
            status: Status::Done,
            deadline: &d,
            decided_due: None,
            done_by: Some(day(done_by)),
            seen_open_on: open.map(day),
        };
        let as_of = day("2024-12-31");
        // A report of the due date says done: on time.
        assert_eq!(
            classify(&facts("2024-06-30", None), as_of, 7),
            Group::DoneOnTime
        );
        // Done the day after the deadline: the report of the due date still said open.
        assert_eq!(
            classify(&facts("2024-07-01", Some("2024-06-30")), as_of, 7),
            Group::DoneLate
        );
        // Seen open before the deadline, done in a report after it: when is not known.
        assert_eq!(
            classify(&facts("2024-07-01", Some("2024-06-29")), as_of, 7),
            Group::DoneUndated
        );
        // Only a year-end report saying done: not known whether on time.
        assert_eq!(
            classify(&facts("2024-12-31", None), as_of, 7),
            Group::DoneUndated
        );
    }

    #[test]
    fn recurring_no_deadline_no_status() {
        assert_eq!(
            group("Thực hiện thường xuyên", "30/6/2024", "2024-12-31"),
            Group::Recurring
        );
        assert_eq!(
            group("Đang triển khai", "Hàng tháng", "2024-12-31"),
            Group::Recurring
        );
        assert_eq!(
            group("Đang triển khai", "", "2024-12-31"),
            Group::NoDeadline
        );
        assert_eq!(
            group(
                "Đang triển khai",
                "Theo lộ trình của Chính phủ",
                "2024-12-31"
            ),
            Group::NoDeadline
        );
        assert_eq!(
            group("Chưa hoàn thành", "36/3/2024", "2024-12-31"),
            Group::NoDeadline
        );
        // No status, even with a passed deadline: not called overdue.
        assert_eq!(group("", "30/12/2023", "2024-12-31"), Group::NoStatus);
        assert_eq!(group("Hoàn thành", "", "2024-12-31"), Group::DoneUndated);
    }

    #[test]
    fn a_decided_due_date_replaces_the_reported_one() {
        let d = Deadline::parse("30/6/2024");
        let f = Facts {
            status: Status::InProgress,
            deadline: &d,
            decided_due: Some(day("2025-03-31")),
            done_by: None,
            seen_open_on: None,
        };
        assert_eq!(classify(&f, day("2024-12-31"), 7), Group::OpenOnTime);
    }

    #[test]
    fn overdue_rate_is_over_tasks_already_due() {
        let mut t = Tally::default();
        t.add(Group::Overdue, true);
        t.add(Group::DoneOnTime, true);
        t.add(Group::DoneUndated, true);
        t.add(Group::DoneLate, true);
        // Not yet due, or not counted as due: outside the base.
        t.add(Group::OpenOnTime, false);
        t.add(Group::DoneOnTime, false);
        t.add(Group::NoStatus, true);
        t.add(Group::Recurring, false);
        assert_eq!(t.total(), 8);
        assert_eq!(t.already_due, 4);
        assert_eq!(format_rate(t.overdue_rate(), true), "25,0%");
        assert_eq!(format_rate(t.on_time_rate(), false), "66.7%");
        assert_eq!(format_rate(Tally::default().overdue_rate(), true), "—");
    }

    #[test]
    fn groups_are_found_by_any_name() {
        assert_eq!(Group::from_query("overdue"), Some(Group::Overdue));
        assert_eq!(Group::from_query("sap den han"), Some(Group::DueSoon));
        assert_eq!(Group::from_query("Done late"), Some(Group::DoneLate));
        assert_eq!(Group::from_query("nope"), None);
    }
}
