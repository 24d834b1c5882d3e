//! Issue 9, item 2: edited and framing pairs are the same fact, and the same fact told in other
//! words across outlets is found. Measured on `tests/data/pairs_sample.tsv`: sentence pairs of
//! same-story articles (PolNeAR, seven US outlets, 2015–16; BBC News rewrites, 2004–05),
//! labelled by reading. The sample holds every edited or framing pair the aligner reported on
//! those article pairs when it was made (close copies left out), and pairs a looser search for
//! shared content words proposed, judged by hand: so precision is over what the aligner
//! reports, and recall over every same-fact pair found either way.
//!
//! `cargo test --test accuracy_pairs -- --nocapture` prints the table, every miss and every
//! reported pair the sample does not label (new pairs to judge). Skipped without
//! `../shared/corpus`.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use sourcediff::{Analysis, Article, FindingKind, Options, compare};

/// One labelled sentence pair.
struct Case {
    same: bool,
    corpus: String,
    a: String,
    b: String,
    found_by: String,
    excerpt_a: String,
    excerpt_b: String,
}

fn cases(file: &str) -> Vec<Case> {
    let path = format!("{}/tests/data/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("the pair sample");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("label\t") && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 7, "{l}");
            assert!(f[0] == "same" || f[0] == "different", "{l}");
            Case {
                same: f[0] == "same",
                corpus: f[1].to_string(),
                a: f[2].to_string(),
                b: f[3].to_string(),
                found_by: f[4].to_string(),
                excerpt_a: f[5].to_string(),
                excerpt_b: f[6].to_string(),
            }
        })
        .collect()
}

use common::{corpus_dir, folded};

/// The first sentence of `doc` whose text holds `excerpt`.
fn sentence(a: &Analysis, doc: usize, excerpt: &str) -> Option<usize> {
    let want = folded(excerpt);
    let d = &a.documents[doc];
    (0..d.sentences.len()).find(|&s| folded(d.sentence_text(s)).contains(&want))
}

/// Every (left sentence, right sentence) the alignment joins, with the kind and similarity.
fn aligned(a: &Analysis) -> BTreeMap<(usize, usize), (FindingKind, f64)> {
    let mut out = BTreeMap::new();
    for f in &a.findings {
        for &i in &f.pair.left.sentences {
            for &j in &f.pair.right.sentences {
                out.insert((i, j), (f.kind, f.pair.similarity));
            }
        }
    }
    out
}

#[derive(Default)]
struct Tally {
    reported: usize,
    reported_same: usize,
    same: usize,
}

impl Tally {
    fn precision(&self) -> f64 {
        self.reported_same as f64 / self.reported.max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.reported_same as f64 / self.same.max(1) as f64
    }
}

/// The kind of a finding as the per-kind rows name it (verbatim groups count as edited: a copy).
fn kind_name(kind: FindingKind) -> &'static str {
    match kind {
        FindingKind::Framing => "framing",
        _ => "edited",
    }
}

