//! Small inputs for triage: the fuzzy unit picker, a date, a note, a conclusion.

use chrono::NaiveDate;
use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

use crate::query::Rec;
use crate::snapshot::Snapshot;
use crate::text::fold_nfc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    /// Pick the responsible unit.
    Assign,
    /// A new deadline, YYYY-MM-DD or DD/MM/YYYY.
    Due,
    Note,
    Conclusion,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub item: Rec,
    pub text: String,
    /// For the unit picker: matching unit indexes, best first, and the cursor.
    pub choices: Vec<usize>,
    pub cursor: usize,
    pub error: Option<String>,
}

impl Prompt {
    pub fn new(kind: PromptKind, item: Rec, snap: &Snapshot) -> Prompt {
        let mut p = Prompt {
            kind,
            item,
            text: String::new(),
            choices: Vec::new(),
            cursor: 0,
            error: None,
        };
        p.refresh(snap);
        p
    }

    /// Recompute the picker's choices after the text changed.
    pub fn refresh(&mut self, snap: &Snapshot) {
        self.error = None;
        if self.kind != PromptKind::Assign {
            return;
        }
        let q = fold_nfc(self.text.trim());
        let matcher = SkimMatcherV2::default();
        let mut scored: Vec<(i64, usize)> = snap
            .units
            .iter()
            .enumerate()
            .filter_map(|(i, u)| {
                if q.is_empty() {
                    return Some((0, i));
                }
                std::iter::once(&u.name)
                    .chain(u.aliases.iter())
                    .chain(std::iter::once(&u.id))
                    .filter_map(|s| {
                        let f = fold_nfc(s);
                        let exact = if f == q {
                            1000
                        } else if f.contains(&q) {
                            500
                        } else {
                            0
                        };
                        matcher.fuzzy_match(&f, &q).map(|sc| sc + exact)
                    })
                    .max()
                    .map(|sc| (sc, i))
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        self.choices = scored.into_iter().map(|(_, i)| i).collect();
        self.cursor = 0;
    }

    pub fn parse_date(&self) -> Result<NaiveDate, String> {
        let t = self.text.trim();
        NaiveDate::parse_from_str(t, "%Y-%m-%d")
            .or_else(|_| NaiveDate::parse_from_str(t, "%d/%m/%Y"))
            .map_err(|_| format!("'{t}': ngày không hợp lệ — viết YYYY-MM-DD hoặc DD/MM/YYYY"))
    }
}
