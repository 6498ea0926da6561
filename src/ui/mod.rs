//! The egui window. Only this module knows about egui, eframe and rfd.

mod actions;
mod agreement_view;
mod annotation_card;
mod annotation_list;
mod app;
mod banners;
mod bidi_text;
mod bulk_panel;
mod choice;
mod claims_panel;
mod commands;
mod conflicts_view;
mod corpus_view;
mod dialogs;
mod disk_watch;
mod document_pane;
mod document_view;
mod drop_files;
mod evidence_panel;
mod export;
mod find;
mod folder_bar;
mod folder_views;
mod fonts;
mod inspector;
mod labels;
mod layout;
mod link_marks;
mod links_panel;
mod menu;
mod page_pictures;
pub mod page_view;
pub mod profile;
mod reanchor_review;
mod selection;
mod settings;
mod span_review;
mod start_screen;
mod stats_view;
mod status_bar;
mod suggest_pane;
mod table_columns;
pub mod theme;
mod toolbar;
mod type_ahead;
mod windows;
mod wording;

pub use actions::{Action, Mode, Motion};
pub use app::FactmarkApp;
pub use banners::{Notice, Topic};
pub use commands::{COMMANDS, Cmd, Command, Scope, actions as commands_actions, sheet_rows};
pub use document_view::{DocumentView, Move, ViewEvent, ViewModel};
pub use fonts::{install_fonts, watch_fonts};
pub use selection::Selection;
pub use settings::{Settings, ThemeChoice};
pub use windows::Windows;

use std::path::PathBuf;

/// The window icon, drawn for factmark.
const ICON_PNG: &[u8] = include_bytes!("../../assets/icon.png");

/// Opens the window, on `doc` if given, and runs until it is closed.
pub fn run(doc: Option<PathBuf>) -> anyhow::Result<()> {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("factmark")
        .with_app_id("factmark")
        .with_inner_size([1280.0, 820.0])
        .with_min_inner_size([640.0, 400.0])
        .with_drag_and_drop(true);
    if let Ok(icon) = eframe::icon_data::from_png_bytes(ICON_PNG) {
        viewport = viewport.with_icon(std::sync::Arc::new(icon));
    }
    let options = eframe::NativeOptions {
        viewport,
        // The system's fonts are looked for through a watcher (see `fonts::watch_fonts`).
        system_font_fallback: false,
        ..Default::default()
    };
    // The document is read while the window and its renderer are created.
    let reading = doc
        .clone()
        .filter(|p| !p.is_dir())
        .map(crate::workspace::Reading::open);
    profile::step("creating the window");
    eframe::run_native(
        "factmark",
        options,
        Box::new(move |cc| {
            profile::step("window and renderer ready");
            install_fonts(&cc.egui_ctx);
            fonts::watch_fonts(
                &cc.egui_ctx,
                std::sync::Arc::new(egui_system_font_provider::SystemFontProvider::new()),
            );
            let settings: Settings = cc
                .storage
                .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
                .unwrap_or_default();
            // The window shows while the document is still being read.
            let app = match reading {
                Some(reading) => FactmarkApp::with_reading(settings, reading),
                None => FactmarkApp::new(settings, doc),
            };
            profile::step("settings read");
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
}