/// Measures one labelled file: the tally per corpus and for "all", after printing the table,
/// the misses and the unlabelled reported pairs. `None` when the corpus is absent.
fn measure(file: &str) -> Option<BTreeMap<String, Tally>> {
    let cases = cases(file);
    println!("## {file}");
    let mut by_articles: BTreeMap<(String, String, String), Vec<&Case>> = BTreeMap::new();
    for c in &cases {
        by_articles
            .entry((c.corpus.clone(), c.a.clone(), c.b.clone()))
            .or_default()
            .push(c);
    }
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    // `PAIRS_FULL=1`: misses and wrong pairs with their whole sentences, not the excerpts.
    let full = std::env::var_os("PAIRS_FULL").is_some();
    let mut misses: Vec<String> = Vec::new();
    let mut unlabelled: Vec<String> = Vec::new();
    for ((corpus, a, b), list) in &by_articles {
        let dir = corpus_dir(corpus)?;
        let read = |name: &str| article_in(&dir, name);
        let analysis = compare(vec![read(a), read(b)], &Options::default());
        let pairs = aligned(&analysis);
        let mut labelled: BTreeSet<(usize, usize)> = BTreeSet::new();
        for c in list {
            let (Some(i), Some(j)) = (
                sentence(&analysis, 0, &c.excerpt_a),
                sentence(&analysis, 1, &c.excerpt_b),
            ) else {
                panic!(
                    "{corpus} {a} {b}: no sentence holds {:?} / {:?}",
                    c.excerpt_a, c.excerpt_b
                );
            };
            labelled.insert((i, j));
            let reported = pairs.contains_key(&(i, j));
            let kind = pairs.get(&(i, j)).map(|k| kind_name(k.0));
            for key in [corpus.clone(), "all".to_string()] {
                let t = tallies.entry(key).or_default();
                t.reported += usize::from(reported);
                t.reported_same += usize::from(reported && c.same);
                t.same += usize::from(c.same);
            }
            // Per kind of pair: precision over the pairs reported as that kind; recall is the
            // share of all same-fact pairs found as that kind.
            for k in ["edited", "framing"] {
                let t = tallies.entry(format!("kind {k}")).or_default();
                let this = kind == Some(k);
                t.reported += usize::from(this);
                t.reported_same += usize::from(this && c.same);
                t.same += usize::from(c.same);
            }
            if reported != c.same {
                misses.push(format!(
                    "{} ({}, {}) {corpus} {a} | {b}\n    A: {}\n    B: {}",
                    if c.same { "MISSED" } else { "WRONG " },
                    c.found_by,
                    pairs
                        .get(&(i, j))
                        .map_or_else(|| "not reported".to_string(), |k| format!("{:?}", k.0)),
                    if full {
                        analysis.documents[0].sentence_text(i)
                    } else {
                        &c.excerpt_a
                    },
                    if full {
                        analysis.documents[1].sentence_text(j)
                    } else {
                        &c.excerpt_b
                    },
                ));
            }
        }
        for (&(i, j), &(kind, similarity)) in &pairs {
            let close =
                kind == FindingKind::Verbatim || (kind == FindingKind::Edited && similarity >= 0.9);
            if !close && !labelled.contains(&(i, j)) {
                unlabelled.push(format!(
                    "{kind:?} {corpus} {a} | {b}\n    A: {}\n    B: {}",
                    analysis.documents[0].sentence_text(i),
                    analysis.documents[1].sentence_text(j)
                ));
            }
        }
    }
    println!("| sample | same-fact pairs | reported | reported, same fact | precision | recall |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: |");
    for (name, t) in &tallies {
        println!(
            "| {name} | {} | {} | {} | {:.2} | {:.2} |",
            t.same,
            t.reported,
            t.reported_same,
            t.precision(),
            t.recall()
        );
    }
    for m in &misses {
        println!("{m}");
    }
    println!(
        "{} reported pairs the sample does not label:",
        unlabelled.len()
    );
    for u in &unlabelled {
        println!("{u}");
    }
    Some(tallies)
}

#[test]
fn pairs_are_the_same_fact_and_paraphrases_are_found() {
    assert!(cases("pairs_sample.tsv").len() >= 150);
    let Some(tallies) = measure("pairs_sample.tsv") else {
        return;
    };
    let all = &tallies["all"];
    assert!(all.precision() >= 0.95, "precision {:.2}", all.precision());
    // 0.60 until two polls' methods became no pair: the one pair that rule takes from this
    // sample, "The margin of sampling error among that group was plus or minus four percentage
    // points." / "The margin of error is plus or minus 5.7 percentage points." (nyt_2016-05-27,
    // politico_2016-05-26), is labelled the same fact here and two facts in the scan audit
    // (`scan_pairs.tsv`), where the rule removed 14 pairs judged wrong and none judged right.
    assert!(all.recall() >= 0.59, "recall {:.2}", all.recall());
}

/// The held-out sample (`tests/data/pairs_heldout.tsv`): other article pairs, labelled before
/// the synonym and speaker rules were run on them; the rules were never tuned on it.
#[test]
fn held_out_pairs_are_the_same_fact() {
    assert!(cases("pairs_heldout.tsv").len() >= 60);
    let Some(tallies) = measure("pairs_heldout.tsv") else {
        return;
    };
    let all = &tallies["all"];
    assert!(all.precision() >= 0.9, "precision {:.2}", all.precision());
    // 0.52 until the predicate rule (third 2026-12-01 session) dropped one paraphrase whose
    // predicates share no word ("urged the club to reject the new deal" / "said it would fight
    // any move"); 0.47 once a framing pair needs company (fourth 2026-12-01 session: two right
    // framing pairs of article pairs that share nothing else went).
    assert!(all.recall() >= 0.47, "recall {:.2}", all.recall());
}

