//! Links in the inspector: what the selected annotation links to and what links to it, each a
//! click away, with its kind changeable and a button to remove it; and making a link (L, then
//! a click on the other annotation, in the text or the list).

use chrono::{SubsecRound as _, Utc};
use egui::{RichText, Ui};

use super::actions::Action;
use super::{labels, theme};
use crate::core::anchor::AnchorStatus;
use crate::core::annotation::{Annotation, AnnotationId};
use crate::core::edit::Command;
use crate::core::link::{Link, LinkKind, links_of};
use crate::core::text::one_line;
use crate::workspace::{Document, Intent};

/// The kind given to a link no built-in kind fits; the inspector offers to change it.
const RELATED: &str = "related";

/// The change that links `from` to `to`, with the kind their tags suggest: a quote or claim
/// to a person is `attributed-to`, a claim to a date `dated`, and so on. Picked the other
/// way round (a person, then the quote), the link still goes from the quote to the person.
pub fn link_action(doc: &Document, from: AnnotationId, to: AnnotationId, author: &str) -> Action {
    let all = &doc.session.annotations;
    let (Some(a), Some(b)) = (all.get(from), all.get(to)) else {
        return Action::Do(Intent::SelectAnnotation {
            id: Some(to),
            reveal: false,
        });
    };
    let (from, to, kind) = match (
        LinkKind::guess(&a.tag, &b.tag),
        LinkKind::guess(&b.tag, &a.tag),
    ) {
        (Some(k), _) => (from, to, k),
        (None, Some(k)) => (to, from, k),
        (None, None) => (from, to, LinkKind::Other(RELATED.to_owned())),
    };
    let link = Link::new(kind.clone(), to, author, Utc::now().trunc_subsecs(0));
    // A quote has one speaker: attributing it to someone else replaces the attribution it had,
    // in the same step (and the banner names who was replaced).
    let replaced: Vec<Command> = all
        .get(from)
        .filter(|_| kind == LinkKind::AttributedTo)
        .map(|src| {
            src.links
                .iter()
                .filter(|l| l.kind == LinkKind::AttributedTo && l.to != to)
                .map(|l| Command::Unlink { from, link: l.id })
                .collect()
        })
        .unwrap_or_default();
    let add = Command::Link { from, link };
    if replaced.is_empty() {
        Action::Do(Intent::Edit(add))
    } else {
        let mut steps = replaced;
        steps.push(add);
        Action::Do(Intent::Edit(Command::Batch(steps)))
    }
}

/// What the toolbar says while a link from `a` is being made.
pub fn linking_hint(a: &Annotation) -> String {
    format!(
        "Click what “{}” links to · Esc cancels",
        one_line(&a.exact, 16)
    )
}

