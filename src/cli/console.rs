//! `giaoban [PATH]`: open the console. On a terminal it is taken at once and the loading
//! screen shown while the snapshot loads on another thread; a load that fails puts the
//! terminal back before its errors are printed, as `check` prints them. Without a terminal,
//! what would be shown is summarised instead.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;

use crate::store::Loaded;
use crate::tui::{self, config::Options, loading};

pub struct ConsoleArgs {
    pub path: Option<PathBuf>,
    pub since: Option<String>,
    pub journal: Option<PathBuf>,
    pub as_of: Option<NaiveDate>,
    pub lang: String,
    pub theme: Option<String>,
    pub mouse: bool,
}

/// Returns the exit code: 0 when the user quit, 1 when the snapshot could not be loaded, 2
/// when the terminal failed; a termination signal ends the process by that signal (128 + it).
pub fn run(args: ConsoleArgs, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        // No terminal to draw in: say what would be shown (a bar on standard error, when it
        // is a terminal, while the snapshot loads).
        let bar = super::progress::LoadBar::install();
        let opened = super::open_cycle(args.path.as_deref(), args.since.as_deref());
        drop(bar);
        return match opened {
            Ok(cycle) => {
                let label = super::data_label(args.path.as_ref());
                let vi = args.lang != "en";
                match super::check::print_summary(&cycle.current, &label, vi, out) {
                    Ok(()) => 0,
                    Err(_) => 2,
                }
            }
            Err(e) => {
                let _ = writeln!(err, "{e}");
                1
            }
        };
    }
    let opts = Options {
        lang: tui::i18n::Lang::parse(&args.lang).unwrap_or_default(),
        theme: args.theme.clone(),
        mouse: args.mouse,
        config_dir: None,
        no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
    };
    let config = tui::config::load(&opts);
    let screen = loading::Screen {
        lang: opts.lang,
        theme: config.1.clone(),
        keymap: config.0.clone(),
        label: match &args.path {
            Some(p) => p.display().to_string(),
            None => tui::i18n::t(opts.lang, "loading.shipped").to_string(),
        },
        progress: loading::Progress::default(),
    };
    let mut console = match tui::Console::open(opts.mouse) {
        Ok(c) => c,
        Err(e) => {
            let _ = writeln!(err, "giaoban: the terminal failed: {e}");
            return 2;
        }
    };
    // The cache of a snapshot loaded from its files is written while the console is used
    // (`prepare`), not before it opens.
    crate::store::cache::defer_writes(true);
    let waited = console.wait_for(&screen, move |progress| {
        let cycle = super::open_cycle(args.path.as_deref(), args.since.as_deref())?;
        progress.preparing();
        Ok::<_, String>(prepare(cycle, &args, &opts, config))
    });
    let (result, code) = match waited {
        Ok(loading::Waited::Done(Ok(app))) => (console.run(app), 0),
        Ok(loading::Waited::Done(Err(e))) => {
            // The terminal back first: the errors stay on the screen, where they are read.
            let ended = console.close(Ok(()));
            if let Ok(tui::Ended::Signal(sig)) = ended {
                return i32::from(tui::signals::die_of(sig));
            }
            let _ = writeln!(err, "{e}");
            return 1;
        }
        Ok(loading::Waited::Quit) => (Ok(()), 0),
        Err(e) => (Err(e), 0),
    };
    let closed = console.close(result);
    // A cache still being written: waited for a moment, else given up (the next open parses
    // the files again); at once on a termination signal.
    let patience = match closed {
        Ok(tui::Ended::Quit) => std::time::Duration::from_secs(3),
        _ => std::time::Duration::ZERO,
    };
    if crate::store::cache::writing() && !patience.is_zero() {
        let _ = writeln!(
            err,
            "giaoban: keeping the snapshot's cache for the next open…"
        );
    }
    crate::store::cache::finish_writes(patience);
    match closed {
        Ok(tui::Ended::Quit) => code,
        // The terminal is back and every decision on disk: end by the signal that was sent
        // (SIGTERM 143, SIGHUP 129, SIGINT 130), as its sender expects.
        Ok(tui::Ended::Signal(sig)) => i32::from(tui::signals::die_of(sig)),
        Err(e) => {
            let _ = writeln!(err, "giaoban: the terminal failed: {e}");
            2
        }
    }
}

/// The console's state from a loaded cycle: the comparison the change screen shows (C), named
/// by the older snapshot's date or by what --since named; the journal; the as-of date.
fn prepare(
    cycle: crate::history::Cycle,
    args: &ConsoleArgs,
    opts: &Options,
    config: (tui::keymap::KeyMap, tui::theme::Theme, Vec<String>),
) -> tui::app::App {
    let changes = cycle.previous.as_ref().map(|prev| {
        let label = args.since.clone().unwrap_or_else(|| {
            prev.snapshot
                .as_of
                .map(|d| d.format("%d/%m/%Y").to_string())
                .unwrap_or_default()
        });
        let prev = Arc::new(prev.clone());
        crate::store::cache::write_later(&prev);
        (
            crate::history::diff::diff(&prev, &cycle.current),
            label,
            prev,
        )
    });
    let loaded = Arc::new(cycle.current);
    crate::store::cache::write_later(&loaded);
    let as_of = super::as_of(&loaded, args.as_of);
    let for_journal = Arc::clone(&loaded);
    let open_store = move || open_journal(&for_journal, args.journal.as_deref(), &args.lang);
    tui::prepare(loaded, as_of, opts, config, open_store, changes)
}

/// The journal the console records decisions in, and what to tell the user about it. When it
/// cannot be opened at all, the console still opens, read-only, and says why.
fn open_journal(
    loaded: &Loaded,
    option: Option<&Path>,
    lang: &str,
) -> (Option<Box<dyn tui::decisions::DecisionStore>>, Vec<String>) {
    use crate::journal::{self, console::ConsoleStore, Journal};
    use crate::tui::decisions::DecisionStore;
    let vi = lang != "en";
    let path = match journal::resolve_path(option, &loaded.origin) {
        Ok(p) => p,
        Err(e) => return (None, vec![e]),
    };
    match Journal::open(&path, &loaded.snapshot) {
        Ok((j, mut notices)) => {
            let store = ConsoleStore::new(
                j,
                &loaded.snapshot,
                journal::Lang::parse(lang).unwrap_or_default(),
            );
            // Why it cannot record, said as the console says it when a key is refused.
            if let Some(why) = store.read_only() {
                notices.insert(0, why);
            }
            (Some(Box::new(store)), notices)
        }
        Err(e) => (
            None,
            vec![if vi {
                format!("CHỈ ĐỌC — không mở được sổ quyết định: {e}")
            } else {
                format!("READ-ONLY — the decision journal cannot be opened: {e}")
            }],
        ),
    }
}
