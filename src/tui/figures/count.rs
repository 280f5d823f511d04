//! The counts decisions change — per unit and province, every task's status group, the open
//! blockers by cause, the scorecard's counts and the overdue view's groups — counted in one
//! pass when the console opens, then kept: a decision changes a record or a few, so each
//! record's part as the decisions before saw it is taken out of every count, and its part as
//! the decisions now see it put in (the same for undo and redo), never a pass over every task.

use std::sync::Arc;

use crate::domain::groups::{classify, Group, DEFAULT_SOON_DAYS};
use crate::domain::Cause;
use crate::query::groups::task_facts;
use crate::query::scorecard::{self, UnitCounts};
use crate::query::{Ctx, Rec};

use super::{Figures, Fixed, Overdue, Place};

fn bump(x: &mut usize, by: usize, add: bool) {
    *x = if add { *x + by } else { x.saturating_sub(by) };
}

impl Figures {
    /// The counts decisions change, from scratch, with the fixed figures worked out before.
    /// The overdue groups are made beside the counts (on the other core).
    pub fn recount(ctx: &Ctx, fixed: Arc<Fixed>) -> Figures {
        let s = ctx.snap;
        let (mut f, overdue) = std::thread::scope(|sc| {
            let overdue = sc.spawn(|| Overdue::compute(ctx));
            let mut f = Figures {
                unit: vec![(0, 0, 0); s.units.len()],
                place: vec![Place::default(); s.localities.len()],
                causes: vec![0; Cause::ALL.len() + 1],
                fixed: fixed.clone(),
                ..Figures::default()
            };
            let mut scratch = Vec::new();
            for i in 0..s.tasks.len() {
                f.count_task(&fixed, ctx, i, true, &mut scratch);
            }
            for i in 0..s.blockers.len() {
                f.count_blocker(&fixed, ctx, i, true, &mut scratch);
            }
            let overdue = overdue
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            (f, overdue)
        });
        f.overdue = overdue;
        f.counted = true;
        f
    }

    /// Whether the counts are counted (not before the console has its figures).
    pub fn counted(&self) -> bool {
        self.counted
    }

    /// After a decision (or its undo or redo): each of `recs` taken out as `before` saw it and
    /// put in as `now` sees it.
    pub fn apply(&mut self, before: &Ctx, now: &Ctx, recs: &[Rec]) {
        if !self.counted {
            return;
        }
        let fixed = self.fixed.clone();
        let mut scratch = Vec::new();
        for &rec in recs {
            match rec {
                Rec::Task(i) if i < now.snap.tasks.len() => {
                    self.count_task(&fixed, before, i, false, &mut scratch);
                    self.overdue.task(before, i, false);
                    self.count_task(&fixed, now, i, true, &mut scratch);
                    self.overdue.task(now, i, true);
                }
                Rec::Blocker(i) if i < now.snap.blockers.len() => {
                    self.count_blocker(&fixed, before, i, false, &mut scratch);
                    self.count_blocker(&fixed, now, i, true, &mut scratch);
                }
                _ => {}
            }
        }
    }

    /// The units (indexes) a record is led by or must be acted on by: the one a decision
    /// assigned it to, else those its report names.
    fn units_of<'a>(ctx: &Ctx, rec: Rec, named: &'a [u32], scratch: &'a mut Vec<u32>) -> &'a [u32] {
        match ctx.overlay.and_then(|o| o.assigned_unit(rec)) {
            Some(u) => {
                scratch.clear();
                scratch.extend(ctx.snap.index.unit.get(u).map(|&u| u as u32));
                &scratch[..]
            }
            None => named,
        }
    }

    /// Put task `i` in every count (or take it out), as `ctx` sees it.
    fn count_task(&mut self, fx: &Fixed, ctx: &Ctx, i: usize, add: bool, scratch: &mut Vec<u32>) {
        let facts = task_facts(ctx, i);
        let g = classify(&facts, ctx.as_of, DEFAULT_SOON_DAYS);
        let passed = facts.due().is_some_and(|d| d < ctx.as_of);
        let late = ctx.task_days_overdue(i);
        if add {
            self.tally.add(g, passed);
        } else {
            self.tally.remove(g, passed);
        }
        let overdue = usize::from(late.is_some());
        for &u in Figures::units_of(ctx, Rec::Task(i), fx.units_of_task(i), scratch) {
            if let Some(c) = self.unit.get_mut(u as usize) {
                bump(&mut c.0, 1, add);
                bump(&mut c.1, overdue, add);
            }
        }
        if let Some(p) = fx.task_place.get(i).copied().flatten() {
            if let Some(p) = self.place.get_mut(p as usize) {
                bump(&mut p.tasks, 1, add);
                bump(&mut p.overdue, overdue, add);
            }
        }
        let c = scorecard::task_counts(g, passed, late.unwrap_or(0));
        scorecard::count_for(&mut self.scores, &ctx.task_lead_units(i), &c, add);
    }

