//! Files from others are hostile (issue 12): each case of the attack pass, rerun as written
//! against the real binary or the library, is refused or shown inert with a clear message.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_giaoban");

fn giaoban(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(BIN).args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn s(p: &Path) -> String {
    p.display().to_string()
}

/// A copy of the small test snapshot in a fresh temporary folder.
fn mini() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    fs::create_dir(&dir).unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
    for f in ["manifest.ron", "places.ron", "report-a.ron"] {
        fs::copy(src.join(f), dir.join(f)).unwrap();
    }
    (tmp, dir)
}

/// Nothing in `out` can act on a terminal: no control character but line breaks and tabs, no
/// bidi override.
fn assert_inert(out: &str) {
    for c in out.chars() {
        assert!(
            c == '\n' || c == '\t' || !giaoban::text::is_invisible(c),
            "U+{:04X} reached the terminal in:\n{out}",
            c as u32
        );
    }
}

const PWNED: &str = "\u{1b}]0;PWNED\u{7}\u{1b}]52;c;aGVsbG8=\u{7}\n";

#[test]
fn a_damaged_journal_line_is_quoted_inert_by_the_command_line() {
    let (tmp, dir) = mini();
    let j = tmp.path().join("j.ron");
    let (code, _, err) = giaoban(&[
        "decide",
        "t1",
        "--state",
        "acknowledged",
        "--data",
        &s(&dir),
        "--journal",
        &s(&j),
    ]);
    assert_eq!(code, 0, "{err}");
    // printf '\e]0;PWNED\a\e]52;c;aGVsbG8=\a\n' >> j.ron
    let mut bytes = fs::read(&j).unwrap();
    bytes.extend_from_slice(PWNED.as_bytes());
    fs::write(&j, bytes).unwrap();

    let (code, out, err) = giaoban(&["journal", &s(&j), "--data", &s(&dir)]);
    assert_eq!(code, 0, "{out}{err}");
    assert_inert(&out);
    assert_inert(&err);
    let all = format!("{out}{err}");
    assert!(
        all.contains(r"`\u{1b}]0;PWNED\u{7}\u{1b}]52;c;aGVsbG8=\u{7}`"),
        "the damaged line is shown, inert: {all}"
    );
    assert!(all.contains(":3:"), "the line is named: {all}");

    let (code, out, err) = giaoban(&[
        "decide",
        "t1",
        "--note",
        "ghi chú",
        "--data",
        &s(&dir),
        "--journal",
        &s(&j),
    ]);
    assert_eq!(code, 0, "{err}");
    assert_inert(&out);
    assert_inert(&err);
    assert!(err.contains(r"\u{1b}]0;PWNED"), "{err}");
}

#[test]
fn a_theme_or_key_file_with_escapes_is_reported_inert() {
    use giaoban::tui::keymap::KeyMap;
    use giaoban::tui::theme::Theme;
    let mut theme = Theme::default();
    let err = theme
        .merge("(text: \"\u{1b}]0;PWNED\u{7}\")", "theme.ron")
        .unwrap_err();
    assert!(err.starts_with("theme.ron:1:"), "{err}");
    assert!(err.contains(r"\u{1b}]0;PWNED\u{7}"), "{err}");
    assert_inert(&err);
    assert_eq!(theme, Theme::default(), "nothing changed");
    let err = theme
        .merge("(\u{1b}[2J: \"red\")", "theme.ron")
        .unwrap_err();
    assert_inert(&err);

    let mut keys = KeyMap::default();
    let err = keys
        .merge("{\"\u{1b}]0;PWNED\u{7}\": [\"q\"]}", "keys.ron")
        .unwrap_err();
    assert!(
        err.contains(r"unknown command '\u{1b}]0;PWNED\u{7}'"),
        "{err}"
    );
    assert_inert(&err);
    // A key that is itself a control character is not a key.
    let err = keys
        .merge("{\"quit\": [\"\u{1b}\"]}", "keys.ron")
        .unwrap_err();
    assert!(err.contains("not a key"), "{err}");
    assert_inert(&err);
}

#[test]
fn a_long_bad_token_is_quoted_short() {
    let (_tmp, dir) = mini();
    // A field name of 20 MB: the message quotes its start and says how long it is.
    let name = "x".repeat(20 << 20);
    fs::write(
        dir.join("places.ron"),
        format!("(units: [(id: \"a\", {name}: \"A\")])"),
    )
    .unwrap();
    let (code, out, _) = giaoban(&["check", &s(&dir)]);
    assert_eq!(code, 1);
    assert!(
        out.contains("places.ron:1:"),
        "{}",
        &out[..out.len().min(400)]
    );
    assert!(
        out.contains("characters in all"),
        "{}",
        &out[..out.len().min(400)]
    );
    assert!(
        out.len() < 4000,
        "the token is not echoed whole: {} bytes",
        out.len()
    );
}
