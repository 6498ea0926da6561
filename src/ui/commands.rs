//! The one table of keyboard commands: each has its keys, the view it works in and its help
//! text. Reading keys, the menus' shortcut labels and the F1 sheet are all made from it, so they
//! cannot disagree.

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use super::actions::{Action, Motion};
use super::document_view::Move;
use crate::core::annotation::{ReviewStatus, TagKind};
use crate::workspace::Intent;

/// What a key asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cmd {
    /// Save the annotations now.
    Save,
    /// Open a document (file dialog).
    Open,
    /// Show or hide the find bar.
    Find,
    /// Show or hide the shortcut sheet.
    Help,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Tag the selection (or retag the selected annotation).
    Tag(TagKind),
    /// Select the next annotation.
    Next,
    /// Select the previous annotation.
    Previous,
    /// Scroll to the selected annotation (with Find open: select the next match).
    ScrollToSelected,
    /// With Find open: select the previous match.
    PreviousMatch,
    /// Scroll the document by a page, or to its top or end.
    Scroll(Move),
    /// Write the selected annotation's note.
    FocusNote,
    /// Delete the selected annotation.
    Delete,
    /// Link the selected annotation to the next one clicked.
    Link,
    /// For a PDF: show its pages as published, or its text.
    PageView,
    /// Select every annotation the list shows, together.
    SelectAll,
    /// Move the caret, or (with `true`) the selection's moving end.
    Caret(Motion, bool),
    /// Clear the selection, leave a field, close Find.
    Escape,
    /// Open the folder's next document.
    NextDocument,
    /// Open the folder's previous document.
    PreviousDocument,
    /// Review the selected span and move to the next one.
    Review(ReviewStatus),
    /// Write a review comment for the selected span.
    ReviewComment,
    /// Select the next span.
    NextSpan,
    /// Select the previous span.
    PreviousSpan,
    /// Open the selected span in its document.
    OpenSpan,
    /// Undo the last review.
    UndoReview,
}

/// Where a command's keys work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Anywhere, even while typing in a field.
    Everywhere,
    /// The document view, when no field has the keyboard.
    Document,
    /// A folder's document, shown in the document view.
    Folder,
    /// The folder's span review, when no field has the keyboard.
    SpanReview,
}

/// One command of the table.
#[derive(Debug, Clone, Copy)]
pub struct Command {
    /// What it does.
    pub cmd: Cmd,
    /// Where its keys work.
    pub scope: Scope,
    /// Its keys (the first is the one menus show).
    pub keys: &'static [KeyboardShortcut],
    /// What the sheet says it does.
    pub help: &'static str,
}

const fn key(k: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, k)
}

const fn ctrl(k: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, k)
}

const fn shift(k: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::SHIFT, k)
}

const fn ctrl_shift(k: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), k)
}

