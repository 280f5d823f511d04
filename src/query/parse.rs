//! The query language, one for the filter bar, the views and the command line:
//!
//! - free words match where a word of the text begins, ignoring case and diacritics:
//!   `binh dinh` (the rule, and what titles forgive, is in `words`)
//! - `"quoted phrases"` match as written (still folded), also where a word begins
//! - `field:value` terms: `status:`, `unit:`, `lead:`, `locality:`, `today:`, `model:`,
//!   `cause:`, `report:`, `kind:`, `group:`; values with spaces are quoted: `unit:"Sở TT&TT"`
//! - `overdue` (or `is:overdue`, `quá-hạn`), `is:open`, `is:done`
//! - any term negated with a leading `-`
//!
//! All terms must hold (AND).

use std::fmt;

use super::words::is_loose;
use crate::domain::{Cause, Status};
use crate::text::{did_you_mean, fold};

#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    pub negated: bool,
    pub kind: TermKind,
    /// Byte range of the term in the query text, for error messages and highlighting.
    pub span: (usize, usize),
}

#[derive(Debug, Clone, PartialEq)]
pub enum TermKind {
    /// A free word, folded.
    Word(String),
    /// A quoted phrase, folded.
    Phrase(String),
    /// Free words that spell a place (`words`, folded, one space apart) and the place's id:
    /// never parsed, made by `Compiled` (`equiv::with_places`) from the words as typed.
    Place {
        words: String,
        id: String,
    },
    Status(Status),
    /// Any unit involved (lead, coordinating, deploying, responsible, addressee).
    Unit(String),
    /// The lead or responsible unit only.
    Lead(String),
    Locality(String),
    /// A province of today (one of 34): matches everything of the old provinces it absorbed.
    Today(String),
    Model(u32),
    Cause(Option<Cause>),
    Report(String),
    Kind(String),
    Group(String),
    Overdue,
    Open,
    Done,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QueryError {
    pub message: String,
    /// The same in Vietnamese, for the console's filter bar.
    pub message_vi: String,
    pub span: (usize, usize),
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message)
    }
}

impl QueryError {
    pub fn new(span: (usize, usize), en: String, vi: String) -> QueryError {
        QueryError {
            message: en,
            message_vi: vi,
            span,
        }
    }

    /// The message in the console's language.
    pub fn message_in(&self, vi: bool) -> &str {
        if vi {
            &self.message_vi
        } else {
            &self.message
        }
    }

    /// The message with the query and a caret line under the bad term, for the command line.
    pub fn render(&self, query: &str) -> String {
        self.render_in(query, false)
    }

    /// As `render`, the message in Vietnamese or English.
    pub fn render_in(&self, query: &str, vi: bool) -> String {
        let start = query[..self.span.0.min(query.len())].chars().count();
        let len = query
            .get(self.span.0..self.span.1)
            .map(|s| s.chars().count())
            .unwrap_or(1)
            .max(1);
        format!(
            "{query}\n{}{}\n{}",
            " ".repeat(start),
            "^".repeat(len),
            self.message_in(vi)
        )
    }
}

pub const FIELDS: [&str; 11] = [
    "status", "unit", "lead", "locality", "today", "model", "cause", "report", "kind", "group",
    "is",
];

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    pub text: String,
    pub terms: Vec<Term>,
}

impl Query {
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The folded needles to highlight in displayed text (free words and phrases).
    pub fn highlights(&self) -> Vec<String> {
        self.terms
            .iter()
            .filter(|t| !t.negated)
            .filter_map(|t| match &t.kind {
                TermKind::Word(w) | TermKind::Phrase(w) => Some(w.clone()),
                _ => None,
            })
            .collect()
    }

    /// Whether everything this query matches is sure to match `wider` too: it is `wider` with
    /// more typed at the end of a word or phrase, or with terms added. Then only `wider`'s
    /// matches need testing. A negated term must be the same (typing on widens it), and a word
    /// must stay on one side of `words::LOOSE_MIN` (from there on it is matched loosely too).
    pub fn narrows(&self, wider: &Query) -> bool {
        wider.terms.len() <= self.terms.len()
            && wider.terms.iter().zip(&self.terms).all(|(w, n)| {
                w.negated == n.negated
                    && (w.kind == n.kind
                        || (!w.negated
                            && match (&w.kind, &n.kind) {
                                (TermKind::Word(a), TermKind::Word(b)) => {
                                    b.starts_with(a.as_str())
                                        && is_loose(a.as_str()) == is_loose(b.as_str())
                                }
                                (TermKind::Phrase(a), TermKind::Phrase(b)) => {
                                    b.starts_with(a.as_str())
                                }
                                _ => false,
                            }))
            })
    }

