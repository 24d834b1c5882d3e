//! Quote findings across outlets, judged by reading (`tests/data/quote_findings_heldout*.tsv`):
//! every row's two articles are compared again and the row's entry is found by its excerpts.
//! A row is kept when the entry is still there with the row's status and speakers; its verdict
//! then stands. A row whose entry changed or is gone is printed, to be judged again: a right
//! row changed counts as lost until it is. Non-exact entries of a compared pair that no row
//! names are printed as new (unjudged). `-- --nocapture` prints every row that moved.
//!
//! `quote_findings_heldout3.tsv` is held out: run once, at the end of the session that drew it
//! (its floors are its "before" figures). `quote_findings_heldout4.tsv` (PolNeAR cross-outlet
//! pairs) is held out the same way. The first two samples are development data.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{corpus_dir, folded};
use sourcediff::load::{LoadOptions, open};
use sourcediff::quotes::{QuoteMatch, QuoteStatus, match_quotes};

/// One judged finding.
struct Row {
    line: usize,
    right: bool,
    status: String,
    corpus: String,
    a: String,
    b: String,
    excerpt_a: String,
    excerpt_b: String,
    speakers: String,
}

/// The rows of `file`, and the extra pairs its `#pair` lines name (compared for new findings).
fn rows(file: &str) -> (Vec<Row>, Vec<(String, String)>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
    let (mut rows, mut pairs) = (Vec::new(), Vec::new());
    for (i, line) in text.lines().enumerate() {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols[0] == "#pair" {
            assert_eq!(cols.len(), 3, "{file} line {}: #pair A B", i + 1);
            pairs.push((cols[1].to_string(), cols[2].to_string()));
            continue;
        }
        if line.starts_with('#') || line.trim().is_empty() || cols[0] == "verdict" {
            continue;
        }
        assert_eq!(cols.len(), 9, "{file} line {}: nine columns", i + 1);
        rows.push(Row {
            line: i + 1,
            right: match cols[0] {
                "right" => true,
                "wrong" => false,
                v => panic!("{file} line {}: verdict {v:?}", i + 1),
            },
            status: cols[1].to_string(),
            corpus: cols[2].to_string(),
            a: cols[3].to_string(),
            b: cols[4].to_string(),
            excerpt_a: folded(cols[5]),
            excerpt_b: folded(cols[6]),
            speakers: cols[7].to_string(),
        });
    }
    (rows, pairs)
}

fn status_name(s: QuoteStatus) -> String {
    format!("{s:?}").to_lowercase()
}

/// The first 70 characters of an occurrence's text, white space folded: how excerpts are cut
/// (a space they end on is dropped, as reading the row drops it).
fn excerpt(text: &str) -> String {
    let cut: String = folded(text).chars().take(70).collect();
    cut.trim_end().to_string()
}

/// Each occurrence's speaker and method once, in order ("none" for a blank), as the rows give.
fn speakers(m: &QuoteMatch) -> String {
    let mut seen: Vec<String> = Vec::new();
    for o in &m.occurrences {
        let s = match (&o.speaker, o.speaker_method) {
            (Some(s), Some(how)) => format!("{s} ({})", format!("{how:?}").to_lowercase()),
            (Some(s), None) => s.clone(),
            _ => "none".to_string(),
        };
        if !seen.contains(&s) {
            seen.push(s);
        }
    }
    seen.join(" / ")
}

/// Two speaker lists with the same members (the first samples wrote them in reading order,
/// not the occurrences' order).
fn same_set(x: &str, y: &str) -> bool {
    let set = |s: &str| {
        s.split(" / ")
            .map(str::to_string)
            .collect::<BTreeSet<String>>()
    };
    set(x) == set(y)
}