/// A second held-out sample (`tests/data/pairs_heldout2.tsv`): 76 pairs of same-event PolNeAR
/// articles from different outlets that neither other sample uses, labelled by reading before
/// the subject-predicate rule was written; the rules were not tuned on it.
#[test]
fn fresh_cross_outlet_pairs_are_the_same_fact() {
    assert!(cases("pairs_heldout2.tsv").len() >= 60);
    let Some(tallies) = measure("pairs_heldout2.tsv") else {
        return;
    };
    let all = &tallies["all"];
    assert!(all.precision() >= 0.9, "precision {:.2}", all.precision());
    // 0.55 until a framing pair needed company (24 · 22 -> 21 · 20).
    assert!(all.recall() >= 0.50, "recall {:.2}", all.recall());
}

/// A third held-out sample (`tests/data/pairs_heldout3.tsv`): 91 pairs of same-story PolNeAR
/// articles from different outlets and BBC rewrites that no other sample uses, labelled by
/// reading before this session's rule changes; measured only at the end of the session.
#[test]
fn third_held_out_pairs_are_the_same_fact() {
    assert!(cases("pairs_heldout3.tsv").len() >= 60);
    let Some(tallies) = measure("pairs_heldout3.tsv") else {
        return;
    };
    let all = &tallies["all"];
    assert!(all.precision() >= 0.83, "precision {:.2}", all.precision());
    // 0.25 until a framing pair needed company (19 · 16 -> 17 · 15).
    assert!(all.recall() >= 0.23, "recall {:.2}", all.recall());
}

/// A fourth held-out sample (`tests/data/pairs_heldout4.tsv`): 65 pairs of PolNeAR articles of
/// different outlets within two days and BBC rewrites that no other sample uses, labelled by
/// reading before the 2026-12-01 session changed any rule; measured only at its end.
#[test]
fn fourth_held_out_pairs_are_the_same_fact() {
    assert!(cases("pairs_heldout4.tsv").len() >= 60);
    let Some(tallies) = measure("pairs_heldout4.tsv") else {
        return;
    };
    let all = &tallies["all"];
    assert!(all.precision() >= 0.83, "precision {:.2}", all.precision());
    // 0.70 until a framing pair needed company (35 · 30 -> 32 · 28).
    assert!(all.recall() >= 0.65, "recall {:.2}", all.recall());
}

/// The PolNeAR article `name` of `dir`.
/// The article `name` of a corpus folder (`corpus_dir`), named as the file.
fn article_in(dir: &std::path::Path, name: &str) -> Article {
    let text = std::fs::read_to_string(dir.join(name))
        .unwrap_or_else(|e| panic!("{}/{name}: {e}", dir.display()));
    Article::from_text(name, text)
}

/// A loose pair (under half the words and half the weighted content in common) that stands
/// alone in two articles sharing little is not reported; one beside a sure pair, or between two
/// articles that share a twentieth of their text, is. Real PolNeAR articles (AP live blog of
/// 2016-03-15, HuffPost 2016-03-16) and the seeds.
#[test]
fn a_loose_pair_needs_support() {
    let Some(dir) = corpus_dir("polnear") else {
        return;
    };
    let read = |name: &str| article_in(&dir, name);
    let analysis = compare(
        vec![
            read("breitbart_2016-03-15_the-latest-kasich-scores-all-del.txt"),
            read("huff-post_2016-03-16_donald-trump-got-more-votes-in-o.txt"),
        ],
        &Options::default(),
    );
    let pairs = aligned(&analysis);
    // Two facts of one primary night: which states vote / where Trump outpolled Clinton.
    let (Some(i), Some(j)) = (
        sentence(
            &analysis,
            0,
            "The other states voting Tuesday are North Carolina",
        ),
        sentence(
            &analysis,
            1,
            "More people voted for Trump than for Clinton in two states",
        ),
    ) else {
        panic!("sentences not found");
    };
    assert!(!pairs.contains_key(&(i, j)), "{:?}", pairs.get(&(i, j)));
    // Two polls of Democrats' satisfaction: a loose edit with nothing around it.
    let (Some(i), Some(j)) = (
        sentence(&analysis, 0, "Majorities of Democrats in five states"),
        sentence(&analysis, 1, "And a full 79 percent of Democrats say"),
    ) else {
        panic!("sentences not found");
    };
    assert!(!pairs.contains_key(&(i, j)), "{:?}", pairs.get(&(i, j)));

    // The seeds share a twentieth of their words in sure pairs: their loose framing pair on the
    // evidence not shown to Iraqi officials stays.
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles");
    let read = |name: &str| {
        let text = std::fs::read_to_string(seeds.join(name)).expect("bundled example");
        Article::from_text(name, text)
    };
    let analysis = compare(
        vec![
            read("000_7ca41ccce306fdb5.txt"),
            read("002_19fd502a37c78a8d.txt"),
        ],
        &Options::default(),
    );
    let pairs = aligned(&analysis);
    let (Some(i), Some(j)) = (
        sentence(&analysis, 0, "officials insisted to the Times"),
        sentence(
            &analysis,
            1,
            "The Trump administration claims to have evidence",
        ),
    ) else {
        panic!("seed sentences not found");
    };
    assert!(pairs.contains_key(&(i, j)));
}

