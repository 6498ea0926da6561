//! The tree sink that builds scraper's tree while keeping count: of the nodes created, and of
//! the steps html5ever's tree builder takes looking through its open elements (each step asks
//! the sink for an element's name or compares two nodes). The parser's guard reads these
//! counts after every token, and asks how deep the element created last sits.

use std::borrow::Cow;
use std::cell::{Cell, Ref};

use ego_tree::NodeId;
use html5ever::tendril::StrTendril;
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};
use scraper::{Html, HtmlTreeSink};

/// An element just created: where it sits and what it is.
#[derive(Debug, Clone)]
pub struct Created {
    /// How many nodes it sits in (`<html>` sits in the document: 1), counted no further than
    /// one past the deepest asked about.
    pub depth: usize,
    /// Its name.
    pub name: QualName,
}

/// scraper's tree sink, counting.
pub struct CountingSink {
    inner: HtmlTreeSink,
    /// Elements, comments and processing instructions created.
    nodes: Cell<usize>,
    /// Names looked up and nodes compared.
    steps: Cell<u64>,
    /// The element created last.
    last: Cell<Option<NodeId>>,
}

impl CountingSink {
    /// A sink building a new document.
    pub fn new() -> Self {
        Self {
            inner: HtmlTreeSink::new(Html::new_document()),
            nodes: Cell::new(0),
            steps: Cell::new(0),
            last: Cell::new(None),
        }
    }

    /// Elements, comments and processing instructions created so far.
    pub fn nodes(&self) -> usize {
        self.nodes.get()
    }

    /// Steps the tree builder took so far.
    pub fn steps(&self) -> u64 {
        self.steps.get()
    }

    /// The element created last, with its name and how deep it sits (counted no further
    /// than `deepest + 1`: walking up costs a step per level).
    pub fn last_created(&self, deepest: usize) -> Option<Created> {
        let id = self.last.get()?;
        let html = self.inner.0.borrow();
        let node = html.tree.get(id)?;
        Some(Created {
            depth: node.ancestors().take(deepest + 1).count(),
            name: node.value().as_element()?.name.clone(),
        })
    }

    fn step(&self) {
        self.steps.set(self.steps.get() + 1);
    }
}

impl TreeSink for CountingSink {
    type Output = Html;
    type Handle = NodeId;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Html {
        self.inner.finish()
    }

    fn parse_error(&self, msg: Cow<'static, str>) {
        self.inner.parse_error(msg);
    }

    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        self.step();
        self.inner.elem_name(target)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        self.nodes.set(self.nodes.get() + 1);
        let id = self.inner.create_element(name, attrs, flags);
        self.last.set(Some(id));
        id
    }

    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.nodes.set(self.nodes.get() + 1);
        self.inner.create_comment(text)
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.nodes.set(self.nodes.get() + 1);
        self.inner.create_pi(target, data)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.inner.append(parent, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        self.inner
            .append_based_on_parent_node(element, prev_element, child);
    }

    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.inner
            .append_doctype_to_document(name, public_id, system_id);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.inner.get_template_contents(target)
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        self.step();
        x == y
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode);
    }

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        self.inner.append_before_sibling(sibling, new_node);
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs);
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.inner.remove_from_parent(target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.inner.reparent_children(node, new_parent);
    }
}
