//! The unit scorecard: per responsible unit, what it leads and how that stands (status groups),
//! the blockers it must act on, the conclusions assigned to it and carried out; a score from a
//! stated formula the secretariat can change (`score.ron`), a rank, and the change since the
//! previous snapshot.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::eval::{Ctx, Rec};
use super::groups::task_facts;
use crate::domain::groups::{classify, Group, DEFAULT_SOON_DAYS};

/// The score: `base` plus each count times its weight, kept within `min`..=`max`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Formula {
    pub base: f64,
    pub per_done_on_time: f64,
    pub per_done_late: f64,
    pub per_overdue: f64,
    pub per_day_late: f64,
    pub per_blocker_open: f64,
    pub per_conclusion_open: f64,
    pub per_conclusion_done: f64,
    pub min: f64,
    pub max: f64,
}

impl Default for Formula {
    fn default() -> Formula {
        Formula {
            base: 100.0,
            per_done_on_time: 0.0,
            per_done_late: -2.0,
            per_overdue: -5.0,
            per_day_late: -0.1,
            per_blocker_open: -1.0,
            per_conclusion_open: -3.0,
            per_conclusion_done: 1.0,
            min: 0.0,
            max: 100.0,
        }
    }
}

/// What the score is computed from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Tasks it leads (decisions included).
    pub led: usize,
    /// Of those, already due at the as-of date (the base of the overdue rate).
    pub due: usize,
    pub done_on_time: usize,
    pub done_late: usize,
    pub done_undated: usize,
    pub overdue: usize,
    /// Days late, summed over its overdue tasks.
    pub days_late: i64,
    pub blockers_open: usize,
    /// Conclusions of the meetings on items it is responsible for, and how many are done.
    pub conclusions: usize,
    pub conclusions_done: usize,
}

fn num(x: f64, vi: bool) -> String {
    let s = if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x}")
    };
    if vi {
        s.replace('.', ",")
    } else {
        s
    }
}

impl Formula {
    pub fn score(&self, c: &Counts) -> f64 {
        let open = c.conclusions.saturating_sub(c.conclusions_done);
        let s = self.base
            + self.per_done_on_time * c.done_on_time as f64
            + self.per_done_late * c.done_late as f64
            + self.per_overdue * c.overdue as f64
            + self.per_day_late * c.days_late as f64
            + self.per_blocker_open * c.blockers_open as f64
            + self.per_conclusion_open * open as f64
            + self.per_conclusion_done * c.conclusions_done as f64;
        let s = s.clamp(self.min.min(self.max), self.max.max(self.min));
        (s * 10.0).round() / 10.0
    }

    /// The formula as the help and the README write it, with its current weights.
    pub fn describe(&self, vi: bool) -> String {
        let terms: [(f64, &str, &str); 7] = [
            (self.per_done_on_time, "hoàn thành đúng hạn", "done on time"),
            (self.per_done_late, "hoàn thành quá hạn", "done late"),
            (self.per_overdue, "quá hạn", "overdue"),
            (
                self.per_day_late,
                "ngày trễ (cộng dồn)",
                "days late (summed)",
            ),
            (self.per_blocker_open, "vướng mắc còn mở", "open blockers"),
            (
                self.per_conclusion_open,
                "kết luận chưa thực hiện",
                "conclusions not carried out",
            ),
            (
                self.per_conclusion_done,
                "kết luận đã thực hiện",
                "conclusions carried out",
            ),
        ];
        let mut out = format!(
            "{} = {}",
            if vi { "Điểm" } else { "Score" },
            num(self.base, vi)
        );
        for (w, v, e) in terms {
            if w == 0.0 {
                continue;
            }
            let sign = if w < 0.0 { "−" } else { "+" };
            out.push_str(&format!(
                " {sign} {}×{}",
                num(w.abs(), vi),
                if vi { v } else { e }
            ));
        }
        out.push_str(&if vi {
            format!(", trong khoảng {}–{}", num(self.min, vi), num(self.max, vi))
        } else {
            format!(", kept within {}–{}", num(self.min, vi), num(self.max, vi))
        });
        out
    }

    /// Read a formula file; what it does not name keeps its default. Errors name the file,
    /// line and column.
    pub fn load(path: &Path) -> Result<Formula, String> {
        let name = path.display().to_string();
        let text = crate::store::files::read_text(path).map_err(|e| format!("{name}: {e}"))?;
        crate::store::parse::parse_ron::<Formula>(&name, &text)
            .map(|(f, _)| f)
            .map_err(|d| d.to_string())
    }
}

