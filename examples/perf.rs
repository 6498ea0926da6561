//! Headless performance check of the real window code: generates a large non-repeating document
//! with many annotations, opens it with `FactmarkApp`, drives frames through
//! `egui::Context::run_ui` (plus tessellation), and prints one JSON line.
//!
//! cargo run --release --example perf -- --mb 10 --annotations 20000
//! cargo run --release --example perf -- --mb 10 --baseline textedit   (a plain TextEdit)
//! cargo run --release --example perf -- --corpus 1000   (time to list a folder of documents)
//! cargo run --release --example perf -- --mb 10 --annotations 20000 --write DIR
//!     (keep the generated document and sidecar in DIR, to open in the real window)
//! cargo run --release --example perf -- --mb 10 --annotations 100000 --open-phases
//!     (where opening a document goes: reading, hashing, parsing, anchoring)

use std::time::Instant;

use egui::{Context, RawInput, Rect, pos2, vec2};
use factmark::core::annotation::{Annotation, AnnotationId, Tag, TagKind};
use factmark::core::text::Text;
use factmark::store::Sidecar;
use factmark::ui::{FactmarkApp, Settings};
use factmark::workspace::Intent;

const WORDS: &[&str] = &[
    "minister",
    "budget",
    "percent",
    "report",
    "council",
    "harbor",
    "unemployment",
    "rose",
    "fell",
    "said",
    "according",
    "figures",
    "study",
    "vaccine",
    "trial",
    "export",
    "growth",
    "million",
    "billion",
    "between",
    "spokesperson",
    "claimed",
    "confirmed",
    "denied",
    "revised",
    "the",
    "a",
    "of",
    "in",
    "and",
    "to",
    "that",
    "was",
    "for",
    "on",
    "with",
    "Dufrêne",
    "Núñez",
    "陈静",
    "café",
    "€",
    "naïve",
    "Zoë",
    "rapport",
    "année",
    "über",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Non-repeating text: random words, a running number in every sentence.
fn generate(mb: f64, rng: &mut Rng) -> String {
    let target = (mb * 1_000_000.0) as usize;
    let mut s = String::with_capacity(target + 1000);
    let mut sentence = 0u64;
    while s.len() < target {
        let sentences = 2 + rng.below(6);
        for _ in 0..sentences {
            sentence += 1;
            let words = 8 + rng.below(18);
            for w in 0..words {
                let word = WORDS[rng.below(WORDS.len())];
                if w == 0 {
                    let mut c = word.chars();
                    if let Some(f) = c.next() {
                        s.extend(f.to_uppercase());
                        s.push_str(c.as_str());
                    }
                } else {
                    s.push_str(word);
                }
                if w == words / 2 {
                    s.push_str(&format!(" {sentence}"));
                }
                s.push(if w + 1 == words { '.' } else { ' ' });
            }
            s.push(' ');
        }
        s.push_str("\n\n");
    }
    s
}

fn rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn input(size: egui::Vec2, t: f64) -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), size)),
        time: Some(t),
        ..Default::default()
    }
}

fn frame(ctx: &Context, raw: RawInput, run: &mut dyn FnMut(&mut egui::Ui)) -> f64 {
    let t = Instant::now();
    let out = ctx.run_ui(raw, |ui| run(ui));
    let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
    t.elapsed().as_secs_f64() * 1000.0
}

