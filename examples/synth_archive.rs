//! Writes a synthetic news archive with realistic reuse as JSON Lines, for `sourcediff scan`
//! at scale: `cargo run --release --example synth_archive -- 1000000 archive.jsonl`.
//! The generator is `benches/synth/mod.rs` (shared with the benchmarks); the data is never
//! committed.

#[path = "../benches/synth/mod.rs"]
mod synth;

use std::io::{BufWriter, Write};

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(n), Some(out)) = (
        args.get(1).and_then(|n| n.parse::<usize>().ok()),
        args.get(2),
    ) else {
        eprintln!("usage: synth_archive ARTICLES OUT.jsonl [SEED]");
        return std::process::ExitCode::from(2);
    };
    let seed = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(12);
    let result = std::fs::File::create(out).and_then(|f| {
        let mut w = BufWriter::new(f);
        let bytes = synth::write_archive(n, seed, &mut w)?;
        w.flush()?;
        Ok(bytes)
    });
    match result {
        Ok(bytes) => {
            eprintln!("{n} articles, {bytes} bytes written to {out}");
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("synth_archive: {out}: {e}");
            std::process::ExitCode::from(2)
        }
    }
}