/// A framing pair needs company: two articles that share no copy and only one or two pairs are
/// mostly two reports of one event, and their framing pair is dropped, while a framing pair of
/// articles that share more stays (real PolNeAR articles).
#[test]
fn a_framing_pair_needs_company() {
    let Some(dir) = corpus_dir("polnear") else {
        return;
    };
    let read = |name: &str| article_in(&dir, name);
    let kinds = |a: &str, b: &str| -> Vec<FindingKind> {
        let analysis = compare(vec![read(a), read(b)], &Options::default());
        analysis.findings.iter().map(|f| f.kind).collect()
    };
    // The AP's "The two states hold primaries on March 1" (Alabama and Oklahoma) / the Post's
    // "After that, 11 states hold contests on March 1": one framing pair, nothing else.
    let lone = kinds(
        "breitbart_2016-02-20_the-latest-hillary-clinton-tells.txt",
        "wash-post_2016-02-10_after-a-big-loss-clinton-looks-f.txt",
    );
    assert!(!lone.contains(&FindingKind::Framing), "{lone:?}");
    // Two polls' findings ("Nearly half said they prefer someone who has experience" / "Almost
    // half said they wanted a nominee from outside"), with one loose edited pair beside them.
    let polls = kinds(
        "breitbart_2016-02-20_the-latest-hillary-clinton-tells.txt",
        "wash-post_2016-02-02_no-clear-favorites-going-into-ne.txt",
    );
    assert!(!polls.contains(&FindingKind::Framing), "{polls:?}");
    // Super Tuesday told by the AP and USA Today: seven pairs, the framing ones among them
    // ("Trump has won Georgia, Virginia, …" / "Trump won not only in the Northeast, …").
    let story = kinds(
        "breitbart_2016-03-01_the-latest-sanders-wins-minnesot.txt",
        "usa-today_2016-03-02_no-clear-path-points-to-white-ho.txt",
    );
    let framing = story.iter().filter(|&&k| k == FindingKind::Framing).count();
    assert!(framing >= 3, "{story:?}");
}

/// BBC stories reuse a sentence's frame for another player or event: with nothing copied
/// between the two stories and under 0.45 of their weighted content in common, such an edited
/// pair is two facts (a held-out judgement of 72 fresh BBC story pairs, fifth session of
/// 2026-12-01: 14 of 14 wrong). An edited pair with more in common stays.
#[test]
fn a_lone_edited_pair_needs_content_in_common() {
    let Some(dir) = corpus_dir("bbc") else {
        return;
    };
    let kinds = |a: &str, b: &str| -> Vec<FindingKind> {
        let read = |name: &str| article_in(&dir, name);
        let analysis = compare(vec![read(a), read(b)], &Options::default());
        analysis.findings.iter().map(|f| f.kind).collect()
    };
    // "England tight-head prop Phil Vickery has been ruled out of the rest of the 2005 RBS Six
    // Nations after breaking a bone in his right forearm." / "Wales captain Gareth Thomas has
    // been ruled out of the rest of the Six Nations with a broken thumb."
    let players = kinds("sport/285.txt", "sport/291.txt");
    assert!(!players.contains(&FindingKind::Edited), "{players:?}");
    // "Olympic pole vault champion Yelena Isinbayeva has confirmed she will take part in …" /
    // "Two-time Olympic 10,000 metres champion Derartu Tulu has confirmed she will take part in …"
    let athletes = kinds("sport/029.txt", "sport/085.txt");
    assert!(!athletes.contains(&FindingKind::Edited), "{athletes:?}");
    // One speaker's two statements on one programme, apart from any rule on company: "Lord
    // Falconer told BBC Radio 4's Today programme he hoped voluntary mediation could help solve
    // disputes …" / "… it was impossible for some elderly people to go to court …".
    let falconer = kinds("politics/067.txt", "politics/118.txt");
    assert!(!falconer.contains(&FindingKind::Edited), "{falconer:?}");
    // One statement begun alike stays: "Prime Minister Yulia Tymoshenko said as many as 3,000
    // firms could be included on the list …" / "… said as many as 3,000 firms may have their
    // privatisations put under the spotlight".
    let tymoshenko = kinds("business/197.txt", "business/217.txt");
    assert!(tymoshenko.contains(&FindingKind::Edited), "{tymoshenko:?}");
    // Thomas ruled out, told twice: "Wales captain Gareth Thomas has been ruled out of the rest
    // of the Six Nations …" / "With captain Gareth Thomas ruled out of the rest of the campaign …"
    let thomas = kinds("sport/291.txt", "sport/396.txt");
    assert!(thomas.contains(&FindingKind::Edited), "{thomas:?}");
}

