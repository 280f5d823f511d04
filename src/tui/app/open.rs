//! The console's state as `giaoban` opens it: the counts, the scorecard and every list worked
//! out once, with the journal's decisions, the score formula and the previous snapshot
//! already in place.
//!
//! Attaching each of them to a state already worked out made it all again: at 200k tasks a
//! journal with a decision in force cost a second full count (a quarter of a second), and a
//! history's previous snapshot a third. The journal is opened (its snapshot fingerprint sorts
//! every id) on this core while the other works out the figures no decision changes.

use std::sync::Arc;

use chrono::NaiveDate;

use super::super::decisions::DecisionStore;
use super::super::figures::{Figures, Fixed};
use super::super::i18n::Lang;
use super::super::keymap::KeyMap;
use super::super::theme::Theme;
use super::App;
use crate::query::scorecard::Formula;
use crate::store::Loaded;

/// Opens the decision journal: `None` from it when there is none to record in.
pub type OpenStore<'a> = Box<dyn FnOnce() -> Option<Box<dyn DecisionStore>> + 'a>;

/// What the console opens with besides the snapshot.
#[derive(Default)]
pub struct Opening<'a> {
    /// The score formula the secretariat set (`score.ron`), when there is one.
    pub formula: Option<Formula>,
    /// The snapshot before this one, when it is compared with one.
    pub previous: Option<Arc<Loaded>>,
    /// Opens the decision journal (on this core, beside the figures worked out on the other).
    pub store: Option<OpenStore<'a>>,
}

impl App {
    /// The console's state for a snapshot and what it opens with, every figure and list worked
    /// out once.
    pub fn opened(
        data: Arc<Loaded>,
        as_of: NaiveDate,
        lang: Lang,
        theme: Theme,
        keymap: KeyMap,
        opening: Opening,
    ) -> App {
        let mut app = App::blank(data, as_of, lang, theme, keymap);
        if let Some(f) = opening.formula {
            app.formula = f;
        }
        let data = app.data.clone();
        // The figures no decision changes are worked out on the other core, beside the
        // journal, the previous snapshot's scorecard and this one's.
        let fixed = std::thread::scope(|sc| {
            let fixed = sc.spawn(|| Fixed::compute(&data.snapshot, &data.findings));
            if let Some(previous) = opening.previous {
                app.previous_scores =
                    Some(super::scores::previous_scorecard(&previous, &app.formula));
                app.previous = Some(previous);
            }
            if let Some(store) = opening.store.and_then(|open| open()) {
                app.store = Some(store);
                if let Some(map) = app.read_decisions() {
                    app.decided = Arc::new(map);
                }
            }
            fixed
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e))
        });
        app.figures = Arc::new(Figures::with_fixed(fixed));
        // Every count, the scorecard (from the counts) and the lists.
        app.rebuild_lists();
        app
    }
}
