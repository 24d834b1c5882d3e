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
//! Two samples: `drift_real.tsv` is the development sample (the rules were tuned on it);
//! `drift_heldout_real.tsv` was drawn and judged before the rules of the next session were
//! changed, from article pairs the development sample does not hold, and is the fairer figure.
//!
//! A third sample, `drift_heldout_real2.tsv`, judges aligned sentence pairs rather than flags:
//! drawn before the third session's rules from article pairs no other sample holds, when the
//! rules raised no flag on them, each labelled with the drift a reader finds in it (or none). It
//! measures what the rules still miss (recall) and whether a flag they raise on new pairs is
//! right (every flag on a pair judged "none", or of a kind the pair's label lacks, is false).
//!
//! `cargo test --test accuracy_drift_real -- --nocapture` prints each table, every false flag
//! still reported, every true flag lost and the unjudged flags. Skipped without `../shared/corpus`.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use sourcediff::{Analysis, Article, DriftKind, Options, compare};

use common::DRIFT_KINDS as KINDS;

/// The floors of one sample, set from the measured figures (README "Accuracy").
struct Floors {
    /// Fewest judged flags the sample holds.
    judged: usize,
    /// Lowest precision of all flags together.
    all: f64,
    /// Lowest precision of each kind with at least [`MIN_REPORTED`] judged flags still reported.
    kind: f64,
    /// Fewest true flags that must still be reported.
    true_kept: usize,
}

/// Fewest reported flags of a kind before its own floor applies.
const MIN_REPORTED: usize = 5;

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

/// The judged lines of a sample in `tests/data`: each line's number and its eight
/// tab-separated columns (comments, the column line and blank lines left out). Both kinds of
/// sample, judged flags and judged pairs, are read by it.
fn tsv(file: &str) -> Vec<(usize, Vec<String>)> {
    let path = format!("{}/tests/data/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#')
            || line.starts_with("verdict\t")
            || line.starts_with("drift\t")
            || line.trim().is_empty()
        {
            continue;
        }
        let f: Vec<String> = line.split('\t').map(str::to_string).collect();
        assert_eq!(
            f.len(),
            8,
            "{file} line {}: eight tab-separated columns",
            i + 1
        );
        out.push((i + 1, f));
    }
    out
}

/// A drift kind by the name the samples use.
fn kind(file: &str, line: usize, name: &str) -> DriftKind {
    KINDS
        .iter()
        .find(|(_, n)| *n == name)
        .unwrap_or_else(|| panic!("{file} line {line}: unknown drift kind {name:?}"))
        .0
}

fn rows(file: &str) -> Vec<Row> {
    tsv(file)
        .into_iter()
        .map(|(line, f)| {
            assert!(
                f[0] == "true" || f[0] == "false",
                "{file} line {line}: verdict {:?}",
                f[0]
            );
            Row {
                line,
                truth: f[0] == "true",
                kind: kind(file, line, &f[1]),
                corpus: f[2].clone(),
                a: f[3].clone(),
                b: f[4].clone(),
                excerpt_a: f[5].clone(),
                excerpt_b: f[6].clone(),
                why: f[7].clone(),
            }
        })
        .collect()
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
    // Development sample (292 judged flags): 146 still reported, 53 true (0.36) when the second
    // session began; 43, 40 true (0.93) after its rules; 46, 43 true (0.93) after the third's.
    // Fourth session (294 judged flags, 2 added): 46, 43 true (0.93) at its start; 46, 44 true
    // (0.96) after its rules, every kind at 0.9 or more (hedge 5 of 5, number 22 of 24).
    // Fifth session (295, 1 added: "The Lib Dems say" raised by its neutral frame): 47, 45 true
    // (0.96), attribution 18 of 18; 45, 44 true (0.98) on main 6633991's alignment, which no
    // longer aligns the pairs of a true date ("on March 14") and a false one ("in 2000").
    // 44, 43 true after the rule that a framing pair needs company (`keep_in_company`): the
    // lone framing pair of the donors' ties ("appear to have ties" / "have clear ties", two
    // USA Today stories nine months apart) is no longer reported.
    measure(
        "drift_real.tsv",
        &Floors {
            judged: 295,
            all: 0.95,
            kind: 0.9,
            true_kept: 43,
        },
    );
}

#[test]
fn drift_precision_on_heldout_real_news() {
    // Held out: 70 flags, 22 true (0.31) with the rules of ba31ecd; 21, 18 true (0.86) with the
    // second session's rules, measured once at the end. Development data since: 18, 18 true
    // (1.00) with the third session's rules, and with the fourth's. 17, 17 true once a framing
    // pair needs company: the one framing pair of two BBC sprinting stories (sport/054,
    // sport/082: "for missing" / "for allegedly missing" tests) is no longer reported.
    measure(
        "drift_heldout_real.tsv",
        &Floors {
            judged: 70,
            all: 1.0,
            kind: 0.9,
            true_kept: 17,
        },
    );
}

