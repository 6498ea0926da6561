//! Adjusting an annotation's span from one point: Shift+click moves the edge nearer to it.

use crate::core::text::Text;

/// The span of `start..end` with its nearer edge moved to `at`: before the start or past the
/// end, that edge; inside, the edge `at` is closer to. `None` when the span would be empty.
pub fn reach(start: usize, end: usize, at: usize) -> Option<(usize, usize)> {
    let (s, e) = if at <= start {
        (at, end)
    } else if at >= end {
        (start, at)
    } else if at - start <= end - at {
        (at, end)
    } else {
        (start, at)
    };
    (s < e && (s, e) != (start, end)).then_some((s, e))
}

/// `start..end` without the spaces and line breaks at its edges (an edge dragged or clicked
/// onto the space before a word).
pub fn without_blank_edges(text: &Text, start: usize, end: usize) -> (usize, usize) {
    let blank = |i: usize| text.slice(i..i + 1).chars().all(char::is_whitespace);
    let (mut s, mut e) = (start, end);
    while s < e && blank(s) {
        s += 1;
    }
    while e > s && blank(e - 1) {
        e -= 1;
    }
    (s, e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shift_click_moves_the_nearer_edge() {
        assert_eq!(reach(10, 20, 5), Some((5, 20)));
        assert_eq!(reach(10, 20, 25), Some((10, 25)));
        assert_eq!(reach(10, 20, 12), Some((12, 20)));
        assert_eq!(reach(10, 20, 18), Some((10, 18)));
        assert_eq!(reach(10, 20, 10), None);
        assert_eq!(reach(10, 11, 10), None);
    }
}
