//! Crash safety, proven by force: the real binary is killed (SIGKILL on Unix) at random instants
//! while it saves a sidecar of thousands of annotations, hundreds of times. After every kill the
//! sidecar parses and is byte for byte the old or the new one, and at most one temporary file
//! (the killed save's own) is left; the next save removes it.
//!
//! `FACTMARK_KILL_RUNS` sets the number of kills per test (default 120); `FACTMARK_KILL_SEED`
//! replays a run.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::{TimeZone as _, Utc};
use factmark::core::annotation::{Annotation, Tag, TagKind};
use factmark::core::text::Text;
use factmark::store::Sidecar;

/// How many matches the documents have (and so annotations the saves write).
const MATCHES: usize = 3000;

fn runs() -> usize {
    std::env::var("FACTMARK_KILL_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(120)
}

/// A small deterministic generator (xorshift64*), seeded from the clock or the environment.
struct Rng(u64);

impl Rng {
    fn new(name: &str) -> Self {
        let seed = std::env::var("FACTMARK_KILL_SEED")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_nanos() as u64
            })
            | 1;
        eprintln!("{name}: FACTMARK_KILL_SEED={seed}");
        Self(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A uniform float in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn article() -> String {
    (0..MATCHES)
        .map(|i| {
            format!(
                "Paragraph {i}: the council of Westmarch met on day {} and voted {} to {}.\n",
                i % 28 + 1,
                i % 7,
                i % 5
            )
        })
        .collect()
}

fn factmark(dir: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_factmark"));
    c.args(args)
        .current_dir(dir)
        .env("USER", "tester")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

fn temporaries(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with('.') && name.ends_with(".tmp")
        })
        .collect()
}

/// Sidecars with annotations of every `step`-th match of "Westmarch", with this note.
fn sidecar(text: &Text, step: usize, offset: usize, note: &str) -> Sidecar {
    let now = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    let hits: Vec<usize> = text
        .as_str()
        .match_indices("Westmarch")
        .map(|(b, _)| text.char_of_byte(b))
        .collect();
    let annotations = hits
        .iter()
        .skip(offset)
        .step_by(step)
        .map(|&s| {
            let mut a =
                Annotation::new(text, s, s + 9, Tag::new(TagKind::Entity), "ana", now).unwrap();
            a.note = note.to_owned();
            a
        })
        .collect();
    Sidecar::new("article.txt", text, annotations)
}

/// Runs `cmd` to completion and returns how long it took.
fn timed(mut cmd: Command) -> Duration {
    let t = Instant::now();
    let status = cmd.status().unwrap();
    assert!(status.code().is_some_and(|c| c <= 1), "{status:?}");
    t.elapsed()
}

/// Starts `cmd` in `dir` and kills it at a random instant: a third of the runs at a uniform
/// time over up to twice a whole run (`full`, measured before; a busy machine runs slower
/// later, and some runs must end whole), a third near its end, and a third while it writes,
/// right after its temporary file appears (plus up to 3 ms).
fn kill_at_random(mut cmd: Command, dir: &Path, full: Duration, rng: &mut Rng) {
    let before = temporaries(dir);
    let mut child = cmd.spawn().unwrap();
    match rng.next() % 3 {
        0 => std::thread::sleep(full.mul_f64(rng.unit() * 2.0)),
        1 => std::thread::sleep(full.mul_f64(0.6 + rng.unit() * 0.6)),
        _ => {
            let start = Instant::now();
            while temporaries(dir).iter().all(|t| before.contains(t))
                && child.try_wait().unwrap().is_none()
                && start.elapsed() < full * 4
            {
                std::thread::sleep(Duration::from_micros(100));
            }
            std::thread::sleep(Duration::from_micros(rng.next() % 3000));
        }
    }
    let _ = child.kill(); // SIGKILL on Unix; an error means it had already exited
    child.wait().unwrap();
}

/// The median time of three complete runs.
fn full_run(cmd: impl Fn() -> Command) -> Duration {
    let mut t: Vec<Duration> = (0..3).map(|_| timed(cmd())).collect();
    t.sort();
    t[1]
}

#[test]
fn killed_merges_leave_the_old_or_the_new_sidecar() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let text = Text::from_str_normalized(&article());
    let base = sidecar(&text, 2, 0, "");
    let mut ours = base.clone();
    ours.annotations
        .extend(sidecar(&text, 4, 1, "ours").annotations);
    let mut theirs = base.clone();
    theirs
        .annotations
        .extend(sidecar(&text, 4, 3, "theirs").annotations);
    for a in theirs.annotations.iter_mut().step_by(3) {
        a.note = "changed by theirs".into();
    }
    let write =
        |name: &str, s: &Sidecar| std::fs::write(d.join(name), s.encode().unwrap()).unwrap();
    write("base.ann.ron", &base);
    write("theirs.ann.ron", &theirs);
    let old = ours.encode().unwrap().into_bytes();
    assert!(ours.annotations.len() > 2000);
    std::fs::write(d.join("ours.ann.ron"), &old).unwrap();
    let merge = || {
        factmark(
            d,
            &["merge", "base.ann.ron", "ours.ann.ron", "theirs.ann.ron"],
        )
    };
    let full = full_run(merge);
    let new = std::fs::read(d.join("ours.ann.ron")).unwrap();
    assert_ne!(new, old);
    let parsed = Sidecar::decode(
        Path::new("ours.ann.ron"),
        std::str::from_utf8(&new).unwrap(),
    )
    .unwrap();
    assert!(parsed.annotations.len() > ours.annotations.len());

    let mut rng = Rng::new("merge");
    let (mut saw_old, mut saw_new, mut mid_save) = (0, 0, 0);
    let mut before: Vec<PathBuf> = Vec::new();
    for run in 0..runs() {
        std::fs::write(d.join("ours.ann.ron"), &old).unwrap();
        kill_at_random(merge(), d, full, &mut rng);
        let now = std::fs::read(d.join("ours.ann.ron")).unwrap();
        if now == old {
            saw_old += 1;
        } else if now == new {
            saw_new += 1;
        } else {
            panic!("run {run}: the sidecar is neither the old nor the new one");
        }
        let left = temporaries(d);
        assert!(
            left.len() <= 1,
            "run {run}: temporary files pile up: {left:?}"
        );
        mid_save += left.iter().filter(|t| !before.contains(t)).count();
        before = left;
    }
    eprintln!("old {saw_old}, new {saw_new}, killed while writing {mid_save}");
    assert!(saw_old > 0 && saw_new > 0, "old {saw_old}, new {saw_new}");
    std::fs::write(d.join("ours.ann.ron"), &old).unwrap();
    timed(merge());
    assert!(temporaries(d).is_empty(), "the next save cleans up");
}

