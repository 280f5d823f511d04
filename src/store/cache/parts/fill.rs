//! The record tables decoded straight into their place in the snapshot.
//!
//! Each table (tasks, blockers …) is made once with room for all its records, as the table
//! of parts counts them; each part is given its own stretch of that room, and the cores fill
//! their stretches side by side. Decoding each part into a vector of its own and then copying
//! them all into the table, as before, took a second pass over 400 MB at 200k tasks, on one
//! core, in memory touched twice.
//!
//! A table's length is set only when every part of it said it filled every place of its
//! stretch (a part must hold exactly the records the table of parts counts for it). A part
//! that fails leaves its records unfreed, never read: the cache is then ignored anyway.

use std::collections::HashMap;
use std::mem::MaybeUninit;

use serde::de::{self, DeserializeSeed, SeqAccess, Visitor};
use serde::Deserialize;

use super::{dec, Kind, OfReport, Part, NO_REPORT};
use crate::domain::{Assessment, Benefit, Blocker, Deadline, Indicator, Note, Status, Task};
use crate::store::Finding;

/// A record table with room for all its records.
pub(super) struct Table<T> {
    pub records: Vec<T>,
}

/// Every record table of a cache, made with room for the records its parts count.
pub(super) struct Tables {
    /// The records of each kind (tasks, blockers, assessments, indicators, benefits, notes,
    /// findings), as the parts count them.
    n: [usize; 7],
    pub tasks: Table<Task>,
    pub deadlines: Vec<Deadline>,
    pub statuses: Vec<Status>,
    pub blockers: Table<Blocker>,
    pub assessments: Table<Assessment>,
    pub indicators: Table<Indicator>,
    pub benefits: Table<Benefit>,
    pub notes: Table<Note>,
    pub findings: Vec<Finding>,
}

type Slots<'a, T> = &'a mut [MaybeUninit<T>];

