//! One identity per unit, spellings by rule.
//!
//! A provincial department is a *role* ("Sở TTTT", a unit of `units.ron` with no locality) and,
//! in each province, a local unit that plays it (`role: "so-tttt"`). The role's spellings are
//! said once and hold in every province; a local unit adds only what is its own. A spelling is
//! compared by its [`unit_key`]: case, diacritics, `đ`, spaces and punctuation ("&", "-", ".")
//! ignored, so "Sở TT&TT", "Sở TT-TT", "so tt tt" and "Sở TTTT" are one key; "STTTT" is one of
//! the role's abbreviations. A spelling may end with a locality ("Sở TTTT
//! tỉnh Bình Định", "so tttt hue"): that narrows the role to the units of that locality.

use std::collections::HashMap;

use super::Snapshot;
use crate::text::fold_char;

/// The key a unit spelling is compared by: folded (case, diacritics, đ → d), every char that
/// is not a letter or a digit dropped. "Sở TT&TT" → "sotttt".
pub fn unit_key(s: &str) -> String {
    s.chars()
        .map(fold_char)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Unit lookups built once with the snapshot's index.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct UnitIndex {
    /// Key of each own spelling (id, name, aliases) → units spelled so.
    pub by_key: HashMap<String, Vec<usize>>,
    /// A role → the local units that play it, in record order.
    pub members: HashMap<usize, Vec<usize>>,
    /// Each unit's role (itself for a role or a unit without one).
    pub role: Vec<Option<usize>>,
    /// The province (of 2024) of each unit, when it has a locality.
    pub province: Vec<Option<String>>,
    /// The keys of every spelling of each unit, its role's included, one a line: what a
    /// `unit:` value that spells no unit exactly is looked for in.
    pub keys: Vec<String>,
}

/// What a unit spelling names.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UnitSpelling {
    /// Every unit it names, in record order: a role with every local unit that plays it.
    pub units: Vec<usize>,
    /// The locality a trailing place name narrowed it to ("… tỉnh Bình Định").
    pub locality: Option<String>,
}

