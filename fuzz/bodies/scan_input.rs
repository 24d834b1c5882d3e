//! Fuzzes the scan's JSON Lines reader: any bytes as one line. Nothing may panic; a line is
//! either an article with a non-empty id and the exact text of its "text" field, or refused
//! with a reason.
//!
//! The body of the fuzz target `scan_input` (fuzz/fuzz_targets/scan_input.rs), shared with the replay test
//! (tests/fuzz_replay.rs) that runs it on the seeds and every saved crash under stable `cargo test`.

use sourcediff::scan::parse_line;

/// Checks one input; panics on a broken contract.
pub fn check(data: &[u8]) {
    match parse_line(data, 1 << 20) {
        Ok(input) => {
            assert!(!input.id.is_empty());
            let value: serde_json::Value = serde_json::from_slice(data).expect("accepted as JSON");
            assert_eq!(value["text"].as_str(), Some(input.article.text.as_str()));
        }
        Err(why) => assert!(!why.is_empty()),
    }
}
