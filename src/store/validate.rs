//! Putting the files together and checking them: duplicate ids, references to unknown
//! units, localities, models, tasks or reports (with a suggestion), impossible deadlines.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, OnceLock};

use super::diagnostic::{position_at, position_of, Diagnostic};
use super::files::DataFile;
use super::FileSource;
use crate::domain::CompactString;
use crate::snapshot::Snapshot;
use crate::text::did_you_mean;

/// The kinds of records, in the order their counts are kept per file.
const KINDS: [&str; 11] = [
    "report",
    "today",
    "locality",
    "unit",
    "model",
    "assessment",
    "task",
    "blocker",
    "indicator",
    "benefit",
    "note",
];

fn kind_no(kind: &str) -> usize {
    KINDS.iter().position(|k| *k == kind).unwrap_or(0)
}

/// Which file each record came from, to point messages at the right place. The files' texts
/// are not kept: a message reads again the file it points into (messages are few, the texts
/// of a national snapshot are hundreds of MB).
pub struct Origins<'a> {
    source: &'a (dyn FileSource + Sync),
    /// Each file: the name messages give it, and the path the source reads it by.
    files: Vec<(String, String)>,
    /// How many records of each kind (in `KINDS` order) each file added, in file order.
    counts: Vec<[usize; KINDS.len()]>,
    /// The texts read again for messages, by file.
    texts: Mutex<HashMap<usize, Arc<str>>>,
    /// For each kind, id → the first file that defines it: made only when a message needs it.
    first: [OnceLock<HashMap<String, usize>>; KINDS.len()],
}

/// The ids of one kind of record, in record order.
fn ids_of(s: &Snapshot, kind: usize) -> Vec<String> {
    fn ids<T>(v: &[T], id: impl Fn(&T) -> &str) -> Vec<String> {
        v.iter().map(|x| id(x).to_string()).collect()
    }
    match KINDS[kind] {
        "report" => ids(&s.reports, |x| &x.id),
        "today" => ids(&s.today, |x| &x.id),
        "locality" => ids(&s.localities, |x| &x.id),
        "unit" => ids(&s.units, |x| &x.id),
        "model" => s.models.iter().map(|m| m.number.to_string()).collect(),
        "assessment" => ids(&s.assessments, |x| &x.id),
        "task" => ids(&s.tasks, |x| &x.id),
        "blocker" => ids(&s.blockers, |x| &x.id),
        "indicator" => ids(&s.indicators, |x| &x.id),
        "benefit" => ids(&s.benefits, |x| &x.id),
        _ => ids(&s.notes, |x| &x.id),
    }
}

impl Origins<'_> {
    /// The file that first defines the record `id` of this kind.
    fn file_of(&self, s: &Snapshot, kind: &'static str, id: &str) -> usize {
        let k = kind_no(kind);
        let first = self.first[k].get_or_init(|| {
            let ids = ids_of(s, k);
            let mut map = HashMap::new();
            let mut at = 0;
            for (fi, counts) in self.counts.iter().enumerate() {
                for id in ids.iter().skip(at).take(counts[k]) {
                    map.entry(id.clone()).or_insert(fi);
                }
                at += counts[k];
            }
            map
        });
        first.get(id).copied().unwrap_or(0)
    }

    /// A file's text, read again (and kept while the messages are written).
    fn text(&self, fi: usize) -> Option<Arc<str>> {
        let mut texts = self.texts.lock().ok()?;
        if let Some(t) = texts.get(&fi) {
            return Some(t.clone());
        }
        let t: Arc<str> = self.source.read(&self.files.get(fi)?.1).ok()?.into();
        texts.insert(fi, t.clone());
        Some(t)
    }

    /// Position of `needle` inside the record `id` of its file (searching from the id).
    fn locate(
        &self,
        s: &Snapshot,
        kind: &'static str,
        id: &str,
        needle: &str,
    ) -> (String, (usize, usize)) {
        let fi = self.file_of(s, kind, id);
        let (Some((name, _)), Some(text)) = (self.files.get(fi), self.text(fi)) else {
            return (String::new(), (0, 0));
        };
        let start = text.find(&format!("\"{id}\"")).unwrap_or(0);
        let mut pos = position_of(&text, needle, start);
        if pos == (0, 0) {
            pos = position_of(&text, &format!("\"{id}\""), 0);
        }
        (name.clone(), pos)
    }

    /// Where the records of this id are defined (`id: "X"`, or `number: N` for a model), in
    /// the order of the files and lines. Every file is read again, one at a time.
    fn definitions(&self, kind: &'static str, id: &str) -> Vec<(String, (usize, usize))> {
        let (field, value) = if kind == "model" {
            ("number", id.to_string())
        } else {
            ("id", format!("\"{id}\""))
        };
        let mut out = Vec::new();
        for (name, path) in &self.files {
            let Ok(text) = self.source.read(path) else {
                continue;
            };
            let mut from = 0;
            while let Some(i) = text.get(from..).and_then(|t| t.find(&value)) {
                let at = from + i;
                from = at + value.len();
                let before = text[..at].trim_end();
                let Some(before) = before.strip_suffix(':') else {
                    continue;
                };
                let before = before.trim_end();
                let after_ok = text[from..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_ascii_alphanumeric());
                let word_ok = before.strip_suffix(field).is_some_and(|b| {
                    b.chars()
                        .last()
                        .is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
                });
                if word_ok && after_ok {
                    out.push((name.clone(), position_at(&text, at)));
                }
            }
        }
        out
    }
}

