//! Issue 9, item 6: with more than two articles, a passage several articles carry is one
//! finding listing all of them ("A4 = B9 = C4"), in every report format, and a drift change
//! that recurs on several pairs of articles is flagged once, naming the articles that hold
//! each version.

mod common;

use std::collections::BTreeSet;

use assert_cmd::Command;
use common::{SEEDS, seed_path};
use serde_json::Value;

fn run_ok(args: &[&str]) -> String {
    let out = Command::cargo_bin("sourcediff")
        .expect("the sourcediff binary is built")
        .args(args)
        .env_remove("NO_COLOR")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("UTF-8 report")
}

/// The two seeds and the first again: every sentence the seeds share is carried by three
/// articles, A and C word for word.
fn three() -> [String; 3] {
    let [a, b] = SEEDS.map(|s| seed_path(s).display().to_string());
    [a.clone(), b, a]
}

#[test]
fn a_drift_change_on_several_pairs_is_flagged_once() {
    let [a, b, c] = three();
    let report = run_ok(&["compare", &a, &b, &c, "--color", "never", "--width", "200"]);
    // A and C both say "likely", B does not: one flag naming both, in "What changed" and
    // under the group, never once per pair (A1 ≈ B1 and B1 ≈ C1).
    let hedge = "hedge on one side only: A, C “likely” · B none";
    assert_eq!(report.matches(hedge).count(), 2, "{report}");
    assert!(
        report.contains(&format!("⚑ A1 = C1 ≈ B1  {hedge}")),
        "{report}"
    );
    assert!(!report.contains("A1 ≈ B1  hedge"), "{report}");
    let md = run_ok(&["compare", &a, &b, &c, "--format", "markdown"]);
    assert!(
        md.contains("- ⚑ **hedge** A1 = C1 ≈ B1 — hedge on one side only: A, C “likely” · B none"),
        "{md}"
    );
    assert!(md.contains("### A1 = C1 ≈ B1 · 3 articles"), "{md}");
}

#[test]
fn json_groups_join_the_pairs_of_a_sentence() {
    let [a, b, c] = three();
    let v: Value = serde_json::from_str(&run_ok(&["compare", &a, &b, &c, "--format", "json"]))
        .expect("valid JSON");
    let alignments = v["alignments"].as_array().expect("alignments").len();
    let groups = v["groups"].as_array().expect("groups");
    // Every alignment is in exactly one group.
    let mut seen = BTreeSet::new();
    for g in groups {
        for k in g["findings"].as_array().expect("findings") {
            assert!(seen.insert(k.as_u64().expect("index")), "{k} twice");
        }
    }
    assert_eq!(seen.len(), alignments);
    // A and C are one text: each of their sentences is one group, with B's when B has it; A
    // says one sentence twice (A10, A12), whose copies are one group.
    let sentences_a = v["documents"][0]["sentences"]
        .as_array()
        .expect("sentences")
        .len();
    assert_eq!(groups.len(), sentences_a - 1);
    // The sentence the seeds share word for word: one group of three members.
    let verbatim = groups
        .iter()
        .find(|g| g["members"][0] == serde_json::json!({"doc": 0, "sentences": [3]}))
        .expect("the group of A4");
    assert_eq!(verbatim["kind"], "verbatim");
    let docs: Vec<u64> = verbatim["members"]
        .as_array()
        .expect("members")
        .iter()
        .filter_map(|m| m["doc"].as_u64())
        .collect();
    assert_eq!(docs, [0, 1, 2]);
    // The hedge dropped by B: one flag, A and C holding "likely".
    let first = &groups[0];
    assert_eq!(first["drift"].as_array().map(Vec::len), Some(1));
    assert_eq!(
        first["drift"][0]["variants"],
        serde_json::json!([{"docs": [0, 2], "words": ["likely"]}, {"docs": [1], "words": []}])
    );
}

#[test]
fn html_lists_groups_in_the_sidebar() {
    let [a, b, c] = three();
    let page = run_ok(&["compare", &a, &b, &c, "--format", "html"]);
    // Sentences point at group entries, never at pair entries.
    assert!(page.contains("data-pairs=\"g"), "no group links");
    assert!(!page.contains("data-pairs=\"f"), "a pair link");
    // The entry of A4 names all three articles' sentences, once.
    let entry = page
        .split("<article class=\"entry finding group")
        .find(|e| e.contains("data-members=\"d0-s3 d1-s8 d2-s3\""))
        .expect("an entry joining A4, B9 and C4");
    assert!(
        entry.contains(">A4</a> <span class=\"sign\">=</span> <a"),
        "{entry}"
    );
    assert!(page.contains("hedge on one side only: A, C “likely” · B none"));
    // The key counts what the sidebar lists: groups, not pairs.
    let count = |pattern: &str| -> Option<String> {
        regex::Regex::new(pattern)
            .expect("regex")
            .captures(&page)
            .map(|c| c[1].to_string())
    };
    let key = count(
        r#"k-verbatim">Verbatim</span></span> <span class="what">[^<]*</span> <span class="n">([0-9]+)"#,
    );
    let listed = count(r"<h3>Verbatim \(([0-9]+)\)");
    assert!(key.is_some() && key == listed, "{key:?} {listed:?}");
    assert!(
        !page.contains("hedge on one side only: A “likely”"),
        "a per-pair flag"
    );
}

