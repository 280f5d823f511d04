//! The records of a generated report, each made from real records of the shipped snapshot:
//! a task's title from one, its result from another, its lead from a third (moved to the
//! report's province), its deadline and status as some report spells them.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use crate::domain::{
    Assessment, Blocker, Claim, CompactString, Headline, Indicator, Note, Report, SourceRef,
    Status, Task, UnitLevel,
};
use crate::snapshot::Snapshot;
use crate::store::files::DataFile;

use super::places::Places;
use super::rng::Rng;

/// The shipped reports, each as a data file of its own records (their units and localities
/// are in the generated `units.ron` and `localities.ron`).
pub fn shipped_reports(s: &Snapshot) -> Vec<DataFile> {
    s.reports
        .iter()
        .map(|r| DataFile {
            report: Some(r.clone()),
            assessments: s
                .assessments
                .iter()
                .filter(|x| x.report == r.id)
                .cloned()
                .collect(),
            tasks: s
                .tasks
                .iter()
                .filter(|x| x.report == r.id)
                .cloned()
                .collect(),
            blockers: s
                .blockers
                .iter()
                .filter(|x| x.report == r.id)
                .cloned()
                .collect(),
            indicators: s
                .indicators
                .iter()
                .filter(|x| x.report == r.id)
                .cloned()
                .collect(),
            benefits: s
                .benefits
                .iter()
                .filter(|x| x.report == r.id)
                .cloned()
                .collect(),
            notes: s
                .notes
                .iter()
                .filter(|x| x.report == r.id)
                .cloned()
                .collect(),
            ..DataFile::default()
        })
        .collect()
}

/// What the shipped snapshot offers to recombine.
pub struct Pools {
    deadlines: Vec<CompactString>,
    statuses: Vec<CompactString>,
    periods: Vec<CompactString>,
    /// Provincial reports' titles, with their province's styled name to replace.
    titles: Vec<(CompactString, CompactString)>,
    /// Model assessments of a province (not of the national appendix).
    assessments: Vec<usize>,
    /// Per blocker: how many blockers, indicators, assessments, notes per task.
    ratios: [f64; 4],
}

impl Pools {
    pub fn new(s: &Snapshot) -> Self {
        let mut titles = Vec::new();
        for r in &s.reports {
            if let Some(l) = r.locality.as_deref().and_then(|l| s.locality(l)) {
                titles.push((r.title.clone(), l.name.clone()));
            }
        }
        if titles.is_empty() {
            titles.push((
                "Báo cáo sơ kết công tác triển khai thực hiện Đề án 06 trên địa bàn tỉnh X".into(),
                "X".into(),
            ));
        }
        let n = s.tasks.len().max(1) as f64;
        Pools {
            deadlines: s.tasks.iter().map(|t| t.deadline_raw.clone()).collect(),
            statuses: s.tasks.iter().map(|t| t.status_raw.clone()).collect(),
            periods: {
                let mut p: Vec<CompactString> =
                    s.reports.iter().filter_map(|r| r.period.clone()).collect();
                p.extend(["9 tháng năm 2024".into(), "Quý III/2024".into()]);
                p
            },
            titles,
            assessments: (0..s.assessments.len())
                .filter(|&i| s.assessments[i].locality.is_some())
                .collect(),
            ratios: [
                s.blockers.len() as f64 / n,
                s.indicators.len() as f64 / n,
                s.assessments.len() as f64 / n,
                s.notes.len() as f64 / n,
            ],
        }
    }
}

/// A province's report assesses the models it deploys, not one per task: about a dozen.
const ASSESSMENTS_PER_REPORT: f64 = 12.0;
/// The shipped reports' notes are mostly about rows split across pages (0.8 per task); a
/// generated report has a few.
const NOTES_PER_TASK: f64 = 0.2;

const QUARTERS: [&str; 4] = ["I", "II", "III", "IV"];

