//! The find bar (Ctrl+F): matches highlighted in the document, next and previous, and "tag all
//! matches" in one undoable step.

use egui::{Key, RichText, Ui};

use super::actions::Action;
use super::selection::Selection;
use super::{labels, theme};
use crate::core::annotation::{EntityKind, Tag, TagKind, Verdict};
use crate::core::search::{FindOptions, find};
use crate::core::text::Text;
use crate::workspace::Intent;

/// At most this many matches are found and highlighted.
pub const MAX_MATCHES: usize = 10_000;

/// The find bar's state.
pub struct FindBar {
    /// Whether the bar is shown.
    pub open: bool,
    query: String,
    options: FindOptions,
    matches: Vec<(usize, usize)>,
    current: Option<usize>,
    computed_for: Option<(String, FindOptions, String)>,
    tag_as: TagKind,
    /// The entity kind "Tag all" gives.
    kind: EntityKind,
    /// The verdict "Tag all" gives.
    verdict: Verdict,
    focus: bool,
    /// Whether its field had the keys when last drawn.
    focused: bool,
    /// Whether the current match has been made the selection since the matches changed.
    shown: bool,
}

impl Default for FindBar {
    fn default() -> Self {
        Self {
            open: false,
            query: String::new(),
            options: FindOptions::default(),
            matches: Vec::new(),
            current: None,
            computed_for: None,
            tag_as: TagKind::Entity,
            kind: EntityKind::Other,
            verdict: Verdict::Unrated,
            focus: false,
            focused: false,
            shown: false,
        }
    }
}

impl FindBar {
    /// Opens the bar (focusing its field), gives the keys back to its field when it is open
    /// but they went elsewhere (so what is typed next is searched for, never taken as
    /// commands), or closes it.
    pub fn toggle(&mut self) {
        if self.open && !self.focused {
            self.focus = true;
            return;
        }
        self.open = !self.open;
        self.focus = self.open;
    }

    /// The matches, when the bar is open.
    pub fn matches(&self) -> &[(usize, usize)] {
        if self.open { &self.matches } else { &[] }
    }

    /// The current match, when the bar is open.
    pub fn current(&self) -> Option<usize> {
        self.current.filter(|_| self.open)
    }

    /// The tag, with the details chosen in the bar, that "Tag all" gives every match.
    pub fn template(&self) -> Tag {
        match self.tag_as {
            TagKind::Entity => Tag::Entity {
                kind: self.kind,
                identifier: None,
            },
            TagKind::Claim => Tag::Claim {
                verdict: self.verdict,
                claimant: None,
            },
            k => Tag::new(k),
        }
    }

    /// Chooses what "Tag all" gives (used by tests).
    pub fn set_template(&mut self, tag: &Tag) {
        self.tag_as = tag.kind();
        match tag {
            Tag::Entity { kind, .. } => self.kind = *kind,
            Tag::Claim { verdict, .. } => self.verdict = *verdict,
            Tag::Quote { .. } | Tag::Date { .. } => {}
        }
    }

    /// Sets the search text (used by tests).
    pub fn set_query(&mut self, q: &str) {
        self.query = q.to_owned();
    }

    /// Sets whether case must match and whether only whole words match (used by tests).
    pub fn set_options(&mut self, options: FindOptions) {
        self.options = options;
    }

    fn recompute(&mut self, text: &Text) {
        let key = (self.query.clone(), self.options, text.sha256().to_owned());
        if self.computed_for.as_ref() == Some(&key) {
            return;
        }
        self.matches = find(text, &self.query, self.options, MAX_MATCHES).unwrap_or_default();
        self.current = (!self.matches.is_empty()).then_some(0);
        self.shown = false;
        self.computed_for = Some(key);
    }

    /// Makes the next (`delta` 1) or previous (-1) match the selection, so a tag key tags it;
    /// the first time after the matches changed, the current match itself.
    pub fn step(&mut self, delta: i64) -> Vec<Action> {
        let mut actions = Vec::new();
        self.go(delta, &mut actions);
        actions
    }

    fn go(&mut self, delta: i64, actions: &mut Vec<Action>) {
        if self.matches.is_empty() {
            return;
        }
        let n = self.matches.len() as i64;
        let i = match self.current {
            Some(c) if self.shown => (c as i64 + delta).rem_euclid(n) as usize,
            Some(c) => c,
            None => 0,
        };
        self.current = Some(i);
        self.shown = true;
        let (s, e) = self.matches[i];
        actions.push(Action::Do(Intent::Select(Some(Selection {
            anchor: s,
            head: e,
        }))));
        actions.push(Action::ScrollTo(s));
    }

