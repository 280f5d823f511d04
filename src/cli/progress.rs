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