/// Every command. Within a scope, keys are read in this order, so a shortcut with more
/// modifiers (Ctrl+Shift+Z) comes before the one it contains (Ctrl+Z).
pub const COMMANDS: &[Command] = &[
    Command {
        cmd: Cmd::Save,
        scope: Scope::Everywhere,
        keys: &[ctrl(Key::S)],
        help: "save now (factmark also saves a second after each change)",
    },
    Command {
        cmd: Cmd::Open,
        scope: Scope::Everywhere,
        keys: &[ctrl(Key::O)],
        help: "open a document",
    },
    Command {
        cmd: Cmd::Find,
        scope: Scope::Document,
        keys: &[ctrl(Key::F)],
        help: "find in the document; Enter / Shift+Enter for next / previous",
    },
    Command {
        cmd: Cmd::Help,
        scope: Scope::Everywhere,
        keys: &[key(Key::F1)],
        help: "this sheet",
    },
    Command {
        cmd: Cmd::Redo,
        scope: Scope::Document,
        keys: &[ctrl_shift(Key::Z), ctrl(Key::Y)],
        help: "redo",
    },
    Command {
        cmd: Cmd::Undo,
        scope: Scope::Document,
        keys: &[ctrl(Key::Z)],
        help: "undo",
    },
    Command {
        cmd: Cmd::Tag(TagKind::Claim),
        scope: Scope::Document,
        keys: &[key(Key::C), key(Key::Num1)],
        help: "tag the selection as a claim (or retag the selected annotation)",
    },
    Command {
        cmd: Cmd::Tag(TagKind::Quote),
        scope: Scope::Document,
        keys: &[key(Key::Q), key(Key::Num2)],
        help: "… as a quote",
    },
    Command {
        cmd: Cmd::Tag(TagKind::Date),
        scope: Scope::Document,
        keys: &[key(Key::D), key(Key::Num3)],
        help: "… as a date",
    },
    Command {
        cmd: Cmd::Tag(TagKind::Entity),
        scope: Scope::Document,
        keys: &[key(Key::E), key(Key::Num4)],
        help: "… as an entity",
    },
    Command {
        cmd: Cmd::Caret(Motion::WordRight, true),
        scope: Scope::Document,
        keys: &[ctrl_shift(Key::ArrowRight)],
        help: "select to the end of the word (to the right)",
    },
    Command {
        cmd: Cmd::Caret(Motion::WordLeft, true),
        scope: Scope::Document,
        keys: &[ctrl_shift(Key::ArrowLeft)],
        help: "select to the start of the word (to the left)",
    },
    Command {
        cmd: Cmd::Caret(Motion::Right, true),
        scope: Scope::Document,
        keys: &[shift(Key::ArrowRight)],
        help: "select one more char to the right (or one less)",
    },
    Command {
        cmd: Cmd::Caret(Motion::Left, true),
        scope: Scope::Document,
        keys: &[shift(Key::ArrowLeft)],
        help: "select one more char to the left (or one less)",
    },
    Command {
        cmd: Cmd::Caret(Motion::Down, true),
        scope: Scope::Document,
        keys: &[shift(Key::ArrowDown)],
        help: "select down a line",
    },
    Command {
        cmd: Cmd::Caret(Motion::Up, true),
        scope: Scope::Document,
        keys: &[shift(Key::ArrowUp)],
        help: "select up a line",
    },
    Command {
        cmd: Cmd::Caret(Motion::LineEnd, true),
        scope: Scope::Document,
        keys: &[shift(Key::End)],
        help: "select to the end of the line",
    },
    Command {
        cmd: Cmd::Caret(Motion::LineStart, true),
        scope: Scope::Document,
        keys: &[shift(Key::Home)],
        help: "select to the start of the line",
    },
    Command {
        cmd: Cmd::Caret(Motion::WordRight, false),
        scope: Scope::Document,
        keys: &[ctrl(Key::ArrowRight)],
        help: "move the caret a word to the right",
    },
    Command {
        cmd: Cmd::Caret(Motion::WordLeft, false),
        scope: Scope::Document,
        keys: &[ctrl(Key::ArrowLeft)],
        help: "move the caret a word to the left",
    },
    Command {
        cmd: Cmd::Caret(Motion::Right, false),
        scope: Scope::Document,
        keys: &[key(Key::ArrowRight)],
        help: "move the caret to the right (click in the text to place it)",
    },
    Command {
        cmd: Cmd::Caret(Motion::Left, false),
        scope: Scope::Document,
        keys: &[key(Key::ArrowLeft)],
        help: "move the caret to the left",
    },
    Command {
        cmd: Cmd::Next,
        scope: Scope::Document,
        keys: &[key(Key::J), key(Key::ArrowDown)],
        help: "next annotation",
    },
    Command {
        cmd: Cmd::Previous,
        scope: Scope::Document,
        keys: &[key(Key::K), key(Key::ArrowUp)],
        help: "previous annotation",
    },
    Command {
        cmd: Cmd::PreviousMatch,
        scope: Scope::Document,
        keys: &[KeyboardShortcut::new(Modifiers::SHIFT, Key::Enter)],
        help: "with Find open: select the previous match",
    },
    Command {
        cmd: Cmd::ScrollToSelected,
        scope: Scope::Document,
        keys: &[key(Key::Enter)],
        help: "scroll to the selected annotation; with Find open: select the next match (a tag key tags it)",
    },
    Command {
        cmd: Cmd::Scroll(Move::PageUp),
        scope: Scope::Document,
        keys: &[
            key(Key::PageUp),
            KeyboardShortcut::new(Modifiers::SHIFT, Key::Space),
        ],
        help: "up a page",
    },
    Command {
        cmd: Cmd::Scroll(Move::PageDown),
        scope: Scope::Document,
        keys: &[key(Key::PageDown), key(Key::Space)],
        help: "down a page",
    },
    Command {
        cmd: Cmd::Scroll(Move::Top),
        scope: Scope::Document,
        keys: &[ctrl(Key::Home), key(Key::Home)],
        help: "to the top of the document",
    },
    Command {
        cmd: Cmd::Scroll(Move::End),
        scope: Scope::Document,
        keys: &[ctrl(Key::End), key(Key::End)],
        help: "to the end of the document",
    },
    Command {
        cmd: Cmd::FocusNote,
        scope: Scope::Document,
        keys: &[key(Key::N)],
        help: "write the note of the selected annotation",
    },
    Command {
        cmd: Cmd::Link,
        scope: Scope::Document,
        keys: &[key(Key::L)],
        help: "link the selected annotation to another: press L, then click the other (Esc cancels)",
    },
    Command {
        cmd: Cmd::PageView,
        scope: Scope::Document,
        keys: &[key(Key::P)],
        help: "PDF: show the pages as published, or the text (each follows the other)",
    },
    Command {
        cmd: Cmd::Delete,
        scope: Scope::Document,
        keys: &[key(Key::Delete), key(Key::Backspace)],
        help: "delete the selected annotation (or all selected together)",
    },
    Command {
        cmd: Cmd::SelectAll,
        scope: Scope::Document,
        keys: &[ctrl(Key::A)],
        help: "select every annotation the list shows, to change them together",
    },
    Command {
        cmd: Cmd::Escape,
        scope: Scope::Document,
        keys: &[key(Key::Escape)],
        help: "clear the selection, leave a field, close Find",
    },
    Command {
        cmd: Cmd::NextDocument,
        scope: Scope::Folder,
        keys: &[ctrl(Key::PageDown)],
        help: "open the folder's next document",
    },
    Command {
        cmd: Cmd::PreviousDocument,
        scope: Scope::Folder,
        keys: &[ctrl(Key::PageUp)],
        help: "open the folder's previous document",
    },
    Command {
        cmd: Cmd::UndoReview,
        scope: Scope::SpanReview,
        keys: &[ctrl(Key::Z)],
        help: "undo the last review",
    },
    Command {
        cmd: Cmd::Review(ReviewStatus::Accepted),
        scope: Scope::SpanReview,
        keys: &[key(Key::A)],
        help: "accept the selected span, then go to the next",
    },
    Command {
        cmd: Cmd::Review(ReviewStatus::Rejected),
        scope: Scope::SpanReview,
        keys: &[key(Key::R)],
        help: "reject it, then go to the next",
    },
    Command {
        cmd: Cmd::Review(ReviewStatus::NeedsWork),
        scope: Scope::SpanReview,
        keys: &[key(Key::W)],
        help: "mark it as needing work, then go to the next",
    },
    Command {
        cmd: Cmd::Review(ReviewStatus::Unreviewed),
        scope: Scope::SpanReview,
        keys: &[key(Key::U)],
        help: "mark it unreviewed, then go to the next",
    },
    Command {
        cmd: Cmd::ReviewComment,
        scope: Scope::SpanReview,
        keys: &[key(Key::C)],
        help: "write a review comment (Enter keeps it)",
    },
    Command {
        cmd: Cmd::NextSpan,
        scope: Scope::SpanReview,
        keys: &[key(Key::J), key(Key::ArrowDown)],
        help: "next span",
    },
    Command {
        cmd: Cmd::PreviousSpan,
        scope: Scope::SpanReview,
        keys: &[key(Key::K), key(Key::ArrowUp)],
        help: "previous span",
    },
    Command {
        cmd: Cmd::OpenSpan,
        scope: Scope::SpanReview,
        keys: &[key(Key::Enter)],
        help: "open the selected span in its document",
    },
];