/// The stretch of the tables one part fills.
pub(super) enum Sink<'a> {
    /// A part that is not of a record table.
    Other,
    Tasks(Slots<'a, Task>, Slots<'a, Deadline>, Slots<'a, Status>),
    Blockers(Slots<'a, Blocker>),
    Assessments(Slots<'a, Assessment>),
    Indicators(Slots<'a, Indicator>),
    Benefits(Slots<'a, Benefit>),
    Notes(Slots<'a, Note>),
    Findings(Slots<'a, Finding>),
}

fn table<T>(n: usize) -> Table<T> {
    Table {
        records: Vec::with_capacity(n),
    }
}

/// The first `n` places of `rest`, the rest kept for the next part.
fn take<'a, T>(rest: &mut Slots<'a, T>, n: usize) -> Option<Slots<'a, T>> {
    if n > rest.len() {
        return None;
    }
    let (mine, others) = std::mem::take(rest).split_at_mut(n);
    *rest = others;
    Some(mine)
}

impl Tables {
    /// Room for the records the parts count; `None` if a count cannot be right (a record
    /// takes at least a byte of its part, so no part holds more records than bytes).
    pub fn with_room(parts: &[Part]) -> Option<Tables> {
        let mut n = [0usize; 7];
        for p in parts {
            if p.count > p.len {
                return None;
            }
            if let Some(k) = slot(p.kind) {
                n[k] = n[k].checked_add(usize::try_from(p.count).ok()?)?;
            } else if p.count != 0 {
                return None;
            }
        }
        Some(Tables {
            n,
            tasks: table(n[0]),
            deadlines: Vec::with_capacity(n[0]),
            statuses: Vec::with_capacity(n[0]),
            blockers: table(n[1]),
            assessments: table(n[2]),
            indicators: table(n[3]),
            benefits: table(n[4]),
            notes: table(n[5]),
            findings: Vec::with_capacity(n[6]),
        })
    }

    /// Each part's stretch, in the order of the parts.
    pub fn sinks(&mut self, parts: &[Part]) -> Option<Vec<Sink<'_>>> {
        let mut tasks = self.tasks.records.spare_capacity_mut();
        let mut deadlines = self.deadlines.spare_capacity_mut();
        let mut statuses = self.statuses.spare_capacity_mut();
        let mut blockers = self.blockers.records.spare_capacity_mut();
        let mut assessments = self.assessments.records.spare_capacity_mut();
        let mut indicators = self.indicators.records.spare_capacity_mut();
        let mut benefits = self.benefits.records.spare_capacity_mut();
        let mut notes = self.notes.records.spare_capacity_mut();
        let mut findings = self.findings.spare_capacity_mut();
        let mut out = Vec::with_capacity(parts.len());
        for p in parts {
            let n = usize::try_from(p.count).ok()?;
            out.push(match p.kind {
                Kind::Tasks => Sink::Tasks(
                    take(&mut tasks, n)?,
                    take(&mut deadlines, n)?,
                    take(&mut statuses, n)?,
                ),
                Kind::Blockers => Sink::Blockers(take(&mut blockers, n)?),
                Kind::Assessments => Sink::Assessments(take(&mut assessments, n)?),
                Kind::Indicators => Sink::Indicators(take(&mut indicators, n)?),
                Kind::Benefits => Sink::Benefits(take(&mut benefits, n)?),
                Kind::Notes => Sink::Notes(take(&mut notes, n)?),
                Kind::Findings => Sink::Findings(take(&mut findings, n)?),
                _ => Sink::Other,
            });
        }
        Some(out)
    }

    /// The tables' lengths set, once every part's `fill` said it filled its whole stretch.
    ///
    /// # Safety
    /// Every sink `sinks` made must have been filled by a `fill` that returned `Some`.
    pub unsafe fn filled(&mut self) {
        let n = self.n;
        // SAFETY: `sinks` split the first `n[k]` places of each table, from its start, into
        // one stretch per part of that kind (`with_room` counted the same parts), and each
        // stretch was filled in full (the caller's promise); the tasks' deadlines and statuses
        // were split alongside their records.
        unsafe {
            self.tasks.records.set_len(n[0]);
            self.deadlines.set_len(n[0]);
            self.statuses.set_len(n[0]);
            self.blockers.records.set_len(n[1]);
            self.assessments.records.set_len(n[2]);
            self.indicators.records.set_len(n[3]);
            self.benefits.records.set_len(n[4]);
            self.notes.records.set_len(n[5]);
            self.findings.set_len(n[6]);
        }
    }
}

fn slot(kind: Kind) -> Option<usize> {
    Some(match kind {
        Kind::Tasks => 0,
        Kind::Blockers => 1,
        Kind::Assessments => 2,
        Kind::Indicators => 3,
        Kind::Benefits => 4,
        Kind::Notes => 5,
        Kind::Findings => 6,
        _ => return None,
    })
}

/// Fill a part's stretch from its bytes; `Some` only when every place of it was filled.
/// `ids` are the reports' ids, which the records' report indexes point into.
pub(super) fn fill(sink: Sink<'_>, bytes: &[u8], ids: &[String]) -> Option<()> {
    match sink {
        Sink::Other => None,
        Sink::Tasks(rec, deadlines, statuses) => {
            // Reports repeat the same few deadlines and statuses ("Năm 2024", "Đang thực
            // hiện"): each distinct text is read once (both readings depend on the text
            // alone).
            let mut seen_deadline: HashMap<String, Deadline> = HashMap::new();
            let mut seen_status: HashMap<String, Status> = HashMap::new();
            rows(bytes, ids, rec, |i, t: &Task| {
                let (raw_deadline, raw_status): (&str, &str) = (&t.deadline_raw, &t.status_raw);
                let d = match seen_deadline.get(raw_deadline) {
                    Some(d) => d.clone(),
                    None => {
                        let d = Deadline::parse(raw_deadline);
                        seen_deadline.insert(raw_deadline.to_string(), d.clone());
                        d
                    }
                };
                let s = match seen_status.get(raw_status) {
                    Some(&s) => s,
                    None => {
                        let s = Status::from_raw(raw_status);
                        seen_status.insert(raw_status.to_string(), s);
                        s
                    }
                };
                match (deadlines.get_mut(i), statuses.get_mut(i)) {
                    (Some(dl), Some(st)) => {
                        dl.write(d);
                        st.write(s);
                        true
                    }
                    _ => false,
                }
            })
        }
        Sink::Blockers(rec) => rows(bytes, ids, rec, |_, _| true),
        Sink::Assessments(rec) => rows(bytes, ids, rec, |_, _| true),
        Sink::Indicators(rec) => rows(bytes, ids, rec, |_, _| true),
        Sink::Benefits(rec) => rows(bytes, ids, rec, |_, _| true),
        Sink::Notes(rec) => rows(bytes, ids, rec, |_, _| true),
        Sink::Findings(rec) => dec::from_part_seed(
            bytes,
            Fill {
                slots: rec,
                each: |_, _: &mut Finding| true,
            },
        )
        .ok(),
    }
}

/// A part of a record table: the report of each record (an index into the reports: the
/// records do not carry it in their own serialised form), then the records. `each` sees each
/// record once it has its report; a `false` from it refuses the part.
fn rows<T: for<'de> Deserialize<'de> + OfReport>(
    bytes: &[u8],
    ids: &[String],
    rec: Slots<'_, T>,
    each: impl FnMut(usize, &T) -> bool,
) -> Option<()> {
    dec::from_part_seed(bytes, RowsSeed { ids, rec, each }).ok()
}

struct RowsSeed<'a, 'i, T, F> {
    ids: &'i [String],
    rec: Slots<'a, T>,
    each: F,
}

impl<'de, T, F> DeserializeSeed<'de> for RowsSeed<'_, '_, T, F>
where
    T: Deserialize<'de> + OfReport,
    F: FnMut(usize, &T) -> bool,
{
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_tuple(2, self)
    }
}

impl<'de, T, F> Visitor<'de> for RowsSeed<'_, '_, T, F>
where
    T: Deserialize<'de> + OfReport,
    F: FnMut(usize, &T) -> bool,
{
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a part of a record table")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let missing = || de::Error::custom("a part of a record table cut short");
        let report_of: Vec<u32> = seq.next_element()?.ok_or_else(missing)?;
        if report_of.len() != self.rec.len() {
            return Err(de::Error::custom("one report per record"));
        }
        let (ids, mut each) = (self.ids, self.each);
        let records = Fill {
            slots: self.rec,
            each: |i: usize, x: &mut T| {
                let id = match report_of.get(i) {
                    Some(&NO_REPORT) => "",
                    Some(&r) => match ids.get(r as usize) {
                        Some(id) => id.as_str(),
                        None => return false,
                    },
                    None => return false,
                };
                x.set_report(id);
                each(i, x)
            },
        };
        seq.next_element_seed(records)?.ok_or_else(missing)
    }
}

/// A sequence decoded into a stretch it must fill exactly.
struct Fill<'a, T, F> {
    slots: Slots<'a, T>,
    each: F,
}

impl<'de, T, F> DeserializeSeed<'de> for Fill<'_, T, F>
where
    T: Deserialize<'de>,
    F: FnMut(usize, &mut T) -> bool,
{
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, T, F> Visitor<'de> for Fill<'_, T, F>
where
    T: Deserialize<'de>,
    F: FnMut(usize, &mut T) -> bool,
{
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a sequence of records")
    }
    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        // The cache's decoder tells the exact count: a part must hold what the table of
        // parts counts for it, no more, no fewer.
        if seq.size_hint() != Some(self.slots.len()) {
            return Err(de::Error::custom("not the count of records the table says"));
        }
        for (i, slot) in self.slots.iter_mut().enumerate() {
            let mut x: T = seq
                .next_element()?
                .ok_or_else(|| de::Error::custom("records cut short"))?;
            if !(self.each)(i, &mut x) {
                return Err(de::Error::custom("a record that does not fit"));
            }
            slot.write(x);
        }
        Ok(())
    }
}
