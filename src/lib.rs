//! giaoban: the briefing console of the Đề án 06 working group.
//!
//! Data flows one way: files → `store` (load, validate, reconcile) → `snapshot::Snapshot`
//! (+ the decision journal) → `query` → the console's view state → widgets.

pub mod cli;
pub mod domain;
pub mod gen;
pub mod history;
pub mod journal;
pub mod office;
pub mod query;
pub mod snapshot;
pub mod store;
pub mod text;
pub mod tui;
