//! One identity per unit, spellings by rule, and free words that find a province's and a
//! unit's records: on the shipped snapshot (every role, every spelling, every province) and on
//! copies of the small test snapshot for what the checker says.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use giaoban::domain::LocalityLevel;
use giaoban::query::{Compiled, Ctx, Rec};
use giaoban::store::{load_path, Loaded};
use giaoban::text::fold;

fn shipped() -> Loaded {
    load_path(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data"))
        .expect("the shipped snapshot loads")
}

fn ctx(l: &Loaded) -> Ctx<'_> {
    Ctx {
        snap: &l.snapshot,
        findings: &l.findings,
        as_of: l.snapshot.as_of.unwrap(),
        overlay: None,
    }
}

/// Every record of every kind the query language filters.
fn every_record(l: &Loaded) -> Vec<(&'static str, Vec<Rec>)> {
    let s = &l.snapshot;
    vec![
        ("tasks", (0..s.tasks.len()).map(Rec::Task).collect()),
        (
            "blockers",
            (0..s.blockers.len()).map(Rec::Blocker).collect(),
        ),
        ("models", (0..s.models.len()).map(Rec::Model).collect()),
        (
            "assessments",
            (0..s.assessments.len()).map(Rec::Assessment).collect(),
        ),
        (
            "indicators",
            (0..s.indicators.len()).map(Rec::Indicator).collect(),
        ),
        ("units", (0..s.units.len()).map(Rec::Unit).collect()),
        (
            "localities",
            (0..s.localities.len()).map(Rec::Locality).collect(),
        ),
        ("reports", (0..s.reports.len()).map(Rec::Report).collect()),
        (
            "findings",
            (0..l.findings.len()).map(Rec::Finding).collect(),
        ),
    ]
}

fn matching(l: &Loaded, q: &str, recs: &[Rec]) -> BTreeSet<Rec> {
    let c = Compiled::parse(q, &l.snapshot).unwrap_or_else(|e| panic!("{}", e.render(q)));
    c.filter(&ctx(l), recs).into_iter().collect()
}

fn ids(l: &Loaded, units: &[usize]) -> Vec<String> {
    units
        .iter()
        .map(|&i| l.snapshot.units[i].id.to_string())
        .collect()
}

/// The ways a person may type a spelling: as written, without diacritics, in capitals, with
/// "&", "-", "." and spaces swapped for one another.
fn variants(s: &str) -> Vec<String> {
    let mut out = vec![
        s.to_string(),
        fold(s),
        s.to_uppercase(),
        s.replace('&', " "),
        s.replace('&', "-"),
        s.replace('&', ""),
        s.replace('-', "&"),
        s.replace(' ', ""),
        s.replace(". ", " ").replace('.', " "),
        fold(s).replace(['&', '-'], " "),
    ];
    out.sort();
    out.dedup();
    out
}

/// Every role of units.ron (a unit of no locality played by local units) and every spelling
/// of it, written every way a person may type it, names the same units: the role and every
/// local unit that plays it. With a province's name after it, the one of that province.
#[test]
fn every_spelling_of_a_role_names_the_same_units_in_every_province() {
    let l = shipped();
    let s = &l.snapshot;
    let roles: Vec<usize> = (0..s.units.len())
        .filter(|&r| (0..s.units.len()).any(|m| s.unit_role(m) == Some(r)))
        .collect();
    assert!(
        roles.len() >= 20,
        "roles played in a province: {}",
        roles.len()
    );
    let mut checked = 0;
    for &r in &roles {
        let role = &s.units[r];
        let members: Vec<usize> = (0..s.units.len())
            .filter(|&m| s.unit_role(m) == Some(r))
            .collect();
        let mut expected = vec![r];
        expected.extend(&members);
        expected.sort_unstable();
        let spellings = std::iter::once(&role.name)
            .chain(&role.aliases)
            .chain(std::iter::once(&role.id));
        for spelling in spellings {
            for v in variants(spelling) {
                assert_eq!(
                    ids(&l, &s.units_spelled(&v)),
                    ids(&l, &expected),
                    "'{v}' (a spelling of {})",
                    role.id
                );
                checked += 1;
            }
            for &m in &members {
                let province = s.unit_province(m).unwrap();
                let name = &s.locality(province).unwrap().name;
                let in_province: Vec<usize> = members
                    .iter()
                    .copied()
                    .filter(|&x| s.unit_province(x) == Some(province))
                    .collect();
                for v in [
                    format!("{spelling} tỉnh {name}"),
                    format!("{} {}", fold(spelling), fold(name)),
                ] {
                    assert_eq!(
                        ids(&l, &s.units_spelled(&v)),
                        ids(&l, &in_province),
                        "'{v}'"
                    );
                }
            }
        }
    }
    assert!(checked > 300, "{checked} spellings checked");
}

