//! Links drawn beside the text: each link is a bracket in the right margin joining the lines
//! of its two annotations, in its own lane so that many stay apart. The links of the selected
//! annotation are drawn strong and named; the others faint. An end off screen runs to the
//! edge of the view, showing that the link goes on.

use std::collections::HashMap;

use egui::{Pos2, Rect, Stroke, Ui, pos2};

use super::theme;
use crate::core::annotation::{Annotation, AnnotationId};

/// One link to draw: the y of each end on screen (clamped to the view) and its name.
struct Mark<'a> {
    from_y: f32,
    to_y: f32,
    kind: &'a str,
    strong: bool,
}

/// Gap between lanes, and the most lanes drawn (more share the last).
const LANE: f32 = 7.0;
const MAX_LANES: usize = 8;

/// A link between two drawable annotations: their indices in the document's annotations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Drawn {
    from: u32,
    to: u32,
    /// The index of the link in its annotation's list (for its kind).
    link: u32,
}

/// The links among `annotations` whose two ends are drawn, made once per change of the
/// annotations (not per frame).
pub fn index(annotations: &[Annotation], drawable: &[bool]) -> Vec<Drawn> {
    if annotations.iter().all(|a| a.links.is_empty()) {
        return Vec::new();
    }
    let shown = |i: usize| drawable.get(i).copied().unwrap_or(false);
    let by_id: HashMap<AnnotationId, usize> = annotations
        .iter()
        .enumerate()
        .filter(|&(i, _)| shown(i))
        .map(|(i, a)| (a.id, i))
        .collect();
    let mut out = Vec::new();
    for (i, a) in annotations.iter().enumerate().filter(|&(i, _)| shown(i)) {
        for (k, l) in a.links.iter().enumerate() {
            if let Some(&j) = by_id.get(&l.to) {
                out.push(Drawn {
                    from: i as u32,
                    to: j as u32,
                    link: k as u32,
                });
            }
        }
    }
    out
}

/// Draws `links` (made by [`index`] from `annotations`) whose ends are on screen.
/// `where_is(a, b)` gives the screen rectangles of chars `a..b` drawn this frame (none when
/// off screen); `first_shown` is the first char shown, to tell above from below; `margin` is
/// the x where the text column ends; `view` the visible part of the view.
#[allow(clippy::too_many_arguments)]
pub fn paint(
    ui: &Ui,
    links: &[Drawn],
    annotations: &[Annotation],
    selected: Option<AnnotationId>,
    where_is: impl Fn(usize, usize) -> Vec<Rect>,
    first_shown: usize,
    margin: f32,
    view: Rect,
) {
    if links.is_empty() {
        return;
    }
    let end_y = |a: &Annotation| -> (f32, bool) {
        match where_is(a.start, a.end).first() {
            Some(r) => (r.center().y, true),
            None if a.end <= first_shown => (view.top(), false),
            None => (view.bottom(), false),
        }
    };
    let mut marks: Vec<Mark<'_>> = Vec::new();
    for d in links {
        let (Some(a), Some(b)) = (
            annotations.get(d.from as usize),
            annotations.get(d.to as usize),
        ) else {
            continue;
        };
        let Some(l) = a.links.get(d.link as usize) else {
            continue;
        };
        let ((y1, seen1), (y2, seen2)) = (end_y(a), end_y(b));
        // Both ends off screen on the same side: nothing to see.
        if !seen1 && !seen2 && (y1 - y2).abs() < 1.0 {
            continue;
        }
        // Two ends on one line: a small bracket a line high, so it still shows.
        let (y1, y2) = if (y1 - y2).abs() < 4.0 {
            (y1 - 5.0, y2 + 5.0)
        } else {
            (y1, y2)
        };
        marks.push(Mark {
            from_y: y1,
            to_y: y2,
            kind: l.kind.as_str(),
            strong: selected.is_some_and(|s| s == a.id || s == b.id),
        });
    }
    if marks.is_empty() {
        return;
    }
    // Short links take the inner lanes; a lane holds links whose spans do not overlap.
    marks.sort_by(|a, b| span(a).total_cmp(&span(b)));
    let mut lanes: Vec<Vec<(f32, f32)>> = Vec::new();
    let visuals = ui.visuals();
    let faint = theme::weak(visuals);
    let strong = theme::selected_outline(visuals);
    let painter = ui.painter().with_clip_rect(view);
    let font = egui::FontId::proportional(10.0);
    let mut named: Vec<Rect> = Vec::new();
    for m in &marks {
        let (top, bottom) = (m.from_y.min(m.to_y), m.from_y.max(m.to_y));
        let lane = lanes
            .iter()
            .position(|l| l.iter().all(|&(t, b)| bottom + 3.0 < t || top - 3.0 > b))
            .unwrap_or_else(|| {
                lanes.push(Vec::new());
                lanes.len() - 1
            })
            .min(MAX_LANES - 1);
        if let Some(l) = lanes.get_mut(lane) {
            l.push((top, bottom));
        }
        let x = margin + 8.0 + lane as f32 * LANE;
        let (colour, width) = if m.strong {
            (strong, 2.0)
        } else {
            (faint, 1.0)
        };
        let stroke = Stroke::new(width, colour);
        let points = [
            pos2(margin + 2.0, m.from_y),
            pos2(x, m.from_y),
            pos2(x, m.to_y),
            pos2(margin + 2.0, m.to_y),
        ];
        painter.line(points.to_vec(), stroke);
        // The link starts at the dot and points at the other end.
        painter.circle_filled(points[0], width + 1.0, colour);
        arrow_head(&painter, points[3], stroke);
        // Named where the margin has room for the name and no other name is there (the
        // inspector always lists them).
        if m.strong {
            let galley = painter.layout_no_wrap(m.kind.to_owned(), font.clone(), colour);
            let y = (m.from_y + m.to_y) / 2.0 - galley.size().y / 2.0;
            let rect = Rect::from_min_size(pos2(x + 4.0, y), galley.size());
            if rect.right() <= view.right() - 2.0
                && !named.iter().any(|r: &Rect| r.expand(1.0).intersects(rect))
            {
                named.push(rect);
                painter.galley(rect.min, galley, colour);
            }
        }
    }
}

fn span(m: &Mark<'_>) -> f32 {
    (m.from_y - m.to_y).abs()
}

/// A small head pointing left at `tip`.
fn arrow_head(painter: &egui::Painter, tip: Pos2, stroke: Stroke) {
    let back = 4.0;
    painter.line_segment([tip, pos2(tip.x + back, tip.y - back)], stroke);
    painter.line_segment([tip, pos2(tip.x + back, tip.y + back)], stroke);
}
