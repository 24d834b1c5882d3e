//! Corpus work: a pair's findings are the same wherever the pair is seen.

mod common;

use std::path::Path;

use sourcediff::{Analysis, Article, Finding, Options, compare};

/// The findings between the articles named `a` and `b` of an analysis, with `a` as document 0
/// and `b` as document 1 (sides swapped where the analysis holds them the other way), and the
/// shared fractions of `a` against `b` and of `b` against `a`.
fn pair_view(analysis: &Analysis, a: &str, b: &str) -> (Vec<Finding>, f64, f64) {
    let index = |name: &str| {
        analysis
            .documents
            .iter()
            .position(|d| d.article.name == name)
            .unwrap_or_else(|| panic!("{name} is not in the analysis"))
    };
    let (ia, ib) = (index(a), index(b));
    let mut findings: Vec<Finding> = analysis
        .findings
        .iter()
        .filter(|f| {
            let docs = (f.pair.left.doc, f.pair.right.doc);
            docs == (ia, ib) || docs == (ib, ia)
        })
        .cloned()
        .map(|mut f| {
            if f.pair.left.doc == ib {
                // Only happens when `b` comes first in the run; mirror to compare like with like.
                std::mem::swap(&mut f.pair.left, &mut f.pair.right);
                std::mem::swap(&mut f.pair.left_own, &mut f.pair.right_own);
                for v in &mut f.pair.variants {
                    std::mem::swap(&mut v.0, &mut v.1);
                }
                for e in &mut f.pair.edits {
                    std::mem::swap(&mut e.left, &mut e.right);
                    e.op = match e.op {
                        sourcediff::EditOp::Delete => sourcediff::EditOp::Insert,
                        sourcediff::EditOp::Insert => sourcediff::EditOp::Delete,
                        op => op,
                    };
                }
                for d in &mut f.drift {
                    std::mem::swap(&mut d.left, &mut d.right);
                }
            }
            f.pair.left.doc = 0;
            f.pair.right.doc = 1;
            f
        })
        .collect();
    findings.sort_by(|p, q| {
        (&p.pair.left.sentences, &p.pair.right.sentences)
            .cmp(&(&q.pair.left.sentences, &q.pair.right.sentences))
    });
    let cov = |d, o| analysis.coverage_of(d, o).map_or(-1.0, |c| c.shared);
    (findings, cov(ia, ib), cov(ib, ia))
}

fn read(path: &Path) -> Article {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Article::from_text(path.display().to_string(), text)
}

/// `compare a b`, `compare a b c` and `compare c b a` agree on everything between a and b.
fn assert_pair_is_independent(a: &Article, b: &Article, c: &Article) {
    let options = Options::default();
    let alone = compare(vec![a.clone(), b.clone()], &options);
    let with_c = compare(vec![a.clone(), b.clone(), c.clone()], &options);
    let reversed = compare(vec![c.clone(), b.clone(), a.clone()], &options);
    let expected = pair_view(&alone, &a.name, &b.name);
    assert!(
        !expected.0.is_empty(),
        "the pair shares nothing: a weak test"
    );
    for (run, analysis) in [("a b c", &with_c), ("c b a", &reversed)] {
        let got = pair_view(analysis, &a.name, &b.name);
        assert_eq!(
            got.0.len(),
            expected.0.len(),
            "`compare {run}` finds {} findings between a and b, `compare a b` {}",
            got.0.len(),
            expected.0.len()
        );
        for (g, e) in got.0.iter().zip(&expected.0) {
            assert_eq!(g, e, "`compare {run}` differs from `compare a b`");
        }
        assert_eq!((got.1, got.2), (expected.1, expected.2), "shared fractions");
    }
}

