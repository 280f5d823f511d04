//! The cause categories that Phụ lục 07 names for a gap.

use serde::{Deserialize, Serialize};

use crate::text::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cause {
    Legal,
    Infrastructure,
    Data,
    Security,
    People,
    Funding,
}

impl Cause {
    pub const ALL: [Cause; 6] = [
        Cause::Legal,
        Cause::Infrastructure,
        Cause::Data,
        Cause::Security,
        Cause::People,
        Cause::Funding,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Cause::Legal => "legal",
            Cause::Infrastructure => "infrastructure",
            Cause::Data => "data",
            Cause::Security => "security",
            Cause::People => "people",
            Cause::Funding => "funding",
        }
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            Cause::Legal => "pháp lý",
            Cause::Infrastructure => "hạ tầng",
            Cause::Data => "dữ liệu",
            Cause::Security => "an ninh an toàn",
            Cause::People => "nguồn lực – con người",
            Cause::Funding => "tài chính",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Cause::Legal => "legal",
            Cause::Infrastructure => "infrastructure",
            Cause::Data => "data",
            Cause::Security => "security",
            Cause::People => "people",
            Cause::Funding => "funding",
        }
    }

    /// Accepts the English key or the Vietnamese word, with or without diacritics.
    pub fn from_query(word: &str) -> Option<Cause> {
        let w = fold(word).replace(['_', ' '], "-");
        let w = w.as_str();
        Cause::ALL.into_iter().find(|c| c.key() == w).or(match w {
            "phap-ly" | "phaply" | "law" => Some(Cause::Legal),
            "ha-tang" | "hatang" | "infra" => Some(Cause::Infrastructure),
            "du-lieu" | "dulieu" => Some(Cause::Data),
            "an-ninh" | "an-toan" | "an-ninh-an-toan" => Some(Cause::Security),
            "nguon-luc" | "con-nguoi" | "nhan-luc" => Some(Cause::People),
            "tai-chinh" | "taichinh" | "kinh-phi" | "money" | "finance" => Some(Cause::Funding),
            _ => None,
        })
    }
}
