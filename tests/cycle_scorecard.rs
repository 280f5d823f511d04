//! The unit scorecard in the console: ranked in the units view, compared with the previous
//! snapshot, with the formula the secretariat wrote in score.ron.

mod ui;
use std::sync::Arc;

use giaoban::query::scorecard::{self, Conclusion, Formula};
use giaoban::query::Ctx;
use giaoban::tui::config::Options;
use ui::*;

#[test]
fn units_are_ranked_with_their_change_since_the_previous_snapshot() {
    let cfg = no_config();
    let c = giaoban::history::open(Some(&fixture("history")), None).unwrap();
    let prev = Arc::new(c.previous.unwrap());
    let opts = Options {
        config_dir: Some(cfg.path().to_path_buf()),
        ..Options::default()
    };
    let mut console = Console::with(c.current, opts, 160, 30);
    console.app.attach_previous(prev);
    console.keys("6");
    let screen = console.screen();
    let line = |needle: &str| {
        screen
            .lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle}:\n{screen}"))
            .to_string()
    };
    // Sở TTTT leads t1 (overdue 92 days), t7, t8a, t8b, h1 and Hà Nội's n1, n2, and answers
    // for Hà Nội's blocker nb1 (b1 went to C06): 100 − 5×1 − 0,1×92 − 1×1 = 84,8.
    // Before: t1 not yet due, b1 open → 100 − 1 = 99, so −14,2, and one place down.
    let tttt = line("Sở Thông tin");
    assert!(tttt.contains("84,8"), "{screen}");
    assert!(tttt.contains("-14,2 ↓1"), "{screen}");
    // Sở Tư pháp finished t2 after its due date: 100 − 2 = 98, from 100.
    assert!(line("Sở Tư pháp").contains("98,0"), "{screen}");
    assert!(line("Sở Tư pháp").contains("-2,0"), "{screen}");
    // C06 now answers for b1 (and b3 is a proposal addressed to it, not its blocker).
    let c06 = line("Cục Cảnh sát");
    assert!(c06.contains("99,0"), "{screen}");
    // Ranked first, one place up since the previous snapshot.
    assert!(c06.contains(" 1 ") && c06.contains("0,0 ↑1"), "{screen}");
    // The units most behind are listed first; sorting by the rank (the 7th column: `s` seven
    // times) puts the best first.
    assert!(
        screen.lines().nth(3).unwrap().starts_with("Sở Thông tin"),
        "{screen}"
    );
    // Sorting cycles through the columns: press `s` until the rank column carries the arrow.
    let mut by_rank = String::new();
    for _ in 0..16 {
        console.keys("s");
        by_rank = console.screen();
        if by_rank.lines().nth(2).unwrap().contains("Hạng▲") {
            break;
        }
    }
    assert!(
        by_rank.lines().nth(2).unwrap().contains("Hạng▲"),
        "{by_rank}"
    );
    let order: Vec<&str> = by_rank
        .lines()
        .skip(3)
        .take(3)
        .map(|l| l.split('│').next().unwrap())
        .collect();
    let pos = |needle: &str| order.iter().position(|l| l.contains(needle)).unwrap();
    // By rank, the best first: C06 (1), Sở Tư pháp (2), Sở TTTT (3).
    let (a, b, c) = (pos("Cục Cảnh sát"), pos("Sở Tư pháp"), pos("Sở Thông tin"));
    assert!(a < b && b < c, "{by_rank}");
}

#[test]
fn the_formula_comes_from_score_ron_and_is_shown_in_the_help() {
    let cfg = no_config();
    std::fs::write(
        cfg.path().join("score.ron"),
        "// the secretariat's weights\n(per_overdue: -10, per_day_late: 0)\n",
    )
    .unwrap();
    let f = Formula::load(&cfg.path().join("score.ron")).unwrap();
    assert_eq!(f.per_overdue, -10.0);
    assert_eq!(
        f.per_blocker_open, -1.0,
        "what it does not name keeps its default"
    );
    let mut c = Console::open(&fixture("mini"), cfg.path(), 100, 40);
    c.app.set_formula(f);
    c.keys("?");
    c.keys("G");
    let help = c.screen();
    assert!(help.contains("10×quá hạn"), "{help}");
    assert!(!help.contains("5×quá hạn"), "{help}");
    // A bad file names its line and column.
    std::fs::write(
        cfg.path().join("score.ron"),
        "(per_overdue: -10,\n per_dya_late: 0)",
    )
    .unwrap();
    let e = Formula::load(&cfg.path().join("score.ron")).unwrap_err();
    assert!(e.contains("score.ron:2:"), "{e}");
}

#[test]
fn conclusions_count_for_the_unit_responsible_for_their_item() {
    let l = giaoban::store::load_path(&fixture("mini")).unwrap();
    let ctx = Ctx {
        snap: &l.snapshot,
        findings: &l.findings,
        as_of: l.snapshot.as_of.unwrap(),
        overlay: None,
    };
    let conclusions = [
        Conclusion {
            item: "t1".into(),
            done: false,
        },
        Conclusion {
            item: "t3".into(),
            done: true,
        },
    ];
    let sc = scorecard::compute(&ctx, &conclusions, &Formula::default());
    let tttt = sc.get("so-tttt").unwrap();
    assert_eq!(
        (tttt.counts.conclusions, tttt.counts.conclusions_done),
        (1, 0)
    );
    let c06 = sc.get("c06").unwrap();
    assert_eq!(
        (c06.counts.conclusions, c06.counts.conclusions_done),
        (1, 1)
    );
}
