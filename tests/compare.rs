//! The compare pipeline on real text: the seed articles' acceptance list, claim drift on
//! news-style sentences, symmetry and order-freedom, reprints, and graded reuse on the BBC
//! corpus (skipped with a printed reason when `../shared` is absent).

mod common;

use std::collections::BTreeSet;

use sourcediff::{Analysis, Article, DriftKind, Finding, FindingKind, Options, compare};

fn seed(i: usize) -> Article {
    Article::from_text(common::SEEDS[i], common::seed_text(common::SEEDS[i]))
}

fn run(articles: Vec<Article>) -> Analysis {
    compare(articles, &Options::default())
}

fn text(a: &Analysis, doc: usize, sentence: usize) -> &str {
    a.documents[doc].sentence_text(sentence)
}

/// The finding whose left side has a sentence containing `left` and right side one
/// containing `right`.
fn find<'a>(a: &'a Analysis, left: &str, right: &str) -> Option<&'a Finding> {
    a.findings.iter().find(|f| {
        let p = &f.pair;
        p.left
            .sentences
            .iter()
            .any(|&s| text(a, p.left.doc, s).contains(left))
            && p.right
                .sentences
                .iter()
                .any(|&s| text(a, p.right.doc, s).contains(right))
    })
}

fn expect<'a>(a: &'a Analysis, left: &str, right: &str) -> &'a Finding {
    find(a, left, right).unwrap_or_else(|| {
        let found: Vec<String> = a
            .findings
            .iter()
            .map(|f| format!("{:?} {:?} ~ {:?}", f.kind, f.pair.left, f.pair.right))
            .collect();
        panic!(
            "no finding pairs {left:?} with {right:?}; found:\n{}",
            found.join("\n")
        )
    })
}