/// Two people's different quotations told to one programme are no pair: "He told BBC Radio
/// 4's Today programme: “The sooner we get on with this, the better.”" / "“The commissioner
/// will have the powers which existing police authorities have,” he told BBC Radio 4's Today
/// programme." (BBC politics/142 and 347; 13 such pairs on the BBC scan, all two statements).
/// Two excerpts of one letter, a quotation read from inside, and one phrase quoted with a
/// missing space stay the same fact.
#[test]
fn two_quotations_framed_alike_are_no_pair() {
    let Some(dir) = corpus_dir("bbc") else {
        return;
    };
    let edited_or_framing = |a: &str, b: &str| -> usize {
        let read = |name: &str| article_in(&dir, name);
        let analysis = compare(vec![read(a), read(b)], &Options::default());
        analysis
            .findings
            .iter()
            .filter(|f| matches!(f.kind, FindingKind::Edited | FindingKind::Framing))
            .count()
    };
    assert_eq!(edited_or_framing("politics/142.txt", "politics/347.txt"), 0);
    assert_eq!(edited_or_framing("business/137.txt", "politics/142.txt"), 0);
    // "Lib Dem chairman Matthew Taylor has now written to the watchdog saying: “The advice we
    // have received …”" / "… has written to the watchdog accusing Labour of a “flagrant and
    // systematic breach” …": one letter.
    assert!(edited_or_framing("politics/088.txt", "politics/396.txt") >= 4);
    // "And frankly, we could use the money," Mr Nogar's son Stephen, 57, said …" / "“And
    // frankly, we could use the money.”": the first sentence opens inside the quotation.
    assert!(edited_or_framing("entertainment/152.txt", "entertainment/163.txt") >= 6);
    // "… accused the prime minister and his chancellor of behaving like “schoolboys squabbling
    // in a playground”" / "… accused the prime minister and Mr Brown of"squabbling like
    // schoolboys"": the marks pair up in order.
    assert!(edited_or_framing("politics/225.txt", "politics/255.txt") >= 2);
}

/// The first sentence of each side of every pair `compare` reports (verbatim, edited,
/// framing) between two articles, as text.
fn sentence_pairs(docs: Vec<Article>) -> Vec<(String, String)> {
    let analysis = compare(docs, &Options::default());
    let text = |d: usize, s: usize| {
        let doc = &analysis.documents[d];
        let span = doc.sentences[s].span;
        doc.article.text[span.start..span.end].to_string()
    };
    analysis
        .findings
        .iter()
        .filter(|f| f.kind != FindingKind::Unique)
        .map(|f| {
            (
                text(0, f.pair.left.sentences[0]),
                text(1, f.pair.right.sentences[0]),
            )
        })
        .collect()
}

/// One source cited for two claims is no pair: "The sequel took $44.7m (£23.2m) between 24 and
/// 26 December, according to studio estimates." / "It took $42.8m (£23.7m) at the weekend,
/// making its overall takings more than $163m (£90m) in 12 days, according to studio
/// estimates." (BBC entertainment/076 and 100, Meet The Fockers' first and second weekends)
/// were an edited pair whose figures would read as drift. The Christmas Day record both repeat
/// stays.
#[test]
fn one_source_for_two_claims_is_no_pair() {
    let Some(dir) = corpus_dir("bbc") else {
        return;
    };
    let read = |name: &str| article_in(&dir, name);
    let pairs = sentence_pairs(vec![
        read("entertainment/076.txt"),
        read("entertainment/100.txt"),
    ]);
    assert!(
        !pairs
            .iter()
            .any(|(a, _)| a.starts_with("The sequel took $44.7m")),
        "{pairs:?}"
    );
    assert!(
        pairs
            .iter()
            .any(|(a, b)| a.starts_with("It took $19.1m") && b.starts_with("It took $19.1m")),
        "{pairs:?}"
    );
}

