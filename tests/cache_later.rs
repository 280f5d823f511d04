//! The console's cache write, put off until the console is open and done on a thread of its
//! own: the cache is whole when it is there, never half written, and a write given up leaves
//! no file behind. (A file of its own: putting writes off is for the whole process.)

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use giaoban::store;
use giaoban::store::cache::{self, CacheSpot};

fn snapshot_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
    for e in std::fs::read_dir(from).unwrap().flatten() {
        if e.path().extension().is_some_and(|x| x == "ron") {
            std::fs::copy(e.path(), data.join(e.file_name())).unwrap();
        }
    }
    (dir, data)
}

/// The files of this cache in the cache folder besides the cache (unfinished files of a
/// write).
fn others(spot: &CacheSpot) -> Vec<String> {
    let dir = spot.primary.parent().unwrap();
    let stem = spot
        .primary
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .to_string();
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| *p != spot.primary)
                .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(&stem))
                .map(|p| p.display().to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// One test: putting writes off, and the writes in progress, are the whole process's.
#[test]
fn a_put_off_write_is_done_later_whole_or_not_at_all() {
    cache::defer_writes(true);

    // The load does not write the cache; the console's `write_later` does.
    let (_tmp, data) = snapshot_copy();
    let spot = CacheSpot::for_path(&data).expect("a user cache folder");
    let loaded = Arc::new(store::load_path(&data).expect("loads"));
    assert!(!spot.exists(), "not written by the load");
    cache::write_later(&loaded);
    assert!(cache::finish_writes(Duration::from_secs(60)), "written");
    let (_, cached) = cache::read(&spot).expect("the cache is whole");
    assert_eq!(cached.snapshot.tasks, loaded.snapshot.tasks);
    assert_eq!(cached.findings, loaded.findings);
    assert!(others(&spot).is_empty(), "{:?}", others(&spot));
    // Written once: nothing more is put off for these records.
    cache::write_later(&loaded);
    assert!(!cache::writing());

    // Given up at once: either it had finished (whole) or nothing is left of it.
    let (_tmp2, data2) = snapshot_copy();
    let spot2 = CacheSpot::for_path(&data2).expect("a user cache folder");
    let loaded2 = Arc::new(store::load_path(&data2).expect("loads"));
    cache::write_later(&loaded2);
    cache::finish_writes(Duration::ZERO);
    assert!(!spot2.exists() || cache::read(&spot2).is_some());
    assert!(others(&spot2).is_empty(), "{:?}", others(&spot2));

    abandoned_unfinished_files_are_removed_by_the_next_write();
}

/// A new file of a write that a killed program left is removed by the next write once it is
/// old; a recent one (perhaps being written by another program) is kept.
fn abandoned_unfinished_files_are_removed_by_the_next_write() {
    let (_tmp, data) = snapshot_copy();
    let spot = CacheSpot::for_path(&data).expect("a user cache folder");
    let dir = spot.primary.parent().unwrap().to_path_buf();
    std::fs::create_dir_all(&dir).unwrap();
    let stem = spot
        .primary
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .to_string();
    let old = dir.join(format!("{stem}.tmp-99999-0"));
    let recent = dir.join(format!("{stem}.tmp-99999-1"));
    std::fs::write(&old, b"half a cache").unwrap();
    std::fs::write(&recent, b"half a cache").unwrap();
    let hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&old)
        .unwrap()
        .set_modified(hour_ago)
        .unwrap();
    let loaded = Arc::new(store::load_path(&data).expect("loads"));
    cache::write_later(&loaded);
    cache::finish_writes(Duration::from_secs(60));
    assert!(cache::read(&spot).is_some(), "the cache is written");
    assert!(!old.exists(), "the abandoned file is removed");
    assert!(recent.exists(), "a recent one is kept");
}