    /// Draws the bar.
    pub fn ui(&mut self, ui: &mut Ui, text: &Text) -> Vec<Action> {
        let mut actions = Vec::new();
        self.recompute(text);
        let field_id = egui::Id::unique("find-field");
        if std::mem::take(&mut self.focus) {
            // Focused before the field reads this frame's keys, so nothing typed right after
            // Ctrl+F is lost; and drawn again at once, with the bar's final layout.
            ui.memory_mut(|m| m.request_focus(field_id));
            ui.ctx().request_repaint();
        }
        ui.horizontal_wrapped(|ui| {
            ui.label("Find");
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.query)
                    .id(field_id)
                    .hint_text("text to find (spaces match any whitespace)")
                    .desired_width(280.0),
            );
            self.focused = field.has_focus();
            if field.changed() {
                self.recompute(text);
                if let Some((s, _)) = self.matches.first() {
                    actions.push(Action::ScrollTo(*s));
                }
            }
            // Enter makes the match the selection and hands the keys to the document: a tag
            // key then tags it, and Enter / Shift+Enter go on to the next / previous match.
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            if enter {
                let back = ui.input(|i| i.modifiers.shift);
                self.go(if back { -1 } else { 1 }, &mut actions);
            }
            let case = ui
                .checkbox(&mut self.options.match_case, "Match case")
                .on_hover_text("Upper and lower case must be as typed");
            let word = ui
                .checkbox(&mut self.options.whole_word, "Whole word")
                .on_hover_text("Only where the text is a word of its own, not part of a longer word");
            if case.changed() || word.changed() {
                self.recompute(text);
            }
            let n = self.matches.len();
            let count = match (n, self.current) {
                (0, _) if !self.query.trim().is_empty() => "no matches".to_owned(),
                (0, _) => String::new(),
                (n, Some(c)) => format!(
                    "{} of {n}{}",
                    c + 1,
                    if n >= MAX_MATCHES { "+" } else { "" }
                ),
                (n, None) => super::wording::plural(n, "match", "matches"),
            };
            // No label at all while there is nothing to count: an empty label in a wrapping
            // row lays the widgets after it out over the ones before.
            if !count.is_empty() {
                ui.label(RichText::new(count).color(theme::weak(ui.visuals())));
            }
            if ui
                .button("Previous")
                .on_hover_text("Select the previous match (Shift+Enter)")
                .clicked()
            {
                // The match is the selection and the keys go to the document; the button
                // always moves on from the match the counter shows.
                ui.memory_mut(|m| m.surrender_focus(field_id));
                self.shown |= self.current.is_some();
                self.go(-1, &mut actions);
            }
            if ui
                .button("Next")
                .on_hover_text("Select the next match (Enter); a tag key tags it")
                .clicked()
            {
                ui.memory_mut(|m| m.surrender_focus(field_id));
                self.shown |= self.current.is_some();
                self.go(1, &mut actions);
            }
            ui.separator();
            let tags = super::choice::labelled(TagKind::ALL, labels::tag_label);
            super::choice::choose_ui(
                ui,
                egui::ComboBox::from_id_salt("find-tag-as")
                    .selected_text(labels::tag_label(self.tag_as))
                    .width(80.0),
                &mut self.tag_as,
                &tags,
            );
            // The details every new annotation gets, chosen before adding them.
            match self.tag_as {
                TagKind::Entity => {
                    let kinds = super::choice::labelled(EntityKind::ALL, labels::kind_label);
                    super::choice::choose_ui(
                        ui,
                        egui::ComboBox::from_id_salt("find-entity-kind")
                            .selected_text(labels::kind_label(self.kind))
                            .width(100.0),
                        &mut self.kind,
                        &kinds,
                    );
                }
                TagKind::Claim => {
                    let verdicts = super::choice::labelled(Verdict::ALL, labels::verdict_label);
                    super::choice::choose_ui(
                        ui,
                        egui::ComboBox::from_id_salt("find-verdict")
                            .selected_text(labels::verdict_label(self.verdict))
                            .width(110.0),
                        &mut self.verdict,
                        &verdicts,
                    );
                }
                TagKind::Quote | TagKind::Date => {}
            }
            if ui
                .add_enabled(
                    n > 0,
                    egui::Button::new(if n == 1 {
                        "Tag the match".to_owned()
                    } else {
                        format!("Tag all {n} matches")
                    }),
                )
                .on_hover_text(
                    "Adds one annotation per match with these details, in one undoable step (a date's value is read from each match)",
                )
                .clicked()
            {
                actions.push(Action::TagAllMatches(self.template()));
            }
            if ui.button("×").on_hover_text("Close (Esc)").clicked() {
                self.open = false;
            }
        });
        actions
    }
}