/// The records of a parsed file learn the report of their file (done on the core that parsed it),
/// and their lists give back the room the parse left them: it grows a list four places at a
/// time, and most hold one or two units (18 MB of empty places at 200k tasks).
pub fn own_records(d: &mut DataFile) {
    for x in &mut d.tasks {
        for v in [
            &mut x.lead_units,
            &mut x.coord_units,
            &mut x.force_units,
            &mut x.steps,
        ] {
            v.shrink_to_fit();
        }
    }
    for x in &mut d.blockers {
        x.causes.shrink_to_fit();
        x.responsible.shrink_to_fit();
        x.addressees.shrink_to_fit();
    }
    for x in &mut d.assessments {
        x.localities.shrink_to_fit();
    }
    let Some(r) = &d.report else {
        return;
    };
    let id = &r.id;
    for x in &mut d.assessments {
        x.report.clone_from(id);
    }
    for x in &mut d.tasks {
        x.report.clone_from(id);
    }
    for x in &mut d.blockers {
        x.report.clone_from(id);
    }
    for x in &mut d.indicators {
        x.report.clone_from(id);
    }
    for x in &mut d.benefits {
        x.report.clone_from(id);
    }
    for x in &mut d.notes {
        x.report.clone_from(id);
    }
}

/// A file parsed: the name messages give it, the path its source reads it by, its records
/// (which have learnt their report: `own_records`).
pub type Part = (String, String, DataFile);

/// Merge the files into one snapshot, in file order.
pub fn assemble<'a>(
    snapshot: &mut Snapshot,
    parts: Vec<Part>,
    source: &'a (dyn FileSource + Sync),
) -> Origins<'a> {
    let mut origins = Origins {
        source,
        files: Vec::with_capacity(parts.len()),
        counts: Vec::with_capacity(parts.len()),
        texts: Mutex::new(HashMap::new()),
        first: Default::default(),
    };
    let counts = |d: &DataFile| {
        [
            usize::from(d.report.is_some()),
            d.today.len(),
            d.localities.len(),
            d.units.len(),
            d.models.len(),
            d.assessments.len(),
            d.tasks.len(),
            d.blockers.len(),
            d.indicators.len(),
            d.benefits.len(),
            d.notes.len(),
        ]
    };
    let total = parts.iter().fold([0; KINDS.len()], |mut t, (_, _, d)| {
        for (a, b) in t.iter_mut().zip(counts(d)) {
            *a += b;
        }
        t
    });
    let s = &mut *snapshot;
    s.reports.reserve(total[0]);
    s.today.reserve(total[1]);
    s.localities.reserve(total[2]);
    s.units.reserve(total[3]);
    s.models.reserve(total[4]);
    s.assessments.reserve(total[5]);
    s.tasks.reserve(total[6]);
    s.blockers.reserve(total[7]);
    s.indicators.reserve(total[8]);
    s.benefits.reserve(total[9]);
    s.notes.reserve(total[10]);
    for (name, path, d) in parts {
        origins.files.push((name, path));
        origins.counts.push(counts(&d));
        s.reports.extend(d.report);
        s.today.extend(d.today);
        s.localities.extend(d.localities);
        s.units.extend(d.units);
        s.model_groups.extend(d.model_groups);
        s.models.extend(d.models);
        s.assessments.extend(d.assessments);
        s.tasks.extend(d.tasks);
        s.blockers.extend(d.blockers);
        s.indicators.extend(d.indicators);
        s.benefits.extend(d.benefits);
        s.notes.extend(d.notes);
    }
    origins
}

