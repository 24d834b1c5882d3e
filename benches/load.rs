//! Loading inputs: the article body extracted from an HTML page (with its map back to the
//! page) and Markdown stripped of markup, at three sizes, to show the cost grows with the
//! input in a straight line. Input: the saved page of the first seed article
//! (`tests/fixtures/pages/seed_000_wordpress.html`) with its body repeated 1, 10 and 100 times,
//! the seed text as Markdown (each paragraph with a link) repeated alike, and the seed text as
//! plain text with a tweet's tags and a standing line ("Follow … on Twitter") after every
//! paragraph, repeated alike (the tags and lines are blanked).
//!
//! ```sh
//! cargo bench --bench load -- --warm-up-time 1 --measurement-time 3
//! ```

use std::hint::black_box;
use std::path::Path;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use sourcediff::load::{self, InputFormat, LoadOptions};

fn fixture(path: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The seed page with its article body repeated `n` times.
fn page(n: usize) -> String {
    let page = fixture("tests/fixtures/pages/seed_000_wordpress.html");
    let open = "<div class=\"entry-content\">";
    let start = page.find(open).expect("body") + open.len();
    let end = start + page[start..].find("</div>").expect("body end");
    format!(
        "{}{}{}",
        &page[..start],
        page[start..end].repeat(n),
        &page[end..]
    )
}

/// The seed text's paragraphs, each followed by `after`.
fn seed_paragraphs(after: &str) -> String {
    let text = fixture("examples/articles/000_7ca41ccce306fdb5.txt");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("{}{after}", l.trim()))
        .collect()
}

/// The seed text as Markdown (a link in every paragraph), repeated `n` times.
fn markdown(n: usize) -> String {
    let md = seed_paragraphs(" See [the report](https://example.invalid/r).\n\n");
    format!("# Title\n\n{}", md.repeat(n))
}

/// The seed text as plain text, each paragraph followed by an embedded tweet's tags and a
/// "Follow … on Twitter" line, repeated `n` times.
fn text(n: usize) -> String {
    seed_paragraphs(
        "\n\n<tweet tweet-id=\"661196115484643328\"><tweet/>.\n\nFollow Jeff Poor on Twitter @jeff_poor.\n\n",
    )
    .repeat(n)
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    for n in [1, 10, 100] {
        for (format, input) in [
            (InputFormat::Html, page(n)),
            (InputFormat::Markdown, markdown(n)),
            (InputFormat::Text, text(n)),
        ] {
            let mut options = LoadOptions::default();
            options.format = Some(format);
            group.throughput(Throughput::Bytes(input.len() as u64));
            group.bench_with_input(
                BenchmarkId::new(format.name(), format!("{n}x {} KB", input.len() / 1024)),
                &input,
                |b, input| {
                    b.iter(|| {
                        let bytes = input.as_bytes().to_vec();
                        black_box(load::parse("bench".into(), bytes, &options).expect("loads"))
                    })
                },
            );
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
