//! Files dragged onto the window: an overlay while they hover, opened when dropped.

use egui::Ui;

use super::actions::Action;
use crate::workspace::Intent;

/// Shows the drop overlay while files hover over the window; a dropped file is opened.
pub fn dropped_files(ui: &Ui, actions: &mut Vec<Action>) {
    let (dropped, hovering) = ui.input(|i| {
        (
            i.raw.dropped_files.first().map(|f| f.path().to_owned()),
            !i.raw.hovered_files.is_empty(),
        )
    });
    if let Some(path) = dropped {
        actions.push(Intent::Open(path).into());
    }
    if hovering {
        let rect = ui.ctx().content_rect();
        let painter = ui.ctx().layer_painter(egui::LayerId::new(
            egui::Order::Foreground,
            egui::Id::unique("drop-overlay"),
        ));
        painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(160));
        painter.text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            "Drop to open",
            egui::FontId::proportional(28.0),
            egui::Color32::WHITE,
        );
    }
}
