//! The folded search texts of the records, written straight into one block per kind (see
//! `texts`).

use super::{Search, Snapshot, Texts};
use crate::domain::{CompactString, Task};
use crate::text::fold_nfc_into;

/// The parts of a search text, each folded and followed by a line break (nothing for an
/// empty part), appended to `s`.
pub(super) fn join_fold(s: &mut String, parts: &[&str]) {
    for p in parts {
        push_fold(s, p);
    }
}

/// The bytes of these parts and a line break after each: what their folded search text takes,
/// but for the rare character whose folded form is longer (the block then grows once).
fn parts_len<'a>(parts: impl IntoIterator<Item = &'a str>) -> usize {
    parts.into_iter().map(|p| p.len() + 1).sum()
}

/// A part of a search text: folded, then a line break (nothing for an empty part).
fn push_fold(s: &mut String, part: &str) {
    if !part.is_empty() {
        fold_nfc_into(s, part);
        s.push('\n');
    }
}

/// A list as one part of a search text, as if joined with `sep` (nothing when that is empty).
fn push_fold_joined(s: &mut String, items: &[CompactString], sep: &str) {
    if items.len() <= 1 && items.iter().all(|i| i.is_empty()) {
        return;
    }
    for (k, item) in items.iter().enumerate() {
        if k > 0 {
            s.push_str(sep);
        }
        fold_nfc_into(s, item);
    }
    s.push('\n');
}

/// The folded search texts of `records`, each made of the `parts` of its record, in one block
/// made at about its size.
fn texts_of<T, const N: usize>(records: &[T], parts: impl Fn(&T) -> [&str; N]) -> Texts {
    let bytes = records.iter().map(|r| parts_len(parts(r))).sum();
    let mut out = Texts::with_capacity(records.len(), bytes);
    for r in records {
        out.push_with(|s| join_fold(s, &parts(r)));
    }
    out.shrink_to_fit();
    out
}

impl Snapshot {
    /// The folded search text of every task, in one block made at about its size.
    pub(super) fn task_texts(&self) -> Texts {
        fn parts(t: &Task) -> [&str; 9] {
            [
                &t.title,
                &t.id,
                &t.lead_raw,
                &t.coord_raw,
                &t.force_raw,
                &t.result,
                &t.deadline_raw,
                &t.status_raw,
                &t.note,
            ]
            .map(CompactString::as_str)
        }
        let bytes = self
            .tasks
            .iter()
            .map(|t| parts_len(parts(t)) + parts_len(t.steps.iter().map(CompactString::as_str)))
            .sum();
        let mut out = Texts::with_capacity(self.tasks.len(), bytes);
        for t in &self.tasks {
            out.push_with(|s| {
                for p in parts(t) {
                    push_fold(s, p);
                }
                push_fold_joined(s, &t.steps, "\n");
            });
        }
        out.shrink_to_fit();
        out
    }

    /// The folded search texts of the blockers, assessments and indicators.
    pub(super) fn other_texts(&self) -> Search {
        Search {
            blocker_text: texts_of(&self.blockers, |b| {
                [
                    &b.text,
                    &b.id,
                    &b.cause_raw,
                    &b.responsible_raw,
                    &b.solution,
                ]
                .map(CompactString::as_str)
            }),
            assessment_text: texts_of(&self.assessments, |a| {
                [
                    &a.title_raw,
                    &a.result,
                    &a.localities_raw,
                    &a.difficulties,
                    &a.status_raw,
                ]
                .map(CompactString::as_str)
            }),
            indicator_text: texts_of(&self.indicators, |ind| {
                [&ind.name, &ind.raw, ind.group.as_deref().unwrap_or("")]
            }),
            ..Search::default()
        }
    }
}
