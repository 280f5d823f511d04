//! Checks shared by the data tests (tests/data_*.rs): every table's last numbered row and every
//! section of a report against the shipped snapshot. The expectations are written into each test
//! from the source reports read by hand; the tests never read the sources themselves.
#![allow(dead_code)]

use std::path::Path;

use giaoban::domain::SourceRef;
use giaoban::store::{load_path, Loaded};

pub fn load() -> Loaded {
    load_path(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data"))
        .expect("the shipped snapshot loads")
}

/// Every record of a report with what it is, its id and where it came from.
pub fn records_of<'a>(l: &'a Loaded, report: &str) -> Vec<(&'static str, &'a str, &'a SourceRef)> {
    let s = &l.snapshot;
    let mut out: Vec<(&'static str, &'a str, &'a SourceRef)> = Vec::new();
    if let Some(r) = s.reports.iter().find(|r| r.id == report) {
        out.extend(
            r.headline
                .iter()
                .map(|h| ("headline", h.id.as_str(), &h.source)),
        );
    }
    out.extend(
        s.assessments
            .iter()
            .filter(|x| x.report == report)
            .map(|x| ("assessment", x.id.as_str(), &x.source)),
    );
    out.extend(
        s.tasks
            .iter()
            .filter(|x| x.report == report)
            .map(|x| ("task", x.id.as_str(), &x.source)),
    );
    out.extend(
        s.blockers
            .iter()
            .filter(|x| x.report == report)
            .map(|x| ("blocker", x.id.as_str(), &x.source)),
    );
    out.extend(
        s.indicators
            .iter()
            .filter(|x| x.report == report)
            .map(|x| ("indicator", x.id.as_str(), &x.source)),
    );
    out.extend(
        s.benefits
            .iter()
            .filter(|x| x.report == report)
            .map(|x| ("benefit", x.id.as_str(), &x.source)),
    );
    out.extend(
        s.notes
            .iter()
            .filter(|x| x.report == report)
            .map(|x| ("note", x.id.as_str(), &x.source)),
    );
    out
}

/// The last numbered row of every table, as printed: (section as the snapshot names it, row
/// number as printed, line of the source file). Each must be a record (not only a note) of the
/// report, at that line; and the source's very last line must be cited by some record (a file
/// that does not end with a newline has lost its last row before).
pub fn assert_last_rows(l: &Loaded, report: &str, last_line: u32, expected: &[(&str, &str, u32)]) {
    let recs = records_of(l, report);
    let mut missing = Vec::new();
    for &(section, row, line) in expected {
        let found = recs.iter().any(|(kind, _, src)| {
            *kind != "note"
                && src.section == section
                && src.row.as_deref() == Some(row)
                && src.line == Some(line)
        });
        if !found {
            missing.push(format!("{section}, dòng {row} (tệp nguồn, dòng {line})"));
        }
    }
    assert!(
        missing.is_empty(),
        "{report}: last rows missing from the snapshot:\n  {}",
        missing.join("\n  ")
    );
    assert!(
        recs.iter()
            .any(|(kind, _, src)| *kind != "note" && src.line == Some(last_line)),
        "{report}: no record cites the last line of the source ({last_line})"
    );
}

/// Every section of a report, by heading as printed (section as the snapshot names it, heading,
/// first and last line in the source): either some record comes from it, or a note in it says
/// why it has none.
pub fn assert_every_section_accounted(
    l: &Loaded,
    report: &str,
    sections: &[(&str, &str, u32, u32)],
) {
    let recs = records_of(l, report);
    let mut bare = Vec::new();
    for &(section, heading, first, last) in sections {
        let within = |src: &SourceRef| src.line.is_some_and(|n| n >= first && n <= last);
        if !recs.iter().any(|(_, _, src)| within(src)) {
            bare.push(format!("{section} \"{heading}\" (dòng {first}–{last})"));
        }
    }
    assert!(
        bare.is_empty(),
        "{report}: sections with no record and no note saying why:\n  {}",
        bare.join("\n  ")
    );
}
