//! How the window's width is shared: the text column keeps a readable width, the inspector
//! comes first, the list takes what is left or folds into a drawer.

use super::theme;

/// The list's usual width.
pub const LIST_WIDTH: f32 = 300.0;
/// The narrowest the list may be.
pub const LIST_MIN: f32 = 200.0;
/// The inspector's width, and the narrowest it may be.
const INSPECTOR_WIDTH: f32 = 320.0;
const INSPECTOR_MIN: f32 = 180.0;
/// The document column never gets narrower than this because of side panels: about 45
/// characters of text and its margins.
const MIN_TEXT_COLUMN: f32 = 45.0 * 8.5 + 2.0 * theme::DOC_MARGIN;

/// How wide the side panels may be at a window width: the inspector first (it is where a
/// change is made), then the list; a panel that does not fit beside a readable text column
/// is folded (`None`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PanelRoom {
    /// The inspector's width.
    pub inspector: Option<f32>,
    /// The list's greatest width.
    pub list: Option<f32>,
}

impl PanelRoom {
    /// The room at window width `width`, for the panels shown.
    pub fn of(width: f32, list: bool, inspector: bool) -> Self {
        let mut spare = width - MIN_TEXT_COLUMN;
        let inspector = (inspector && spare >= INSPECTOR_MIN).then(|| {
            let w = spare.min(INSPECTOR_WIDTH);
            spare -= w;
            w
        });
        let list = (list && spare >= LIST_MIN).then_some(spare);
        Self { inspector, list }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn side_panels_leave_a_readable_text_column() {
        for width in [640.0, 800.0, 1024.0, 1280.0, 1920.0, 2560.0] {
            let room = PanelRoom::of(width, true, true);
            let used = room.inspector.unwrap_or(0.0) + room.list.unwrap_or(0.0);
            assert!(width - used >= MIN_TEXT_COLUMN, "{width}: {room:?}");
        }
        // Large windows show both; 800 px keeps the inspector and folds the list.
        let wide = PanelRoom::of(1280.0, true, true);
        assert!(wide.inspector.is_some() && wide.list.is_some());
        let small = PanelRoom::of(800.0, true, true);
        assert!(small.inspector.is_some() && small.list.is_none());
        // The smallest window still has the inspector, the list folded.
        let tiny = PanelRoom::of(640.0, true, true);
        assert!(tiny.inspector.is_some() && tiny.list.is_none(), "{tiny:?}");
        // The inspector has the same width whatever is shown beside it.
        assert_eq!(
            PanelRoom::of(1280.0, true, true).inspector,
            PanelRoom::of(1280.0, false, true).inspector
        );
    }
}
