//! The words for a record's status, kind, level and causes, in the console's language.

use crate::domain::{BlockerKind, Status, UnitLevel};
use crate::tui::i18n::{t, Lang};

pub fn status_label(lang: Lang, s: Status) -> &'static str {
    if lang == Lang::Vi {
        s.label_vi()
    } else {
        s.label_en()
    }
}

pub fn blocker_kind_label(lang: Lang, k: BlockerKind) -> &'static str {
    t(
        lang,
        match k {
            BlockerKind::Difficulty => "blocker.difficulty",
            BlockerKind::Gap => "blocker.gap",
            BlockerKind::Proposal => "blocker.proposal",
        },
    )
}

/// The kind of a reconciliation finding, in the console's language.
pub fn finding_kind_label(lang: Lang, kind: &str) -> String {
    let key = format!("finding.{kind}");
    crate::tui::i18n::try_t(lang, &key)
        .map(str::to_string)
        .unwrap_or_else(|| kind.to_string())
}

pub fn unit_level_label(lang: Lang, l: UnitLevel) -> &'static str {
    t(
        lang,
        match l {
            UnitLevel::Central => "level.central",
            UnitLevel::Province => "level.province",
            UnitLevel::District => "level.district",
            UnitLevel::Commune => "level.commune",
            UnitLevel::Business => "level.business",
        },
    )
}

pub fn causes_label(lang: Lang, causes: &[crate::domain::Cause]) -> String {
    if causes.is_empty() {
        return t(lang, "unknown_cause").to_string();
    }
    causes
        .iter()
        .map(|c| {
            if lang == Lang::Vi {
                c.label_vi()
            } else {
                c.label_en()
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}
