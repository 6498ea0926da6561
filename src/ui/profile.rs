//! Timing the real window: with `FACTMARK_PROFILE=1` in the environment, factmark prints to
//! stderr when each start-up step ended (counted from the process start) and how long its own
//! code took in each of the first frames and in any later frame slower than 16 ms;
//! `FACTMARK_PROFILE=all` prints every frame. The gap between one frame's end and the next
//! one's start is the toolkit's work: tessellating and painting.
//!
//! ```sh
//! FACTMARK_PROFILE=1 factmark article.txt
//! ```

use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// When the process started (as near as `main` can tell), and whether to print.
static START: OnceLock<(Instant, bool)> = OnceLock::new();
/// Whether every frame is printed (`FACTMARK_PROFILE=all`).
static EVERY_FRAME: OnceLock<bool> = OnceLock::new();

/// How many first frames are always reported.
const FIRST_FRAMES: u64 = 5;
/// A later frame is reported when factmark's code took longer than this.
const SLOW_FRAME: Duration = Duration::from_millis(16);

/// Marks the process start; call first thing in `main`.
pub fn mark_start() {
    START.get_or_init(|| {
        let value = std::env::var_os("FACTMARK_PROFILE");
        let on = value.as_ref().is_some_and(|v| !v.is_empty() && v != "0");
        EVERY_FRAME.get_or_init(|| value.is_some_and(|v| v == "all"));
        (Instant::now(), on)
    });
}

/// Prints that a start-up step ended, with the time since the process started.
pub fn step(what: &str) {
    if let Some(&(start, true)) = START.get() {
        eprintln!(
            "factmark profile: {:>8.1} ms since start: {what}",
            ms(start.elapsed())
        );
    }
}

/// Counts frames and reports the first ones and slow ones.
#[derive(Debug, Default)]
pub struct FrameTimer {
    frames: u64,
}

impl FrameTimer {
    /// Runs one frame's work and reports it: when it began (so the gap from one frame's end
    /// to the next one's start is the toolkit's painting), how long factmark's code took, and
    /// why this frame was painted (the places that asked for it).
    pub fn frame<R>(&mut self, ctx: &egui::Context, work: impl FnOnce() -> R) -> R {
        let Some(&(start, true)) = START.get() else {
            return work();
        };
        let began = start.elapsed();
        let t = Instant::now();
        let result = work();
        let took = t.elapsed();
        self.frames += 1;
        let every = EVERY_FRAME.get().copied().unwrap_or(false);
        if every || self.frames <= FIRST_FRAMES || took > SLOW_FRAME {
            let causes: Vec<String> = ctx
                .repaint_causes()
                .iter()
                .map(ToString::to_string)
                .collect();
            eprintln!(
                "factmark profile: {:>8.1} ms since start: frame {} began; factmark's code took {:.2} ms; asked for by: {}",
                ms(began),
                self.frames,
                ms(took),
                if causes.is_empty() {
                    "input or the first frame".to_owned()
                } else {
                    causes.join(", ")
                }
            );
        }
        result
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
