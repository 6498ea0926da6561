//! Links between two annotations of one document: typed, directed, with who made them and
//! when. A link is stored on the annotation it starts from (`from`), so it travels, merges
//! and is undone with that annotation; the kinds `same-claim` and `contradicts` read the same
//! both ways.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::annotation::{Annotation, AnnotationId, Tag, TagKind};

/// A random link id, written as a hyphenated UUID.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LinkId(pub uuid::Uuid);

impl LinkId {
    /// A new random id.
    pub fn random() -> Self {
        Self(uuid::Uuid::new_v4())
    }
}

impl fmt::Display for LinkId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.hyphenated().fmt(f)
    }
}

impl FromStr for LinkId {
    type Err = uuid::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        uuid::Uuid::parse_str(s).map(Self)
    }
}

/// What a link says about its two annotations.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum LinkKind {
    /// A quote (or claim) → the person or organization who said it.
    AttributedTo,
    /// A claim → an entity it is about.
    About,
    /// A claim → the date it concerns.
    Dated,
    /// Two claims that say the same thing (symmetric).
    SameClaim,
    /// Two claims that contradict each other (symmetric).
    Contradicts,
    /// A kind the user named: lowercase words joined by `-`.
    Other(String),
}

/// A link kind name that is not a word.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{0:?} is not a link kind; use attributed-to, about, dated, same-claim, contradicts, or a \
     name of your own made of letters, digits and '-' (for example cites)"
)]
pub struct LinkKindError(pub String);

impl LinkKind {
    /// The built-in kinds, in the order they are offered.
    pub const BUILT_IN: &'static [LinkKind] = &[
        LinkKind::AttributedTo,
        LinkKind::About,
        LinkKind::Dated,
        LinkKind::SameClaim,
        LinkKind::Contradicts,
    ];

    /// The stable kebab-case name (`attributed-to`, …, or the user's own).
    pub fn as_str(&self) -> &str {
        match self {
            LinkKind::AttributedTo => "attributed-to",
            LinkKind::About => "about",
            LinkKind::Dated => "dated",
            LinkKind::SameClaim => "same-claim",
            LinkKind::Contradicts => "contradicts",
            LinkKind::Other(s) => s,
        }
    }

    /// Whether the link reads the same both ways.
    pub fn is_symmetric(&self) -> bool {
        matches!(self, LinkKind::SameClaim | LinkKind::Contradicts)
    }

    /// How the link reads from its target back to its source ("said", "is about it", …).
    pub fn reverse_label(&self) -> String {
        match self {
            LinkKind::AttributedTo => "said".to_owned(),
            LinkKind::About => "is about it".to_owned(),
            LinkKind::Dated => "dates".to_owned(),
            LinkKind::SameClaim | LinkKind::Contradicts => self.as_str().to_owned(),
            LinkKind::Other(s) => format!("{s} (from)"),
        }
    }

    /// The tags a built-in kind joins, `(from, to)`; `None` for a kind the user named, which
    /// may join any two annotations.
    pub fn endpoints(&self) -> Option<(&'static [TagKind], &'static [TagKind])> {
        use TagKind::*;
        match self {
            LinkKind::AttributedTo => Some((&[Quote, Claim], &[Entity])),
            LinkKind::About => Some((&[Claim, Quote], &[Entity])),
            LinkKind::Dated => Some((&[Claim, Quote], &[Date])),
            LinkKind::SameClaim | LinkKind::Contradicts => Some((&[Claim, Quote], &[Claim, Quote])),
            LinkKind::Other(_) => None,
        }
    }

    /// Whether a link of this kind may go from an annotation tagged `from` to one tagged
    /// `to`: the tags its ends allow, and, for `attributed-to`, not to a place (a place says
    /// nothing).
    pub fn fits(&self, from: &Tag, to: &Tag) -> bool {
        use super::annotation::EntityKind;
        if *self == LinkKind::AttributedTo
            && matches!(
                to,
                Tag::Entity {
                    kind: EntityKind::Place,
                    ..
                }
            )
        {
            return false;
        }
        match self.endpoints() {
            Some((froms, tos)) => froms.contains(&from.kind()) && tos.contains(&to.kind()),
            None => true,
        }
    }

    /// The kind a link from `from` to `to` most likely has: a quote or claim to a person or
    /// organization is `attributed-to`, to another entity `about`, to a date `dated`, a claim
    /// to a claim `same-claim`; `None` when no built-in kind fits.
    pub fn guess(from: &Tag, to: &Tag) -> Option<LinkKind> {
        use super::annotation::EntityKind;
        match (from.kind(), to) {
            (
                TagKind::Quote | TagKind::Claim,
                Tag::Entity {
                    kind: EntityKind::Person | EntityKind::Organization,
                    ..
                },
            ) => Some(LinkKind::AttributedTo),
            (
                TagKind::Quote,
                Tag::Entity {
                    kind: EntityKind::Other,
                    ..
                },
            ) => Some(LinkKind::AttributedTo),
            (TagKind::Claim | TagKind::Quote, Tag::Entity { .. }) => Some(LinkKind::About),
            (TagKind::Claim | TagKind::Quote, Tag::Date { .. }) => Some(LinkKind::Dated),
            (TagKind::Claim, Tag::Claim { .. }) => Some(LinkKind::SameClaim),
            _ => None,
        }
    }
}

