//! The text selection, owned as document char offsets so it can span paragraphs that are not
//! on screen.

/// A text selection: where it started (anchor) and where it ends now (head).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    /// Where the selection started.
    pub anchor: usize,
    /// Where it ends now (the end that moves).
    pub head: usize,
}

impl Selection {
    /// First char of the selection.
    pub fn start(&self) -> usize {
        self.anchor.min(self.head)
    }

    /// One past the last char.
    pub fn end(&self) -> usize {
        self.anchor.max(self.head)
    }

    /// Whether no char is selected.
    pub fn is_empty(&self) -> bool {
        self.anchor == self.head
    }
}
