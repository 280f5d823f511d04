//! Reusable pieces of the screen.

pub mod bars;
pub mod table;
pub mod text;
