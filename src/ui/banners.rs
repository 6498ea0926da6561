//! The banners at the top of the window: messages that stay until dismissed or until what they
//! are about is settled, with buttons that do what they offer.

use egui::{RichText, Ui};

use super::actions::Action;
use super::theme;
use crate::workspace::Intent;

/// A message shown in a banner at the top of the window until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// The text.
    pub text: String,
    /// Whether it reports an error (otherwise it is information).
    pub error: bool,
    /// Buttons offered with the message: their labels and what they do.
    pub actions: Vec<(String, Action)>,
    /// What it is about, so it can be taken down when that is settled.
    pub topic: Option<Topic>,
}

impl Notice {
    /// Information.
    pub fn info(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            error: false,
            actions: Vec::new(),
            topic: None,
        }
    }

    /// An error.
    pub fn error(text: impl Into<String>) -> Self {
        Self {
            error: true,
            ..Self::info(text)
        }
    }

    /// With a button.
    pub fn offering(mut self, label: impl Into<String>, action: impl Into<Action>) -> Self {
        self.actions.push((label.into(), action.into()));
        self
    }

    /// About `topic`: replaces an earlier banner about it, and goes when it is settled.
    pub fn about(mut self, topic: Topic) -> Self {
        self.topic = Some(topic);
        self
    }
}

/// What a banner is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    /// The document changed on disk.
    DocumentChanged,
    /// Annotations wait for a decision (not on their text any more): goes when none waits.
    NeedsReview,
    /// A change just made (undone with Ctrl+Z): goes when it is undone.
    Edit,
    /// Unsaved annotations of an earlier session were found.
    Recovery,
    /// Saving failed (conflicts, or the store refused).
    Save,
    /// Merge conflicts recorded in the sidecar wait for a choice.
    Conflicts,
    /// What happened to the document just opened (where its annotations are kept).
    Opened,
    /// Characters shown that no font of the system has.
    Fonts,
}

/// How many messages (not errors) are drawn at most; earlier ones are folded under a
/// button, so a small window keeps room for the document.
const DRAWN_MESSAGES: usize = 2;

/// The banners shown, oldest first.
#[derive(Debug, Default)]
pub struct Banners {
    shown: Vec<Notice>,
    /// Whether the earlier messages folded away are drawn too.
    unfolded: bool,
    /// The texts drawn last frame: a banner new this frame is drawn again in the next, once
    /// its row's size is known (egui sizes a new row before it shows its words).
    drawn: Vec<String>,
}

impl Banners {
    /// Shows a notice (once: the same text is not shown twice; one about a topic replaces the
    /// earlier one about it).
    pub fn show(&mut self, notice: Notice) {
        if notice.topic.is_some() {
            self.settle(notice.topic);
        }
        if !self.shown.iter().any(|n| n.text == notice.text) {
            self.shown.push(notice);
        }
    }

    /// Takes down the banners about `topic`.
    pub fn settle(&mut self, topic: Option<Topic>) {
        self.shown.retain(|n| n.topic != topic);
    }

    /// Takes every banner down.
    pub fn clear(&mut self) {
        self.shown.clear();
    }

    /// The banners shown, oldest first.
    pub fn shown(&self) -> &[Notice] {
        &self.shown
    }

    /// Whether the banners changed since they were last drawn (a message told after the
    /// banners of this frame were drawn, by an autosave that failed).
    pub fn changed_since_drawn(&self) -> bool {
        !self.shown.iter().map(|n| &n.text).eq(self.drawn.iter())
    }

    /// Draws the banners; returns what their buttons ask for.
    pub fn ui(&mut self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        if self.changed_since_drawn() {
            self.drawn = self.shown.iter().map(|n| n.text.clone()).collect();
            ui.ctx().request_repaint();
        }
        if self.shown.is_empty() {
            return actions;
        }
        let mut dismiss = None;
        // Errors are always drawn; of the other messages, the newest few.
        let messages: Vec<usize> = (0..self.shown.len())
            .filter(|&i| !self.shown[i].error)
            .collect();
        let folded: Vec<usize> = if self.unfolded {
            Vec::new()
        } else {
            messages[..messages.len().saturating_sub(DRAWN_MESSAGES)].to_vec()
        };
        let mut unfold = None;
        egui::Panel::top("notices").show(ui, |ui| {
            if !folded.is_empty() {
                let label = match folded.len() {
                    1 => "Show 1 earlier message".to_owned(),
                    n => format!("Show {n} earlier messages"),
                };
                if ui.small_button(label).clicked() {
                    unfold = Some(true);
                }
            } else if self.unfolded
                && messages.len() > DRAWN_MESSAGES
                && ui.small_button("Hide earlier messages").clicked()
            {
                unfold = Some(false);
            }
            for (i, n) in self.shown.iter().enumerate() {
                if folded.contains(&i) {
                    continue;
                }
                ui.horizontal_wrapped(|ui| {
                    let color = if n.error {
                        theme::error(ui.visuals())
                    } else {
                        theme::warning(ui.visuals())
                    };
                    if ui.small_button("×").on_hover_text("Dismiss").clicked() {
                        dismiss = Some(i);
                    }
                    ui.label(RichText::new(&n.text).color(color));
                    for (label, action) in &n.actions {
                        if ui.button(label).clicked() {
                            actions.push(action.clone());
                        }
                    }
                    if n.topic == Some(Topic::Save) && n.error {
                        if ui.button("Save Annotations As…").clicked() {
                            actions.push(Action::SaveCopyAs);
                        }
                        if ui.button("Try Again").clicked() {
                            actions.push(Action::Do(Intent::Save));
                        }
                    }
                });
            }
        });
        if let Some(i) = dismiss {
            self.shown.remove(i);
        }
        if let Some(unfold) = unfold {
            self.unfolded = unfold;
        }
        actions
    }
}
