//! The counts the console keeps as decisions are made, undone and redone (a record at a time,
//! never a pass over every task) are, after every step, what counting from scratch gives: the
//! unit scorecard, the counts per unit and province, the overview's status groups and open
//! blockers, and the rows of every list (the overdue view's groups first). A failure says
//! which figure a chair would read wrong, and both values.

mod ui;
use ui::*;

use giaoban::domain::groups::DEFAULT_SOON_DAYS;
use giaoban::query::Rec;
use giaoban::tui::app::{App, ListRef, ViewId};
use giaoban::tui::config::Options;
use giaoban::tui::decisions::Request;
use giaoban::tui::rows;

fn console(loaded: giaoban::store::Loaded, dir: &std::path::Path) -> Console {
    let opts = Options {
        config_dir: Some(dir.to_path_buf()),
        ..Options::default()
    };
    Console::with(loaded, opts, 120, 40)
}

/// Every kept figure against the same figure counted from scratch; panics with each that
/// differs.
fn assert_as_from_scratch(app: &mut App, step: &str) {
    let fresh = app.from_scratch();
    let ctx = app.ctx();
    let s = ctx.snap;
    let mut wrong = app.figures.differences(&ctx, &fresh.figures);
    // Counted again record by record, as the pages count them (the units with something to
    // count: the others are compared with the counts from scratch above).
    for u in &s.units {
        let kept = app.figures.unit_counts(&ctx, &u.id);
        if kept == (0, 0, 0) && fresh.figures.unit_counts(&ctx, &u.id) == (0, 0, 0) {
            continue;
        }
        let one_by_one = rows::unit_counts(&ctx, &u.id);
        if kept != one_by_one {
            wrong.push(format!(
                "unit {}: kept {kept:?}, counted one by one {one_by_one:?}",
                u.id
            ));
        }
    }
    let tally = giaoban::query::groups::tally_all(&ctx, DEFAULT_SOON_DAYS);
    if *app.figures.tally() != tally {
        wrong.push(format!(
            "overview status groups: kept {:?}, from scratch {tally:?}",
            app.figures.tally()
        ));
    }
    let open = (0..s.blockers.len())
        .filter(|&b| !ctx.overlay.is_some_and(|o| o.decided_done(Rec::Blocker(b))))
        .count();
    if app.figures.blockers_open() != open {
        wrong.push(format!(
            "open blockers: kept {}, from scratch {open}",
            app.figures.blockers_open()
        ));
    }
    let scores = &*app.decided.1;
    let from_scratch = giaoban::query::scorecard::compute(&ctx, &app.conclusions(), &app.formula);
    for (kept, fresh) in [(scores, &fresh.scores), (scores, &from_scratch)] {
        if kept.rows.len() != fresh.rows.len() {
            wrong.push(format!(
                "scorecard: {} units kept, {} from scratch",
                kept.rows.len(),
                fresh.rows.len()
            ));
        }
        for (a, b) in kept.rows.iter().zip(&fresh.rows) {
            if (&a.unit, a.counts, a.score, a.rank) != (&b.unit, b.counts, b.score, b.rank) {
                wrong.push(format!("scorecard row: kept {a:?}, from scratch {b:?}"));
                break;
            }
        }
    }
    for (i, (kept, fresh)) in app.lists.iter().zip(&fresh.lists).enumerate() {
        let name = ViewId::ALL
            .get(i)
            .map_or("localities of today", |v| v.label_key());
        if kept.base != fresh.base {
            wrong.push(format!(
                "{name}: {} rows kept, {} from scratch",
                kept.base.len(),
                fresh.base.len()
            ));
        }
        if kept.filter.trim().is_empty()
            && kept.sort.is_none()
            && (kept.rows != *fresh.base || kept.record_count() != fresh.record_count())
        {
            wrong.push(format!(
                "{name}: shows {} rows ({} records), from scratch {} ({})",
                kept.rows.len(),
                kept.record_count(),
                fresh.base.len(),
                fresh.record_count()
            ));
        }
    }
    // A filtered or sorted list shows what its filter finds from scratch, in its order.
    for i in 0..app.lists.len() {
        let l = &app.lists[i];
        if l.filter.trim().is_empty() && l.sort.is_none() {
            continue;
        }
        let shown = (l.rows.clone(), l.record_count());
        let r = if i == ViewId::ALL.len() {
            ListRef::View(ViewId::Localities, true)
        } else {
            ListRef::View(ViewId::ALL[i], false)
        };
        app.lists[i].found = Default::default();
        let job = app.filter_job(r).expect("the filter reads");
        let again = App::run_filter(&app.ctx(), &job);
        if (again.rows.clone(), again.records) != shown {
            wrong.push(format!(
                "list {i} filtered \"{}\" sorted {:?}: shows {} records, from scratch {}",
                app.lists[i].filter, app.lists[i].sort, shown.1, again.records
            ));
        }
        app.accept_filtered(job.target, job.generation, again);
    }
    assert!(wrong.is_empty(), "after {step}:\n{}", wrong.join("\n"));
}

