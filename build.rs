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

fn main() {
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