/// A deadline as the reports spell them: half the time one of theirs as printed, else one of
/// their forms with another date.
fn deadline(rng: &mut Rng, pools: &Pools) -> String {
    if rng.chance(0.5) || pools.deadlines.is_empty() {
        let y = rng.between(2023, 2025);
        let m = rng.between(1, 12);
        let q = QUARTERS[rng.below(4)];
        let d = rng.between(1, 28);
        return match rng.below(8) {
            0 => format!("Quý {q}/{y}"),
            1 => format!("Trong Quý {q}/{y}"),
            2 => format!("Tháng {m}/{y}"),
            3 => format!("Trong tháng {m:02}/{y}"),
            4 => format!("Trước ngày {d}/{m}/{y}"),
            5 => format!("{d}/{m}/{y}"),
            6 => format!("Trong năm {y}"),
            _ => "Thực hiện thường xuyên".to_string(),
        };
    }
    rng.pick(&pools.deadlines).to_string()
}

pub struct Generator<'a> {
    s: &'a Snapshot,
    places: &'a Places,
    pools: &'a Pools,
    /// Reports made per province so far (for their numbers).
    per_province: Vec<usize>,
    unit_names: HashMap<&'a str, &'a str>,
    locality_names: HashMap<&'a str, &'a str>,
}

impl<'a> Generator<'a> {
    pub fn new(s: &'a Snapshot, places: &'a Places, pools: &'a Pools) -> Self {
        Generator {
            s,
            places,
            pools,
            per_province: vec![0; places.provinces.len()],
            unit_names: places
                .units
                .iter()
                .map(|u| (u.id.as_str(), u.name.as_str()))
                .collect(),
            locality_names: places
                .localities
                .iter()
                .map(|l| (l.id.as_str(), l.name.as_str()))
                .collect(),
        }
    }

    /// A unit of the shipped snapshot, moved to province `p`: a provincial role becomes the
    /// province's own; another province's unit becomes one of this province's.
    fn unit_for(&self, rng: &mut Rng, p: usize, id: &str) -> CompactString {
        let Some(u) = self.s.unit(id) else {
            return id.into();
        };
        if u.level == UnitLevel::Province && u.locality.is_none() {
            if let Some(x) = self.places.unit_of(p, id) {
                return x.into();
            }
        }
        match u.locality.as_deref().and_then(|l| self.s.province_of(l)) {
            Some(prov) if prov != self.places.provinces[p].id => {
                rng.pick(&self.places.provinces[p].units).as_str().into()
            }
            _ => id.into(),
        }
    }

    /// Units moved to province `p`, and the raw cell: kept as printed when every unit is one
    /// it names, else the names of the units it now holds.
    fn units_for(
        &self,
        rng: &mut Rng,
        p: usize,
        raw: &str,
        ids: &[CompactString],
    ) -> (CompactString, Vec<CompactString>) {
        let moved: Vec<CompactString> = ids.iter().map(|u| self.unit_for(rng, p, u)).collect();
        let same_role = moved
            .iter()
            .zip(ids)
            .all(|(m, o)| m == o || self.places.unit_of(p, o) == Some(m.as_str()));
        if same_role {
            return (raw.into(), moved);
        }
        let names: Vec<String> = moved.iter().map(|u| self.s_unit_name(u)).collect();
        (names.join(", ").into(), moved)
    }

    fn s_unit_name(&self, id: &str) -> String {
        self.unit_names
            .get(id)
            .map(|n| n.to_string())
            .unwrap_or_else(|| id.to_string())
    }

    /// A commune of province `p`, or none (the row is about the whole province).
    fn place(&self, rng: &mut Rng, p: usize, commune: f64) -> Option<CompactString> {
        let prov = &self.places.provinces[p];
        if !prov.communes.is_empty() && rng.chance(commune) {
            let li = *rng.pick(&prov.communes);
            Some(self.places.localities[li].id.as_str().into())
        } else {
            Some(prov.id.as_str().into())
        }
    }

