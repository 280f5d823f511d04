//! The journal replayed: per item, what is decided now (state, unit, deadline, notes, agenda,
//! conclusion) and the decisions that made it so. `Decisions` is what the views and the query
//! language see (it implements `Overlay`).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::record::{parse_at, Change, Field, Record, TriageState};
use crate::query::eval::{Overlay, Rec};
use crate::query::{Decided, DecidedMap};

/// One decision in force on an item.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryEntry {
    pub seq: u64,
    pub at: DateTime<FixedOffset>,
    pub change: Change,
    /// The value decided before (none: the source data's own value).
    pub old: Option<Change>,
    pub note: Option<String>,
}

/// What is decided on one task or blocker.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ItemDecision {
    pub state: Option<TriageState>,
    /// The responsible unit decided (a unit id).
    pub unit: Option<String>,
    pub due: Option<NaiveDate>,
    /// Notes, oldest first: notes added, and the notes given with other decisions.
    pub notes: Vec<String>,
    /// Flagged for today's agenda.
    pub agenda: bool,
    pub conclusion: Option<String>,
    /// The decisions in force, oldest first (undone decisions are not here).
    pub history: Vec<HistoryEntry>,
}

impl ItemDecision {
    pub fn is_resolved(&self) -> bool {
        self.state.is_some_and(TriageState::is_closed)
    }

    /// When the latest decision in force was taken.
    pub fn last_at(&self) -> Option<DateTime<FixedOffset>> {
        self.history.iter().map(|h| h.at).max()
    }

    /// The value decided now for a field (for notes: the latest note).
    pub fn value(&self, field: Field) -> Option<Change> {
        match field {
            Field::State => self.state.map(Change::State),
            Field::Unit => self.unit.clone().map(Change::Unit),
            Field::Due => self.due.map(Change::Due),
            Field::Note => self.notes.last().cloned().map(Change::Note),
            Field::Agenda => self
                .history
                .iter()
                .any(|h| h.change.field() == Field::Agenda)
                .then_some(Change::Agenda(self.agenda)),
            Field::Conclusion => self.conclusion.clone().map(Change::Conclusion),
        }
    }

    fn apply(&mut self, h: HistoryEntry) {
        match &h.change {
            Change::State(s) => self.state = Some(*s),
            Change::Unit(u) => self.unit = Some(u.clone()),
            Change::Due(d) => self.due = Some(*d),
            Change::Note(n) => self.notes.push(n.clone()),
            Change::Agenda(a) => self.agenda = *a,
            Change::Conclusion(c) => self.conclusion = Some(c.clone()),
        }
        if let Some(n) = &h.note {
            self.notes.push(n.clone());
        }
        self.history.push(h);
    }
}

/// The decisions in force, per item id, with the snapshot's item ids by index (so that the
/// query language's `Rec::Task(i)` and `Rec::Blocker(i)` can be looked up).
#[derive(Debug, Clone, Default)]
pub struct Decisions {
    items: BTreeMap<String, ItemDecision>,
    task_ids: Arc<Vec<String>>,
    blocker_ids: Arc<Vec<String>>,
}

impl Decisions {
    pub fn for_item(&self, id: &str) -> Option<&ItemDecision> {
        self.items.get(id)
    }

    pub fn for_rec(&self, rec: Rec) -> Option<&ItemDecision> {
        let id = match rec {
            Rec::Task(i) => self.task_ids.get(i)?,
            Rec::Blocker(i) => self.blocker_ids.get(i)?,
            _ => return None,
        };
        self.items.get(id)
    }

    /// Items with decisions, by id.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &ItemDecision)> {
        self.items.iter().map(|(k, v)| (k.as_str(), v))
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The same decisions as plain data keyed by record (for a filter thread).
    pub fn decided_map(&self) -> DecidedMap {
        let mut map = DecidedMap::default();
        let ids = self
            .task_ids
            .iter()
            .enumerate()
            .map(|(i, id)| (Rec::Task(i), id))
            .chain(
                self.blocker_ids
                    .iter()
                    .enumerate()
                    .map(|(i, id)| (Rec::Blocker(i), id)),
            );
        for (rec, id) in ids {
            if let Some(d) = self.items.get(id) {
                map.0.insert(
                    rec,
                    Decided {
                        unit: d.unit.clone(),
                        due: d.due,
                        done: d.is_resolved(),
                    },
                );
            }
        }
        map
    }
}

impl Overlay for Decisions {
    fn assigned_unit(&self, rec: Rec) -> Option<&str> {
        self.for_rec(rec).and_then(|d| d.unit.as_deref())
    }
    fn decided_due(&self, rec: Rec) -> Option<NaiveDate> {
        self.for_rec(rec).and_then(|d| d.due)
    }
    fn decided_done(&self, rec: Rec) -> bool {
        self.for_rec(rec).is_some_and(ItemDecision::is_resolved)
    }
}

/// A decision as read from the journal.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DecisionRec {
    pub seq: u64,
    pub at: DateTime<FixedOffset>,
    pub item: String,
    pub old: Option<Change>,
    pub new: Change,
    pub note: Option<String>,
}