/// The same rows in every view for every spelling of a role: `unit:` and `lead:` with any
/// spelling give what they give with the role's id.
#[test]
fn unit_and_lead_give_the_same_rows_for_every_spelling() {
    let l = shipped();
    let s = &l.snapshot;
    let kinds = every_record(&l);
    for role in [
        "so-tttt",
        "cong-an-tinh",
        "ubnd-tinh",
        "so-ldtbxh",
        "so-tu-phap",
    ] {
        let r = s.unit(role).unwrap();
        for field in ["unit", "lead"] {
            for (kind, recs) in &kinds {
                let by_id = matching(&l, &format!("{field}:{role}"), recs);
                for spelling in std::iter::once(&r.name).chain(&r.aliases) {
                    for v in variants(spelling) {
                        let q = format!("{field}:\"{v}\"");
                        assert_eq!(matching(&l, &q, recs), by_id, "{kind}: {q}");
                    }
                }
            }
        }
    }
}

/// The reproduction of issue 9: the overdue count of the Sở TTTT no longer depends on the
/// abbreviation typed, and a province's department is found with `locality:`.
#[test]
fn the_chair_counts_the_same_overdue_tasks_whatever_the_spelling() {
    let l = shipped();
    let s = &l.snapshot;
    let tasks: Vec<Rec> = (0..s.tasks.len()).map(Rec::Task).collect();
    let a = matching(&l, "overdue unit:STTTT", &tasks);
    for q in [
        "overdue unit:\"Sở TT&TT\"",
        "overdue unit:\"Sở TT-TT\"",
        "overdue unit:\"so tt tt\"",
        "overdue unit:\"sở tttt\"",
        "overdue unit:so-tttt",
    ] {
        assert_eq!(matching(&l, q, &tasks), a, "{q}");
    }
    // Bình Định's Sở TTTT: the tasks that name it, whatever the spelling.
    let bd: BTreeSet<Rec> = (0..s.tasks.len())
        .filter(|&i| {
            let t = &s.tasks[i];
            t.lead_units
                .iter()
                .chain(&t.coord_units)
                .chain(&t.force_units)
                .any(|u| u == "binh-dinh-so-tttt")
        })
        .map(Rec::Task)
        .collect();
    assert_eq!(bd.len(), 3);
    for q in [
        "unit:STTTT locality:binh-dinh",
        "unit:\"Sở TT&TT\" locality:\"Bình Định\"",
        "unit:\"Sở TTTT tỉnh Bình Định\"",
        "unit:\"so tttt binh dinh\"",
    ] {
        assert_eq!(matching(&l, q, &tasks), bd, "{q}");
    }
}

