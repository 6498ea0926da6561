//! The domain, in pure Rust: text, annotations, segments, anchoring and edits. Nothing here
//! knows about windows, files or serialization formats.

pub mod agreement;
pub mod anchor;
pub mod annotation;
pub mod bidi;
pub mod bulk;
pub mod caret;
pub mod claims;
pub mod context;
pub mod corrections;
pub mod edit;
pub mod evidence;
pub mod fuzzy;
pub mod identifier;
pub mod link;
mod locate;
pub mod markdown;
pub mod merge;
pub mod model;
mod month_names;
pub mod names;
pub mod reach;
pub mod register;
pub mod search;
pub mod segments;
pub mod selection;
pub mod snap;
pub mod source;
pub mod suggest;
pub mod text;
mod windows;
pub mod worddiff;

pub use anchor::{AnchorStatus, Anchoring, anchor_all, apply_anchoring};
pub use annotation::{
    Annotation, AnnotationId, DateValue, EntityKind, Review, ReviewStatus, Tag, TagKind, Verdict,
};
pub use edit::{Change, Command, EditError, History};
pub use model::AnnotationSet;
pub use text::Text;
