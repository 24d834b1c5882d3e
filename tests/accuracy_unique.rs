//! Issue 9: are "unique" sentences really unique? A fact-checker reads the `Unique` section of
//! `compare A B` as "only A says this"; that is wrong whenever B tells the same fact in other
//! words and the aligner did not pair the two sentences. Measured on
//! `tests/data/unique_sample.tsv`: sentences `compare` reported unique on same-event article
//! pairs (PolNeAR, different outlets within three days; BBC News rewrites; the two seed
//! articles), each labelled `unique` or `carried` by reading the whole other article (the
//! file's header gives the rules). The article pairs above `# --- held out below ---` are the
//! development half, the ones below it the held-out half.
//!
//! `cargo test --release --test accuracy_unique -- --nocapture` prints, per split and corpus,
//! the labelled sentences still reported unique, how many of them are truly unique (the
//! precision of "unique"), and every `carried` sentence still reported unique (WRONG) with the
//! sentence that carries it. Skipped without `../shared/corpus`.
//!
//! `unique_sentences_are_unique_held_out` does the same on `tests/data/unique_heldout.tsv`, a
//! second sample drawn at main a6fec72 and never tuned on, where every sentence set apart as
//! close to another article's sentence is labelled too.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use sourcediff::{Analysis, Article, Options, SentenceId, compare};

use common::{corpus_dir, folded};

const SAMPLE: &str = "unique_sample.tsv";
const HELD_OUT_MARK: &str = "# --- held out below ---";

/// One labelled sentence.
struct Case {
    carried: bool,
    held_out: bool,
    corpus: String,
    a: String,
    b: String,
    /// 0 when the sentence is in `a`, 1 when in `b`.
    side: usize,
    excerpt: String,
    carried_by: String,
}

fn cases() -> Vec<Case> {
    let path = format!("{}/tests/data/{SAMPLE}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("the unique sample");
    let mut held_out = false;
    let mut out = Vec::new();
    for line in text.lines() {
        if line.trim() == HELD_OUT_MARK {
            held_out = true;
            continue;
        }
        if line.starts_with('#') || line.starts_with("label\t") || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 7, "{line}");
        out.push(case(&f, held_out, line));
    }
    out
}

/// One labelled sentence from the first seven columns of a sample row.
fn case(f: &[&str], held_out: bool, line: &str) -> Case {
    assert!(f[0] == "unique" || f[0] == "carried", "{line}");
    assert!(f[4] == "a" || f[4] == "b", "{line}");
    assert_eq!(
        f[0] == "carried",
        !f[6].is_empty(),
        "a carried sentence names its carrier, a unique one none: {line}"
    );
    Case {
        carried: f[0] == "carried",
        held_out,
        corpus: f[1].to_string(),
        a: f[2].to_string(),
        b: f[3].to_string(),
        side: usize::from(f[4] == "b"),
        excerpt: f[5].to_string(),
        carried_by: f[6].to_string(),
    }
}

/// The folder of a corpus the sample names (`seeds`: the bundled example articles).
fn dir(corpus: &str) -> Option<PathBuf> {
    if corpus == "seeds" {
        return common::seed_path(common::SEEDS[0])
            .parent()
            .map(PathBuf::from);
    }
    corpus_dir(corpus)
}

/// The one sentence of `doc` whose text holds `excerpt`; panics when none or several do.
fn sentence(a: &Analysis, doc: usize, excerpt: &str, what: &str) -> usize {
    let want = folded(excerpt);
    let d = &a.documents[doc];
    let hits: Vec<usize> = (0..d.sentences.len())
        .filter(|&s| folded(d.sentence_text(s)).contains(&want))
        .collect();
    assert_eq!(
        hits.len(),
        1,
        "{what}: {excerpt:?} is in {} sentences of {}",
        hits.len(),
        d.article.name
    );
    hits[0]
}

