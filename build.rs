//! Embeds every `.ron` file under `data/` into the program.

use std::path::Path;

fn walk(dir: &Path, base: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, base, out);
        } else if p.extension().is_some_and(|e| e == "ron")
            && !p.to_string_lossy().ends_with("journal.ron")
        {
            let rel = p
                .strip_prefix(base)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push(format!(
                "    ({rel:?}, include_str!({:?})),",
                p.display().to_string()
            ));
        }
    }
}

/// FNV-1a over the sources that define the records and the index (and the lock file, for serde
/// and bincode): the cache of a loaded snapshot is read only by a program of the same shape.
fn schema_hash(paths: &[&Path]) -> String {
    fn add(p: &Path, files: &mut Vec<std::path::PathBuf>) {
        if p.is_dir() {
            if let Ok(rd) = std::fs::read_dir(p) {
                for e in rd.flatten() {
                    add(&e.path(), files);
                }
            }
        } else if p.is_file() {
            files.push(p.to_path_buf());
        }
    }
    let mut files = Vec::new();
    for p in paths {
        add(p, &mut files);
        println!("cargo:rerun-if-changed={}", p.display());
    }
    files.sort();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for f in files {
        for b in std::fs::read(&f).unwrap_or_default() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

fn main() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lock = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.lock");
    // The cache holds the records (domain, store) and the index with its folded texts
    // (snapshot, text).
    let schema = schema_hash(&[
        &src.join("domain"),
        &src.join("store"),
        &src.join("snapshot"),
        &src.join("snapshot.rs"),
        &src.join("text.rs"),
        &lock,
    ]);
    println!(
        "cargo:rustc-env=GIAOBAN_SCHEMA={schema}-{}",
        env!("CARGO_PKG_VERSION")
    );
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    println!("cargo:rerun-if-changed=data");
    let mut rows = Vec::new();
    walk(&root, &root, &mut rows);
    let code = format!(
        "pub static EMBEDDED_FILES: &[(&str, &str)] = &[\n{}\n];\n",
        rows.join("\n")
    );
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("embedded_data.rs");
    std::fs::write(out, code).unwrap();
}
