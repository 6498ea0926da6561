//! The application: a window that shows a document and its annotations.

use std::path::PathBuf;

use crate::store::Session;

/// The factmark window.
pub struct FactmarkApp {
    session: Option<Session>,
    error: Option<String>,
}

impl FactmarkApp {
    /// The app, with `doc` opened if given.
    pub fn new(doc: Option<PathBuf>) -> Self {
        let mut app = Self {
            session: None,
            error: None,
        };
        if let Some(path) = doc {
            match Session::open(&path) {
                Ok(s) => app.session = Some(s),
                Err(e) => app.error = Some(e.to_string()),
            }
        }
        app
    }
}

impl eframe::App for FactmarkApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            if let Some(err) = &self.error {
                ui.colored_label(ui.visuals().error_fg_color, err);
            }
            let Some(session) = &self.session else {
                ui.label("Open a document: factmark PATH");
                return;
            };
            ui.heading(session.file_name());
            ui.label(format!("{} annotations", session.annotations.len()));
            ui.separator();
            let row_height = ui.text_style_height(&egui::TextStyle::Body);
            let paragraphs = session.text.paragraphs();
            egui::ScrollArea::both().auto_shrink(false).show_rows(
                ui,
                row_height,
                paragraphs.len(),
                |ui, rows| {
                    for p in &paragraphs[rows] {
                        ui.add(
                            egui::Label::new(session.text.slice(p.range()))
                                .wrap_mode(egui::TextWrapMode::Extend),
                        );
                    }
                },
            );
        });
    }
}
