//! Files: the RON sidecar schema and its versions, atomic saving, loading documents and
//! sidecars with errors that name the file.

pub mod atomic;
pub mod document;
pub mod error;
pub mod extract;
pub mod session;
pub mod sidecar;
mod sidecar_v1;
pub mod user;

pub use error::StoreError;
pub use session::Session;
pub use sidecar::{Sidecar, SourceInfo, SourceKind, sidecar_path};
pub use user::default_author;
