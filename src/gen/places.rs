//! The country of a generated snapshot: the 34 provinces of today and the 63 of 2024 as
//! shipped, about 3,300 communes named from the syllables of real place names, and the units
//! of every province (each provincial role of the shipped catalogue, named for its province)
//! and of every commune (its people's committee).

use std::collections::HashSet;

use crate::domain::{Locality, LocalityLevel, Unit, UnitLevel};
use crate::snapshot::Snapshot;
use crate::text::slug;

use super::rng::Rng;

/// How many communes the country has (3,321 since the 2025 reform).
pub const COMMUNES: usize = 3_321;

pub struct Province {
    pub id: String,
    pub name: String,
    /// "tỉnh Bình Định", "thành phố Hà Nội".
    pub styled: String,
    /// Indexes into `Places::localities` of its communes.
    pub communes: Vec<usize>,
    /// Ids of its units of each provincial role.
    pub units: Vec<String>,
}

pub struct Places {
    pub localities: Vec<Locality>,
    pub units: Vec<Unit>,
    pub provinces: Vec<Province>,
    /// The generic provincial role a generated unit stands for: role id → index in the
    /// province's `units`.
    pub roles: Vec<String>,
}

impl Places {
    /// The unit of `role` (a generic provincial role's id) in province `p`, if it has one.
    pub fn unit_of(&self, p: usize, role: &str) -> Option<&str> {
        let k = self.roles.iter().position(|r| r == role)?;
        self.provinces[p].units.get(k).map(String::as_str)
    }
}

fn is_city(l: &Locality) -> bool {
    l.aliases
        .iter()
        .any(|a| a.starts_with("TP") || a.starts_with("Thành phố"))
}

/// The name of a provincial role's unit in province `p`. The catalogue names a role with the
/// word "tỉnh" in it ("Thanh tra tỉnh", "Tỉnh đoàn"); that word is the province's own, so the
/// province is named in its place rather than after it ("Thanh tra tỉnh Long An", not "Thanh
/// tra tỉnh tỉnh Long An"; "Thanh tra thành phố Hà Nội"; "Thành đoàn Hà Nội").
fn provincial_name(role: &str, p: &Province) -> String {
    let city = !p.styled.starts_with("tỉnh ");
    if let Some(stem) = role.strip_suffix(" tỉnh") {
        return format!("{stem} {}", p.styled);
    }
    if let Some(rest) = role.strip_prefix("Tỉnh ") {
        let head = if city { "Thành" } else { "Tỉnh" };
        return format!("{head} {rest} {}", p.name);
    }
    format!("{role} {}", p.styled)
}

