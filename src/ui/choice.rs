//! Drop-down lists whose keys start from the current choice: once the list is open, the
//! current choice has the keyboard focus, so Down goes to the choice after it (not to the
//! list's first) and Enter keeps it; a choice made with the mouse or with Enter closes the
//! list.

use egui::{ComboBox, Id, Ui};

/// Shows `combo` listing `choices` (each a value and its label), with `current` selected.
/// Returns the choice made this frame, if one was (also the current one chosen again).
pub fn choose_ui<T: PartialEq + Clone>(
    ui: &mut Ui,
    combo: ComboBox,
    current: &mut T,
    choices: &[(T, &str)],
) -> Option<T> {
    let mut picked = None;
    combo.show_ui(ui, |ui| {
        let before = current.clone();
        let mut focused = false;
        let mut current_item: Option<Id> = None;
        for (value, label) in choices {
            let item = ui.selectable_value(current, value.clone(), *label);
            focused |= item.has_focus();
            if *value == before {
                current_item = Some(item.id);
            }
            if item.clicked() {
                picked = Some(value.clone());
                ui.close();
            }
        }
        // Just opened (or the focus is elsewhere): the keys start from the current choice.
        if !focused
            && picked.is_none()
            && let Some(id) = current_item
        {
            ui.memory_mut(|m| m.request_focus(id));
        }
    });
    picked
}

/// The choices `all`, each with its label.
pub fn labelled<T: Copy>(all: &[T], label: fn(T) -> &'static str) -> Vec<(T, &'static str)> {
    all.iter().map(|&x| (x, label(x))).collect()
}

/// A filter's drop-down (`id`, `width` if given): `any` (no filter) first, then each of `all`
/// with its label.
pub fn filter_ui<T: PartialEq + Copy>(
    ui: &mut Ui,
    (id, width): (&str, Option<f32>),
    current: &mut Option<T>,
    (any, all): (&'static str, &[T]),
    label: fn(T) -> &'static str,
) {
    let choices: Vec<(Option<T>, &str)> = std::iter::once((None, any))
        .chain(all.iter().map(|&x| (Some(x), label(x))))
        .collect();
    let mut combo = ComboBox::from_id_salt(id).selected_text(current.map_or(any, label));
    if let Some(w) = width {
        combo = combo.width(w);
    }
    choose_ui(ui, combo, current, &choices);
}
