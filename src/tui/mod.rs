//! The console: ratatui + crossterm. State and update in `app`, drawing in `views`,
//! reusable pieces in `widgets`, key map, theme and labels apart.

pub mod action;
pub mod app;
pub mod config;
pub mod decisions;
pub mod event;
pub mod figures;
pub mod i18n;
pub mod keymap;
pub mod legend;
pub mod loading;
pub mod pages;
pub mod prompt;
pub mod rows;
pub mod signals;
pub mod theme;
pub mod views;
pub mod widgets;

use std::io;
use std::sync::atomic::Ordering;
use std::sync::mpsc;
use std::sync::Arc;
use std::time::Duration;

use crossterm::event::{
    self as ct, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste,
    EnableMouseCapture,
};
use crossterm::execute;

use crate::store::Loaded;
use app::{App, FilterJob, ListRef};
use config::Options;

/// A filter job with the decisions it must see.
type JobMsg = (FilterJob, Arc<crate::query::DecidedMap>);

/// Filtering runs here, off the UI thread: the newest job waiting wins; results go to the
/// input loop's own queue (so they are drawn as soon as they are ready), with the job's
/// generation so that stale ones are dropped.
fn spawn_filter_thread(
    data: Arc<Loaded>,
    as_of: chrono::NaiveDate,
    results: mpsc::Sender<Input>,
) -> mpsc::Sender<JobMsg> {
    let (job_tx, job_rx) = mpsc::channel::<JobMsg>();
    std::thread::spawn(move || {
        while let Ok(mut job) = job_rx.recv() {
            // Skip to the newest job waiting for the same list.
            let mut waiting = Vec::new();
            while let Ok(newer) = job_rx.try_recv() {
                if newer.0.target == job.0.target {
                    job = newer;
                } else {
                    waiting.push(newer);
                }
            }
            for (job, decided) in std::iter::once(job).chain(waiting) {
                let ctx = crate::query::Ctx {
                    snap: &data.snapshot,
                    findings: &data.findings,
                    as_of,
                    overlay: Some(&*decided),
                };
                let rows = App::run_filter(&ctx, &job);
                if results
                    .send(Input::Filtered(job.target, job.generation, rows))
                    .is_err()
                {
                    return;
                }
            }
        }
    });
    job_tx
}

/// The most events handled between two looks at the quit signal (and two frames).
const MAX_BATCH: usize = 4096;

/// What the input loop waits for: the terminal's input (read on its own thread) and the
/// filter thread's results.
enum Input {
    Event(ct::Event),
    Closed(io::Error),
    Filtered(ListRef, u64, app::Filtered),
}

/// Terminal input is read on its own thread, so that the drawing loop keeps its own pace and
/// notices a quit signal even when the terminal has gone away (a closed terminal can keep
/// crossterm's reader busy without ever returning).
fn spawn_input_thread(tx: mpsc::Sender<Input>) {
    std::thread::spawn(move || loop {
        match ct::read() {
            Ok(ev) => {
                if tx.send(Input::Event(ev)).is_err() {
                    break;
                }
            }
            Err(e) => {
                let _ = tx.send(Input::Closed(e));
                break;
            }
        }
    });
}

/// The console's state, made ready from a loaded snapshot: the key map and theme, the score
/// formula, the comparison (C), and the decision journal `open_store` opens (with what to tell
/// the user about it), all in place before anything is counted (`App::opened`). Runs off the
/// terminal thread while the loading screen is shown.
pub fn prepare(
    data: Arc<Loaded>,
    as_of: chrono::NaiveDate,
    opts: &Options,
    config: (keymap::KeyMap, theme::Theme, Vec<String>),
    open_store: impl FnOnce() -> (Option<Box<dyn decisions::DecisionStore>>, Vec<String>),
    changes: Option<(crate::history::diff::Diff, String, Arc<Loaded>)>,
) -> App {
    let (keymap, theme, mut warnings) = config;
    // The score formula the secretariat set, if any (score.ron beside keys.ron).
    let score_file = opts
        .config_dir
        .clone()
        .or_else(config::config_dir)
        .map(|d| d.join("score.ron"));
    let mut formula = None;
    if let Some(f) = score_file.filter(|f| f.is_file()) {
        match crate::query::scorecard::Formula::load(&f) {
            Ok(f) => formula = Some(f),
            Err(e) => warnings.push(e),
        }
    }
    let (diff, previous) = match changes {
        Some((diff, since, previous)) => (Some((diff, since)), Some(previous)),
        None => (None, None),
    };
    // Everything the state is made with is given at once: it is worked out once.
    let mut notices = Vec::new();
    let opening = app::Opening {
        formula,
        previous,
        store: Some(Box::new(|| {
            let (store, said) = open_store();
            notices = said;
            store
        })),
    };
    let mut app = App::opened(data, as_of, opts.lang, theme, keymap, opening);
    if let Some((diff, since)) = diff {
        app.attach_changes(diff, since);
    }
    warnings.extend(notices);
    if !warnings.is_empty() {
        app.message = Some((warnings.join(" · "), true));
    }
    app
}