#[test]
fn killed_adds_leave_the_old_or_the_complete_new_sidecar() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let text = article();
    std::fs::write(d.join("article.txt"), &text).unwrap();
    let existing = sidecar(&Text::from_str_normalized(&text), 10, 0, "existing");
    let old = existing.encode().unwrap().into_bytes();
    let sidecar_path = d.join("article.txt.ann.ron");
    std::fs::write(&sidecar_path, &old).unwrap();
    let add = || {
        factmark(
            d,
            &[
                "add",
                "article.txt",
                "--tag",
                "claim",
                "--text",
                "the council",
                "--all",
            ],
        )
    };
    let full = full_run(|| {
        std::fs::write(&sidecar_path, &old).unwrap();
        add()
    });
    let check_new = |bytes: &[u8]| {
        let s = std::str::from_utf8(bytes).unwrap();
        let parsed = Sidecar::decode(&sidecar_path, s).unwrap();
        assert_eq!(
            parsed.annotations.len(),
            existing.annotations.len() + MATCHES
        );
        for a in &existing.annotations {
            assert!(parsed.annotations.contains(a), "an old annotation was lost");
        }
        assert_eq!(parsed.encode().unwrap(), s, "complete and canonical");
    };
    check_new(&std::fs::read(&sidecar_path).unwrap());

    let mut rng = Rng::new("add");
    let (mut saw_old, mut saw_new, mut mid_save) = (0, 0, 0);
    let mut before: Vec<PathBuf> = Vec::new();
    for run in 0..runs() {
        std::fs::write(&sidecar_path, &old).unwrap();
        kill_at_random(add(), d, full, &mut rng);
        let now = std::fs::read(&sidecar_path).unwrap();
        if now == old {
            saw_old += 1;
        } else {
            check_new(&now);
            saw_new += 1;
        }
        let left = temporaries(d);
        assert!(
            left.len() <= 1,
            "run {run}: temporary files pile up: {left:?}"
        );
        mid_save += left.iter().filter(|t| !before.contains(t)).count();
        before = left;
    }
    eprintln!("old {saw_old}, new {saw_new}, killed while writing {mid_save}");
    assert!(saw_old > 0 && saw_new > 0, "old {saw_old}, new {saw_new}");
}
