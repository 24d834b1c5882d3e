//! Fuzzes the input loader: any bytes, read as detected, as HTML, as Markdown and as text,
//! with a boilerplate pattern. Nothing may panic, and every article that loads keeps the
//! contracts the reports rely on: its source map runs lie in order inside both texts on
//! character boundaries, and every sentence is a slice of the analysed text.
//!
//! The body of the fuzz target `load` (fuzz/fuzz_targets/load.rs), shared with the replay test
//! (tests/fuzz_replay.rs) that runs it on the seeds and every saved crash under stable `cargo test`.

use sourcediff::load::{self, InputFormat, LoadOptions};

/// Checks one input; panics on a broken contract.
pub fn check(data: &[u8]) {
    let Some((&choice, bytes)) = data.split_first() else {
        return;
    };
    let mut options = LoadOptions::default();
    options.format = match choice % 4 {
        0 => None,
        1 => Some(InputFormat::Html),
        2 => Some(InputFormat::Markdown),
        _ => Some(InputFormat::Text),
    };
    if choice & 4 != 0 {
        options.ignore =
            load::ignore_patterns(&["(?i)newsletter".to_string()], &[]).expect("a valid pattern");
    }
    let Ok(article) = load::parse("fuzz".to_string(), bytes.to_vec(), &options) else {
        return;
    };
    let source = std::str::from_utf8(bytes).expect("a loaded input is UTF-8");
    let mut last = 0;
    for run in &article.source_map {
        assert!(run.start < run.end && run.end <= article.text.len());
        assert!(run.source_start <= run.source_end && run.source_end <= source.len());
        assert!(run.start >= last, "runs in order");
        last = run.end;
        assert!(article.text.is_char_boundary(run.start) && article.text.is_char_boundary(run.end));
        assert!(
            source.is_char_boundary(run.source_start) && source.is_char_boundary(run.source_end)
        );
    }
    for s in sourcediff::segment(&article) {
        assert!(article.text.get(s.span.start..s.span.end).is_some());
    }
}
