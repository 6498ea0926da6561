//! Watching the open document's file from a background thread, so the window does not have to
//! wake up (and repaint) every second to look: the thread looks at the file's size and time
//! every [`DISK_CHECK_EVERY`] and wakes the window only when they changed.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{RecvTimeoutError, Sender, channel};

pub use crate::store::target::{Stamp, stamp};
use crate::workspace::DISK_CHECK_EVERY;

/// A thread watching one file; it stops when this is dropped.
pub struct DiskWatch {
    path: PathBuf,
    changed: Arc<AtomicBool>,
    /// Dropping it ends the thread (its `recv_timeout` sees the channel closed).
    _stop: Sender<()>,
}

impl DiskWatch {
    /// Starts watching `path`, last seen as `seen`, waking `ctx` when its stamp changes.
    pub fn new(path: &Path, seen: Stamp, ctx: &egui::Context) -> Self {
        let (stop, stopped) = channel::<()>();
        let changed = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&changed);
        let watched = path.to_owned();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("factmark-disk-watch".into())
            .spawn(move || {
                let mut last = seen;
                while let Err(RecvTimeoutError::Timeout) = stopped.recv_timeout(DISK_CHECK_EVERY) {
                    let now = stamp(&watched);
                    if now != last {
                        last = now;
                        flag.store(true, Ordering::Release);
                        ctx.request_repaint();
                    }
                }
            });
        if spawned.is_err() {
            // No thread: the window then looks on every frame it draws anyway.
            changed.store(true, Ordering::Release);
        }
        Self {
            path: path.to_owned(),
            changed,
            _stop: stop,
        }
    }

    /// The file watched.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the file changed since the last call.
    pub fn take_changed(&self) -> bool {
        self.changed.swap(false, Ordering::AcqRel)
    }
}

#[cfg(test)]
#[path = "disk_watch_tests.rs"]
mod tests;
