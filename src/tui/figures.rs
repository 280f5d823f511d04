//! The console's counts — per unit (tasks led, overdue, blockers), per province of 2024
//! (models deployed, tasks, overdue, blockers, latest report), per national model (where the
//! sources say it is deployed, its coverage, its assessments) — worked out in passes over the
//! records, never per row or per frame drawn. What decisions can change (who leads a task,
//! whether it is overdue) is counted again after each decision; what they cannot (the models,
//! the provinces, the reports) is worked out once, when the console opens (`Fixed`).

use std::sync::Arc;

use crate::domain::LocalityLevel;
use crate::query::Ctx;

use super::rows::LocalityFigures;
use crate::domain::groups::Tally;
use crate::query::scorecard::UnitCounts;

mod count;
mod overdue;
pub use overdue::Overdue;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Place {
    tasks: usize,
    overdue: usize,
    blockers: usize,
}

/// What the sources say of one national model.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Model {
    /// The provinces (locality indexes) some source lists it deployed in, in the order
    /// `Snapshot::model_localities` names them.
    pub places: Vec<usize>,
    /// As `Snapshot::model_coverage`: how many provinces, and whether that is the national
    /// report's printed count (it names none).
    pub coverage: (usize, bool),
    /// The count the national report printed ("" when it printed none).
    pub printed: String,
    /// The national appendix's assessment of it (`Snapshot::national_assessment`), by index.
    pub national: Option<usize>,
    /// Its assessments by index, in the snapshot's order.
    pub assessments: Vec<usize>,
}

/// The figures no decision changes, worked out once per snapshot.
#[derive(Debug, Clone, Default)]
pub struct Fixed {
    /// Worked out (the default is empty, before the console has its figures).
    pub ready: bool,
    /// By task index: the province it is about (its own locality, else its report's).
    task_place: Vec<Option<u32>>,
    /// By task index: the units the report names as leading it (unit indexes, each once), in
    /// `task_units[task_unit_at[i]..task_unit_at[i + 1]]`.
    task_units: Vec<u32>,
    task_unit_at: Vec<u32>,
    /// The same for blockers: the province, and the units that must act on them.
    blocker_place: Vec<Option<u32>>,
    blocker_units: Vec<u32>,
    blocker_unit_at: Vec<u32>,
    /// The provinces of 2024 (locality indexes), in the snapshot's order.
    pub provinces: Vec<usize>,
    /// By province of today (index): the provinces of 2024 it absorbed (locality indexes).
    pub absorbed: Vec<Vec<usize>>,
    /// By locality index (provinces only are filled): the report with the newest date about it.
    latest: Vec<Option<usize>>,
    /// By model index.
    pub models: Vec<Model>,
    /// How many of the findings are notes on how a source was read (not disagreements).
    pub extraction_notes: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Figures {
    /// By unit index: tasks led, of which overdue, blockers it must act on.
    unit: Vec<(usize, usize, usize)>,
    /// By locality index (provinces only are filled).
    place: Vec<Place>,
    /// Every task in its status group (the overview's counts).
    tally: Tally,
    /// Blockers no decision closed, and of those how many give each cause (`Cause::ALL`'s
    /// order, then those that give none).
    blockers_open: usize,
    causes: Vec<usize>,
    /// The scorecard's counts of tasks and blockers, by unit id.
    scores: UnitCounts,
    /// The overdue view's groups.
    overdue: Overdue,
    /// The counts above are counted (the default is not, before the console has its figures).
    counted: bool,
    pub fixed: Arc<Fixed>,
}

impl Fixed {
    fn units_of_task(&self, i: usize) -> &[u32] {
        range(&self.task_units, &self.task_unit_at, i)
    }
    fn units_of_blocker(&self, i: usize) -> &[u32] {
        range(&self.blocker_units, &self.blocker_unit_at, i)
    }

