//! Fuzz target: any bytes as a document. Decoding never panics; offsets stay consistent.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(t) = factmark::core::text::Text::from_bytes(bytes) {
        let n = t.as_str().chars().count();
        assert_eq!(t.char_count(), n);
        assert!(!t.as_str().contains('\r'));
        for pos in [0, n / 3, n / 2, n] {
            assert_eq!(t.char_of_byte(t.byte_of_char(pos)), pos);
            let _ = t.line_col(pos);
            let _ = t.paragraph_at(pos);
        }
    }
});
