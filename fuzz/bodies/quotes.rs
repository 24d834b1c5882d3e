//! Fuzzes quotation extraction and the `quotes` report: any UTF-8 text. Nothing may panic;
//! each quotation's words lie inside its marks, inside the text, on character boundaries; the
//! text and JSON reports are UTF-8 and free of raw control characters (text report).
//!
//! The body of the fuzz target `quotes` (fuzz/fuzz_targets/quotes.rs), shared with the replay test
//! (tests/fuzz_replay.rs) that runs it on the seeds and every saved crash under stable `cargo test`.

use sourcediff::quotes as quote;
use sourcediff::{Article, Document, Format};

/// Checks one input; panics on a broken contract.
pub fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let doc = Document::new(Article::from_text("fuzz", text));
    let quotes = quote::extract(&doc, 0);
    for q in &quotes {
        assert!(
            q.outer.start <= q.span.start && q.span.end <= q.outer.end,
            "{q:?}"
        );
        assert!(text.get(q.outer.start..q.outer.end).is_some(), "{q:?}");
        assert!(text.get(q.span.start..q.span.end).is_some(), "{q:?}");
    }
    for format in [Format::Text, Format::Json] {
        let mut out = Vec::new();
        sourcediff::report::write_quotes(&doc, &quotes, format, &mut out).expect("a Vec");
        let report = String::from_utf8(out).expect("UTF-8");
        if format == Format::Text {
            assert!(
                !report.chars().any(|c| c.is_control() && c != '\n'),
                "a control character reached the text report"
            );
        }
    }
}
