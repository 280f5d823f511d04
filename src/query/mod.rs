//! The query language: parse once, resolve names against the snapshot, then test records.
//! A compiled query is plain data (`Send + Sync`), so filtering can run on another thread,
//! and narrowing a query only needs to re-test the previous matches.

mod about;
pub mod equiv;
pub mod eval;
pub mod groups;
pub mod overlay;
pub mod parse;
mod resolve;
pub mod scorecard;
pub mod words;

pub use equiv::Equivalent;
pub use eval::{Compiled, Ctx, Overlay, Rec};
pub use overlay::{Decided, DecidedMap};
pub use parse::{Query, QueryError, Term, TermKind};
pub use words::Word;
