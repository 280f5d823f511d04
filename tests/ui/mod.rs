//! The whole-app test harness: the console driven by key events through the real update loop,
//! drawn into a `TestBackend`.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use giaoban::tui::app::App;
use giaoban::tui::config::{self, Options};
use giaoban::tui::event::handle_event;
use giaoban::tui::views;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub struct Console {
    pub app: App,
    pub terminal: Terminal<TestBackend>,
}

impl Console {
    pub fn open(data: &Path, config_dir: &Path, w: u16, h: u16) -> Console {
        let loaded = giaoban::store::load_path(data).expect("loads");
        let opts = Options {
            config_dir: Some(config_dir.to_path_buf()),
            ..Options::default()
        };
        Console::with(loaded, opts, w, h)
    }

    pub fn with(loaded: giaoban::store::Loaded, opts: Options, w: u16, h: u16) -> Console {
        let as_of = loaded.snapshot.as_of.unwrap();
        let data = Arc::new(loaded);
        // The console records decisions in a journal, as `giaoban` opens it: here in the
        // test's own folder. The state is made as the console makes it (`tui::prepare`).
        let open_store = || {
            let store = opts.config_dir.as_ref().map(|dir| {
                use giaoban::journal::{console::ConsoleStore, Journal, Lang as JLang};
                let (journal, _) = Journal::open(&dir.join("journal.ron"), &data.snapshot).unwrap();
                Box::new(ConsoleStore::new(journal, &data.snapshot, JLang::Vi))
                    as Box<dyn giaoban::tui::decisions::DecisionStore>
            });
            (store, Vec::new())
        };
        let app = giaoban::tui::prepare(
            Arc::clone(&data),
            as_of,
            &opts,
            config::load(&opts),
            open_store,
            None,
        );
        let mut c = Console {
            app,
            terminal: Terminal::new(TestBackend::new(w, h)).unwrap(),
        };
        c.draw();
        c
    }

    pub fn draw(&mut self) {
        let mut drawn = views::Drawn::default();
        let app = &self.app;
        self.terminal.draw(|f| drawn = views::draw(app, f)).unwrap();
        self.app.note_drawn(drawn);
    }

    /// Type keys: words separated by spaces; named keys in angle brackets (<Enter>, <Esc>,
    /// <Down>, <BS>, <Space>, <Tab>, <BackTab>, <C-c>, <C-r>, <C-u>, <C-x>, <A-x>).
    pub fn keys(&mut self, keys: &str) -> &mut Self {
        for k in keys.split(' ').filter(|k| !k.is_empty()) {
            let codes: Vec<(KeyCode, KeyModifiers)> = match k {
                "<Enter>" => vec![(KeyCode::Enter, KeyModifiers::NONE)],
                "<Esc>" => vec![(KeyCode::Esc, KeyModifiers::NONE)],
                "<Down>" => vec![(KeyCode::Down, KeyModifiers::NONE)],
                "<Up>" => vec![(KeyCode::Up, KeyModifiers::NONE)],
                "<BS>" => vec![(KeyCode::Backspace, KeyModifiers::NONE)],
                "<Space>" => vec![(KeyCode::Char(' '), KeyModifiers::NONE)],
                "<Tab>" => vec![(KeyCode::Tab, KeyModifiers::NONE)],
                "<BackTab>" => vec![(KeyCode::BackTab, KeyModifiers::SHIFT)],
                "<PgDn>" => vec![(KeyCode::PageDown, KeyModifiers::NONE)],
                "<C-c>" => vec![(KeyCode::Char('c'), KeyModifiers::CONTROL)],
                "<C-r>" => vec![(KeyCode::Char('r'), KeyModifiers::CONTROL)],
                "<C-u>" => vec![(KeyCode::Char('u'), KeyModifiers::CONTROL)],
                "<C-x>" => vec![(KeyCode::Char('x'), KeyModifiers::CONTROL)],
                "<A-x>" => vec![(KeyCode::Char('x'), KeyModifiers::ALT)],
                word => word
                    .chars()
                    .map(|c| {
                        (
                            KeyCode::Char(c),
                            if c.is_uppercase() {
                                KeyModifiers::SHIFT
                            } else {
                                KeyModifiers::NONE
                            },
                        )
                    })
                    .collect(),
            };
            for (code, mods) in codes {
                if let Some(job) =
                    handle_event(&mut self.app, Event::Key(KeyEvent::new(code, mods)))
                {
                    // The console runs this on its filter thread; here it runs in line.
                    let rows = App::run_filter(&self.app.ctx(), &job);
                    self.app.accept_filtered(job.target, job.generation, rows);
                }
                self.draw();
            }
        }
        self
    }

    pub fn screen(&self) -> String {
        let buf = self.terminal.backend().buffer();
        let mut out = String::new();
        for y in 0..buf.area.height {
            let mut line = String::new();
            for x in 0..buf.area.width {
                line.push_str(buf[(x, y)].symbol());
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

pub fn no_config() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// The console on a real decision journal in `dir`, as `giaoban --journal` opens it.
pub fn with_journal(dir: &Path, w: u16, h: u16) -> Console {
    Console::open(&fixture("mini"), dir, w, h)
}
