//! National scale: generates snapshots of 25k, 50k, 100k and 200k tasks (`giaoban gen`, once,
//! under target/scale-bench/) and measures, each size in a process of its own, with the
//! console drawn into a 200x50 `TestBackend`:
//! - load (read + parse + validate + index + reconcile) against a bare `ron` parse of the
//!   same bytes in the same run, and their ratio;
//! - reopening the same snapshot from its cache, in a new process (as a user's next open) and
//!   in the same one;
//! - the first frame after the load (the console's state built and drawn);
//! - per keystroke (key handled and frame drawn) typing a 12-character query in the tasks
//!   view and deleting it: p50 / p95 / max; and the complete result after each key (filter
//!   run, rows taken, frame drawn): p50 / max;
//! - a frame of each view at 200x50 (median of 20): tasks and the slowest view;
//! - drill-downs (Enter on the first model, unit and province, and the province of today):
//!   the page opened (key handled and frame drawn), then a frame of it with the detail pane on
//!   each kind of record the page lists;
//! - decisions on the first task of the tasks view, recorded in a journal in a temporary
//!   folder: a flag for the agenda (`f`: nothing the counts read changes), a new due date (`D`,
//!   Enter timed: the records it changes counted again in the counts, scorecard and lists), its
//!   undo (`u`) and its redo (`Ctrl-r`), each until the next frame is drawn (each is written
//!   to the journal and fsynced first);
//! - quitting: how long dropping the console's state (and with it the snapshot) takes;
//! - peak memory (VmHWM) from the start of the load, against the RON bytes.
//!
//! Prints a table and one JSON line. Asserts nothing.
//!
//! cargo bench --bench scale
//! GIAOBAN_BENCH_SIZES=2000,25000 cargo bench --bench scale     (a quick run)

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use giaoban::store::files::{DataFile, Manifest};
use giaoban::tui::app::App;
use giaoban::tui::config::{self, Options};
use giaoban::tui::event::handle_event;
use giaoban::tui::views;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use serde_json::{json, Value};

const QUERY: &str = "dich vu cong";

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn pct(v: &[f64], p: f64) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(|a, b| a.total_cmp(b));
    if v.is_empty() {
        return 0.0;
    }
    let i = ((v.len() as f64 - 1.0) * p).round() as usize;
    v[i.min(v.len() - 1)]
}

fn status_kb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}

fn options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

fn bench_dir(n: usize) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/scale-bench")
        .join(n.to_string())
}

/// Generate the snapshot of `n` tasks unless it is there already.
fn ensure(n: usize) -> PathBuf {
    let dir = bench_dir(n);
    let stamp = dir.join("generated");
    if !stamp.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        let shipped = giaoban::store::load_embedded().expect("the shipped snapshot loads");
        eprintln!("generating {n} tasks in {} …", dir.display());
        giaoban::gen::generate(&shipped.snapshot, n, 1, &dir, &mut |_| {}).expect("generates");
        std::fs::write(&stamp, "giaoban gen --seed 1\n").expect("stamp");
    }
    dir
}

