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
    assert!(
        !page.contains("hedge on one side only: A “likely”"),
        "a per-pair flag"
    );
}