/// The links section of the inspector for annotation `a`.
pub fn links_ui(ui: &mut Ui, doc: &Document, a: &Annotation, actions: &mut Vec<Action>) {
    let all = doc.session.annotations.as_slice();
    let ends = links_of(all, a.id);
    let weak = theme::weak(ui.visuals());
    egui::CollapsingHeader::new(format!("Links ({})", ends.len()))
        .id_salt("inspector-links")
        .default_open(true)
        .show(ui, |ui| {
            if ends.is_empty() {
                ui.label(
                    RichText::new(
                        "None. Press L, then click another annotation: a quote to who said it, a claim to what it is about or the date it concerns, or to the same claim elsewhere.",
                    )
                    .small()
                    .color(weak),
                );
            }
            for end in &ends {
                let other = all.iter().find(|x| x.id == end.other);
                ui.horizontal_wrapped(|ui| {
                    if end.outgoing {
                        kind_menu(ui, doc, a, end.link, actions);
                    } else {
                        let label = if end.link.kind.is_symmetric() {
                            end.link.kind.as_str().to_owned()
                        } else {
                            end.link.kind.reverse_label()
                        };
                        ui.label(RichText::new(label).strong());
                    }
                    match other {
                        Some(o) => {
                            let text = format!(
                                "{} {}",
                                labels::tag_label(o.tag.kind()),
                                quoted(&one_line(&o.exact, 40))
                            );
                            let jump = ui
                                .add(
                                    egui::Label::new(
                                        RichText::new(text).color(ui.visuals().hyperlink_color),
                                    )
                                    .sense(egui::Sense::click()),
                                )
                                .on_hover_text("Show it");
                            if jump.clicked() {
                                actions.push(Action::Do(Intent::SelectAnnotation {
                                    id: Some(o.id),
                                    reveal: true,
                                }));
                            }
                            if doc.status(o.id) == AnchorStatus::Orphaned {
                                ui.label(
                                    RichText::new("(orphaned: its text is gone)")
                                        .small()
                                        .color(theme::warning(ui.visuals())),
                                );
                            }
                        }
                        None => {
                            ui.label(
                                RichText::new("a deleted annotation")
                                    .color(theme::warning(ui.visuals())),
                            );
                        }
                    }
                    let remove = ui
                        .small_button("×")
                        .on_hover_text("Remove this link (Ctrl+Z brings it back)");
                    if remove.clicked() {
                        actions.push(Action::Do(Intent::Edit(Command::Unlink {
                            from: end.from,
                            link: end.link.id,
                        })));
                    }
                });
                let mut about = format!("by {}, {}", end.link.author, end.link.created.format("%Y-%m-%d"));
                if !end.link.note.is_empty() {
                    about.push_str(&format!(": {}", end.link.note));
                }
                ui.label(RichText::new(about).small().color(weak));
            }
            if ui
                .add(egui::Button::new("Link to…").shortcut_text("L"))
                .on_hover_text("Then click the annotation this one refers to")
                .clicked()
            {
                actions.push(Action::StartLink);
            }
        });
}

/// The kind of an outgoing link, as a menu of the kinds that fit its two ends.
fn kind_menu(ui: &mut Ui, doc: &Document, a: &Annotation, link: &Link, actions: &mut Vec<Action>) {
    let target = doc.session.annotations.get(link.to);
    let mut kinds: Vec<LinkKind> = LinkKind::BUILT_IN
        .iter()
        .filter(|k| target.is_some_and(|t| k.fits(&a.tag, &t.tag)))
        .cloned()
        .collect();
    for k in [link.kind.clone(), LinkKind::Other(RELATED.to_owned())] {
        if !kinds.contains(&k) {
            kinds.push(k);
        }
    }
    let mut chosen = link.kind.clone();
    let own_id = egui::Id::unique(("link-kind-own", link.id));
    egui::ComboBox::from_id_salt(("link-kind", link.id))
        .selected_text(RichText::new(link.kind.as_str()).strong())
        .show_ui(ui, |ui| {
            for k in &kinds {
                if ui
                    .selectable_value(&mut chosen, k.clone(), k.as_str())
                    .clicked()
                {
                    // Chosen with the mouse or with Enter: the list closes.
                    ui.close();
                }
            }
            ui.separator();
            // A kind of one's own: a word or words joined by '-', Enter to use it.
            let mut own: String = ui.data(|d| d.get_temp(own_id)).unwrap_or_default();
            let field = ui.add(
                egui::TextEdit::singleline(&mut own)
                    .hint_text("another kind, e.g. cites")
                    .desired_width(150.0),
            );
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            match own.parse::<LinkKind>() {
                Ok(k) if entered => {
                    chosen = k;
                    own.clear();
                    ui.close();
                }
                Err(e) if !own.trim().is_empty() => {
                    ui.label(
                        RichText::new(e.to_string())
                            .small()
                            .color(theme::warning(ui.visuals())),
                    );
                }
                _ => {}
            }
            ui.data_mut(|d| d.insert_temp(own_id, own));
        });
    if chosen != link.kind {
        // Changed in place: the list keeps its order under the pointer.
        let mut changed = link.clone();
        changed.kind = chosen;
        actions.push(Action::Do(Intent::Edit(Command::SetLink {
            from: a.id,
            link: changed,
        })));
    }
}

/// Text in quotation marks, unless it brings its own.
pub fn quoted(s: &str) -> String {
    if s.starts_with(['“', '"', '«', '„', '‘']) {
        s.to_owned()
    } else {
        format!("“{s}”")
    }
}