impl fmt::Display for LinkKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for LinkKind {
    type Err = LinkKindError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let word = s.trim().to_lowercase().replace(['_', ' '], "-");
        Ok(match word.as_str() {
            "attributed-to" => LinkKind::AttributedTo,
            "about" => LinkKind::About,
            "dated" => LinkKind::Dated,
            "same-claim" => LinkKind::SameClaim,
            "contradicts" => LinkKind::Contradicts,
            w if !w.is_empty()
                && w.len() <= 40
                && w.chars().all(|c| c.is_alphanumeric() || c == '-')
                && !w.starts_with('-')
                && !w.ends_with('-') =>
            {
                LinkKind::Other(w.to_owned())
            }
            _ => return Err(LinkKindError(s.to_owned())),
        })
    }
}

impl TryFrom<String> for LinkKind {
    type Error = LinkKindError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<LinkKind> for String {
    fn from(k: LinkKind) -> String {
        k.as_str().to_owned()
    }
}

/// A link from the annotation that holds it to another annotation of the same document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// Random, never reused.
    pub id: LinkId,
    /// What the link says.
    pub kind: LinkKind,
    /// The annotation it points to.
    pub to: AnnotationId,
    /// Who made it.
    pub author: String,
    /// When it was made.
    pub created: DateTime<Utc>,
    /// Free-text note (not written when empty).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Link {
    /// A new link of `kind` to `to`.
    pub fn new(kind: LinkKind, to: AnnotationId, author: &str, now: DateTime<Utc>) -> Self {
        Self {
            id: LinkId::random(),
            kind,
            to,
            author: author.to_owned(),
            created: now,
            note: String::new(),
        }
    }
}

/// A link that cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    /// Both ends are the same annotation.
    #[error("an annotation cannot be linked to itself")]
    ToItself,
    /// The kind does not join these tags.
    #[error(
        "{kind} links {} to {}, not {} to {}",
        a_or_an(from_allowed),
        a_or_an(to_allowed),
        a_or_an(from.as_str()),
        a_or_an(to.as_str())
    )]
    WrongEnds {
        /// The kind.
        kind: LinkKind,
        /// The source's tag.
        from: TagKind,
        /// The target's tag.
        to: TagKind,
        /// What the source may be.
        from_allowed: String,
        /// What the target may be.
        to_allowed: String,
    },
    /// The same link exists already (either way, for a symmetric kind).
    #[error("these two annotations are already linked as {0}")]
    Exists(LinkKind),
    /// `attributed-to` a place.
    #[error(
        "attributed-to links to who said it, a person or an organization, not to a place; use about"
    )]
    NotASpeaker,
}

