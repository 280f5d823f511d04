//! What the command line prints goes through `text::inert`: a writer that shows any control
//! character, escape sequence or bidi override inert (`\u{1b}`), whatever a journal, snapshot
//! or config file put in a message. Line breaks and tabs are kept.

use std::io::{self, Write};

use crate::text::inert_cow;

/// Buffers up to the end of each line (so a character is never cut between two writes), then
/// writes it made inert.
pub struct InertWriter<W: Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: Write> InertWriter<W> {
    pub fn new(inner: W) -> Self {
        InertWriter {
            inner,
            pending: Vec::new(),
        }
    }

    fn write_lines(&mut self, all: bool) -> io::Result<()> {
        let end = if all {
            self.pending.len()
        } else {
            match self.pending.iter().rposition(|b| *b == b'\n') {
                Some(i) => i + 1,
                None => return Ok(()),
            }
        };
        let chunk: Vec<u8> = self.pending.drain(..end).collect();
        let text = String::from_utf8_lossy(&chunk);
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                self.inner.write_all(b"\n")?;
            }
            for (j, part) in line.split('\t').enumerate() {
                if j > 0 {
                    self.inner.write_all(b"\t")?;
                }
                self.inner.write_all(inert_cow(part).as_bytes())?;
            }
        }
        Ok(())
    }
}

impl<W: Write> Write for InertWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        if buf.contains(&b'\n') {
            self.write_lines(false)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.write_lines(true)?;
        self.inner.flush()
    }
}

impl<W: Write> Drop for InertWriter<W> {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_shown_not_sent() {
        let mut out = Vec::new();
        {
            let mut w = InertWriter::new(&mut out);
            writeln!(w, "j.ron:3: `\u{1b}]0;PWNED\u{7}` Bình\tĐịnh").unwrap();
            // A character cut between two writes is still whole.
            w.write_all(&"Đ".as_bytes()[..1]).unwrap();
            w.write_all(&"Đ".as_bytes()[1..]).unwrap();
            w.write_all(b"\xc2\x9b2J\n").unwrap();
        }
        let s = String::from_utf8(out).unwrap();
        assert_eq!(
            s,
            "j.ron:3: `\\u{1b}]0;PWNED\\u{7}` Bình\tĐịnh\nĐ\\u{9b}2J\n"
        );
    }
}
