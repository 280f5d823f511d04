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
    let spot = CacheSpot::for_path(&data).expect("a user cache folder");
    assert!(
        spot.primary.exists(),
        "the cache is written in the user's cache folder"
    );
    assert!(
        !spot.primary.starts_with(&data),
        "the cache is not written in the snapshot folder"
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
    let spot = CacheSpot::for_path(&data).expect("a user cache folder");
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
    let a = CacheSpot::for_path(Path::new(env!("CARGO_MANIFEST_DIR")).join("data").as_path())
        .expect("a user cache folder");
    let b = CacheSpot::for_path(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests")
            .as_path(),
    )
    .expect("a user cache folder");
    assert!(
        a.primary.to_string_lossy().contains("giaoban"),
        "{}",
        a.primary.display()
    );
    assert!(a.primary.extension().is_some_and(|e| e == "cache"));
    assert_ne!(a.primary, b.primary);
}

/// A file the cache was made from, older than the settling time, edited in place so that its
/// size and modification time are what they were: the cache is not trusted (its status-change
/// time and content say otherwise), and what the user sees is the new text.
#[test]
fn a_file_edited_in_place_with_its_size_and_time_kept_is_read_again() {
    let (_tmp, data) = snapshot_copy();
    // Files changed just now have no stamp: they are hashed on every reopen.
    store::load_path(&data).expect("loads");
    let spot = CacheSpot::for_path(&data).expect("a user cache folder");
    let (key, _) = cache::read(&spot).expect("the cache reads back");
    assert_eq!(key.files.len(), 2, "{:?}", key.files);
    assert!(key.files.iter().all(|f| f.stamp.is_none()), "{key:?}");

    // Settled files get one.
    std::thread::sleep(cache::SETTLE + std::time::Duration::from_millis(200));
    std::fs::remove_file(&spot.primary).unwrap();
    let first = store::load_path(&data).expect("loads");
    let (key, _) = cache::read(&spot).expect("the cache reads back");
    assert!(key.files.iter().all(|f| f.stamp.is_some()), "{key:?}");
    let title = |l: &Loaded| {
        l.snapshot
            .tasks
            .iter()
            .find(|t| t.id == "t2")
            .map(|t| t.title.clone())
    };
    assert_eq!(title(&first).as_deref(), Some("Số hoá hộ tịch"));

    let report = data.join("report-a.ron");
    let modified = std::fs::metadata(&report).unwrap().modified().unwrap();
    let text = std::fs::read_to_string(&report).unwrap();
    let edited = text.replacen("Số hoá hộ tịch", "Số hoá hộ tịcx", 1);
    assert_eq!(text.len(), edited.len());
    std::fs::write(&report, edited).unwrap();
    let f = std::fs::OpenOptions::new()
        .write(true)
        .open(&report)
        .unwrap();
    f.set_modified(modified).unwrap();
    drop(f);
    let meta = std::fs::metadata(&report).unwrap();
    assert_eq!(
        (meta.len(), meta.modified().unwrap()),
        (text.len() as u64, modified)
    );

    let again = store::load_path(&data).expect("loads");
    assert_eq!(title(&again).as_deref(), Some("Số hoá hộ tịcx"));
}

/// A cache whose parts are whole (their checksums right) but whose index points at records
/// that are not there is ignored: the snapshot is loaded from its files.
#[test]
fn a_cache_whose_index_does_not_fit_its_records_is_ignored() {
    let (_tmp, data) = snapshot_copy();
    let first = store::load_path(&data).expect("loads");
    let spot = CacheSpot::for_path(&data).expect("a user cache folder");
    for harm in 0..3 {
        let (key, mut cached) = cache::read(&spot).expect("the cache reads back");
        let ix = &mut cached.snapshot.index;
        match harm {
            0 => {
                ix.task.insert("t-none".into(), 10_000);
            }
            1 => {
                ix.task_text.pop();
            }
            _ => ix.context.blocker.push(0),
        }
        cached.snapshot.title = "from a bad cache".into();
        cache::write(&spot, &key, &cached);
        let l = store::load_path(&data).expect("loads from the files");
        assert_eq!(seen(&first), seen(&l), "harm {harm}");
    }
}

/// A snapshot folder comes from others: a cache planted in it, with the right key, is never
/// read (its records would skip the loader's checks); only the user's own cache folder is.
#[test]
fn a_cache_planted_in_the_snapshot_folder_is_not_read() {
    let (_tmp, data) = snapshot_copy();
    let first = store::load_path(&data).expect("loads");
    let spot = CacheSpot::for_path(&data).expect("a user cache folder");
    let (key, mut cached) = cache::read(&spot).expect("the cache reads back");
    cached.snapshot.title = "\u{1b}]0;planted\u{7}".into();
    for planted in [data.join(".giaoban-cache"), data.join("giaoban.cache")] {
        cache::write(
            &CacheSpot {
                primary: planted.clone(),
            },
            &key,
            &cached,
        );
        assert!(planted.exists(), "the planted cache is there");
    }
    std::fs::remove_file(&spot.primary).expect("the user's cache removed");
    let again = store::load_path(&data).expect("loads from the files");
    assert_eq!(again.snapshot.title, first.snapshot.title);
}

/// Settled files are not read again on a reopen: the cache's records are decoded while their
/// stamps are read, and used when every stamp is the one recorded. A file whose stamp changed
/// stops that decoding: it is read and hashed, and the cache is used only if its content is
/// still the one the cache was made from (a file written again with the same bytes), never
/// when it changed.
#[test]
fn records_decoded_while_the_stamps_are_read_are_used_only_for_the_same_files() {
    let (_tmp, data) = snapshot_copy();
    std::thread::sleep(cache::SETTLE + std::time::Duration::from_millis(200));
    store::load_path(&data).expect("loads");
    let spot = CacheSpot::for_path(&data).expect("a user cache folder");
    // A cache that says something the files do not: seen only when the cache is used.
    let (key, mut cached) = cache::read(&spot).expect("the cache reads back");
    assert!(key.files.iter().all(|f| f.stamp.is_some()), "{key:?}");
    cached.snapshot.title = "from the cache".into();
    cache::write(&spot, &key, &cached);
    let title = || store::load_path(&data).expect("loads").snapshot.title;
    assert_eq!(title(), "from the cache", "every stamp the same");

    // The same bytes written again: a new stamp, the same content.
    let report = data.join("report-a.ron");
    let text = std::fs::read_to_string(&report).unwrap();
    std::fs::write(&report, &text).unwrap();
    assert_eq!(
        title(),
        "from the cache",
        "a stamp changed, the content the same"
    );

    // Other bytes: the cache is not used, whatever was decoded meanwhile.
    let edited = text.replacen("Số hoá hộ tịch", "Số hoá hộ tịch mới", 1);
    assert_ne!(text, edited);
    std::fs::write(&report, edited).unwrap();
    let again = store::load_path(&data).expect("loads");
    assert_ne!(again.snapshot.title, "from the cache");
    assert!(again
        .snapshot
        .tasks
        .iter()
        .any(|t| t.title == "Số hoá hộ tịch mới"));
}