/// `compare` on the articles `a` and `b` of `folder` (of `corpus`, named in a panic).
fn compare_pair(folder: &Path, corpus: &str, a: &str, b: &str) -> Analysis {
    let read = |name: &str| {
        let text = std::fs::read_to_string(folder.join(name))
            .unwrap_or_else(|e| panic!("{corpus}/{name}: {e}"));
        Article::from_text(name, text)
    };
    compare(vec![read(a), read(b)], &Options::default())
}

/// Where `compare` lists a labelled sentence: (in `unique`, in `close_unpaired`). Panics
/// unless its excerpt, and its carrier's, each name exactly one sentence.
fn listing(analysis: &Analysis, c: &Case, what: &str) -> (bool, bool) {
    let i = sentence(analysis, c.side, &c.excerpt, what);
    if c.carried {
        sentence(analysis, 1 - c.side, &c.carried_by, what);
    }
    let unique = analysis.unique.contains(&SentenceId {
        doc: c.side,
        sentence: i,
    });
    let close = analysis
        .close_unpaired
        .iter()
        .any(|n| n.doc == c.side && n.sentence == i);
    (unique, close)
}

#[derive(Default)]
struct Tally {
    labelled: usize,
    reported: usize,
    reported_unique: usize,
    /// Labelled sentences listed as close to another article's sentence instead.
    close: usize,
    /// Of them, the ones the other article carries.
    close_carried: usize,
}

#[test]
fn unique_sentences_are_unique() {
    let cases = cases();
    assert!(cases.len() >= 150, "{} labelled sentences", cases.len());
    // Article pairs in file order, each with its cases; an article pair is in one split only.
    let mut order: Vec<(String, String, String)> = Vec::new();
    let mut by_pair: BTreeMap<(String, String, String), Vec<&Case>> = BTreeMap::new();
    for c in &cases {
        let key = (c.corpus.clone(), c.a.clone(), c.b.clone());
        if !by_pair.contains_key(&key) {
            order.push(key.clone());
        }
        let list = by_pair.entry(key).or_default();
        if let Some(first) = list.first() {
            assert_eq!(
                first.held_out, c.held_out,
                "{} {} {}: an article pair is in one split",
                c.corpus, c.a, c.b
            );
        }
        list.push(c);
    }
    let mut tallies: BTreeMap<(&str, String), Tally> = BTreeMap::new();
    let mut wrong: Vec<String> = Vec::new();
    for key in &order {
        let (corpus, a, b) = key;
        let Some(folder) = dir(corpus) else {
            return;
        };
        let analysis = compare_pair(&folder, corpus, a, b);
        for c in &by_pair[key] {
            let (reported, close) = listing(&analysis, c, &format!("{corpus} {a} {b}"));
            let split = if c.held_out { "held out" } else { "dev" };
            for group in [corpus.clone(), "all".to_string()] {
                let t = tallies.entry((split, group)).or_default();
                t.labelled += 1;
                t.reported += usize::from(reported);
                t.reported_unique += usize::from(reported && !c.carried);
                t.close += usize::from(close);
                t.close_carried += usize::from(close && c.carried);
            }
            if reported && c.carried {
                wrong.push(format!(
                    "WRONG ({split}) {corpus} {a} | {b}\n    {}: {}\n    carried by: {}",
                    if c.side == 0 { "A" } else { "B" },
                    c.excerpt,
                    c.carried_by
                ));
            }
        }
    }
    println!("## {SAMPLE}");
    println!(
        "| split | corpus | labelled | still reported unique | of them truly unique | precision \
         | listed as close instead | of them carried |"
    );
    println!("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for ((split, group), t) in &tallies {
        println!(
            "| {split} | {group} | {} | {} | {} | {:.2} | {} | {} |",
            t.labelled,
            t.reported,
            t.reported_unique,
            t.reported_unique as f64 / t.reported.max(1) as f64,
            t.close,
            t.close_carried
        );
    }
    println!("{} carried sentences reported unique:", wrong.len());
    for w in &wrong {
        println!("{w}");
    }
    // Every sampled sentence was reported unique at main 9f5b0c8: 0.81 on the development
    // half, 0.80 on the held-out half. Leaving out the sentences close to another article's
    // sentence (`close_unpaired`, overlap 0.3 or more; chosen on the development half, though
    // the held-out half's figures were printed in the same exploration) gave 0.85 on both.
    // A close counterpart must since pass a pair's checks bar the overlap (fifth session of
    // 2026-12-01): 0.85 and 0.84, two of the held-out half's close sentences, both carried,
    // back in `unique`; the close pointers of a fresh audit went from 31 right of 53 to 26 of 33.
    for split in ["dev", "held out"] {
        let t = &tallies[&(split, "all".to_string())];
        let precision = t.reported_unique as f64 / t.reported.max(1) as f64;
        assert!(
            precision >= 0.83,
            "{split}: precision of unique {precision:.2}"
        );
        // Most of the sentences taken out of `unique` are told by the other article.
        assert!(
            t.close_carried * 10 >= t.close * 6,
            "{split}: {} of {} close sentences carried",
            t.close_carried,
            t.close
        );
    }
}

