//! What free words find besides a record's own text: the names and spellings of the places it
//! is about (its locality and the province and district above it) and of the units it names
//! (with their roles' spellings), so "binh dinh" lists every record of Bình Định and "so tttt
//! hue" the Huế department's.
//!
//! Built once with the index. Records that share a place and units share one folded text, so
//! a record costs one number and a keystroke tests each record against at most two strings.

use std::collections::HashMap;

use super::Snapshot;
use crate::text::fold_nfc;

/// The folded context texts and which one each record has, by kind, in record order.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Contexts {
    pub text: Vec<String>,
    pub task: Vec<u32>,
    pub blocker: Vec<u32>,
    pub assessment: Vec<u32>,
    pub indicator: Vec<u32>,
    pub model: Vec<u32>,
    pub unit: Vec<u32>,
    pub locality: Vec<u32>,
    pub report: Vec<u32>,
}

impl Contexts {
    /// The context text of context `c` ("" for one out of range).
    pub fn get(&self, c: u32) -> &str {
        self.text.get(c as usize).map(String::as_str).unwrap_or("")
    }
}

struct Builder<'a> {
    snap: &'a Snapshot,
    out: Contexts,
    seen: HashMap<(Vec<&'a str>, Vec<&'a str>), u32>,
    place: HashMap<&'a str, String>,
    unit: HashMap<&'a str, String>,
}

impl<'a> Builder<'a> {
    /// The context of a record about `places` naming `units`, shared with every record that
    /// has the same ones.
    fn context(&mut self, places: Vec<&'a str>, units: Vec<&'a str>) -> u32 {
        let key = (places, units);
        if let Some(&c) = self.seen.get(&key) {
            return c;
        }
        let mut text = String::new();
        for p in &key.0 {
            text.push_str(self.place_text(p));
        }
        for u in &key.1 {
            text.push_str(self.unit_text(u));
        }
        let c = self.out.text.len() as u32;
        self.out.text.push(text);
        self.seen.insert(key, c);
        c
    }

    /// A locality's name, id and aliases, and those of the places above it, folded.
    fn place_text(&mut self, id: &'a str) -> &str {
        let s = self.snap;
        self.place.entry(id).or_insert_with(|| {
            let mut text = String::new();
            let mut cur = Some(id);
            for _ in 0..4 {
                let Some(l) = cur.and_then(|c| s.locality(c)) else {
                    break;
                };
                for part in std::iter::once(&l.name)
                    .chain(&l.aliases)
                    .chain(std::iter::once(&l.id))
                {
                    text.push_str(&fold_nfc(part));
                    text.push('\n');
                }
                cur = l.parent.as_deref();
            }
            text
        })
    }

    /// Every spelling of a unit (its role's included), folded.
    fn unit_text(&mut self, id: &'a str) -> &str {
        let s = self.snap;
        self.unit.entry(id).or_insert_with(|| {
            let mut text = String::new();
            if let Some(&i) = s.index.unit.get(id) {
                for part in s.unit_spellings(i) {
                    text.push_str(&fold_nfc(part));
                    text.push('\n');
                }
            }
            text
        })
    }
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

impl Snapshot {
    /// The locality a record is about: its own, else its report's.
    fn own_or_report<'a>(&'a self, own: Option<&'a str>, report: &str) -> Option<&'a str> {
        own.or_else(|| self.report(report).and_then(|r| r.locality.as_deref()))
    }

    pub(super) fn build_contexts(&self) -> Contexts {
        let mut b = Builder {
            snap: self,
            out: Contexts::default(),
            seen: HashMap::new(),
            place: HashMap::new(),
            unit: HashMap::new(),
        };
        for t in &self.tasks {
            let place = self.own_or_report(t.locality.as_deref(), &t.report);
            let mut units = strs(&t.lead_units);
            units.extend(strs(&t.coord_units));
            units.extend(strs(&t.force_units));
            let c = b.context(place.into_iter().collect(), units);
            b.out.task.push(c);
        }
        for x in &self.blockers {
            let place = self.own_or_report(x.locality.as_deref(), &x.report);
            let mut units = strs(&x.responsible);
            units.extend(strs(&x.addressees));
            let c = b.context(place.into_iter().collect(), units);
            b.out.blocker.push(c);
        }
        for a in &self.assessments {
            let mut places: Vec<&str> = a.locality.iter().map(String::as_str).collect();
            places.extend(strs(&a.localities));
            let c = b.context(places, Vec::new());
            b.out.assessment.push(c);
        }
        for x in &self.indicators {
            let place = self.own_or_report(x.locality.as_deref(), &x.report);
            let c = b.context(place.into_iter().collect(), Vec::new());
            b.out.indicator.push(c);
        }
        for m in &self.models {
            let deployed: Vec<&str> = self
                .model_localities(m.number)
                .iter()
                .filter_map(|p| self.locality(p).map(|l| l.id.as_str()))
                .collect();
            let c = b.context(deployed, Vec::new());
            b.out.model.push(c);
        }
        for (i, u) in self.units.iter().enumerate() {
            // The unit's own spellings are in its own text; its role's and its place's here.
            let role = self.unit_role(i).map(|r| self.units[r].id.as_str());
            let c = b.context(
                u.locality.iter().map(String::as_str).collect(),
                role.into_iter().collect(),
            );
            b.out.unit.push(c);
        }
        for l in &self.localities {
            let c = b.context(l.parent.iter().map(String::as_str).collect(), Vec::new());
            b.out.locality.push(c);
        }
        for r in &self.reports {
            let c = b.context(r.locality.iter().map(String::as_str).collect(), Vec::new());
            b.out.report.push(c);
        }
        b.out
    }
}