struct Checker<'a> {
    origins: &'a Origins<'a>,
    snapshot: &'a Snapshot,
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn error(&mut self, kind: &'static str, id: &str, needle: &str, msg: String) {
        let (file, pos) = self.origins.locate(self.snapshot, kind, id, needle);
        self.errors.push(Diagnostic::error(&file, pos, msg));
    }
    fn warn(&mut self, kind: &'static str, id: &str, needle: &str, msg: String) {
        let (file, pos) = self.origins.locate(self.snapshot, kind, id, needle);
        self.warnings.push(Diagnostic::warning(&file, pos, msg));
    }

    /// Ids defined more than once. `distinct` is how many different ids there are when the
    /// index already knows (its lookup by id has one entry per id): equal to the number of
    /// records, there is none, and nothing needs counting.
    fn duplicates<'s>(
        &mut self,
        kind: &'static str,
        ids: impl Iterator<Item = &'s str> + Clone,
        distinct: Option<usize>,
    ) {
        let n = ids.clone().count();
        let any = match distinct {
            Some(d) => d < n,
            None => {
                let mut set: HashSet<&str> = HashSet::with_capacity(n);
                !ids.clone().all(|id| set.insert(id))
            }
        };
        if !any {
            return;
        }
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for id in ids {
            *seen.entry(id).or_default() += 1;
        }
        let mut dups: Vec<_> = seen.into_iter().filter(|(_, n)| *n > 1).collect();
        dups.sort();
        for (id, n) in dups {
            let defs = self.origins.definitions(kind, id);
            if defs.len() >= 2 {
                // At the second definition, naming every other place.
                let (file, pos) = defs[1].clone();
                let others: Vec<String> = defs
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i != 1)
                    .map(|(_, (f, (l, c)))| format!("{f}:{l}:{c}"))
                    .collect();
                self.errors.push(Diagnostic::error(
                    &file,
                    pos,
                    format!(
                        "the {kind} id \"{id}\" is defined {n} times: here and at {}; an id must be unique",
                        others.join(", ")
                    ),
                ));
                continue;
            }
            // Point at the second occurrence of the id.
            let fi = self.origins.file_of(self.snapshot, kind, id);
            let file = self
                .origins
                .files
                .get(fi)
                .map(|f| f.0.clone())
                .unwrap_or_default();
            let text = self.origins.text(fi).unwrap_or_else(|| "".into());
            let quoted = format!("\"{id}\"");
            let first = text.find(&quoted).unwrap_or(0);
            let pos = position_of(&text, &quoted, first + quoted.len());
            let pos = if pos == (0, 0) {
                position_of(&text, &quoted, 0)
            } else {
                pos
            };
            self.errors.push(Diagnostic::error(
                &file,
                pos,
                format!("the {kind} id \"{id}\" is defined {n} times; an id must be unique"),
            ));
        }
    }

    fn reference(
        &mut self,
        kind: &'static str,
        id: &str,
        what: &str,
        target: &str,
        known: &HashMap<CompactString, usize>,
    ) {
        if !known.contains_key(target) {
            let hint = did_you_mean(target, known.keys().map(CompactString::as_str))
                .map(|s| format!(" (did you mean \"{s}\"?)"))
                .unwrap_or_default();
            self.error(
                kind,
                id,
                &format!("\"{target}\""),
                format!("{kind} \"{id}\": {what} \"{target}\" is not defined{hint}"),
            );
        }
    }
}

