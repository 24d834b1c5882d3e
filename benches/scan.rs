//! The corpus scan, end to end in process (reading the articles, indexing, candidates,
//! aligning every candidate pair, writing JSON Lines to a sink that discards it): the BBC
//! corpus and a synthetic archive of 20,000 wire stories with reprints (`benches/synth/`).
//! See `benches/README.md`.
//!
//! ```sh
//! cargo bench --bench scan -- --warm-up-time 1 --measurement-time 3
//! ```

mod synth;

use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sourcediff::scan::JsonlSink;
use sourcediff::scan::{Budget, DEFAULT_MEMORY, scan_inputs};
use sourcediff::scan::{Input, read_inputs};
use sourcediff::scan::{ScanOptions, Summary};

fn run(inputs: &[Input]) -> Summary {
    let mut out = std::io::sink();
    let mut sink = JsonlSink::new(&mut out);
    let budget = Budget {
        work_dir: None,
        memory: DEFAULT_MEMORY,
    };
    scan_inputs(
        inputs.to_vec(),
        &ScanOptions::default(),
        &budget,
        &mut sink,
        &mut |_, _| {},
    )
    .expect("a scan to a sink that discards")
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("scan");
    group.sample_size(10);
    let bbc = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/bbc");
    if bbc.is_dir() {
        let files = vec![PathBuf::from(&bbc)];
        let inputs = read_inputs(&files, 1 << 25, &mut |_| {}).expect("the BBC corpus");
        let bytes: usize = inputs.iter().map(|i| i.article.text.len()).sum();
        let s = run(&inputs);
        eprintln!(
            "scan/bbc: {} articles, {bytes} bytes, {} candidates, {} pairs, {} families",
            s.documents,
            s.candidates,
            s.pairs,
            s.families.len()
        );
        group.throughput(Throughput::Bytes(bytes as u64));
        // Reading the files is part of the command; it is timed too.
        group.bench_function("bbc", |b| {
            b.iter(|| {
                let inputs = read_inputs(&files, 1 << 25, &mut |_| {}).expect("the corpus");
                run(&inputs)
            })
        });
    } else {
        eprintln!("skipping scan/bbc: {} is absent", bbc.display());
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("wire.jsonl");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).expect("a file"));
    let bytes = synth::write_archive(20_000, 12, &mut file).expect("the archive");
    drop(file);
    let files = vec![path];
    let inputs = read_inputs(&files, 1 << 25, &mut |_| {}).expect("the archive");
    let s = run(&inputs);
    eprintln!(
        "scan/wire_20k: {} articles, {bytes} bytes, {} candidates, {} pairs, {} families",
        s.documents,
        s.candidates,
        s.pairs,
        s.families.len()
    );
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("wire_20k", |b| {
        b.iter(|| {
            let inputs = read_inputs(&files, 1 << 25, &mut |_| {}).expect("the archive");
            run(&inputs)
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
