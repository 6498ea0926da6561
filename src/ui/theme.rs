//! Every colour and text size of the window lives here, for the light and the dark theme.

use egui::text::TextFormat;
use egui::{Color32, FontFamily, FontId, Stroke, Visuals};

use crate::core::markdown::MarkdownStyle;

use crate::core::annotation::TagKind;

/// Size of the document text, in points.
pub const DOC_FONT_SIZE: f32 = 16.0;
/// Line height of the document text, in points.
pub const DOC_LINE_HEIGHT: f32 = 24.0;
/// The widest the document text column gets, in points.
pub const READING_WIDTH: f32 = 760.0;
/// Margin left and right of the text column, in points.
pub const DOC_MARGIN: f32 = 28.0;

/// The document text font.
pub fn doc_font() -> FontId {
    FontId::new(DOC_FONT_SIZE, FontFamily::Proportional)
}

fn dark(v: &Visuals) -> bool {
    v.dark_mode
}

/// The strong colour of a tag: list swatches, underlines, legend.
pub fn tag_strong(kind: TagKind, v: &Visuals) -> Color32 {
    match (kind, dark(v)) {
        (TagKind::Claim, false) => Color32::from_rgb(0xC2, 0x41, 0x0C),
        (TagKind::Quote, false) => Color32::from_rgb(0x1D, 0x4E, 0xD8),
        (TagKind::Date, false) => Color32::from_rgb(0x04, 0x78, 0x57),
        (TagKind::Entity, false) => Color32::from_rgb(0x7E, 0x22, 0xCE),
        (TagKind::Claim, true) => Color32::from_rgb(0xFB, 0x92, 0x3C),
        (TagKind::Quote, true) => Color32::from_rgb(0x60, 0xA5, 0xFA),
        (TagKind::Date, true) => Color32::from_rgb(0x34, 0xD3, 0x99),
        (TagKind::Entity, true) => Color32::from_rgb(0xC0, 0x84, 0xFC),
    }
}

/// The background fill of a span with this tag.
pub fn tag_fill(kind: TagKind, v: &Visuals) -> Color32 {
    match (kind, dark(v)) {
        (TagKind::Claim, false) => Color32::from_rgb(0xFF, 0xE0, 0xC2),
        (TagKind::Quote, false) => Color32::from_rgb(0xD6, 0xE6, 0xFF),
        (TagKind::Date, false) => Color32::from_rgb(0xCC, 0xF2, 0xDF),
        (TagKind::Entity, false) => Color32::from_rgb(0xEC, 0xDB, 0xFF),
        (TagKind::Claim, true) => Color32::from_rgb(0x5A, 0x33, 0x12),
        (TagKind::Quote, true) => Color32::from_rgb(0x1E, 0x33, 0x5C),
        (TagKind::Date, true) => Color32::from_rgb(0x11, 0x45, 0x34),
        (TagKind::Entity, true) => Color32::from_rgb(0x45, 0x24, 0x63),
    }
}

/// The document text colour.
pub fn doc_text(v: &Visuals) -> Color32 {
    if dark(v) {
        Color32::from_gray(0xE6)
    } else {
        Color32::from_gray(0x1A)
    }
}

/// The page behind the document text.
pub fn page_background(v: &Visuals) -> Color32 {
    if dark(v) {
        Color32::from_gray(0x1C)
    } else {
        Color32::from_rgb(0xFD, 0xFD, 0xFB)
    }
}

/// The text selection overlay.
pub fn selection(v: &Visuals) -> Color32 {
    if dark(v) {
        Color32::from_rgba_unmultiplied(0x60, 0x90, 0xFF, 0x70)
    } else {
        Color32::from_rgba_unmultiplied(0x30, 0x70, 0xFF, 0x50)
    }
}

/// The outline of the selected annotation.
pub fn selected_outline(v: &Visuals) -> Color32 {
    if dark(v) {
        Color32::WHITE
    } else {
        Color32::from_gray(0x10)
    }
}

/// A find match, and the current find match: both yellow, which no tag is, so a match is
/// never taken for a claim (the current one is a stronger yellow, outlined by
/// [`find_current_outline`]).
pub fn find_match(v: &Visuals, current: bool) -> Color32 {
    match (dark(v), current) {
        (false, false) => Color32::from_rgba_unmultiplied(0xFF, 0xE0, 0x40, 0x70),
        (false, true) => Color32::from_rgba_unmultiplied(0xFF, 0xE0, 0x00, 0xC0),
        (true, false) => Color32::from_rgba_unmultiplied(0xFF, 0xE0, 0x40, 0x40),
        (true, true) => Color32::from_rgba_unmultiplied(0xFF, 0xE0, 0x00, 0x80),
    }
}

/// The outline around the current find match: a darker yellow, not the black of a selected
/// annotation.
pub fn find_current_outline(v: &Visuals) -> Stroke {
    if dark(v) {
        Stroke::new(2.0, Color32::from_rgb(0xFF, 0xE8, 0x70))
    } else {
        Stroke::new(2.0, Color32::from_rgb(0xA8, 0x86, 0x00))
    }
}

/// Text and markers that warn (not exact annotations, right-to-left paragraphs).
pub fn warning(v: &Visuals) -> Color32 {
    v.warn_fg_color
}

/// Text that reports an error.
pub fn error(v: &Visuals) -> Color32 {
    v.error_fg_color
}

/// Secondary text (notes in the list, timestamps).
pub fn weak(v: &Visuals) -> Color32 {
    v.weak_text_color()
}

/// A document text format with a Markdown style laid over it: headings larger, strong text in
/// the strong colour, emphasis in italics, code in the monospace font, markup dimmed.
pub fn markdown_format(mut f: TextFormat, style: &MarkdownStyle, v: &Visuals) -> TextFormat {
    if let Some(level) = style.heading {
        let size = match level {
            1 => 26.0,
            2 => 22.0,
            3 => 19.0,
            _ => 17.0,
        };
        f.font_id = FontId::new(size, FontFamily::Proportional);
        f.line_height = Some(size * 1.45);
        f.color = v.strong_text_color();
    }
    if style.strong {
        f.color = v.strong_text_color();
    }
    if style.emphasis {
        f.italics = true;
    }
    if style.code {
        f.font_id = FontId::new(f.font_id.size * 0.92, FontFamily::Monospace);
    }
    if style.marker {
        f.color = weak(v);
    }
    f
}
