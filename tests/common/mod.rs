//! Helpers shared by the integration tests: where the fixtures are, and one checker of the
//! segmenter's span contract that every test (seeds, corpus, properties) runs.

// Each test crate (`segment_seeds`, `properties`, `cli`) uses a different subset of these.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use sourcediff::{Article, DriftKind, Sentence, Span, segment};

/// The two seed articles bundled in `examples/articles/`.
pub const SEEDS: [&str; 2] = ["000_7ca41ccce306fdb5.txt", "002_19fd502a37c78a8d.txt"];

/// Path of a bundled example article: `examples/articles/<name>`.
pub fn seed_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join("articles")
        .join(name)
}

/// The text of a bundled example article.
pub fn seed_text(name: &str) -> String {
    let path = seed_path(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `../shared` beside the project, when it is there. When it is not, prints why the test
/// skips (shown with `cargo test -- --nocapture`) and returns `None`.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("shared");
    if dir.is_dir() {
        Some(dir)
    } else {
        let reason = format!(
            "skipped: {} is absent (the shared corpus lives beside the project; see README.md)",
            dir.display()
        );
        eprintln!("{reason}");
        None
    }
}

/// The BBC corpus directory, `../shared/corpus/bbc`, when it is there (skip reason printed
/// otherwise).
pub fn bbc_dir() -> Option<PathBuf> {
    let dir = shared_dir()?.join("corpus").join("bbc");
    if dir.is_dir() {
        Some(dir)
    } else {
        let reason = format!("skipped: {} is absent", dir.display());
        eprintln!("{reason}");
        None
    }
}

/// Every article of the BBC corpus (`<category>/<n>.txt`), sorted by path.
pub fn bbc_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut categories: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("read the corpus directory")
        .map(|e| e.expect("corpus directory entry").path())
        .filter(|p| p.is_dir())
        .collect();
    categories.sort();
    for category in categories {
        let mut articles: Vec<PathBuf> = std::fs::read_dir(&category)
            .expect("read a corpus category")
            .map(|e| e.expect("corpus category entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        articles.sort();
        files.extend(articles);
    }
    files
}

/// The sentences of `text` as the library finds them (a leading BOM is skipped).
pub fn sentences(text: &str) -> Vec<String> {
    let article = Article::from_text("test", text);
    segment(&article)
        .iter()
        .map(|s| article.slice(s.span).to_string())
        .collect()
}

/// The number of line breaks in `s` as the segmenter counts them: LF, CRLF (one), CR, U+2028
/// and U+2029.
pub fn line_breaks(s: &str) -> usize {
    let mut n = 0;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                n += 1;
            }
            '\n' | '\u{2028}' | '\u{2029}' => n += 1,
            _ => {}
        }
    }
    n
}

/// Checks the segmenter's contract on `sentences` of `text[body]`, panicking with the article
/// `name` and the offending sentence:
/// - spans lie inside the body, on char boundaries, in order and disjoint;
/// - each is non-empty and trimmed (no white space at either end);
/// - together they cover every non-white-space char of the body;
/// - paragraph numbers start at 0 and go up by one exactly where a blank line separates two
///   sentences (two or more line breaks between them), and never go down.
pub fn check_sentences(name: &str, text: &str, body: Span, sentences: &[Sentence]) {
    let mut covered_to = body.start;
    let mut previous: Option<&Sentence> = None;
    for (i, s) in sentences.iter().enumerate() {
        let Span { start, end } = s.span;
        assert!(
            body.start <= start && end <= body.end,
            "{name}: sentence {i} {start}..{end} is outside the body {body:?}"
        );
        assert!(
            start < end,
            "{name}: sentence {i} is empty ({start}..{end})"
        );
        assert!(
            text.is_char_boundary(start) && text.is_char_boundary(end),
            "{name}: sentence {i} {start}..{end} splits a char"
        );
        assert!(
            covered_to <= start,
            "{name}: sentence {i} {start}..{end} overlaps or precedes the one before (ends at {covered_to})"
        );
        let sentence = &text[start..end];
        assert_eq!(
            sentence.trim(),
            sentence,
            "{name}: sentence {i} {start}..{end} is not trimmed"
        );
        let gap = &text[covered_to..start];
        assert!(
            gap.trim().is_empty(),
            "{name}: text {covered_to}..{start} before sentence {i} is in no sentence: {gap:?}"
        );
        match previous {
            None => assert_eq!(
                s.paragraph, 0,
                "{name}: the first sentence is in paragraph 0"
            ),
            Some(p) => {
                let blank_line = line_breaks(gap) >= 2;
                assert_eq!(
                    s.paragraph,
                    p.paragraph + usize::from(blank_line),
                    "{name}: sentence {i} {start}..{end} after a gap of {gap:?}: paragraph {} follows {}",
                    s.paragraph,
                    p.paragraph
                );
            }
        }
        covered_to = end;
        previous = Some(s);
    }
    let tail = &text[covered_to..body.end];
    assert!(
        tail.trim().is_empty(),
        "{name}: text {covered_to}..{} after the last sentence is in no sentence: {tail:?}",
        body.end
    );
}

/// The claim-drift kinds with the names the labelled samples use.
pub const DRIFT_KINDS: [(DriftKind, &str); 5] = [
    (DriftKind::Number, "number"),
    (DriftKind::Hedge, "hedge"),
    (DriftKind::Attribution, "attribution"),
    (DriftKind::Negation, "negation"),
    (DriftKind::Subject, "subject"),
];

/// A corpus folder under `../shared/corpus` by its short name (`polnear`: the PolNeAR
/// articles, `bbc`), or `None` with a printed reason when it is absent.
pub fn corpus_dir(corpus: &str) -> Option<PathBuf> {
    let shared = shared_dir()?.join("corpus");
    let dir = match corpus {
        "polnear" => shared.join("polnear-train").join("articles"),
        "bbc" => shared.join("bbc"),
        other => panic!("unknown corpus {other}"),
    };
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is absent", dir.display());
        None
    }
}

/// Text with every run of white space made one space (excerpts are matched this way).
pub fn folded(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
