//! The loaded snapshot: every record of every file, immutable once built, with the indexes
//! the views and the query language need (ids → records, unit → tasks, locality → …).

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::{
    deadline::days_between, Assessment, Benefit, Blocker, CompactString, Deadline, Indicator,
    Locality, LocalityLevel, Model, ModelGroup, Note, Report, Status, Task, TodayProvince, Unit,
    UnitLevel,
};
use crate::text::fold_nfc;
use fold::join_fold;

mod fold;
mod search;
mod texts;
mod units;

pub use search::Contexts;
pub use texts::Texts;
pub use units::{unit_key, UnitIndex, UnitSpelling};

#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    pub title: String,
    pub as_of: Option<NaiveDate>,
    pub reports: Vec<Report>,
    pub today: Vec<TodayProvince>,
    pub localities: Vec<Locality>,
    pub units: Vec<Unit>,
    pub model_groups: Vec<ModelGroup>,
    pub models: Vec<Model>,
    pub assessments: Vec<Assessment>,
    pub tasks: Vec<Task>,
    pub blockers: Vec<Blocker>,
    pub indicators: Vec<Indicator>,
    pub benefits: Vec<Benefit>,
    pub notes: Vec<Note>,
    pub index: Index,
    /// Task id → the latest date an earlier snapshot of a history said it was still open
    /// (filled in by `history`; empty for a snapshot opened alone). Tells "done late" apart.
    pub seen_open: HashMap<String, NaiveDate>,
}

/// Lookups built once after loading.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Records by id (most ids are short enough to be kept inline, without an allocation).
    pub report: HashMap<CompactString, usize>,
    pub today: HashMap<CompactString, usize>,
    pub locality: HashMap<CompactString, usize>,
    pub unit: HashMap<CompactString, usize>,
    pub model: HashMap<u32, usize>,
    pub task: HashMap<CompactString, usize>,
    pub blocker: HashMap<CompactString, usize>,
    pub task_deadline: Vec<Deadline>,
    /// How many blockers name each task.
    pub task_blockers: Vec<u32>,
    pub task_status: Vec<Status>,
    /// Folded search text of each record, by kind, in record order.
    pub task_text: Texts,
    pub blocker_text: Texts,
    pub model_text: Texts,
    pub assessment_text: Texts,
    pub unit_text: Texts,
    pub locality_text: Texts,
    pub indicator_text: Texts,
    /// A province of today is searched with the names of the provinces it absorbed too
    /// ("binh dinh" finds Gia Lai).
    pub today_text: Texts,
    pub locality_spelling: HashMap<String, Vec<usize>>,
    /// Units by spelling, roles and the local units that play them.
    pub units: UnitIndex,
    /// What free words find besides a record's own text: its places and units.
    pub context: Contexts,
}

/// The folded search text of every task, blocker, assessment and indicator, and the contexts:
/// the part of the index that takes time, worked out from the records and the lookups.
#[derive(Debug, Default)]
pub struct Search {
    task_text: Texts,
    blocker_text: Texts,
    assessment_text: Texts,
    indicator_text: Texts,
    context: Contexts,
}

impl Snapshot {
    /// Build the indexes. Called once by the loader (which runs the checks beside
    /// `build_search`).
    pub fn build_index(&mut self) {
        self.build_lookups();
        let search = self.build_search();
        self.set_search(search);
    }