/// How the console ended, once the terminal is put back and every decision is on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// The user left it: q (confirmed), or Ctrl-C typed as a key. Status 0.
    Quit,
    /// SIGTERM, SIGINT or SIGHUP came, or the terminal hung up (its window closed): the process
    /// should end by that signal ([`signals::die_of`]), status 128 + the signal.
    Signal(i32),
}

/// The error a terminal gives once it has hung up.
fn hung_up(e: &io::Error) -> bool {
    #[cfg(unix)]
    if e.raw_os_error() == Some(libc::EIO) {
        return true;
    }
    e.kind() == io::ErrorKind::UnexpectedEof
}

/// The terminal, taken over: raw mode, the alternate screen, bracketed paste, the mouse when
/// wanted, input read on its own thread, SIGTERM / SIGHUP / SIGINT noted and the fatal signals
/// made to put the terminal back. Dropping it (or `close`) restores the terminal.
pub struct Console {
    /// None once it has been put back.
    terminal: Option<ratatui::DefaultTerminal>,
    events: mpsc::Receiver<Input>,
    /// Where the filter thread sends its results (the input loop's own queue).
    input_tx: mpsc::Sender<Input>,
    terminate: Arc<std::sync::atomic::AtomicUsize>,
    mouse: bool,
    restored: bool,
}

impl Console {
    pub fn open(mouse: bool) -> io::Result<Console> {
        let terminate = signals::termination_flag();
        signals::arm_fatal();
        let terminal = match ratatui::try_init() {
            Ok(t) => t,
            Err(e) => {
                ratatui::restore();
                signals::disarm_fatal();
                return Err(e);
            }
        };
        let _ = execute!(io::stdout(), EnableBracketedPaste);
        if mouse {
            let _ = execute!(io::stdout(), EnableMouseCapture);
        }
        let (input_tx, events) = mpsc::channel();
        spawn_input_thread(input_tx.clone());
        Ok(Console {
            terminal: Some(terminal),
            events,
            input_tx,
            terminate,
            mouse,
            restored: false,
        })
    }

    /// Put the terminal back as it was; how the console ended, `result` being how its loop
    /// (or the loading screen) ended. A signal that came (even while the terminal was being
    /// put back) decides it, whatever error its going made. A terminal whose window closed
    /// fails every read and write (EIO) and sends SIGHUP only to its shell: a hang-up too.
    pub fn close(mut self, result: io::Result<()>) -> io::Result<Ended> {
        self.restore();
        match (self.terminate.load(Ordering::Relaxed), result) {
            (0, Ok(())) => Ok(Ended::Quit),
            (0, Err(e)) if hung_up(&e) => Ok(Ended::Signal(signals::SIGHUP)),
            (0, Err(e)) => Err(e),
            (sig, _) => Ok(Ended::Signal(sig as i32)),
        }
    }

    fn restore(&mut self) {
        if self.restored {
            return;
        }
        self.restored = true;
        if self.mouse {
            let _ = execute!(io::stdout(), DisableMouseCapture);
        }
        let _ = execute!(io::stdout(), DisableBracketedPaste);
        // Quietly: when the terminal has hung up, ratatui's `restore()` and the terminal's drop
        // would say they failed on stderr, which is that same dead terminal, and printing there
        // panics (the panic hook tries again, and the process aborts, status 134).
        if let Some(mut terminal) = self.terminal.take() {
            if terminal.show_cursor().is_err() {
                std::mem::forget(terminal);
            }
        }
        let _ = ratatui::try_restore();
        signals::disarm_fatal();
    }