/// The three articles of `tests/fixtures/pages` (one story from three outlets) as Markdown:
/// each sentence they share once, with every article's sentences.
#[test]
fn markdown_report_of_three_outlets_snapshot() {
    let page = |name: &str| {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/pages")
            .join(name)
            .display()
            .to_string()
    };
    let [a, b, c] = [
        "rewrite_drupal.html",
        "wire_arc.html",
        "reprint_wordpress.html",
    ]
    .map(page);
    let md = run_ok(&[
        "compare",
        &a,
        &b,
        &c,
        "--format",
        "markdown",
        "--label",
        "Down East Daily rewrite",
        "--label",
        "Coastal Wire story",
        "--label",
        "Alder Gazette reprint",
        "--ignore",
        "^Editor.s note:",
    ]);
    // The paths are where the repository is checked out: the snapshot holds them relative.
    let md = md.replace(concat!(env!("CARGO_MANIFEST_DIR"), "/"), "");
    insta::assert_snapshot!("three_outlets_markdown", md);
}

/// The lines of a terminal report that name findings ("  A4 = B9 ~ C4", "    A4 ~ B9  word
/// similarity 0.6") and drift flags: what was joined and flagged, without the articles' text.
fn outline(report: &str) -> String {
    let label = regex::Regex::new(r"^ {2,4}(⚑ |[A-Z]+[0-9]+[–, =~≈A-Z0-9]* [=~≈] [A-Z]+[0-9]+)")
        .expect("regex");
    let section = regex::Regex::new(r"^(What changed|Verbatim|Edited|Framing) \(").expect("regex");
    report
        .lines()
        .filter(|l| label.is_match(l) || section.is_match(l))
        .map(|l| {
            // A label followed by article text ("    A3 = C3  Five unions …") keeps the label.
            let l = l.trim_end();
            match l.trim_start().find("  ") {
                Some(at) if !l.trim_start().starts_with('⚑') => {
                    let indent = l.len() - l.trim_start().len();
                    let (head, rest) = l.split_at(indent + at);
                    let rest = rest.trim_start();
                    let kept = ["word similarity", "shared content", "·", "2 ", "3 ", "4 "];
                    if kept.iter().any(|k| rest.starts_with(k)) {
                        l.to_string()
                    } else {
                        head.to_string()
                    }
                }
                _ => l.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn shared_corpus(part: &str) -> Option<std::path::PathBuf> {
    let dir = common::shared_dir()?.join("corpus").join(part);
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is absent", dir.display());
        None
    }
}

/// Four BBC articles on one story (a politics report reprinted whole, and two rewrites): every
/// sentence all four carry is one entry, reprinted runs are one entry, and each rewrite is
/// tied in once, not once per reprint.
#[test]
fn bbc_reprints_and_rewrites_of_one_story_are_grouped() {
    let Some(bbc) = shared_corpus("bbc") else {
        return;
    };
    let files = [
        "politics/069.txt",
        "politics/294.txt",
        "politics/311.txt",
        "politics/312.txt",
    ]
    .map(|f| bbc.join(f).display().to_string());
    let mut args = vec!["compare"];
    args.extend(files.iter().map(String::as_str));
    args.extend(["--color", "never", "--width", "100"]);
    let report = run_ok(&args);
    assert!(report.contains("\n  A16–A18 = B7–B9 = C16–C18 = D17–D19  3 sentences in a row\n"));
    assert!(report.contains("\n  A5 = C5 ≈ B4 ~ D5\n"), "{report}");
    // A and C are one text: never a pair of theirs on its own line.
    assert!(!report.contains("\n  A4 = C4\n") && !report.contains("\n  A3 ~ D3  "));
    insta::assert_snapshot!("bbc_politics_069_group_outline", outline(&report));
}

/// Three US outlets quoting Trump's "Second Amendment people" remark (PolNeAR, August 2016),
/// each splitting the quote over sentences its own way: one edited group, and no negation
/// flag for "don’t", which the article said to lack holds in its next sentence.
#[test]
fn a_quote_three_outlets_split_differently_is_one_group() {
    let Some(dir) = shared_corpus("polnear-train/articles") else {
        return;
    };
    let files = [
        "breitbart_2016-08-10_secret-service-stops-protester-a.txt",
        "usa-today_2016-08-10_nd-amendment-people-his-secret-w.txt",
        "west-journal_2016-08-11_reagan-s-daughter-makes-strong-s.txt",
        "politico_2016-08-11_pence-blames-media-for-trump-s-o.txt",
    ]
    .map(|f| dir.join(f).display().to_string());
    let mut args = vec!["compare"];
    args.extend(files.iter().map(String::as_str));
    args.extend(["--color", "never", "--width", "100"]);
    let report = run_ok(&args);
    assert!(report.contains("\n  A7–A9 ~ B5 ~ C5–C6\n"), "{report}");
    assert!(!report.contains("negation on one side only"), "{report}");
    insta::assert_snapshot!("polnear_second_amendment_group_outline", outline(&report));
}

/// On BBC stories told by three articles each (reprints and rewrites found by `scan`): groups
/// partition the findings, every aligned sentence is in exactly one group and nothing else is,
/// and the articles' order changes nothing but the letters.
#[test]
fn groups_partition_the_findings_on_bbc_triples() {
    use sourcediff::{Article, Options, compare};
    let Some(bbc) = shared_corpus("bbc") else {
        return;
    };
    let triples = [
        ["business/106.txt", "politics/005.txt", "politics/359.txt"],
        ["politics/081.txt", "politics/141.txt", "politics/299.txt"],
        ["politics/111.txt", "politics/293.txt", "politics/333.txt"],
        ["politics/184.txt", "politics/327.txt", "politics/328.txt"],
        ["politics/218.txt", "politics/253.txt", "politics/255.txt"],
        ["tech/030.txt", "tech/048.txt", "tech/342.txt"],
        ["tech/129.txt", "tech/175.txt", "tech/254.txt"],
    ];
    for files in triples {
        let articles = |order: [usize; 3]| -> Vec<Article> {
            order
                .iter()
                .map(|&i| {
                    let path = bbc.join(files[i]);
                    let text = std::fs::read_to_string(&path).expect("a BBC article");
                    Article::from_text(files[i], text)
                })
                .collect()
        };
        let a = compare(articles([0, 1, 2]), &Options::default());
        let mut in_group = BTreeSet::new();
        let mut sentences = BTreeSet::new();
        for (g, group) in a.groups.iter().enumerate() {
            for &k in &group.findings {
                assert!(in_group.insert(k), "{files:?}: finding {k} in two groups");
                assert_eq!(a.finding_groups[k], g);
                assert!(a.findings[k].kind <= group.kind);
            }
            for m in &group.members {
                for &s in &m.sentences {
                    assert!(
                        sentences.insert((m.doc, s)),
                        "{files:?}: {m:?} in two groups"
                    );
                }
            }
            assert!(group.members.windows(2).all(|w| w[0].doc < w[1].doc));
        }
        assert_eq!(in_group.len(), a.findings.len(), "{files:?}");
        let aligned: BTreeSet<(usize, usize)> = a
            .findings
            .iter()
            .flat_map(|f| [&f.pair.left, &f.pair.right])
            .flat_map(|side| side.sentences.iter().map(move |&s| (side.doc, s)))
            .collect();
        assert_eq!(aligned, sentences, "{files:?}");
        assert!(a.groups.iter().any(|g| g.members.len() == 3), "{files:?}");
        // Reversed order: the same groups, with the articles relabelled.
        let r = compare(articles([2, 1, 0]), &Options::default());
        let shape = |x: &sourcediff::Analysis, map: [usize; 3]| {
            let mut v: Vec<Vec<(usize, Vec<usize>)>> = x
                .groups
                .iter()
                .map(|g| {
                    let mut m: Vec<(usize, Vec<usize>)> = g
                        .members
                        .iter()
                        .map(|m| (map[m.doc], m.sentences.clone()))
                        .collect();
                    m.sort();
                    m
                })
                .collect();
            v.sort();
            v
        };
        assert_eq!(shape(&a, [0, 1, 2]), shape(&r, [2, 1, 0]), "{files:?}");
    }
}

/// A figure that differs in each of three articles is one flag with three versions, not one
/// per pair of articles (27 / 28, 27 / 29, 28 / 29).
#[test]
fn a_figure_three_articles_tell_three_ways_is_one_flag() {
    let dir = tempfile::TempDir::new().expect("a temporary folder");
    let mut paths = Vec::new();
    for (name, n) in [("a.txt", 27), ("b.txt", 28), ("c.txt", 29)] {
        let path = dir.path().join(name);
        std::fs::write(
            &path,
            format!(
                "Flooding killed {n} people in the coastal town of Ribera on Monday, the \
                 regional government said.\n\nRescue teams were still searching the river banks \
                 late into the night.\n"
            ),
        )
        .expect("write an article");
        paths.push(path.display().to_string());
    }
    let mut args = vec!["compare"];
    args.extend(paths.iter().map(String::as_str));
    args.extend(["--color", "never", "--width", "200"]);
    let report = run_ok(&args);
    let flag = "numbers or dates differ: A “27” · B “28” · C “29”";
    assert!(report.contains("What changed (1)"), "{report}");
    assert_eq!(report.matches(flag).count(), 2, "{report}");
    assert!(!report.contains("A “27” · B “28”\n"), "{report}");
}
