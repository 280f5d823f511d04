//! The loading screen: the console takes the terminal at once and shows, while the snapshot
//! loads on another thread, what it is opening, a gauge with the phase and how far it has
//! come, how many files and megabytes have been read and for how long it has waited. The quit
//! key and Ctrl-C end it at once, a termination signal too; a resize redraws it; every other
//! key waits for the console.

use std::io;
use std::sync::atomic::Ordering;
use std::sync::{mpsc, Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Gauge, Paragraph, Widget};
use ratatui::Frame;

use super::action::Command;
use super::i18n::{t, Lang};
use super::keymap::{Key, KeyMap};
use super::theme::Theme;
use super::widgets::text::{fit, fit_tail};
use super::{Console, Input};

/// Where a load is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Phase {
    #[default]
    Start,
    /// Reading and parsing the files.
    Read,
    /// Reading the records kept from an earlier load of the same files.
    FromCache,
    Index,
    /// Checking the records and reconciling the sources.
    Check,
    /// Keeping the records for the next time.
    WriteCache,
    /// The snapshot is loaded: the console's lists and figures are being made.
    Prepare,
}

/// What the screen shows of a load; told by the loading thread, read by the screen.
#[derive(Debug, Clone, Default)]
pub struct Status {
    pub phase: Phase,
    /// Of the whole wait, 0..=1; it never goes back.
    pub done: f64,
    /// The records come from the cache.
    pub from_cache: bool,
    /// Files and bytes read since the load started.
    pub files: u64,
    pub bytes: u64,
}

impl Status {
    /// A phase reported by the loader ("read", "index", "check", "cache", "done") and the
    /// fraction of it done.
    pub fn tell(&mut self, phase: &str, fraction: f64) {
        let f = if fraction.is_finite() {
            fraction.clamp(0.0, 1.0)
        } else {
            0.0
        };
        let seen_read = matches!(
            self.phase,
            Phase::Read | Phase::Index | Phase::Check | Phase::WriteCache
        ) && !self.from_cache;
        let (phase, at) = match phase {
            "read" => {
                // Read after the cache was tried: it was not the files' own.
                self.from_cache = false;
                (Phase::Read, 0.75 * f)
            }
            "cache" if seen_read => (Phase::WriteCache, 0.95),
            "cache" => {
                self.from_cache = true;
                (Phase::FromCache, 0.5 * f)
            }
            "index" if self.from_cache => (Phase::Index, 0.5 + 0.4 * f),
            "index" => (Phase::Index, 0.75 + 0.1 * f),
            "check" => (Phase::Check, 0.85 + 0.1 * f),
            "done" => (Phase::Prepare, 0.97),
            _ => (self.phase, self.done),
        };
        self.phase = phase;
        self.done = self.done.max(at);
    }
}

/// The loader's progress, shared between the thread that loads and the screen.
#[derive(Debug, Clone, Default)]
pub struct Progress(Arc<Mutex<Status>>);

impl Progress {
    pub fn tell(&self, phase: &str, fraction: f64) {
        if let Ok(mut s) = self.0.lock() {
            s.tell(phase, fraction);
        }
    }

    /// The snapshot is loaded; the console is being made ready.
    pub fn preparing(&self) {
        mark("loaded");
        self.tell("done", 1.0);
    }

    pub fn status(&self) -> Status {
        self.0.lock().map(|s| s.clone()).unwrap_or_default()
    }

    fn set_read(&self, files: u64, bytes: u64) {
        if let Ok(mut s) = self.0.lock() {
            s.files = files;
            s.bytes = bytes;
        }
    }
}

/// What the loading screen shows besides the status.
pub struct Screen {
    pub lang: Lang,
    pub theme: Theme,
    /// The quit key(s) of the key map (Ctrl-C quits too).
    pub keymap: KeyMap,
    /// What is being opened, as the user named it.
    pub label: String,
    pub progress: Progress,
}

/// How a wait ended.
pub enum Waited<T> {
    Done(T),
    /// The user quit, or a termination signal came, before the work was done.
    Quit,
}