    /// Put blocker `i` in every count (or take it out), as `ctx` sees it.
    fn count_blocker(
        &mut self,
        fx: &Fixed,
        ctx: &Ctx,
        i: usize,
        add: bool,
        scratch: &mut Vec<u32>,
    ) {
        for &u in Figures::units_of(ctx, Rec::Blocker(i), fx.units_of_blocker(i), scratch) {
            if let Some(c) = self.unit.get_mut(u as usize) {
                bump(&mut c.2, 1, add);
            }
        }
        if let Some(p) = fx.blocker_place.get(i).copied().flatten() {
            if let Some(p) = self.place.get_mut(p as usize) {
                bump(&mut p.blockers, 1, add);
            }
        }
        if !ctx.overlay.is_some_and(|o| o.decided_done(Rec::Blocker(i))) {
            bump(&mut self.blockers_open, 1, add);
            let causes = &ctx.snap.blockers[i].causes;
            for (k, c) in Cause::ALL.iter().enumerate() {
                if let (true, Some(n)) = (causes.contains(c), self.causes.get_mut(k)) {
                    bump(n, 1, add);
                }
            }
            if let (true, Some(n)) = (causes.is_empty(), self.causes.get_mut(Cause::ALL.len())) {
                bump(n, 1, add);
            }
        }
        scorecard::count_blocker(ctx, i, &mut self.scores, add);
    }

    /// Every task in its status group, decisions included.
    pub fn tally(&self) -> &crate::domain::groups::Tally {
        &self.tally
    }

    /// How many tasks are in a status group.
    pub fn in_group(&self, g: Group) -> usize {
        self.tally.count(g)
    }

    /// Blockers no decision closed.
    pub fn blockers_open(&self) -> usize {
        self.blockers_open
    }

    /// Of the open blockers, how many give a cause (`Cause::ALL`'s order), then how many give
    /// none.
    pub fn blockers_by_cause(&self) -> &[usize] {
        &self.causes
    }

    /// The scorecard's counts of the tasks and blockers, by unit id.
    pub fn score_counts(&self) -> &UnitCounts {
        &self.scores
    }

    /// The overdue view's groups.
    pub fn overdue(&self) -> &Overdue {
        &self.overdue
    }

    /// What differs between these counts and others (the same snapshot's), said figure by
    /// figure as a chair would read it: empty when they are the same.
    pub fn differences(&self, ctx: &Ctx, other: &Figures) -> Vec<String> {
        let s = ctx.snap;
        let mut out = Vec::new();
        for (i, u) in s.units.iter().enumerate() {
            let (a, b) = (self.unit.get(i), other.unit.get(i));
            if a != b {
                out.push(format!(
                    "unit {} (led, overdue, blockers): {a:?} against {b:?}",
                    u.id
                ));
            }
        }
        for &p in &self.fixed.provinces {
            let (a, b) = (self.place.get(p), other.place.get(p));
            if a != b {
                out.push(format!(
                    "province {}: {a:?} against {b:?}",
                    s.localities[p].id
                ));
            }
        }
        if self.tally != other.tally {
            out.push(format!(
                "status groups: {:?} against {:?}",
                self.tally, other.tally
            ));
        }
        if (self.blockers_open, &self.causes) != (other.blockers_open, &other.causes) {
            out.push(format!(
                "open blockers, by cause: {} {:?} against {} {:?}",
                self.blockers_open, self.causes, other.blockers_open, other.causes
            ));
        }
        for (u, c) in &self.scores {
            if other.scores.get(u) != Some(c) {
                out.push(format!(
                    "scorecard counts of {u}: {c:?} against {:?}",
                    other.scores.get(u)
                ));
            }
        }
        for (u, c) in &other.scores {
            if !self.scores.contains_key(u) {
                out.push(format!("scorecard counts of {u}: none against {c:?}"));
            }
        }
        if self.overdue.tasks() != other.overdue.tasks() {
            out.push(format!(
                "overdue tasks: {} against {}",
                self.overdue.tasks(),
                other.overdue.tasks()
            ));
        }
        let (a, b) = (self.overdue.rows(), other.overdue.rows());
        if a != b {
            let at = a
                .iter()
                .zip(&b)
                .position(|(x, y)| x != y)
                .unwrap_or(a.len().min(b.len()));
            out.push(format!(
                "overdue view rows ({} against {}), first difference at row {at}: {:?} against {:?}",
                a.len(),
                b.len(),
                a.get(at),
                b.get(at)
            ));
        }
        out
    }
}
