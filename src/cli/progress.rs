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
    pub fn finish(&self) {
        self.0.finish_and_clear();
    }
}

/// A progress bar for every load of a snapshot from a path while the returned guard lives
/// (on a terminal only): "read 40%", "index", "check".
pub struct LoadBar(std::sync::Arc<Bar>);

impl LoadBar {
    pub fn install() -> LoadBar {
        let bar = std::sync::Arc::new(Bar::new(1000, "load"));
        let b = bar.clone();
        crate::store::load::set_progress(Some(std::sync::Arc::new(move |phase, f| {
            if phase == "done" {
                b.finish();
            } else {
                // The phases in one bar: reading and parsing take most of the time.
                let f = f.clamp(0.0, 1.0);
                let at = match phase {
                    "read" => 0.8 * f,
                    "index" => 0.8 + 0.1 * f,
                    "check" => 0.9 + 0.05 * f,
                    _ => 0.95,
                };
                b.0.set_message(phase);
                let pos = (at * 1000.0) as u64;
                if pos > b.0.position() {
                    b.set(pos);
                }
            }
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
