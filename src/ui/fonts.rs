//! Fonts for right-to-left scripts. egui's own fonts cover Latin, Greek and Cyrillic only, so
//! Noto Sans Arabic (Arabic, Persian, Urdu) and Noto Sans Hebrew are built in, after them, for
//! the chars they lack. Other scripts come from the system's fonts, found by eframe.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

const ARABIC: &[u8] = include_bytes!("../../assets/fonts/NotoSansArabic-Regular.ttf");
const HEBREW: &[u8] = include_bytes!("../../assets/fonts/NotoSansHebrew-Regular.ttf");

/// Adds the built-in Arabic and Hebrew fonts to `ctx`, after egui's default fonts.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    for (name, bytes) in [("noto-sans-arabic", ARABIC), ("noto-sans-hebrew", HEBREW)] {
        fonts
            .font_data
            .insert(name.to_owned(), Arc::new(FontData::from_static(bytes)));
        for family in [FontFamily::Proportional, FontFamily::Monospace] {
            fonts
                .families
                .entry(family)
                .or_default()
                .push(name.to_owned());
        }
    }
    ctx.set_fonts(fonts);
}