    pub fn parse(text: &str) -> Result<Query, QueryError> {
        let mut terms = Vec::new();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < text.len() {
            let c = text[i..].chars().next().unwrap_or(' ');
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
            let start = i;
            let negated = c == '-'
                && text[i + 1..]
                    .chars()
                    .next()
                    .is_some_and(|n| !n.is_whitespace());
            if negated {
                i += 1;
            }
            // Quoted phrase
            if bytes.get(i) == Some(&b'"') {
                let (phrase, end) = read_quoted(text, i)?;
                i = end;
                if phrase.trim().is_empty() {
                    return Err(QueryError::new(
                        (start, end),
                        "empty phrase: write words between the quotes".into(),
                        "cụm từ trống: hãy gõ chữ giữa hai dấu nháy".into(),
                    ));
                }
                terms.push(Term {
                    negated,
                    kind: TermKind::Phrase(fold(phrase.trim())),
                    span: (start, end),
                });
                continue;
            }
            // A word, possibly field:value
            let word_end = text[i..]
                .find(|ch: char| ch.is_whitespace() || ch == ':')
                .map(|o| i + o)
                .unwrap_or(text.len());
            if text[word_end..].starts_with(':') && word_end > i {
                let field = &text[i..word_end];
                let vstart = word_end + 1;
                let (value, end) = if text[vstart..].starts_with('"') {
                    let (v, e) = read_quoted(text, vstart)?;
                    (v.to_string(), e)
                } else {
                    let e = text[vstart..]
                        .find(char::is_whitespace)
                        .map(|o| vstart + o)
                        .unwrap_or(text.len());
                    (text[vstart..e].to_string(), e)
                };
                i = end;
                let span = (start, end);
                let kind = field_term(field, value.trim(), span)?;
                terms.push(Term {
                    negated,
                    kind,
                    span,
                });
                continue;
            }
            let end = text[i..]
                .find(char::is_whitespace)
                .map(|o| i + o)
                .unwrap_or(text.len());
            let word = &text[i..end];
            i = end;
            let f = fold(word);
            if !f.chars().any(char::is_alphanumeric) {
                // Lone punctuation ("Thừa thiên - Huế") carries no meaning for search.
                continue;
            }
            let kind = match f.as_str() {
                "overdue" | "qua-han" | "quahan" => TermKind::Overdue,
                _ => TermKind::Word(f),
            };
            terms.push(Term {
                negated,
                kind,
                span: (start, end),
            });
        }
        Ok(Query {
            text: text.to_string(),
            terms,
        })
    }
}

fn read_quoted(text: &str, open: usize) -> Result<(&str, usize), QueryError> {
    match text[open + 1..].find('"') {
        Some(o) => Ok((&text[open + 1..open + 1 + o], open + 2 + o)),
        None => Err(QueryError::new(
            (open, text.len()),
            "this quote is not closed: add a '\"' at the end of the phrase".into(),
            "dấu nháy chưa đóng: thêm '\"' ở cuối cụm từ".into(),
        )),
    }
}

fn field_term(field: &str, value: &str, span: (usize, usize)) -> Result<TermKind, QueryError> {
    let f = fold(field);
    let err = |en: String, vi: String| QueryError::new(span, en, vi);
    if value.is_empty() {
        return Err(err(
            format!(
                "'{field}:' needs a value after the colon, e.g. {}",
                example(&f)
            ),
            format!(
                "'{field}:' cần một giá trị sau dấu hai chấm, ví dụ {}",
                example(&f)
            ),
        ));
    }
    Ok(match f.as_str() {
        "status" | "trang-thai" | "tt" => {
            TermKind::Status(Status::from_query(value).ok_or_else(|| {
                let keys = Status::ALL.map(|s| s.key()).join(", ");
                err(
                    format!("unknown status '{value}'; expected one of: {keys}"),
                    format!("không có trạng thái '{value}'; dùng một trong: {keys}"),
                )
            })?)
        }
        "unit" | "don-vi" | "dv" => TermKind::Unit(value.to_string()),
        "lead" | "chu-tri" => TermKind::Lead(value.to_string()),
        "locality" | "loc" | "dia-phuong" | "tinh" | "province" => {
            TermKind::Locality(value.to_string())
        }
        "today" | "tinh-moi" => TermKind::Today(value.to_string()),
        "model" | "mo-hinh" | "m" => {
            let n: String = value.trim_start_matches(['m', 'M']).to_string();
            TermKind::Model(n.parse().map_err(|_| {
                err(
                    format!("'model:' takes a model number from the national catalogue, e.g. model:2 (got '{value}')"),
                    format!("'model:' cần số mô hình trong danh mục quốc gia, ví dụ model:2 (gõ '{value}')"),
                )
            })?)
        }
        "cause" | "nguyen-nhan" => {
            if matches!(fold(value).as_str(), "unknown" | "chua-ro" | "none") {
                TermKind::Cause(None)
            } else {
                TermKind::Cause(Some(Cause::from_query(value).ok_or_else(|| {
                    let keys = Cause::ALL.map(|c| c.key()).join(", ");
                    err(
                        format!("unknown cause '{value}'; expected one of: {keys}, unknown"),
                        format!("không có nguyên nhân '{value}'; dùng một trong: {keys}, unknown (hoặc tiếng Việt: tài-chính, pháp-lý …)"),
                    )
                })?))
            }
        }
        "report" | "bao-cao" => TermKind::Report(fold(value)),
        "kind" | "loai" => TermKind::Kind(fold(value)),
        "group" | "nhom" => TermKind::Group(fold(value)),
        "is" => match fold(value).as_str() {
            "overdue" | "qua-han" => TermKind::Overdue,
            "open" | "mo" => TermKind::Open,
            "done" | "xong" => TermKind::Done,
            _ => {
                return Err(err(
                    format!("unknown 'is:{value}'; expected is:overdue, is:open or is:done"),
                    format!("không có 'is:{value}'; dùng is:overdue, is:open hoặc is:done"),
                ))
            }
        },
        _ => {
            let guess = did_you_mean(field, FIELDS);
            let hint = guess
                .map(|s| format!(" (did you mean '{s}:'?)"))
                .unwrap_or_default();
            let hint_vi = guess
                .map(|s| format!(" (có phải '{s}:'?)"))
                .unwrap_or_default();
            let fields = FIELDS.map(|f| format!("{f}:")).join(" ");
            return Err(err(
                format!("unknown field '{field}:'{hint}; fields are {fields}"),
                format!("không có trường '{field}:'{hint_vi}; các trường: {fields}"),
            ));
        }
    })
}

