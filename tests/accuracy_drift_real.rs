//! Claim-drift precision on real news (issue 9): every drift flag `sourcediff compare` raised on
//! real same-story articles (PolNeAR: different US outlets within a day; BBC News: rewrites of one
//! story), judged by reading in `tests/data/drift_real.tsv`. The controlled edits of
//! `accuracy_drift.rs` measure whether a rule fires on the edit it was built for; this sample
//! measures what a reader of real cross-outlet coverage is shown, where most aligned sentences
//! are not one claim edited.
//!
//! Each judged flag is looked up again: the two articles are compared, the alignment holding the
//! two excerpts found, and the flag counts as reported when that alignment still carries a flag
//! of its kind. Precision per kind is over the judged flags still reported; "kept" is how many of
//! the true flags are still reported. Flags reported on those article pairs that the sample does
//! not judge are printed (new flags to read and add).
//!
//! `cargo test --test accuracy_drift_real -- --nocapture` prints the table, every false flag
//! still reported, every true flag lost and the unjudged flags. Skipped without `../shared/corpus`.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use sourcediff::{Analysis, Article, DriftKind, Options, compare};

use common::DRIFT_KINDS as KINDS;

/// Lowest precision of all flags together, set from the measured figure (README "Accuracy").
const MIN_PRECISION_ALL: f64 = 0.55;
/// Lowest precision of each kind with at least [`MIN_REPORTED`] judged flags still reported.
const MIN_PRECISION_KIND: f64 = 0.4;
/// Fewest reported flags of a kind before its own floor applies.
const MIN_REPORTED: usize = 5;
/// Fewest true flags that must still be reported (of 30 judged true).
const MIN_TRUE_KEPT: usize = 21;

struct Row {
    line: usize,
    truth: bool,
    kind: DriftKind,
    corpus: String,
    a: String,
    b: String,
    excerpt_a: String,
    excerpt_b: String,
    why: String,
}

fn rows() -> Vec<Row> {
    let path = format!("{}/tests/data/drift_real.tsv", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.starts_with("verdict\t") || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 8, "line {}: eight tab-separated columns", i + 1);
        assert!(
            f[0] == "true" || f[0] == "false",
            "line {}: verdict {:?}",
            i + 1,
            f[0]
        );
        let kind = KINDS
            .iter()
            .find(|(_, n)| *n == f[1])
            .unwrap_or_else(|| panic!("line {}: unknown flag {:?}", i + 1, f[1]))
            .0;
        out.push(Row {
            line: i + 1,
            truth: f[0] == "true",
            kind,
            corpus: f[2].to_string(),
            a: f[3].to_string(),
            b: f[4].to_string(),
            excerpt_a: f[5].to_string(),
            excerpt_b: f[6].to_string(),
            why: f[7].to_string(),
        });
    }
    out
}

use common::{corpus_dir, folded};

fn name(kind: DriftKind) -> &'static str {
    KINDS
        .iter()
        .find(|(k, _)| *k == kind)
        .map(|(_, n)| *n)
        .unwrap_or("?")
}