impl Snapshot {
    pub(super) fn build_unit_index(&self) -> UnitIndex {
        let mut ix = UnitIndex::default();
        let by_id: HashMap<&str, usize> = self
            .units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.id.as_str(), i))
            .collect();
        for (i, u) in self.units.iter().enumerate() {
            for s in own_spellings(u) {
                let k = unit_key(s);
                if k.is_empty() {
                    continue;
                }
                let e = ix.by_key.entry(k).or_default();
                if !e.contains(&i) {
                    e.push(i);
                }
            }
            let role = u.role.as_deref().and_then(|r| by_id.get(r).copied());
            if let Some(r) = role.filter(|&r| r != i) {
                ix.members.entry(r).or_default().push(i);
            }
            ix.role.push(role);
            ix.province.push(
                u.locality
                    .as_deref()
                    .and_then(|l| self.province_of(l))
                    .map(str::to_string),
            );
        }
        for (i, u) in self.units.iter().enumerate() {
            let mut keys = String::new();
            let role = ix.role[i].map(|r| &self.units[r]);
            for s in own_spellings(u).chain(role.into_iter().flat_map(own_spellings)) {
                keys.push_str(&unit_key(s));
                keys.push('\n');
            }
            ix.keys.push(keys);
        }
        ix
    }

    /// The role a unit plays, if it names one.
    pub fn unit_role(&self, i: usize) -> Option<usize> {
        self.index.units.role.get(i).copied().flatten()
    }

    /// Whether the unit is a role found in every province (it has local units, or it is a
    /// provincial, district or commune unit of no locality).
    pub fn is_role(&self, i: usize) -> bool {
        let u = &self.units[i];
        u.locality.is_none()
            && (self.index.units.members.contains_key(&i)
                || !matches!(
                    u.level,
                    crate::domain::UnitLevel::Central | crate::domain::UnitLevel::Business
                ))
    }

    /// The province (of 2024) of a unit, if it is a local one.
    pub fn unit_province(&self, i: usize) -> Option<&str> {
        self.index.units.province.get(i)?.as_deref()
    }

    /// Every spelling of a unit: its own (name, aliases, id), then its role's.
    pub fn unit_spellings(&self, i: usize) -> Vec<&str> {
        let u = &self.units[i];
        let role = self.unit_role(i).map(|r| &self.units[r]);
        own_spellings(u)
            .chain(role.into_iter().flat_map(own_spellings))
            .collect()
    }

    /// What a spelling names: the units it spells exactly (by [`unit_key`]), a role widened to
    /// every local unit that plays it; or, when it ends with a place ("Sở TTTT tỉnh Bình
    /// Định", "so tttt hue"), those of that place. `None` when it spells no unit.
    pub fn unit_spelling(&self, spelling: &str) -> Option<UnitSpelling> {
        let key = unit_key(spelling);
        if key.is_empty() {
            return None;
        }
        if let Some(hits) = self.index.units.by_key.get(&key) {
            return Some(UnitSpelling {
                units: self.widen(hits, None),
                locality: None,
            });
        }
        // "<unit> [tỉnh|thuộc tỉnh|…] <place>": the longest head that spells a unit.
        self.place_splits(spelling)
            .into_iter()
            .find_map(|(head, l)| {
                let hits = self.index.units.by_key.get(&head)?;
                let id = self.localities[l].id.clone();
                Some(UnitSpelling {
                    units: self.widen(hits, Some(&id)),
                    locality: Some(id.to_string()),
                })
            })
    }

    /// The ways a spelling reads as "<head> <place>": the head's key and the place, the
    /// longest head first. Words such as "thuộc", "của" between them are skipped; the place
    /// may start with "tỉnh", "thành phố", "TP.".
    fn place_splits(&self, spelling: &str) -> Vec<(String, usize)> {
        let folded: String = spelling.trim().chars().map(fold_char).collect();
        let words: Vec<&str> = folded.split_whitespace().collect();
        let mut out = Vec::new();
        for k in (1..words.len()).rev() {
            let head = unit_key(&words[..k].join(" "));
            if head.is_empty() {
                continue;
            }
            let mut rest = &words[k..];
            while let Some((w, tail)) = rest.split_first() {
                if !tail.is_empty() && matches!(*w, "thuoc" | "cua" | "tai" | "-" | "–" | ",") {
                    rest = tail;
                } else {
                    break;
                }
            }
            let place = rest.join(" ");
            let place = place.trim_matches(|c: char| !c.is_alphanumeric());
            if let Some(&l) = self.localities_spelled(place).first() {
                out.push((head, l));
            }
        }
        out
    }

    /// The roles `spelling` already spells for a unit at `locality`: by one of their own
    /// spellings, or by one followed by the name of that place (or of a place it lies in).
    /// What a local unit's aliases need not repeat; what its name tells of its role.
    pub fn roles_spelling(&self, spelling: &str, locality: Option<&str>) -> Vec<usize> {
        let by_key = &self.index.units.by_key;
        let roles = |key: &str| {
            by_key
                .get(key)
                .into_iter()
                .flatten()
                .copied()
                .filter(|&r| self.is_role(r))
                .collect::<Vec<_>>()
        };
        let mut out = roles(&unit_key(spelling));
        if let Some(at) = locality {
            for (head, l) in self.place_splits(spelling) {
                if self.locality_within(at, &self.localities[l].id) {
                    out.extend(roles(&head));
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Units spelled `spelling` (see [`Snapshot::unit_spelling`]), by index; empty if none.
    pub fn units_spelled(&self, spelling: &str) -> Vec<usize> {
        self.unit_spelling(spelling)
            .map(|s| s.units)
            .unwrap_or_default()
    }

    /// Units one of whose spellings (role's included) contains `part`, compared by key,
    /// widened as an exact spelling is: what `unit:` falls back to.
    pub fn units_containing(&self, part: &str) -> Vec<usize> {
        let key = unit_key(part);
        if key.is_empty() {
            return Vec::new();
        }
        let hits: Vec<usize> = (0..self.units.len())
            .filter(|&i| self.index.units.keys[i].contains(&key))
            .collect();
        self.widen(&hits, None)
    }

    /// The units `hits` name: each role with the local units that play it, all in `within`
    /// (a locality, its districts and communes) when a place was named.
    fn widen(&self, hits: &[usize], within: Option<&str>) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for &h in hits {
            let members = self.index.units.members.get(&h);
            let all = std::iter::once(h).chain(members.into_iter().flatten().copied());
            for i in all {
                let keep = match within {
                    None => true,
                    Some(place) => self.units[i]
                        .locality
                        .as_deref()
                        .is_some_and(|l| self.locality_within(l, place)),
                };
                if keep && !out.contains(&i) {
                    out.push(i);
                }
            }
        }
        out.sort_unstable();
        out
    }

    /// Whether locality `id` is `place` or lies inside it (a district of a province …).
    pub fn locality_within(&self, id: &str, place: &str) -> bool {
        let mut cur = id;
        for _ in 0..4 {
            if cur == place {
                return true;
            }
            match self.locality(cur).and_then(|l| l.parent.as_deref()) {
                Some(p) => cur = p,
                None => return false,
            }
        }
        false
    }

    /// The local unit that plays `role` in `province`, when exactly one does.
    pub fn role_in(&self, role: usize, province: &str) -> Option<usize> {
        let members = self.index.units.members.get(&role)?;
        let mut it = members
            .iter()
            .copied()
            .filter(|&m| self.unit_province(m) == Some(province));
        let first = it.next()?;
        it.next().is_none().then_some(first)
    }
}

fn own_spellings(u: &crate::domain::Unit) -> impl Iterator<Item = &str> {
    std::iter::once(u.name.as_str())
        .chain(u.aliases.iter().map(compact_str::CompactString::as_str))
        .chain(std::iter::once(u.id.as_str()))
}

#[cfg(test)]
mod tests {
    use super::unit_key;

    #[test]
    fn spellings_of_one_name_share_a_key() {
        let k = unit_key("Sở TTTT");
        for s in [
            "Sở TT&TT",
            "Sở TT-TT",
            "so tttt",
            "so tt tt",
            "SỞ TT.TT",
            "sở  tt & tt",
        ] {
            assert_eq!(unit_key(s), k, "{s}");
        }
        assert_eq!(unit_key("Đài"), "dai");
        assert_ne!(
            unit_key("STTTT"),
            k,
            "an abbreviation is the role's own spelling"
        );
    }
}
