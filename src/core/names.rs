//! Names of people and organizations offered in the speaker and claimant fields: gathered from
//! annotations, and matched as the person types, ignoring case and accents, at any word start.

use std::collections::HashMap;

use super::annotation::{Annotation, EntityKind, Tag};

/// Names longer than this (in chars) are not offered: a long tagged span is not a name.
const MAX_NAME_CHARS: usize = 80;

/// The names used in `annotations`: quote speakers, claimants, and the text of person and
/// organization entities. Spellings that differ only in case, accents or spacing count as one
/// name, written the way it was written most often. Most used first, then alphabetically.
pub fn gather<'a>(annotations: impl IntoIterator<Item = &'a Annotation>) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for a in annotations {
        let name = match &a.tag {
            Tag::Quote { speaker: Some(s) } => clean(s),
            Tag::Claim {
                claimant: Some(c), ..
            } => clean(c),
            Tag::Entity {
                kind: EntityKind::Person | EntityKind::Organization,
                ..
            } => clean(&a.exact),
            _ => None,
        };
        found.extend(name);
    }
    rank_by_use(found)
}

/// `first`, then the names of `more` that are not already in it (compared ignoring case,
/// accents and spacing), in their order.
pub fn combine(first: Vec<String>, more: &[String]) -> Vec<String> {
    let mut seen: std::collections::HashSet<String> = first.iter().map(|n| key(n)).collect();
    let mut all = first;
    for n in more {
        if seen.insert(key(n)) {
            all.push(n.clone());
        }
    }
    all
}

/// The candidates that match what was typed, best first.
///
/// Every word typed must be the start of a word of the name, in order: `smi` and `j smi`
/// both find "John Smith", `pierre du` finds "Jean-Pierre Dupont". Case and accents are
/// ignored (`jose` finds "José"). Names whose first word matches come before names matched
/// further in; otherwise the candidates keep their order (see [`gather`]). Nothing is offered
/// for an empty query, and a name exactly as typed is not offered again.
pub fn suggest<'a, S: AsRef<str>>(query: &str, candidates: &'a [S]) -> Vec<&'a str> {
    let typed = words(query);
    if typed.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<(usize, &str)> = candidates
        .iter()
        .map(AsRef::as_ref)
        .filter(|name| name.trim() != query.trim())
        .filter_map(|name| first_match(&typed, &words(name)).map(|at| (at, name)))
        .collect();
    hits.sort_by_key(|&(at, _)| at);
    hits.into_iter().map(|(_, name)| name).collect()
}

/// Lowercase, with accents removed: `Ångström` → `angstrom`. Covers the Latin, Greek and
/// Cyrillic letters with diacritics that Unicode composes, loose combining marks, and a few
/// letters people type without their stroke (`ł`, `ø`, `đ`, `ß` → `ss`).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' => {}
            'ß' => out.push_str("ss"),
            'æ' | 'ǣ' | 'ǽ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            c => out.push(base_letter(c)),
        }
    }
    out
}

/// The index of the name word where the typed words first match, if they do.
fn first_match(typed: &[String], name: &[String]) -> Option<usize> {
    // Matching each typed word to the earliest name word it starts leaves the most room for
    // the words after it, so it finds a match whenever there is one.
    let mut first = None;
    let mut next = 0;
    for t in typed {
        let at = next + name.get(next..)?.iter().position(|w| w.starts_with(t))?;
        first.get_or_insert(at);
        next = at + 1;
    }
    first
}

/// The folded words of `s`: runs of letters and digits.
fn words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// What two spellings of one name have in common.
fn key(s: &str) -> String {
    words(s).join(" ")
}

