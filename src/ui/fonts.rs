//! Fonts. egui's own fonts cover Latin, Greek and Cyrillic only, so Noto Sans Arabic (Arabic,
//! Persian, Urdu) and Noto Sans Hebrew are built in, after them, for the chars they lack.
//! Other scripts come from the system's fonts; the chars no font of the system has are
//! remembered, so that the window can say why they show as boxes and what to install.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

use egui::{FallbackRequest, FontData, FontDefinitions, FontFamily, FontInsert, FontProvider};
use unicode_script::{Script, UnicodeScript as _};

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

/// The chars of the text shown that no font has (drawn as boxes), shared with the font
/// provider that finds them out.
#[derive(Clone, Default)]
pub struct MissingGlyphs {
    chars: Arc<Mutex<Missing>>,
}

#[derive(Default)]
struct Missing {
    chars: BTreeSet<char>,
    /// How many of them were last told.
    told: usize,
}

impl MissingGlyphs {
    /// Remembers a char no font has (not white space nor a control or private-use char,
    /// whose boxes say nothing).
    fn add(&self, c: char) {
        if c.is_whitespace() || c.is_control() || matches!(c, '\u{E000}'..='\u{F8FF}') {
            return;
        }
        if let Ok(mut missing) = self.chars.lock() {
            missing.chars.insert(c);
        }
    }

    /// What to tell the reader of the chars found missing since last told, if any: which
    /// scripts show as boxes, that the text is whole all the same, and what to install.
    pub fn news(&self) -> Option<String> {
        let mut missing = self.chars.lock().ok()?;
        if missing.chars.len() == missing.told {
            return None;
        }
        missing.told = missing.chars.len();
        Some(missing_text(&missing.chars))
    }
}

/// The message for chars no font has.
fn missing_text(chars: &BTreeSet<char>) -> String {
    let mut scripts: Vec<String> = Vec::new();
    for c in chars {
        let name = match c.script() {
            Script::Common | Script::Inherited | Script::Unknown => "symbol".to_owned(),
            script => script.full_name().replace('_', " "),
        };
        if !scripts.contains(&name) {
            scripts.push(name);
        }
    }
    let which = match scripts.as_slice() {
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        [] => String::new(),
    };
    let cjk = chars.iter().any(|c| {
        matches!(
            c.script(),
            Script::Han | Script::Hangul | Script::Hiragana | Script::Katakana | Script::Bopomofo
        )
    });
    let package = if cjk {
        "fonts-noto-cjk on Debian and Ubuntu"
    } else {
        "fonts-noto-core on Debian and Ubuntu"
    };
    format!(
        "No font on this computer has the {which} characters shown here: they are drawn as boxes. The text is whole all the same: they can be selected, annotated, found and exported. To see them, install a font for them (the Noto fonts, e.g. {package}) and restart factmark."
    )
}

/// A font provider that remembers the chars the one it asks finds no font for.
struct Watched {
    inner: Arc<dyn FontProvider>,
    missing: MissingGlyphs,
}

impl FontProvider for Watched {
    fn fonts_for_family(&self, family: &FontFamily) -> Vec<FontInsert> {
        self.inner.fonts_for_family(family)
    }

    fn font_for(&self, request: &FallbackRequest<'_>) -> Option<FontInsert> {
        let found = self.inner.font_for(request);
        if found.is_none()
            && let Some(c) = request.cluster.chars().next()
        {
            self.missing.add(c);
        }
        found
    }
}

/// Where the window keeps its [`MissingGlyphs`] (in the context's data).
fn missing_id() -> egui::Id {
    egui::Id::unique("factmark missing glyphs")
}

/// Looks for the fonts egui lacks among the system's through `provider`, and remembers the
/// chars it finds none for (see [`missing_glyphs`]).
pub fn watch_fonts(ctx: &egui::Context, provider: Arc<dyn FontProvider>) {
    let missing = MissingGlyphs::default();
    ctx.data_mut(|d| d.insert_temp(missing_id(), missing.clone()));
    ctx.add_font_provider(Arc::new(Watched {
        inner: provider,
        missing,
    }));
}

/// The chars no font had, when fonts are watched ([`watch_fonts`]).
pub fn missing_glyphs(ctx: &egui::Context) -> Option<MissingGlyphs> {
    ctx.data(|d| d.get_temp::<MissingGlyphs>(missing_id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chars_no_font_has_are_told_once_by_script_with_what_to_install() {
        let missing = MissingGlyphs::default();
        assert_eq!(missing.news(), None);
        for c in ['한', '국', ' ', '\u{E000}'] {
            missing.add(c);
        }
        let news = missing.news().expect("Korean is missing");
        assert!(
            news.starts_with("No font on this computer has the Hangul characters shown here:"),
            "{news}"
        );
        assert!(news.contains("fonts-noto-cjk"), "{news}");
        assert_eq!(missing.news(), None, "told once");
        missing.add('ሰ');
        let news = missing.news().expect("Ethiopic is new");
        assert!(
            news.contains("Hangul and Ethiopic") || news.contains("Ethiopic and Hangul"),
            "{news}"
        );
    }
}
