//! The text selection of a document's view (the type lives in `core`, where snapping uses it).

pub use crate::core::selection::Selection;