/// A name as written in a field or span: on one line, without surrounding quotes, brackets
/// or separators; `None` if nothing is left or it is too long to be a name.
fn clean(s: &str) -> Option<String> {
    let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let trimmed = one_line.trim_matches(|c: char| {
        matches!(
            c,
            '"' | '\''
                | '“'
                | '”'
                | '‘'
                | '’'
                | '«'
                | '»'
                | '„'
                | '('
                | ')'
                | '['
                | ']'
                | ','
                | ';'
                | ':'
        ) || c.is_whitespace()
    });
    let fine = !trimmed.is_empty()
        && trimmed.chars().count() <= MAX_NAME_CHARS
        && trimmed.chars().any(char::is_alphanumeric);
    fine.then(|| trimmed.to_owned())
}

/// How often one name was used, and in which spellings.
#[derive(Default)]
struct Uses {
    total: usize,
    /// Spelling → (uses, when first seen).
    spellings: HashMap<String, (usize, usize)>,
}

impl Uses {
    /// The most used spelling; of equally used ones, the first seen.
    fn best(self) -> Option<String> {
        self.spellings
            .into_iter()
            .min_by(|(_, (ua, ia)), (_, (ub, ib))| ub.cmp(ua).then(ia.cmp(ib)))
            .map(|(s, _)| s)
    }
}

/// One entry per name (by [`key`]), in its most used spelling; most used names first.
fn rank_by_use(found: Vec<String>) -> Vec<String> {
    let mut by_key: HashMap<String, Uses> = HashMap::new();
    for (i, name) in found.into_iter().enumerate() {
        let uses = by_key.entry(key(&name)).or_default();
        uses.total += 1;
        uses.spellings.entry(name).or_insert((0, i)).0 += 1;
    }
    let mut ranked: Vec<(usize, String, String)> = by_key
        .into_iter()
        .filter_map(|(k, uses)| {
            let total = uses.total;
            uses.best().map(|best| (total, k, best))
        })
        .collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    ranked.into_iter().map(|(_, _, name)| name).collect()
}

