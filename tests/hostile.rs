//! Hostile and broken input through the real binary: sidecars that are empty, binary,
//! truncated anywhere, nested 100,000 deep, huge, mistyped, of unknown tags or versions, with
//! duplicate ids or impossible offsets; documents that are binary, not UTF-8, empty or too
//! large. Every case: exit code 2, one message naming the file and saying what to do, no
//! panic, no hang (each run has a time limit), and every file byte for byte as it was.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const ARTICLE: &str = "Senator Amélie Dufrêne spoke on 3 May 2024 in Westmarch.\n\n\
She said unemployment fell to 3.7 percent. Critics at the Harbor Institute disagreed.\n";

/// No run may take longer (debug build, loaded machine).
const TIME_LIMIT: Duration = Duration::from_secs(60);

/// What a message may say to tell the user what to do.
const ADVICE: &[&str] = &[
    "fix it by hand",
    "move it aside",
    "Upgrade factmark",
    "save it as UTF-8",
    "Split it",
    "Open a document with text",
    "give three sidecar files",
];

/// Runs the binary in `dir`, killing it (and failing) if it exceeds the time limit.
fn factmark(dir: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_factmark"))
        .args(args)
        .current_dir(dir)
        .env("USER", "tester")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Drain the pipes on threads so a chatty child cannot block.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut out, &mut v).unwrap();
        v
    });
    let err = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut err, &mut v).unwrap();
        v
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            panic!("factmark {args:?} hung (over {TIME_LIMIT:?})");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Output {
        status,
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    }
}

fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = walk(dir)
        .into_iter()
        .map(|p| {
            let bytes = if p.is_file() {
                std::fs::read(&p).unwrap()
            } else {
                b"<dir>".to_vec()
            };
            (p, bytes)
        })
        .collect();
    files.sort();
    files
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        }
        out.push(p);
    }
    out
}

/// A valid sidecar for the article, made by the real binary.
fn valid_sidecar() -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("article.txt"), ARTICLE).unwrap();
    for (tag, text) in [("entity", "Westmarch"), ("date", "3 May 2024")] {
        let out = factmark(
            dir.path(),
            &["add", "article.txt", "--tag", tag, "--text", text],
        );
        assert!(out.status.success());
    }
    std::fs::read_to_string(dir.path().join("article.txt.ann.ron")).unwrap()
}

/// Runs `args` and checks: exit 2, no panic, a message naming `file` with advice, and no file
/// changed.
fn refused(dir: &Path, case: &str, file: &str, args: &[&str]) {
    let before = snapshot(dir);
    let out = factmark(dir, args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{case}: {args:?}\n{stderr}");
    assert!(
        !stderr.contains("panicked"),
        "{case}: {args:?} panicked\n{stderr}"
    );
    assert!(
        stderr.contains(file),
        "{case}: {args:?} must name {file}\n{stderr}"
    );
    assert!(
        ADVICE.iter().any(|a| stderr.contains(a)),
        "{case}: {args:?} must say what to do\n{stderr}"
    );
    assert!(
        stderr.len() < 4000,
        "{case}: {args:?}: a short message\n{}",
        &stderr[..4000]
    );
    assert!(snapshot(dir) == before, "{case}: {args:?} changed a file");
}

/// Every command that reads a sidecar, on a document whose sidecar is `bytes`.
fn check_sidecar(case: &str, bytes: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("article.txt"), ARTICLE).unwrap();
    std::fs::write(d.join("article.txt.ann.ron"), bytes).unwrap();
    std::fs::write(d.join("ours.ron"), valid_sidecar_cached()).unwrap();
    let name = "article.txt.ann.ron";
    for args in [
        &["list", "article.txt"][..],
        &["list", "."],
        &["check", "article.txt"],
        &["check", "--write", "article.txt"],
        &["stats", "article.txt.ann.ron"],
        &[
            "add",
            "article.txt",
            "--tag",
            "claim",
            "--text",
            "Westmarch",
        ],
        &["merge", "ours.ron", "ours.ron", name],
        &["merge", name, "ours.ron", "ours.ron", "-o", "out.ron"],
    ] {
        if bytes.is_empty() && args[1] == name {
            continue; // an empty BASE is git's "no common ancestor", not an error
        }
        refused(d, case, name, args);
    }
}