#[test]
fn a_pair_is_the_same_with_a_third_seed_article() {
    let a = read(&common::seed_path(common::SEEDS[0]));
    let b = read(&common::seed_path(common::SEEDS[1]));
    // A third article that repeats some of a's words, which under run-wide weights would make
    // them commoner and change the pair's scores.
    let head: String = a.text.chars().take(1500).collect();
    let c = Article::from_text("c.txt", format!("{head}\n\nAn unrelated closing line."));
    assert_pair_is_independent(&a, &b, &c);
}

#[test]
fn a_pair_is_the_same_with_a_third_long_article() {
    // The reproducer of issue 12: with run-wide weights, `compare rel_a rel_b` gave 595
    // findings and adding relall_a gave 597, with different framing pairs.
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let dir = shared.join("corpus").join("pairs");
    if !dir.join("relall_a.txt").is_file() {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    }
    let a = read(&dir.join("rel_a.txt"));
    let b = read(&dir.join("rel_b.txt"));
    let c = read(&dir.join("relall_a.txt"));
    assert_pair_is_independent(&a, &b, &c);
}

// ---------------------------------------------------------------------------------------------
// The scan: library and command line.

use assert_cmd::Command;
use sourcediff::scan::{self, Meta, ScanDoc, ScanOptions};

fn sourcediff() -> Command {
    Command::cargo_bin("sourcediff").expect("the sourcediff binary")
}

const WIRE: &str = "Shares in the carmaker fell 12% on Monday after it warned that profits \
would halve this year. \u{201c}We face a very difficult market,\u{201d} chief executive Anna \
Berg said in a statement. The company employs 40,000 people across Europe.";

/// A small archive: a wire story, a paper that reprints it edited, one unrelated story, and a
/// JSON Lines file with a dated copy, a bad line and an article in a subfolder.
fn archive() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let p = dir.path();
    std::fs::create_dir_all(p.join("papers/local")).unwrap();
    std::fs::write(p.join("wire.txt"), WIRE).unwrap();
    let edited = WIRE.replace("fell 12%", "dropped 12%").replace(
        "The company employs",
        "The firm, based in Stuttgart, employs",
    );
    std::fs::write(
        p.join("papers/local/daily.txt"),
        format!("Carmaker warns on profits\n\n{edited}\n\nCouncil news follows on page 4."),
    )
    .unwrap();
    std::fs::write(
        p.join("papers/weather.txt"),
        "Heavy rain is expected across the north tomorrow, with flooding likely in valleys.",
    )
    .unwrap();
    std::fs::write(p.join("papers/latin1.txt"), b"The caf\xe9 closed early.").unwrap();
    std::fs::write(p.join("papers/empty.txt"), "  \n").unwrap();
    std::fs::write(p.join("notes.md"), "not read: not a .txt file").unwrap();
    let line =
        serde_json::json!({"id": "feed-1", "text": WIRE, "date": "2005-01-01", "source": "Wire"});
    std::fs::write(
        p.join("feed.jsonl"),
        format!("{line}\n{{\"id\": 2}}\nnot json\n\n"),
    )
    .unwrap();
    dir
}

/// `sourcediff scan DIR --format jsonl EXTRA…`: its standard output, after checking it
/// succeeded.
fn scan_jsonl(dir: &std::path::Path, extra: &[&str]) -> Vec<u8> {
    scan_output(dir, extra).stdout
}