impl Console {
    /// Show the loading screen while `work` runs on its own thread, told of the loader's
    /// progress; its result, or `Quit` when the user quits first. A work that panics ends the
    /// wait with an error.
    pub fn wait_for<T: Send + 'static>(
        &mut self,
        screen: &Screen,
        work: impl FnOnce(Progress) -> T + Send + 'static,
    ) -> io::Result<Waited<T>> {
        let started = Instant::now();
        let (tx, rx) = mpsc::channel();
        let progress = screen.progress.clone();
        let hook = progress.clone();
        crate::store::load::set_progress(Some(Arc::new(move |phase, f| hook.tell(phase, f))));
        let (files0, bytes0) = crate::store::files::read_so_far();
        std::thread::spawn(move || {
            let _ = tx.send(work(progress));
        });
        let result = (|| loop {
            let (files, bytes) = crate::store::files::read_so_far();
            screen
                .progress
                .set_read(files.saturating_sub(files0), bytes.saturating_sub(bytes0));
            let status = screen.progress.status();
            let waited = started.elapsed();
            self.terminal()?
                .draw(|f| draw(f, screen, &status, waited))?;
            mark("first-frame");
            if self.terminate.load(Ordering::Relaxed) != 0 {
                return Ok(Waited::Quit);
            }
            match rx.try_recv() {
                Ok(v) => return Ok(Waited::Done(v)),
                Err(mpsc::TryRecvError::Disconnected) => {
                    return Err(io::Error::other("the loading stopped before it ended"))
                }
                Err(mpsc::TryRecvError::Empty) => {}
            }
            // A frame every 50 ms at most: the gauge and the seconds move, a resize is seen.
            match self.events.recv_timeout(Duration::from_millis(50)) {
                Ok(Input::Event(ev)) => {
                    if quits(&ev, &screen.keymap) {
                        return Ok(Waited::Quit);
                    }
                }
                Ok(Input::Closed(e)) => return Err(e),
                Ok(Input::Filtered(..)) | Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    return Err(io::Error::other("the terminal's input closed"));
                }
            }
        })();
        crate::store::load::set_progress(None);
        result
    }
}

/// Ctrl-C, or a key the key map binds to quit.
fn quits(ev: &Event, keymap: &KeyMap) -> bool {
    match ev {
        Event::Key(k) if k.kind == KeyEventKind::Press => {
            (k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL))
                || keymap.command_for(Key::from_event(*k)) == Some(Command::Quit)
        }
        _ => false,
    }
}

/// The loading screen, at any size: the lines that matter most are kept when rows are few
/// (the gauge, then the phase, what was read, the path, the title, the hint).
pub fn draw(frame: &mut Frame, screen: &Screen, status: &Status, waited: Duration) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    let theme = &screen.theme;
    buf.set_style(area, theme.base());
    if area.width == 0 || area.height == 0 {
        return;
    }
    let lang = screen.lang;
    let width = area.width.saturating_sub(2).max(1) as usize;
    let phase = match (status.phase, status.from_cache) {
        (Phase::Start, _) => t(lang, "loading.start"),
        (Phase::Read, _) => t(lang, "loading.read"),
        (Phase::FromCache, _) | (Phase::Index, true) => t(lang, "loading.from_cache"),
        (Phase::Index, false) => t(lang, "loading.index"),
        (Phase::Check, _) => t(lang, "loading.check"),
        (Phase::WriteCache, _) => t(lang, "loading.write_cache"),
        (Phase::Prepare, _) => t(lang, "loading.prepare"),
    };
    let mut read = format!(
        "{} {} {} · {} MB · {} {}",
        t(lang, "loading.files_read"),
        status.files,
        t(lang, "loading.files"),
        mb(status.bytes),
        waited.as_secs(),
        t(lang, "loading.seconds"),
    );
    if read.chars().count() > width {
        // Narrow: the figures without the words around them.
        read = format!(
            "{} {} · {} MB · {}s",
            status.files,
            t(lang, "loading.files"),
            mb(status.bytes),
            waited.as_secs()
        );
    }
    let quit_key = screen
        .keymap
        .first_key(Command::Quit)
        .unwrap_or_else(|| "Ctrl-C".into());
    let hint = format!("{quit_key}: {}", t(lang, "hint.quit"));
    // The path keeps its end (its folder's name) when it is cut; shown inert.
    let opening = t(lang, "loading.opening");
    let path = if width > opening.chars().count() + 12 {
        format!(
            "{opening} {}",
            fit_tail(&screen.label, width - opening.chars().count() - 1)
        )
    } else {
        fit_tail(&screen.label, width)
    };
    // (importance, line); the gauge is None.
    let rows: [(u8, Option<Line>); 6] = [
        (
            5,
            Some(Line::styled(fit(t(lang, "app"), width), theme.title())),
        ),
        (4, Some(Line::styled(path, theme.text()))),
        (1, None),
        (2, Some(Line::styled(fit(phase, width), theme.text()))),
        (3, Some(Line::styled(fit(&read, width), theme.muted()))),
        (6, Some(Line::styled(fit(&hint, width), theme.muted()))),
    ];
    let keep = (area.height as usize).min(rows.len());
    let shown: Vec<&(u8, Option<Line>)> = rows
        .iter()
        .filter(|(rank, _)| (*rank as usize) <= keep)
        .collect();
    // A blank row between the heading and the gauge, and before the hint, when there is room.
    let spare = (area.height as usize).saturating_sub(shown.len());
    let gaps = if spare >= 2 && shown.len() == rows.len() {
        2
    } else {
        0
    };
    let used = (shown.len() + gaps) as u16;
    let mut y = area.y + area.height.saturating_sub(used) / 2;
    let x = area.x + u16::from(area.width > 2);
    let inner = area.width.saturating_sub(2).max(1);
    for (rank, line) in shown {
        if gaps > 0 && (*rank == 1 || *rank == 6) {
            y += 1;
        }
        let row = Rect::new(x, y, inner.min(area.right() - x), 1);
        match line {
            Some(l) => Paragraph::new(l.clone()).render(row, buf),
            None => {
                let percent = (status.done * 100.0).floor() as u32;
                Gauge::default()
                    .ratio(status.done.clamp(0.0, 1.0))
                    .label(Span::styled(format!("{percent}%"), theme.text()))
                    .gauge_style(theme.base().patch(theme.bar()))
                    .use_unicode(true)
                    .render(row, buf);
            }
        }
        y += 1;
    }
}

