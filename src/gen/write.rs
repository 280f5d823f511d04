//! Writing a data file: one record per line, in the sections `data/README.md` describes,
//! so that a generated file reads like a shipped one and its errors name useful lines.

use std::io::{BufWriter, Write};
use std::path::Path;

use serde::Serialize;

use crate::store::files::{DataFile, Manifest};

struct Counting<W: Write> {
    inner: W,
    bytes: u64,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

fn ron<T: Serialize>(v: &T) -> std::io::Result<String> {
    ron::to_string(v).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
}

fn section<T: Serialize, W: Write>(out: &mut W, name: &str, items: &[T]) -> std::io::Result<()> {
    if items.is_empty() {
        return Ok(());
    }
    writeln!(out, "    {name}: [")?;
    for x in items {
        writeln!(out, "        {},", ron(x)?)?;
    }
    writeln!(out, "    ],")
}

/// Write one data file; returns its size in bytes.
pub fn data_file(path: &Path, comment: &str, d: &DataFile) -> std::io::Result<u64> {
    let mut out = Counting {
        inner: BufWriter::with_capacity(1 << 16, std::fs::File::create(path)?),
        bytes: 0,
    };
    writeln!(out, "// {comment}\n(")?;
    if let Some(r) = &d.report {
        writeln!(out, "    report: {},", ron(r)?)?;
    }
    section(&mut out, "today", &d.today)?;
    section(&mut out, "localities", &d.localities)?;
    section(&mut out, "units", &d.units)?;
    section(&mut out, "model_groups", &d.model_groups)?;
    section(&mut out, "models", &d.models)?;
    section(&mut out, "assessments", &d.assessments)?;
    section(&mut out, "tasks", &d.tasks)?;
    section(&mut out, "blockers", &d.blockers)?;
    section(&mut out, "indicators", &d.indicators)?;
    section(&mut out, "benefits", &d.benefits)?;
    section(&mut out, "notes", &d.notes)?;
    writeln!(out, ")")?;
    out.flush()?;
    Ok(out.bytes)
}

pub fn manifest(path: &Path, m: &Manifest) -> std::io::Result<u64> {
    let mut text =
        String::from("// A generated snapshot (giaoban gen): its title, date and files.\n(\n");
    text.push_str(&format!("    title: {},\n", ron(&m.title)?));
    text.push_str(&format!("    as_of: \"{}\",\n    files: [\n", m.as_of));
    for f in &m.files {
        text.push_str(&format!("        {},\n", ron(f)?));
    }
    text.push_str("    ],\n)\n");
    std::fs::write(path, &text)?;
    Ok(text.len() as u64)
}
