//! Free words that exactly name a province (or district) or a unit, said as the equivalent
//! term ("binh dinh = locality:binh-dinh"), so that the chair knows what was counted: free
//! words find every record of the place or unit, and also the records that merely mention it.

use super::parse::{Query, Term, TermKind};
use crate::snapshot::Snapshot;

/// A run of free words and the term it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Equivalent {
    /// The words as typed.
    pub words: String,
    /// The term they name: `locality:binh-dinh`, `unit:so-tttt`, `unit:c06`.
    pub term: String,
    /// Byte range of the words in the query text.
    pub span: (usize, usize),
}

impl Equivalent {
    /// The query with these words replaced by the term they name.
    pub fn replaced_in(&self, text: &str) -> String {
        let (a, b) = self.span;
        match (text.get(..a), text.get(b..)) {
            (Some(before), Some(after)) => format!("{before}{}{after}", self.term),
            _ => text.to_string(),
        }
    }
}

impl std::fmt::Display for Equivalent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} = {}", self.words, self.term)
    }
}

/// `query` with each run of free words that spells a place made one term, `TermKind::Place`:
/// "binh dinh" finds the records of Bình Định and those that name it, not every record that
/// has a word starting "binh" (Thái Bình) and another starting "dinh" (quyết định).
pub(super) fn with_places(query: &Query, equivalents: &[Equivalent]) -> Query {
    let places: Vec<(Equivalent, String)> = equivalents
        .iter()
        .filter_map(|e| {
            let id = e.term.strip_prefix("locality:")?;
            (!id.contains(' ')).then(|| (e.clone(), id.to_string()))
        })
        .collect();
    if places.is_empty() {
        return query.clone();
    }
    let mut terms = Vec::with_capacity(query.terms.len());
    for t in &query.terms {
        let inside = places
            .iter()
            .find(|(e, _)| t.span.0 >= e.span.0 && t.span.1 <= e.span.1);
        match inside {
            None => terms.push(t.clone()),
            // The run's first word stands for the run; the others are in it.
            Some((e, id)) if t.span.0 == e.span.0 => {
                let words: Vec<&str> = query
                    .terms
                    .iter()
                    .filter(|u| u.span.0 >= e.span.0 && u.span.1 <= e.span.1)
                    .filter_map(|u| match &u.kind {
                        TermKind::Word(w) => Some(w.as_str()),
                        _ => None,
                    })
                    .collect();
                terms.push(Term {
                    kind: TermKind::Place {
                        words: words.join(" "),
                        id: id.clone(),
                    },
                    negated: false,
                    span: e.span,
                });
            }
            Some(_) => {}
        }
    }
    Query {
        text: query.text.clone(),
        terms,
    }
}

pub(super) fn equivalents_of(query: &Query, snap: &Snapshot) -> Vec<Equivalent> {
    let mut out = Vec::new();
    let mut run: Vec<(&str, (usize, usize))> = Vec::new();
    for t in &query.terms {
        match &t.kind {
            TermKind::Word(w) if !t.negated => run.push((w, t.span)),
            _ => {
                name_runs(snap, &run, &mut out);
                run.clear();
            }
        }
    }
    name_runs(snap, &run, &mut out);
    for e in &mut out {
        if let Some(typed) = query.text.get(e.span.0..e.span.1) {
            e.words = typed.to_string();
        }
    }
    out
}

fn name_runs(snap: &Snapshot, run: &[(&str, (usize, usize))], out: &mut Vec<Equivalent>) {
    let words: Vec<&str> = run.iter().map(|(w, _)| *w).collect();
    let mut i = 0;
    while i < words.len() {
        let found = (i + 1..=words.len())
            .rev()
            .find_map(|j| named(snap, &words[i..j].join(" ")).map(|term| (j, term)));
        match found {
            Some((j, term)) => {
                out.push(Equivalent {
                    words: words[i..j].join(" "),
                    term,
                    span: (run[i].1 .0, run[j - 1].1 .1),
                });
                i = j;
            }
            None => i += 1,
        }
    }
}

/// The term a spelling names exactly, if it names one place or one unit (a role with the
/// units that play it is one).
fn named(snap: &Snapshot, text: &str) -> Option<String> {
    if let [l] = snap.localities_spelled(text)[..] {
        return Some(format!("locality:{}", snap.localities[l].id));
    }
    let spelled = snap.unit_spelling(text)?;
    let one = match spelled.units[..] {
        [u] => Some(u),
        _ => {
            // A role with the units that play it.
            let roles: Vec<usize> = spelled
                .units
                .iter()
                .copied()
                .filter(|&u| snap.is_role(u))
                .collect();
            let others_play_it = spelled
                .units
                .iter()
                .all(|&u| roles.contains(&u) || snap.unit_role(u).is_some_and(|r| roles == [r]));
            (roles.len() == 1 && others_play_it).then(|| roles[0])
        }
    }?;
    let mut term = format!("unit:{}", snap.units[one].id);
    if let (Some(l), false) = (&spelled.locality, spelled.units.len() == 1) {
        term.push_str(&format!(" locality:{l}"));
    }
    Some(term)
}