/// Megabytes, whole.
fn mb(bytes: u64) -> u64 {
    (bytes + 500_000) / 1_000_000
}

/// When `GIAOBAN_TIMES` names a file, the milliseconds from the start of the program to the
/// first time each thing happened ("first-frame", "loaded", "console") are added to it, one per line
/// (for measuring how soon the console answers).
pub fn mark(what: &'static str) {
    /// The file, and what was noted in it already.
    type Marks = Mutex<(std::path::PathBuf, Vec<&'static str>)>;
    static TIMES: OnceLock<Option<Marks>> = OnceLock::new();
    let Some(times) = TIMES.get_or_init(|| {
        std::env::var_os("GIAOBAN_TIMES")
            .filter(|v| !v.is_empty())
            .map(|p| Mutex::new((p.into(), Vec::new())))
    }) else {
        return;
    };
    let Ok(mut t) = times.lock() else { return };
    if t.1.contains(&what) {
        return;
    }
    t.1.push(what);
    let ms = started().elapsed().as_secs_f64() * 1000.0;
    use std::io::Write;
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&t.0)
    {
        let _ = writeln!(f, "{what} {ms:.1}");
    }
}

/// The instant the program started (as `mark_start` noted it, else the first call).
fn started() -> Instant {
    *START.get_or_init(Instant::now)
}

static START: OnceLock<Instant> = OnceLock::new();

