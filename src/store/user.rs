//! Who is annotating: the user's name from the environment.

/// The user's name from the environment (`FACTMARK_AUTHOR`, `USER`, `USERNAME`, `LOGNAME`), or
/// "unknown".
pub fn default_author() -> String {
    ["FACTMARK_AUTHOR", "USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "unknown".to_owned())
}