/// The row of a record in a view's list, selected.
fn select(c: &mut Console, view: ViewId, rec: Rec) {
    let l = &mut c.app.lists[view.index()];
    l.selected = l
        .rows
        .iter()
        .position(|r| *r == rows::Row::Rec(rec))
        .expect("listed");
}

/// Decisions, undo and redo on overdue tasks, a task not yet due, blockers; a unit given, a
/// conclusion; with the overdue view sorted and the tasks view filtered.
fn run_the_sequence(c: &mut Console) {
    assert_as_from_scratch(&mut c.app, "opening");
    let data = c.app.data.clone();
    let ctx = c.app.ctx();
    let open = (0..data.snapshot.tasks.len())
        .find(|&i| {
            ctx.task_days_overdue(i).is_none()
                && giaoban::domain::groups::is_reported_open(ctx.snap.task_status(i))
                && ctx.task_lead_units(i).len() == 1
        })
        .expect("an open task not overdue");
    let other = data.snapshot.units.last().unwrap().id.to_string();
    let mut steps = 0;
    let mut step = |c: &mut Console, what: &str| {
        steps += 1;
        assert_as_from_scratch(&mut c.app, &format!("step {steps}: {what}"));
    };
    let overdue = |c: &Console| c.app.figures.overdue().tasks();
    let before = overdue(c);
    c.keys("4 j j D 2099-12-31 <Enter>");
    step(c, "an overdue task given a due date to come");
    assert_eq!(overdue(c), before - 1, "the task left the overdue view");
    c.keys("x x x");
    step(c, "an overdue task resolved");
    c.keys("u");
    step(c, "undo");
    c.keys("u");
    step(c, "undo");
    c.keys("<C-r>");
    step(c, "redo");
    c.keys("<C-r> <C-r>");
    step(c, "redo twice");
    c.keys("s s");
    c.keys("3 / is:open <Enter>");
    select(c, ViewId::Tasks, Rec::Task(open));
    let before = overdue(c);
    c.keys("D 2000-01-01 <Enter>");
    step(
        c,
        "a task not due given a passed due date (overdue view sorted, tasks filtered)",
    );
    assert_eq!(overdue(c), before + 1, "the task is overdue now");
    c.app.decide(Request::Assign(other.clone()));
    step(c, "the same task given to another unit");
    c.app
        .decide(Request::Conclusion("Hoàn thành trong tháng".into()));
    step(c, "a conclusion on it");
    c.keys("x x x");
    step(c, "it resolved (the conclusion carried out)");
    c.keys("5 g x x x");
    step(c, "a blocker resolved");
    c.keys("j");
    c.app.decide(Request::Assign(other.clone()));
    step(c, "a blocker given to another unit");
    c.keys("f");
    step(c, "a flag for the agenda (no count changes)");
    for _ in 0..10 {
        c.keys("u");
        step(c, "undo");
    }
    for _ in 0..4 {
        c.keys("<C-r>");
        step(c, "redo");
    }
}

#[test]
fn kept_counts_are_the_counts_from_scratch_on_the_shipped_data() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = console(giaoban::store::load_embedded().unwrap(), dir.path());
    run_the_sequence(&mut c);
    // The console on screen says the same: the overview's overdue count is the status group's.
    c.keys("1");
    let overdue = c
        .app
        .figures
        .in_group(giaoban::domain::groups::Group::Overdue);
    assert!(
        c.screen().contains(&format!("{overdue} (")),
        "{}",
        c.screen()
    );
}

#[test]
fn kept_counts_are_the_counts_from_scratch_on_a_generated_snapshot() {
    let shipped = giaoban::store::load_embedded().unwrap();
    let data = tempfile::tempdir().unwrap();
    giaoban::gen::generate(&shipped.snapshot, 600, 3, data.path(), &mut |_| {}).unwrap();
    let loaded = giaoban::store::load_path(data.path()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut c = console(loaded, dir.path());
    run_the_sequence(&mut c);
}
