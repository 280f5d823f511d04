//! What the command line says of free words that name a place or a unit: the equivalent term
//! and how many rows it alone gives, so that a count read aloud is the one meant.

use chrono::NaiveDate;

use crate::journal::Lang;
use crate::query::Compiled;
use crate::store::Loaded;

/// One line per run of free words that names a place or a unit, e.g.
/// `"binh dinh" = locality:binh-dinh: 40 dòng; từ tự do tìm được 43 (gồm cả các dòng nhắc đến)`.
pub fn notes(
    loaded: &Loaded,
    kind: &str,
    filter: Option<&str>,
    as_of: NaiveDate,
    lang: Lang,
    found: usize,
) -> Vec<String> {
    let Some(text) = filter.filter(|f| !f.trim().is_empty()) else {
        return Vec::new();
    };
    let Ok(compiled) = Compiled::parse(text, &loaded.snapshot) else {
        return Vec::new();
    };
    compiled
        .equivalents()
        .iter()
        .map(|e| {
            let by_term = super::export::rows(loaded, kind, Some(&e.replaced_in(text)), as_of)
                .map(|r| r.len())
                .ok();
            match (lang, by_term) {
                (Lang::Vi, Some(n)) if n == found => {
                    format!("\"{}\" = {}: {n} dòng, như từ tự do", e.words, e.term)
                }
                (Lang::Vi, Some(n)) => format!(
                    "\"{}\" = {}: {n} dòng; từ tự do tìm được {found} (gồm cả các dòng chỉ nhắc đến)",
                    e.words, e.term
                ),
                (Lang::En, Some(n)) if n == found => {
                    format!("\"{}\" = {}: {n} rows, as the free words", e.words, e.term)
                }
                (Lang::En, Some(n)) => format!(
                    "\"{}\" = {}: {n} rows; the free words found {found} (those that only mention it too)",
                    e.words, e.term
                ),
                (_, None) => format!("\"{}\" = {}", e.words, e.term),
            }
        })
        .collect()
}