    /// The first part of the index: every lookup by id, the units' index, deadlines, statuses
    /// and blocker counts; what the checks and the reconciliation need.
    pub fn build_lookups(&mut self) {
        let mut ix = Index::default();
        for (i, r) in self.reports.iter().enumerate() {
            ix.report.insert(r.id.clone(), i);
        }
        for (i, t) in self.today.iter().enumerate() {
            ix.today.insert(t.id.clone(), i);
            let mut parts: Vec<&str> = vec![&t.name, &t.id];
            for l in self.absorbed_by(&t.id) {
                parts.push(&l.name);
                parts.extend(l.aliases.iter().map(CompactString::as_str));
            }
            ix.today_text.push_with(|s| join_fold(s, &parts));
        }
        for (i, l) in self.localities.iter().enumerate() {
            ix.locality.insert(l.id.clone(), i);
            for s in std::iter::once(&l.id)
                .chain(std::iter::once(&l.name))
                .chain(l.aliases.iter())
            {
                let e = ix.locality_spelling.entry(fold_nfc(s)).or_default();
                if !e.contains(&i) {
                    e.push(i);
                }
            }
            ix.locality_text
                .push_with(|s| join_fold(s, &[&l.name, &l.id, &l.aliases.join(", ")]));
        }
        for (i, u) in self.units.iter().enumerate() {
            ix.unit.insert(u.id.clone(), i);
            ix.unit_text
                .push_with(|s| join_fold(s, &[&u.name, &u.id, &u.aliases.join(", ")]));
        }
        for (i, m) in self.models.iter().enumerate() {
            ix.model.insert(m.number, i);
            ix.model_text
                .push_with(|s| join_fold(s, &[&m.title, &format!("mô hình {}", m.number)]));
        }
        for t in [
            &mut ix.today_text,
            &mut ix.locality_text,
            &mut ix.unit_text,
            &mut ix.model_text,
        ] {
            t.shrink_to_fit();
        }
        // The tasks' deadlines and statuses on one core, the lookups by id on another.
        let tasks = &self.tasks;
        let read = |t: &Task| {
            (
                Deadline::parse(&t.deadline_raw),
                Status::from_raw(&t.status_raw),
            )
        };
        let (deadline, status) = std::thread::scope(|sc| {
            let read = sc.spawn(|| tasks.iter().map(read).unzip());
            ix.task.reserve(self.tasks.len());
            for (i, t) in self.tasks.iter().enumerate() {
                ix.task.insert(t.id.clone(), i);
            }
            ix.blocker.reserve(self.blockers.len());
            ix.task_blockers = vec![0; self.tasks.len()];
            for (i, b) in self.blockers.iter().enumerate() {
                ix.blocker.insert(b.id.clone(), i);
                if let Some(&t) = b.task.as_deref().and_then(|t| ix.task.get(t)) {
                    ix.task_blockers[t] += 1;
                }
            }
            read.join().unwrap_or_else(|e| std::panic::resume_unwind(e))
        });
        ix.task_deadline = deadline;
        ix.task_status = status;
        self.index = ix;
        // Needs the ids above.
        self.index.units = self.build_unit_index();
    }

    /// The second part of the index, after `build_lookups`: the records' folded texts (tasks on
    /// one core, the other records on another) and their contexts (on a third).
    pub fn build_search(&self) -> Search {
        self.build_search_with(&|_, job| job())
    }

