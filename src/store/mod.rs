//! Files: the RON sidecar schema and its versions, atomic saving, merging with other writers,
//! the recovery journal, and loading documents and sidecars within size limits, with errors
//! that name the file.

pub mod atomic;
pub mod document;
pub mod error;
pub mod extract;
pub mod output;
pub mod pdf_pictures;
pub mod read;
pub mod recovery;
mod ron_reader;
pub mod save;
pub mod session;
pub mod sidecar;
mod sidecar_v1;
pub mod snapshot;
pub mod target;
pub mod user;

pub use error::StoreError;
pub use save::{MergeReport, SaveOutcome};
pub use session::Session;
pub use sidecar::{Sidecar, SourceInfo, SourceKind, sidecar_path};
pub use user::default_author;