/// The entries two articles share, compared as `sourcediff compare A B` reads them.
fn shared(dir: &Path, a: &str, b: &str) -> Vec<QuoteMatch> {
    let load = |f: &str| {
        let p = dir.join(f);
        open(&p.to_string_lossy(), &LoadOptions::default())
            .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    };
    let docs = sourcediff::documents(vec![load(a), load(b)]);
    match_quotes(&docs)
        .into_iter()
        .filter(|m| (0..2).all(|d| m.occurrences.iter().any(|o| o.doc == d)))
        .collect()
}

/// What one sample gives now.
#[derive(Debug, Default)]
struct Tally {
    rows: usize,
    right_kept: usize,
    wrong_kept: usize,
    moved: Vec<String>,
    new: Vec<String>,
}

fn measure(file: &str) -> Option<Tally> {
    let (rows, extra) = rows(file);
    let mut pairs: BTreeSet<(String, String, String)> = rows
        .iter()
        .map(|r| (r.corpus.clone(), r.a.clone(), r.b.clone()))
        .collect();
    pairs.extend(extra.into_iter().map(|(a, b)| ("bbc".to_string(), a, b)));
    let mut tally = Tally {
        rows: rows.len(),
        ..Tally::default()
    };
    for (corpus, a, b) in &pairs {
        let dir = corpus_dir(corpus)?;
        let found = shared(&dir, a, b);
        let mut named = vec![false; found.len()];
        for r in rows
            .iter()
            .filter(|r| (&r.corpus, &r.a, &r.b) == (corpus, a, b))
        {
            let at = found.iter().position(|m| {
                let first = |d: usize| m.occurrences.iter().find(|o| o.doc == d);
                first(0).is_some_and(|o| excerpt(&o.text) == r.excerpt_a)
                    && first(1).is_some_and(|o| excerpt(&o.text) == r.excerpt_b)
            });
            let now = at.map(|i| (status_name(found[i].status), speakers(&found[i])));
            if let Some(i) = at {
                named[i] = true;
            }
            let kept = now
                .as_ref()
                .is_some_and(|(s, who)| *s == r.status && same_set(who, &r.speakers));
            if kept {
                if r.right {
                    tally.right_kept += 1;
                } else {
                    tally.wrong_kept += 1;
                }
                continue;
            }
            let verdict = if r.right { "right" } else { "wrong" };
            let now = now.map_or("gone".to_string(), |(s, who)| format!("{s}, {who}"));
            tally.moved.push(format!(
                "line {} ({verdict} {}, {}) [{a} | {b}] {:?}: now {now}",
                r.line, r.status, r.speakers, r.excerpt_a
            ));
        }
        for (m, _) in found.iter().zip(&named).filter(|(_, n)| !**n) {
            if m.status != QuoteStatus::Exact {
                tally.new.push(format!(
                    "[{a} | {b}] {} {:?}: {}",
                    status_name(m.status),
                    excerpt(&m.text),
                    speakers(m)
                ));
            }
        }
    }
    println!(
        "{file}: {} rows, {} right kept, {} wrong kept, {} moved, {} new",
        tally.rows,
        tally.right_kept,
        tally.wrong_kept,
        tally.moved.len(),
        tally.new.len()
    );
    for m in &tally.moved {
        println!("  moved: {m}");
    }
    for n in &tally.new {
        println!("  new: {n}");
    }
    Some(tally)
}

/// Checks a sample against its floors: right rows kept, wrong rows kept, new findings.
fn check(file: &str, min_right: usize, max_wrong: usize, max_new: usize) {
    let Some(t) = measure(file) else {
        return;
    };
    assert!(
        t.right_kept >= min_right,
        "{file}: {} right findings kept < {min_right}:\n{}",
        t.right_kept,
        t.moved.join("\n")
    );
    assert!(
        t.wrong_kept <= max_wrong,
        "{file}: {} wrong findings kept > {max_wrong}",
        t.wrong_kept
    );
    assert!(
        t.new.len() <= max_new,
        "{file}: {} new findings to judge > {max_new}:\n{}",
        t.new.len(),
        t.new.join("\n")
    );
}

