//! Fuzzes the scan's JSON Lines reader: any bytes as one line. Nothing may panic; a line is
//! either an article with a non-empty id and the exact text of its "text" field, or refused
//! with a reason.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sourcediff::scan::input::parse_line;

fuzz_target!(|data: &[u8]| {
    match parse_line(data, 1 << 20) {
        Ok(input) => {
            assert!(!input.id.is_empty());
            let value: serde_json::Value = serde_json::from_slice(data).expect("accepted as JSON");
            assert_eq!(value["text"].as_str(), Some(input.article.text.as_str()));
        }
        Err(why) => assert!(!why.is_empty()),
    }
});