fn valid_sidecar_cached() -> &'static str {
    static VALID: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    VALID.get_or_init(valid_sidecar)
}

/// `text` with the value of the first `key: value,` replaced.
fn set_first(text: &str, key: &str, value: &str) -> String {
    let at = text.find(&format!("{key}: ")).unwrap() + key.len() + 2;
    let end = at + text[at..].find(',').unwrap();
    format!("{}{value}{}", &text[..at], &text[end..])
}

#[test]
fn broken_sidecars_are_refused_untouched() {
    let valid = valid_sidecar_cached();
    let nested = |open: &str, close: &str| {
        format!(
            "(format: \"factmark\", version: 2, document: (file: \"article.txt\", sha256: \"\", chars: 1), annotations: {}{})",
            open.repeat(100_000),
            close.repeat(100_000)
        )
    };
    let huge = "x".repeat(20 * 1024 * 1024);
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("blank", b"  \n\n".to_vec()),
        ("binary", (0..=255u8).cycle().take(5000).collect()),
        ("nul bytes", vec![0; 1000]),
        ("utf-16", {
            let mut v = vec![0xFF, 0xFE];
            v.extend(valid.encode_utf16().flat_map(u16::to_le_bytes));
            v
        }),
        ("nested brackets", nested("[", "]").into_bytes()),
        ("nested parentheses", nested("(", ")").into_bytes()),
        ("nested options", nested("Some(", ")").into_bytes()),
        ("nested maps", nested("{", "}").into_bytes()),
        ("only brackets", "[".repeat(100_000).into_bytes()),
        ("unterminated huge string", format!("(format: \"{huge}").into_bytes()),
        ("huge id", valid.replacen("id: \"", &format!("id: \"{huge}"), 1).into_bytes()),
        ("wrong type: version", valid.replace("version: 4,", "version: \"two\",").into_bytes()),
        ("wrong type: start", set_first(valid, "start", "\"x\"").into_bytes()),
        ("wrong type: annotations", "(format: \"factmark\", version: 2, document: (file: \"article.txt\", sha256: \"x\", chars: 5), annotations: 5)".as_bytes().to_vec()),
        ("negative offset", set_first(valid, "start", "-3").into_bytes()),
        ("unknown tag", valid.replacen("tag: Entity(", "tag: Opinion(", 1).into_bytes()),
        ("unknown field", valid.replacen("author: ", "mood: \"x\",\n            author: ", 1).into_bytes()),
        ("version 99", valid.replace("version: 4,", "version: 99,").into_bytes()),
        ("version 0", valid.replace("version: 4,", "version: 0,").into_bytes()),
        ("huge version", valid.replace("version: 4,", "version: 99999999999999999999999,").into_bytes()),
        ("other format", valid.replace("\"factmark\"", "\"brat\"").into_bytes()),
        ("invalid date", valid.replace("2024-05-03", "2024-02-30").into_bytes()),
        ("trailing garbage", format!("{valid}\n)))]] garbage").into_bytes()),
        ("bad utf-8 inside", {
            let mut v = valid.as_bytes().to_vec();
            let at = v.len() / 2;
            v.insert(at, 0xFF);
            v
        }),
        ("duplicate ids", {
            let first = valid.find("id: \"").unwrap() + 5;
            let second = valid.rfind("id: \"").unwrap() + 5;
            let id = &valid[first..first + 36];
            let mut s = valid.to_owned();
            s.replace_range(second..second + 36, id);
            s.into_bytes()
        }),
        ("reversed offsets", set_first(&set_first(valid, "start", "40"), "end", "2").into_bytes()),
        ("empty span", set_first(&set_first(valid, "start", "7"), "end", "7").into_bytes()),
        ("absurd offsets", set_first(valid, "end", "18446744073709551615").into_bytes()),
        ("offset overflow", set_first(valid, "end", "98446744073709551615").into_bytes()),
    ];
    for (case, bytes) in &cases {
        check_sidecar(case, bytes);
    }
}

