//! The tag toolbar: one button per tag, in its colours, that tags the selection (or retags the
//! selected annotation); it doubles as the legend, and its hint says where keys go now.

use egui::{RichText, Ui};

use super::actions::Action;
use super::{labels, theme};
use crate::core::annotation::TagKind;
use crate::workspace::Intent;

/// Draws the toolbar; `typing` is whether a field has the keyboard, `many` how many
/// annotations are selected together, `linking` what to say while a link is being made,
/// `repeat` whether the selected text repeats a claim rated elsewhere in the folder.
pub fn toolbar_ui(
    ui: &mut Ui,
    has_selection: bool,
    many: usize,
    typing: bool,
    linking: Option<String>,
    repeat: Option<String>,
    actions: &mut Vec<Action>,
) {
    // One line whatever the hint says: a toolbar that grows or shrinks would move the text
    // under the pointer.
    ui.horizontal(|ui| {
        for k in TagKind::ALL {
            let fill = theme::tag_fill(*k, ui.visuals());
            let strong = theme::tag_strong(*k, ui.visuals());
            let button = egui::Button::new(
                RichText::new(format!(
                    "{} ({})",
                    labels::tag_label(*k),
                    labels::tag_key(*k)
                ))
                .color(strong),
            )
            .fill(fill);
            if ui
                .add(button)
                .on_hover_text(format!(
                    "Tag the selected text as {} (or retag the selected annotation)",
                    labels::tag_label(*k).to_lowercase()
                ))
                .clicked()
            {
                actions.push(Intent::Tag(*k).into());
            }
        }
        // The hint says where keys go now; in a narrow window, in short (the whole of it
        // on hover).
        let emphasis = linking.is_some() || (repeat.is_some() && has_selection && !typing);
        let (hint, short) = if let Some(linking) = linking {
            (linking.clone(), linking)
        } else if let Some(repeat) = repeat.filter(|_| has_selection && !typing) {
            (format!("{repeat} · C, Q, D or E tags it"), repeat)
        } else if typing {
            (
                "Keys go into the field being edited; press Esc or click in the text to tag."
                    .to_owned(),
                "Keys go into the field; Esc to tag".to_owned(),
            )
        } else if has_selection {
            (
                "Press C, Q, D or E (or 1–4) to tag the selection.".to_owned(),
                "C, Q, D, E or 1–4 tags it".to_owned(),
            )
        } else if many > 1 {
            (
                format!("Press C, Q, D or E to retag the {many} annotations selected together; Esc selects none."),
                format!("C, Q, D or E retags all {many}"),
            )
        } else {
            (
                "Select text, then press a key.".to_owned(),
                "Select, then a key".to_owned(),
            )
        };
        // While a link is being made, the hint is what to do next: it stands out.
        let colour = if emphasis {
            theme::selected_outline(ui.visuals())
        } else {
            theme::weak(ui.visuals())
        };
        // The whole hint on hover, with how nested annotations are drawn.
        let full = format!("{hint} Where annotations nest, the outer ones are underlined.");
        let font = egui::TextStyle::Small.resolve(ui.style());
        let fits = ui
            .painter()
            .layout_no_wrap(hint.clone(), font, colour)
            .size()
            .x
            <= ui.available_width();
        let shown = if fits { hint } else { short };
        ui.add(egui::Label::new(RichText::new(shown).small().color(colour)).truncate())
            .on_hover_text(full);
    });
}