/// The third held-out sample (BBC pairs sharing 10-70%, drawn at 5c95b74): 36 findings, 33
/// right and 3 wrong before; no new finding on its 109 pairs. Run once at the end of that
/// session: the same 36 findings, 3 wrong. Run again at the end of the session of branch
/// quotespk, whose rules were written for two of its wrong rows' articles (politics/040 and
/// politics/248, named in that session's task): those two rows are gone, 33 right kept, 1 wrong
/// (the Dr Fox / Mr Blair speaker), no new finding.
#[test]
fn quote_findings_heldout3() {
    check("quote_findings_heldout3.tsv", 33, 1, 0);
}

/// The fourth held-out sample (PolNeAR pairs of two outlets whose shared quotes `scan` reports,
/// drawn at 67057b6): 41 findings on 32 pairs, 37 right and 4 wrong before (all 4 among the 27
/// rows of the 21 pairs no earlier quote rule was read on: two entries holding two quotations,
/// one paraphrase called `unquoted`, one wrong speaker); every shared entry of its pairs is a
/// row, so none is new. Its one held-out run, on the quote and speaker rules of the third
/// 2026-12-01 session: 36 right rows kept, 3 wrong kept, 2 moved and read again, both right now
/// (line 36 gives "ISIS' best recruiter" to Hillary Clinton, named in HuffPost's sentence; line
/// 37's "she" is Hillary Clinton, no longer Nidal Hasan): 4 wrong -> 3 of 41. The seventh
/// session wrote those two rows, and line 54's Trump ("And then Trump went fully on the attack,
/// saying,") and line 35's ("Trump then appears in a clip …, saying,"), into the file as right:
/// 38 right rows kept.
#[test]
fn quote_findings_heldout4() {
    check("quote_findings_heldout4.tsv", 38, 3, 0);
}

/// Development: the first sample, as measured at 5c95b74 on each row's pair alone. 27 right
/// rows kept; the 4 wrong are gone (2 spellings now exact, Ryan's words now apart from Trump's,
/// the committee letter's stock phrase no longer unquoted); 4 right rows are found as new
/// entries because an interrupted quotation is now spanned whole (their excerpts were cut from
/// the first part: Clinton's "ISIS's best recruiter", Conant's "big night", Trump's "founder of
/// ISIS" and "pick her judges"), and the fifth new one is Trump's "strong leadership" apart
/// from Ryan's words. Since a part credited on its own to someone else is no longer joined to
/// the quotation before it (fifth session of 2026-12-01), Oxfam's "2005 offers the chance …"
/// (politics/130: `"…," Oxfam's Barbara Stocking said.` then `"…," the charity's director
/// added.`) is its own entry, found by its own excerpt: right, one kept row fewer, one new.
#[test]
fn quote_findings_heldout() {
    check("quote_findings_heldout.tsv", 26, 0, 6);
}

/// Development: the second sample, as measured at 5c95b74 (its "after" run: 35 findings, 10
/// wrong). 24 right rows kept, 10 wrong kept; the 8 wrong `unquoted` stock phrases are gone;
/// "The struggle continues" is `altered` only with the Washington Post's article of its week,
/// so on its pair alone it is `partial` (moved, still right). Since then (development, this
/// session): the 4 stock phrases the rule let through are gone; the glued-mark entry
/// (entertainment/354, 355) is a new `partial` with no speaker, right; the gloss "(EA)" is
/// exact, and the idiom "by the back door" and the campaign "Make love not spam" are no
/// entries; "he" after "As the Tory leader declared" is no longer Mr Letwin (that row moved:
/// `altered`, Mr Howard / none, right): 1 wrong kept ("case by case basis"), 1 new.
#[test]
fn quote_findings_heldout2() {
    check("quote_findings_heldout2.tsv", 24, 1, 1);
}
