//! Readable on a projector: every colour text is written in reaches a WCAG 2.x contrast ratio
//! of at least 4.5:1 against the background it is written on, in every theme shipped in
//! themes/ and in the built-in default. A theme that leaves a colour to the terminal ("reset")
//! cannot promise that, so it fails too.

use giaoban::tui::theme::{contrast_ratio, rgb, Theme};

fn check(name: &str, t: &Theme, failures: &mut Vec<String>) {
    for (slot, fg, bg) in t.text_pairs() {
        match (rgb(fg), rgb(bg)) {
            (Some(f), Some(b)) => {
                let r = contrast_ratio(f, b);
                if r < 4.5 {
                    failures.push(format!(
                        "{name}: {slot} {fg:?} on {bg:?}: {r:.2}:1 (needs 4.5:1)"
                    ));
                }
            }
            _ => failures.push(format!(
                "{name}: {slot} {fg:?} on {bg:?}: leaves the colour to the terminal"
            )),
        }
    }
}

#[test]
fn every_text_colour_of_every_theme_reaches_4_5_to_1() {
    let mut failures = Vec::new();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    names.sort();
    assert!(names.len() >= 3, "{names:?}");
    for path in &names {
        let text = std::fs::read_to_string(path).unwrap();
        // Over a theme with no colours: a slot the file does not name is the terminal's.
        let mut t = Theme::without_color();
        t.no_color = false;
        t.merge(&text, &path.display().to_string()).unwrap();
        check(&path.display().to_string(), &t, &mut failures);
    }
    check("built-in default", &Theme::default(), &mut failures);
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn the_ratio_is_the_wcag_one() {
    // Black on white is 21:1; a colour on itself 1:1; #767676 on white is the well-known
    // 4.54:1.
    assert!((contrast_ratio((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 1e-9);
    assert!((contrast_ratio((9, 9, 9), (9, 9, 9)) - 1.0).abs() < 1e-9);
    let r = contrast_ratio((0x76, 0x76, 0x76), (255, 255, 255));
    assert!((r - 4.54).abs() < 0.01, "{r}");
}
