//! The console's counts — per unit (tasks led, overdue, blockers), per province of 2024
//! (models deployed, tasks, overdue, blockers, latest report) — worked out in one pass over
//! the records when the console opens and after each decision, never per row drawn.

use crate::domain::LocalityLevel;
use crate::query::Ctx;

use super::rows::LocalityFigures;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Place {
    tasks: usize,
    overdue: usize,
    blockers: usize,
    /// The report with the newest date about the province.
    latest: Option<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct Figures {
    /// By unit index: tasks led, of which overdue, blockers it must act on.
    unit: Vec<(usize, usize, usize)>,
    /// By locality index (provinces only are filled).
    place: Vec<Place>,
    /// By model index: the provinces (locality indexes) some source lists it deployed in.
    model_places: Vec<Vec<usize>>,
    /// By model index: its coverage (`Snapshot::model_coverage`) and the national report's
    /// printed count.
    model_coverage: Vec<((usize, bool), String)>,
}

impl Figures {
    pub fn compute(ctx: &Ctx) -> Figures {
        let s = ctx.snap;
        let ix = &s.index;
        let mut f = Figures {
            unit: vec![(0, 0, 0); s.units.len()],
            place: vec![Place::default(); s.localities.len()],
            model_places: vec![Vec::new(); s.models.len()],
            model_coverage: s
                .models
                .iter()
                .map(|m| {
                    let printed = s
                        .national_assessment(m.number)
                        .and_then(|a| a.printed_count.as_ref().map(|p| p.to_string()))
                        .unwrap_or_default();
                    (s.model_coverage(m.number), printed)
                })
                .collect(),
        };
        // The province (locality index) of a locality id, memoised per locality.
        let province: Vec<Option<usize>> = s
            .localities
            .iter()
            .map(|l| {
                s.province_of(&l.id)
                    .and_then(|p| ix.locality.get(p).copied())
            })
            .collect();
        let province_of = |id: &str| ix.locality.get(id).and_then(|&i| province[i]);
        let report_place: Vec<Option<usize>> = s
            .reports
            .iter()
            .map(|r| r.locality.as_deref().and_then(province_of))
            .collect();
        let place_of = |own: Option<&str>, report: &str| match own {
            Some(l) => province_of(l),
            None => ix.report.get(report).and_then(|&r| report_place[r]),
        };

        let mut seen: Vec<usize> = Vec::new();
        for (i, t) in s.tasks.iter().enumerate() {
            let late = ctx.task_days_overdue(i).is_some();
            seen.clear();
            for u in ctx.task_lead_units(i) {
                if let Some(&ui) = ix.unit.get(u) {
                    if !seen.contains(&ui) {
                        seen.push(ui);
                        f.unit[ui].0 += 1;
                        f.unit[ui].1 += usize::from(late);
                    }
                }
            }
            if let Some(p) = place_of(t.locality.as_deref(), &t.report) {
                f.place[p].tasks += 1;
                f.place[p].overdue += usize::from(late);
            }
        }
        for (i, b) in s.blockers.iter().enumerate() {
            seen.clear();
            for u in ctx.blocker_units(i) {
                if let Some(&ui) = ix.unit.get(u) {
                    if !seen.contains(&ui) {
                        seen.push(ui);
                        f.unit[ui].2 += 1;
                    }
                }
            }
            if let Some(p) = place_of(b.locality.as_deref(), &b.report) {
                f.place[p].blockers += 1;
            }
        }
        for (ri, p) in report_place.iter().enumerate() {
            if let Some(p) = *p {
                let newer = match f.place[p].latest {
                    None => true,
                    // The last of equal dates, as `max_by_key` keeps.
                    Some(cur) => (s.reports[ri].date, ri) > (s.reports[cur].date, cur),
                };
                if newer {
                    f.place[p].latest = Some(ri);
                }
            }
        }
        // What the snapshot says each model is deployed in (its own rule), once per model.
        for (mi, m) in s.models.iter().enumerate() {
            f.model_places[mi] = s
                .model_localities(m.number)
                .iter()
                .filter_map(|p| ix.locality.get(p.as_str()).copied())
                .collect();
        }
        f
    }

    /// A model's coverage (provinces, whether the national report's printed count) and the
    /// count that report printed, by model index.
    pub fn model(&self, i: usize) -> ((usize, bool), &str) {
        self.model_coverage
            .get(i)
            .map(|(c, p)| (*c, p.as_str()))
            .unwrap_or(((0, false), ""))
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
            models: self
                .model_places
                .iter()
                .filter(|ps| ps.iter().any(|p| idx.contains(p)))
                .count(),
            tasks: 0,
            overdue: 0,
            blockers: 0,
            latest_report: None,
        };
        let mut latest: Option<usize> = None;
        for &i in &idx {
            let p = &self.place[i];
            out.tasks += p.tasks;
            out.overdue += p.overdue;
            out.blockers += p.blockers;
            if let Some(r) = p.latest {
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
mod tests {
    use super::*;
    use crate::tui::rows;

    /// One pass gives what counting each unit and province over every record gives.
    #[test]
    fn one_pass_counts_are_the_per_row_counts() {
        let loaded = crate::store::load_embedded().expect("shipped");
        let s = &loaded.snapshot;
        let ctx = Ctx {
            snap: s,
            findings: &loaded.findings,
            as_of: s.as_of.unwrap(),
            overlay: None,
        };
        let f = Figures::compute(&ctx);
        let mut nonzero = 0;
        for u in &s.units {
            let c = rows::unit_counts(&ctx, &u.id);
            assert_eq!(f.unit_counts(&ctx, &u.id), c, "{}", u.id);
            nonzero += usize::from(c.0 > 0);
        }
        assert!(nonzero > 3);
        for (i, m) in s.models.iter().enumerate() {
            assert_eq!(
                f.model(i).0,
                s.model_coverage(m.number),
                "model {}",
                m.number
            );
        }
        let mut groups: Vec<Vec<&str>> = s
            .localities
            .iter()
            .filter(|l| l.level == LocalityLevel::Province)
            .map(|l| vec![l.id.as_str()])
            .collect();
        groups.extend(s.today.iter().map(|t| {
            s.absorbed_by(&t.id)
                .iter()
                .map(|l| l.id.as_str())
                .collect::<Vec<_>>()
        }));
        for g in groups {
            let a = f.locality(&ctx, &g);
            let b = rows::locality_figures(&ctx, &g);
            assert_eq!(
                (a.models, a.tasks, a.overdue, a.blockers, &a.latest_report),
                (b.models, b.tasks, b.overdue, b.blockers, &b.latest_report),
                "{g:?}"
            );
        }
    }
}
