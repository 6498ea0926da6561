//! Keys typed and gestures made faster than the window draws go where the person sent
//! them. A frame's input can hold several keys and a whole quick drag; egui moves the
//! keyboard between fields, and tells a drag from a click, only from one frame to the next.
//! So:
//! - the keys after one that gives a field the keyboard (`N` for the note, Ctrl+F for Find)
//!   wait until that field has it, instead of being read as the document's commands (`c`
//!   retagging the annotation) or dropped;
//! - in a field, an Esc typed right after some letters waits one frame, so the letters are
//!   written before the field lets go;
//! - a drag's press, its moves and its release each come in a frame of their own, so a
//!   quick drag is a drag (it selects text and lets go of the annotation selected before),
//!   never nothing at all. A double click stays in one frame if it came so.

use egui::{Event, Key, RawInput};

/// How many frames keys wait for a field to take the keyboard before they are read as
/// usual (a key that gave no field the keyboard: `N` with no annotation selected).
const MOST_FRAMES: u8 = 4;

/// Input held back for a later frame.
#[derive(Debug, Default)]
pub struct TypeAhead {
    held: Vec<Event>,
    /// Whether what is held waits for a field to take the keyboard (else: the next frame).
    for_field: bool,
    frames: u8,
    /// Whether a button is down, and the pointer moved since, in the input given so far.
    pointer: (bool, bool),
}

impl TypeAhead {
    /// Rewrites this frame's input: what was held comes first, and what must wait is held.
    /// `typing` is whether a field has the keyboard as the frame starts; `gives_field`
    /// whether a key press gives a field the keyboard. Returns whether input is held, so
    /// that another frame comes soon.
    pub fn hold(
        &mut self,
        raw: &mut RawInput,
        typing: bool,
        gives_field: impl Fn(&Event) -> bool,
    ) -> bool {
        let mut events = std::mem::take(&mut self.held);
        events.append(&mut raw.events);
        if self.for_field {
            if !typing && self.frames < MOST_FRAMES {
                self.frames += 1;
                self.held = events;
                return true;
            }
            self.for_field = false;
        }
        self.frames = 0;
        let keys = if typing {
            // An Esc after other keys leaves the field only once they are written.
            events.iter().position(is_escape).filter(|&k| k > 0)
        } else {
            events
                .iter()
                .position(&gives_field)
                .map(|k| after_its_text(&events, k))
        };
        let pointer = drag_step(&events, self.pointer.0, self.pointer.1);
        self.for_field = !typing && keys.is_some_and(|k| pointer.is_none_or(|p| k <= p));
        let split = match (keys, pointer) {
            (Some(k), Some(p)) => Some(k.min(p)),
            (k, p) => k.or(p),
        };
        if let Some(k) = split.filter(|&k| k < events.len()) {
            self.held = events.split_off(k);
        }
        self.pointer = pointer_after(&events, self.pointer);
        raw.events = events;
        self.holding()
    }

    /// Whether input is held for a later frame, or a field is awaited: the next frames
    /// should come at once.
    pub fn holding(&self) -> bool {
        !self.held.is_empty() || self.for_field
    }
}

/// Where a drag made within this frame's input must be parted (its moves after its press,
/// its release after its moves: egui tells a drag from a click only across frames), given
/// whether a button is `down` with the pointer `moved` since, as the frame starts. A click
/// and a double click, which do not move, are not parted.
fn drag_step(events: &[Event], mut down: bool, mut moved: bool) -> Option<usize> {
    let (mut pressed_here, mut moved_here) = (false, false);
    for (k, e) in events.iter().enumerate() {
        match e {
            Event::PointerButton { pressed: true, .. } => {
                (down, moved, pressed_here) = (true, false, true);
            }
            Event::PointerMoved(_) if down && !moved && pressed_here => return Some(k),
            Event::PointerMoved(_) if down => (moved, moved_here) = (true, true),
            Event::PointerButton { pressed: false, .. } if down && moved_here => return Some(k),
            Event::PointerButton { pressed: false, .. } => down = false,
            _ => {}
        }
    }
    None
}