/// Compares every judged article pair of `file` again, prints the table and the misses, and
/// checks the floors.
fn measure(file: &str, floors: &Floors) {
    println!("\n== {file} ==");
    let rows = rows(file);
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
            // The first alignment holding both excerpts that no row of this kind has taken (an
            // article may tell one sentence twice: two alignments, two rows).
            let holds = |(l, rt, _): &(String, String, BTreeSet<DriftKind>)| {
                l.contains(&ea) && rt.contains(&eb)
            };
            let at = (0..found.len())
                .find(|&i| holds(&found[i]) && !judged_at.contains(&(i, r.kind)))
                .or_else(|| found.iter().position(holds));
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
        all.judged >= floors.judged,
        "{file}: the sample holds {} judged flags",
        all.judged
    );
    assert!(
        all.precision() >= floors.all,
        "{file}: precision of all flags {:.2} below {}",
        all.precision(),
        floors.all
    );
    assert!(
        all.reported_true >= floors.true_kept,
        "{file}: {} true flags still reported, fewer than {}",
        all.reported_true,
        floors.true_kept
    );
    for (k, t) in &tallies {
        if t.reported >= MIN_REPORTED {
            assert!(
                t.precision() >= floors.kind,
                "{file}: {k}: precision {:.2} below {}",
                t.precision(),
                floors.kind
            );
        }
    }
}

/// One judged aligned pair of `drift_heldout_real2.tsv`.
struct PairRow {
    line: usize,
    /// The drift kinds a reader finds (empty: none).
    drift: BTreeSet<DriftKind>,
    corpus: String,
    a: String,
    b: String,
    excerpt_a: String,
    excerpt_b: String,
    why: String,
}

fn pair_rows(file: &str) -> Vec<PairRow> {
    tsv(file)
        .into_iter()
        .map(|(line, f)| PairRow {
            line,
            drift: if f[0] == "none" {
                BTreeSet::new()
            } else {
                f[0].split(',').map(|k| kind(file, line, k)).collect()
            },
            corpus: f[1].clone(),
            a: f[2].clone(),
            b: f[3].clone(),
            excerpt_a: f[5].clone(),
            excerpt_b: f[6].clone(),
            why: f[7].clone(),
        })
        .collect()
}

/// The floors of the judged-pairs sample.
struct PairFloors {
    /// Fewest judged pairs.
    pairs: usize,
    /// Fewest pairs holding drift a reader finds.
    with_drift: usize,
    /// Fewest of those drift items flagged.
    found: usize,
    /// Most flags raised on judged pairs that are false.
    most_false: usize,
}

#[test]
fn drift_on_heldout_pairs_real_news() {
    // Held out (third session): 100 aligned pairs on which the rules of 9f80bff raised no flag,
    // 6 holding drift (5 number, 1 attribution): 0 of 6 found, 0 flags raised; the same with
    // the third session's rules, run once at the end (no flag, none false, none found).
    // Development data since; the fourth session's rules find 3 of the 6 (Mr Brown's "eighth" /
    // "ninth" Budget, "in January" added in a framing pair, "MCI's directors have argued that"),
    // no flag false.
    measure_pairs(
        "drift_heldout_real2.tsv",
        &PairFloors {
            pairs: 100,
            with_drift: 6,
            found: 3,
            most_false: 0,
        },
    );
}

#[test]
fn drift_on_heldout_pairs_real_news_fourth() {
    // Held out (fourth session): 103 aligned pairs of article pairs no other sample holds, drawn
    // as the third sample was, plus the 3 flags the rules of 7745a4f raised on such pairs (2
    // subject, 1 hedge, all false); 6 holding drift (3 number, 3 attribution), 0 found. Run once
    // at the end with the fourth session's rules: the same 3 flags, all false; 0 of 6 found.
    // Development data since; the fifth session's rules raise none of the 3 false flags and
    // find 3 of the 6 ("for the 19th month in succession" dropped, "according to experts"
    // dropped, "The Lib Dems say" added).
    measure_pairs(
        "drift_heldout_real3.tsv",
        &PairFloors {
            pairs: 103,
            with_drift: 6,
            found: 3,
            most_false: 0,
        },
    );
}