fn example(field: &str) -> &'static str {
    match field {
        "status" => "status:done",
        "unit" => "unit:STTTT",
        "locality" => "locality:binh-dinh",
        "model" => "model:2",
        "cause" => "cause:funding",
        _ => "status:done",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fields_negation_and_phrases() {
        let q = Query::parse("binh dinh status:done -unit:STTTT \"dịch vụ công\" overdue").unwrap();
        assert_eq!(q.terms.len(), 6);
        assert_eq!(q.terms[0].kind, TermKind::Word("binh".into()));
        assert_eq!(q.terms[2].kind, TermKind::Status(Status::Done));
        assert!(q.terms[3].negated);
        assert_eq!(q.terms[3].kind, TermKind::Unit("STTTT".into()));
        assert_eq!(q.terms[4].kind, TermKind::Phrase("dich vu cong".into()));
        assert_eq!(q.terms[5].kind, TermKind::Overdue);
        assert_eq!(q.highlights(), vec!["binh", "dinh", "dich vu cong"]);
    }

    #[test]
    fn quoted_field_values() {
        let q = Query::parse("unit:\"Sở TT&TT\" cause:tài-chính").unwrap();
        assert_eq!(q.terms[0].kind, TermKind::Unit("Sở TT&TT".into()));
        assert_eq!(q.terms[1].kind, TermKind::Cause(Some(Cause::Funding)));
    }

    #[test]
    fn errors_point_at_the_bad_term() {
        let e = Query::parse("binh statsu:done").unwrap_err();
        assert_eq!(e.span, (5, 16));
        assert!(
            e.message.contains("did you mean 'status:'"),
            "{}",
            e.message
        );
        assert!(e.render("binh statsu:done").contains("     ^^^^^^^^^^^"));

        let e = Query::parse("status:finished").unwrap_err();
        assert!(e.message.contains("expected one of: done"), "{}", e.message);
        let e = Query::parse("model:abc").unwrap_err();
        assert!(e.message.contains("model number"));
        let e = Query::parse("\"open phrase").unwrap_err();
        assert!(e.message.contains("not closed"));
        let e = Query::parse("unit:").unwrap_err();
        assert!(e.message.contains("needs a value"));
        let e = Query::parse("cause:weather").unwrap_err();
        assert!(e.message.contains("funding"));
    }

    #[test]
    fn typing_on_narrows_and_deleting_widens() {
        let q = |s: &str| Query::parse(s).unwrap();
        assert!(q("dich vu").narrows(&q("dich v")));
        assert!(q("dich vu status:done").narrows(&q("dich vu")));
        assert!(q("\"dich vu c\"").narrows(&q("\"dich vu\"")));
        assert!(q("anything").narrows(&q("")));
        assert!(!q("dich v").narrows(&q("dich vu")));
        // A negated word typed on excludes less.
        assert!(!q("-hue").narrows(&q("-hu")));
        assert!(q("-hue x").narrows(&q("-hue")));
        // "dic" is taken as typed; "dich" is also matched loosely on titles.
        assert!(!q("dich").narrows(&q("dic")));
        assert!(q("dichv").narrows(&q("dich")));
        // A word that becomes a field is another term.
        assert!(!q("unit:S").narrows(&q("unit")));
        assert!(!q("overdue").narrows(&q("overdu")));
    }

    #[test]
    fn a_lone_dash_is_a_word() {
        let q = Query::parse("Thừa thiên - Huế").unwrap();
        assert_eq!(q.terms.len(), 3);
        assert_eq!(q.terms[2].kind, TermKind::Word("hue".into()));
    }
}