    /// Report number `k` with `n` tasks.
    pub fn report(&mut self, rng: &mut Rng, k: usize, n: usize) -> DataFile {
        let s = self.s;
        let p = rng.below(self.places.provinces.len());
        self.per_province[p] += 1;
        let prov = &self.places.provinces[p];
        let rid = format!("{}-r{:03}", prov.id, self.per_province[p]);
        let number = format!("{}/BC-UBND", 100 + rng.below(400));
        let date = NaiveDate::from_ymd_opt(2024, rng.between(6, 12), rng.between(1, 28))
            .unwrap_or_default();
        let (title, name) = rng.pick(&self.pools.titles);
        let title = title
            .replace(&format!("tỉnh {name}"), &prov.styled)
            .replace(name.as_str(), &prov.name);
        let mut line = 40u32;
        let mut next_line = |rng: &mut Rng| {
            line += rng.between(1, 4);
            line
        };

        let mut tasks = Vec::with_capacity(n);
        for j in 1..=n {
            let a = rng.pick(&s.tasks);
            let b = rng.pick(&s.tasks);
            let c = rng.pick(&s.tasks);
            let d = rng.pick(&s.tasks);
            let (lead_raw, lead_units) = self.units_for(rng, p, &c.lead_raw, &c.lead_units);
            let (coord_raw, mut coord_units) = self.units_for(rng, p, &d.coord_raw, &d.coord_units);
            let locality = self.place(rng, p, 0.3);
            let mut coord_raw = coord_raw;
            if let Some(l) = locality.as_deref().filter(|l| *l != prov.id) {
                let uid = format!("{l}-ubnd");
                coord_raw = if coord_raw.is_empty() {
                    self.s_unit_name(&uid).into()
                } else {
                    format!("{coord_raw}, {}", self.s_unit_name(&uid)).into()
                };
                coord_units.push(uid.into());
            }
            tasks.push(Task {
                id: format!("{rid}-t{j}").into(),
                source: SourceRef {
                    section: a.source.section.clone(),
                    row: Some(j.to_string().into()),
                    line: Some(next_line(rng)),
                },
                section: a.section.clone(),
                local_number: Some(j.to_string().into()),
                title: a.title.clone(),
                lead_raw,
                lead_units,
                coord_raw,
                coord_units,
                force_raw: CompactString::default(),
                force_units: Vec::new(),
                businesses_raw: a.businesses_raw.clone(),
                steps: a.steps.clone(),
                equipment: a.equipment.clone(),
                note: a.note.clone(),
                deadline_raw: deadline(rng, self.pools).into(),
                status_raw: rng.pick(&self.pools.statuses).clone(),
                result: b.result.clone(),
                model: a.model,
                model_printed: a.model_printed.clone(),
                locality,
                report: CompactString::default(),
            });
        }

        let [rb, ri, _, rn] = self.pools.ratios;
        let mut blockers = Vec::new();
        for j in 1..=rng.around(rb * n as f64) {
            let t = rng.pick(&s.blockers);
            let (responsible_raw, responsible) =
                self.units_for(rng, p, &t.responsible_raw, &t.responsible);
            let addressees = t
                .addressees
                .iter()
                .map(|u| self.unit_for(rng, p, u))
                .collect();
            blockers.push(Blocker {
                id: format!("{rid}-b{j}").into(),
                kind: t.kind,
                text: t.text.clone(),
                source: SourceRef {
                    section: t.source.section.clone(),
                    row: t.source.row.clone(),
                    line: Some(next_line(rng)),
                },
                model: t.model,
                task: (rng.chance(0.4) && !tasks.is_empty())
                    .then(|| tasks[rng.below(tasks.len())].id.clone()),
                locality: self.place(rng, p, 0.3),
                causes: t.causes.clone(),
                cause_raw: t.cause_raw.clone(),
                responsible_raw,
                responsible,
                solution: t.solution.clone(),
                addressees,
                report: CompactString::default(),
            });
        }

        let mut indicators = Vec::new();
        for j in 1..=rng.around(ri * n as f64) {
            let t = rng.pick(&s.indicators);
            indicators.push(Indicator {
                id: format!("{rid}-i{j}").into(),
                source: SourceRef {
                    section: t.source.section.clone(),
                    row: t.source.row.clone(),
                    line: Some(next_line(rng)),
                },
                locality: self.place(rng, p, 0.2),
                as_of: t.as_of.map(|_| date),
                report: CompactString::default(),
                ..t.clone()
            });
        }

        let mut assessments = Vec::new();
        if !self.pools.assessments.is_empty() {
            for j in 1..=rng.around(ASSESSMENTS_PER_REPORT) {
                let t = &s.assessments[*rng.pick(&self.pools.assessments)];
                let picked: Vec<CompactString> = (0..rng.below(5))
                    .filter_map(|_| self.place(rng, p, 1.0))
                    .filter(|l| *l != prov.id)
                    .collect();
                let names: Vec<String> = picked
                    .iter()
                    .filter_map(|l| self.locality_names.get(l.as_str()))
                    .map(|n| n.to_string())
                    .collect();
                let mut distinct = picked.clone();
                distinct.sort();
                distinct.dedup();
                assessments.push(Assessment {
                    id: format!("{rid}-a{j}").into(),
                    locality: Some(prov.id.clone().into()),
                    localities_raw: names.join(", ").into(),
                    printed_count: (!picked.is_empty()).then(|| {
                        format!("{} xã", distinct.len() + usize::from(rng.chance(0.05))).into()
                    }),
                    localities: picked,
                    source: SourceRef {
                        section: t.source.section.clone(),
                        row: t.source.row.clone(),
                        line: Some(next_line(rng)),
                    },
                    report: CompactString::default(),
                    ..t.clone()
                });
            }
        }

        let mut notes = Vec::new();
        if !s.notes.is_empty() {
            for j in 1..=rng.around(rn.min(NOTES_PER_TASK) * n as f64) {
                let t = rng.pick(&s.notes);
                notes.push(Note {
                    id: format!("{rid}-n{j}").into(),
                    text: t.text.clone(),
                    raw: t.raw.clone(),
                    source: SourceRef {
                        section: t.source.section.clone(),
                        row: t.source.row.clone(),
                        line: Some(next_line(rng)),
                    },
                    report: CompactString::default(),
                });
            }
        }

        // The body's figures: counted from the rows, one report in ten off by one, as real
        // reports sometimes are.
        let done = tasks
            .iter()
            .filter(|t| Status::from_raw(&t.status_raw) == Status::Done)
            .count();
        let skew = |rng: &mut Rng, v: usize| -> usize {
            if rng.chance(0.1) {
                v + 1
            } else {
                v
            }
        };
        let total = skew(rng, tasks.len());
        let done_printed = skew(rng, done);
        let headline = vec![
            Headline {
                id: format!("{rid}-h-total").into(),
                label: "Tổng số nhiệm vụ Đề án 06".into(),
                raw: format!("Tổng số nhiệm vụ Đề án 06 trong kỳ báo cáo: {total} nhiệm vụ.")
                    .into(),
                value: Some(total as f64),
                claim: Some(Claim::TasksTotal { section: None }),
                source: SourceRef {
                    section: "Mục I".into(),
                    row: None,
                    line: Some(12),
                },
            },
            Headline {
                id: format!("{rid}-h-done").into(),
                label: "Nhiệm vụ đã hoàn thành".into(),
                raw: format!("- Tổng số nhiệm vụ đã hoàn thành: {done_printed} nhiệm vụ.").into(),
                value: Some(done_printed as f64),
                claim: Some(Claim::TasksWithStatus {
                    status: Status::Done,
                    section: None,
                }),
                source: SourceRef {
                    section: "Mục I".into(),
                    row: None,
                    line: Some(13),
                },
            },
        ];
        let report = Report {
            id: rid.clone().into(),
            file: format!("gen-{k:05}.txt").into(),
            short: format!("{} {number}", prov.name).into(),
            title: title.into(),
            issuer: format!("UBND {}", prov.styled).into(),
            locality: Some(prov.id.clone().into()),
            number: Some(number.into()),
            date: Some(date),
            date_raw: Some(
                format!(
                    "{}, ngày {} tháng {} năm {}",
                    prov.name,
                    date.day(),
                    date.month(),
                    date.year()
                )
                .into(),
            ),
            period: Some(rng.pick(&self.pools.periods).clone()),
            headline,
        };
        DataFile {
            report: Some(report),
            assessments,
            tasks,
            blockers,
            indicators,
            notes,
            ..DataFile::default()
        }
    }
}