#[test]
fn drift_on_heldout_pairs_real_news_fifth() {
    // Held out (fifth session): 63 aligned pairs of article pairs no other sample holds, drawn
    // as the fourth sample was (60 alignments, seed 14) plus the 3 flags the fourth session's
    // rules (9be75a6) raised on such pairs ("in January" added to the first P2P convictions, on
    // three reprint pairs of a sentence developed on; all true); 6 holding drift (all number),
    // 3 found, none false. Run once, at the end of the fifth session with its rules: the same
    // 3 flags, all true, no other; 3 of 6 found.
    measure_pairs(
        "drift_heldout_real4.tsv",
        &PairFloors {
            pairs: 63,
            with_drift: 6,
            found: 3,
            most_false: 0,
        },
    );
}

/// Compares every article pair of the judged-pairs sample `file` again and scores the flags
/// raised on each judged alignment against its label.
fn measure_pairs(file: &str, floors: &PairFloors) {
    println!("\n== {file} ==");
    let rows = pair_rows(file);
    let mut by_pair: BTreeMap<(String, String, String), Vec<&PairRow>> = BTreeMap::new();
    for r in &rows {
        by_pair
            .entry((r.corpus.clone(), r.a.clone(), r.b.clone()))
            .or_default()
            .push(r);
    }
    // Per kind: drift items judged, found; flags raised, true.
    let mut tallies: BTreeMap<&str, [usize; 4]> = BTreeMap::new();
    let (mut false_flags, mut lost, mut unjudged) = (Vec::new(), Vec::new(), Vec::new());
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
        let mut taken: BTreeSet<usize> = BTreeSet::new();
        for r in rows {
            let (ea, eb) = (folded(&r.excerpt_a), folded(&r.excerpt_b));
            let holds = |(l, rt, _): &(String, String, BTreeSet<DriftKind>)| {
                l.contains(&ea) && rt.contains(&eb)
            };
            let at = (0..found.len())
                .find(|&i| holds(&found[i]) && !taken.contains(&i))
                .or_else(|| found.iter().position(holds));
            let raised = at.map(|i| found[i].2.clone()).unwrap_or_default();
            if let Some(i) = at {
                taken.insert(i);
            }
            let shown = |k: DriftKind| {
                format!(
                    "line {} {} {}[{} | {}] {:?} / {:?} ({})",
                    r.line,
                    name(k),
                    if at.is_some() { "" } else { "(pair gone) " },
                    r.a,
                    r.b,
                    r.excerpt_a,
                    r.excerpt_b,
                    r.why
                )
            };
            for &k in r.drift.union(&raised) {
                let (judged, hit) = (r.drift.contains(&k), raised.contains(&k));
                for n in [name(k), "all"] {
                    let t = tallies.entry(n).or_default();
                    t[0] += usize::from(judged);
                    t[1] += usize::from(judged && hit);
                    t[2] += usize::from(hit);
                    t[3] += usize::from(judged && hit);
                }
                if hit && !judged {
                    false_flags.push(shown(k));
                } else if judged && !hit {
                    lost.push(shown(k));
                }
            }
        }
        for (i, (l, rt, kinds)) in found.iter().enumerate() {
            if !taken.contains(&i) {
                for k in kinds {
                    unjudged.push(format!("{} [{a} | {b}] {l:?} / {rt:?}", name(*k)));
                }
            }
        }
    }
    println!("| drift | judged drift (found) | flags raised (true) | precision |");
    println!("| --- | --- | --- | --- |");
    for (k, t) in &tallies {
        println!(
            "| {k} | {} ({}) | {} ({}) | {:.2} |",
            t[0],
            t[1],
            t[2],
            t[3],
            t[3] as f64 / t[2].max(1) as f64
        );
    }
    println!("\nfalse flags ({}):", false_flags.len());
    for s in &false_flags {
        println!("  {s}");
    }
    println!("\ndrift not flagged ({}):", lost.len());
    for s in &lost {
        println!("  {s}");
    }
    println!(
        "\nflags on alignments not in the sample ({}):",
        unjudged.len()
    );
    for s in &unjudged {
        println!("  {s}");
    }
    let all = tallies.get("all").copied().unwrap_or_default();
    let with_drift = rows.iter().filter(|r| !r.drift.is_empty()).count();
    assert!(
        rows.len() >= floors.pairs,
        "{file}: {} judged pairs",
        rows.len()
    );
    assert!(
        with_drift >= floors.with_drift,
        "{file}: {with_drift} pairs hold drift"
    );
    assert!(
        all[1] >= floors.found,
        "{file}: {} drift items flagged, fewer than {}",
        all[1],
        floors.found
    );
    assert!(
        all[2] - all[3] <= floors.most_false,
        "{file}: {} false flags, more than {}",
        all[2] - all[3],
        floors.most_false
    );
}
