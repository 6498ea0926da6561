//! The egui window. Only this module knows about egui and eframe.

mod app;

pub use app::FactmarkApp;

use std::path::PathBuf;

/// Opens the window, on `doc` if given, and runs until it is closed.
pub fn run(doc: Option<PathBuf>) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("factmark")
            .with_app_id("factmark")
            .with_inner_size([1100.0, 760.0]),
        ..Default::default()
    };
    eframe::run_native(
        "factmark",
        options,
        Box::new(move |_cc| Ok(Box::new(FactmarkApp::new(doc)))),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
}