/// Note the start of the program, for `mark`.
pub fn mark_start() {
    let _ = START.set(Instant::now());
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::TestBackend;
    use ratatui::Terminal;

    fn status(events: &[(&str, f64)]) -> Status {
        let mut s = Status::default();
        for (p, f) in events {
            s.tell(p, *f);
        }
        s
    }

    #[test]
    fn a_cold_load_goes_through_its_phases_and_never_back() {
        let s = status(&[("read", 0.0), ("read", 0.5)]);
        assert_eq!((s.phase, s.from_cache), (Phase::Read, false));
        assert!((s.done - 0.375).abs() < 1e-9);
        let s = status(&[("read", 1.0), ("index", 0.0), ("check", 0.0)]);
        assert_eq!(s.phase, Phase::Check);
        // The cache written after the check is not a load from the cache.
        let s = status(&[("read", 1.0), ("check", 0.0), ("cache", 0.0)]);
        assert_eq!((s.phase, s.from_cache), (Phase::WriteCache, false));
        let s = status(&[("read", 1.0), ("check", 0.0), ("done", 1.0)]);
        assert_eq!(s.phase, Phase::Prepare);
        // A second load (the snapshot compared with) does not move the gauge back.
        let s = status(&[("read", 1.0), ("done", 1.0), ("read", 0.1)]);
        assert!(s.done >= 0.97, "{}", s.done);
        // Nonsense from a loader is not shown as progress.
        let s = status(&[("read", f64::NAN), ("read", 7.0)]);
        assert!((s.done - 0.75).abs() < 1e-9);
    }

    #[test]
    fn a_load_from_the_cache_says_so_unless_the_files_changed() {
        let s = status(&[("cache", 0.0)]);
        assert_eq!((s.phase, s.from_cache), (Phase::FromCache, true));
        let s = status(&[("cache", 0.0), ("index", 0.5)]);
        assert_eq!((s.phase, s.from_cache), (Phase::Index, true));
        assert!((s.done - 0.7).abs() < 1e-9);
        // The cache was not the files' own: they are read after all.
        let s = status(&[("cache", 0.0), ("read", 0.2)]);
        assert_eq!((s.phase, s.from_cache), (Phase::Read, false));
        let s = status(&[
            ("cache", 0.0),
            ("read", 1.0),
            ("check", 0.0),
            ("cache", 0.0),
        ]);
        assert_eq!(s.phase, Phase::WriteCache);
    }

    fn screen(lang: Lang, label: &str) -> Screen {
        Screen {
            lang,
            theme: Theme::default(),
            keymap: KeyMap::default(),
            label: label.into(),
            progress: Progress::default(),
        }
    }

    fn drawn(screen: &Screen, status: &Status, w: u16, h: u16) -> String {
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        term.draw(|f| draw(f, screen, status, Duration::from_secs(12)))
            .unwrap();
        let buf = term.backend().buffer();
        (0..h)
            .map(|y| {
                (0..w)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
                    .trim_end()
                    .to_string()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_screen_names_the_snapshot_the_phase_and_what_was_read() {
        let status = Status {
            phase: Phase::Read,
            done: 0.42,
            from_cache: false,
            files: 1160,
            bytes: 337_400_000,
        };
        let s = drawn(&screen(Lang::Vi, "/dữ liệu/200000"), &status, 80, 24);
        assert!(s.contains("Giao ban Đề án 06"), "{s}");
        assert!(s.contains("Đang mở: /dữ liệu/200000"), "{s}");
        assert!(s.contains("42%"), "{s}");
        assert!(s.contains("Đọc và phân tích tệp"), "{s}");
        assert!(s.contains("Đã đọc 1160 tệp · 337 MB · 12 giây"), "{s}");
        assert!(s.contains("q: thoát"), "{s}");
        let cached = Status {
            phase: Phase::Index,
            from_cache: true,
            ..status.clone()
        };
        let s = drawn(&screen(Lang::En, "/data/200000"), &cached, 80, 24);
        assert!(s.contains("Opening: /data/200000"), "{s}");
        assert!(s.contains("Reading from the cache"), "{s}");
        assert!(s.contains("Read 1160 files · 337 MB · 12 s"), "{s}");
        assert!(s.contains("q: quit"), "{s}");
    }

    #[test]
    fn a_path_is_shown_inert_and_its_end_kept() {
        let status = Status::default();
        let s = drawn(
            &screen(Lang::Vi, "/tmp/\u{1b}[2J\u{202e}evil/rất-dài/2024-12-31"),
            &status,
            40,
            10,
        );
        assert!(!s.contains('\u{1b}') && !s.contains('\u{202e}'), "{s}");
        assert!(s.contains("2024-12-31"), "{s}");
        assert!(s.contains('…'), "{s}");
    }

    #[test]
    fn every_size_draws_and_the_gauge_goes_last() {
        let status = Status {
            phase: Phase::Check,
            done: 0.9,
            ..Status::default()
        };
        let scr = screen(Lang::Vi, "/data/200000");
        for w in 0..=30 {
            for h in 0..=9 {
                drawn(&scr, &status, w, h);
            }
        }
        // Five rows: the hint goes first.
        let s = drawn(&scr, &status, 20, 5);
        assert!(s.contains("90%") && !s.contains("thoát"), "{s}");
        assert!(s.contains("0 tệp · 0 MB · 12s"), "{s}");
        // One row: the gauge alone.
        let s = drawn(&scr, &status, 20, 1);
        assert!(s.contains("90%"), "{s}");
    }
}
