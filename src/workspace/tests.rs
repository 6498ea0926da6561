//! Tests of the workspace without a window.
