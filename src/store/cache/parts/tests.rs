//! A cache whose table was forged (its checksum made right) is refused, never trusted: the
//! counts that size the record tables, the kinds and the places of the parts.

use std::path::Path;
use std::sync::atomic::AtomicBool;

use super::*;

fn written(path: &Path) -> Loaded {
    let loaded = crate::store::load_embedded().expect("the shipped snapshot loads");
    let key = Key::new("manifest.ron", "", Vec::new());
    write_file(path, &key, &loaded, &AtomicBool::new(false)).expect("writes");
    loaded
}

/// The file's table, and where it starts.
fn table_of(bytes: &[u8]) -> (Table, usize) {
    let end = bytes.len() - TRAILER as usize;
    let at = u64::from_le_bytes(bytes[end..end + 8].try_into().unwrap()) as usize;
    (dec::from_part(&bytes[at..end]).unwrap(), at)
}

/// The file with its table replaced, the trailer's place, length and checksum made right.
fn with_table(bytes: &[u8], table: &Table) -> Vec<u8> {
    let (_, at) = table_of(bytes);
    let t = enc::to_part(table).unwrap();
    let mut out = bytes[..at].to_vec();
    out.extend_from_slice(&t);
    out.extend_from_slice(&(at as u64).to_le_bytes());
    out.extend_from_slice(&(t.len() as u64).to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(&t).to_le_bytes());
    out
}

fn decodes(path: &Path, bytes: &[u8]) -> Option<Loaded> {
    std::fs::write(path, bytes).unwrap();
    Opened::open(path)?.decode(&|_| {}, &AtomicBool::new(false))
}

#[test]
fn a_whole_cache_decodes_to_what_was_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.cache");
    let loaded = written(&path);
    let back = Opened::open(&path)
        .unwrap()
        .decode(&|_| {}, &AtomicBool::new(false))
        .unwrap();
    let (a, b) = (&loaded.snapshot, &back.snapshot);
    assert_eq!(a.tasks, b.tasks);
    assert_eq!(a.blockers, b.blockers);
    assert_eq!(a.indicators, b.indicators);
    assert_eq!(a.assessments, b.assessments);
    assert_eq!(a.benefits, b.benefits);
    assert_eq!(a.notes, b.notes);
    assert_eq!(a.index.task_text, b.index.task_text);
    assert_eq!(a.index.task_deadline, b.index.task_deadline);
    assert_eq!(a.index.task_status, b.index.task_status);
    assert_eq!(a.index.indicator_text, b.index.indicator_text);
    assert_eq!(loaded.findings, back.findings);
    assert_eq!(loaded.warnings, back.warnings);
}

#[test]
fn a_forged_table_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.cache");
    written(&path);
    let good = std::fs::read(&path).unwrap();
    assert!(decodes(&path, &with_table(&good, &table_of(&good).0)).is_some());
    let first = |t: &Table, k: Kind| t.parts.iter().position(|p| p.kind == k).unwrap();
    type Forge = Box<dyn Fn(&mut Table)>;
    let forgeries: Vec<(&str, Forge)> = vec![
        (
            "a task more",
            Box::new(move |t| {
                let i = first(t, Kind::Tasks);
                t.parts[i].count += 1;
            }),
        ),
        (
            "a task fewer",
            Box::new(move |t| {
                let i = first(t, Kind::Tasks);
                t.parts[i].count -= 1;
            }),
        ),
        (
            "more findings than bytes",
            Box::new(move |t| {
                let i = first(t, Kind::Findings);
                t.parts[i].count = t.parts[i].len + 1;
            }),
        ),
        ("a count on the head", Box::new(|t| t.parts[0].count = 1)),
        (
            "tasks read as blockers",
            Box::new(move |t| {
                let i = first(t, Kind::Tasks);
                t.parts[i].kind = Kind::Blockers;
            }),
        ),
        (
            "a part twice",
            Box::new(move |t| {
                let i = first(t, Kind::Blockers);
                let p = &t.parts[i];
                let twin = Part {
                    kind: p.kind,
                    offset: p.offset,
                    len: p.len,
                    crc: p.crc,
                    count: p.count,
                };
                t.parts.push(twin);
            }),
        ),
        (
            "a part left out",
            Box::new(move |t| {
                t.parts.remove(first(t, Kind::Indicators));
            }),
        ),
        (
            "a part's place moved",
            Box::new(move |t| {
                let i = first(t, Kind::Notes);
                t.parts[i].offset += 1;
            }),
        ),
    ];
    for (what, forge) in forgeries {
        let mut t = table_of(&good).0;
        forge(&mut t);
        assert!(decodes(&path, &with_table(&good, &t)).is_none(), "{what}");
    }
}

#[test]
fn a_cut_or_flipped_file_is_refused_without_panicking() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.cache");
    written(&path);
    let good = std::fs::read(&path).unwrap();
    let step = (good.len() / 300).max(1);
    for at in (0..good.len())
        .step_by(step)
        .chain(good.len() - 64..good.len())
    {
        let mut bad = good.clone();
        bad[at] ^= 0x20;
        assert!(decodes(&path, &bad).is_none(), "byte {at} flipped");
        assert!(decodes(&path, &good[..at]).is_none(), "cut at {at}");
    }
}