    /// `build_search`, each of its three jobs run by `run` (which may time it) on its thread.
    pub fn build_search_with(
        &self,
        run: &(dyn Fn(&'static str, &mut dyn FnMut()) + Sync),
    ) -> Search {
        let job = |what: &'static str, f: &dyn Fn() -> Search| {
            let mut out = Search::default();
            run(what, &mut || out = f());
            out
        };
        std::thread::scope(|sc| {
            let context = sc.spawn(|| {
                job("contexts", &|| Search {
                    context: self.build_contexts(),
                    ..Search::default()
                })
            });
            let tasks = sc.spawn(|| {
                job("task texts", &|| Search {
                    task_text: self.task_texts(),
                    ..Search::default()
                })
            });
            let mut others = job("other texts", &|| self.other_texts());
            others.task_text = tasks
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e))
                .task_text;
            others.context = context
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e))
                .context;
            others
        })
    }

    /// Put the second part of the index in place.
    pub fn set_search(&mut self, s: Search) {
        let ix = &mut self.index;
        ix.task_text = s.task_text;
        ix.blocker_text = s.blocker_text;
        ix.assessment_text = s.assessment_text;
        ix.indicator_text = s.indicator_text;
        ix.context = s.context;
    }

    pub fn report(&self, id: &str) -> Option<&Report> {
        self.index.report.get(id).map(|&i| &self.reports[i])
    }
    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.index.unit.get(id).map(|&i| &self.units[i])
    }
    pub fn locality(&self, id: &str) -> Option<&Locality> {
        self.index.locality.get(id).map(|&i| &self.localities[i])
    }
    pub fn today_province(&self, id: &str) -> Option<&TodayProvince> {
        self.index.today.get(id).map(|&i| &self.today[i])
    }
    pub fn model(&self, number: u32) -> Option<&Model> {
        self.index.model.get(&number).map(|&i| &self.models[i])
    }
    /// Whether some blocker names this task.
    pub fn task_has_blocker(&self, i: usize) -> bool {
        self.index.task_blockers.get(i).is_some_and(|&n| n > 0)
    }
    pub fn task_index(&self, id: &str) -> Option<usize> {
        self.index.task.get(id).copied()
    }
    pub fn blocker_index(&self, id: &str) -> Option<usize> {
        self.index.blocker.get(id).copied()
    }

    /// A unit's short name: its own first alias, else its role's ("Sở TTTT" for the Sở
    /// Thông tin và Truyền thông of a province, whose province `unit_label` adds), else its name.
    pub fn unit_name(&self, id: &str) -> String {
        let Some(&i) = self.index.unit.get(id) else {
            return id.to_string();
        };
        let u = &self.units[i];
        let role = self.unit_role(i).map(|r| &self.units[r]);
        u.aliases
            .first()
            .or_else(|| role.map(|r| r.aliases.first().unwrap_or(&r.name)))
            .unwrap_or(&u.name)
            .to_string()
    }
    /// The unit's short name with its province when it is a local unit ("Sở TTTT · Thừa
    /// Thiên Huế"), so that units of the same name in different provinces are told apart.
    /// A role found in every province and named without one (Phụ lục III's "STP", "V PUB
    /// huyện") is shown by its full name, "(mọi tỉnh)" for a provincial one.
    pub fn unit_label(&self, id: &str) -> String {
        let short = self.unit_name(id);
        let Some(u) = self.unit(id) else {
            return short;
        };
        match (u.locality.as_deref(), u.level) {
            (Some(l), _) => {
                let province = self.province_of(l).unwrap_or(l);
                format!("{short} · {}", self.locality_name(province))
            }
            (None, UnitLevel::Province) => format!("{} (mọi tỉnh)", u.name),
            (None, UnitLevel::District | UnitLevel::Commune) => u.name.to_string(),
            (None, _) => short,
        }
    }
    pub fn locality_name(&self, id: &str) -> String {
        self.locality(id)
            .map(|l| l.name.to_string())
            .unwrap_or_else(|| id.to_string())
    }

    /// The province (level province) a locality belongs to, following parents.
    pub fn province_of<'a>(&'a self, id: &'a str) -> Option<&'a str> {
        let mut cur = id;
        for _ in 0..4 {
            let l = self.locality(cur)?;
            if l.level == LocalityLevel::Province {
                return Some(&l.id);
            }
            cur = l.parent.as_deref()?;
        }
        None
    }

    /// The province of today that absorbed a locality.
    pub fn today_of(&self, id: &str) -> Option<&str> {
        let p = self.province_of(id)?;
        self.locality(p)?.today.as_deref()
    }

    /// The old provinces a province of today absorbed.
    pub fn absorbed_by(&self, today_id: &str) -> Vec<&Locality> {
        self.localities
            .iter()
            .filter(|l| l.level == LocalityLevel::Province && l.today.as_deref() == Some(today_id))
            .collect()
    }

    /// Localities whose id, name or any alias equals `spelling` (folded), ignoring prefixes
    /// such as "Tỉnh", "TP.", "Thành phố".
    pub fn localities_spelled(&self, spelling: &str) -> Vec<usize> {
        let f = fold_nfc(spelling.trim());
        if let Some(v) = self.index.locality_spelling.get(&f) {
            return v.clone();
        }
        for prefix in ["tinh ", "tp. ", "tp ", "thanh pho ", "tp."] {
            if let Some(rest) = f.strip_prefix(prefix) {
                if let Some(v) = self.index.locality_spelling.get(rest.trim()) {
                    return v.clone();
                }
            }
        }
        let dashed = f.replace(' ', "-");
        self.index
            .locality_spelling
            .get(&dashed)
            .cloned()
            .unwrap_or_default()
    }

    pub fn task_status(&self, i: usize) -> Status {
        self.index
            .task_status
            .get(i)
            .copied()
            .unwrap_or(Status::Unknown)
    }
    pub fn task_deadline(&self, i: usize) -> &Deadline {
        &self.index.task_deadline[i]
    }

    /// Days late at `as_of`, when the report says the task is still open (not done, not a
    /// standing duty, not silent) and its due date has passed: the status group "open and
    /// overdue" (`domain::groups`).
    pub fn task_days_overdue(&self, i: usize, as_of: NaiveDate) -> Option<i64> {
        if !crate::domain::groups::is_reported_open(self.task_status(i)) {
            return None;
        }
        let due = self.task_deadline(i).due()?;
        let d = days_between(due, as_of);
        (d > 0).then_some(d)
    }

    /// The province a record is about: its own locality, else its report's.
    fn province_for<'a>(&'a self, own: Option<&'a str>, report: &str) -> Option<&'a str> {
        own.or_else(|| self.report(report).and_then(|r| r.locality.as_deref()))
            .and_then(|l| self.province_of(l))
    }

    /// Tasks about any of these provinces (of 2024), by index.
    pub fn tasks_in(&self, provinces: &[&str]) -> Vec<usize> {
        (0..self.tasks.len())
            .filter(|&i| {
                let t = &self.tasks[i];
                self.province_for(t.locality.as_deref(), &t.report)
                    .is_some_and(|p| provinces.contains(&p))
            })
            .collect()
    }

    /// Blockers about any of these provinces, by index.
    pub fn blockers_in(&self, provinces: &[&str]) -> Vec<usize> {
        (0..self.blockers.len())
            .filter(|&i| {
                let b = &self.blockers[i];
                self.province_for(b.locality.as_deref(), &b.report)
                    .is_some_and(|p| provinces.contains(&p))
            })
            .collect()
    }

    /// Indicators about any of these provinces, by index.
    pub fn indicators_in(&self, provinces: &[&str]) -> Vec<usize> {
        (0..self.indicators.len())
            .filter(|&i| {
                let x = &self.indicators[i];
                self.province_for(x.locality.as_deref(), &x.report)
                    .is_some_and(|p| provinces.contains(&p))
            })
            .collect()
    }

    /// National models some source lists as deployed in any of these provinces, by index.
    pub fn models_deployed_in(&self, provinces: &[&str]) -> Vec<usize> {
        (0..self.models.len())
            .filter(|&i| {
                self.model_localities(self.models[i].number)
                    .iter()
                    .any(|p| provinces.contains(&p.as_str()))
            })
            .collect()
    }

    /// The newest report date of each province (for "how old is its latest report").
    pub fn latest_report_of(&self, province: &str) -> Option<&Report> {
        self.reports
            .iter()
            .filter(|r| r.locality.as_deref().and_then(|l| self.province_of(l)) == Some(province))
            .max_by_key(|r| r.date)
    }

    /// How many provinces have deployed a model, and whether that is the national report's
    /// printed count (it names no provinces: `true`) or the provinces the sources name.
    pub fn model_coverage(&self, number: u32) -> (usize, bool) {
        let named = self.model_localities(number).len();
        match self.national_assessment(number) {
            Some(a) if a.localities.is_empty() => a
                .printed_count
                .as_deref()
                .and_then(crate::store::reconcile::parse_count)
                .map(|n| (n as usize, true))
                .unwrap_or((named, false)),
            _ => (named, false),
        }
    }

    /// Distinct provinces where the sources say a model is deployed: the national list, and each
    /// province's own report of itself. A province whose own report says "Chưa triển khai" (or
    /// still studying it) is not counted, whatever another source lists; where the sources
    /// disagree the reconciliation says so (`deployment` findings).
    pub fn model_localities(&self, number: u32) -> Vec<String> {
        // Whether each says "not deployed" is read once (it folds the texts).
        let of_model: Vec<(&Assessment, bool)> = self
            .assessments
            .iter()
            .filter(|a| a.model == Some(number))
            .map(|a| (a, a.says_not_deployed()))
            .collect();
        let denied: Vec<&str> = of_model
            .iter()
            .filter(|(_, not)| *not)
            .filter_map(|(a, _)| a.locality.as_deref().and_then(|l| self.province_of(l)))
            .collect();
        let mut out: Vec<String> = Vec::new();
        for (a, _) in of_model.iter().filter(|(_, not)| !*not) {
            for l in a.localities.iter().chain(a.locality.iter()) {
                if let Some(p) = self.province_of(l) {
                    if !denied.contains(&p) && !out.iter().any(|o| o == p) {
                        out.push(p.to_string());
                    }
                }
            }
        }
        out
    }

    /// The national appendix's assessment of a model, if any.
    pub fn national_assessment(&self, number: u32) -> Option<&Assessment> {
        self.assessments
            .iter()
            .find(|a| a.model == Some(number) && a.locality.is_none())
    }

    pub fn province_count(&self) -> usize {
        self.localities
            .iter()
            .filter(|l| l.level == LocalityLevel::Province)
            .count()
    }
}