/// Free words that name a province find every record `locality:` finds for it (and may find
/// more: records that mention it), for every province of the data and every kind of record.
#[test]
fn a_province_named_in_free_words_finds_every_record_of_it() {
    let l = shipped();
    let s = &l.snapshot;
    let kinds = every_record(&l);
    let mut provinces_with_records = 0;
    for p in s
        .localities
        .iter()
        .filter(|p| p.level == LocalityLevel::Province)
    {
        let mut any = false;
        for (kind, recs) in &kinds {
            let by_locality = matching(&l, &format!("locality:{}", p.id), recs);
            any |= !by_locality.is_empty() && *kind == "tasks";
            for words in [fold(&p.name), p.name.to_string()] {
                let free = matching(&l, &words, recs);
                let missed: Vec<_> = by_locality.difference(&free).collect();
                assert!(
                    missed.is_empty(),
                    "{kind}: '{words}' misses {} of the {} records of locality:{}: {missed:?}",
                    missed.len(),
                    by_locality.len(),
                    p.id
                );
            }
        }
        provinces_with_records += usize::from(any);
    }
    assert!(provinces_with_records >= 2);
    // The issue's own examples.
    let tasks: Vec<Rec> = (0..s.tasks.len()).map(Rec::Task).collect();
    for (words, id, at_least) in [
        ("binh dinh", "binh-dinh", 40),
        ("thua thien hue", "thua-thien-hue", 104),
    ] {
        let by_locality = matching(&l, &format!("locality:{id}"), &tasks).len();
        assert!(by_locality >= at_least, "{id}: {by_locality}");
        assert!(matching(&l, words, &tasks).len() >= by_locality, "{words}");
    }
}

/// "so tttt hue": the Huế department's records, not those of Bình Định's.
#[test]
fn free_words_find_a_unit_of_a_province() {
    let l = shipped();
    let s = &l.snapshot;
    let tasks: Vec<Rec> = (0..s.tasks.len()).map(Rec::Task).collect();
    let hue = matching(&l, "unit:thua-thien-hue-so-tttt", &tasks);
    let free = matching(&l, "so tttt hue", &tasks);
    assert!(!hue.is_empty());
    assert!(hue.is_subset(&free));
    // The units view: one row per Sở TTTT, whatever the spelling.
    let units: Vec<Rec> = (0..s.units.len()).map(Rec::Unit).collect();
    let all: BTreeSet<Rec> = ["so-tttt", "binh-dinh-so-tttt", "thua-thien-hue-so-tttt"]
        .iter()
        .map(|id| Rec::Unit(s.index.unit[*id]))
        .collect();
    for q in ["STTTT", "so tttt", "sở tt&tt"] {
        assert_eq!(matching(&l, q, &units), all, "{q}");
    }
}

fn mini() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini")
}

/// A copy of the test snapshot with its places file changed by `edit`.
fn edited(edit: impl Fn(&str) -> String) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(mini()).unwrap() {
        let p = entry.unwrap().path();
        let text = std::fs::read_to_string(&p).unwrap();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        let text = if name == "places.ron" {
            edit(&text)
        } else {
            text
        };
        std::fs::write(dir.path().join(&name), text).unwrap();
    }
    let path = dir.path().to_path_buf();
    (dir, path)
}

const BD_TU_PHAP: &str = r#"(id: "binh-dinh-so-tu-phap", name: "Sở Tư pháp tỉnh Bình Định", aliases: ["Sở Tư pháp"], level: province, locality: "binh-dinh"),"#;

