//! Dates written in other languages than English, put in English words so one reader reads
//! them all: `24 مارس 2016`, `٢٩ آذار ٢٠١٦`, `8 de junio de 2020`, `8. Juni 2020`,
//! `1er mai 2021` and `8 ביוני 2020` become `24 March 2016` … `1 May 2021`, `8 June 2020`.
//! Digits of other scripts (Arabic-Indic, Persian) become ASCII digits.

/// Month names by language, each with the month it names (1–12). Two-word names first (the
/// Levantine `كانون الثاني`), so they are read before their first word alone.
const MONTHS: &[(&str, u32)] = &[
    // Arabic, Levantine.
    ("كانون الثاني", 1),
    ("كانون الأول", 12),
    ("كانون الاول", 12),
    ("تشرين الأول", 10),
    ("تشرين الاول", 10),
    ("تشرين الثاني", 11),
    ("شباط", 2),
    ("آذار", 3),
    ("اذار", 3),
    ("نيسان", 4),
    ("أيار", 5),
    ("ايار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("آب", 8),
    ("اب", 8),
    ("أيلول", 9),
    ("ايلول", 9),
    // Arabic, Egyptian and Gulf.
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("أبريل", 4),
    ("إبريل", 4),
    ("ابريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يونيه", 6),
    ("يوليو", 7),
    ("يوليه", 7),
    ("أغسطس", 8),
    ("اغسطس", 8),
    ("سبتمبر", 9),
    ("أكتوبر", 10),
    ("اكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    // Persian (the Gregorian months).
    ("ژانویه", 1),
    ("فوریه", 2),
    ("آوریل", 4),
    ("مه", 5),
    ("ژوئن", 6),
    ("ژوئیه", 7),
    ("اوت", 8),
    ("آگوست", 8),
    ("سپتامبر", 9),
    ("اکتبر", 10),
    ("نوامبر", 11),
    ("دسامبر", 12),
    // Hebrew.
    ("ינואר", 1),
    ("פברואר", 2),
    ("מרץ", 3),
    ("מרס", 3),
    ("אפריל", 4),
    ("מאי", 5),
    ("יוני", 6),
    ("יולי", 7),
    ("אוגוסט", 8),
    ("ספטמבר", 9),
    ("אוקטובר", 10),
    ("נובמבר", 11),
    ("דצמבר", 12),
    // French.
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    // Spanish.
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    // Portuguese.
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("dezembro", 12),
    // Italian.
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    // German.
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
];

const ENGLISH: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Words that only join a day, a month and a year (`de`, `del`, Hebrew's `ב` before a month
/// is read with the month).
const JOINERS: &[&str] = &["de", "del", "di", "do", "da"];

/// `text` (one date, its words single-spaced) with its month's name in English and its digits
/// ASCII, when it names a month in one of the languages known; `None` when it names none.
pub fn in_english(text: &str) -> Option<String> {
    let digits: String = text.chars().map(ascii_digit).collect();
    let digits = digits.replace('،', ",");
    let lower = digits.to_lowercase();
    let (name, month) = MONTHS.iter().find(|(name, _)| {
        lower.split(' ').any(|w| {
            let w = w.trim_matches(|c: char| c == ',' || c == '.');
            // (Hebrew writes "in June" as one word: `ביוני`.)
            w == *name || w.strip_prefix('ב') == Some(name)
        }) || (name.contains(' ') && lower.contains(name))
    })?;
    let english = ENGLISH[*month as usize - 1];
    if name.contains(' ') {
        let at = lower.find(name)?;
        let (before, after) = (&lower[..at], &lower[at + name.len()..]);
        return Some(tidy(&format!("{before}{english}{after}")));
    }
    let words: Vec<String> = lower
        .split(' ')
        .filter_map(|w| {
            let bare = w.trim_matches(|c: char| c == ',' || c == '.');
            let comma = if w.ends_with(',') { "," } else { "" };
            if bare == *name || bare.strip_prefix('ב') == Some(name) {
                Some(format!("{english}{comma}"))
            } else {
                (!JOINERS.contains(&bare)).then(|| w.to_owned())
            }
        })
        .collect();
    Some(tidy(&words.join(" ")))
}

/// A day written `8.` (German) or `1er` (French) as the number alone.
fn tidy(text: &str) -> String {
    text.split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let day = w.strip_suffix('.').or_else(|| w.strip_suffix("er"));
            match day {
                Some(d)
                    if !d.is_empty() && d.len() <= 2 && d.bytes().all(|b| b.is_ascii_digit()) =>
                {
                    d.to_owned()
                }
                _ => w.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// An Arabic-Indic or Persian digit as its ASCII digit; other chars as they are.
fn ascii_digit(c: char) -> char {
    match c {
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_of_other_languages_read_in_english() {
        let cases = [
            ("24 مارس 2016", "24 March 2016"),
            ("٢٩ آذار ٢٠١٦", "29 March 2016"),
            ("1 كانون الثاني 2020", "1 January 2020"),
            ("31 ديسمبر، 2015", "31 December, 2015"),
            ("8 de junio de 2020", "8 June 2020"),
            ("8. Juni 2020", "8 June 2020"),
            ("1er mai 2021", "1 May 2021"),
            ("8 ביוני 2020", "8 June 2020"),
            ("۱۵ ژوئن ۲۰۲۲", "15 June 2022"),
            ("marzo 2019", "March 2019"),
        ];
        for (text, want) in cases {
            assert_eq!(in_english(text).as_deref(), Some(want), "{text}");
        }
        assert_eq!(in_english("24 2016"), None);
        assert_eq!(in_english("the mayor said"), None);
    }
}