    pub fn compute(s: &crate::snapshot::Snapshot, findings: &[crate::store::Finding]) -> Fixed {
        let ix = &s.index;
        // The province (locality index) of each locality, once per locality.
        let province: Vec<Option<usize>> = s
            .localities
            .iter()
            .map(|l| {
                s.province_of(&l.id)
                    .and_then(|p| ix.locality.get(p).copied())
            })
            .collect();
        // The models (which read every assessment's text) are worked out beside the records'
        // places and units, rather than after them.
        std::thread::scope(|sc| {
            let models = sc.spawn(|| models(s, &province));
            let mut fixed = Fixed::records(s, &province, findings);
            fixed.models = models
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            fixed
        })
    }

    /// All but the models: each task's and blocker's province and units, the provinces, what
    /// each province of today absorbed, the newest report of each province.
    fn records(
        s: &crate::snapshot::Snapshot,
        province: &[Option<usize>],
        findings: &[crate::store::Finding],
    ) -> Fixed {
        let ix = &s.index;
        let province_of = |id: &str| ix.locality.get(id).and_then(|&i| province[i]);
        let report_place: Vec<Option<usize>> = s
            .reports
            .iter()
            .map(|r| r.locality.as_deref().and_then(province_of))
            .collect();
        let place_of = |own: Option<&str>, report: &str| {
            match own {
                Some(l) => province_of(l),
                None => ix.report.get(report).and_then(|&r| report_place[r]),
            }
            .map(|p| p as u32)
        };
        let task_place = s
            .tasks
            .iter()
            .map(|t| place_of(t.locality.as_deref(), &t.report))
            .collect();
        let blocker_place = s
            .blockers
            .iter()
            .map(|b| place_of(b.locality.as_deref(), &b.report))
            .collect();
        let (task_units, task_unit_at) =
            unit_lists(s, s.tasks.iter().map(|t| t.lead_units.as_slice()));
        let (blocker_units, blocker_unit_at) =
            unit_lists(s, s.blockers.iter().map(|b| b.responsible.as_slice()));
        let mut latest: Vec<Option<usize>> = vec![None; s.localities.len()];
        for (ri, p) in report_place.iter().enumerate() {
            if let Some(p) = *p {
                // The last of equal dates, as `Snapshot::latest_report_of` (`max_by_key`) keeps.
                if latest[p].is_none_or(|cur| (s.reports[ri].date, ri) > (s.reports[cur].date, cur))
                {
                    latest[p] = Some(ri);
                }
            }
        }
        let provinces: Vec<usize> = (0..s.localities.len())
            .filter(|&i| s.localities[i].level == LocalityLevel::Province)
            .collect();
        let absorbed = s
            .today
            .iter()
            .map(|t| {
                provinces
                    .iter()
                    .copied()
                    .filter(|&i| s.localities[i].today.as_deref() == Some(t.id.as_str()))
                    .collect()
            })
            .collect();
        Fixed {
            ready: true,
            task_place,
            task_units,
            task_unit_at,
            blocker_place,
            blocker_units,
            blocker_unit_at,
            provinces,
            absorbed,
            latest,
            models: Vec::new(),
            extraction_notes: findings.iter().filter(|f| f.kind == "extraction").count(),
        }
    }
}

fn in_places(places: &[Option<u32>], provinces: &[usize]) -> Vec<usize> {
    (0..places.len())
        .filter(|&i| places[i].is_some_and(|p| provinces.contains(&(p as usize))))
        .collect()
}

fn range<'a>(all: &'a [u32], at: &[u32], i: usize) -> &'a [u32] {
    match (at.get(i), at.get(i + 1)) {
        (Some(&a), Some(&b)) => all.get(a as usize..b as usize).unwrap_or(&[]),
        _ => &[],
    }
}

/// Each record's units as unit indexes (an id no unit has is left out; each unit once), all in
/// one vector, and where each record's start.
fn unit_lists<'a, Id: AsRef<str> + 'a>(
    s: &crate::snapshot::Snapshot,
    records: impl Iterator<Item = &'a [Id]>,
) -> (Vec<u32>, Vec<u32>) {
    let mut units = Vec::new();
    let mut at = vec![0u32];
    for ids in records {
        let start = units.len();
        for id in ids {
            if let Some(&u) = s.index.unit.get(id.as_ref()) {
                let u = u as u32;
                if !units[start..].contains(&u) {
                    units.push(u);
                }
            }
        }
        at.push(units.len() as u32);
    }
    (units, at)
}

