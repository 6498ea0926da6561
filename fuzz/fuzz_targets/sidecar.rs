//! Fuzz target: any bytes as a sidecar file. Decoding never panics; what decodes round-trips.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let path = Path::new("fuzz.ann.ron");
    if let Ok(mut s) = factmark::store::read::decode_sidecar(path, bytes) {
        // Annotations are kept in file order when decoded and sorted when encoded.
        s.annotations.sort_by_key(|a| a.sort_key());
        let encoded = s.encode().expect("a decoded sidecar encodes");
        let back = factmark::store::Sidecar::decode(path, &encoded).expect("and decodes again");
        assert_eq!(back, s);
    }
});
