//! Library use: compare two articles and print what they share, kind by kind.
//!
//! `cargo run --example compare -- A.txt B.txt`

use sourcediff::load::{DEFAULT_MAX_BYTES, load};
use sourcediff::{FindingKind, Options, Source, compare};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.len() < 2 {
        return Err("usage: compare A.txt B.txt [C.txt ...]".into());
    }
    let articles = paths
        .iter()
        .map(|p| load(&Source::parse(p), DEFAULT_MAX_BYTES))
        .collect::<Result<Vec<_>, _>>()?;
    let started = std::time::Instant::now();
    let analysis = compare(articles, &Options::default());
    eprintln!(
        "compared in {:.1} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    for f in &analysis.findings {
        let (l, r) = (&f.pair.left, &f.pair.right);
        let (dl, dr) = (&analysis.documents[l.doc], &analysis.documents[r.doc]);
        println!(
            "{:?} {:.2} overlap {:.2} run {}  {}:{:?} ~ {}:{:?}",
            f.kind,
            f.pair.similarity,
            f.pair.content_overlap,
            f.pair.longest_run,
            l.doc,
            l.sentences,
            r.doc,
            r.sentences
        );
        println!("  < {}", dl.sentence_text(l.sentences[0]));
        println!("  > {}", dr.sentence_text(r.sentences[0]));
        for d in &f.drift {
            println!("  drift {:?}: {:?} vs {:?}", d.kind, d.left, d.right);
        }
    }
    for c in &analysis.coverage {
        println!("coverage {} vs {}: {:.3}", c.doc, c.other, c.shared);
    }
    let unique = analysis.count(FindingKind::Unique);
    println!("unique sentences: {unique}");
    for u in &analysis.unique {
        println!(
            "  {}:{} {}",
            u.doc,
            u.sentence,
            analysis.documents[u.doc].sentence_text(u.sentence)
        );
    }
    Ok(())
}