const HELD_OUT: &str = "unique_heldout.tsv";

/// An article pair: corpus, a, b.
type PairKey = (String, String, String);

/// The held-out sample: each labelled sentence with what `compare` listed it as when it was
/// drawn (`true`: close to another article's sentence, `false`: unique).
fn held_out_cases() -> Vec<(Case, bool)> {
    let path = format!("{}/tests/data/{HELD_OUT}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("the held-out unique sample");
    let mut out = Vec::new();
    for line in text.lines() {
        if line.starts_with('#') || line.starts_with("label\t") || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 8, "{line}");
        assert!(f[7] == "unique" || f[7] == "close", "{line}");
        out.push((case(&f, true, line), f[7] == "close"));
    }
    out
}

#[derive(Default)]
struct HeldOutTally {
    /// Sentences listed unique, and of them the ones the other article does not carry.
    unique: usize,
    unique_true: usize,
    /// Sentences listed close to another article's sentence, and of them the carried ones.
    close: usize,
    close_carried: usize,
}

/// Issue 9 on `tests/data/unique_heldout.tsv`, a sample drawn and labelled once, never tuned
/// on: the sentences `compare` lists as unique (up to three per side of each article pair) and
/// every sentence it sets apart as close to another article's sentence, each labelled by
/// reading the whole other article. Prints, per corpus, how many listed unique are truly
/// unique (the precision of "unique") and how many listed close are carried. Every excerpt
/// must find exactly one sentence, and every sentence must still be listed as the file says.
#[test]
fn unique_sentences_are_unique_held_out() {
    let cases = held_out_cases();
    assert!(!cases.is_empty(), "{HELD_OUT} has no rows");
    let mut order: Vec<PairKey> = Vec::new();
    let mut by_pair: BTreeMap<PairKey, Vec<&(Case, bool)>> = BTreeMap::new();
    for row in &cases {
        let c = &row.0;
        let key = (c.corpus.clone(), c.a.clone(), c.b.clone());
        if !by_pair.contains_key(&key) {
            order.push(key.clone());
        }
        by_pair.entry(key).or_default().push(row);
    }
    let mut tallies: BTreeMap<String, HeldOutTally> = BTreeMap::new();
    let mut wrong: Vec<String> = Vec::new();
    let mut moved: Vec<String> = Vec::new();
    for key in &order {
        let (corpus, a, b) = key;
        let Some(folder) = dir(corpus) else {
            println!("skipped: the {corpus} corpus is absent (../shared/corpus)");
            return;
        };
        let analysis = compare_pair(&folder, corpus, a, b);
        for (c, listed_close) in &by_pair[key] {
            let what = format!("{corpus} {a} {b}");
            let (unique, close) = listing(&analysis, c, &what);
            let now = match (unique, close) {
                (true, false) => "unique",
                (false, true) => "close",
                (true, true) => "unique and close",
                (false, false) => "neither",
            };
            let listed = if *listed_close { "close" } else { "unique" };
            if now != listed {
                moved.push(format!(
                    "{what} {}: {} (listed {listed}, now {now})",
                    side_name(c.side),
                    c.excerpt
                ));
            }
            // Counted as compare lists the sentence now: the labels are about the articles, so
            // a sentence a later rule moves keeps its label (the move is printed below).
            for group in [corpus.clone(), "all".to_string()] {
                let t = tallies.entry(group).or_default();
                if close {
                    t.close += 1;
                    t.close_carried += usize::from(c.carried);
                } else if unique {
                    t.unique += 1;
                    t.unique_true += usize::from(!c.carried);
                }
            }
            if c.carried && unique {
                wrong.push(format!(
                    "WRONG {corpus} {a} | {b}\n    {}: {}\n    carried by: {}",
                    side_name(c.side),
                    c.excerpt,
                    c.carried_by
                ));
            }
        }
    }
    println!("## {HELD_OUT}");
    println!(
        "| corpus | listed unique | of them truly unique | precision of unique \
         | listed close | of them carried | share carried |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (group, t) in &tallies {
        println!(
            "| {group} | {} | {} | {:.2} | {} | {} | {:.2} |",
            t.unique,
            t.unique_true,
            t.unique_true as f64 / t.unique.max(1) as f64,
            t.close,
            t.close_carried,
            t.close_carried as f64 / t.close.max(1) as f64
        );
    }
    println!("{} carried sentences listed unique:", wrong.len());
    for w in &wrong {
        println!("{w}");
    }
    println!(
        "{} sentences listed otherwise than at main a6fec72, when the sample was drawn:",
        moved.len()
    );
    for m in &moved {
        println!("  {m}");
    }
    // Drawn at a6fec72 after the close rule and run once: unique 92 of 96 (0.96), close 15
    // of 28 carried (0.54).
    let all = &tallies["all"];
    let precision = all.unique_true as f64 / all.unique.max(1) as f64;
    assert!(precision >= 0.9, "precision of unique {precision:.2}");
    assert!(
        all.close_carried * 10 >= all.close * 4,
        "{} of {} close sentences carried",
        all.close_carried,
        all.close
    );
}

