//! What free words find besides a record's own text: the names and spellings of the places it
//! is about (its locality and the province and district above it) and of the units it names
//! (with their roles' spellings), so "binh dinh" lists every record of Bình Định and "so tttt
//! hue" the Huế department's.
//!
//! Built once with the index. Records that share a place and units share one folded text, so
//! a record costs one number and a keystroke tests each record against at most two strings.

use std::collections::HashMap;

use super::{Snapshot, Texts};
use crate::domain::CompactString;
use crate::text::fold_nfc;

/// The folded context texts and which one each record has, by kind, in record order.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Contexts {
    pub text: Texts,
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
        self.text.get(c as usize).unwrap_or("")
    }
}

struct Builder<'a> {
    snap: &'a Snapshot,
    out: Contexts,
    seen: HashMap<(Vec<&'a str>, Vec<&'a str>), u32>,
    place: HashMap<&'a str, String>,
    unit: HashMap<&'a str, String>,
    /// The places and units asked for last (the same two lists from one record to the next:
    /// nothing is allocated for a record whose context is not new) ...
    asked: (Vec<&'a str>, Vec<&'a str>),
    /// ... and their context: records come report by report, and neighbours often share them.
    last: Option<u32>,
    /// The report asked for last and its locality.
    last_report: Option<(&'a str, Option<&'a str>)>,
}

impl<'a> Builder<'a> {
    /// The context of a record about `places` naming `units`, shared with every record that
    /// has the same ones.
    fn context(&mut self, places: &[&'a str], units: &[&'a str]) -> u32 {
        if let Some(c) = self.last {
            if self.asked.0 == places && self.asked.1 == units {
                return c;
            }
        }
        self.asked.0.clear();
        self.asked.0.extend_from_slice(places);
        self.asked.1.clear();
        self.asked.1.extend_from_slice(units);
        let c = match self.seen.get(&self.asked) {
            Some(&c) => c,
            None => self.new_context(self.asked.clone()),
        };
        self.last = Some(c);
        c
    }

    /// A context not seen before: its text made and kept.
    fn new_context(&mut self, key: (Vec<&'a str>, Vec<&'a str>)) -> u32 {
        for p in &key.0 {
            self.place_text(p);
        }
        for u in &key.1 {
            self.unit_text(u);
        }
        let (place, unit) = (&self.place, &self.unit);
        let c = self.out.text.len() as u32;
        self.out.text.push_with(|s| {
            for p in &key.0 {
                s.push_str(&place[p]);
            }
            for u in &key.1 {
                s.push_str(&unit[u]);
            }
        });
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

fn strs(v: &[CompactString]) -> impl Iterator<Item = &str> {
    v.iter().map(CompactString::as_str)
}

impl<'a> Builder<'a> {
    /// The locality a record is about: its own, else its report's.
    fn own_or_report(&mut self, own: Option<&'a str>, report: &'a str) -> Option<&'a str> {
        if own.is_some() {
            return own;
        }
        match self.last_report {
            Some((r, l)) if r == report => l,
            _ => {
                let l = self.snap.report(report).and_then(|r| r.locality.as_deref());
                self.last_report = Some((report, l));
                l
            }
        }
    }
}

impl Snapshot {
    pub(super) fn build_contexts(&self) -> Contexts {
        let mut b = Builder {
            snap: self,
            out: Contexts::default(),
            seen: HashMap::new(),
            place: HashMap::new(),
            unit: HashMap::new(),
            asked: (Vec::new(), Vec::new()),
            last: None,
            last_report: None,
        };
        let (mut places, mut units): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
        b.out.task.reserve(self.tasks.len());
        for t in &self.tasks {
            places.clear();
            places.extend(b.own_or_report(t.locality.as_deref(), &t.report));
            units.clear();
            units.extend(strs(&t.lead_units));
            units.extend(strs(&t.coord_units));
            units.extend(strs(&t.force_units));
            let c = b.context(&places, &units);
            b.out.task.push(c);
        }
        b.out.blocker.reserve(self.blockers.len());
        for x in &self.blockers {
            places.clear();
            places.extend(b.own_or_report(x.locality.as_deref(), &x.report));
            units.clear();
            units.extend(strs(&x.responsible));
            units.extend(strs(&x.addressees));
            let c = b.context(&places, &units);
            b.out.blocker.push(c);
        }
        for a in &self.assessments {
            places.clear();
            places.extend(a.locality.as_deref());
            places.extend(strs(&a.localities));
            let c = b.context(&places, &[]);
            b.out.assessment.push(c);
        }
        b.out.indicator.reserve(self.indicators.len());
        for x in &self.indicators {
            places.clear();
            places.extend(b.own_or_report(x.locality.as_deref(), &x.report));
            let c = b.context(&places, &[]);
            b.out.indicator.push(c);
        }
        for m in &self.models {
            let deployed: Vec<&str> = self
                .model_localities(m.number)
                .iter()
                .filter_map(|p| self.locality(p).map(|l| l.id.as_str()))
                .collect();
            let c = b.context(&deployed, &[]);
            b.out.model.push(c);
        }
        for (i, u) in self.units.iter().enumerate() {
            // The unit's own spellings are in its own text; its role's and its place's here.
            let role = self.unit_role(i).map(|r| self.units[r].id.as_str());
            let places: Vec<&str> = u.locality.iter().map(CompactString::as_str).collect();
            let c = b.context(&places, &role.into_iter().collect::<Vec<_>>());
            b.out.unit.push(c);
        }
        for l in &self.localities {
            let places: Vec<&str> = l.parent.iter().map(CompactString::as_str).collect();
            let c = b.context(&places, &[]);
            b.out.locality.push(c);
        }
        for r in &self.reports {
            let places: Vec<&str> = r.locality.iter().map(CompactString::as_str).collect();
            let c = b.context(&places, &[]);
            b.out.report.push(c);
        }
        b.out.text.shrink_to_fit();
        b.out
    }
}
