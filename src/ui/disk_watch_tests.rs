//! Tests of the disk watch: a changed document is reported once, an unchanged one never.

use super::*;

#[test]
fn wakes_the_window_only_when_the_file_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, "one").unwrap();
    let ctx = egui::Context::default();
    let watch = DiskWatch::new(&path, stamp(&path), &ctx);
    std::thread::sleep(DISK_CHECK_EVERY * 2);
    assert!(!watch.take_changed(), "nothing changed");
    std::fs::write(&path, "two, longer").unwrap();
    let start = std::time::Instant::now();
    while !watch.take_changed() {
        assert!(
            start.elapsed() < DISK_CHECK_EVERY * 5,
            "the change was not noticed"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(!watch.take_changed(), "reported once");
}
