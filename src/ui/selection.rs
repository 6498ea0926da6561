//! The text selection the document view draws and changes; it lives in the workspace.

pub use crate::workspace::Selection;
