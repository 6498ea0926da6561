//! Fuzz target: any file into the brat, W3C and doccano importers (the first byte picks the
//! format, the next the document). Never panics; what is imported sits on its text.
#![no_main]

use chrono::TimeZone as _;
use libfuzzer_sys::fuzz_target;

use factmark::core::text::Text;
use factmark::formats::{ImportFormat, ImportOptions, ImportTarget};

const TEXTS: &[&str] = &[
    "Senator Amélie Dufrêne spoke on 3 May 2024 in Westmarch.\n\n“Unemployment fell,” she said. 😀\n",
    "a\r\nb\r\n",
    "x",
];

fuzz_target!(|bytes: &[u8]| {
    let [f, t, rest @ ..] = bytes else {
        return;
    };
    let format = ImportFormat::ALL[*f as usize % ImportFormat::ALL.len()];
    let raw = TEXTS[*t as usize % TEXTS.len()];
    let text = Text::from_str_normalized(raw);
    let input = String::from_utf8_lossy(rest);
    let target = ImportTarget {
        text: &text,
        file: Some(raw),
        file_name: "sample.txt",
        existing: &[],
    };
    let options = ImportOptions {
        author: "fuzz".into(),
        now: chrono::Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
    };
    if let Ok(report) = factmark::formats::import::import(format, &input, &target, &options) {
        for a in &report.added {
            assert!(a.start < a.end && a.end <= text.char_count());
            assert_eq!(text.slice(a.start..a.end), a.exact);
        }
    }
});
