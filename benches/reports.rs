//! Reports of the shapes that once blew up (issue 10): a sentence repeated 10,000 times, a
//! quotation repeated 2,000 times, each rendered in every format from an analysis made before
//! timing; and the comparison of 200,000 short sentences in one paragraph against the same
//! sentences one per paragraph. Each shape is also run at half size: linear cost shows as the
//! same throughput at both sizes.
//!
//! ```sh
//! cargo bench --bench reports -- --warm-up-time 1 --measurement-time 3
//! ```

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use sourcediff::{Analysis, Article, Format, Options, RenderOptions, compare};

const SENTENCE: &str = "The council approved the new budget for the city schools on Monday. ";
const QUOTE: &str = "The minister said: “We will not resign over this vote.” ";

fn analysis(a: String, b: String) -> Analysis {
    compare(
        vec![
            Article::from_text("a.txt", a),
            Article::from_text("b.txt", b),
        ],
        &Options::default(),
    )
}

/// `n` short sentences, all different, joined by `sep`.
fn sentences(n: usize, sep: &str) -> String {
    sentences_in(0..n, sep)
}

/// Sentences number `range` of the same series, joined by `sep`.
fn sentences_in(range: std::ops::Range<usize>, sep: &str) -> String {
    const WORDS: [&str; 12] = [
        "council", "budget", "minister", "vote", "city", "school", "police", "court", "market",
        "bank", "river", "station",
    ];
    range
        .map(|i| {
            format!(
                "The {} met the {} on day {i}.",
                WORDS[i % 12],
                WORDS[(i / 12) % 12]
            )
        })
        .collect::<Vec<_>>()
        .join(sep)
}

fn reports(c: &mut Criterion) {
    let mut group = c.benchmark_group("report");
    group.sample_size(10);
    for (shape, copies, text) in [
        ("repeated_sentence", 10_000, SENTENCE),
        ("repeated_sentence", 5_000, SENTENCE),
        ("repeated_quote", 2_000, QUOTE),
        ("repeated_quote", 1_000, QUOTE),
    ] {
        let a = text.repeat(copies);
        let b = format!("Reporters were there. {}", text.repeat(copies / 100 + 1));
        let bytes = (a.len() + b.len()) as u64;
        let analysis = analysis(a, b);
        for format in [Format::Text, Format::Json, Format::Markdown, Format::Html] {
            group.throughput(Throughput::Bytes(bytes));
            let options = RenderOptions::new(format);
            let id = BenchmarkId::new(format!("{shape}_{copies}"), format!("{format:?}"));
            group.bench_with_input(id, &analysis, |bench, analysis| {
                bench.iter(|| {
                    let mut out = Vec::new();
                    sourcediff::report::write(analysis, &options, &mut out).expect("render");
                    black_box(out.len())
                });
            });
        }
    }
    group.finish();
}

fn one_paragraph(c: &mut Criterion) {
    let mut group = c.benchmark_group("shape");
    group.sample_size(10);
    for n in [200_000, 100_000] {
        for (name, sep) in [("one_paragraph", " "), ("paragraphs", "\n\n")] {
            let text = sentences(n, sep);
            group.throughput(Throughput::Bytes(2 * text.len() as u64));
            group.bench_with_input(BenchmarkId::new(name, n), &text, |bench, text| {
                bench.iter(|| black_box(analysis(text.clone(), text.clone()).passages.len()));
            });
        }
    }
    group.finish();
}

/// The memory shape of issue 10 at a tenth of its size and below: two articles of short
/// distinct sentences, half of them shared, compared and written as JSON (the 20 MB figure,
/// peak resident memory per input byte, is measured with `/usr/bin/time -v`: README,
/// Performance). Linear cost shows as the same throughput at both sizes.
fn short_sentences_json(c: &mut Criterion) {
    let mut group = c.benchmark_group("shape");
    group.sample_size(10);
    for n in [25_000, 50_000] {
        let a = sentences(n, " ");
        let b = sentences_in(n / 2..n + n / 2, " ");
        group.throughput(Throughput::Bytes((a.len() + b.len()) as u64));
        group.bench_function(BenchmarkId::new("short_sentences_json", n), |bench| {
            bench.iter(|| {
                let analysis = analysis(a.clone(), b.clone());
                let mut out = Vec::new();
                sourcediff::report::write(
                    &analysis,
                    &sourcediff::RenderOptions::new(sourcediff::Format::Json),
                    &mut out,
                )
                .expect("render");
                black_box(out.len())
            });
        });
    }
    group.finish();
}

criterion_group!(benches, reports, one_paragraph, short_sentences_json);
criterion_main!(benches);
