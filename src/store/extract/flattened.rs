//! The elements the guard closed early for sitting too deep, in the order they would still be
//! open in html5ever's full tree. Their end tags, when they come, are matched here and not
//! passed on, so that they close what they were written to close instead of an element that
//! is really open; a closed block still ends its paragraph. Each check looks at a bounded
//! number of elements, so a flood of end tags costs linear time.

use html5ever::LocalName;

use super::render::BLOCK_TAGS;

/// How many flattened elements an end tag looks through for its own.
const LOOK: usize = 32;

/// Elements that an end tag for an element inside them cannot reach past.
const BOUNDARY: &[&str] = &["applet", "marquee", "math", "object", "svg", "template"];

/// What to do with an end tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndTag {
    /// Pass it on to the parser: it closes an element that is really open.
    PassOn,
    /// It closed flattened elements (or nothing, as in the full tree); drop it, and end the
    /// paragraph if a block was among them.
    Drop {
        /// A block element was closed.
        paragraph_break: bool,
    },
}

/// The flattened elements still open in the full tree.
#[derive(Debug, Default)]
pub struct Flattened {
    names: Vec<LocalName>,
    /// How deep they sit.
    depth: usize,
}

fn is_block(name: &str) -> bool {
    name == "pre" || BLOCK_TAGS.contains(&name)
}

impl Flattened {
    /// An element at `depth` was flattened.
    pub fn push(&mut self, name: LocalName, depth: usize) {
        if self.names.is_empty() {
            self.depth = depth;
        }
        self.names.push(name);
    }

    /// An element was built at `depth`, where it was not flattened: if that is shallower than
    /// the flattened ones, what held them has been closed, and they with it.
    pub fn built_at(&mut self, depth: usize) {
        if depth < self.depth {
            self.names.clear();
        }
    }

    /// Matches an end tag against the flattened elements.
    pub fn end_tag(&mut self, name: &LocalName) -> EndTag {
        if self.names.is_empty() {
            return EndTag::PassOn;
        }
        // The end tag of a block closes what is on the way to its element, as the parser's
        // does; any other stops at a block.
        let closes_through = is_block(name);
        for (k, open) in self.names.iter().rev().take(LOOK).enumerate() {
            if open == name {
                let from = self.names.len() - k - 1;
                let paragraph_break = self.names.drain(from..).any(|n| is_block(&n));
                return EndTag::Drop { paragraph_break };
            }
            let blocked = BOUNDARY.contains(&&**open) || (!closes_through && is_block(open));
            if blocked {
                return EndTag::Drop {
                    paragraph_break: false,
                };
            }
        }
        self.names.clear();
        EndTag::PassOn
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stack(names: &[&str]) -> Flattened {
        let mut f = Flattened::default();
        for n in names {
            f.push(LocalName::from(*n), 300);
        }
        f
    }

    fn end(f: &mut Flattened, name: &str) -> EndTag {
        f.end_tag(&LocalName::from(name))
    }

    #[test]
    fn end_tags_close_their_own() {
        let mut f = stack(&["div", "span", "b"]);
        assert_eq!(
            end(&mut f, "span"),
            EndTag::Drop {
                paragraph_break: false
            }
        );
        assert_eq!(
            end(&mut f, "div"),
            EndTag::Drop {
                paragraph_break: true
            }
        );
        assert_eq!(end(&mut f, "div"), EndTag::PassOn);

        let mut f = stack(&["div", "ul", "li"]);
        assert_eq!(
            end(&mut f, "div"),
            EndTag::Drop {
                paragraph_break: true
            }
        );
        assert_eq!(end(&mut f, "ul"), EndTag::PassOn);
    }

    #[test]
    fn stray_end_tags_stop_where_the_parser_would() {
        let mut f = stack(&["span", "div", "p"]);
        assert_eq!(
            end(&mut f, "span"),
            EndTag::Drop {
                paragraph_break: false
            }
        );
        assert_eq!(
            end(&mut f, "div"),
            EndTag::Drop {
                paragraph_break: true
            }
        );
        let mut f = stack(&["div", "object", "p"]);
        assert_eq!(
            end(&mut f, "div"),
            EndTag::Drop {
                paragraph_break: false
            }
        );
    }

    #[test]
    fn an_end_tag_looks_only_so_far() {
        let mut f = stack(&["section"]);
        for _ in 0..LOOK {
            f.push(LocalName::from("div"), 300);
        }
        assert_eq!(end(&mut f, "section"), EndTag::PassOn);
        assert_eq!(end(&mut f, "div"), EndTag::PassOn);
    }

    #[test]
    fn closing_what_held_them_closes_them() {
        let mut f = stack(&["div"]);
        f.built_at(300);
        assert_ne!(end(&mut f, "div"), EndTag::PassOn);
        let mut f = stack(&["div"]);
        f.built_at(299);
        assert_eq!(end(&mut f, "div"), EndTag::PassOn);
    }
}
