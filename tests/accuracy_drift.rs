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
