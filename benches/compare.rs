//! End-to-end comparison (segment, tokenize, align, classify; no file reading, no printing) on
//! real text: the seed pair, related and unrelated 100 KB pairs, the 365 KB pair, and two
//! pathological inputs that must not blow up. Inputs are read before anything is timed; see
//! `benches/README.md` for their provenance.
//!
//! ```sh
//! cargo bench --bench compare -- --warm-up-time 1 --measurement-time 3
//! ```

use std::hint::black_box;
use std::path::Path;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use sourcediff::{Article, Options, compare};

fn read(path: &Path) -> Option<String> {
    std::fs::read_to_string(path).ok()
}

/// (name, left text, right text) for every input that is available here.
fn inputs() -> Vec<(String, String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seeds = root.join("examples").join("articles");
    let mut out = Vec::new();
    if let (Some(a), Some(b)) = (
        read(&seeds.join("000_7ca41ccce306fdb5.txt")),
        read(&seeds.join("002_19fd502a37c78a8d.txt")),
    ) {
        out.push(("seeds".to_string(), a, b));
    }
    let pairs = root.join("..").join("shared").join("corpus").join("pairs");
    for (name, a, b) in [
        ("related_100k", "rel_a.txt", "rel_b.txt"),
        ("unrelated_100k", "unrel_a.txt", "unrel_b.txt"),
        ("related_365k", "relall_a.txt", "relall_b.txt"),
    ] {
        match (read(&pairs.join(a)), read(&pairs.join(b))) {
            (Some(a), Some(b)) => out.push((name.to_string(), a, b)),
            _ => eprintln!("skipping {name}: {} is absent", pairs.display()),
        }
    }
    // 10,000 copies of one sentence on each side: one verbatim group, not 10^8 pairs.
    let line = "The minister said the talks would resume on Monday in Brussels.\n";
    out.push((
        "repeated_10k".to_string(),
        line.repeat(10_000),
        line.repeat(10_000),
    ));
    // One sentence of about 1 MB (real words, no terminal punctuation) against itself edited.
    if let Some((_, a, _)) = out.first() {
        let words: String = a.replace(['.', '?', '!', '\n'], " ");
        let huge = words.repeat(1_000_000 / words.len().max(1) + 1);
        let edited = huge.replacen("Iraqi", "Syrian", 50);
        out.push(("single_sentence_1mb".to_string(), huge, edited));
    }
    out
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("compare");
    group.sample_size(20);
    for (name, a, b) in inputs() {
        group.throughput(Throughput::Bytes((a.len() + b.len()) as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(&name),
            &(a, b),
            |bench, (a, b)| {
                bench.iter(|| {
                    let articles = vec![
                        Article::from_text("a.txt", a.as_str()),
                        Article::from_text("b.txt", b.as_str()),
                    ];
                    black_box(compare(articles, &Options::default()))
                });
            },
        );
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
