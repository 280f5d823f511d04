//! A progress bar for long work on a terminal (standard error), silent when it is not one.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

pub struct Bar(ProgressBar);

impl Bar {
    /// A bar of `len` steps labelled `what`; hidden unless standard error is a terminal.
    pub fn new(len: u64, what: &str) -> Self {
        let bar = if std::io::stderr().is_terminal() {
            ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr())
        } else {
            ProgressBar::hidden()
        };
        if let Ok(style) =
            ProgressStyle::with_template("{msg:>8} [{bar:40}] {percent:>3}% {elapsed} / ~{eta}")
        {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(what.to_string());
        Bar(bar)
    }
    pub fn set(&self, n: u64) {
        self.0.set_position(n);
    }
    pub fn set_len(&self, n: u64) {
        self.0.set_length(n);
    }
    /// The next stage of the same work (after `finish` too): its label and length, from the
    /// start; a length of 0 is a stage whose steps are not counted (its time is shown).
    pub fn stage(&self, what: &str, len: u64) {
        self.0.reset();
        self.0.set_message(what.to_string());
        self.0.set_length(len);
        if len == 0 {
            self.0
                .enable_steady_tick(std::time::Duration::from_millis(200));
        } else {
            self.0.disable_steady_tick();
        }
    }
    /// `n` of `len` done (the length may be learnt late).
    pub fn tick(&self, n: usize, len: usize) {
        self.0.set_length(len as u64);
        self.0.set_position(n as u64);
    }
    pub fn finish(&self) {
        self.0.disable_steady_tick();
        self.0.finish_and_clear();
    }
}

impl Drop for Bar {
    /// A bar left by an error is taken away before the error is printed.
    fn drop(&mut self) {
        self.finish();
    }
}

/// A progress bar for every load of a snapshot while the returned guard lives (on a terminal
/// only), in the phases and proportions the console's loading screen shows; a load after one
/// that ended starts the bar again.
pub struct LoadBar(std::sync::Arc<Bar>);

impl LoadBar {
    pub fn install() -> LoadBar {
        use crate::tui::loading::{Phase, Status};
        let bar = std::sync::Arc::new(Bar::new(1000, "load"));
        let b = bar.clone();
        let status = std::sync::Mutex::new(Status::default());
        crate::store::load::set_progress(Some(std::sync::Arc::new(move |phase, f| {
            let Ok(mut s) = status.lock() else { return };
            if phase == "done" {
                b.finish();
                *s = Status::default();
                return;
            }
            if b.0.is_finished() {
                b.0.reset();
            }
            s.tell(phase, f);
            b.0.set_message(match (s.phase, s.from_cache) {
                (Phase::Read, _) => "read",
                (Phase::FromCache, _) | (Phase::Index, true) => "cache",
                (Phase::Index, false) => "index",
                (Phase::Check, _) => "check",
                (Phase::WriteCache, _) => "keep",
                (Phase::Start | Phase::Prepare, _) => "load",
            });
            b.set((s.done * 1000.0) as u64);
        })));
        LoadBar(bar)
    }
}
impl Drop for LoadBar {
    fn drop(&mut self) {
        crate::store::load::set_progress(None);
        self.0.finish();
    }
}
