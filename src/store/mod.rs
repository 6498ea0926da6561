//! Files: the RON sidecar schema and its versions, atomic saving, loading documents and
//! sidecars with errors that name the file.

pub mod atomic;
pub mod document;
pub mod error;
pub mod session;
pub mod sidecar;
pub mod user;

pub use error::StoreError;
pub use session::Session;
pub use sidecar::{Sidecar, sidecar_path};
pub use user::default_author;