/// One unit's line of the scorecard.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitScore {
    pub unit: String,
    pub counts: Counts,
    pub score: f64,
    /// 1 is the best; units with the same score share a rank.
    pub rank: usize,
    /// In the previous snapshot, when the unit was scored there.
    pub previous_score: Option<f64>,
    pub previous_rank: Option<usize>,
    /// Compared with a previous snapshot (where the unit may have had no score: new).
    pub compared: bool,
}

impl UnitScore {
    pub fn score_change(&self) -> Option<f64> {
        self.previous_score
            .map(|p| ((self.score - p) * 10.0).round() / 10.0)
    }
    /// Places gained (positive) or lost since the previous snapshot.
    pub fn rank_change(&self) -> Option<i64> {
        self.previous_rank.map(|p| p as i64 - self.rank as i64)
    }
}

/// Every unit with something to answer for, ranked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scorecard {
    pub rows: Vec<UnitScore>,
    pub formula: Formula,
    by_unit: HashMap<String, usize>,
}

impl Scorecard {
    pub fn get(&self, unit: &str) -> Option<&UnitScore> {
        self.by_unit.get(unit).map(|&i| &self.rows[i])
    }

    /// Take the previous snapshot's scores and ranks, unit by unit.
    pub fn compare_with(&mut self, previous: &Scorecard) {
        for r in &mut self.rows {
            r.compared = true;
            if let Some(p) = previous.get(&r.unit) {
                r.previous_score = Some(p.score);
                r.previous_rank = Some(p.rank);
            }
        }
    }
}

/// A conclusion of a meeting: the item it was recorded on, and whether it was carried out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conclusion {
    pub item: String,
    pub done: bool,
}

/// The counts of the tasks and blockers per unit id as the records spell it (decisions
/// included), before the conclusions: what a decision changes a record at a time.
pub type UnitCounts = BTreeMap<String, Counts>;

impl Counts {
    /// Put another's counts in, or take them out.
    fn add(&mut self, o: &Counts, add: bool) {
        let f = |x: &mut usize, y: usize| {
            *x = if add { *x + y } else { x.saturating_sub(y) };
        };
        f(&mut self.led, o.led);
        f(&mut self.due, o.due);
        f(&mut self.done_on_time, o.done_on_time);
        f(&mut self.done_late, o.done_late);
        f(&mut self.done_undated, o.done_undated);
        f(&mut self.overdue, o.overdue);
        f(&mut self.blockers_open, o.blockers_open);
        f(&mut self.conclusions, o.conclusions);
        f(&mut self.conclusions_done, o.conclusions_done);
        self.days_late += if add { o.days_late } else { -o.days_late };
    }

    /// Nothing to answer for: no task led, no blocker open, no conclusion (a unit counted
    /// from scratch always has one of these).
    fn is_empty(&self) -> bool {
        self.led == 0 && self.blockers_open == 0 && self.conclusions == 0
    }
}

/// What one task adds to the counts of each unit that leads it, from its status group, whether
/// its due date has passed and its days late.
pub fn task_counts(g: Group, due_passed: bool, days_late: i64) -> Counts {
    let mut c = Counts {
        led: 1,
        ..Counts::default()
    };
    if due_passed && (g.is_done() || g == Group::Overdue) {
        c.due = 1;
    }
    match g {
        Group::DoneOnTime => c.done_on_time = 1,
        Group::DoneLate => c.done_late = 1,
        Group::DoneUndated => c.done_undated = 1,
        Group::Overdue => {
            c.overdue = 1;
            c.days_late = days_late;
        }
        _ => {}
    }
    c
}

/// Put `c` into (or take it out of) the counts of each of `units`; a unit left with nothing
/// to answer for leaves the scorecard, as it would counted from scratch.
pub fn count_for(counts: &mut UnitCounts, units: &[&str], c: &Counts, add: bool) {
    for &u in units {
        match counts.get_mut(u) {
            Some(e) => {
                e.add(c, add);
                if e.is_empty() {
                    counts.remove(u);
                }
            }
            None if add => {
                counts.insert(u.to_string(), *c);
            }
            None => {}
        }
    }
}

/// Put task `i` into the counts (or take it out), as `ctx` sees it.
pub fn count_task(ctx: &Ctx, i: usize, counts: &mut UnitCounts, add: bool) {
    let facts = task_facts(ctx, i);
    let g = classify(&facts, ctx.as_of, DEFAULT_SOON_DAYS);
    let due_passed = facts.due().is_some_and(|d| d < ctx.as_of);
    let late = ctx.task_days_overdue(i).unwrap_or(0);
    count_for(
        counts,
        &ctx.task_lead_units(i),
        &task_counts(g, due_passed, late),
        add,
    );
}