fn side_name(side: usize) -> &'static str {
    if side == 0 { "A" } else { "B" }
}

/// A held-out audit of fresh same-event groups (fifth session of 2026-12-01) found half the
/// close pointers resting on a name and a title alone. A close counterpart must pass the checks
/// a pair must pass bar the overlap: more than names in common, a shared predicate, no other
/// speaker. Real sentences of PolNeAR (the Cleveland convention's host committee, 7 June 2016)
/// and BBC News (Deutsche Boerse's bid for the LSE, business/454 and 203).
#[test]
fn a_close_pointer_shares_more_than_a_name() {
    let Some(polnear) = dir("polnear") else {
        return;
    };
    let a = compare_pair(
        &polnear,
        "polnear",
        "usa-today_2016-06-07_political-conventions-race-to-cl.txt",
        "wash-post_2016-06-07_cleveland-shakes-off-rust-before.txt",
    );
    let raised = sentence(&a, 0, "has collected roughly $56.5 million", "Gilbert");
    let attention = sentence(&a, 1, "never had this much attention", "Gilbert");
    assert!(
        !a.close_unpaired
            .iter()
            .any(|n| (n.sentence, n.other) == (raised, attention)
                || (n.sentence, n.other) == (attention, raised)),
        "the money raised and the attention share only David Gilbert and his title"
    );
    let Some(bbc) = dir("bbc") else {
        return;
    };
    let b = compare_pair(&bbc, "bbc", "business/454.txt", "business/203.txt");
    let german = sentence(&b, 0, "does not have to gain shareholder", "German law");
    let backing = sentence(&b, 1, "does not need investor backing", "German law");
    assert!(
        b.close_unpaired
            .iter()
            .any(|n| n.doc == 0 && (n.sentence, n.other) == (german, backing)),
        "German law needs no shareholder vote: told by both, in other words"
    );
}