/// "a claim", "an entity": a tag name with its article.
fn a_or_an(word: &str) -> String {
    let article = if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {word}")
}

/// Checks that a link of `kind` may go from `from` to `to` among `all` (the document's
/// annotations).
pub fn check_link<'a>(
    all: impl IntoIterator<Item = &'a Annotation>,
    from: &Annotation,
    to: &Annotation,
    kind: &LinkKind,
) -> Result<(), LinkError> {
    if from.id == to.id {
        return Err(LinkError::ToItself);
    }
    if *kind == LinkKind::AttributedTo
        && matches!(
            to.tag,
            Tag::Entity {
                kind: super::annotation::EntityKind::Place,
                ..
            }
        )
    {
        return Err(LinkError::NotASpeaker);
    }
    if let Some((froms, tos)) = kind.endpoints()
        && (!froms.contains(&from.tag.kind()) || !tos.contains(&to.tag.kind()))
    {
        let names = |ks: &[TagKind]| {
            ks.iter()
                .map(|k| k.as_str())
                .collect::<Vec<_>>()
                .join(" or ")
        };
        return Err(LinkError::WrongEnds {
            kind: kind.clone(),
            from: from.tag.kind(),
            to: to.tag.kind(),
            from_allowed: names(froms),
            to_allowed: names(tos),
        });
    }
    let exists = all.into_iter().any(|a| {
        a.links.iter().any(|l| {
            l.kind == *kind
                && ((a.id == from.id && l.to == to.id)
                    || (kind.is_symmetric() && a.id == to.id && l.to == from.id))
        })
    });
    if exists {
        return Err(LinkError::Exists(kind.clone()));
    }
    Ok(())
}

/// One link seen from one of its ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkEnd<'a> {
    /// The link.
    pub link: &'a Link,
    /// The annotation holding it.
    pub from: AnnotationId,
    /// The annotation at the other end from the one asked about.
    pub other: AnnotationId,
    /// Whether the link starts at the annotation asked about.
    pub outgoing: bool,
}

/// Every link that starts or ends at `id`: outgoing first in stored order, then incoming in
/// document order.
pub fn links_of<'a>(
    all: impl IntoIterator<Item = &'a Annotation> + Clone,
    id: AnnotationId,
) -> Vec<LinkEnd<'a>> {
    let mut out = Vec::new();
    for a in all.clone() {
        if a.id == id {
            out.extend(a.links.iter().map(|l| LinkEnd {
                link: l,
                from: a.id,
                other: l.to,
                outgoing: true,
            }));
        }
    }
    for a in all {
        if a.id != id {
            out.extend(a.links.iter().filter(|l| l.to == id).map(|l| LinkEnd {
                link: l,
                from: a.id,
                other: a.id,
                outgoing: false,
            }));
        }
    }
    out
}

/// The entity a quote or claim is attributed to by a link, if any (the first such link).
pub fn attributed_entity<'a>(
    all: impl IntoIterator<Item = &'a Annotation> + Clone,
    a: &Annotation,
) -> Option<&'a Annotation> {
    let to = a
        .links
        .iter()
        .find(|l| l.kind == LinkKind::AttributedTo)?
        .to;
    all.into_iter().find(|x| x.id == to)
}

/// Sets a quote's speaker or a claim's claimant to `name` (other tags are left alone).
pub fn set_speaker(tag: &mut Tag, name: Option<String>) {
    match tag {
        Tag::Quote { speaker } => *speaker = name,
        Tag::Claim { claimant, .. } => *claimant = name,
        _ => {}
    }
}

/// A quote's speaker or a claim's claimant.
pub fn speaker(tag: &Tag) -> Option<&str> {
    match tag {
        Tag::Quote { speaker } => speaker.as_deref(),
        Tag::Claim { claimant, .. } => claimant.as_deref(),
        _ => None,
    }
}

#[cfg(test)]
#[path = "link_tests.rs"]
mod tests;