/// Build the places from the shipped snapshot's localities and units.
pub fn build(shipped: &Snapshot, rng: &mut Rng) -> Places {
    let mut localities = shipped.localities.clone();
    let mut units = shipped.units.clone();
    let mut taken_l: HashSet<String> = localities.iter().map(|l| l.id.to_string()).collect();
    let mut taken_u: HashSet<String> = units.iter().map(|u| u.id.to_string()).collect();

    // Syllables of every real place name, to name communes the way the country does.
    let mut syllables: Vec<String> = Vec::new();
    for l in &shipped.localities {
        for w in l.name.split_whitespace() {
            let first = w.chars().next().unwrap_or(' ');
            if first.is_uppercase() && w.chars().count() > 1 && !syllables.iter().any(|s| s == w) {
                syllables.push(w.trim_matches(|c: char| !c.is_alphabetic()).to_string());
            }
        }
    }
    syllables.retain(|s| !s.is_empty());
    syllables.sort();

    // Generic provincial roles: found in every province, named without one.
    let roles: Vec<Unit> = shipped
        .units
        .iter()
        .filter(|u| u.level == UnitLevel::Province && u.locality.is_none())
        .filter(|u| u.id != "ubnd-tinh" && u.id != "so-nganh" && u.id != "cong-an-tinh")
        .cloned()
        .collect();

    let mut provinces: Vec<Province> = shipped
        .localities
        .iter()
        .filter(|l| l.level == LocalityLevel::Province)
        .map(|l| Province {
            id: l.id.to_string(),
            name: l.name.to_string(),
            styled: if is_city(l) {
                format!("thành phố {}", l.name)
            } else {
                format!("tỉnh {}", l.name)
            },
            communes: Vec::new(),
            units: Vec::new(),
        })
        .collect();

    for p in &mut provinces {
        for r in &roles {
            let id = format!("{}-{}", p.id, r.id);
            if !taken_u.insert(id.clone()) {
                p.units.push(id);
                continue;
            }
            // The role's spellings hold in every province: the unit adds none of its own.
            units.push(Unit {
                id: id.clone().into(),
                name: provincial_name(&r.name, p).into(),
                aliases: Vec::new(),
                level: UnitLevel::Province,
                locality: Some(p.id.clone().into()),
                role: Some(r.id.clone()),
            });
            p.units.push(id);
        }
        // The province's own people's committee and police.
        for (suffix, name, role) in [
            ("ubnd", "Ủy ban nhân dân", "ubnd-tinh"),
            ("cong-an", "Công an", "cong-an-tinh"),
        ] {
            let id = format!("{}-{suffix}", p.id);
            if taken_u.insert(id.clone()) {
                let role = shipped.unit(role).map(|r| r.id.clone());
                units.push(Unit {
                    id: id.clone().into(),
                    name: format!("{name} {}", p.styled).into(),
                    aliases: Vec::new(),
                    level: UnitLevel::Province,
                    locality: Some(p.id.clone().into()),
                    role,
                });
            }
        }
    }

    // Communes, spread over the provinces unevenly (as they are).
    let weights: Vec<usize> = provinces
        .iter()
        .map(|_| rng.between(2, 8) as usize)
        .collect();
    let total: usize = weights.iter().sum();
    let mut made = 0;
    for (pi, w) in weights.iter().enumerate() {
        let n = if pi + 1 == provinces.len() {
            COMMUNES - made
        } else {
            COMMUNES * w / total
        };
        made += n;
        for _ in 0..n {
            let (kind, kind_id) = match rng.below(10) {
                0 => ("phường", "phuong"),
                1 => ("đặc khu", "dac-khu"),
                _ => ("xã", "xa"),
            };
            let a = rng.pick(&syllables).clone();
            let mut b = rng.pick(&syllables).clone();
            if b == a {
                b = rng.pick(&syllables).clone();
            }
            let proper = format!("{a} {}", b.to_lowercase());
            let proper = capitalise_words(&proper);
            let base = format!("{}-{kind_id}-{}", provinces[pi].id, slug(&proper));
            let mut id = base.clone();
            let mut k = 2;
            while !taken_l.insert(id.clone()) {
                id = format!("{base}-{k}");
                k += 1;
            }
            let name = format!("{kind} {proper}");
            let li = localities.len();
            localities.push(Locality {
                id: id.clone().into(),
                name: name.clone().into(),
                level: LocalityLevel::Commune,
                aliases: vec![capitalise_first(&name).into()],
                parent: Some(provinces[pi].id.clone().into()),
                today: None,
            });
            provinces[pi].communes.push(li);
            let uid = format!("{id}-ubnd");
            if taken_u.insert(uid.clone()) {
                units.push(Unit {
                    id: uid.into(),
                    name: format!("Ủy ban nhân dân {name}").into(),
                    aliases: vec![format!("UBND {name}").into()],
                    level: UnitLevel::Commune,
                    locality: Some(id.into()),
                    role: shipped.unit("ubnd-xa").map(|r| r.id.clone()),
                });
            }
        }
    }

    Places {
        localities,
        units,
        provinces,
        roles: roles.into_iter().map(|r| r.id.into()).collect(),
    }
}

fn capitalise_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn capitalise_words(s: &str) -> String {
    s.split(' ')
        .map(capitalise_first)
        .collect::<Vec<_>>()
        .join(" ")
}