/// Mouse gestures of the document view, for the sheet.
const GESTURES: &[(&str, &str)] = &[
    ("Drag", "select text (across paragraphs too)"),
    (
        "Shift+click",
        "extend the selection; with an annotation selected and no text, move the nearer edge of its span",
    ),
    ("Double-click", "select a word"),
    (
        "Alt+drag",
        "select exactly what is dragged over (no snapping to words)",
    ),
    (
        "Click a highlight",
        "select its annotation; click again to cycle through overlapping ones",
    ),
];

/// The command `cmd` in the table.
pub fn command(cmd: Cmd) -> Option<&'static Command> {
    COMMANDS.iter().find(|c| c.cmd == cmd)
}

/// The first key of `cmd`, as menus show it ("Ctrl+S"); empty if it has none.
pub fn shortcut_text(ctx: &egui::Context, cmd: Cmd) -> String {
    command(cmd)
        .and_then(|c| c.keys.first())
        .map(|k| ctx.format_shortcut(k))
        .unwrap_or_default()
}

/// Reads (and consumes) the keys of the commands of `scope` pressed this frame, in table order.
pub fn pressed(ui: &Ui, scope: Scope) -> Vec<Cmd> {
    let mut cmds = Vec::new();
    ui.input_mut(|i| {
        for c in COMMANDS.iter().filter(|c| c.scope == scope) {
            // Every key of the command is consumed, so a second key pressed with the first
            // does not reach another scope.
            let mut hit = false;
            for k in c.keys {
                hit |= i.consume_shortcut(k);
            }
            if hit {
                cmds.push(c.cmd);
            }
        }
    });
    cmds
}

