//! Office documents: spreadsheets out (CSV that Excel opens right, xlsx), update templates
//! and their import, and the conclusions notice in the official form (docx).

pub mod docx;
pub mod files;
pub mod import;
pub mod labels;
pub mod notice;
pub mod snapshot_out;
pub mod table;
pub mod template;
pub mod xlsx;