fn key(app: &mut App, code: KeyCode) -> Option<giaoban::tui::app::FilterJob> {
    handle_event(app, Event::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

fn draw(app: &mut App, term: &mut Terminal<TestBackend>) {
    let mut drawn = views::Drawn::default();
    term.draw(|f| drawn = views::draw(app, f)).expect("draws");
    app.note_drawn(drawn);
}

/// Median of 20 frames of what is on screen.
fn frame_ms(app: &mut App, term: &mut Terminal<TestBackend>) -> f64 {
    draw(app, term);
    let mut times = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        draw(app, term);
        times.push(ms(t.elapsed()));
    }
    pct(&times, 0.5)
}

/// A key handled (its filter run in line, as the console's thread would) and the frame drawn.
fn key_drawn(app: &mut App, term: &mut Terminal<TestBackend>, code: KeyCode) -> f64 {
    let t = Instant::now();
    if let Some(job) = key(app, code) {
        let rows = App::run_filter(&app.ctx(), &job);
        app.accept_filtered(job.target, job.generation, rows);
    }
    draw(app, term);
    ms(t.elapsed())
}

/// The frame with the detail pane on the first record of each kind the page lists.
fn page_frames(
    app: &mut App,
    term: &mut Terminal<TestBackend>,
    name: &str,
    out: &mut Vec<(String, f64)>,
) {
    let kinds: Vec<(usize, &'static str)> = {
        let Some(page) = app.pages.last() else {
            return;
        };
        let mut seen: Vec<&'static str> = Vec::new();
        page.list
            .rows
            .iter()
            .enumerate()
            .filter_map(|(i, r)| match r {
                giaoban::tui::rows::Row::Rec(rec) => {
                    let k = giaoban::tui::rows::kind_label(giaoban::tui::i18n::Lang::En, *rec);
                    (!seen.contains(&k)).then(|| {
                        seen.push(k);
                        (i, k)
                    })
                }
                _ => None,
            })
            .collect()
    };
    for (i, k) in kinds {
        if let Some(p) = app.pages.last_mut() {
            p.list.selected = i;
        }
        out.push((format!("{name} › {k}"), frame_ms(app, term)));
    }
}

/// One size, in this process: prints `RESULT {json}`.
fn run_one(dir: &Path) -> Value {
    let manifest_text = std::fs::read_to_string(dir.join("manifest.ron")).expect("manifest");
    let manifest: Manifest = options().from_str(&manifest_text).expect("manifest parses");
    let mut bytes = manifest_text.len() as u64;
    let mut parse = Duration::ZERO;
    for f in &manifest.files {
        let text = std::fs::read_to_string(dir.join(f)).expect("reads");
        bytes += text.len() as u64;
        let t = Instant::now();
        let d: DataFile = options().from_str(&text).expect("parses");
        parse += t.elapsed();
        drop(d);
    }
    // Peak memory from here on.
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let base_kb = status_kb("VmRSS:");

    giaoban::store::cache::set_enabled(false);
    let t = Instant::now();
    let loaded = giaoban::store::load_path(dir).expect("loads");
    let load = t.elapsed();
    let tasks = loaded.snapshot.tasks.len();

    let cfg = std::env::temp_dir().join("giaoban-bench-config");
    let _ = std::fs::create_dir_all(&cfg);
    let opts = Options {
        config_dir: Some(cfg),
        ..Options::default()
    };
    let (keymap, theme, _) = config::load(&opts);
    let as_of = loaded.snapshot.as_of.expect("as_of");
    // A journal, as the console opens one, in a folder of its own.
    let journal_dir = tempfile::tempdir().expect("temporary folder");
    let store = {
        use giaoban::journal::{console::ConsoleStore, Journal, Lang as JLang};
        let (j, _) = Journal::open(&journal_dir.path().join("journal.ron"), &loaded.snapshot)
            .expect("journal");
        ConsoleStore::new(j, &loaded.snapshot, JLang::Vi)
    };
    let t = Instant::now();
    let mut app = App::new(Arc::new(loaded), as_of, opts.lang, theme, keymap);
    let app_new = t.elapsed();
    let mut term = Terminal::new(TestBackend::new(200, 50)).expect("terminal");
    draw(&mut app, &mut term);
    let first_frame = t.elapsed();
    // As `giaoban` opens it: with its journal (the decisions read and shown).
    let t = Instant::now();
    app.attach_store(Box::new(store));
    draw(&mut app, &mut term);
    let with_journal = first_frame + t.elapsed();

    // Frames of every view.
    let mut frames = Vec::new();
    for (i, v) in [
        "overview",
        "models",
        "tasks",
        "overdue",
        "blockers",
        "units",
        "localities",
        "findings",
    ]
    .iter()
    .enumerate()
    {
        if let Some(job) = key(&mut app, KeyCode::Char(char::from(b'1' + i as u8))) {
            let rows = App::run_filter(&app.ctx(), &job);
            app.accept_filtered(job.target, job.generation, rows);
        }
        draw(&mut app, &mut term);
        let mut times = Vec::new();
        for _ in 0..20 {
            let t = Instant::now();
            draw(&mut app, &mut term);
            times.push(ms(t.elapsed()));
        }
        frames.push((v.to_string(), pct(&times, 0.5)));
    }

    // Typing in the tasks view's filter bar, then deleting.
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Char('/'));
    draw(&mut app, &mut term);
    let mut keystroke = Vec::new();
    let mut result = Vec::new();
    let mut last_result = 0.0;
    let mut matched = 0;
    let keys: Vec<KeyCode> = QUERY
        .chars()
        .map(KeyCode::Char)
        .chain(std::iter::repeat_n(KeyCode::Backspace, QUERY.len()))
        .collect();
    for (i, code) in keys.iter().enumerate() {
        let t = Instant::now();
        let job = key(&mut app, *code);
        draw(&mut app, &mut term);
        let drawn = t.elapsed();
        keystroke.push(ms(drawn));
        let mut total = drawn;
        if let Some(job) = job {
            let t = Instant::now();
            let rows = App::run_filter(&app.ctx(), &job);
            app.accept_filtered(job.target, job.generation, rows);
            draw(&mut app, &mut term);
            total += t.elapsed();
        }
        result.push(ms(total));
        if i + 1 == QUERY.len() {
            last_result = ms(total);
            matched = app.current().map(|l| l.record_count()).unwrap_or(0);
        }
    }
    let peak_kb = status_kb("VmHWM:");

    // Drill-downs: the first model, the unit most behind, the first province, and the first
    // province of today; each page's frame with the detail on each kind of record it lists.
    let mut pages: Vec<(String, f64)> = Vec::new();
    let mut opened: Vec<(String, f64)> = Vec::new();
    key(&mut app, KeyCode::Esc);
    for (view, name, frame_today) in [
        ('2', "model", false),
        ('6', "unit", false),
        ('7', "province", false),
        ('7', "province of today", true),
    ] {
        key(&mut app, KeyCode::Char(view));
        if frame_today != app.frame_today {
            key(&mut app, KeyCode::Char('t'));
        }
        key(&mut app, KeyCode::Char('g'));
        draw(&mut app, &mut term);
        opened.push((
            name.to_string(),
            key_drawn(&mut app, &mut term, KeyCode::Enter),
        ));
        page_frames(&mut app, &mut term, name, &mut pages);
        key(&mut app, KeyCode::Esc);
    }
    if app.frame_today {
        key(&mut app, KeyCode::Char('t'));
    }
    // A decision and its undo, on the first task.
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Char('g'));
    draw(&mut app, &mut term);
    // A flag for the agenda changes nothing the counts read; a new due date (typed in the
    // prompt, Enter timed) does: the counts, the scorecard and the lists are worked out again.
    let flag = key_drawn(&mut app, &mut term, KeyCode::Char('f'));
    key_drawn(&mut app, &mut term, KeyCode::Char('u'));
    key(&mut app, KeyCode::Char('D'));
    for c in "2000-01-01".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    let decide = key_drawn(&mut app, &mut term, KeyCode::Enter);
    let decided = app.items.values().filter(|d| d.due.is_some()).count();
    let undo = key_drawn(&mut app, &mut term, KeyCode::Char('u'));
    let redo = {
        let t = Instant::now();
        let ctrl_r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL);
        if let Some(job) = handle_event(&mut app, Event::Key(ctrl_r)) {
            let rows = App::run_filter(&app.ctx(), &job);
            app.accept_filtered(job.target, job.generation, rows);
        }
        draw(&mut app, &mut term);
        ms(t.elapsed())
    };
    let redone = app.items.values().filter(|d| d.due.is_some()).count();

    // Quitting: the console's state dropped, with the snapshot it holds.
    let t = Instant::now();
    drop(app);
    let drop_ms = ms(t.elapsed());

    giaoban::store::cache::set_enabled(true);
    // The first open with the cache on writes it; the second reads it: in this process (its
    // memory already given by the system, as in a console that opens another snapshot) and in
    // a process of its own, as a user's next `giaoban` is.
    let _ = giaoban::store::load_path(dir).expect("loads");
    let t = Instant::now();
    let again = giaoban::store::load_path(dir).expect("loads");
    let reopen_here = t.elapsed();
    drop(again);
    let reopen = reopen_fresh(dir);

    let tasks_frame = frames
        .iter()
        .find(|f| f.0 == "tasks")
        .map(|f| f.1)
        .unwrap_or(0.0);
    let worst = frames
        .iter()
        .chain(&pages)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .cloned()
        .unwrap_or_default();
    json!({
        "tasks": tasks,
        "ron_mb": bytes as f64 / 1e6,
        "parse_ms": ms(parse),
        "load_ms": ms(load),
        "load_ratio": ms(load) / ms(parse).max(1e-9),
        "reopen_ms": reopen,
        "reopen_same_process_ms": ms(reopen_here),
        "app_new_ms": ms(app_new),
        "first_frame_ms": ms(first_frame),
        "first_frame_journal_ms": ms(with_journal),
        "decide_ms": decide,
        "decide_flag_ms": flag,
        "decisions_after": decided,
        "undo_ms": undo,
        "redo_ms": redo,
        "decisions_after_redo": redone,
        "drop_ms": drop_ms,
        "page_open_ms": opened.iter().map(|(v, t)| (v.clone(), json!(t))).collect::<serde_json::Map<_, _>>(),
        "page_frames_ms": pages.iter().map(|(v, t)| (v.clone(), json!(t))).collect::<serde_json::Map<_, _>>(),
        "page_open_max_ms": opened.iter().map(|o| o.1).fold(0.0, f64::max),
        "key_p50_ms": pct(&keystroke, 0.5),
        "key_p95_ms": pct(&keystroke, 0.95),
        "key_max_ms": pct(&keystroke, 1.0),
        "result_p50_ms": pct(&result, 0.5),
        "result_max_ms": pct(&result, 1.0),
        "result_last_key_ms": last_result,
        "query_matches": matched,
        "frame_tasks_ms": tasks_frame,
        "frame_worst_view": worst.0,
        "frame_worst_ms": worst.1,
        "frames_ms": frames.iter().map(|(v, t)| (v.clone(), json!(t))).collect::<serde_json::Map<_, _>>(),
        "peak_mb": (peak_kb.saturating_sub(0)) as f64 / 1024.0,
        "rss_before_load_mb": base_kb as f64 / 1024.0,
        "peak_over_ron": (peak_kb as f64 * 1024.0) / bytes as f64,
    })
}

