//! Draws a PDF's pages in a background thread for the page view, the pages asked for last
//! first; the window never waits for it, and the thread ends when the view is dropped.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Condvar, Mutex};

use crate::store::pdf_pictures::{PagePicture, PdfPictures};

/// A page drawn, or why it could not be (page 0: the whole file).
pub type Drawn = Result<PagePicture, (u32, String)>;

/// What the view wants drawn next.
#[derive(Default)]
struct Wanted {
    /// Pages and scales, the most wanted first.
    pages: Vec<(u32, f32)>,
    /// The view is gone.
    closed: bool,
}

/// The thread drawing one PDF's pages.
pub struct PictureWorker {
    wanted: Arc<(Mutex<Wanted>, Condvar)>,
    drawn: Receiver<Drawn>,
}

impl PictureWorker {
    /// Starts drawing the pages of the PDF at `path` as they are asked for; `ctx` is woken
    /// when one is ready.
    pub fn start(path: PathBuf, ctx: egui::Context) -> Self {
        let wanted = Arc::new((Mutex::new(Wanted::default()), Condvar::new()));
        let (send, drawn) = channel();
        let shared = Arc::clone(&wanted);
        let spawned = std::thread::Builder::new()
            .name("page-pictures".into())
            .spawn(move || work(&path, &shared, &send, &ctx));
        if let Err(e) = spawned {
            // No thread: the view says so on every page.
            let (send, failed) = channel();
            let _ = send.send(Err((0, format!("pages cannot be drawn: {e}"))));
            return Self {
                wanted,
                drawn: failed,
            };
        }
        Self { wanted, drawn }
    }

    /// Asks for these pages (page number and pixels per point), the most wanted first, in
    /// place of what was asked before and not drawn yet.
    pub fn want(&self, pages: Vec<(u32, f32)>) {
        let (lock, wake) = &*self.wanted;
        if let Ok(mut w) = lock.lock() {
            w.pages = pages;
            wake.notify_one();
        }
    }

    /// The pages drawn since last asked.
    pub fn take(&self) -> Vec<Drawn> {
        self.drawn.try_iter().collect()
    }
}

impl Drop for PictureWorker {
    fn drop(&mut self) {
        let (lock, wake) = &*self.wanted;
        if let Ok(mut w) = lock.lock() {
            w.closed = true;
            wake.notify_one();
        }
    }
}

fn work(
    path: &std::path::Path,
    wanted: &(Mutex<Wanted>, Condvar),
    send: &Sender<Drawn>,
    ctx: &egui::Context,
) {
    let pictures = match PdfPictures::open(path) {
        Ok(p) => p,
        Err(e) => {
            let _ = send.send(Err((0, e.to_string())));
            ctx.request_repaint();
            return;
        }
    };
    let (lock, wake) = wanted;
    loop {
        let next = {
            let Ok(mut w) = lock.lock() else { return };
            while w.pages.is_empty() && !w.closed {
                w = match wake.wait(w) {
                    Ok(w) => w,
                    Err(_) => return,
                };
            }
            if w.closed {
                return;
            }
            w.pages.remove(0)
        };
        let (number, scale) = next;
        let drawn = pictures
            .draw(number, scale)
            .map_err(|e| (number, e.to_string()));
        if send.send(drawn).is_err() {
            return;
        }
        ctx.request_repaint();
    }
}
