//! Fuzzes the whole comparison and every report: the input split in two articles at its first
//! NUL byte (or in the middle). Nothing may panic; every report is UTF-8; the terminal and
//! Markdown reports carry no raw control character; swapping the articles finds as many pairs.
//!
//! The body of the fuzz target `compare` (fuzz/fuzz_targets/compare.rs), shared with the replay test
//! (tests/fuzz_replay.rs) that runs it on the seeds and every saved crash under stable `cargo test`.

use sourcediff::{Article, Format, Options, RenderOptions, compare};

/// Checks one input; panics on a broken contract.
pub fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (a, b) = match text.find('\0') {
        Some(i) => (&text[..i], &text[i + 1..]),
        None => {
            let mut mid = text.len() / 2;
            while !text.is_char_boundary(mid) {
                mid -= 1;
            }
            (&text[..mid], &text[mid..])
        }
    };
    let articles = || vec![Article::from_text("a", a), Article::from_text("b", b)];
    let analysis = compare(articles(), &Options::default());
    for format in [Format::Text, Format::Json, Format::Markdown, Format::Html] {
        let options = RenderOptions::new(format);
        let mut out = Vec::new();
        sourcediff::report::write(&analysis, &options, &mut out).expect("a Vec");
        let report = String::from_utf8(out).expect("UTF-8");
        if matches!(format, Format::Text | Format::Markdown) {
            assert!(
                !report.chars().any(|c| c.is_control() && c != '\n'),
                "a control character reached the {format:?} report"
            );
        }
    }
    let swapped = compare(
        vec![Article::from_text("b", b), Article::from_text("a", a)],
        &Options::default(),
    );
    assert_eq!(analysis.findings.len(), swapped.findings.len());
}