/// The drift kinds of every alignment of `a`, keyed by (left sentences' text, right sentences'
/// text), in order.
fn flagged(a: &Analysis) -> Vec<(String, String, BTreeSet<DriftKind>)> {
    let text = |doc: usize, ss: &[usize]| {
        ss.iter()
            .map(|&s| folded(a.documents[doc].sentence_text(s)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    a.findings
        .iter()
        .map(|f| {
            (
                text(f.pair.left.doc, &f.pair.left.sentences),
                text(f.pair.right.doc, &f.pair.right.sentences),
                f.drift.iter().map(|d| d.kind).collect(),
            )
        })
        .collect()
}

#[derive(Default)]
struct Tally {
    judged: usize,
    judged_true: usize,
    reported: usize,
    reported_true: usize,
}

impl Tally {
    fn precision(&self) -> f64 {
        self.reported_true as f64 / self.reported.max(1) as f64
    }
}

#[test]
fn drift_precision_on_real_news() {
    let rows = rows();
    let mut by_pair: BTreeMap<(String, String, String), Vec<&Row>> = BTreeMap::new();
    for r in &rows {
        by_pair
            .entry((r.corpus.clone(), r.a.clone(), r.b.clone()))
            .or_default()
            .push(r);
    }
    let mut tallies: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut false_kept = Vec::new();
    let mut true_lost = Vec::new();
    let mut unjudged = Vec::new();
    for ((corpus, a, b), rows) in &by_pair {
        let Some(dir) = corpus_dir(corpus) else {
            return;
        };
        let read = |f: &str| {
            let p = dir.join(f);
            std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
        };
        let analysis = compare(
            vec![
                Article::from_text(a.as_str(), read(a)),
                Article::from_text(b.as_str(), read(b)),
            ],
            &Options::default(),
        );
        let found = flagged(&analysis);
        let mut judged_at: BTreeSet<(usize, DriftKind)> = BTreeSet::new();
        for r in rows {
            let (ea, eb) = (folded(&r.excerpt_a), folded(&r.excerpt_b));
            let at = found
                .iter()
                .position(|(l, rt, _)| l.contains(&ea) && rt.contains(&eb));
            let reported = at.is_some_and(|i| found[i].2.contains(&r.kind));
            if let Some(i) = at {
                judged_at.insert((i, r.kind));
            }
            for k in [name(r.kind), "all"] {
                let t = tallies.entry(k).or_default();
                t.judged += 1;
                t.judged_true += usize::from(r.truth);
                t.reported += usize::from(reported);
                t.reported_true += usize::from(reported && r.truth);
            }
            let shown = format!(
                "line {} {} {} [{} | {}] {:?} / {:?} ({})",
                r.line,
                name(r.kind),
                if at.is_some() { "" } else { "(pair gone)" },
                r.a,
                r.b,
                r.excerpt_a,
                r.excerpt_b,
                r.why
            );
            if reported && !r.truth {
                false_kept.push(shown);
            } else if !reported && r.truth {
                true_lost.push(shown);
            }
        }
        for (i, (l, rt, kinds)) in found.iter().enumerate() {
            for k in kinds {
                if !judged_at.contains(&(i, *k)) {
                    unjudged.push(format!("{} [{a} | {b}] {l:?} / {rt:?}", name(*k)));
                }
            }
        }
    }
    println!("| flag | judged (true) | still reported (true) | precision |");
    println!("| --- | --- | --- | --- |");
    for (k, t) in &tallies {
        println!(
            "| {k} | {} ({}) | {} ({}) | {:.2} |",
            t.judged,
            t.judged_true,
            t.reported,
            t.reported_true,
            t.precision()
        );
    }
    println!("\nfalse flags still reported ({}):", false_kept.len());
    for s in &false_kept {
        println!("  {s}");
    }
    println!("\ntrue flags lost ({}):", true_lost.len());
    for s in &true_lost {
        println!("  {s}");
    }
    println!("\nflags not in the sample ({}):", unjudged.len());
    for s in &unjudged {
        println!("  {s}");
    }
    let all = &tallies["all"];
    assert!(
        all.judged >= 80,
        "the sample holds {} judged flags",
        all.judged
    );
    assert!(
        all.precision() >= MIN_PRECISION_ALL,
        "precision of all flags {:.2} below {MIN_PRECISION_ALL}",
        all.precision()
    );
    assert!(
        all.reported_true >= MIN_TRUE_KEPT,
        "{} true flags still reported, fewer than {MIN_TRUE_KEPT}",
        all.reported_true
    );
    for (k, t) in &tallies {
        if t.reported >= MIN_REPORTED {
            assert!(
                t.precision() >= MIN_PRECISION_KIND,
                "{k}: precision {:.2} below {MIN_PRECISION_KIND}",
                t.precision()
            );
        }
    }
}