/// Two matches' team sheets are no pair: "J Robinson (capt); M Cueto, J Noon, O Barkley, J
/// Lewsey; C Hodgson, H Ellis; G Rowntree, S Thompson, M Stevens; …" / "… P Vickery; …" (BBC
/// sport/405 and 414, England against Ireland and against France) told one player apart and
/// read as an edit. A list of names with a word or two of its own and no verb claims nothing;
/// on the BBC scan 8 pairs of team sheets go, and nothing else.
#[test]
fn team_sheets_are_no_pair() {
    let Some(dir) = corpus_dir("bbc") else {
        return;
    };
    let read = |name: &str| article_in(&dir, name);
    let pairs = sentence_pairs(vec![read("sport/405.txt"), read("sport/414.txt")]);
    assert!(
        !pairs
            .iter()
            .any(|(a, _)| a.starts_with("J Robinson (capt)")),
        "{pairs:?}"
    );
}

/// How a poll was taken is told anew for each poll: "The nationwide telephone poll was
/// conducted Nov. 6 to 10 on cellphones and landlines with 418 Democratic primary voters." /
/// "The nationwide poll was conducted July 8 to 12 on cellphones and landlines among 1,358
/// registered voters." (PolNeAR nyt_2015-11-13 and nyt_2016-07-15, two Times/CBS polls) is no
/// pair. One poll's result told twice stays, figures and all: "The poll, released on Wednesday
/// night by the Public Policy Institute of California, showed Mrs. Clinton leading …" / "The
/// survey, conducted by the Public Policy Institute of California, finds Clinton with only a
/// small lead over Sanders …" (nyt_2016-05-27, politico_2016-05-26). On the PolNeAR scan the
/// rule removes 14 pairs, all judged two polls in the scan audit.
#[test]
fn two_polls_methods_are_no_pair() {
    let Some(dir) = corpus_dir("polnear") else {
        return;
    };
    let pairs = |a: &str, b: &str| sentence_pairs(vec![article_in(&dir, a), article_in(&dir, b)]);
    let polls = pairs(
        "nyt_2015-11-13_clinton-stays-well-ahead-of-sand.txt",
        "nyt_2016-07-15_latest-poll-has-trump-pulling-ev.txt",
    );
    assert!(
        !polls
            .iter()
            .any(|(a, _)| a.contains("was conducted Nov. 6 to 10")),
        "{polls:?}"
    );
    let ppic = pairs(
        "nyt_2016-05-27_clinton-faces-tight-primary-with.txt",
        "politico_2016-05-26_poll-clinton-and-sanders-in-dead.txt",
    );
    assert!(
        ppic.iter().any(
            |(a, b)| a.contains("released on Wednesday") && b.contains("The survey, conducted")
        ),
        "{ppic:?}"
    );
    assert!(
        !ppic
            .iter()
            .any(|(a, b)| a.contains("plus or minus four") && b.contains("5.7")),
        "{ppic:?}"
    );
}

/// The AP's live blogs ("The Latest", PolNeAR) stamp each entry with a clock time on a line of
/// its own ("4:40 p.m.:"): two blogs of different days are no reprints of each other, and their
/// stamps are no verbatim or edited pairs ("2:10 p.m." / "2:14 p.m."). Before, such stamps also
/// lent two blogs the company that let their framing pairs of different days through.
#[test]
fn clock_times_are_no_pairs() {
    let Some(dir) = corpus_dir("polnear") else {
        return;
    };
    let analysis = compare(
        vec![
            article_in(
                &dir,
                "breitbart_2016-01-05_the-latest-cruz-to-give-away-eng.txt",
            ),
            article_in(
                &dir,
                "breitbart_2016-03-15_the-latest-kasich-scores-all-del.txt",
            ),
        ],
        &Options::default(),
    );
    assert!(
        analysis.findings.is_empty(),
        "{:?}",
        analysis.findings.len()
    );
    // A short sentence that says something stays: "I am 25." in two copies of one BBC story.
    let Some(bbc) = corpus_dir("bbc") else {
        return;
    };
    let read = |name: &str| {
        let text =
            std::fs::read_to_string(bbc.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        Article::from_text(name, text)
    };
    let copies = compare(
        vec![read("sport/489.txt"), read("sport/490.txt")],
        &Options::default(),
    );
    let verbatim: usize = copies
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::Verbatim)
        .map(|f| f.pair.left.sentences.len())
        .sum();
    assert!(verbatim >= 28, "{verbatim}");
}