    /// The terminal, while it is ours.
    fn terminal(&mut self) -> io::Result<&mut ratatui::DefaultTerminal> {
        self.terminal
            .as_mut()
            .ok_or_else(|| io::Error::other("the terminal was put back"))
    }

    /// Run the console until the user quits (or a termination signal). Meant to be the last
    /// thing the process does: the journal is closed, but the state is not freed.
    pub fn run(&mut self, mut app: App) -> io::Result<()> {
        let job_tx = spawn_filter_thread(app.data.clone(), app.as_of, self.input_tx.clone());
        let terminal = self
            .terminal
            .as_mut()
            .ok_or_else(|| io::Error::other("the terminal was put back"))?;
        let events = &self.events;
        let terminate = &self.terminate;
        let opened = std::time::Instant::now();
        let result = (|| -> io::Result<()> {
            let mut backlog = false;
            let mut drawn_at = std::time::Instant::now();
            loop {
                // The meeting timers count whole seconds since the console opened.
                app.clock = opened.elapsed().as_secs();
                // While a backlog of input is worked through, a frame every 100 ms is enough.
                if !backlog || drawn_at.elapsed() >= Duration::from_millis(100) {
                    let mut drawn = views::Drawn::default();
                    terminal.draw(|f| drawn = views::draw(&app, f))?;
                    loading::mark("console");
                    app.note_drawn(drawn);
                    if let Some(text) = app.clipboard.take() {
                        use std::io::Write;
                        let mut out = io::stdout();
                        let _ = out.write_all(app::export::osc52(&text).as_bytes());
                        let _ = out.flush();
                    }
                    drawn_at = std::time::Instant::now();
                }
                if app.quit || terminate.load(Ordering::Relaxed) != 0 {
                    return Ok(());
                }
                match events.recv_timeout(Duration::from_millis(100)) {
                    Ok(Input::Event(ev)) => {
                        // Take the events already waiting too (so fast typing never waits for a
                        // frame), but a bounded batch: the quit signal and Ctrl-C are seen after
                        // each, however much is queued.
                        let mut batch = vec![ev];
                        let mut closed = None;
                        let mut filtered = Vec::new();
                        while batch.len() < MAX_BATCH {
                            match events.try_recv() {
                                Ok(Input::Event(ev)) => batch.push(ev),
                                Ok(Input::Closed(e)) => {
                                    closed = Some(e);
                                    break;
                                }
                                Ok(Input::Filtered(target, generation, rows)) => {
                                    filtered.push((target, generation, rows))
                                }
                                Err(_) => break,
                            }
                        }
                        for (target, generation, rows) in filtered {
                            app.accept_filtered(target, generation, rows);
                        }
                        backlog = batch.len() == MAX_BATCH;
                        if terminate.load(Ordering::Relaxed) != 0 {
                            return Ok(());
                        }
                        for job in event::handle_batch(&mut app, batch) {
                            let _ = job_tx.send((job, app.decided.clone()));
                        }
                        if let Some(e) = closed {
                            return Err(e);
                        }
                    }
                    Ok(Input::Filtered(target, generation, rows)) => {
                        app.accept_filtered(target, generation, rows);
                    }
                    Ok(Input::Closed(e)) => return Err(e),
                    Err(mpsc::RecvTimeoutError::Timeout) => {}
                    Err(mpsc::RecvTimeoutError::Disconnected) => {
                        return Err(io::Error::other("the terminal's input closed"));
                    }
                }
            }
        })();
        // A meeting still open when the console closes (Ctrl-C, a signal) ends now, on record.
        if app.meeting.is_some() {
            app.end_meeting();
        }
        // The journal is closed here (each decision was made durable when it was recorded).
        // The rest of the state, the snapshot with it, is left for the process's end, which
        // follows: freeing a national snapshot's millions of strings one by one takes seconds,
        // and the terminal would stay taken meanwhile.
        drop(app.store.take());
        std::mem::forget(app);
        result
    }
}

impl Drop for Console {
    fn drop(&mut self) {
        self.restore();
    }
}