/// `sourcediff scan DIR --format jsonl EXTRA…`, checked to succeed.
fn scan_output(dir: &std::path::Path, extra: &[&str]) -> std::process::Output {
    let out = sourcediff()
        .arg("scan")
        .arg(dir)
        .args(["--format", "jsonl"])
        .args(extra)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn jsonl(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8(stdout.to_vec())
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn scan_finds_the_reprints_skips_bad_files_and_names_the_source() {
    let dir = archive();
    let out = scan_output(dir.path(), &[]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    for skipped in [
        "papers/latin1.txt: invalid UTF-8 at byte 7",
        "papers/empty.txt: the article is empty",
        "feed.jsonl:2: 2: no \"text\" string, line skipped",
        "feed.jsonl:3: not JSON",
        "4 inputs skipped",
    ] {
        assert!(stderr.contains(skipped), "{skipped:?} not in {stderr}");
    }
    let lines = jsonl(&out.stdout);
    let pairs: Vec<&serde_json::Value> = lines.iter().filter(|l| l["type"] == "pair").collect();
    let names: Vec<(&str, &str)> = pairs
        .iter()
        .map(|p| (p["a"].as_str().unwrap(), p["b"].as_str().unwrap()))
        .collect();
    assert_eq!(
        names,
        [
            ("feed-1", "papers/local/daily.txt"),
            ("feed-1", "wire.txt"),
            ("papers/local/daily.txt", "wire.txt"),
        ]
    );
    // The wire copy is the whole of the JSON Lines copy, word for word.
    let same = pairs[1];
    assert_eq!(
        (same["shared_a"].as_f64(), same["shared_b"].as_f64()),
        (Some(1.0), Some(1.0))
    );
    // The edited reprint: passages with spans into each file and the quote, exact.
    let reprint = pairs[2];
    let text_a = std::fs::read_to_string(dir.path().join("papers/local/daily.txt")).unwrap();
    let passages = reprint["passages"].as_array().unwrap();
    assert!(!passages.is_empty());
    let first = &passages[0];
    let (s, e) = (
        first["a"]["start"].as_u64().unwrap() as usize,
        first["a"]["end"].as_u64().unwrap() as usize,
    );
    assert!(
        text_a[s..e].starts_with("Shares in the carmaker dropped 12%"),
        "{}",
        &text_a[s..e]
    );
    let quotes = reprint["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0]["status"], "exact");
    assert_eq!(quotes[0]["a"]["speaker"], "Anna Berg");
    // One family of three, the dated JSON Lines copy its probable source.
    let families: Vec<&serde_json::Value> =
        lines.iter().filter(|l| l["type"] == "family").collect();
    assert_eq!(families.len(), 1);
    assert_eq!(families[0]["members"].as_array().unwrap().len(), 3);
    assert_eq!(families[0]["source"], "feed-1");
    assert_eq!(lines.last().unwrap()["type"], "summary");
}

#[test]
fn scan_text_ranks_pairs_and_min_shared_filters() {
    let dir = archive();
    let text = sourcediff().arg("scan").arg(dir.path()).output().unwrap();
    assert_eq!(text.status.code(), Some(0));
    let text = String::from_utf8(text.stdout).unwrap();
    let rows: Vec<&str> = text.lines().filter(|l| l.contains('%')).collect();
    assert_eq!(rows.len(), 3, "{text}");
    assert!(
        rows[0].starts_with("100.0% 100.0%  feed-1  wire.txt"),
        "{text}"
    );
    assert!(text.contains("*feed-1 (2005-01-01)"), "{text}");
    let high = sourcediff()
        .arg("scan")
        .arg(dir.path())
        .args(["--format", "jsonl", "--min-shared", "0.99"])
        .output()
        .unwrap();
    let pairs: Vec<serde_json::Value> = jsonl(&high.stdout)
        .into_iter()
        .filter(|l| l["type"] == "pair")
        .collect();
    assert_eq!(pairs.len(), 1);
    assert_eq!(pairs[0]["b"], "wire.txt");
}

#[test]
fn scan_against_one_article_ranks_what_shares_with_it() {
    let dir = archive();
    let out = sourcediff()
        .arg("scan")
        .arg(dir.path().join("papers"))
        .args(["--format", "jsonl", "--against"])
        .arg(dir.path().join("wire.txt"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pairs: Vec<serde_json::Value> = jsonl(&out.stdout)
        .into_iter()
        .filter(|l| l["type"] == "pair")
        .collect();
    assert_eq!(pairs.len(), 1);
    // Ids: relative to the scanned folder, and the --against file as given.
    assert_eq!(
        pairs[0]["a"],
        dir.path().join("wire.txt").display().to_string()
    );
    assert_eq!(pairs[0]["b"], "local/daily.txt");
}

#[test]
fn scan_html_writes_an_index_and_one_compare_page_per_pair() {
    let dir = archive();
    let out_dir = tempfile::tempdir().unwrap();
    let site = out_dir.path().join("site");
    let out = sourcediff()
        .arg("scan")
        .arg(dir.path())
        .args(["--format", "html", "-o"])
        .arg(&site)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let index = std::fs::read_to_string(site.join("index.html")).unwrap();
    assert_eq!(index.matches("href=\"pairs/").count(), 3, "{index}");
    assert!(
        index.contains("probable source <strong>feed-1</strong>"),
        "{index}"
    );
    for n in 1..=3 {
        let page = std::fs::read_to_string(site.join(format!("pairs/{n}.html"))).unwrap();
        assert!(page.starts_with("<!DOCTYPE html>"));
    }
    // Without a folder to write into, html is refused.
    let refused = sourcediff()
        .arg("scan")
        .arg(dir.path())
        .args(["--format", "html"])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
}

#[test]
fn scan_refuses_to_write_over_an_input_and_names_a_missing_one() {
    let dir = archive();
    let wire = dir.path().join("wire.txt");
    let out = sourcediff()
        .arg("scan")
        .arg(dir.path())
        .arg("-o")
        .arg(&wire)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&wire).unwrap(), WIRE);
    let missing = sourcediff()
        .arg("scan")
        .arg(dir.path().join("nope"))
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("nope: no such file"));
}

#[test]
fn find_quote_lists_every_wording_earliest_first() {
    let dir = archive();
    let out = sourcediff()
        .args(["find-quote", "We face a very difficult market"])
        .arg(dir.path())
        .args(["--format", "jsonl"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let hits = jsonl(&out.stdout);
    let ids: Vec<&str> = hits.iter().map(|h| h["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["feed-1", "papers/local/daily.txt", "wire.txt"]);
    assert!(hits.iter().all(|h| h["status"] == "exact"));
    assert_eq!(hits[0]["speaker"], "Anna Berg");
}

#[test]
fn scan_agrees_with_compare_on_a_pair() {
    let a = read(&common::seed_path(common::SEEDS[0]));
    let b = read(&common::seed_path(common::SEEDS[1]));
    let docs: Vec<ScanDoc> = [&a, &b]
        .iter()
        .map(|x| ScanDoc::new(x.name.clone(), (*x).clone(), Meta::default()))
        .collect();
    let record = scan::pair_result(&docs[0], &docs[1], &Options::default()).expect("shared");
    let alone = compare(vec![a.clone(), b.clone()], &Options::default());
    let (a_name, b_name) = (&record.record.a, &record.record.b);
    let expected = pair_view(&alone, a_name, b_name);
    let analysis = record
        .analysis
        .as_ref()
        .expect("pair_result keeps the analysis");
    let got = pair_view(analysis, a_name, b_name);
    assert_eq!(got.0, expected.0);
    let round = |x: f64| (x * 10_000.0).round() / 10_000.0;
    assert_eq!(
        (record.record.shared_a, record.record.shared_b),
        (round(expected.1), round(expected.2))
    );
    // And the scan of the two reports that very record.
    struct Collect(Vec<scan::PairRecord>);
    impl scan::Sink for Collect {
        fn begin(&mut self, _: &[scan::DocInfo]) -> std::io::Result<()> {
            Ok(())
        }
        fn pair(&mut self, p: &scan::PairResult) -> std::io::Result<()> {
            self.0.push(p.record.clone());
            Ok(())
        }
        fn finish(&mut self, _: &scan::Summary) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut sink = Collect(Vec::new());
    scan::scan(&docs, &ScanOptions::default(), &mut sink, &mut |_, _| {}).unwrap();
    // (The scan makes its records without the full analysis: the same record.)
    assert_eq!(sink.0, vec![record.record]);
}

/// Every byte-identical duplicate and every pair under the same headline in the BBC corpus is
/// a candidate, and aligned, shares passages.
#[test]
fn bbc_reprints_are_all_found_with_passages() {
    let Some(dir) = common::bbc_dir() else {
        return;
    };
    let mut skipped = Vec::new();
    let inputs =
        scan::read_inputs(&[dir], 1 << 25, &mut |why| skipped.push(why)).expect("the corpus reads");
    assert_eq!(
        skipped.len(),
        1,
        "only sport/199.txt is not UTF-8: {skipped:?}"
    );
    let docs: Vec<ScanDoc> = inputs
        .into_iter()
        .map(|i| ScanDoc::new(i.id, i.article, i.meta))
        .collect();
    let ngrams: Vec<Vec<u64>> = docs.iter().map(|d| d.ngrams.clone()).collect();
    let found = scan::candidates(
        &ngrams,
        sourcediff::scan::MAX_DF,
        sourcediff::scan::MIN_SHARED_NGRAMS,
    );
    let headline = |d: &ScanDoc| {
        d.document
            .article
            .text
            .lines()
            .next()
            .unwrap_or("")
            .trim()
            .to_string()
    };
    let mut by_headline: std::collections::BTreeMap<String, Vec<usize>> = Default::default();
    for (k, d) in docs.iter().enumerate() {
        by_headline.entry(headline(d)).or_default().push(k);
    }
    let mut reprints = 0;
    for group in by_headline.values().filter(|g| g.len() > 1) {
        for (x, &i) in group.iter().enumerate() {
            for &j in &group[x + 1..] {
                reprints += 1;
                let (a, b) = (&docs[i], &docs[j]);
                assert!(
                    found.binary_search(&(i as u32, j as u32)).is_ok(),
                    "{} and {} are not candidates",
                    a.id,
                    b.id
                );
                let r = scan::pair_record(a, b, &Options::default())
                    .unwrap_or_else(|| panic!("{} and {} share nothing", a.id, b.id));
                assert!(!r.passages.is_empty(), "{} and {}: no passage", a.id, b.id);
                if a.document.article.text == b.document.article.text {
                    // All but sentences too short to align ("He said so.").
                    assert!(
                        r.shared_a.min(r.shared_b) > 0.95,
                        "{} {}: {r:?}",
                        a.id,
                        b.id
                    );
                    assert_eq!(r.edited + r.framing, 0, "{} {}", a.id, b.id);
                }
            }
        }
    }
    assert!(
        reprints > 100,
        "only {reprints} same-headline pairs: is this the BBC corpus?"
    );
}

#[test]
fn a_work_folder_and_a_tiny_budget_give_the_same_scan_and_are_reused() {
    let dir = archive();
    let work = tempfile::tempdir().unwrap();
    let run = |extra: &[&str]| scan_jsonl(dir.path(), extra);
    let in_memory = run(&[]);
    let work_dir = work.path().join("w");
    let w = work_dir.to_str().unwrap();
    // 1 KiB: articles are indexed again per batch instead of being kept.
    let first = run(&["--work-dir", w, "--memory", "1K"]);
    assert_eq!(first, in_memory);
    let listing = || {
        let mut names: Vec<String> = std::fs::read_dir(&work_dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    // The candidate list, the pair records in runs and the runs' manifest.
    let saved = listing();
    assert_eq!(
        saved
            .iter()
            .filter(|n| n.starts_with("candidates-"))
            .count(),
        1,
        "{saved:?}"
    );
    assert!(saved.iter().any(|n| n.ends_with(".runs")), "{saved:?}");
    assert!(
        saved
            .iter()
            .any(|n| n.starts_with("pairs-") && n.ends_with(".bin")),
        "{saved:?}"
    );
    // The second run reads the saved candidates (kept in memory this time): same output; with
    // the small budget again it reads the saved pair records too, writing nothing new.
    assert_eq!(run(&["--work-dir", w]), in_memory);
    assert_eq!(run(&["--work-dir", w, "--memory", "1K"]), in_memory);
    assert_eq!(listing(), saved);
    // A damaged record file is an error, not a wrong report.
    let runs: Vec<&String> = saved
        .iter()
        .filter(|n| n.starts_with("pairs-") && n.ends_with(".bin"))
        .collect();
    let first_run = work_dir.join(runs[0]);
    let good = std::fs::read(&first_run).unwrap();
    if good.len() > 14 {
        let mut damaged = good.clone();
        damaged[13] = b'!';
        std::fs::write(&first_run, &damaged).unwrap();
        let out = sourcediff()
            .arg("scan")
            .arg(dir.path())
            .args(["--format", "jsonl", "--work-dir", w, "--memory", "1K"])
            .output()
            .unwrap();
        assert_ne!(out.status.code(), Some(0));
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("damaged"),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        // A cut-short one is noticed (its size is in the manifest) and aligned again.
        std::fs::write(&first_run, &good[..good.len() - 1]).unwrap();
        assert_eq!(run(&["--work-dir", w, "--memory", "1K"]), in_memory);
        assert_eq!(std::fs::read(&first_run).unwrap(), good);
    }
    // A changed article gets a new candidate list and new records, not the stale ones.
    std::fs::write(
        dir.path().join("papers/weather.txt"),
        "Sunny all week in the south.",
    )
    .unwrap();
    run(&["--work-dir", w, "--memory", "1K"]);
    let after = listing();
    assert_eq!(
        after
            .iter()
            .filter(|n| n.starts_with("candidates-"))
            .count(),
        2,
        "{after:?}"
    );
    assert_eq!(
        after.iter().filter(|n| n.ends_with(".runs")).count(),
        2,
        "{after:?}"
    );
    let bad = sourcediff()
        .arg("scan")
        .arg(dir.path())
        .args(["--memory", "12T"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

mod properties {
    use proptest::prelude::*;
    use sourcediff::scan;

    proptest! {
        /// A JSON Lines line is parsed or refused with a reason, never a panic; a refused
        /// line says why.
        #[test]
        fn any_line_parses_or_is_refused(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            match scan::parse_line(&bytes, 1000) {
                Ok(input) => prop_assert!(!input.id.is_empty()),
                Err(why) => prop_assert!(!why.is_empty()),
            }
        }

        /// Valid records keep their text and fields exactly.
        #[test]
        fn records_round_trip(id in "[a-z0-9/._-]{1,20}", text in "[A-Za-z\u{e9}\u{201c}\u{201d} .,\n]{0,80}[a-z]", date in proptest::option::of("20[0-9]{2}-[01][0-9]-[0-3][0-9]")) {
            let line = serde_json::json!({"id": id, "text": text, "date": date}).to_string();
            let input = scan::parse_line(line.as_bytes(), 1000).expect("a valid record");
            prop_assert_eq!(input.id, id);
            prop_assert_eq!(input.article.text, text);
            prop_assert_eq!(input.meta.date, date);
        }

        /// Candidates are exactly the pairs a brute-force count finds: at least `min` shared
        /// n-grams, each in 2..=cap documents.
        #[test]
        fn candidates_equal_brute_force(
            lists in proptest::collection::vec(proptest::collection::btree_set(0u64..60, 0..15), 0..25),
            cap in 2usize..8,
            min in 1usize..4,
        ) {
            let lists: Vec<Vec<u64>> = lists.into_iter().map(|s| s.into_iter().collect()).collect();
            let df = |h: u64| lists.iter().filter(|l| l.contains(&h)).count();
            let mut expected = Vec::new();
            for i in 0..lists.len() {
                for j in i + 1..lists.len() {
                    let shared = lists[i]
                        .iter()
                        .filter(|h| lists[j].contains(h) && (2..=cap).contains(&df(**h)))
                        .count();
                    if shared >= min {
                        expected.push((i as u32, j as u32));
                    }
                }
            }
            prop_assert_eq!(scan::candidates(&lists, cap, min), expected);
        }
    }
}

#[test]
fn every_pair_pushes_compare_pairs_to_the_scan_sinks() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let dir = shared.join("corpus/pairs");
    let docs: Vec<ScanDoc> = ["rel_a.txt", "rel_b.txt", "relall_a.txt", "unrel_a.txt"]
        .iter()
        .map(|name| {
            let text = std::fs::read_to_string(dir.join(name)).expect("a pair file");
            ScanDoc::new(*name, Article::from_text(*name, text), Meta::default())
        })
        .collect();
    struct Collect(Vec<scan::PairRecord>);
    impl scan::Sink for Collect {
        fn begin(&mut self, _: &[scan::DocInfo]) -> std::io::Result<()> {
            Ok(())
        }
        fn pair(&mut self, p: &scan::PairResult) -> std::io::Result<()> {
            self.0.push(p.record.clone());
            Ok(())
        }
        fn finish(&mut self, _: &scan::Summary) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut sink = Collect(Vec::new());
    let summary =
        scan::scan_every_pair(&docs, &ScanOptions::default(), &mut sink, &mut |_, _| {}).unwrap();
    // Every pair was aligned; each one that shares a sentence is pushed with the record the
    // pair has on its own (and so in `compare a b`).
    assert_eq!(summary.candidates, 6);
    let mut expected = Vec::new();
    for i in 0..docs.len() {
        for j in i + 1..docs.len() {
            expected.extend(scan::pair_record(&docs[i], &docs[j], &Options::default()));
        }
    }
    assert!(expected.len() >= 3, "the related pairs share text");
    assert_eq!(sink.0, expected);
    assert_eq!(summary.pairs, expected.len());
}

/// A pair of articles that shares nothing but a byline found in many articles of the archive
/// is left out of a scan; four copies of one story, whose every sentence is as frequent, are
/// kept, since they share long passages. Five of Clark Boyd's BBC technology columns end with
/// "Clark Boyd is technology correspondent for The World, a BBC World Service and WGBH-Boston
/// co-production." (tech/090, 106, 110, 142, 199); the story is business/001.txt. Five copies
/// of a short item (business/002.txt's headline and first sentence) are kept too: they share
/// only two sentences, each in five articles, but those are all of each copy.
#[test]
fn a_scan_leaves_out_pairs_that_share_only_boilerplate() {
    let Some(bbc) = common::bbc_dir() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let columns = ["090", "106", "110", "142", "199"];
    for name in columns {
        std::fs::copy(
            bbc.join(format!("tech/{name}.txt")),
            dir.path().join(format!("boyd-{name}.txt")),
        )
        .unwrap();
    }
    for copy in 1..=4 {
        std::fs::copy(
            bbc.join("business/001.txt"),
            dir.path().join(format!("wire-{copy}.txt")),
        )
        .unwrap();
    }
    let story = std::fs::read_to_string(bbc.join("business/002.txt")).unwrap();
    let item: String = story.split("\n\n").take(2).collect::<Vec<_>>().join("\n\n");
    for copy in 1..=5 {
        std::fs::write(dir.path().join(format!("item-{copy}.txt")), &item).unwrap();
    }
    let run = |extra: &[&str]| scan_jsonl(dir.path(), extra);
    let pairs = |stdout: &[u8]| -> Vec<(String, String)> {
        jsonl(stdout)
            .iter()
            .filter(|v| v["type"] == "pair")
            .map(|v| {
                (
                    v["a"].as_str().unwrap().to_string(),
                    v["b"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let scanned = run(&[]);
    let kept = pairs(&scanned);
    // The six pairs of the story's copies, the ten of the item's, and no pair of columns.
    assert_eq!(kept.len(), 16, "{kept:?}");
    assert!(
        kept.iter()
            .all(|(a, b)| (a.starts_with("wire") && b.starts_with("wire"))
                || (a.starts_with("item") && b.starts_with("item")))
    );
    // The columns' pairs are true: without the rule they come back, sharing the byline.
    let every = run(&["--boilerplate-df", "0"]);
    let columns_paired = jsonl(&every)
        .into_iter()
        .filter(|v| v["type"] == "pair" && v["a"].as_str().unwrap().starts_with("boyd"))
        .inspect(|v| assert_eq!(v["verbatim"], 1, "{v}"))
        .count();
    assert_eq!(columns_paired, 10);
    // The same with a five-article threshold (the columns still share it) and, article by
    // article, in the large-archive path with a work folder and a tiny budget.
    assert_eq!(pairs(&run(&["--boilerplate-df", "5"])), kept);
    assert_eq!(pairs(&run(&["--boilerplate-df", "6"])).len(), 26);
    let work = tempfile::tempdir().unwrap();
    let w = work.path().join("w");
    let w = w.to_str().unwrap();
    assert_eq!(run(&["--work-dir", w, "--memory", "1K"]), scanned);
    assert_eq!(run(&["--work-dir", w, "--memory", "1K"]), scanned);
    assert_eq!(run(&["--work-dir", w]), scanned);
}

/// A pair whose one shared line is a short sentence is not reported, unless a quotation is
/// quoted in both: two PolNeAR articles of February and August 2016 share Trump's stump line
/// "We're going to build a wall" and nothing else (judged two speeches in scan_pairs.tsv), while
/// two of 2015-12-20 share Clinton's "He is becoming ISIS's best recruiter" in quote marks.
#[test]
fn a_scan_leaves_out_a_pair_that_shares_one_short_sentence() {
    let Some(polnear) = common::corpus_dir("polnear") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "politico_2016-02-09_trump-we-are-going-to-win-so-muc.txt",
        "west-journal_2016-08-25_trump-stands-tall-on-proposal-fo.txt",
        "huff-post_2015-12-20_hillary-clinton-s-claim-that-don.txt",
        "wash-post_2015-12-20_democratic-candidates-pivot-shar.txt",
    ] {
        std::fs::copy(polnear.join(name), dir.path().join(name)).unwrap();
    }
    let pairs: Vec<(String, String)> = jsonl(&scan_jsonl(dir.path(), &[]))
        .iter()
        .filter(|v| v["type"] == "pair")
        .map(|v| {
            (
                v["a"].as_str().unwrap().to_string(),
                v["b"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        pairs,
        [(
            "huff-post_2015-12-20_hillary-clinton-s-claim-that-don.txt".to_string(),
            "wash-post_2015-12-20_democratic-candidates-pivot-shar.txt".to_string()
        )]
    );
    // A short item copied whole stays a reprint, however short its one sentence.
    let items = tempfile::tempdir().unwrap();
    for name in ["one.txt", "two.txt"] {
        std::fs::write(
            items.path().join(name),
            "Sanders wins Democrats Abroad global primary.\n",
        )
        .unwrap();
    }
    let copies = jsonl(&scan_jsonl(items.path(), &[]))
        .iter()
        .filter(|v| v["type"] == "pair")
        .count();
    assert_eq!(copies, 1);
    // `compare` still shows the stump line: it is true, only too little for a reprint.
    let out = sourcediff()
        .arg("compare")
        .arg(
            dir.path()
                .join("politico_2016-02-09_trump-we-are-going-to-win-so-muc.txt"),
        )
        .arg(
            dir.path()
                .join("west-journal_2016-08-25_trump-stands-tall-on-proposal-fo.txt"),
        )
        .args(["--format", "json"])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        report["alignments"].as_array().map(Vec::len),
        Some(1),
        "{report}"
    );
}
