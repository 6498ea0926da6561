//! The keyboard shortcuts: the sheet shown with F1, and reading keys into actions.

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use super::actions::Action;
use crate::core::annotation::TagKind;

/// Undo.
pub const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
/// Redo.
pub const REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
/// Redo, the other way.
pub const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
/// Save.
pub const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
/// Open.
pub const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
/// Find.
pub const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);

const SHEET: &[(&str, &str)] = &[
    ("Drag", "select text (across paragraphs too)"),
    ("Shift+click", "extend the selection"),
    ("Double-click", "select a word"),
    (
        "C or 1",
        "tag the selection as a claim (or retag the selected annotation)",
    ),
    ("Q or 2", "… as a quote"),
    ("D or 3", "… as a date"),
    ("E or 4", "… as an entity"),
    (
        "Click a highlight",
        "select its annotation; click again to cycle through overlapping ones",
    ),
    ("J or Down", "next annotation"),
    ("K or Up", "previous annotation"),
    ("Enter", "scroll to the selected annotation"),
    ("N", "write the note of the selected annotation"),
    ("Delete", "delete the selected annotation"),
    ("Esc", "clear the selection, leave a field, close Find"),
    ("Ctrl+Z", "undo"),
    ("Ctrl+Shift+Z, Ctrl+Y", "redo"),
    (
        "Ctrl+S",
        "save now (factmark also saves a second after each change)",
    ),
    ("Ctrl+O", "open a document"),
    ("Ctrl+F", "find; Enter / Shift+Enter for next / previous"),
    ("F1", "this sheet"),
];

/// Draws the shortcut sheet.
pub fn sheet_ui(ui: &mut Ui) {
    egui::Grid::new("shortcut-sheet")
        .num_columns(2)
        .spacing([16.0, 4.0])
        .striped(true)
        .show(ui, |ui| {
            for (keys, what) in SHEET {
                ui.label(egui::RichText::new(*keys).strong());
                ui.label(*what);
                ui.end_row();
            }
        });
}

/// Keys that work everywhere, even while typing in a field.
pub fn global_actions(ui: &Ui) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.input_mut(|i| {
        if i.consume_shortcut(&SAVE) {
            actions.push(Action::Save);
        }
        if i.consume_shortcut(&OPEN) {
            actions.push(Action::OpenDialog);
        }
        if i.consume_shortcut(&FIND) {
            actions.push(Action::ToggleFind);
        }
        if i.consume_key(Modifiers::NONE, Key::F1) {
            actions.push(Action::ToggleShortcuts);
        }
    });
    actions
}

/// Keys that act on the document; read only when no text field has the keyboard.
pub fn document_actions(ui: &Ui) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.input_mut(|i| {
        // Redo first: Ctrl+Shift+Z also matches Ctrl+Z when modifiers are compared loosely.
        if i.consume_shortcut(&REDO) || i.consume_shortcut(&REDO_Y) {
            actions.push(Action::Redo);
        }
        if i.consume_shortcut(&UNDO) {
            actions.push(Action::Undo);
        }
        let tags = [
            (Key::C, Key::Num1, TagKind::Claim),
            (Key::Q, Key::Num2, TagKind::Quote),
            (Key::D, Key::Num3, TagKind::Date),
            (Key::E, Key::Num4, TagKind::Entity),
        ];
        for (letter, digit, kind) in tags {
            if i.consume_key(Modifiers::NONE, letter) || i.consume_key(Modifiers::NONE, digit) {
                actions.push(Action::Tag(kind));
            }
        }
        if i.consume_key(Modifiers::NONE, Key::J) || i.consume_key(Modifiers::NONE, Key::ArrowDown)
        {
            actions.push(Action::Step(1));
        }
        if i.consume_key(Modifiers::NONE, Key::K) || i.consume_key(Modifiers::NONE, Key::ArrowUp) {
            actions.push(Action::Step(-1));
        }
        if i.consume_key(Modifiers::NONE, Key::N) {
            actions.push(Action::FocusNote);
        }
        if i.consume_key(Modifiers::NONE, Key::Enter) {
            actions.push(Action::ScrollToSelected);
        }
        if i.consume_key(Modifiers::NONE, Key::Delete)
            || i.consume_key(Modifiers::NONE, Key::Backspace)
        {
            actions.push(Action::DeleteSelected);
        }
        if i.consume_key(Modifiers::NONE, Key::Escape) {
            actions.push(Action::Escape);
        }
    });
    actions
}