/// The BBC story pairs (`tests/data/pairs_bbc_stories.tsv`): every pair `compare` reported at
/// b34aa39 on 72 pairs of related BBC stories no other sample or audit used, judged by reading.
/// Held out when judged: edited pairs were right 18 times in 35. The two rules written on it
/// (a lone edited pair needs content in common; one speaker's two statements are no pair)
/// keep the 18 right ones and drop 15 of the 17 wrong. Now: 57 of 63 reported pairs the same
/// fact; the 6 wrong are three template lines of two match previews ("KEY MATCH STATS"), a
/// framing pair sharing "breakthrough third album", and two edited pairs.
#[test]
fn bbc_story_pairs_are_the_same_fact() {
    let Some(t) = measure("pairs_bbc_stories.tsv") else {
        return;
    };
    let all = &t["all"];
    assert!(
        all.reported_same >= 57,
        "{} same-fact pairs kept",
        all.reported_same
    );
    assert!(
        all.reported - all.reported_same <= 6,
        "{} wrong pairs kept",
        all.reported - all.reported_same
    );
}

/// A fifth held-out sample (`tests/data/pairs_heldout5.tsv`): 119 sentence pairs of 71 PolNeAR
/// article pairs of different outlets within a week that `scan` links and 4 BBC rewrites, no
/// article pair of which another sample uses, labelled by reading before the second 2026-12-01
/// session changed any rule; measured only at its end.
#[test]
fn fifth_held_out_pairs_are_the_same_fact() {
    assert!(cases("pairs_heldout5.tsv").len() >= 100);
    let Some(tallies) = measure("pairs_heldout5.tsv") else {
        return;
    };
    let all = &tallies["all"];
    // A development sample since its one held-out run (0.45 · 0.41); 0.58 · 0.41 after the
    // rules of the third 2026-12-01 session; 0.64 · 0.36 once a framing pair needs company.
    assert!(all.precision() >= 0.62, "precision {:.2}", all.precision());
    assert!(all.recall() >= 0.36, "recall {:.2}", all.recall());
}

/// A sixth held-out sample (`tests/data/pairs_heldout6.tsv`): 109 sentence pairs of 61 article
/// pairs no other sample uses (PolNeAR across outlets within a week by content words, across
/// outlets 8 to 30 days apart that `scan` links, one outlet's same event on different days; 5
/// BBC rewrites), drawn and labelled by reading at main 67057b6 before the third 2026-12-01
/// session changed any rule. Its one held-out run, on that session's rules: 64 · 38 (0.59 · 0.46)
/// at main -> 62 · 38 (0.61 · 0.46); a development sample since, 57 · 38 (0.67 · 0.46) after the
/// no-comment and no-claim rules, 44 · 35 (0.80 · 0.42) once a framing pair needs company.
#[test]
fn sixth_held_out_pairs_are_the_same_fact() {
    assert!(cases("pairs_heldout6.tsv").len() >= 100);
    let Some(tallies) = measure("pairs_heldout6.tsv") else {
        return;
    };
    let all = &tallies["all"];
    assert!(all.precision() >= 0.78, "precision {:.2}", all.precision());
    assert!(all.recall() >= 0.42, "recall {:.2}", all.recall());
}

/// A seventh held-out sample (`tests/data/pairs_heldout7.tsv`): 67 sentence pairs of 37 article
/// pairs no other sample uses (PolNeAR across outlets within three days whose titles and leads
/// tell one event, by content words; 8 BBC same-story rewrites of articles no file of tests/data
/// names), drawn and labelled by reading at 3dbec30 before the second 2026-12-01 session changed
/// any rule. At 3dbec30 the aligner reports no PolNeAR pair of it: 20 reported, 13 the same fact,
/// of 60 same-fact pairs (0.65 · 0.22).
#[test]
fn seventh_held_out_pairs_are_the_same_fact() {
    assert!(cases("pairs_heldout7.tsv").len() >= 60);
    measure("pairs_heldout7.tsv");
}

