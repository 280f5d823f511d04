//! The unit scorecard as the units view shows it: worked out again whenever the decisions
//! change, compared with the previous snapshot's when there is one.

use std::sync::Arc;

use super::App;
use crate::query::scorecard::{self, Conclusion, Formula, Scorecard};
use crate::query::Ctx;
use crate::store::Loaded;
use crate::tui::figures::Figures;

impl App {
    /// The meetings' conclusions, each with whether its item was carried out (resolved).
    pub fn conclusions(&self) -> Vec<Conclusion> {
        let mut out: Vec<Conclusion> = self
            .items
            .iter()
            .filter(|(_, d)| d.conclusion.is_some())
            .map(|(id, d)| Conclusion {
                item: id.clone(),
                done: d.resolved,
            })
            .collect();
        out.sort_by(|a, b| a.item.cmp(&b.item));
        out
    }

    /// Work the scorecard out again (with the decisions in force) from the counts kept, and
    /// hand it to the lists.
    pub(super) fn refresh_scores(&mut self) {
        let sc = self.scorecard_with(&self.figures);
        Arc::make_mut(&mut self.decided).1 = Arc::new(sc);
    }

    /// The scorecard with the decisions in force, from these counts (from scratch when they
    /// are not counted yet), beside the previous snapshot's.
    pub(super) fn scorecard_with(&self, figures: &Figures) -> Scorecard {
        let ctx = self.ctx();
        let conclusions = self.conclusions();
        let mut sc = if figures.counted() {
            scorecard::finish(&ctx, figures.score_counts(), &conclusions, &self.formula)
        } else {
            scorecard::compute(&ctx, &conclusions, &self.formula)
        };
        if let Some(p) = &self.previous_scores {
            sc.compare_with(p);
        }
        sc
    }

    /// Use another formula (from `score.ron`).
    pub fn set_formula(&mut self, formula: Formula) {
        self.formula = formula;
        if let Some(prev) = self.previous.clone() {
            self.previous_scores = Some(previous_scorecard(&prev, &self.formula));
        }
        self.rebuild_lists();
    }

    /// The snapshot before this one: the scorecard shows each unit's change since then.
    pub fn attach_previous(&mut self, previous: Arc<Loaded>) {
        self.previous_scores = Some(previous_scorecard(&previous, &self.formula));
        self.previous = Some(previous);
        self.rebuild_lists();
    }
}

/// The previous snapshot's scorecard, at its own date, from its reports alone (the journal's
/// decisions are about this snapshot's records).
pub(super) fn previous_scorecard(prev: &Loaded, formula: &Formula) -> Scorecard {
    let ctx = Ctx {
        snap: &prev.snapshot,
        findings: &prev.findings,
        as_of: prev.snapshot.as_of.unwrap_or(chrono::NaiveDate::MIN),
        overlay: None,
    };
    scorecard::compute(&ctx, &[], formula)
}
