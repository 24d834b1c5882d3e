//! Segmenting and tokenizing real news text, against the UAX #29 sentence iterator the
//! segmenter replaces. The input (see `benches/README.md`) is the BBC corpus read from
//! `../shared/corpus/bbc`, concatenated into one ~5 MB text before anything is timed.
//!
//! ```sh
//! cargo bench --bench segment -- --warm-up-time 1 --measurement-time 3
//! ```

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sourcediff::Span;
use sourcediff::segment_span;
use sourcediff::tokenize;
use unicode_segmentation::UnicodeSegmentation;

/// The `.txt` files one level below `dir` (`<category>/<n>.txt`), sorted by path.
fn corpus_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let Ok(categories) = std::fs::read_dir(dir) else {
        return files;
    };
    for category in categories
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
    {
        let Ok(entries) = std::fs::read_dir(&category) else {
            continue;
        };
        files.extend(
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt")),
        );
    }
    files.sort();
    files
}

/// The benchmark text: every UTF-8 article of the BBC corpus, sorted by path, joined with
/// blank lines; or, without the corpus, the two seed articles repeated to about 1 MB.
fn input() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bbc = root.join("..").join("shared").join("corpus").join("bbc");
    let articles: Vec<String> = corpus_files(&bbc)
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .filter_map(|bytes| String::from_utf8(bytes).ok())
        .collect();
    if !articles.is_empty() {
        let text = articles.join("\n\n");
        println!(
            "input: {} BBC articles from {}, {} bytes",
            articles.len(),
            bbc.display(),
            text.len()
        );
        return text;
    }
    let seeds = ["000_7ca41ccce306fdb5.txt", "002_19fd502a37c78a8d.txt"].map(|name| {
        let path = root.join("examples").join("articles").join(name);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    });
    let pair = seeds.join("\n\n");
    let text = vec![pair.as_str(); 1_000_000 / pair.len() + 1].join("\n\n");
    println!(
        "input: {} is absent; using the two seed articles repeated, {} bytes",
        bbc.display(),
        text.len()
    );
    text
}

fn bench_segment(c: &mut Criterion) {
    let text = input();
    let body = Span::new(0, text.len());
    let sentences = segment_span(&text, body);
    println!(
        "{} sentences (UAX #29: {} sentence segments)",
        sentences.len(),
        text.split_sentence_bounds().count()
    );

    // A pass over 5 MB takes 30–250 ms: 20 samples keep a run within seconds.
    let mut group = c.benchmark_group("segment");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("sourcediff", |b| {
        b.iter(|| segment_span(black_box(&text), body).len())
    });
    group.bench_function("uax29_split_sentence_bounds", |b| {
        b.iter(|| black_box(&text).split_sentence_bounds().count())
    });
    group.finish();

    // Shapes where full stops do not end sentences, so one sentence grows as long as the text
    // (a lowercase transcript, a quotation left open, brackets never closed): throughput must
    // stay flat from 100 KB to 400 KB.
    let mut group = c.benchmark_group("segment_shape");
    group.sample_size(10);
    for (name, unit) in [
        ("lowercase", "the cat sat on the mat. "),
        ("open_quote", "he said \"the cat sat on the mat. "),
        ("open_bracket", "a. (b. "),
    ] {
        for size in [100_000usize, 400_000] {
            let shape = unit.repeat(size / unit.len());
            let span = Span::new(0, shape.len());
            group.throughput(Throughput::Bytes(shape.len() as u64));
            group.bench_function(format!("{name}/{size}"), |b| {
                b.iter(|| segment_span(black_box(&shape), span).len())
            });
        }
    }
    group.finish();

    // Tokenizing every sentence of the same text; throughput is over the whole text.
    let mut group = c.benchmark_group("tokenize");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("all_sentences", |b| {
        b.iter(|| {
            sentences
                .iter()
                .map(|s| tokenize(black_box(&text), s.span).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench_segment);
criterion_main!(benches);