/// Every finding as texts, independent of the order the articles were given in: (kind,
/// {one side's sentences, the other side's sentences}).
fn findings_by_text(a: &Analysis) -> BTreeSet<(FindingKind, BTreeSet<Vec<String>>)> {
    a.findings
        .iter()
        .map(|f| {
            let side = |s: &sourcediff::Side| -> Vec<String> {
                s.sentences
                    .iter()
                    .map(|&i| text(a, s.doc, i).to_string())
                    .collect()
            };
            (
                f.kind,
                [side(&f.pair.left), side(&f.pair.right)]
                    .into_iter()
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn seeds_adnan_quote_is_edited_with_isis_inserted() {
    let a = run(vec![seed(0), seed(1)]);
    let f = expect(
        &a,
        "All the indications are that it was Daesh,”",
        "Daesh (ISIS),”",
    );
    assert_eq!(f.kind, FindingKind::Edited);
    let pieces = sourcediff::report::diff_pieces(&a, f);
    assert!(
        pieces
            .iter()
            .any(|p| p.op == sourcediff::EditOp::Insert && p.right == "(ISIS)"),
        "{pieces:?}"
    );
}

#[test]
fn seeds_we_know_daesh_movements_is_verbatim() {
    let a = run(vec![seed(0), seed(1)]);
    let f = expect(
        &a,
        "We know Daesh’s movements.",
        "We know Daesh’s movements.",
    );
    assert_eq!(f.kind, FindingKind::Verbatim);
    assert!(f.drift.is_empty());
}

#[test]
fn seeds_nyt_line_is_found_though_quoted_in_one_and_a_block_in_the_other() {
    // PEERS.md: every in-order diff tool loses this line or the Adnan quotes, because they
    // cross (this line comes before the quotes in A and after them in B).
    let a = run(vec![seed(0), seed(1)]);
    let f = expect(
        &a,
        "The Times reported Thursday that “Iraqi military",
        "Iraqi military and intelligence officials have raised doubts about who fired the rockets…",
    );
    assert_eq!(f.kind, FindingKind::Edited);
    assert!(
        f.pair.longest_run >= 12,
        "longest run {}",
        f.pair.longest_run
    );
}

#[test]
fn seeds_leads_are_the_same_fact_framed_differently() {
    let a = run(vec![seed(0), seed(1)]);
    let f = expect(
        &a,
        "In a “bombshell” revelation",
        "President Donald Trump’s excuse",
    );
    assert_eq!(f.kind, FindingKind::Framing);
    // "stated justificiations" versus "excuse"; Soleimani / Suleimani is one name.
    assert!(
        f.pair
            .variants
            .iter()
            .any(|(l, r)| l == "soleimani" && r == "suleimani"),
        "{:?}",
        f.pair.variants
    );
    // "likely responsible" became "actually perpetrated": the hedge is gone.
    let hedge = f
        .drift
        .iter()
        .find(|d| d.kind == DriftKind::Hedge)
        .expect("hedge flag");
    assert_eq!(hedge.left, ["likely"]);
}

#[test]
fn seeds_unreleased_evidence_is_framing_without_a_subject_flag() {
    let a = run(vec![seed(0), seed(1)]);
    let f = expect(
        &a,
        "they have not released any of this evidence",
        "has not revealed any such evidence",
    );
    assert_eq!(f.kind, FindingKind::Framing);
    // "Khataib Hezbollah carried out the attack" / "Iran is behind the attack" is no longer a
    // subject flag: in a framing pair a swap counts only when neither side names anyone else
    // the other lacks (here "Suleimani" and "Trump" in the right sentence's added clause), the
    // rule that cleared the framing swaps judged false on held-out real news (issue 9). The
    // culprit is still there to read in the pair; an Iran-backed militia and Iran are not
    // plainly two culprits.
    let swapped = f.drift.iter().any(|d| d.kind == DriftKind::Subject);
    assert!(!swapped, "{:?}", f.drift);
    // "insisted" / "claims": two loaded verbs both keep the writer at a distance, no change
    // (judged so on real cross-outlet news: "claimed" / "alleged", "insisted" / "maintained"
    // in tests/data/drift_real.tsv).
    assert!(
        !f.drift.iter().any(|d| d.kind == DriftKind::Attribution),
        "{:?}",
        f.drift
    );
}

#[test]
fn seeds_unique_assertions_include_the_injuries_and_the_goldenberg_tweet() {
    let a = run(vec![seed(0), seed(1)]);
    let unique: Vec<&str> = a
        .unique
        .iter()
        .map(|u| text(&a, u.doc, u.sentence))
        .collect();
    assert!(
        unique
            .iter()
            .any(|s| s.contains("34 American soldiers suffering brain injuries"))
    );
    assert!(unique.iter().any(|s| s.starts_with("Ilan Goldenberg")));
    // Nothing aligned is also listed as unique.
    for f in &a.findings {
        for &s in &f.pair.left.sentences {
            assert!(
                !a.unique
                    .iter()
                    .any(|u| u.doc == f.pair.left.doc && u.sentence == s)
            );
        }
    }
}

#[test]
fn swapping_the_articles_mirrors_the_findings() {
    let ab = run(vec![seed(0), seed(1)]);
    let ba = run(vec![seed(1), seed(0)]);
    assert_eq!(findings_by_text(&ab), findings_by_text(&ba));
    assert_eq!(ab.findings.len(), ba.findings.len());
    let c = |a: &Analysis, d, o| a.coverage_of(d, o).map(|c| c.shared_words);
    assert_eq!(c(&ab, 0, 1), c(&ba, 1, 0));
    assert_eq!(c(&ab, 1, 0), c(&ba, 0, 1));
    // The diffs mirror too: an insertion seen from A is a deletion seen from B.
    let f = expect(&ba, "Daesh (ISIS),”", "it was Daesh,”");
    let pieces = sourcediff::report::diff_pieces(&ba, f);
    assert!(
        pieces
            .iter()
            .any(|p| p.op == sourcediff::EditOp::Delete && p.left == "(ISIS)")
    );
}

/// A third article: article A with its sentences in another order, one number changed and a
/// hedge added, as a careless rewrite would do.
fn rewrite_of_a() -> Article {
    let a = run(vec![seed(0)]);
    let mut sentences: Vec<String> = (0..a.documents[0].sentences.len())
        .map(|i| text(&a, 0, i).to_string())
        .collect();
    sentences.reverse();
    let joined = sentences
        .join("\n\n")
        .replace("Dec. 27", "Dec. 28")
        .replace(
            "The U.S. responded to the rocket attack",
            "The U.S. reportedly responded to the rocket attack",
        );
    Article::from_text("c.txt", joined)
}

#[test]
fn the_order_of_three_articles_does_not_change_what_is_found() {
    let orders = [[0, 1, 2], [2, 0, 1], [1, 2, 0], [2, 1, 0]];
    let make = |i: usize| if i == 2 { rewrite_of_a() } else { seed(i) };
    let first = findings_by_text(&run(orders[0].iter().map(|&i| make(i)).collect()));
    for order in &orders[1..] {
        let other = findings_by_text(&run(order.iter().map(|&i| make(i)).collect()));
        assert_eq!(first, other, "order {order:?}");
    }
}

#[test]
fn a_reordered_rewrite_is_found_with_its_drift() {
    let a = run(vec![seed(0), rewrite_of_a()]);
    // All 16 sentences of A come back, in reverse order.
    assert!(a.unique.is_empty(), "{:?}", a.unique);
    let f = expect(
        &a,
        "for the Dec. 27 rocket attack",
        "for the Dec. 28 rocket attack",
    );
    assert_eq!(f.kind, FindingKind::Edited);
    let n = f
        .drift
        .iter()
        .find(|d| d.kind == DriftKind::Number)
        .expect("number flag");
    assert_eq!(
        (n.left.as_slice(), n.right.as_slice()),
        (&["27".to_string()][..], &["28".to_string()][..])
    );
    let f = expect(&a, "The U.S. responded", "The U.S. reportedly responded");
    assert!(
        f.drift
            .iter()
            .any(|d| d.kind == DriftKind::Hedge && d.right == ["reportedly"])
    );
}

#[test]
fn identical_articles_are_a_full_reprint() {
    let a = run(vec![
        seed(1),
        Article::from_text("copy.txt", common::seed_text(common::SEEDS[1])),
    ]);
    assert!(a.unique.is_empty());
    assert!(a.findings.iter().all(|f| f.kind == FindingKind::Verbatim));
    for c in &a.coverage {
        assert_eq!(c.shared, 1.0, "{c:?}");
    }
}

#[test]
fn an_article_compared_with_itself_is_a_full_reprint() {
    let a = run(vec![seed(0), seed(0)]);
    assert!(a.unique.is_empty());
    // A repeats the Jamal Abdi tweet: each repeated sentence is one group of two occurrences.
    let f = expect(&a, "If this report is true", "If this report is true");
    assert_eq!(f.pair.left.sentences.len(), 2);
    assert_eq!(f.pair.right.sentences.len(), 2);
    assert_eq!(a.coverage_of(0, 1).map(|c| c.shared), Some(1.0));
}

#[test]
fn a_sentence_repeated_ten_thousand_times_is_one_group() {
    let line = "The minister said the talks would resume on Monday in Brussels.\n";
    let a = run(vec![
        Article::from_text("a.txt", line.repeat(10_000)),
        Article::from_text("b.txt", format!("A new headline\n\n{}", line.repeat(3))),
    ]);
    assert_eq!(a.findings.len(), 1);
    assert_eq!(a.findings[0].pair.left.sentences.len(), 10_000);
    assert_eq!(a.findings[0].pair.right.sentences.len(), 3);
    assert_eq!(a.unique.len(), 1);
}

#[test]
fn a_huge_single_sentence_falls_back_without_a_word_diff() {
    let words = common::seed_text(common::SEEDS[0]).replace(['.', '?', '!', '\n'], " ");
    let huge = words.repeat(60); // about 180 KB, one sentence
    let a = run(vec![
        Article::from_text("a.txt", huge.clone()),
        Article::from_text("b.txt", huge),
    ]);
    assert_eq!(a.findings.len(), 1);
    assert_eq!(a.findings[0].kind, FindingKind::Verbatim);
}

#[test]
fn function_words_alone_never_align() {
    let a = run(vec![
        Article::from_text("a.txt", "The cat sat on the mat with the hat and the bat."),
        Article::from_text(
            "b.txt",
            "The government of the day was in the dark about it all.",
        ),
    ]);
    assert!(a.findings.is_empty());
    assert_eq!(a.unique.len(), 2);
}

/// (left sentence, right sentence, the flag expected, its left words, its right words)
type DriftCase = (
    &'static str,
    &'static str,
    DriftKind,
    &'static [&'static str],
    &'static [&'static str],
);

#[test]
fn drift_flags_on_news_sentences() {
    let cases: &[DriftCase] = &[
        (
            "The firm said it would cut 300 jobs at its Leeds plant by March.",
            "The firm said it would cut 450 jobs at its Leeds plant by March.",
            DriftKind::Number,
            &["300"],
            &["450"],
        ),
        (
            "The minister said the trade deal would be signed before the election.",
            "The minister said the trade deal would not be signed before the election.",
            DriftKind::Negation,
            &[],
            &["not"],
        ),
        (
            "Police said the fire at the warehouse was probably started deliberately.",
            "Police said the fire at the warehouse was started deliberately.",
            DriftKind::Hedge,
            &["probably"],
            &[],
        ),
        (
            "“We will not resign over this report,” the prime minister said on Tuesday.",
            "“We will not resign over this report,” the prime minister insisted on Tuesday.",
            DriftKind::Attribution,
            &["said"],
            &["insisted"],
        ),
    ];
    for (left, right, kind, l, r) in cases {
        let a = run(vec![
            Article::from_text("a.txt", *left),
            Article::from_text("b.txt", *right),
        ]);
        let f = expect(&a, left, right);
        assert_eq!(f.kind, FindingKind::Edited, "{left}");
        let d = f
            .drift
            .iter()
            .find(|d| d.kind == *kind)
            .unwrap_or_else(|| panic!("no {kind:?} flag for {left:?}: {:?}", f.drift));
        assert_eq!(d.left, *l, "{left}");
        assert_eq!(d.right, *r, "{left}");
    }
}

#[test]
fn the_report_is_byte_identical_from_run_to_run() {
    let render = |a: &Analysis| {
        let mut out = Vec::new();
        let options = sourcediff::RenderOptions::new(sourcediff::Format::Json);
        sourcediff::report::write(a, &options, &mut out).expect("render");
        out
    };
    let first = render(&run(vec![seed(0), seed(1), rewrite_of_a()]));
    for _ in 0..3 {
        assert_eq!(render(&run(vec![seed(0), seed(1), rewrite_of_a()])), first);
    }
}

fn bbc(path: &str) -> Option<Article> {
    let dir = common::bbc_dir()?;
    let text = std::fs::read_to_string(dir.join(path)).ok()?;
    Some(Article::from_text(path, text))
}

#[test]
fn a_real_reprint_is_mostly_shared_and_its_edits_are_found() {
    // business/354 republishes business/260 ("Asia shares defy post-quake gloom") with its
    // paragraphs reordered and some sentences edited.
    let (Some(orig), Some(reprint)) = (bbc("business/260.txt"), bbc("business/354.txt")) else {
        return;
    };
    let a = run(vec![orig, reprint]);
    let shared = a.coverage_of(0, 1).map_or(0.0, |c| c.shared);
    assert!(shared > 0.8, "shared {shared}");
    let f = expect(
        &a,
        "so under-developed that the tragedy would have little impact",
        "so under-developed that the tragedy would little impact",
    );
    assert_eq!(f.kind, FindingKind::Edited);
}

#[test]
fn coverage_ranks_copy_above_light_edit_above_rewrite_above_unrelated() {
    let (Some(orig), Some(light), Some(unrelated)) = (
        bbc("business/260.txt"),
        bbc("business/354.txt"),
        // Same topic (the tsunami's economic effects in Asia), a different story.
        bbc("business/012.txt"),
    ) else {
        return;
    };
    let heavy = Article::from_text(
        "heavy_rewrite.txt",
        std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/graded/heavy_rewrite.txt"),
        )
        .expect("fixture"),
    );
    let copy = Article::from_text("copy.txt", orig.text.clone());
    let shared = |other: Article| {
        run(vec![orig.clone(), other])
            .coverage_of(0, 1)
            .map_or(0.0, |c| c.shared)
    };
    let grades = [
        shared(copy),
        shared(light),
        shared(heavy),
        shared(unrelated),
    ];
    // A rewrite of every sentence in other words leaves at most a loose pair or two, and a
    // loose pair with no close pair near it is dropped (`keep_supported`): the heavy rewrite
    // shares as little as a different story of the same event, and never more than the light
    // edit.
    assert!(
        grades[0] > grades[1] && grades[1] > grades[2] && grades[2] >= grades[3],
        "copy, light edit, heavy rewrite, unrelated: {grades:?}"
    );
    assert_eq!(grades[0], 1.0);
    assert!(grades[1] > 0.8, "light edit {:?}", grades[1]);
    assert!(grades[2] < 0.1, "heavy rewrite {:?}", grades[2]);
    assert_eq!(grades[3], 0.0, "unrelated");
}

#[test]
fn no_drift_flag_where_nothing_changed_in_substance() {
    // Both versions hedge, in other words: "may" against "could".
    let a = run(vec![
        Article::from_text(
            "a.txt",
            "Officials said the new tax may raise 30bn baht for the rebuilding work next year.",
        ),
        Article::from_text(
            "b.txt",
            "Officials said the new tax could raise 30bn baht for the rebuilding work next year.",
        ),
    ]);
    let f = expect(&a, "may raise", "could raise");
    assert!(
        !f.drift.iter().any(|d| d.kind == DriftKind::Hedge),
        "{:?}",
        f.drift
    );
    // A title alone is not a swapped name: "Mr Balls" against "Ed Balls".
    let a = run(vec![
        Article::from_text(
            "a.txt",
            "Mr Balls told the BBC the Budget would be held before the election in May.",
        ),
        Article::from_text(
            "b.txt",
            "Ed Balls told the BBC the Budget would be held before the election in May.",
        ),
    ]);
    let f = expect(&a, "Mr Balls told", "Ed Balls told");
    assert!(
        !f.drift.iter().any(|d| d.kind == DriftKind::Subject),
        "{:?}",
        f.drift
    );
}

/// Issue 9: sentences that share only names or one noun phrase are not one fact; a shared
/// clause or predicate makes a pair. Real BBC reprint sentences (entertainment, politics).
#[test]
fn a_pair_shares_a_predicate_not_only_a_noun_phrase() {
    let not_pairs = [
        (
            "The 2005 Orange British Academy Film Awards are being held at The Odeon in London's Leicester Square.",
            "British stars Imelda Staunton and Clive Owen are hoping for awards at the Odeon in London's Leicester Square.",
        ),
        (
            "Lord Hanningfield, leader of Essex County Council, told BBC Radio 4's Today programme that he wanted an inquiry.",
            "During an interview with BBC Radio 4's Today programme, Mr Balls said he was sure the Budget was safe.",
        ),
        (
            "Senators debated the 2018 farm bill on Tuesday.",
            "The 2018 farm bill includes deep cuts to food stamps.",
        ),
    ];
    for (a, b) in not_pairs {
        let found = run(vec![
            Article::from_text("a.txt", a),
            Article::from_text("b.txt", b),
        ]);
        assert!(
            found.findings.is_empty(),
            "{a:?} / {b:?} paired: {:?}",
            found.findings.iter().map(|f| f.kind).collect::<Vec<_>>()
        );
    }
    // A clause shared inside two different sentences stays a pair.
    let found = run(vec![
        Article::from_text(
            "a.txt",
            "Iraqi officials said the rockets were fired from a field near the base.",
        ),
        Article::from_text(
            "b.txt",
            "Hours later, investigators in Baghdad said the rockets were fired from a field near the K-1 base, the Times reported.",
        ),
    ]);
    assert_eq!(found.findings.len(), 1);
}

/// Whose act a shared verb is, when its own clause names no one: the subject of the main
/// clause after a leading "While …" clause, never an owner ("Trump's running mate"), and a
/// pronoun nearer the verb than any name leaves it open (PolNeAR west-journal_2016-08-03 /
/// huff-post_2016-08-05, huff-post_2016-06-09 / wash-post_2016-06-09).
#[test]
fn a_shared_verb_is_tied_to_its_own_subject() {
    let Some(dir) = common::corpus_dir("polnear") else {
        return;
    };
    let read = |name: &str| {
        let path = dir.join(name);
        let text = std::fs::read_to_string(&path).expect("PolNeAR article");
        Article::from_text(name, text)
    };
    // A prospect and its result, tied before through Pence's support read as Trump's.
    let found = run(vec![
        read("west-journal_2016-08-03_pence-endorses-paul-ryan-with-tr.txt"),
        read("huff-post_2016-08-05_donald-trump-finally-endorses-ho.txt"),
    ]);
    assert!(find(&found, "Trump’s running mate", "Trump on Friday endorsed").is_none());
    // The rest of the two articles' pairs stand ("refused to endorse" / "refusal to endorse").
    expect(
        &found,
        "Trump refused to endorse Ryan",
        "refusal to endorse Ryan",
    );
    // "She" after the colon is Clinton: the same fact stays a pair.
    let found = run(vec![
        read("huff-post_2016-06-09_clinton-and-sanders-aren-t-butti.txt"),
        read("wash-post_2016-06-09_game-over-will-sanders-come-down.txt"),
    ]);
    expect(
        &found,
        "Clinton garnered most the convention",
        "She clinched an outright majority",
    );
}

/// A line with no word is no assertion: a section break ("***", "—") or the "." an embedded
/// tweet's tags leave (PolNeAR west-journal_2015-11-18: `<tweet tweet-id="…"><tweet/>.`) is
/// not listed as unique, while the sentences around it are.
#[test]
fn wordless_lines_are_not_unique_assertions() {
    let a = Article::from_text(
        "a.txt",
        "The Trump campaign announced last week that it hired Katrina Pierson.\n\n***\n\n.\n\n—\n\nTrump went on to discuss his opposition to the resettlement of Syrian refugees.\n"
            .to_string(),
    );
    let analysis = run(vec![a, seed(0)]);
    let unique: Vec<&str> = analysis
        .unique
        .iter()
        .filter(|u| u.doc == 0)
        .map(|u| text(&analysis, u.doc, u.sentence))
        .collect();
    assert_eq!(
        unique,
        [
            "The Trump campaign announced last week that it hired Katrina Pierson.",
            "Trump went on to discuss his opposition to the resettlement of Syrian refugees."
        ]
    );
}
