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
    /// For the unit picker: how many units fit what was typed (every unit a spelling names:
    /// a role and the units that play it; else every unit matched). Enter with more than one
    /// asks which before it records anything.
    pub fits: usize,
    /// The picker asked which unit (Enter pressed while several fit), or the cursor was
    /// moved: the next Enter takes the unit shown selected.
    pub chosen: bool,
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
            fits: 0,
            chosen: false,
        };
        p.refresh(snap);
        p
    }

    /// The province of the item the prompt is on (its own locality, else its report's).
    pub fn item_province<'a>(&self, snap: &'a Snapshot) -> Option<&'a str> {
        let (own, report) = match self.item {
            Rec::Task(i) => (
                snap.tasks.get(i)?.locality.as_deref(),
                &snap.tasks[i].report,
            ),
            Rec::Blocker(i) => (
                snap.blockers.get(i)?.locality.as_deref(),
                &snap.blockers[i].report,
            ),
            _ => return None,
        };
        own.or_else(|| snap.report(report).and_then(|r| r.locality.as_deref()))
            .and_then(|l| snap.province_of(l))
    }

    /// Recompute the picker's choices after the text changed. A spelling that names units
    /// (any spelling of a role: "STTTT", "so tt tt") lists them first: the unit of the item's
    /// province, then those of other provinces, the role of every province last; then the
    /// units whose names merely resemble what was typed.
    pub fn refresh(&mut self, snap: &Snapshot) {
        self.error = None;
        self.chosen = false;
        self.cursor = 0;
        if self.kind != PromptKind::Assign {
            return;
        }
        let province = self.item_province(snap);
        let mut spelled = snap.units_spelled(self.text.trim());
        spelled.sort_by_key(|&u| {
            let local = snap.unit_province(u);
            (
                match local {
                    Some(p) if Some(p) == province => 0,
                    Some(_) => 1,
                    None => 2,
                },
                u,
            )
        });
        let q = fold_nfc(self.text.trim());
        let matcher = SkimMatcherV2::default();
        let mut scored: Vec<(i64, usize)> = snap
            .units
            .iter()
            .enumerate()
            .filter(|(i, _)| !spelled.contains(i))
            .filter_map(|(i, u)| {
                if q.is_empty() {
                    return Some((0, i));
                }
                std::iter::once(&u.name)
                    .chain(u.aliases.iter())
                    .chain(std::iter::once(&u.id))
                    .filter_map(|s| {
                        let f = fold_nfc(s);
                        let contains = if f.contains(&q) { 500 } else { 0 };
                        matcher.fuzzy_match(&f, &q).map(|sc| sc + contains)
                    })
                    .max()
                    .map(|sc| (sc, i))
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        self.fits = if spelled.is_empty() {
            scored.len()
        } else {
            spelled.len()
        };
        self.choices = spelled;
        self.choices.extend(scored.into_iter().map(|(_, i)| i));
    }

    /// Whether Enter must first ask which unit: several fit what was typed, or the one
    /// selected is a role of every province ("(mọi tỉnh)") while the item is a province's.
    pub fn needs_question(&self, snap: &Snapshot) -> bool {
        let Some(&u) = self.choices.get(self.cursor) else {
            return false;
        };
        self.fits > 1 || (snap.is_role(u) && self.item_province(snap).is_some())
    }

    /// The question the picker asks before it records anything.
    pub fn question(&self, snap: &Snapshot, vi: bool) -> String {
        let typed = self.text.trim();
        let u = self.choices.get(self.cursor).copied();
        if self.fits > 1 && !typed.is_empty() {
            return if vi {
                format!("'{typed}' khớp {} đơn vị — chọn một (↑↓, Enter)", self.fits)
            } else {
                format!(
                    "'{typed}' fits {} units — choose one (↑↓, Enter)",
                    self.fits
                )
            };
        }
        if self.fits > 1 {
            return if vi {
                "Đơn vị nào? Gõ tên hoặc ↑↓ chọn, Enter giao".into()
            } else {
                "Which unit? Type its name or ↑↓ choose, Enter assigns".into()
            };
        }
        let province = self
            .item_province(snap)
            .map(|p| snap.locality_name(p))
            .unwrap_or_default();
        let role = u
            .map(|u| snap.unit_name(&snap.units[u].id))
            .unwrap_or_default();
        if vi {
            format!("'{role}' là vai trò của mọi tỉnh, chưa phải đơn vị của {province} — Enter lần nữa để vẫn giao")
        } else {
            format!("'{role}' is a role of every province, not {province}'s own unit — Enter again to assign it anyway")
        }
    }

    /// What the picker says of a unit: its short name with its province, or "(mọi tỉnh)" for
    /// a role of every province, then its full name when that says more.
    pub fn choice_label(snap: &Snapshot, u: usize) -> String {
        let unit = &snap.units[u];
        let label = snap.unit_label(&unit.id);
        if label.contains(unit.name.as_str()) || snap.unit_province(u).is_some() {
            label
        } else {
            format!("{label} — {}", unit.name)
        }
    }

    pub fn parse_date(&self) -> Result<NaiveDate, String> {
        let t = self.text.trim();
        NaiveDate::parse_from_str(t, "%Y-%m-%d")
            .or_else(|_| NaiveDate::parse_from_str(t, "%d/%m/%Y"))
            .map_err(|_| format!("'{t}': ngày không hợp lệ — viết YYYY-MM-DD hoặc DD/MM/YYYY"))
    }
}
