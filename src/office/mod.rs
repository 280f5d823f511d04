//! Office documents: spreadsheets out (CSV that Excel opens right, xlsx), update templates
//! and their import, and the conclusions notice in the official form (docx).

pub mod docx;
pub mod files;
pub mod labels;
pub mod notice;
pub mod table;
pub mod xlsx;