/// Whether `event` presses a key of a command of `scopes` that gives a field the keyboard
/// (the note, Find, a review comment): the keys typed after it are for that field.
pub fn gives_field(event: &egui::Event, scopes: &[Scope]) -> bool {
    let egui::Event::Key {
        key,
        pressed: true,
        modifiers,
        ..
    } = event
    else {
        return false;
    };
    COMMANDS
        .iter()
        .filter(|c| matches!(c.cmd, Cmd::FocusNote | Cmd::Find | Cmd::ReviewComment))
        .filter(|c| scopes.contains(&c.scope))
        .flat_map(|c| c.keys)
        .any(|k| k.logical_key == *key && modifiers.matches_logically(k.modifiers))
}

/// The actions of the window's commands of `scope` pressed this frame (the span review reads
/// its own commands with [`pressed`]).
pub fn actions(ui: &Ui, scope: Scope) -> Vec<Action> {
    pressed(ui, scope).into_iter().filter_map(action).collect()
}

/// What a command of the document and folder views does; `None` for the span review's.
pub fn action(cmd: Cmd) -> Option<Action> {
    Some(match cmd {
        Cmd::Save => Action::Do(Intent::Save),
        Cmd::Open => Action::OpenDialog,
        Cmd::Find => Action::ToggleFind,
        Cmd::Help => Action::ToggleShortcuts,
        Cmd::Undo => Action::Do(Intent::Undo),
        Cmd::Redo => Action::Do(Intent::Redo),
        Cmd::Tag(kind) => Action::Do(Intent::Tag(kind)),
        Cmd::Next => Action::Step(1),
        Cmd::Previous => Action::Step(-1),
        Cmd::ScrollToSelected => Action::ScrollToSelected,
        Cmd::PreviousMatch => Action::PreviousMatch,
        Cmd::Scroll(m) => Action::Scroll(m),
        Cmd::FocusNote => Action::FocusNote,
        Cmd::Delete => Action::Do(Intent::DeleteSelected),
        Cmd::Link => Action::StartLink,
        Cmd::PageView => Action::TogglePageView,
        Cmd::SelectAll => Action::SelectAllListed,
        Cmd::Caret(motion, extend) => Action::Caret { motion, extend },
        Cmd::Escape => Action::Escape,
        Cmd::NextDocument => Action::StepDocument(1),
        Cmd::PreviousDocument => Action::StepDocument(-1),
        Cmd::Review(_)
        | Cmd::ReviewComment
        | Cmd::NextSpan
        | Cmd::PreviousSpan
        | Cmd::OpenSpan
        | Cmd::UndoReview => return None,
    })
}

