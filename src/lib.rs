//! factmark: a native desktop annotator for fact-checkers and researchers.
//!
//! `core` is the pure domain (text, annotations, segments, anchoring, edits); `store` reads
//! and writes documents and RON sidecars; `formats` exports to and imports from other tools'
//! formats; `cli` is the scriptable command line; `workspace` holds the open documents and
//! applies every change a person asks for; `ui` is the egui window. `core` depends on
//! nothing else of ours and on no GUI or I/O crate.

pub mod cli;
pub mod core;
pub mod formats;
pub mod store;
pub mod ui;
pub mod workspace;