#[test]
fn truncated_sidecars_are_refused_untouched() {
    let valid = valid_sidecar_cached().as_bytes();
    // Every 23rd byte and the last 10: inside strings, numbers, names and brackets.
    let cuts: Vec<usize> = (0..valid.len() - 2)
        .step_by(23)
        .chain(valid.len() - 12..valid.len() - 2)
        .collect();
    assert!(cuts.len() > 30);
    for cut in cuts {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("article.txt"), ARTICLE).unwrap();
        std::fs::write(d.join("article.txt.ann.ron"), &valid[..cut]).unwrap();
        let case = format!("truncated at {cut}");
        for args in [
            &["list", "article.txt"][..],
            &["add", "article.txt", "--tag", "claim", "--span", "0:7"],
        ] {
            refused(d, &case, "article.txt.ann.ron", args);
        }
    }
}

#[test]
fn too_large_sidecar_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("article.txt"), ARTICLE).unwrap();
    let f = std::fs::File::create(d.join("article.txt.ann.ron")).unwrap();
    f.set_len(65 * 1024 * 1024).unwrap(); // sparse
    let out = factmark(d, &["list", "article.txt"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr.contains("64 MiB") && stderr.contains("article.txt.ann.ron"),
        "{stderr}"
    );
}

/// Extreme but valid sidecars load: nothing is refused that a user may legitimately have.
#[test]
fn extreme_but_valid_sidecars_load() {
    let valid = valid_sidecar_cached();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("article.txt"), ARTICLE).unwrap();
    // A 20 MB note.
    let huge = valid.replacen(
        "author: ",
        &format!("note: \"{}\",\n            author: ", "n".repeat(20 << 20)),
        1,
    );
    assert!(huge.len() > 20 << 20);
    std::fs::write(d.join("article.txt.ann.ron"), &huge).unwrap();
    let out = factmark(d, &["stats", "article.txt"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Offsets past the end of a document that got shorter: re-anchored, not refused.
    let far = set_first(&set_first(valid, "start", "9000"), "end", "9009");
    std::fs::write(d.join("article.txt.ann.ron"), &far).unwrap();
    let before = snapshot(d);
    let out = factmark(d, &["list", "article.txt", "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = factmark(d, &["check", "article.txt"]);
    assert!(matches!(out.status.code(), Some(0 | 1)));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    assert!(snapshot(d) == before);
}

/// Every command that reads a document, on a document of `bytes` (with or without a valid
/// sidecar).
fn check_document(case: &str, bytes: &[u8], name: &str) {
    for with_sidecar in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join(name), bytes).unwrap();
        if with_sidecar {
            std::fs::write(d.join(format!("{name}.ann.ron")), valid_sidecar_cached()).unwrap();
        }
        for args in [
            &["list", name][..],
            &["check", "--write", name],
            &["add", name, "--tag", "claim", "--span", "0:1"],
            &["text", name],
        ] {
            refused(d, case, name, args);
        }
    }
}

#[test]
fn broken_documents_are_refused_untouched() {
    let mut invalid_utf8 = ARTICLE.as_bytes().to_vec();
    invalid_utf8.insert(30, 0xC3);
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("zero bytes", Vec::new()),
        ("only a BOM", b"\xEF\xBB\xBF".to_vec()),
        ("only white space", b" \r\n\t\n  \n".to_vec()),
        ("binary", (0..=255u8).rev().cycle().take(4096).collect()),
        ("nul bytes", vec![0; 100]),
        ("png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec()),
        ("utf-16", {
            let mut v = vec![0xFF, 0xFE];
            v.extend(ARTICLE.encode_utf16().flat_map(u16::to_le_bytes));
            v
        }),
        ("invalid utf-8", invalid_utf8),
    ];
    for (case, bytes) in &cases {
        check_document(case, bytes, "article.txt");
    }
    check_document("markdown nul", b"# T\0itle\n", "notes.md");
}

#[test]
fn too_large_document_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let f = std::fs::File::create(d.join("huge.txt")).unwrap();
    f.set_len(300 * 1024 * 1024).unwrap(); // sparse: no disk used, and never read
    let start = Instant::now();
    refused(d, "too large", "huge.txt", &["list", "huge.txt"]);
    refused(
        d,
        "too large",
        "huge.txt",
        &["add", "huge.txt", "--tag", "claim", "--span", "0:1"],
    );
    let out = factmark(d, &["list", "huge.txt"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("256 MiB"));
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "refused without reading"
    );
}