/// Check a merged snapshot whose lookups are built (`Snapshot::build_lookups`). Returns
/// (errors, warnings).
pub fn validate(s: &Snapshot, origins: &Origins) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    let mut c = Checker {
        origins,
        snapshot: s,
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    let ix = &s.index;
    c.duplicates(
        "report",
        s.reports.iter().map(|x| x.id.as_str()),
        Some(ix.report.len()),
    );
    c.duplicates(
        "today",
        s.today.iter().map(|x| x.id.as_str()),
        Some(ix.today.len()),
    );
    c.duplicates(
        "locality",
        s.localities.iter().map(|x| x.id.as_str()),
        Some(ix.locality.len()),
    );
    c.duplicates(
        "unit",
        s.units.iter().map(|x| x.id.as_str()),
        Some(ix.unit.len()),
    );
    let model_ids: Vec<String> = s.models.iter().map(|m| m.number.to_string()).collect();
    c.duplicates(
        "model",
        model_ids.iter().map(String::as_str),
        Some(ix.model.len()),
    );
    c.duplicates(
        "assessment",
        s.assessments.iter().map(|x| x.id.as_str()),
        None,
    );
    c.duplicates(
        "task",
        s.tasks.iter().map(|x| x.id.as_str()),
        Some(ix.task.len()),
    );
    c.duplicates(
        "blocker",
        s.blockers.iter().map(|x| x.id.as_str()),
        Some(ix.blocker.len()),
    );
    c.duplicates(
        "indicator",
        s.indicators.iter().map(|x| x.id.as_str()),
        None,
    );
    c.duplicates("benefit", s.benefits.iter().map(|x| x.id.as_str()), None);
    c.duplicates("note", s.notes.iter().map(|x| x.id.as_str()), None);

    let model_keys: HashMap<CompactString, usize> = s
        .models
        .iter()
        .enumerate()
        .map(|(i, m)| (m.number.to_string().into(), i))
        .collect();
    let group_keys: HashMap<CompactString, usize> = s
        .model_groups
        .iter()
        .enumerate()
        .map(|(i, g)| (g.id.clone(), i))
        .collect();

    for l in &s.localities {
        if let Some(p) = &l.parent {
            c.reference("locality", &l.id, "the parent", p, &ix.locality);
        }
        if let Some(t) = &l.today {
            c.reference("locality", &l.id, "the province of today", t, &ix.today);
        }
    }
    for u in &s.units {
        if let Some(l) = &u.locality {
            c.reference("unit", &u.id, "the locality", l, &ix.locality);
        }
    }
    check_roles(&mut c, s);
    for r in &s.reports {
        if let Some(l) = &r.locality {
            c.reference("report", &r.id, "the locality", l, &ix.locality);
        }
    }
    for m in &s.models {
        c.reference(
            "model",
            &m.number.to_string(),
            "the group",
            &m.group,
            &group_keys,
        );
    }
    for a in &s.assessments {
        if let Some(m) = a.model {
            c.reference(
                "assessment",
                &a.id,
                "the model",
                &m.to_string(),
                &model_keys,
            );
        }
        for l in a.localities.iter().chain(a.locality.iter()) {
            c.reference("assessment", &a.id, "the locality", l, &ix.locality);
        }
    }
    for (i, t) in s.tasks.iter().enumerate() {
        for u in t
            .lead_units
            .iter()
            .chain(&t.coord_units)
            .chain(&t.force_units)
        {
            c.reference("task", &t.id, "the unit", u, &ix.unit);
        }
        if let Some(m) = t.model {
            c.reference("task", &t.id, "the model", &m.to_string(), &model_keys);
        }
        if let Some(l) = &t.locality {
            c.reference("task", &t.id, "the locality", l, &ix.locality);
        }
        if let crate::domain::Deadline::Invalid { reason } = s.task_deadline(i) {
            let raw = t.deadline_raw.clone();
            c.warn("task", &t.id, &raw, format!("task \"{}\": the deadline \"{}\" cannot be read as a date ({reason}); it is kept and shown as is", t.id, crate::text::one_line(&raw)));
        }
    }
    for b in &s.blockers {
        for u in b.responsible.iter().chain(&b.addressees) {
            c.reference("blocker", &b.id, "the unit", u, &ix.unit);
        }
        if let Some(m) = b.model {
            c.reference("blocker", &b.id, "the model", &m.to_string(), &model_keys);
        }
        if let Some(t) = &b.task {
            c.reference("blocker", &b.id, "the task", t, &ix.task);
        }
        if let Some(l) = &b.locality {
            c.reference("blocker", &b.id, "the locality", l, &ix.locality);
        }
    }
    for ind in &s.indicators {
        if let Some(l) = &ind.locality {
            c.reference("indicator", &ind.id, "the locality", l, &ix.locality);
        }
    }
    (c.errors, c.warnings)
}

/// A local unit's role must be a unit of no locality; its aliases need not repeat what the role
/// already spells (in any province); a local unit that reads as a role should say so.
fn check_roles(c: &mut Checker, s: &Snapshot) {
    for (i, u) in s.units.iter().enumerate() {
        let Some(r) = &u.role else {
            let Some(l) = u.locality.as_deref() else {
                continue;
            };
            if let Some(&r) = s.roles_spelling(&u.name, Some(l)).first() {
                let role = &s.units[r].id;
                c.warn("unit", &u.id, &u.id, format!("unit \"{}\": its name reads as the role \"{role}\" in its province; add role: \"{role}\" so that every spelling of the role finds it", u.id));
            }
            continue;
        };
        c.reference("unit", &u.id, "the role", r, &s.index.unit);
        let Some(ri) = s.unit_role(i) else {
            continue;
        };
        if s.units[ri].locality.is_some() || u.locality.is_none() {
            c.error("unit", &u.id, &format!("\"{r}\""), format!("unit \"{}\": a role is a unit of units.ron with no locality (\"Sở TTTT\" of every province), played by a unit that has one; \"{r}\" has a locality or \"{}\" has none", u.id, u.id));
            continue;
        }
        for a in &u.aliases {
            if s.roles_spelling(a, u.locality.as_deref()).contains(&ri) {
                c.warn("unit", &u.id, &format!("\"{a}\""), format!("unit \"{}\": \"{a}\" is already a spelling of its role \"{r}\" (with or without the province's name); say it once, in the role", u.id));
            }
        }
    }
}
