//! The check against compressed streams that inflate beyond reason, run on the raw bytes of a
//! PDF before it is parsed: every stream that starts with a zlib header and is not an image
//! (images are never decoded for text) is inflated into nothing, counting, and the file is
//! refused as soon as one stream or all of them together pass the limits. Nothing inflated is
//! kept, so the check costs time in proportion to the data and no memory.

use std::io::{Read, Write};

use super::pdf::PdfError;

/// How far before a `stream` keyword the stream's dictionary is looked for.
const DICT_WINDOW: usize = 4096;

/// Refuses the file if a decodable stream inflates to more than `each` bytes, or all of them
/// to more than `total`.
pub fn check_streams(bytes: &[u8], each: u64, total: u64) -> Result<(), PdfError> {
    let mut sum = 0u64;
    for at in memchr::memmem::find_iter(bytes, b"stream") {
        // `endstream` also holds the word.
        if at >= 3 && &bytes[at - 3..at] == b"end" {
            continue;
        }
        let mut data = at + b"stream".len();
        match bytes.get(data..data + 2) {
            Some([b'\r', b'\n']) => data += 2,
            Some([b'\n', _]) | Some([b'\r', _]) => data += 1,
            _ => continue,
        }
        let window = &bytes[at.saturating_sub(DICT_WINDOW)..at];
        if is_image(window) || !zlib_header(&bytes[data..]) {
            continue;
        }
        let room = each.min(total - sum);
        let size = inflated_size(&bytes[data..], room + 1);
        if size > room {
            return Err(PdfError::StreamTooLarge {
                offset: data,
                limit: if room == each { each } else { total },
                total: room < each,
            });
        }
        sum += size;
    }
    Ok(())
}

/// Whether the dictionary just before a stream says it is an image.
fn is_image(window: &[u8]) -> bool {
    // The dictionary of this stream starts after the last `obj` keyword.
    let dict = memchr::memmem::rfind(window, b"obj").map_or(window, |i| &window[i..]);
    let mut rest = dict;
    while let Some(i) = memchr::memmem::find(rest, b"/Subtype") {
        rest = &rest[i + b"/Subtype".len()..];
        let value = rest
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .map_or(&[][..], |j| &rest[j..]);
        if value.starts_with(b"/Image") {
            return true;
        }
    }
    false
}

/// Whether the bytes start with a valid zlib header (deflate, window ≤ 32 KiB, check bits).
fn zlib_header(data: &[u8]) -> bool {
    match data {
        [cmf, flg, ..] => {
            cmf & 0x0F == 8 && cmf >> 4 <= 7 && (u16::from(*cmf) << 8 | u16::from(*flg)) % 31 == 0
        }
        _ => false,
    }
}

/// How many bytes `data` inflates to, counting at most `cap` (a broken stream counts what
/// inflated before the damage).
fn inflated_size(data: &[u8], cap: u64) -> u64 {
    let decoder = flate2::read::ZlibDecoder::new(data);
    let mut counter = Counter(0);
    let _ = std::io::copy(&mut decoder.take(cap), &mut counter);
    counter.0
}

/// A writer that only counts.
struct Counter(u64);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::Compression;
    use flate2::write::ZlibEncoder;

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut e = ZlibEncoder::new(Vec::new(), Compression::best());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn with_stream(dict: &str, body: &[u8]) -> Vec<u8> {
        let mut pdf = format!("%PDF-1.4\n1 0 obj\n{dict}\nstream\n").into_bytes();
        pdf.extend_from_slice(body);
        pdf.extend_from_slice(b"\nendstream\nendobj\n");
        pdf
    }

    #[test]
    fn a_stream_that_inflates_too_far_is_refused_and_images_are_not_inflated() {
        let bomb = zlib(&vec![b' '; 3_000_000]);
        let pdf = with_stream("<< /Length 1 /Filter /FlateDecode >>", &bomb);
        let e = check_streams(&pdf, 1_000_000, 10_000_000).unwrap_err();
        assert!(
            matches!(e, PdfError::StreamTooLarge { total: false, .. }),
            "{e}"
        );
        assert!(check_streams(&pdf, 4_000_000, 10_000_000).is_ok());
        let image = with_stream("<< /Subtype /Image /Filter /FlateDecode >>", &bomb);
        assert!(check_streams(&image, 1_000_000, 10_000_000).is_ok());
        let mut two = pdf.clone();
        two.extend_from_slice(&pdf);
        let e = check_streams(&two, 4_000_000, 5_000_000).unwrap_err();
        assert!(
            matches!(e, PdfError::StreamTooLarge { total: true, .. }),
            "{e}"
        );
    }
}
