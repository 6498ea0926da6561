//! The straight lines a PDF page draws across or down it (table borders, the rules between
//! cells): a table drawn as a grid says by them which lines of text are one row.

use hayro_interpret::DrawMode;
use hayro_interpret::kurbo::{Affine, BezPath, PathSeg, Shape as _};

/// A horizontal or vertical line drawn on a page, in page space (points, y down):
/// `x0 <= x1`, `y0 <= y1`, one of the two spans about zero.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    /// Left end.
    pub x0: f32,
    /// Top end.
    pub y0: f32,
    /// Right end.
    pub x1: f32,
    /// Bottom end.
    pub y1: f32,
}

impl Rule {
    /// Whether it runs across the page (otherwise down it).
    pub fn is_horizontal(&self) -> bool {
        self.x1 - self.x0 >= self.y1 - self.y0
    }
}

/// The most rules kept from one page (a chart of thousands of ticks is no table).
pub const MOST_RULES: usize = 4000;

/// A filled shape thinner than this (points) is a line drawn as a thin box.
const THIN: f64 = 2.5;
/// A rule shorter than this (points) is a mark, not a border.
const SHORTEST: f64 = 4.0;
/// How far from level (points) a stroked segment may run and still be a rule.
const LEVEL: f64 = 0.5;

/// Adds the rules a drawn path makes to `out`: each straight level or upright segment of a
/// stroked path, and a filled path as thin as a line.
pub fn rules_of(path: &BezPath, transform: Affine, mode: &DrawMode, out: &mut Vec<Rule>) {
    let stroked = matches!(mode, DrawMode::Stroke(_) | DrawMode::FillAndStroke(..));
    let filled = matches!(mode, DrawMode::Fill(_) | DrawMode::FillAndStroke(..));
    if filled {
        let b = (transform * path.clone()).bounding_box();
        let (w, h) = (b.width(), b.height());
        let line = if h <= THIN && w >= SHORTEST {
            let y = (b.y0 + b.y1) / 2.0;
            Some((b.x0, y, b.x1, y))
        } else if w <= THIN && h >= SHORTEST {
            let x = (b.x0 + b.x1) / 2.0;
            Some((x, b.y0, x, b.y1))
        } else {
            None
        };
        if let Some(l) = line {
            push(out, l);
        }
    }
    if !stroked {
        return;
    }
    for seg in path.segments() {
        if out.len() >= MOST_RULES {
            return;
        }
        let PathSeg::Line(l) = transform * seg else {
            continue;
        };
        let (dx, dy) = ((l.p1.x - l.p0.x).abs(), (l.p1.y - l.p0.y).abs());
        if (dy <= LEVEL && dx >= SHORTEST) || (dx <= LEVEL && dy >= SHORTEST) {
            push(
                out,
                (
                    l.p0.x.min(l.p1.x),
                    l.p0.y.min(l.p1.y),
                    l.p0.x.max(l.p1.x),
                    l.p0.y.max(l.p1.y),
                ),
            );
        }
    }
}

/// The most filled boxes kept from one page (a chart's bars past these are no labels' boxes).
pub const MOST_BOXES: usize = 2000;

/// Adds to `out` the box a filled path makes, if it is an upright rectangle thicker than a
/// line.
pub fn boxes_of(path: &BezPath, transform: Affine, mode: &DrawMode, out: &mut Vec<[f32; 4]>) {
    if out.len() >= MOST_BOXES || !matches!(mode, DrawMode::Fill(_) | DrawMode::FillAndStroke(..)) {
        return;
    }
    let b = (transform * path.clone()).bounding_box();
    let edges = [b.x0 as f32, b.y0 as f32, b.x1 as f32, b.y1 as f32];
    if b.width() > THIN
        && b.height() > THIN
        && edges.iter().all(|v| v.is_finite())
        && is_box(path, transform)
    {
        out.push(edges);
    }
}

/// Whether a path is an upright rectangle: four straight sides, each level or upright.
fn is_box(path: &BezPath, transform: Affine) -> bool {
    let mut sides = 0;
    for seg in path.segments() {
        let PathSeg::Line(l) = transform * seg else {
            return false;
        };
        let (dx, dy) = ((l.p1.x - l.p0.x).abs(), (l.p1.y - l.p0.y).abs());
        if dx > LEVEL && dy > LEVEL {
            return false;
        }
        if dx > LEVEL || dy > LEVEL {
            sides += 1;
        }
    }
    sides == 4
}

fn push(out: &mut Vec<Rule>, (x0, y0, x1, y1): (f64, f64, f64, f64)) {
    let rule = Rule {
        x0: x0 as f32,
        y0: y0 as f32,
        x1: x1 as f32,
        y1: y1 as f32,
    };
    let finite = [rule.x0, rule.y0, rule.x1, rule.y1]
        .iter()
        .all(|v| v.is_finite());
    if finite && out.len() < MOST_RULES {
        out.push(rule);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hayro_interpret::kurbo::{Line, Rect};
    use hayro_interpret::{FillRule, StrokeProps};

    fn stroke() -> DrawMode {
        DrawMode::Stroke(StrokeProps::default())
    }

    #[test]
    fn a_stroked_box_gives_its_four_sides_and_a_thin_filled_box_one_rule() {
        let mut out = Vec::new();
        let cell = Rect::new(10.0, 20.0, 110.0, 40.0).to_path(0.1);
        rules_of(&cell, Affine::IDENTITY, &stroke(), &mut out);
        assert_eq!(out.iter().filter(|r| r.is_horizontal()).count(), 2);
        assert_eq!(out.iter().filter(|r| !r.is_horizontal()).count(), 2);
        out.clear();
        let bar = Rect::new(10.0, 50.0, 200.0, 50.5).to_path(0.1);
        rules_of(
            &bar,
            Affine::IDENTITY,
            &DrawMode::Fill(FillRule::NonZero),
            &mut out,
        );
        assert_eq!(
            out,
            vec![Rule {
                x0: 10.0,
                y0: 50.25,
                x1: 200.0,
                y1: 50.25
            }]
        );
    }

    #[test]
    fn slanted_lines_curves_and_filled_areas_are_no_rules() {
        let mut out = Vec::new();
        let mut slant = BezPath::new();
        slant.move_to((0.0, 0.0));
        slant.line_to((100.0, 30.0));
        rules_of(&slant, Affine::IDENTITY, &stroke(), &mut out);
        let area = Rect::new(0.0, 0.0, 100.0, 100.0).to_path(0.1);
        rules_of(
            &area,
            Affine::IDENTITY,
            &DrawMode::Fill(FillRule::NonZero),
            &mut out,
        );
        let tick = Line::new((0.0, 0.0), (2.0, 0.0));
        let mut short = BezPath::new();
        short.move_to(tick.p0);
        short.line_to(tick.p1);
        rules_of(&short, Affine::IDENTITY, &stroke(), &mut out);
        assert!(out.is_empty(), "{out:?}");
    }
}
