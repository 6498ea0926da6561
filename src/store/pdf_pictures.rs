//! Pictures of a PDF's pages for the page view: each page drawn by `hayro` (pure Rust) on
//! white at a given scale, in the coordinates the extracted text's rectangles use (points from
//! the page's top-left corner, rotation applied). A page of absurd size is drawn smaller rather
//! than taking the memory, and a panic inside the renderer is a refusal, not a crash.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use hayro::hayro_interpret::InterpreterSettings;
use hayro::hayro_syntax::Pdf;
use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::{PixmapSettings, RenderCache, RenderSettings};

/// The most pixels one page's picture may have (about 48 MB of memory).
pub const MAX_PIXELS: f32 = 12_000_000.0;
/// The most pixels along either side.
pub const MAX_SIDE: f32 = 8_000.0;

/// Why a page could not be drawn.
#[derive(Debug, thiserror::Error)]
pub enum PictureError {
    /// The file could not be read.
    #[error(transparent)]
    Read(#[from] crate::store::StoreError),
    /// The file is not a PDF the renderer can open (encrypted, damaged).
    #[error("the PDF cannot be opened for drawing its pages")]
    Open,
    /// No such page.
    #[error("the PDF has no page {0}")]
    NoPage(u32),
    /// The renderer failed on the page.
    #[error("page {0} could not be drawn (the renderer stopped on something in it)")]
    Failed(u32),
}

/// One page drawn: premultiplied RGBA pixels, row by row.
#[derive(Debug, Clone)]
pub struct PagePicture {
    /// The page's number (1-based).
    pub number: u32,
    /// Pixels across.
    pub width: usize,
    /// Pixels down.
    pub height: usize,
    /// Pixels per point it was drawn at.
    pub scale: f32,
    /// `width * height * 4` bytes.
    pub rgba: Vec<u8>,
}

/// An open PDF whose pages can be drawn.
pub struct PdfPictures {
    pdf: Pdf,
}

impl PdfPictures {
    /// Reads the PDF at `path`.
    pub fn open(path: &Path) -> Result<Self, PictureError> {
        let limit = crate::store::extract::limits::MAX_PDF_BYTES as u64;
        let bytes = crate::store::read::read_limited(path, limit, "document")?;
        Self::from_bytes(bytes)
    }

    /// The PDF in `bytes`.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Self, PictureError> {
        let pdf = catch_unwind(AssertUnwindSafe(|| Pdf::new(bytes)))
            .map_err(|_| PictureError::Open)?
            .map_err(|_| PictureError::Open)?;
        Ok(Self { pdf })
    }

    /// How many pages it has.
    pub fn page_count(&self) -> usize {
        self.pdf.pages().len()
    }

    /// Draws page `number` (1-based) at `scale` pixels per point, or smaller if that would be
    /// more than [`MAX_PIXELS`] or [`MAX_SIDE`].
    pub fn draw(&self, number: u32, scale: f32) -> Result<PagePicture, PictureError> {
        let pages = self.pdf.pages();
        let page = number
            .checked_sub(1)
            .and_then(|i| pages.get(i as usize))
            .ok_or(PictureError::NoPage(number))?;
        let (w, h) = page.render_dimensions();
        let scale = fitting_scale(w, h, scale);
        let drawn = catch_unwind(AssertUnwindSafe(|| {
            let cache = RenderCache::new();
            let pixmap = hayro::render(
                page,
                &cache,
                &InterpreterSettings::default(),
                &RenderSettings::default(),
                &PixmapSettings {
                    x_scale: scale,
                    y_scale: scale,
                    bg_color: WHITE,
                },
            );
            let (width, height) = (usize::from(pixmap.width()), usize::from(pixmap.height()));
            (width, height, pixmap.data_as_u8_slice().to_vec())
        }))
        .map_err(|_| PictureError::Failed(number))?;
        let (width, height, rgba) = drawn;
        if width == 0 || height == 0 || rgba.len() != width * height * 4 {
            return Err(PictureError::Failed(number));
        }
        Ok(PagePicture {
            number,
            width,
            height,
            scale,
            rgba,
        })
    }
}

/// `scale`, made smaller where a page of `w` × `h` points would be too many pixels.
fn fitting_scale(w: f32, h: f32, scale: f32) -> f32 {
    let (w, h) = (w.max(1.0), h.max(1.0));
    let mut s = scale.clamp(0.05, 16.0);
    s = s.min(MAX_SIDE / w).min(MAX_SIDE / h);
    if w * h * s * s > MAX_PIXELS {
        s = (MAX_PIXELS / (w * h)).sqrt();
    }
    s.max(0.01)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absurd_pages_are_drawn_smaller() {
        assert_eq!(fitting_scale(600.0, 800.0, 2.0), 2.0);
        let s = fitting_scale(14_400.0, 14_400.0, 2.0);
        assert!(14_400.0 * 14_400.0 * s * s <= MAX_PIXELS * 1.001);
        let s = fitting_scale(100_000.0, 10.0, 1.0);
        assert!(100_000.0 * s <= MAX_SIDE * 1.001);
    }

    #[test]
    fn a_page_is_drawn_with_ink_where_its_text_is() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pdf/two-columns.pdf");
        let pictures = PdfPictures::open(&path).unwrap();
        assert_eq!(pictures.page_count(), 1);
        let p = pictures.draw(1, 1.0).unwrap();
        assert_eq!(p.rgba.len(), p.width * p.height * 4);
        // A4 at one pixel per point.
        assert!((p.width as i32 - 595).abs() <= 1 && (p.height as i32 - 842).abs() <= 1);
        let dark = |x0: usize, y0: usize, x1: usize, y1: usize| {
            (y0..y1)
                .flat_map(|y| (x0..x1).map(move |x| (x, y)))
                .filter(|&(x, y)| p.rgba[(y * p.width + x) * 4] < 128)
                .count()
        };
        // The corner is blank; the title's band has ink.
        assert_eq!(dark(0, 0, 40, 40), 0);
        assert!(dark(56, 50, 540, 90) > 100);
        assert!(matches!(
            pictures.draw(2, 1.0),
            Err(PictureError::NoPage(2))
        ));
    }
}
