//! Writing a document never overwrites one: a name taken gets "-2", "-3" … before its
//! extension, and the file is created only if it does not exist (two writers at once cannot
//! both take a name).

use std::fs::OpenOptions;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

/// `name.ext`, `name-2.ext`, `name-3.ext` …
pub fn candidate(path: &Path, n: u32) -> PathBuf {
    if n <= 1 {
        return path.to_path_buf();
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = match path.extension() {
        Some(e) => format!("{stem}-{n}.{}", e.to_string_lossy()),
        None => format!("{stem}-{n}"),
    };
    path.with_file_name(name)
}

/// Writes `bytes` to `path`, or to the first free name after it; returns the name written.
pub fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<PathBuf> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    for n in 1..10_000 {
        let p = candidate(path, n);
        match OpenOptions::new().write(true).create_new(true).open(&p) {
            Ok(mut f) => {
                f.write_all(bytes)?;
                f.sync_all()?;
                return Ok(p);
            }
            Err(e) if e.kind() == ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::new(
        ErrorKind::AlreadyExists,
        "every name for this file is taken",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_file_gets_a_new_name() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("tb.docx");
        assert_eq!(write_new(&p, b"one").unwrap(), p);
        let second = write_new(&p, b"two").unwrap();
        assert_eq!(second, dir.path().join("tb-2.docx"));
        assert_eq!(std::fs::read(&p).unwrap(), b"one");
        assert_eq!(std::fs::read(&second).unwrap(), b"two");
    }
}
