//! Words shown to people for tags, verdicts, kinds and statuses, and the tag shortcut keys.

use crate::core::anchor::AnchorStatus;
use crate::core::annotation::{EntityKind, ReviewStatus, TagKind, Verdict};

/// "Claim", "Quote", …
pub fn tag_label(kind: TagKind) -> &'static str {
    match kind {
        TagKind::Claim => "Claim",
        TagKind::Quote => "Quote",
        TagKind::Date => "Date",
        TagKind::Entity => "Entity",
    }
}

/// The key that tags a selection with this tag.
pub fn tag_key(kind: TagKind) -> &'static str {
    match kind {
        TagKind::Claim => "C",
        TagKind::Quote => "Q",
        TagKind::Date => "D",
        TagKind::Entity => "E",
    }
}

/// "Mostly true", …
pub fn verdict_label(v: Verdict) -> &'static str {
    match v {
        Verdict::Unrated => "Unrated",
        Verdict::True => "True",
        Verdict::MostlyTrue => "Mostly true",
        Verdict::Mixed => "Mixed",
        Verdict::MostlyFalse => "Mostly false",
        Verdict::False => "False",
        Verdict::Unverifiable => "Unverifiable",
    }
}

/// "Person", …
pub fn kind_label(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "Person",
        EntityKind::Organization => "Organization",
        EntityKind::Place => "Place",
        EntityKind::Other => "Other",
    }
}

/// "Needs work", …
pub fn review_label(r: ReviewStatus) -> &'static str {
    match r {
        ReviewStatus::Unreviewed => "Unreviewed",
        ReviewStatus::Accepted => "Accepted",
        ReviewStatus::Rejected => "Rejected",
        ReviewStatus::NeedsWork => "Needs work",
    }
}

/// "Exact", "Moved", …
pub fn status_label(s: AnchorStatus) -> &'static str {
    match s {
        AnchorStatus::Exact => "Exact",
        AnchorStatus::Moved => "Moved",
        AnchorStatus::Changed => "Changed",
        AnchorStatus::Fuzzy => "Fuzzy",
        AnchorStatus::Ambiguous => "Ambiguous",
        AnchorStatus::Orphaned => "Orphaned",
    }
}
