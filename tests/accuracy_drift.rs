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

/// Where a rule's case is compared: the two sentences alone as two small articles, or the two
/// real articles that hold them (some sentences are aligned only in their articles' company:
/// alone, a case whose pair is not aligned would pass whatever its rule says).
enum From {
    Alone,
    /// corpus, article a, article b; the case's sentences are then the start of each sentence.
    Articles(&'static str, &'static str, &'static str),
    /// As `Articles`, for a loose pair that alignment may no longer keep (main 6633991 keeps a
    /// loose edited or framing pair only with support): not aligned, it raises no flag and the
    /// case is printed; aligned, its flags must be the expected ones.
    Loose(&'static str, &'static str, &'static str),
}

/// The rules of the third and fourth sessions, each on the real sentences it was written from
/// (BBC News and PolNeAR, development samples of claim drift on real news). Every case must be
/// aligned, so each fails without its rule (checked by disabling each rule).
#[test]
fn drift_rules_on_real_sentence_pairs() {
    use DriftKind::{Attribution, Hedge, Number};
    use From::{Alone, Articles, Loose};
    let cases: &[(&[DriftKind], &str, &str, From)] = &[
        // A softener bears on its own clause: the trial's length is expected, the jail
        // sentence is faced (bbc business/087, business/465).
        (
            &[Hedge],
            "Mr Ebbers' trial is expected to last two months and if found guilty the former CEO faces a substantial jail sentence.",
            "If found guilty, Mr Ebbers could face a substantial jail sentence.",
            Alone,
        ),
        // "claims they could": the Tories say they can. Aligned only in the articles.
        (
            &[],
            "Mr Blair derided Tory claims they could cut £35bn",
            "Tory leader Michael Howard has said his party would cut £35bn",
            Loose("bbc", "politics/277.txt", "politics/282.txt"),
        ),
        // The hedged verb against a participle of another clause. Aligned only in the articles.
        (
            &[],
            "The GOP candidate has insisted on building a wall on the U.S.-Mexico border",
            "Trump appeared to break down walls with Mexico",
            Loose(
                "polnear",
                "huff-post_2016-07-18_more-offensive-things-donald-tru.txt",
                "wash-post_2016-09-01_trump-appeared-to-break-down-wal.txt",
            ),
        ),
        // "has yet to endorse" is not endorsed (PolNeAR west-journal_2016-08-03, edited to
        // Trump's endorsement of huff-post_2016-08-05): a reversed polarity.
        (
            &[DriftKind::Negation],
            "While Republican presidential nominee Donald Trump has yet to endorse House Speaker Paul Ryan’s re-election bid, Trump’s running mate — Indiana Gov. Mike Pence — has thrown his support behind Ryan.",
            "While Republican presidential nominee Donald Trump has endorsed House Speaker Paul Ryan’s re-election bid, Trump’s running mate — Indiana Gov. Mike Pence — has thrown his support behind Ryan.",
            Alone,
        ),
        // "are yet to be finalised" / "are still to be finalised": both not done (BBC tech/052,
        // tech/309).
        (
            &[],
            "Although details of PlayStation 3, Xenon, and Nintendo's so-called Revolution, are yet to be finalised, developers are already working on titles.",
            "The details of PlayStation 3, Xbox 2 (codename Xenon) and Nintendo's so-called Revolution are still to be finalised but developers are having to work on titles for the new machines regardless.",
            Articles("bbc", "tech/052.txt", "tech/309.txt"),
        ),
        // Not done either way: a passive "is yet to be signed" against "is to be signed", and
        // "still to blame" (no "yet to" on the other side) are no reversal (from a review).
        (
            &[],
            "The trade agreement between the two countries is yet to be signed by the ministers, officials said on Monday.",
            "The trade agreement between the two countries is to be signed by the ministers, officials said on Monday.",
            Alone,
        ),
        (
            &[],
            "The board said the former chief executive was still to blame for the losses of the last two years.",
            "The board said the former chief executive was to blame for the losses of the last two years.",
            Alone,
        ),
        // The year of a day both give (PolNeAR nyt 2016-03-15, 2016-03-16).
        (
            &[],
            "And he boasts about them on the campaign trail: the Iraq war, the Wall Street bailout and the Patriot Act after the Sept. 11, 2001, terrorist attacks.",
            "And he boasts about them constantly on the campaign trail: the Iraq war, the Wall Street bailout and the Patriot Act after the Sept. 11 terrorist attacks.",
            Alone,
        ),
        // One subject whose verb is reworded: the date added is drift (bbc business/458,
        // business/492; business/025, business/192).
        (
            &[Number],
            "Parmalat was declared insolvent after it emerged that 4 billion euros (£2.8bn; $4.8bn) it supposedly held in an offshore account did not in fact exist.",
            "Parmalat collapsed in December 2003 after it emerged that the 4bn euros ($5.2bn; £2.8bn) it supposedly held in a Bank of American offshore account did not in fact exist.",
            Alone,
        ),
        (
            &[Number],
            "Yukos filed for Chapter 11 protection in Houston in an unsuccessful attempt to halt the auction of its Yugansk division by the Russian authorities.",
            "Yukos made its surprise Chapter 11 bankruptcy filing in Houston in December in an unsuccessful attempt to halt the auction of Yugansk, its main oil producing unit, by Russian authorities.",
            Alone,
        ),
        // Fourth session. Under "if", "could" against "would" is one hypothesis (two speakers'
        // warnings; the last false hedge of the development sample).
        (
            &[],
            "Lives could be put at risk if refugees were turned away",
            "That prompted some charities to say the plans would put",
            Articles("bbc", "politics/087.txt", "politics/106.txt"),
        ),
        // An ordinal after a possessive is a figure, not part of a name.
        (
            &[Number],
            "Next month's Budget will be Mr Brown's eighth since Labour came to power in 1997.",
            "Next month's Budget will be Mr Brown's ninth since Labour came to power in 1997.",
            Articles("bbc", "politics/077.txt", "politics/354.txt"),
        ),
        // An attribution frame put before a bare claim.
        (
            &[Attribution],
            "Verizon is far bigger than Qwest",
            "MCI's directors have argued that Verizon is bigger than Qwest",
            Articles("bbc", "business/188.txt", "business/202.txt"),
        ),
        // ... but not after a claim the other side tells of another speaker, nor a denial.
        (
            &[],
            "Ken Livingstone should \"stick to his guns\"",
            "Tony Blair has urged London mayor Ken Livingstone to apologise",
            Articles("bbc", "politics/075.txt", "politics/186.txt"),
        ),
        (
            &[],
            "On Wednesday Mr Blair directly denied Mr Brown made that quote",
            "Mr Brown later told reporters",
            Articles("bbc", "politics/099.txt", "politics/260.txt"),
        ),
        // A date told of a past verb both sides have, in a framing pair.
        (
            &[Number],
            "The first convictions for piracy over peer-to-peer networks",
            "The first convictions for P2P piracy were handed out in the US in January.",
            Articles("bbc", "tech/075.txt", "tech/286.txt"),
        ),
        // ... not of a noun: hoping to repeat a success and having repeated it are two facts.
        (
            &[],
            "British actor Owen is hoping to repeat his Golden Globe success",
            "The two actors have repeated their success at the Golden Globes in January.",
            Articles("bbc", "entertainment/355.txt", "entertainment/357.txt"),
        ),
        // Fifth session. A possessive name is no subject: two speakers on one programme.
        (
            &[],
            "The prime minister was asked about Mr Brown's article",
            "And responding to calls for the agency to be scrapped, Mr Johnson told",
            Loose("bbc", "politics/107.txt", "politics/116.txt"),
        ),
        // A charge listing the hedged act ("… and faking") still alleges it.
        (
            &[],
            "Kenteris and Thanou also face criminal charges in Greece for allegedly faking",
            "Kenteris and Thanou still have to face trial on charges brought separately",
            Loose("bbc", "sport/048.txt", "sport/079.txt"),
        ),
        // A count of time dropped where the other side tells a weekday: no day told two ways.
        (
            &[Number],
            "The European Central Bank has left its key interest rate unchanged at 2% for the 19th month in succession.",
            "The European Central Bank (ECB) left its benchmark interest rate unchanged at 2% on Thursday.",
            Articles("bbc", "business/436.txt", "business/439.txt"),
        ),
        // A neutral frame, "according to X" or "X say(s)", on a claim the other side tells
        // bare (PolNeAR wash-post 2016-01-31, 2016-03-03; BBC politics/337, 396).
        (
            &[Attribution],
            "But it is the responsibility of individual government officials to handle classified material",
            "However, it is the responsibility of individual government officials to properly handle",
            Articles(
                "polnear",
                "wash-post_2016-01-31_state-calls-emails-of-clinton-to.txt",
                "wash-post_2016-03-03_staffer-who-set-up-clinton-email.txt",
            ),
        ),
        (
            &[Attribution],
            "Labour and the Conservatives are still telephoning the millions of people",
            "The Lib Dems say Labour is telephoning people",
            Articles("bbc", "politics/337.txt", "politics/396.txt"),
        ),
        // ... not where the bare side is hedged, or told back-shifted as reported speech.
        (
            &[],
            "Investors seemed to feel that some of the worst-affected areas were so under-developed",
            "Investors seemed to feel that some of the worst-affected areas - such as Aceh",
            Articles("bbc", "business/260.txt", "business/354.txt"),
        ),
        (
            &[],
            "He then changed his mind in June 2004",
            "He had then changed his mind in June 2004",
            Articles("bbc", "politics/255.txt", "politics/256.txt"),
        ),
        (
            &[],
            "But 34 years later none of the organisations members had reached this target",
            "But 34 years later none of the organisations members have reached this target",
            Articles("bbc", "politics/127.txt", "politics/130.txt"),
        ),
        // ... nor a whole claim dropped with its source (found on the unjudged pool of the
        // fifth held-out draw, after that sample's one run, which this rule never flagged).
        (
            &[],
            "According to Fox News, the State Department reported finding an additional 328 emails",
            "Watch the latest video at",
            Loose(
                "polnear",
                "west-journal_2015-12-01_just-leaked-look-at-hillary-s-sh.txt",
                "west-journal_2015-12-12_boom-trump-just-fired-a-word-mis.txt",
            ),
        ),
        (
            &[Attribution],
            "Viruses written to make headlines by infecting millions are getting rarer.",
            "Viruses written to make headlines by infecting millions are also getting rarer, according to net security experts.",
            Articles("bbc", "tech/077.txt", "tech/316.txt"),
        ),
    ];
    let mut wrong = Vec::new();
    for (expected, a, b, from) in cases {
        let expected: BTreeSet<DriftKind> = expected.iter().copied().collect();
        let got = match from {
            Alone => {
                let (got, trace) = flags(a, b);
                if trace == "(not aligned)" {
                    wrong.push(format!("{a:?} / {b:?}: not aligned"));
                    continue;
                }
                (got, trace)
            }
            Articles(corpus, fa, fb) | Loose(corpus, fa, fb) => {
                let Some(dir) = common::corpus_dir(corpus) else {
                    continue;
                };
                let read = |f: &str| {
                    let p = dir.join(f);
                    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
                };
                let analysis = compare(
                    vec![
                        Article::from_text(*fa, read(fa)),
                        Article::from_text(*fb, read(fb)),
                    ],
                    &Options::default(),
                );
                let text = |doc: usize, ss: &[usize]| {
                    ss.iter()
                        .map(|&s| common::folded(analysis.documents[doc].sentence_text(s)))
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                let (ea, eb) = (common::folded(a), common::folded(b));
                let Some(f) = analysis.findings.iter().find(|f| {
                    text(f.pair.left.doc, &f.pair.left.sentences).contains(&ea)
                        && text(f.pair.right.doc, &f.pair.right.sentences).contains(&eb)
                }) else {
                    if matches!(from, Loose(..)) && expected.is_empty() {
                        println!("{a:?} / {b:?}: not aligned in {fa} and {fb} (a loose pair)");
                    } else {
                        wrong.push(format!("{a:?} / {b:?}: not aligned in {fa} and {fb}"));
                    }
                    continue;
                };
                let trace = f
                    .drift
                    .iter()
                    .map(|d| format!("{:?} {:?}/{:?}", d.kind, d.left, d.right))
                    .collect::<Vec<_>>()
                    .join("; ");
                (f.drift.iter().map(|d| d.kind).collect(), trace)
            }
        };
        let (got, trace) = got;
        if got != expected {
            wrong.push(format!(
                "{a:?} / {b:?}: expected {expected:?}, got {got:?}: {trace}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
