//! Reopening a snapshot from its cache: the same records, warnings and findings as a load from
//! the files; never a stale cache; a damaged one ignored.

use std::path::{Path, PathBuf};

use giaoban::store::cache::{self, CacheSpot};
use giaoban::store::{self, Loaded};

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else if p.extension().is_some_and(|x| x == "ron") {
            std::fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}

fn snapshot_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini"),
        &data,
    );
    (dir, data)
}

/// What a user sees of a loaded snapshot, in a comparable form.
fn seen(l: &Loaded) -> String {
    let s = &l.snapshot;
    format!(
        "{}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}",
        s.title,
        s.as_of,
        s.tasks
            .iter()
            .map(|t| (&t.id, &t.title, &t.report, &t.deadline_raw))
            .collect::<Vec<_>>(),
        s.blockers
            .iter()
            .map(|b| (&b.id, &b.report))
            .collect::<Vec<_>>(),
        s.units.iter().map(|u| &u.name).collect::<Vec<_>>(),
        s.index.task_text,
        (0..s.tasks.len())
            .map(|i| s.task_status(i))
            .collect::<Vec<_>>(),
        l.warnings,
        l.findings,
    )
}

#[test]
fn a_reopened_snapshot_is_the_same_and_never_stale() {
    let (_tmp, data) = snapshot_copy();
    let first = store::load_path(&data).expect("loads");
    let spot = CacheSpot::for_path(&data);
    assert!(
        spot.primary.exists(),
        "the cache is written beside the snapshot"
    );
    let again = store::load_path(&data).expect("reopens");
    assert_eq!(seen(&first), seen(&again));

    // A cache with the right key is what a reopen reads: make one that says something else.
    let (key, mut cached) = cache::read(&spot).expect("the cache reads back");
    cached.snapshot.title = "from the cache".into();
    cache::write(&spot, &key, &cached);
    assert_eq!(
        store::load_path(&data).unwrap().snapshot.title,
        "from the cache"
    );

    // The files change: the cache is stale and is not used.
    let manifest = data.join("manifest.ron");
    let text = std::fs::read_to_string(&manifest).unwrap();
    let title = store::load_path(&data).unwrap().snapshot.title;
    let changed = text.replacen(&format!("\"{}\"", first.snapshot.title), "\"Tên mới\"", 1);
    assert_ne!(text, changed, "the manifest names its title");
    std::fs::write(&manifest, changed).unwrap();
    assert_eq!(title, "from the cache");
    assert_eq!(store::load_path(&data).unwrap().snapshot.title, "Tên mới");
}

#[test]
fn a_damaged_cache_is_ignored() {
    let (_tmp, data) = snapshot_copy();
    let first = store::load_path(&data).expect("loads");
    let spot = CacheSpot::for_path(&data);
    let good = std::fs::read(&spot.primary).unwrap();
    let mut flipped = good.clone();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0x5a;
    for bad in [
        flipped,
        good[..good.len() / 3].to_vec(),
        Vec::new(),
        b"not a cache at all".to_vec(),
    ] {
        std::fs::write(&spot.primary, &bad).unwrap();
        let l = store::load_path(&data).expect("loads from the files");
        assert_eq!(seen(&first), seen(&l));
    }
    // A cache of other records under this key's header still decodes only if whole: a
    // payload cut short with a rewritten trailer is refused by its checksum.
    assert!(
        cache::read(&spot).is_some(),
        "the load rewrote a good cache"
    );
}

#[test]
fn the_cache_is_in_the_user_cache_folder_one_per_snapshot() {
    let a = CacheSpot::for_path(Path::new(env!("CARGO_MANIFEST_DIR")).join("data").as_path());
    let b = CacheSpot::for_path(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests")
            .as_path(),
    );
    assert!(
        a.primary.to_string_lossy().contains("giaoban"),
        "{}",
        a.primary.display()
    );
    assert!(a.primary.extension().is_some_and(|e| e == "cache"));
    assert_ne!(a.primary, b.primary);
}