/// The replay of the journal's records: every decision, and which are in force (the undo
/// stack) or taken back and available to redo (the redo stack).
#[derive(Debug, Clone, Default)]
pub(crate) struct Log {
    pub decisions: Vec<DecisionRec>,
    by_seq: HashMap<u64, usize>,
    /// Decisions in force, in the order they were taken or restored; the last is undone first.
    pub undo_stack: Vec<u64>,
    /// Decisions undone since the last new decision; the last is redone first.
    pub redo_stack: Vec<u64>,
    /// The decisions in force (the undo stack as a set).
    active: HashSet<u64>,
    seen: HashSet<u64>,
    pub max_seq: u64,
}

impl Log {
    /// Apply one record. An error says why the record was not applied (the caller reports it
    /// with the file and line); the log is unchanged then.
    pub fn apply(&mut self, record: &Record) -> Result<(), String> {
        let Some(seq) = record.seq() else {
            return Ok(());
        };
        if self.seen.contains(&seq) {
            return Err(format!(
                "number #{seq} was already used by an earlier record"
            ));
        }
        self.max_seq = self.max_seq.max(seq);
        let at = parse_at(record.at()).ok_or_else(|| {
            format!(
                "'{}' is not a time such as 2025-06-05T09:14:03+07:00",
                record.at()
            )
        })?;
        match record {
            Record::Header { .. } | Record::MeetingStart { .. } | Record::MeetingEnd { .. } => {}
            Record::Decision {
                item,
                old,
                new,
                note,
                ..
            } => {
                self.by_seq.insert(seq, self.decisions.len());
                self.decisions.push(DecisionRec {
                    seq,
                    at,
                    item: item.clone(),
                    old: old.clone(),
                    new: new.clone(),
                    note: note.clone(),
                });
                self.undo_stack.push(seq);
                self.active.insert(seq);
                self.redo_stack.clear();
            }
            Record::Undo { undoes, .. } => {
                let Some(pos) = self.undo_stack.iter().rposition(|s| s == undoes) else {
                    return Err(if self.by_seq.contains_key(undoes) {
                        format!("undoes #{undoes}, which is not in force; ignored")
                    } else {
                        format!(
                            "undoes #{undoes}, which is not a decision of this journal; ignored"
                        )
                    });
                };
                self.undo_stack.remove(pos);
                self.active.remove(undoes);
                self.redo_stack.push(*undoes);
            }
            Record::Redo { redoes, .. } => {
                let Some(pos) = self.redo_stack.iter().rposition(|s| s == redoes) else {
                    return Err(if self.by_seq.contains_key(redoes) {
                        format!("redoes #{redoes}, which was not undone; ignored")
                    } else {
                        format!(
                            "redoes #{redoes}, which is not a decision of this journal; ignored"
                        )
                    });
                };
                self.redo_stack.remove(pos);
                self.undo_stack.push(*redoes);
                self.active.insert(*redoes);
            }
        }
        self.seen.insert(seq);
        Ok(())
    }

    pub fn decision(&self, seq: u64) -> Option<&DecisionRec> {
        self.by_seq.get(&seq).map(|&i| &self.decisions[i])
    }

    /// Whether a decision is in force.
    pub fn in_force(&self, seq: u64) -> bool {
        self.active.contains(&seq)
    }

    /// Items named by any decision.
    pub fn items(&self) -> impl Iterator<Item = &str> {
        self.decisions.iter().map(|d| d.item.as_str())
    }

    /// The decisions in force per item, oldest first.
    fn fold(&self) -> BTreeMap<String, ItemDecision> {
        let mut items: BTreeMap<String, ItemDecision> = BTreeMap::new();
        for d in self.decisions.iter().filter(|d| self.in_force(d.seq)) {
            items
                .entry(d.item.clone())
                .or_default()
                .apply(HistoryEntry {
                    seq: d.seq,
                    at: d.at,
                    change: d.new.clone(),
                    old: d.old.clone(),
                    note: d.note.clone(),
                });
        }
        items
    }

    /// The value of `field` on `item` in force (for notes: the latest note added), with the
    /// decision `skip` left out (to compute an undo's effect).
    pub fn value_with(&self, item: &str, field: Field, skip: Option<u64>) -> Option<Change> {
        self.decisions
            .iter()
            .filter(|d| d.item == item && d.new.field() == field)
            .filter(|d| self.in_force(d.seq) && Some(d.seq) != skip)
            .map(|d| d.new.clone())
            .next_back()
    }

    /// The decisions in force on the snapshot's items (decisions on items it does not have are
    /// left out: the journal reports them).
    /// `known` is the snapshot's task and blocker ids, made once when the journal opens (not
    /// again at every decision: a national snapshot has hundreds of thousands).
    pub fn build(
        &self,
        task_ids: &Arc<Vec<String>>,
        blocker_ids: &Arc<Vec<String>>,
        known: &HashSet<String>,
    ) -> Decisions {
        let mut items = self.fold();
        items.retain(|id, _| known.contains(id.as_str()));
        Decisions {
            items,
            task_ids: Arc::clone(task_ids),
            blocker_ids: Arc::clone(blocker_ids),
        }
    }
}