/// Whether each assessment says its province has not deployed its model
/// (`Assessment::says_not_deployed`), for the assessments of a model. Reading that takes the
/// whole of the texts, folded: both halves of the assessments are read at once, one on each core.
fn not_deployed(s: &crate::snapshot::Snapshot) -> Vec<bool> {
    let says = |part: &[crate::domain::Assessment]| -> Vec<bool> {
        part.iter()
            .map(|a| a.model.is_some() && a.says_not_deployed())
            .collect()
    };
    let (first, second) = s.assessments.split_at(s.assessments.len() / 2);
    std::thread::scope(|sc| {
        let later = sc.spawn(|| says(second));
        let mut out = says(first);
        out.extend(
            later
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e)),
        );
        out
    })
}

/// Every model's figures in one pass over the assessments. `Snapshot::model_localities` is the
/// rule (a province whose own report says it has not deployed the model is not counted, whatever
/// another source lists); here it is applied to each model's own assessments, with the province
/// of each locality looked up once, instead of going over every assessment for each model.
fn models(s: &crate::snapshot::Snapshot, province: &[Option<usize>]) -> Vec<Model> {
    let ix = &s.index;
    let province_of = |id: &str| ix.locality.get(id).and_then(|&i| province[i]);
    // The assessments of each model number, in order, and whether each says "not deployed".
    let not = not_deployed(s);
    let mut of_number: std::collections::HashMap<u32, Vec<(usize, bool)>> = Default::default();
    for (ai, a) in s.assessments.iter().enumerate() {
        if let Some(n) = a.model {
            of_number.entry(n).or_default().push((ai, not[ai]));
        }
    }
    let none = Vec::new();
    // Marks by locality index, reset after each model.
    let mut denied = vec![false; s.localities.len()];
    let mut listed = vec![false; s.localities.len()];
    s.models
        .iter()
        .map(|m| {
            let of_model = of_number.get(&m.number).unwrap_or(&none);
            let mut denied_at = Vec::new();
            for &(ai, not) in of_model {
                if let Some(p) = s.assessments[ai].locality.as_deref().and_then(province_of) {
                    if not && !denied[p] {
                        denied[p] = true;
                        denied_at.push(p);
                    }
                }
            }
            let mut places: Vec<usize> = Vec::new();
            for &(ai, _) in of_model.iter().filter(|(_, not)| !not) {
                let a = &s.assessments[ai];
                for l in a.localities.iter().chain(a.locality.iter()) {
                    if let Some(p) = province_of(l) {
                        if !denied[p] && !listed[p] {
                            listed[p] = true;
                            places.push(p);
                        }
                    }
                }
            }
            for &p in &denied_at {
                denied[p] = false;
            }
            for &p in &places {
                listed[p] = false;
            }
            let national = of_model
                .iter()
                .map(|&(ai, _)| ai)
                .find(|&ai| s.assessments[ai].locality.is_none());
            let printed = national.and_then(|ai| s.assessments[ai].printed_count.as_deref());
            // As `Snapshot::model_coverage`: the printed count when the national report names
            // no provinces, else the provinces the sources name.
            let coverage = match national.map(|ai| &s.assessments[ai]) {
                Some(a) if a.localities.is_empty() => printed
                    .and_then(crate::store::reconcile::parse_count)
                    .map(|n| (n as usize, true))
                    .unwrap_or((places.len(), false)),
                _ => (places.len(), false),
            };
            Model {
                coverage,
                printed: printed.unwrap_or_default().to_string(),
                national,
                assessments: of_model.iter().map(|&(ai, _)| ai).collect(),
                places,
            }
        })
        .collect()
}