/// Reopening `dir` from its cache in a new process: milliseconds of `load_path`.
fn reopen_fresh(dir: &Path) -> f64 {
    let exe = std::env::current_exe().expect("exe");
    let out = std::process::Command::new(exe)
        .env("GIAOBAN_BENCH_REOPEN", dir)
        .output()
        .expect("runs");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("REOPEN "))
        .and_then(|v| v.trim().parse().ok())
        .expect("the reopen process reports its time")
}

fn main() {
    if let Ok(dir) = std::env::var("GIAOBAN_BENCH_REOPEN") {
        let t = Instant::now();
        let loaded = giaoban::store::load_path(Path::new(&dir)).expect("loads");
        println!("REOPEN {}", ms(t.elapsed()));
        // Left to the process's end, as the console does.
        std::mem::forget(loaded);
        return;
    }
    if let Ok(dir) = std::env::var("GIAOBAN_BENCH_ONE") {
        let v = run_one(Path::new(&dir));
        println!("RESULT {v}");
        return;
    }
    let sizes: Vec<usize> = std::env::var("GIAOBAN_BENCH_SIZES")
        .unwrap_or_else(|_| "25000,50000,100000,200000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let exe = std::env::current_exe().expect("exe");
    let mut results: Vec<Value> = Vec::new();
    for &n in &sizes {
        let dir = ensure(n);
        let out = std::process::Command::new(&exe)
            .env("GIAOBAN_BENCH_ONE", &dir)
            .output()
            .expect("runs");
        let text = String::from_utf8_lossy(&out.stdout);
        match text.lines().find_map(|l| l.strip_prefix("RESULT ")) {
            Some(r) => results.push(serde_json::from_str(r).expect("json")),
            None => {
                eprintln!("size {n} failed:\n{}", String::from_utf8_lossy(&out.stderr));
                return;
            }
        }
        eprintln!("{n}: done");
    }
    let cols: [(&str, &str); 24] = [
        ("tasks", "tasks"),
        ("RON MB", "ron_mb"),
        ("parse ms", "parse_ms"),
        ("load ms", "load_ms"),
        ("load/parse", "load_ratio"),
        ("reopen ms", "reopen_ms"),
        ("1st frame", "first_frame_ms"),
        ("+journal", "first_frame_journal_ms"),
        ("decide ms", "decide_ms"),
        ("undo ms", "undo_ms"),
        ("redo ms", "redo_ms"),
        ("flag ms", "decide_flag_ms"),
        ("page open", "page_open_max_ms"),
        ("quit/drop", "drop_ms"),
        ("key p50", "key_p50_ms"),
        ("key p95", "key_p95_ms"),
        ("key max", "key_max_ms"),
        ("result p50", "result_p50_ms"),
        ("result max", "result_max_ms"),
        ("frame tasks", "frame_tasks_ms"),
        ("frame worst", "frame_worst_ms"),
        ("app new", "app_new_ms"),
        ("peak MB", "peak_mb"),
        ("peak/RON", "peak_over_ron"),
    ];
    let header: Vec<String> = cols.iter().map(|(h, _)| format!("{h:>11}")).collect();
    println!("{}", header.join(" "));
    for r in &results {
        let cells: Vec<String> = cols
            .iter()
            .map(|(_, k)| match &r[*k] {
                Value::Number(n) if n.is_u64() => format!("{:>11}", n),
                Value::Number(n) => format!("{:>11.2}", n.as_f64().unwrap_or(0.0)),
                other => format!("{other:>11}"),
            })
            .collect();
        println!("{}", cells.join(" "));
    }
    for r in &results {
        println!(
            "  {} tasks: slowest view {} ({:.2} ms); query \"{QUERY}\" matched {} tasks",
            r["tasks"],
            r["frame_worst_view"],
            r["frame_worst_ms"].as_f64().unwrap_or(0.0),
            r["query_matches"]
        );
    }
    // Growth from the smallest size to the largest, for every cost (linear: at most 9x for 8x).
    let mut growth = serde_json::Map::new();
    if let (Some(a), Some(b)) = (results.first(), results.last()) {
        for (_, k) in cols.iter().skip(2) {
            if let (Some(x), Some(y)) = (a[*k].as_f64(), b[*k].as_f64()) {
                growth.insert(k.to_string(), json!(y / x.max(1e-9)));
            }
        }
    }
    println!(
        "{}",
        json!({"bench": "scale", "size": "200x50", "cores": std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1), "results": results, "growth_last_over_first": growth})
    );
}