/// Whether a button is down, and the pointer moved since, after `events` from that state.
fn pointer_after(events: &[Event], (mut down, mut moved): (bool, bool)) -> (bool, bool) {
    for e in events {
        match e {
            Event::PointerButton { pressed, .. } => (down, moved) = (*pressed, false),
            Event::PointerMoved(_) if down => moved = true,
            _ => {}
        }
    }
    (down, moved)
}

/// Whether an event is Esc pressed alone.
fn is_escape(event: &Event) -> bool {
    matches!(
        event,
        Event::Key {
            key: Key::Escape,
            pressed: true,
            modifiers,
            ..
        } if modifiers.is_none()
    )
}

/// The index after the key press at `k` and the text it typed (`n` after `N`): the key's
/// own letter is no note's first letter.
fn after_its_text(events: &[Event], k: usize) -> usize {
    match events.get(k + 1) {
        Some(Event::Text(_)) => k + 2,
        _ => k + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::Modifiers;

    fn key(key: Key) -> Event {
        Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::NONE,
        }
    }

    fn typed(text: &str) -> Vec<Event> {
        text.chars()
            .flat_map(|c| {
                let k = Key::from_name(&c.to_ascii_uppercase().to_string());
                k.map(key).into_iter().chain([Event::Text(c.to_string())])
            })
            .collect()
    }

    fn input(events: Vec<Event>) -> RawInput {
        RawInput {
            events,
            ..RawInput::default()
        }
    }

    fn is_n(e: &Event) -> bool {
        matches!(
            e,
            Event::Key {
                key: Key::N,
                pressed: true,
                ..
            }
        )
    }

    fn text(events: &[Event]) -> String {
        events
            .iter()
            .filter_map(|e| match e {
                Event::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn keys_after_the_note_key_wait_until_the_note_has_the_keyboard() {
        let mut ahead = TypeAhead::default();
        let mut frame = input(typed("nrecheck"));
        assert!(ahead.hold(&mut frame, false, is_n));
        // The N (and its letter) are read now; `recheck` would retag as a claim at `c`.
        assert_eq!(text(&frame.events), "n");
        assert_eq!(frame.events.len(), 2);
        // The next frame, the note has not the keyboard yet: all waits, new keys too.
        let mut frame = input(typed(" f"));
        assert!(ahead.hold(&mut frame, false, is_n));
        assert!(frame.events.is_empty());
        // Then it has: everything comes, in the order typed.
        let mut frame = input(typed("ig"));
        assert!(!ahead.hold(&mut frame, true, is_n));
        assert_eq!(text(&frame.events), "recheck fig");
    }

    #[test]
    fn keys_in_the_frames_after_the_note_key_wait_too() {
        let mut ahead = TypeAhead::default();
        let mut frame = input(typed("n"));
        assert!(ahead.hold(&mut frame, false, is_n));
        assert_eq!(text(&frame.events), "n");
        let mut frame = input(typed("re"));
        assert!(ahead.hold(&mut frame, false, is_n));
        assert!(frame.events.is_empty());
        let mut frame = input(Vec::new());
        assert!(!ahead.hold(&mut frame, true, is_n));
        assert_eq!(text(&frame.events), "re");
    }

    #[test]
    fn held_keys_are_read_as_usual_when_no_field_takes_the_keyboard() {
        let mut ahead = TypeAhead::default();
        let mut frame = input(typed("nc"));
        ahead.hold(&mut frame, false, is_n);
        let mut seen = String::new();
        for _ in 0..MOST_FRAMES {
            let mut frame = input(Vec::new());
            assert!(ahead.hold(&mut frame, false, is_n));
            seen += &text(&frame.events);
        }
        let mut frame = input(Vec::new());
        assert!(!ahead.hold(&mut frame, false, is_n));
        assert_eq!(seen + &text(&frame.events), "c");
    }

    #[test]
    fn an_esc_typed_after_letters_waits_for_them_to_be_written() {
        let mut ahead = TypeAhead::default();
        let mut events = typed("plot");
        events.push(key(Key::Escape));
        events.extend(typed("c"));
        let mut frame = input(events);
        assert!(ahead.hold(&mut frame, true, is_n));
        assert_eq!(text(&frame.events), "plot");
        assert!(!frame.events.iter().any(is_escape));
        // The field still has the keyboard: the Esc comes first, then what followed it.
        let mut frame = input(Vec::new());
        assert!(!ahead.hold(&mut frame, true, is_n));
        assert!(is_escape(&frame.events[0]));
        assert_eq!(text(&frame.events), "c");
    }

    fn pointer(pressed: Option<bool>, x: f32) -> Event {
        let pos = egui::pos2(x, 10.0);
        match pressed {
            Some(pressed) => Event::PointerButton {
                pos,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: Modifiers::NONE,
            },
            None => Event::PointerMoved(pos),
        }
    }

    #[test]
    fn a_quick_drag_comes_as_a_press_then_its_moves_then_its_release() {
        let mut ahead = TypeAhead::default();
        let mut events = vec![
            pointer(None, 1.0),
            pointer(Some(true), 1.0),
            pointer(None, 40.0),
            pointer(None, 90.0),
            pointer(Some(false), 90.0),
        ];
        events.extend(typed("e"));
        let mut frames = vec![input(events)];
        frames.extend((0..3).map(|_| input(Vec::new())));
        let steps: Vec<usize> = frames
            .iter_mut()
            .map(|f| {
                ahead.hold(f, false, is_n);
                f.events.len()
            })
            .collect();
        // The move to the press and the press, the two moves, the release and the key.
        assert_eq!(steps, vec![2, 2, 3, 0]);
        let last = &frames[2].events;
        assert!(matches!(
            last[0],
            Event::PointerButton { pressed: false, .. }
        ));
        assert_eq!(text(last), "e");
    }

    #[test]
    fn a_double_click_and_a_drag_begun_in_an_earlier_frame_stay_as_they_came() {
        let mut ahead = TypeAhead::default();
        let clicks = vec![
            pointer(None, 5.0),
            pointer(Some(true), 5.0),
            pointer(Some(false), 5.0),
            pointer(Some(true), 5.0),
            pointer(Some(false), 5.0),
        ];
        let mut frame = input(clicks);
        assert!(!ahead.hold(&mut frame, false, is_n));
        assert_eq!(frame.events.len(), 5);
        let mut frame = input(vec![pointer(Some(true), 5.0)]);
        ahead.hold(&mut frame, false, is_n);
        let mut frame = input(vec![pointer(None, 30.0), pointer(None, 60.0)]);
        assert!(!ahead.hold(&mut frame, false, is_n));
        let mut frame = input(vec![pointer(None, 70.0), pointer(Some(false), 70.0)]);
        // A release after moves in its frame comes in the next, after them.
        ahead.hold(&mut frame, false, is_n);
        assert!(ahead.holding());
        let mut frame = input(Vec::new());
        assert!(!ahead.hold(&mut frame, false, is_n));
        assert_eq!(frame.events.len(), 1);
    }

    #[test]
    fn input_without_such_keys_is_untouched() {
        let mut ahead = TypeAhead::default();
        let mut frame = input(typed("claim"));
        assert!(!ahead.hold(&mut frame, false, |_| false));
        assert_eq!(text(&frame.events), "claim");
        let mut events = vec![key(Key::Escape)];
        events.extend(typed("ab"));
        let mut frame = input(events);
        assert!(!ahead.hold(&mut frame, true, is_n));
        assert_eq!(frame.events.len(), 5);
    }
}
