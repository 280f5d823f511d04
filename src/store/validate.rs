//! Putting the files together and checking them: duplicate ids, references to unknown
//! units, localities, models, tasks or reports (with a suggestion), impossible deadlines.

use std::collections::HashMap;

use super::diagnostic::{position_at, position_of, Diagnostic};
use super::files::DataFile;
use crate::snapshot::Snapshot;
use crate::text::did_you_mean;

/// Which file each record came from, to point messages at the right place.
pub struct Origins {
    files: Vec<(String, String)>,
    /// (kind, id) → file index
    records: HashMap<(&'static str, String), usize>,
}

impl Origins {
    fn file_of(&self, kind: &'static str, id: &str) -> usize {
        self.records
            .get(&(kind, id.to_string()))
            .copied()
            .unwrap_or(0)
    }

    /// Position of `needle` inside the record `id` of its file (searching from the id).
    fn locate(&self, kind: &'static str, id: &str, needle: &str) -> (String, (usize, usize)) {
        let Some((name, text)) = self.files.get(self.file_of(kind, id)) else {
            return (String::new(), (0, 0));
        };
        let start = text.find(&format!("\"{id}\"")).unwrap_or(0);
        let mut pos = position_of(text, needle, start);
        if pos == (0, 0) {
            pos = position_of(text, &format!("\"{id}\""), 0);
        }
        (name.clone(), pos)
    }
}

impl Origins {
    /// Where the records of this id are defined (`id: "X"`, or `number: N` for a model), in
    /// the order of the files and lines.
    fn definitions(&self, kind: &'static str, id: &str) -> Vec<(String, (usize, usize))> {
        let (field, value) = if kind == "model" {
            ("number", id.to_string())
        } else {
            ("id", format!("\"{id}\""))
        };
        let mut out = Vec::new();
        for (name, text) in &self.files {
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
                    out.push((name.clone(), position_at(text, at)));
                }
            }
        }
        out
    }
}

/// Merge the files into one snapshot; each record learns which report it belongs to.
pub fn assemble(snapshot: &mut Snapshot, parts: Vec<(String, String, DataFile)>) -> Origins {
    let mut origins = Origins {
        files: Vec::new(),
        records: HashMap::new(),
    };
    for (fi, (name, text, mut d)) in parts.into_iter().enumerate() {
        origins.files.push((name, text));
        let report_id = d.report.as_ref().map(|r| r.id.clone()).unwrap_or_default();
        let mut note = |kind: &'static str, id: &str| {
            origins.records.entry((kind, id.to_string())).or_insert(fi);
        };
        if let Some(r) = d.report.take() {
            note("report", &r.id);
            snapshot.reports.push(r);
        }
        for x in &d.today {
            note("today", &x.id);
        }
        for x in &d.localities {
            note("locality", &x.id);
        }
        for x in &d.units {
            note("unit", &x.id);
        }
        for x in &d.models {
            note("model", &x.number.to_string());
        }
        for x in &mut d.assessments {
            note("assessment", &x.id);
            x.report = report_id.clone();
        }
        for x in &mut d.tasks {
            note("task", &x.id);
            x.report = report_id.clone();
        }
        for x in &mut d.blockers {
            note("blocker", &x.id);
            x.report = report_id.clone();
        }
        for x in &mut d.indicators {
            note("indicator", &x.id);
            x.report = report_id.clone();
        }
        for x in &mut d.benefits {
            note("benefit", &x.id);
            x.report = report_id.clone();
        }
        for x in &mut d.notes {
            note("note", &x.id);
            x.report = report_id.clone();
        }
        snapshot.today.extend(d.today);
        snapshot.localities.extend(d.localities);
        snapshot.units.extend(d.units);
        snapshot.model_groups.extend(d.model_groups);
        snapshot.models.extend(d.models);
        snapshot.assessments.extend(d.assessments);
        snapshot.tasks.extend(d.tasks);
        snapshot.blockers.extend(d.blockers);
        snapshot.indicators.extend(d.indicators);
        snapshot.benefits.extend(d.benefits);
        snapshot.notes.extend(d.notes);
    }
    origins
}

struct Checker<'a> {
    origins: &'a Origins,
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn error(&mut self, kind: &'static str, id: &str, needle: &str, msg: String) {
        let (file, pos) = self.origins.locate(kind, id, needle);
        self.errors.push(Diagnostic::error(&file, pos, msg));
    }
    fn warn(&mut self, kind: &'static str, id: &str, needle: &str, msg: String) {
        let (file, pos) = self.origins.locate(kind, id, needle);
        self.warnings.push(Diagnostic::warning(&file, pos, msg));
    }

    fn duplicates<'s>(&mut self, kind: &'static str, ids: impl Iterator<Item = &'s str>) {
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
            let (file, text) = &self.origins.files[self.origins.file_of(kind, id)];
            let quoted = format!("\"{id}\"");
            let first = text.find(&quoted).unwrap_or(0);
            let pos = position_of(text, &quoted, first + quoted.len());
            let pos = if pos == (0, 0) {
                position_of(text, &quoted, 0)
            } else {
                pos
            };
            self.errors.push(Diagnostic::error(
                file,
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
        known: &HashMap<String, usize>,
    ) {
        if !known.contains_key(target) {
            let hint = did_you_mean(target, known.keys().map(String::as_str))
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

/// Check a merged snapshot. Returns (errors, warnings).
pub fn validate(s: &Snapshot, origins: &Origins) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    let mut c = Checker {
        origins,
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    c.duplicates("report", s.reports.iter().map(|x| x.id.as_str()));
    c.duplicates("today", s.today.iter().map(|x| x.id.as_str()));
    c.duplicates("locality", s.localities.iter().map(|x| x.id.as_str()));
    c.duplicates("unit", s.units.iter().map(|x| x.id.as_str()));
    let model_ids: Vec<String> = s.models.iter().map(|m| m.number.to_string()).collect();
    c.duplicates("model", model_ids.iter().map(String::as_str));
    c.duplicates("assessment", s.assessments.iter().map(|x| x.id.as_str()));
    c.duplicates("task", s.tasks.iter().map(|x| x.id.as_str()));
    c.duplicates("blocker", s.blockers.iter().map(|x| x.id.as_str()));
    c.duplicates("indicator", s.indicators.iter().map(|x| x.id.as_str()));
    c.duplicates("benefit", s.benefits.iter().map(|x| x.id.as_str()));
    c.duplicates("note", s.notes.iter().map(|x| x.id.as_str()));

    let ix = &s.index;
    let model_keys: HashMap<String, usize> = s
        .models
        .iter()
        .enumerate()
        .map(|(i, m)| (m.number.to_string(), i))
        .collect();
    let group_keys: HashMap<String, usize> = s
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
