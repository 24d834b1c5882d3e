//! Claim-drift precision and recall on the labelled benchmark `tests/data/drift_benchmark.tsv`:
//! real news sentences, each with one controlled edit and the flags a fact-checker should see.
//! Every case is compared as two small articles; a flag counts when any finding of the
//! comparison carries it. The measured figures are in README ("Accuracy"); run with
//! `cargo test --test accuracy_drift -- --nocapture` to see them and every miss.

use std::collections::BTreeSet;

mod common;

use sourcediff::{Article, DriftKind, Options, compare};

use common::DRIFT_KINDS as KINDS;

/// Lowest precision any flag type may have.
const MIN_PRECISION: f64 = 0.9;
/// Lowest recall any flag type may have.
const MIN_RECALL: f64 = 0.8;

struct Case {
    line: usize,
    expected: BTreeSet<DriftKind>,
    a: String,
    b: String,
}

fn cases(file: &str) -> Vec<Case> {
    let path = format!("{}/tests/data/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 4, "line {}: four tab-separated columns", i + 1);
        let expected = if cols[0] == "none" {
            BTreeSet::new()
        } else {
            cols[0]
                .split(',')
                .map(|k| {
                    KINDS
                        .iter()
                        .find(|(_, name)| *name == k.trim())
                        .unwrap_or_else(|| panic!("line {}: unknown flag {k:?}", i + 1))
                        .0
                })
                .collect()
        };
        out.push(Case {
            line: i + 1,
            expected,
            a: cols[1].to_string(),
            b: cols[2].to_string(),
        });
    }
    out
}

/// The drift flags a comparison of the two articles reports, with a readable trace.
fn flags(a: &str, b: &str) -> (BTreeSet<DriftKind>, String) {
    let analysis = compare(
        vec![Article::from_text("a", a), Article::from_text("b", b)],
        &Options::default(),
    );
    let mut kinds = BTreeSet::new();
    let mut trace = Vec::new();
    for f in &analysis.findings {
        for d in &f.drift {
            kinds.insert(d.kind);
            trace.push(format!("{:?} {:?}/{:?}", d.kind, d.left, d.right));
        }
    }
    if analysis.findings.is_empty() {
        trace.push("(not aligned)".to_string());
    }
    (kinds, trace.join("; "))
}

#[test]
fn drift_precision_and_recall_per_flag_type() {
    score("drift_benchmark.tsv", 60);
}

/// The check set written after the rules were tuned: the figure a new user can expect.
#[test]
fn drift_precision_and_recall_on_the_check_set() {
    score("drift_heldout.tsv", 30);
}

fn score(file: &str, at_least: usize) {
    let cases = cases(file);
    assert!(cases.len() >= at_least, "{file} has {} cases", cases.len());
    // (true positives, false positives, false negatives) per kind.
    let mut counts = [(0usize, 0usize, 0usize); KINDS.len()];
    let mut failures = Vec::new();
    for case in &cases {
        let (got, trace) = flags(&case.a, &case.b);
        for (k, (kind, _)) in KINDS.iter().enumerate() {
            match (case.expected.contains(kind), got.contains(kind)) {
                (true, true) => counts[k].0 += 1,
                (false, true) => counts[k].1 += 1,
                (true, false) => counts[k].2 += 1,
                (false, false) => {}
            }
        }
        if got != case.expected {
            failures.push(format!(
                "line {}: expected {:?}, got {:?}: {trace}",
                case.line, case.expected, got
            ));
        }
    }
    println!("claim drift on {} labelled cases of {file}:", cases.len());
    println!("| flag | expected | reported | precision | recall |");
    let mut below = Vec::new();
    for (k, (_, name)) in KINDS.iter().enumerate() {
        let (tp, fp, fn_) = counts[k];
        let precision = if tp + fp == 0 {
            1.0
        } else {
            tp as f64 / (tp + fp) as f64
        };
        let recall = if tp + fn_ == 0 {
            1.0
        } else {
            tp as f64 / (tp + fn_) as f64
        };
        println!(
            "| {name} | {} | {} | {precision:.2} | {recall:.2} |",
            tp + fn_,
            tp + fp
        );
        if precision < MIN_PRECISION || recall < MIN_RECALL {
            below.push(format!(
                "{name}: precision {precision:.2}, recall {recall:.2}"
            ));
        }
    }
    for f in &failures {
        println!("  {f}");
    }
    assert!(
        below.is_empty(),
        "below precision {MIN_PRECISION} or recall {MIN_RECALL}: {}\n{}",
        below.join("; "),
        failures.join("\n")
    );
}

/// Rules of the third session, each on the real sentences it was written from (BBC News and
/// PolNeAR, held-out and development samples of claim drift on real news).
#[test]
fn drift_rules_on_real_sentence_pairs() {
    use DriftKind::{Hedge, Number};
    let cases: &[(&[DriftKind], &str, &str)] = &[
        // A softener bears on its own clause: the trial's length is expected, the jail
        // sentence is faced (bbc business/087, business/465).
        (
            &[Hedge],
            "Mr Ebbers' trial is expected to last two months and if found guilty the former CEO faces a substantial jail sentence.",
            "If found guilty, Mr Ebbers could face a substantial jail sentence.",
        ),
        // "claims they could": the Tories say they can (bbc politics/277, politics/282).
        (
            &[],
            "Mr Blair derided Tory claims they could cut £35bn in \"wasteful spending\" saying the party had got its sums wrong.",
            "Tory leader Michael Howard has said his party would cut £35bn in \"wasteful\" spending to allow £4bn in tax cuts.",
        ),
        // The hedged verb against a participle of another clause (PolNeAR huff-post
        // 2016-07-18, wash-post 2016-09-01).
        (
            &[],
            "The GOP candidate has insisted on building a wall on the U.S.-Mexico border, despite critics, like John Oliver, breaking down why it’s an expensive and futile idea.",
            "Trump appeared to break down walls with Mexico, only to build them back up.",
        ),
        // The year of a day both give (PolNeAR nyt 2016-03-15, 2016-03-16).
        (
            &[],
            "And he boasts about them on the campaign trail: the Iraq war, the Wall Street bailout and the Patriot Act after the Sept. 11, 2001, terrorist attacks.",
            "And he boasts about them constantly on the campaign trail: the Iraq war, the Wall Street bailout and the Patriot Act after the Sept. 11 terrorist attacks.",
        ),
        // One subject whose verb is reworded: the date added is drift (bbc business/458,
        // business/492; business/025, business/192).
        (
            &[Number],
            "Parmalat was declared insolvent after it emerged that 4 billion euros (£2.8bn; $4.8bn) it supposedly held in an offshore account did not in fact exist.",
            "Parmalat collapsed in December 2003 after it emerged that the 4bn euros ($5.2bn; £2.8bn) it supposedly held in a Bank of American offshore account did not in fact exist.",
        ),
        (
            &[Number],
            "Yukos filed for Chapter 11 protection in Houston in an unsuccessful attempt to halt the auction of its Yugansk division by the Russian authorities.",
            "Yukos made its surprise Chapter 11 bankruptcy filing in Houston in December in an unsuccessful attempt to halt the auction of Yugansk, its main oil producing unit, by Russian authorities.",
        ),
    ];
    let mut wrong = Vec::new();
    for (expected, a, b) in cases {
        let (got, trace) = flags(a, b);
        let expected: BTreeSet<DriftKind> = expected.iter().copied().collect();
        if got != expected {
            wrong.push(format!(
                "{a:?} / {b:?}: expected {expected:?}, got {got:?}: {trace}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
