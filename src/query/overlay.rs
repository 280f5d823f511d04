//! Decisions as the query language and views see them: per record, the unit assigned, the new
//! due date and whether it was closed. Built from the decision journal; plain data, so it can be
//! shared with the filter thread.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::eval::{Overlay, Rec};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Decided {
    pub unit: Option<String>,
    pub due: Option<NaiveDate>,
    pub done: bool,
}

/// The decisions per record, and the unit scorecard worked out with them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DecidedMap(
    pub HashMap<Rec, Decided>,
    pub std::sync::Arc<super::scorecard::Scorecard>,
);

impl Overlay for DecidedMap {
    fn assigned_unit(&self, rec: Rec) -> Option<&str> {
        self.0.get(&rec).and_then(|d| d.unit.as_deref())
    }
    fn decided_due(&self, rec: Rec) -> Option<NaiveDate> {
        self.0.get(&rec).and_then(|d| d.due)
    }
    fn decided_done(&self, rec: Rec) -> bool {
        self.0.get(&rec).is_some_and(|d| d.done)
    }
    fn unit_score(&self, unit: &str) -> Option<&super::scorecard::UnitScore> {
        self.1.get(unit)
    }
    fn score_formula(&self) -> Option<&super::scorecard::Formula> {
        Some(&self.1.formula)
    }
}