fn percentile(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[((v.len() as f64 - 1.0) * p).round() as usize]
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let mb: f64 = arg("--mb").map_or(Ok(10.0), |v| v.parse())?;
    let count: usize = arg("--annotations").map_or(Ok(20_000), |v| v.parse())?;
    let baseline = arg("--baseline");
    if let Some(n) = arg("--corpus") {
        let per_doc: usize = arg("--per-doc").map_or(Ok(20), |v| v.parse())?;
        return corpus(n.parse()?, per_doc);
    }

    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let raw_text = generate(mb, &mut rng);
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("big.txt");
    std::fs::write(&path, &raw_text)?;
    let size = vec2(1280.0, 800.0);
    let ctx = Context::default();

    if baseline.as_deref() == Some("textedit") {
        let mut text: &str = &raw_text;
        let mut run = |ui: &mut egui::Ui| {
            egui::CentralPanel::default().show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    ui.add(egui::TextEdit::multiline(&mut text).desired_width(f32::INFINITY));
                });
            });
        };
        let first = frame(&ctx, input(size, 0.0), &mut run);
        let mut frames: Vec<f64> = (1..30)
            .map(|i| frame(&ctx, input(size, f64::from(i) / 60.0), &mut run))
            .collect();
        let resize = frame(&ctx, input(vec2(1100.0, 800.0), 1.0), &mut run);
        println!(
            "{{\"baseline\":\"textedit\",\"mb\":{mb},\"first_frame_ms\":{first:.1},\"frame_ms_p50\":{:.2},\"frame_ms_p95\":{:.2},\"resize_frame_ms\":{resize:.1},\"rss_mb\":{:.0}}}",
            percentile(&mut frames, 0.5),
            percentile(&mut frames, 0.95),
            rss_mb()
        );
        return Ok(());
    }

    // Annotations on word boundaries, random tags, some nested.
    let text = Text::from_str_normalized(&raw_text);
    let n = text.char_count();
    let now = chrono::Utc::now();
    let mut annotations = Vec::with_capacity(count);
    for _ in 0..count {
        let start = rng.below(n.saturating_sub(200).max(1));
        let len = 3 + rng.below(60);
        let tag = Tag::new(TagKind::ALL[rng.below(4)]);
        if let Ok(mut a) = Annotation::new(&text, start, (start + len).min(n), tag, "perf", now) {
            a.id = AnnotationId::random();
            annotations.push(a);
        }
    }
    let sidecar = Sidecar::new("big.txt", &text, annotations);
    std::fs::write(dir.path().join("big.txt.ann.ron"), sidecar.encode()?)?;
    drop(text);

    if args.iter().any(|a| a == "--open-phases") {
        return open_phases(&path);
    }
    if let Some(keep) = arg("--write") {
        // Keep the generated document and sidecar (to open them in the real window).
        let keep = std::path::PathBuf::from(keep);
        std::fs::create_dir_all(&keep)?;
        std::fs::copy(&path, keep.join("big.txt"))?;
        std::fs::copy(
            dir.path().join("big.txt.ann.ron"),
            keep.join("big.txt.ann.ron"),
        )?;
        println!("wrote {}", keep.join("big.txt").display());
        return Ok(());
    }
    let t = Instant::now();
    let mut app = FactmarkApp::new(
        Settings {
            author: "perf".into(),
            ..Settings::default()
        },
        Some(path.clone()),
    );
    let open_ms = t.elapsed().as_secs_f64() * 1000.0;
    anyhow::ensure!(
        app.doc().is_some(),
        "the document did not open: {:?}",
        app.notices()
    );

    let mut run = |ui: &mut egui::Ui| app.ui_body(ui);
    let first_frame_ms = frame(&ctx, input(size, 0.0), &mut run);
    let mut steady: Vec<f64> = (1..120)
        .map(|i| frame(&ctx, input(size, f64::from(i) / 60.0), &mut run))
        .collect();
    let resize_frame_ms = frame(&ctx, input(vec2(1100.0, 760.0), 2.1), &mut run);
    // Jump to annotations spread over the document: each must be on screen in one frame.
    let mut jump: Vec<f64> = Vec::new();
    for k in 0..20 {
        let (id, start) = {
            let doc = app.doc().ok_or_else(|| anyhow::anyhow!("closed"))?;
            let all = doc.session.annotations.as_slice();
            let a = &all[k * all.len() / 20];
            (a.id, a.start)
        };
        app.apply(factmark::ui::Action::Do(Intent::SelectAnnotation {
            id: Some(id),
            reveal: true,
        }));
        let mut run = |ui: &mut egui::Ui| app.ui_body(ui);
        jump.push(frame(
            &ctx,
            input(vec2(1100.0, 760.0), 3.0 + f64::from(k as u32)),
            &mut run,
        ));
        let doc = app.doc().ok_or_else(|| anyhow::anyhow!("closed"))?;
        let p = doc.session.text.paragraph_at(start);
        let view = app.view().ok_or_else(|| anyhow::anyhow!("no view"))?;
        anyhow::ensure!(
            view.visible_paragraphs().contains(&p),
            "annotation {k} was not on screen after one frame"
        );
    }
    println!(
        "{{\"mb\":{mb},\"annotations\":{count},\"open_ms\":{open_ms:.1},\"first_frame_ms\":{first_frame_ms:.1},\"frame_ms_p50\":{:.2},\"frame_ms_p95\":{:.2},\"resize_frame_ms\":{resize_frame_ms:.1},\"jump_frame_ms_p95\":{:.1},\"rss_mb\":{:.0}}}",
        percentile(&mut steady, 0.5),
        percentile(&mut steady, 0.95),
        percentile(&mut jump, 0.95),
        rss_mb()
    );
    Ok(())
}

