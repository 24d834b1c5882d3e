//! Fuzzes the segmenter and the tokenizer: any UTF-8 text. Nothing may panic; sentences are
//! in order, do not overlap, lie inside the text on character boundaries, are never empty or
//! bordered by white space; tokens lie inside their sentence.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sourcediff::{Article, Document};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let article = Article::from_text("fuzz", text);
    let sentences = sourcediff::segment(&article);
    let mut end = 0;
    for s in &sentences {
        assert!(end <= s.span.start && s.span.start < s.span.end, "{s:?}");
        let piece = text.get(s.span.start..s.span.end).expect("on char boundaries");
        assert_eq!(piece.trim(), piece, "no outer white space: {piece:?}");
        end = s.span.end;
    }
    assert!(end <= text.len());
    let doc = Document::new(article);
    for (s, tokens) in doc.sentences.iter().zip(&doc.tokens) {
        for t in tokens {
            assert!(s.span.start <= t.span.start && t.span.end <= s.span.end);
        }
    }
});