/// The letter without its diacritic, for precomposed letters (already lowercase).
fn base_letter(c: char) -> char {
    match c {
        'à'..='å'
        | 'ā'
        | 'ă'
        | 'ą'
        | 'ǎ'
        | 'ǟ'
        | 'ǡ'
        | 'ǻ'
        | 'ȁ'
        | 'ȃ'
        | 'ȧ'
        | 'ḁ'
        | 'ạ'
        | 'ả'
        | 'ấ'
        | 'ầ'
        | 'ẩ'
        | 'ẫ'
        | 'ậ'
        | 'ắ'
        | 'ằ'
        | 'ẳ'
        | 'ẵ'
        | 'ặ' => 'a',
        'ḃ' | 'ḅ' | 'ḇ' => 'b',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' | 'ḉ' => 'c',
        'ď' | 'đ' | 'ḋ' | 'ḍ' | 'ḏ' | 'ḑ' | 'ḓ' => 'd',
        'è'..='ë'
        | 'ē'
        | 'ĕ'
        | 'ė'
        | 'ę'
        | 'ě'
        | 'ȅ'
        | 'ȇ'
        | 'ȩ'
        | 'ḕ'
        | 'ḗ'
        | 'ḙ'
        | 'ḛ'
        | 'ḝ'
        | 'ẹ'
        | 'ẻ'
        | 'ẽ'
        | 'ế'
        | 'ề'
        | 'ể'
        | 'ễ'
        | 'ệ' => 'e',
        'ḟ' => 'f',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' | 'ǧ' | 'ǵ' | 'ḡ' => 'g',
        'ĥ' | 'ħ' | 'ȟ' | 'ḣ' | 'ḥ' | 'ḧ' | 'ḩ' | 'ḫ' | 'ẖ' => 'h',
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' | 'ȉ' | 'ȋ' | 'ḭ' | 'ḯ' | 'ỉ' | 'ị' => {
            'i'
        }
        'ĵ' | 'ǰ' => 'j',
        'ķ' | 'ǩ' | 'ḱ' | 'ḳ' | 'ḵ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ł' | 'ḷ' | 'ḹ' | 'ḻ' | 'ḽ' => 'l',
        'ḿ' | 'ṁ' | 'ṃ' => 'm',
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ǹ' | 'ṅ' | 'ṇ' | 'ṉ' | 'ṋ' => 'n',
        'ò'..='ö'
        | 'ø'
        | 'ō'
        | 'ŏ'
        | 'ő'
        | 'ơ'
        | 'ǒ'
        | 'ǫ'
        | 'ǭ'
        | 'ǿ'
        | 'ȍ'
        | 'ȏ'
        | 'ȫ'
        | 'ȭ'
        | 'ȯ'
        | 'ȱ'
        | 'ṍ'
        | 'ṏ'
        | 'ṑ'
        | 'ṓ'
        | 'ọ'
        | 'ỏ'
        | 'ố'
        | 'ồ'
        | 'ổ'
        | 'ỗ'
        | 'ộ'
        | 'ớ'
        | 'ờ'
        | 'ở'
        | 'ỡ'
        | 'ợ' => 'o',
        'ṕ' | 'ṗ' => 'p',
        'ŕ' | 'ŗ' | 'ř' | 'ȑ' | 'ȓ' | 'ṙ' | 'ṛ' | 'ṝ' | 'ṟ' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' | 'ṡ' | 'ṣ' | 'ṥ' | 'ṧ' | 'ṩ' => 's',
        'ţ' | 'ť' | 'ț' | 'ṫ' | 'ṭ' | 'ṯ' | 'ṱ' | 'ẗ' => 't',
        'ù'..='ü'
        | 'ũ'
        | 'ū'
        | 'ŭ'
        | 'ů'
        | 'ű'
        | 'ų'
        | 'ư'
        | 'ǔ'
        | 'ǖ'
        | 'ǘ'
        | 'ǚ'
        | 'ǜ'
        | 'ȕ'
        | 'ȗ'
        | 'ṳ'
        | 'ṵ'
        | 'ṷ'
        | 'ṹ'
        | 'ṻ'
        | 'ụ'
        | 'ủ'
        | 'ứ'
        | 'ừ'
        | 'ử'
        | 'ữ'
        | 'ự' => 'u',
        'ṽ' | 'ṿ' => 'v',
        'ŵ' | 'ẁ' | 'ẃ' | 'ẅ' | 'ẇ' | 'ẉ' | 'ẘ' => 'w',
        'ẋ' | 'ẍ' => 'x',
        'ý' | 'ÿ' | 'ŷ' | 'ȳ' | 'ẏ' | 'ẙ' | 'ỳ' | 'ỵ' | 'ỷ' | 'ỹ' => 'y',
        'ź' | 'ż' | 'ž' | 'ẑ' | 'ẓ' | 'ẕ' => 'z',
        'ά' => 'α',
        'έ' => 'ε',
        'ή' => 'η',
        'ΐ' | 'ί' | 'ϊ' => 'ι',
        'ό' => 'ο',
        'ΰ' | 'ϋ' | 'ύ' => 'υ',
        'ώ' => 'ω',
        'ѐ' | 'ё' => 'е',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::annotation::{Annotation, Verdict};
    use crate::core::text::Text;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold("José Ångström"), "jose angstrom");
        assert_eq!(fold("ŁÓDŹ Øresund Straße"), "lodz oresund strasse");
        assert_eq!(fold("Nguyễn Thị Ánh"), "nguyen thi anh");
        assert_eq!(fold("Ştefan Țiriac"), "stefan tiriac");
        // A decomposed accent (e + combining acute) folds like the composed one.
        assert_eq!(fold("Jose\u{301}"), "jose");
        assert_eq!(fold("Σωκράτης"), "σωκρατης");
    }

    #[test]
    fn any_word_start_matches_case_and_accent_insensitively() {
        let c = names(&[
            "John Smith",
            "Jean-Pierre Dupont",
            "José Álvarez",
            "Harbor Institute",
            "Smithsonian",
        ]);
        assert_eq!(suggest("smi", &c), ["Smithsonian", "John Smith"]);
        assert_eq!(suggest("j smi", &c), ["John Smith"]);
        assert_eq!(suggest("pierre du", &c), ["Jean-Pierre Dupont"]);
        assert_eq!(suggest("alv", &c), ["José Álvarez"]);
        assert_eq!(suggest("JOSÉ", &c), ["José Álvarez"]);
        assert_eq!(suggest("INST", &c), ["Harbor Institute"]);
        // Not inside a word, and the words in order.
        assert!(suggest("mith", &c).is_empty());
        assert!(suggest("smith john", &c).is_empty());
        assert!(suggest("", &c).is_empty());
        assert!(suggest("  ", &c).is_empty());
    }

    #[test]
    fn first_word_matches_come_first_then_the_given_order() {
        let c = names(&[
            "Anna Berg",
            "Berg Institute",
            "Carl Bergman",
            "Bergen Times",
        ]);
        assert_eq!(
            suggest("berg", &c),
            [
                "Berg Institute",
                "Bergen Times",
                "Anna Berg",
                "Carl Bergman"
            ]
        );
    }

    #[test]
    fn the_name_already_typed_is_not_offered_again() {
        let c = names(&["John Smith", "John Smithers"]);
        assert_eq!(suggest("John Smith", &c), ["John Smithers"]);
    }

    fn ann(text: &Text, exact: &str, tag: Tag) -> Annotation {
        let s = text.as_str();
        let start = s[..s.find(exact).unwrap()].chars().count();
        Annotation::new(
            text,
            start,
            start + exact.chars().count(),
            tag,
            "ana",
            chrono::Utc::now(),
        )
        .unwrap()
    }

    #[test]
    fn gathers_speakers_claimants_and_person_and_organization_entities() {
        let text = Text::from_str_normalized(
            "“We doubled it,” said Mayor Ana López of the Harbor Board in Lisbon. \
             Critics said so. ANA LOPEZ agreed.",
        );
        let quote = |who: &str| Tag::Quote {
            speaker: Some(who.to_owned()),
        };
        let all = [
            ann(&text, "We doubled it", quote("Ana López")),
            ann(&text, "Critics said so", quote("  Ana   López ")),
            ann(
                &text,
                "Critics",
                Tag::Claim {
                    verdict: Verdict::Unrated,
                    claimant: Some("the critics".into()),
                },
            ),
            ann(
                &text,
                "ANA LOPEZ",
                Tag::Entity {
                    kind: EntityKind::Person,
                    identifier: None,
                },
            ),
            ann(
                &text,
                "Harbor Board",
                Tag::Entity {
                    kind: EntityKind::Organization,
                    identifier: None,
                },
            ),
            // A place is not a speaker.
            ann(
                &text,
                "Lisbon",
                Tag::Entity {
                    kind: EntityKind::Place,
                    identifier: None,
                },
            ),
            ann(&text, "agreed", Tag::Quote { speaker: None }),
        ];
        // "Ana López" three times (two spellings of one name): first, in its usual spelling.
        assert_eq!(gather(&all), ["Ana López", "Harbor Board", "the critics"]);
    }

    #[test]
    fn combining_keeps_the_first_list_and_adds_only_new_names() {
        let doc = names(&["Ana López", "Harbor Board"]);
        let folder = names(&["ana lopez", "Carl Berg", "Harbor  Board", "Carl Berg"]);
        assert_eq!(
            combine(doc, &folder),
            ["Ana López", "Harbor Board", "Carl Berg"]
        );
    }

    #[test]
    fn long_spans_and_punctuation_are_not_names() {
        assert_eq!(clean("“Ana López,”").as_deref(), Some("Ana López"));
        assert_eq!(clean("Acme Inc.").as_deref(), Some("Acme Inc."));
        assert_eq!(clean(" ... "), None);
        assert_eq!(clean(&"word ".repeat(30)), None);
    }
}
