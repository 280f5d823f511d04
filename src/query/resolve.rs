//! Names in a query resolved against the snapshot: the units a `unit:` value names, the
//! localities a `locality:` value names, with the places inside them.

use std::collections::HashSet;

use crate::snapshot::Snapshot;
use crate::text::fold_nfc;

pub(super) fn descendants(snap: &Snapshot, id: &str) -> HashSet<String> {
    let mut out: HashSet<String> = HashSet::new();
    out.insert(id.to_string());
    // Districts and communes (two levels below a province).
    for _ in 0..2 {
        for l in &snap.localities {
            if l.parent.as_ref().is_some_and(|p| out.contains(p.as_str())) {
                out.insert(l.id.to_string());
            }
        }
    }
    out
}

/// The units a `unit:` / `lead:` value names: every unit it spells (a role with every local
/// unit that plays it, narrowed by a trailing place), else every unit one of whose spellings
/// contains it.
pub(super) fn resolve_units(snap: &Snapshot, v: &str) -> HashSet<String> {
    let idx = match snap.unit_spelling(v) {
        Some(s) => s.units,
        None => snap.units_containing(v),
    };
    idx.into_iter()
        .map(|i| snap.units[i].id.to_string())
        .collect()
}

pub(super) fn resolve_localities(snap: &Snapshot, v: &str) -> HashSet<String> {
    let mut idx = snap.localities_spelled(v);
    if idx.is_empty() {
        let f = fold_nfc(v);
        idx = snap
            .index
            .locality_text
            .iter()
            .enumerate()
            .filter(|(_, t)| t.contains(&f))
            .map(|(i, _)| i)
            .collect();
    }
    let mut out = HashSet::new();
    for i in idx {
        out.extend(descendants(snap, &snap.localities[i].id));
    }
    out
}