impl Figures {
    /// All the figures, the fixed ones included.
    pub fn compute(ctx: &Ctx) -> Figures {
        Figures::recount(ctx, Arc::new(Fixed::compute(ctx.snap, ctx.findings)))
    }

    /// The fixed figures alone, before anything is counted.
    pub fn with_fixed(fixed: Fixed) -> Figures {
        Figures {
            fixed: Arc::new(fixed),
            ..Figures::default()
        }
    }

    /// A model's coverage (provinces, whether the national report's printed count) and the
    /// count that report printed, by model index.
    pub fn model(&self, i: usize) -> ((usize, bool), &str) {
        self.fixed
            .models
            .get(i)
            .map(|m| (m.coverage, m.printed.as_str()))
            .unwrap_or(((0, false), ""))
    }

    /// A model's figures, by model index.
    pub fn model_figures(&self, i: usize) -> Option<&Model> {
        self.fixed.models.get(i)
    }

    /// How many provinces of 2024 there are.
    pub fn province_count(&self) -> usize {
        self.fixed.provinces.len()
    }

    /// The newest report about a province (locality index), as `Snapshot::latest_report_of`.
    pub fn latest_report(&self, province: usize) -> Option<usize> {
        self.fixed.latest.get(province).copied().flatten()
    }

    /// The provinces of 2024 a province of today absorbed (locality indexes).
    pub fn absorbed(&self, today: usize) -> &[usize] {
        self.fixed.absorbed.get(today).map_or(&[], Vec::as_slice)
    }

    /// Models some source lists as deployed in any of these provinces (locality indexes), by
    /// index, as `Snapshot::models_deployed_in`.
    pub fn models_deployed_in(&self, provinces: &[usize]) -> Vec<usize> {
        (0..self.fixed.models.len())
            .filter(|&m| {
                self.fixed.models[m]
                    .places
                    .iter()
                    .any(|p| provinces.contains(p))
            })
            .collect()
    }

    /// Tasks about any of these provinces (locality indexes), by index, as
    /// `Snapshot::tasks_in`.
    pub fn tasks_in(&self, provinces: &[usize]) -> Vec<usize> {
        in_places(&self.fixed.task_place, provinces)
    }

    /// Blockers about any of these provinces, by index, as `Snapshot::blockers_in`.
    pub fn blockers_in(&self, provinces: &[usize]) -> Vec<usize> {
        in_places(&self.fixed.blocker_place, provinces)
    }

    /// Tasks a unit leads, of which overdue, and blockers it must act on.
    pub fn unit_counts(&self, ctx: &Ctx, unit: &str) -> (usize, usize, usize) {
        ctx.snap
            .index
            .unit
            .get(unit)
            .and_then(|&i| self.unit.get(i).copied())
            .unwrap_or_default()
    }

    /// The figures of one or more provinces of 2024 (the provinces a province of today
    /// absorbed), by id.
    pub fn locality(&self, ctx: &Ctx, provinces: &[&str]) -> LocalityFigures {
        let s = ctx.snap;
        let idx: Vec<usize> = provinces
            .iter()
            .filter_map(|p| s.index.locality.get(*p).copied())
            .filter(|&i| s.localities[i].level == LocalityLevel::Province)
            .collect();
        let mut out = LocalityFigures {
            models: self.models_deployed_in(&idx).len(),
            tasks: 0,
            overdue: 0,
            blockers: 0,
            latest_report: None,
        };
        let mut latest: Option<usize> = None;
        for &i in &idx {
            let Some(p) = self.place.get(i) else {
                continue;
            };
            out.tasks += p.tasks;
            out.overdue += p.overdue;
            out.blockers += p.blockers;
            if let Some(r) = self.latest_report(i) {
                if latest.is_none_or(|cur| (s.reports[r].date, r) > (s.reports[cur].date, cur)) {
                    latest = Some(r);
                }
            }
        }
        out.latest_report = latest.map(|r| (s.reports[r].short.to_string(), s.reports[r].date));
        out
    }
}

#[cfg(test)]
mod tests;