/// Lists a folder of `n` documents (~5 KB, 20 annotations each) in the corpus view and reports
/// how long until every document is listed, with frames running meanwhile.
fn corpus(n: usize, per_doc: usize) -> anyhow::Result<()> {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let dir = tempfile::tempdir()?;
    let now = chrono::Utc::now();
    for i in 0..n {
        let raw = generate(0.005, &mut rng);
        let path = dir.path().join(format!("doc-{i:04}.txt"));
        std::fs::write(&path, &raw)?;
        let text = Text::from_str_normalized(&raw);
        let len = text.char_count();
        let annotations: Vec<Annotation> = (0..per_doc)
            .filter_map(|_| {
                let s = rng.below(len.saturating_sub(80).max(1));
                Annotation::new(
                    &text,
                    s,
                    s + 5 + rng.below(40),
                    Tag::new(TagKind::ALL[rng.below(4)]),
                    "perf",
                    now,
                )
                .ok()
            })
            .collect();
        let sidecar = Sidecar::new(&format!("doc-{i:04}.txt"), &text, annotations);
        std::fs::write(
            dir.path().join(format!("doc-{i:04}.txt.ann.ron")),
            sidecar.encode()?,
        )?;
    }
    let ctx = Context::default();
    let size = vec2(1280.0, 800.0);
    let t = Instant::now();
    let mut app = FactmarkApp::new(Settings::default(), Some(dir.path().to_owned()));
    let mut frames = Vec::new();
    let mut k = 0u32;
    loop {
        let mut run = |ui: &mut egui::Ui| app.ui_body(ui);
        frames.push(frame(&ctx, input(size, f64::from(k) / 60.0), &mut run));
        k += 1;
        let done = app
            .ws
            .folder
            .as_ref()
            .is_some_and(|c| c.progress().is_none());
        if done || t.elapsed().as_secs() > 60 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let listed_ms = t.elapsed().as_secs_f64() * 1000.0;
    let listed = app.ws.folder.as_ref().map_or(0, |c| c.loaded().count());
    // The span review table over every span of the corpus, scrolled with the wheel.
    app.mode = factmark::ui::Mode::Spans;
    let mut review_frames = Vec::new();
    for i in 0..120u32 {
        let mut raw = input(size, 100.0 + f64::from(i) / 60.0);
        raw.events
            .push(egui::Event::PointerMoved(egui::pos2(640.0, 400.0)));
        raw.events.push(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: vec2(0.0, -400.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::NONE,
        });
        let mut run = |ui: &mut egui::Ui| app.ui_body(ui);
        review_frames.push(frame(&ctx, raw, &mut run));
    }
    let spans = app.folder_views.spans.rows().len();
    println!(
        "{{\"corpus\":{n},\"listed\":{listed},\"listed_ms\":{listed_ms:.0},\"frames\":{},\"frame_ms_p95\":{:.2},\"frame_ms_max\":{:.2},\"review_spans\":{spans},\"review_first_frame_ms\":{:.1},\"review_scroll_frame_ms_p95\":{:.2}}}",
        frames.len(),
        percentile(&mut frames.clone(), 0.95),
        frames.iter().copied().fold(0.0, f64::max),
        review_frames[0],
        percentile(&mut review_frames[1..].to_vec(), 0.95)
    );
    Ok(())
}

/// Times each phase of opening `path` and its sidecar (the second of two runs, files cached),
/// and prints one JSON line.
fn open_phases(path: &std::path::Path) -> anyhow::Result<()> {
    use factmark::store::document::load_document;
    use factmark::store::read::{decode_sidecar, read_sidecar_bytes};
    use factmark::store::sidecar_path;
    let sidecar = sidecar_path(path);
    let mut phases = Vec::new();
    for _ in 0..2 {
        phases.clear();
        let mut lap = Instant::now();
        let mut mark = |name: &'static str, phases: &mut Vec<(&'static str, f64)>| {
            phases.push((name, lap.elapsed().as_secs_f64() * 1000.0));
            lap = Instant::now();
        };
        let doc = load_document(path)?;
        mark("document_read_normalize_hash", &mut phases);
        let bytes = read_sidecar_bytes(&sidecar)?.unwrap_or_default();
        mark("sidecar_read", &mut phases);
        let fp = factmark::store::read::fingerprint(&bytes);
        mark("sidecar_fingerprint", &mut phases);
        let decoded = decode_sidecar(&sidecar, &bytes)?;
        mark("sidecar_decode", &mut phases);
        let set = factmark::core::model::AnnotationSet::from_vec(decoded.annotations);
        mark("annotation_set", &mut phases);
        let anchored = factmark::core::anchor::anchor_all(&doc.text, set.as_slice());
        mark("anchor", &mut phases);
        let t = Instant::now();
        let session = factmark::store::Session::open(path)?;
        phases.push(("session_open_total", t.elapsed().as_secs_f64() * 1000.0));
        let t = Instant::now();
        let opened = FactmarkApp::new(
            Settings {
                author: "perf".into(),
                ..Settings::default()
            },
            Some(path.to_owned()),
        );
        phases.push(("window_open_total", t.elapsed().as_secs_f64() * 1000.0));
        anyhow::ensure!(
            opened.doc().is_some() && anchored.len() == session.annotations.len() && !fp.is_empty()
        );
        phases.push(("sidecar_bytes", bytes.len() as f64));
    }
    let fields: Vec<String> = phases
        .iter()
        .map(|(k, v)| format!("\"{k}\":{v:.1}"))
        .collect();
    println!("{{{}}}", fields.join(","));
    Ok(())
}
