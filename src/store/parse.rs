//! RON text → typed file, with errors that name the line and column and what was expected,
//! and every string cleaned (NFC, control characters and escape sequences removed).

use ron::extensions::Extensions;
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::diagnostic::{position_of, Diagnostic};
use crate::text::{clean, excerpt, EXCERPT_CHARS};

fn options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Parse one RON document. Strings that had to be cleaned are reported as warnings.
pub fn parse_ron<T: DeserializeOwned + Serialize>(
    file: &str,
    text: &str,
) -> Result<(T, Vec<Diagnostic>), Diagnostic> {
    let value: T = options().from_str(text).map_err(|e| {
        let pos = (e.position.line, e.position.col);
        Diagnostic::error(file, pos, explain(&e.code))
    })?;
    // Most files have nothing to clean: one quick pass over the text tells.
    if !super::scan::may_need_cleaning(text) {
        return Ok((value, Vec::new()));
    }
    // Clean every string: round-trip through a generic value tree.
    let mut tree =
        serde_json::to_value(&value).map_err(|e| Diagnostic::error(file, (0, 0), e.to_string()))?;
    let mut warnings = Vec::new();
    clean_tree(&mut tree, &mut String::new(), &mut |path, before| {
        let probe: String = before.chars().take(20).collect();
        let pos = position_of(text, &probe, 0);
        warnings.push(Diagnostic::warning(
            file,
            pos,
            format!(
                "{path}: control characters or escape sequences removed, text normalised to NFC"
            ),
        ));
    });
    if warnings.is_empty() {
        return Ok((value, warnings));
    }
    let value =
        serde_json::from_value(tree).map_err(|e| Diagnostic::error(file, (0, 0), e.to_string()))?;
    Ok((value, warnings))
}

fn clean_tree(v: &mut serde_json::Value, path: &mut String, report: &mut impl FnMut(&str, &str)) {
    match v {
        serde_json::Value::String(s) => {
            let c = clean(s);
            if c != *s {
                report(path, s);
                *s = c;
            }
        }
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                clean_tree(item, path, report);
                path.truncate(len);
            }
        }
        serde_json::Value::Object(map) => {
            for (k, item) in map.iter_mut() {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
                clean_tree(item, path, report);
                path.truncate(len);
            }
        }
        _ => {}
    }
}

/// RON's error, said so that someone who edits the file by hand knows what to do. What it
/// quotes of the file is an inert excerpt: a name or a text of 200 MB is not echoed whole.
fn explain(code: &ron::Error) -> String {
    let q = |s: &str| excerpt(s, EXCERPT_CHARS);
    use ron::Error as E;
    match code {
        E::ExpectedString => "expected a text in double quotes".into(),
        E::ExpectedInteger => "expected a whole number".into(),
        E::ExpectedFloat => "expected a number".into(),
        E::ExpectedBoolean => "expected true or false".into(),
        E::ExpectedArray => "expected a list in [ ]".into(),
        E::ExpectedArrayEnd => "expected ',' or the closing ']' of the list".into(),
        E::ExpectedStructLike => "expected a record in ( )".into(),
        E::ExpectedStructLikeEnd => "expected ',' or the closing ')' of the record".into(),
        E::ExpectedComma => "expected a comma".into(),
        E::ExpectedMapColon => "expected ':' after the field name".into(),
        E::ExpectedOption => "expected a value, or None".into(),
        E::ExpectedStringEnd => "this text is not closed: a '\"' is missing".into(),
        E::ExpectedIdentifier => "expected a field name".into(),
        E::Eof => "the file ends too early: a closing ')' or ']' is missing".into(),
        E::TrailingCharacters => "unexpected text after the end of the file's record".into(),
        E::NoSuchStructField {
            expected, found, ..
        }
        | E::NoSuchEnumVariant {
            expected, found, ..
        } => {
            let list: Vec<&str> = expected.to_vec();
            let suggestion = crate::text::did_you_mean(found, list.iter().copied());
            let found = q(found);
            match suggestion {
                Some(s) => format!(
                    "unknown name '{found}' (did you mean '{s}'?); expected one of: {}",
                    list.join(", ")
                ),
                None => format!(
                    "unknown name '{found}'; expected one of: {}",
                    list.join(", ")
                ),
            }
        }
        E::MissingStructField { field, outer } => match outer {
            Some(o) => format!("the record '{o}' lacks the required field '{field}'"),
            None => format!("a record lacks the required field '{field}'"),
        },
        E::DuplicateStructField { field, .. } => format!("the field '{field}' is given twice"),
        other => {
            let msg = excerpt(&other.to_string(), 4 * EXCERPT_CHARS);
            if msg.contains("NaiveDate")
                || msg.contains("input contains invalid characters")
                || msg.contains("premature end")
                || msg.contains("input is out of range")
            {
                format!("expected a date written YYYY-MM-DD that exists ({msg})")
            } else {
                msg
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::files::DataFile;

    #[test]
    fn syntax_errors_name_line_and_column() {
        let text = "(\n  units: [\n    (id: \"a\", name: \"A\", level: central,\n  ],\n)\n";
        let err = parse_ron::<DataFile>("units.ron", text).unwrap_err();
        assert_eq!(err.line, 4);
        assert!(err.to_string().starts_with("units.ron:4:"), "{err}");
    }

    #[test]
    fn unknown_field_suggests() {
        let text = "(units: [(id: \"a\", nmae: \"A\", level: central)])";
        let err = parse_ron::<DataFile>("units.ron", text).unwrap_err();
        assert!(
            err.message.contains("did you mean 'name'"),
            "{}",
            err.message
        );
    }

    #[test]
    fn wrong_type_says_what_was_expected() {
        let text = "(\n models: [(number: \"one\", group: \"I\", title: \"T\")])";
        let err = parse_ron::<DataFile>("models.ron", text).unwrap_err();
        assert_eq!(err.line, 2);
        assert!(
            err.message.contains("number") || err.message.contains("expected"),
            "{}",
            err.message
        );
    }

    #[test]
    fn strings_are_cleaned_with_a_warning() {
        let text = "(units: [(id: \"a\", name: \"A\\u{1b}[31mB\", level: central)])";
        let (file, warnings) = parse_ron::<DataFile>("u.ron", text).unwrap();
        assert_eq!(file.units[0].name, "AB");
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].message.contains("units[0].name"));
    }

    #[test]
    fn impossible_date_is_an_error() {
        let text = "(title: \"t\", as_of: \"2024-02-30\", files: [])";
        let err = parse_ron::<crate::store::files::Manifest>("manifest.ron", text).unwrap_err();
        assert!(err.message.contains("YYYY-MM-DD"), "{}", err.message);
    }
}