/// The rows of the sheet for a view where `scopes` work: keys (or gesture) and help.
pub fn sheet_rows(ctx: &egui::Context, scopes: &[Scope]) -> Vec<(String, &'static str)> {
    let mut rows = Vec::new();
    if scopes.contains(&Scope::Document) {
        rows.extend(GESTURES.iter().map(|(g, h)| ((*g).to_owned(), *h)));
    }
    for scope in scopes {
        for c in COMMANDS.iter().filter(|c| c.scope == *scope) {
            let keys: Vec<String> = c.keys.iter().map(|k| ctx.format_shortcut(k)).collect();
            rows.push((keys.join(" or "), c.help));
        }
    }
    rows
}

/// Draws the sheet for a view where `scopes` work.
pub fn sheet_ui(ui: &mut Ui, scopes: &[Scope]) {
    let rows = sheet_rows(ui.ctx(), scopes);
    // The descriptions wrap, so the sheet fits a small window.
    let width = ui.available_width();
    egui::Grid::new("shortcut-sheet")
        .num_columns(2)
        .spacing([16.0, 4.0])
        .max_col_width((width * 0.7).max(160.0))
        .striped(true)
        .show(ui, |ui| {
            for (keys, what) in rows {
                ui.label(egui::RichText::new(keys).strong());
                ui.add(egui::Label::new(what).wrap());
                ui.end_row();
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_does_two_things_in_one_view() {
        let views: [&[Scope]; 2] = [
            &[Scope::Everywhere, Scope::Document, Scope::Folder],
            &[Scope::Everywhere, Scope::SpanReview],
        ];
        for scopes in views {
            let mut seen = std::collections::HashSet::new();
            for c in COMMANDS.iter().filter(|c| scopes.contains(&c.scope)) {
                for k in c.keys {
                    assert!(seen.insert((k.modifiers, k.logical_key)), "{c:?}");
                }
            }
        }
    }

    /// egui matches a key pressed with Shift also against the same key without it, so within a
    /// scope the shortcut with more modifiers must be read first.
    #[test]
    fn longer_shortcuts_are_read_first() {
        let entries: Vec<(usize, &Command, &KeyboardShortcut)> = COMMANDS
            .iter()
            .enumerate()
            .flat_map(|(i, c)| c.keys.iter().map(move |k| (i, c, k)))
            .collect();
        for (i, a, ka) in &entries {
            for (j, b, kb) in &entries {
                if i != j
                    && a.scope == b.scope
                    && ka.logical_key == kb.logical_key
                    && ka.modifiers.contains(kb.modifiers)
                    && ka.modifiers != kb.modifiers
                {
                    assert!(i < j, "{:?} must come before {:?}", a.cmd, b.cmd);
                }
            }
        }
    }

    #[test]
    fn every_command_has_keys_and_help_once() {
        let mut cmds = std::collections::HashSet::new();
        for c in COMMANDS {
            assert!(!c.keys.is_empty() && !c.help.is_empty(), "{c:?}");
            assert!(cmds.insert(c.cmd), "{:?} twice", c.cmd);
        }
    }
}