#[test]
fn the_checker_says_where_a_role_is_missing_wrong_or_repeated() {
    // A local unit that reads as a role but does not say so.
    let (_d, p) = edited(|t| {
        t.replacen(
            BD_TU_PHAP,
            &format!("{BD_TU_PHAP}\n        (id: \"so-tu-phap\", name: \"Sở Tư pháp\", aliases: [\"STP\"], level: province),"),
            1,
        )
    });
    let l = load_path(&p).expect("loads");
    let w: Vec<String> = l.warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        w.iter()
            .any(|w| w.contains("places.ron:17:") && w.contains("add role: \"so-tu-phap\"")),
        "{w:?}"
    );

    // A role that is not defined: an error with file, line and column, and a suggestion.
    let (_d, p) = edited(|t| {
        t.replacen(
            "level: province, locality: \"binh-dinh\"",
            "level: province, role: \"so-tu-phap\", locality: \"binh-dinh\"",
            1,
        )
    });
    let errs: Vec<String> = match load_path(&p) {
        Ok(_) => vec![],
        Err(f) => f.errors.iter().map(|e| e.to_string()).collect(),
    };
    assert!(
        errs.iter().any(|e| e.contains("places.ron:17:")
            && e.contains("the role \"so-tu-phap\" is not defined")),
        "{errs:?}"
    );

    // A role given, and an alias the role already spells: said once, in the role.
    let (_d, p) = edited(|t| {
        t.replacen(
            "level: province, locality: \"binh-dinh\"",
            "level: province, role: \"so-tu-phap\", locality: \"binh-dinh\"",
            1,
        )
        .replacen(
            "    ],\n    model_groups",
            "        (id: \"so-tu-phap\", name: \"Sở Tư pháp\", aliases: [\"STP\"], level: province),\n    ],\n    model_groups",
            1,
        )
    });
    let l = load_path(&p).expect("loads");
    let w: Vec<String> = l.warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        w.iter().any(|w| w.contains("places.ron:17:")
            && w.contains("\"Sở Tư pháp\" is already a spelling of its role \"so-tu-phap\"")),
        "{w:?}"
    );
    // And the unit is found by every spelling of its role, with the province's name too.
    let s = &l.snapshot;
    for v in [
        "STP",
        "stp",
        "Sở Tư pháp",
        "so tu phap",
        "STP Bình Định",
        "Sở Tư pháp tỉnh Bình Định",
    ] {
        assert!(
            ids(&l, &s.units_spelled(v)).contains(&"binh-dinh-so-tu-phap".to_string()),
            "{v}"
        );
    }
}

/// Free words that exactly name a place or a unit are said as the term they stand for.
#[test]
fn free_words_that_name_a_place_or_unit_are_said_as_the_term() {
    let l = shipped();
    let s = &l.snapshot;
    let said = |q: &str| -> Vec<String> {
        Compiled::parse(q, s)
            .unwrap()
            .equivalents()
            .iter()
            .map(|e| e.to_string())
            .collect()
    };
    assert_eq!(said("binh dinh"), ["binh dinh = locality:binh-dinh"]);
    assert_eq!(said("Bình Định"), ["Bình Định = locality:binh-dinh"]);
    assert_eq!(
        said("overdue thua thien hue"),
        ["thua thien hue = locality:thua-thien-hue"]
    );
    assert_eq!(said("STTTT"), ["STTTT = unit:so-tttt"]);
    assert_eq!(said("so tt tt"), ["so tt tt = unit:so-tttt"]);
    assert_eq!(
        said("so tttt hue"),
        ["so tttt hue = unit:thua-thien-hue-so-tttt"]
    );
    assert_eq!(
        said("c06 binh dinh"),
        ["c06 = unit:c06", "binh dinh = locality:binh-dinh"]
    );
    assert!(said("dich vu cong").is_empty());
    assert!(
        said("-binh dinh").is_empty(),
        "a negated word names nothing"
    );
}

#[test]
fn export_says_what_free_words_stand_for_and_what_each_counts() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_giaoban"))
        .args([
            "export",
            "tasks",
            "--format",
            "csv",
            "--filter",
            "binh dinh",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows = String::from_utf8_lossy(&out.stdout).lines().count() - 1;
    let err = String::from_utf8_lossy(&out.stderr);
    let l = shipped();
    let tasks: Vec<Rec> = (0..l.snapshot.tasks.len()).map(Rec::Task).collect();
    let by_locality = matching(&l, "locality:binh-dinh", &tasks).len();
    assert!(rows >= by_locality);
    let expected = if rows == by_locality {
        format!("\"binh dinh\" = locality:binh-dinh: {by_locality} dòng, như từ tự do")
    } else {
        format!("\"binh dinh\" = locality:binh-dinh: {by_locality} dòng; từ tự do tìm được {rows}")
    };
    assert!(err.contains(&expected), "{err}");
}
