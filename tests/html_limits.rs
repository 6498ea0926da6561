//! Hostile web pages through the real binary: pages nested tens of thousands deep are read,
//! flattened, in seconds; pages that would build millions of elements, carry a tag with a
//! hundred thousand attributes or are too large are refused with one message naming the file,
//! the limit and what to do; and a folder holding them all is listed without waiting on any.
//! Each page was annotated while it was harmless and then saved over, as a page saved again
//! from a browser would be. The old parser took minutes on several of these.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// No run may take longer (debug build, loaded machine); the old parser took far longer.
const TIME_LIMIT: Duration = Duration::from_secs(60);

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

/// `w0 w1 …`, one word per level.
fn words(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("w{i}")).collect()
}

/// The hostile pages, by file name.
fn pages() -> Vec<(&'static str, Vec<u8>)> {
    let deep: String = words(64_000).iter().map(|w| format!("<div>{w} ")).collect();
    let quotes: String = words(32_000)
        .iter()
        .map(|w| format!("<blockquote><ul><li>{w} "))
        .collect();
    let articles: String = (0..20_000)
        .map(|i| format!("<article><p>Story {i} has a paragraph of its own."))
        .collect();
    let bold: String = (0..20_000).map(|i| format!("<p><b id={i}>x</p>")).collect();
    let attributes: String = (0..100_000).map(|i| format!(" a{i}")).collect();
    vec![
        (
            "deep.html",
            format!("{deep}{}", "</div>".repeat(64_000)).into_bytes(),
        ),
        ("quotes.html", quotes.into_bytes()),
        ("articles.html", articles.into_bytes()),
        ("bold.html", bold.into_bytes()),
        (
            "attributes.html",
            format!("<p>Some text.</p>\n<div{attributes}>x</div>").into_bytes(),
        ),
        ("large.html", {
            let mut page = b"<p>".to_vec();
            page.resize(40 * 1024 * 1024, b'x');
            page
        }),
    ]
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn hostile_pages_are_read_flattened_or_refused_without_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let pages = pages();
    for (name, _) in &pages {
        std::fs::write(d.join(name), "<p>A harmless page, annotated.</p>").unwrap();
        let out = factmark(d, &["add", name, "--tag", "claim", "--span", "0:1"]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    std::fs::write(d.join("fine.html"), "<p>A page that stays fine.</p>").unwrap();
    let out = factmark(d, &["add", "fine.html", "--tag", "claim", "--span", "2:6"]);
    assert!(out.status.success(), "{}", stderr(&out));
    for (name, bytes) in &pages {
        std::fs::write(d.join(name), bytes).unwrap();
    }

    // Nested past the limit: flattened, every word kept in order.
    let out = factmark(d, &["text", "deep.html"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text.split_whitespace().collect::<Vec<_>>(),
        words(64_000),
        "deep.html"
    );
    let out = factmark(d, &["text", "quotes.html"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.split_whitespace().count(), 32_000);
    let out = factmark(d, &["text", "articles.html"]);
    assert!(out.status.success(), "{}", stderr(&out));

    // Beyond a limit: refused, naming the file, the limit and what to do.
    for (name, limit) in [
        ("bold.html", "more than 1,000,000 elements"),
        ("attributes.html", "line 2 has more than 256 attributes"),
        ("large.html", "more than the 32 MiB"),
    ] {
        let out = factmark(d, &["text", name]);
        assert_eq!(out.status.code(), Some(2), "{name}");
        let message = stderr(&out);
        assert!(message.contains(name), "{message}");
        assert!(message.contains(limit), "{message}");
        assert!(message.contains(".txt file"), "{message}");
        assert_eq!(message.lines().count(), 1, "{message}");
    }

    // The folder: every readable page listed, every other one named once.
    let out = factmark(d, &["list", "."]);
    let listed = String::from_utf8_lossy(&out.stdout);
    for name in ["fine.html", "deep.html", "quotes.html", "articles.html"] {
        assert!(listed.contains(name), "{name} missing:\n{listed}");
    }
    let message = stderr(&out);
    for name in ["bold.html", "attributes.html", "large.html"] {
        assert_eq!(message.matches(name).count(), 1, "{message}");
    }
}