/// Sentences that tell no fact of the story are no pair however alike they read (pairs_heldout6.tsv,
/// its one held-out run): two reports that someone did not answer, and a side that claims nothing.
#[test]
fn no_comment_reports_and_claimless_sentences_are_no_pair() {
    // Two people who did not answer two reporters (Politico 2016-02-10 / Washington Post
    // 2016-01-24).
    assert_eq!(
        pair_kind(
            "Sullivan’s lawyer Beth Wilkinson did not respond to a request for comment.",
            "Love did not respond to requests for comment."
        ),
        None
    );
    // Requests for an interview, not for comment (New York Times 2016-08-02 / Washington Post
    // 2016-01-24 and 2016-04-09; scan_pairs.tsv, judged two facts).
    for (a, b) in [
        (
            "Mr. Manafort did not respond to requests for an interview.",
            "Love did not respond to requests for comment.",
        ),
        (
            "Mr. Manafort did not respond to requests for an interview.",
            "The Trump campaign did not respond to requests for an interview with Manafort.",
        ),
    ] {
        assert_eq!(pair_kind(a, b), None, "{a} / {b}");
    }
    // Two outlets' rankings (USA Today 2015-11-25 / Washington Post 2015-11-23).
    assert_eq!(pair_kind("3. Ted Cruz (4.)", "3. Ted Cruz."), None);
    // Kept: a reprint's lightly edited sentence about a request for something else.
    assert!(
        pair_kind(
            "The network did not respond to the request, and Trump appeared at the September debate anyway.",
            "The network did not respond to that request, and Trump appeared at the debate in September anyway."
        )
        .is_some()
    );
}

/// The kind of pair two one-sentence articles make, if any.
fn pair_kind(a: &str, b: &str) -> Option<FindingKind> {
    let analysis = compare(
        vec![
            Article::from_text("a.txt", a.to_string()),
            Article::from_text("b.txt", b.to_string()),
        ],
        &Options::default(),
    );
    aligned(&analysis).get(&(0, 0)).map(|k| k.0)
}

/// The rules of the second 2026-12-01 session, each on the real sentences that called for it
/// (development samples; PolNeAR and BBC News), and same-fact pairs they must keep.
#[test]
fn subject_and_embedded_verb_rules_on_real_sentences() {
    // A sentence-initial name is the subject of its verb: Hollande and a congressman each
    // denounced Trump's remarks (pairs_heldout4.tsv).
    assert_eq!(
        pair_kind(
            "Hollande denounced Trump’s remarks as “hurtful and humiliating” and warned of the global implications a Trump presidency would have.",
            "Representative Mike Coffman of Colorado, a Republican who served in combat as a Marine, denounced Mr. Trump's remarks."
        ),
        None
    );
    // The name opening a sentence is its subject: the film leads British hopes / failed to take
    // the awards (pairs_heldout4.tsv).
    assert_eq!(
        pair_kind(
            "Mike Leigh's film Vera Drake will lead British hopes at this year's Academy Awards after getting three nominations.",
            "Despite three nominations, Mike Leigh's Vera Drake failed to take the director or screenplay awards and there was no prize for star Imelda Staunton."
        ),
        None
    );
    // A shared run whose verbs are an infinitive and a gerund of a noun ("to ban Muslims from
    // entering") is a noun phrase, no clause: Trump's call / Jewish groups' condemnation of it.
    assert_eq!(
        pair_kind(
            "Most recently, Trump called to ban Muslims from entering the U.S.",
            "Jewish groups also widely condemned Trump's proposal to ban Muslims from entering the United States."
        ),
        None
    );
    // A copula and the noun phrase after it are no shared clause: two people to be president
    // (pairs_heldout5.tsv, NYT 2016-08-22 / Washington Post 2016-08-28).
    assert_eq!(
        pair_kind(
            "''I'm not hiding the fact that I want Donald Trump to be the next president of the United States.''",
            "I'm going to be the next president of the United States."
        ),
        None
    );
    // Kept: the same fact reworded (pairs_heldout2.tsv).
    assert!(
        pair_kind(
            "Clinton eked out a win in the Iowa caucuses before Sanders posted an overwhelming victory in New Hampshire’s primary.",
            "Clinton eked out a victory over Sanders in Iowa, and was walloped in New Hampshire."
        )
        .is_some()
    );
}
