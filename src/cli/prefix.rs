//! Finding one item (a link, an evidence item) by its full id or a unique prefix of at least
//! 8 hex digits, as `review` finds annotations.

use anyhow::bail;

/// The fewest hex digits of an id prefix.
const MIN_PREFIX: usize = 8;

/// The one item of `items` whose id (`id_of`) is `given` or starts with it (hyphens ignored,
/// any case); `what` names the items in errors ("link", "evidence item"), and `describe`
/// lists candidates when several match.
pub fn find_by_id<'a, T>(
    items: &'a [T],
    given: &str,
    what: &str,
    id_of: impl Fn(&T) -> uuid::Uuid,
    describe: impl Fn(&T) -> String,
) -> anyhow::Result<&'a T> {
    let hex: String = given
        .trim()
        .chars()
        .filter(|&c| c != '-')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if hex.len() < MIN_PREFIX || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        bail!(
            "{given:?} is not a {what} id; give the full id or at least its first {MIN_PREFIX} \
             hex digits (see `factmark list`)"
        );
    }
    let found: Vec<&T> = items
        .iter()
        .filter(|x| id_of(x).simple().to_string().starts_with(&hex))
        .collect();
    match found.as_slice() {
        [] => bail!("no {what} has an id starting with {given:?} (see `factmark list`)"),
        [one] => Ok(one),
        many => {
            let list: Vec<String> = many.iter().map(|x| format!("  {}", describe(x))).collect();
            bail!(
                "the id prefix {given:?} is ambiguous; {} {what}s match; give more of the id:\n{}",
                many.len(),
                list.join("\n")
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_ids_prefixes_and_ambiguity() {
        let ids: Vec<uuid::Uuid> = [
            "3f6e0c2a-8d5b-4c1e-9a7f-2b6d8e0f1a3c",
            "3f6e0c2a-9999-4c1e-9a7f-2b6d8e0f1a3c",
        ]
        .iter()
        .map(|s| s.parse().unwrap())
        .collect();
        let find = |g: &str| find_by_id(&ids, g, "link", |u| *u, |u| u.to_string());
        assert_eq!(find("3F6E0C2A-8D5B").unwrap(), &ids[0]);
        assert_eq!(find(&ids[1].to_string()).unwrap(), &ids[1]);
        let err = format!("{:#}", find("3f6e0c2a").unwrap_err());
        assert!(
            err.contains("ambiguous") && err.contains("3f6e0c2a-9999"),
            "{err}"
        );
        assert!(find("3f6e").unwrap_err().to_string().contains("at least"));
        assert!(
            find("deadbeef")
                .unwrap_err()
                .to_string()
                .contains("no link")
        );
    }
}