/// Put blocker `i` into the counts (or take it out): open, it counts for each unit that must
/// act on it; closed by a decision, for none.
pub fn count_blocker(ctx: &Ctx, i: usize, counts: &mut UnitCounts, add: bool) {
    if ctx.overlay.is_some_and(|o| o.decided_done(Rec::Blocker(i))) {
        return;
    }
    let c = Counts {
        blockers_open: 1,
        ..Counts::default()
    };
    count_for(counts, &ctx.blocker_units(i), &c, add);
}

/// The counts of every task and blocker of `ctx`.
pub fn unit_counts(ctx: &Ctx) -> UnitCounts {
    let mut counts = UnitCounts::new();
    for i in 0..ctx.snap.tasks.len() {
        count_task(ctx, i, &mut counts, true);
    }
    for i in 0..ctx.snap.blockers.len() {
        count_blocker(ctx, i, &mut counts, true);
    }
    counts
}

/// The scorecard of the snapshot in `ctx` (decisions included), with the meetings'
/// conclusions counted for the unit responsible for their item.
pub fn compute(ctx: &Ctx, conclusions: &[Conclusion], formula: &Formula) -> Scorecard {
    finish(ctx, &unit_counts(ctx), conclusions, formula)
}

/// The scorecard from the counts of the tasks and blockers (`unit_counts`, or kept since), with
/// the meetings' conclusions counted for the unit responsible for their item: scores and ranks.
pub fn finish(
    ctx: &Ctx,
    counts: &UnitCounts,
    conclusions: &[Conclusion],
    formula: &Formula,
) -> Scorecard {
    let s = ctx.snap;
    let mut counts = counts.clone();
    for c in conclusions {
        let units = if let Some(i) = s.task_index(&c.item) {
            ctx.task_lead_units(i)
        } else if let Some(i) = s.blocker_index(&c.item) {
            ctx.blocker_units(i)
        } else {
            Vec::new()
        };
        let one = Counts {
            conclusions: 1,
            conclusions_done: usize::from(c.done),
            ..Counts::default()
        };
        count_for(&mut counts, &units, &one, true);
    }
    let mut rows: Vec<UnitScore> = counts
        .into_iter()
        .map(|(unit, counts)| UnitScore {
            score: formula.score(&counts),
            unit,
            counts,
            rank: 0,
            previous_score: None,
            previous_rank: None,
            compared: false,
        })
        .collect();
    rows.sort_by(|a, b| {
        b.score
            .partial_cmp(&a.score)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| a.unit.cmp(&b.unit))
    });
    for i in 0..rows.len() {
        rows[i].rank = if i > 0 && rows[i].score == rows[i - 1].score {
            rows[i - 1].rank
        } else {
            i + 1
        };
    }
    let by_unit = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.unit.clone(), i))
        .collect();
    Scorecard {
        rows,
        formula: formula.clone(),
        by_unit,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worked_example_of_the_readme() {
        // A unit leads 10 tasks: 2 done on time, 1 done late, 3 overdue (45 days late in all);
        // 2 blockers open; 2 conclusions, 1 carried out.
        let c = Counts {
            led: 10,
            due: 6,
            done_on_time: 2,
            done_late: 1,
            done_undated: 0,
            overdue: 3,
            days_late: 45,
            blockers_open: 2,
            conclusions: 2,
            conclusions_done: 1,
        };
        // 100 − 2×1 − 5×3 − 0,1×45 − 1×2 − 3×1 + 1×1 = 74,5
        assert_eq!(Formula::default().score(&c), 74.5);
        assert_eq!(
            Formula::default().describe(true),
            "Điểm = 100 − 2×hoàn thành quá hạn − 5×quá hạn − 0,1×ngày trễ (cộng dồn) − \
             1×vướng mắc còn mở − 3×kết luận chưa thực hiện + 1×kết luận đã thực hiện, \
             trong khoảng 0–100"
        );
        // Far behind: kept at the minimum.
        let worse = Counts {
            overdue: 30,
            days_late: 900,
            ..c
        };
        assert_eq!(Formula::default().score(&worse), 0.0);
        // The secretariat's own weights.
        let f: Formula = ron::from_str("(per_overdue: -10, per_day_late: 0)").unwrap();
        assert_eq!(f.score(&c), 100.0 - 2.0 - 30.0 - 2.0 - 3.0 + 1.0);
    }
}
