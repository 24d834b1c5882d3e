//! Fuzzes the segmenter and the tokenizer: any UTF-8 text. Nothing may panic; sentences are
//! in order, do not overlap, lie inside the text on character boundaries, are never empty or
//! bordered by white space; tokens lie inside their sentence.
//!
//! The body of the fuzz target `segment` (fuzz/fuzz_targets/segment.rs), shared with the replay test
//! (tests/fuzz_replay.rs) that runs it on the seeds and every saved crash under stable `cargo test`.

use sourcediff::{Article, Document};

/// Checks one input; panics on a broken contract.
pub fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let article = Article::from_text("fuzz", text);
    let sentences = sourcediff::segment(&article);
    let mut end = 0;
    for s in &sentences {
        assert!(end <= s.span.start && s.span.start < s.span.end, "{s:?}");
        let piece = text
            .get(s.span.start..s.span.end)
            .expect("on char boundaries");
        assert_eq!(piece.trim(), piece, "no outer white space: {piece:?}");
        end = s.span.end;
    }
    assert!(end <= text.len());
    let doc = Document::new(article);
    for (s, tokens) in doc.sentences.iter().zip(&doc.tokens) {
        for t in tokens {
            assert!(s.span.start <= t.span().start && t.span().end <= s.span.end);
        }
    }
}
