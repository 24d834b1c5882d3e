//! The `sourcediff compare` and `sourcediff quotes` commands as a user runs them: formats,
//! colors, filters, output files, errors, and byte-identical output from run to run. The
//! terminal and JSON reports of the seed articles are snapshotted (tests/snapshots/).

mod common;

use std::fs;

use assert_cmd::Command;
use common::{SEEDS, seed_path};

fn sourcediff() -> Command {
    Command::cargo_bin("sourcediff").expect("the sourcediff binary is built")
}

fn seeds() -> [String; 2] {
    SEEDS.map(|s| seed_path(s).display().to_string())
}

fn run_ok(args: &[&str]) -> String {
    let out = sourcediff()
        .args(args)
        .env_remove("NO_COLOR")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("UTF-8 report")
}

/// The report with the machine-specific part of paths removed, for snapshots.
fn portable(report: &str) -> String {
    let root = format!("{}/", env!("CARGO_MANIFEST_DIR"));
    report.replace(&root, "")
}

#[test]
fn terminal_report_of_the_seeds() {
    let [a, b] = seeds();
    let report = run_ok(&["compare", &a, &b, "--width", "100"]);
    insta::assert_snapshot!("seeds_terminal", portable(&report));
}

#[test]
fn json_report_of_the_seeds() {
    let [a, b] = seeds();
    let report = run_ok(&["compare", &a, &b, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&report).expect("valid JSON");
    assert_eq!(v["version"], 2);
    assert_eq!(v["documents"].as_array().map(Vec::len), Some(2));
    let statuses: Vec<&str> = v["quotes"]
        .as_array()
        .expect("quotes")
        .iter()
        .filter_map(|q| q["status"].as_str())
        .filter(|s| *s != "unmatched")
        .collect();
    assert_eq!(statuses, ["unquoted", "altered", "exact"]);
    // Every text in the report is the slice of its file that its offsets name.
    let files = [
        fs::read(seed_path(SEEDS[0])).expect("seed"),
        fs::read(seed_path(SEEDS[1])).expect("seed"),
    ];
    for d in v["alignments"].as_array().expect("alignments") {
        for e in d["diff"].as_array().expect("diff") {
            for (side, doc) in [("left", &d["left"]["doc"]), ("right", &d["right"]["doc"])] {
                let Some(span) = e[side].as_object() else {
                    continue;
                };
                let file = &files[doc.as_u64().expect("doc") as usize];
                let (s, t) = (
                    span["start"].as_u64().expect("start") as usize,
                    span["end"].as_u64().expect("end") as usize,
                );
                assert_eq!(std::str::from_utf8(&file[s..t]).ok(), span["text"].as_str());
            }
        }
    }
    insta::assert_snapshot!("seeds_json", portable(&report));
}

#[test]
fn the_same_inputs_give_byte_identical_reports() {
    let [a, b] = seeds();
    for format in ["text", "json", "markdown", "html"] {
        let first = run_ok(&["compare", &a, &b, "--format", format]);
        let second = run_ok(&["compare", &b, &a, "--format", format]);
        let third = run_ok(&["compare", &a, &b, "--format", format]);
        assert_eq!(first, third, "{format}");
        assert_ne!(
            first, second,
            "{format}: swapping the articles relabels them"
        );
    }
}

#[test]
fn color_is_off_when_piped_and_on_when_asked() {
    let [a, b] = seeds();
    let plain = run_ok(&["compare", &a, &b]);
    assert!(
        !plain.contains('\u{1b}'),
        "no ANSI codes when not a terminal"
    );
    let colored = run_ok(&["compare", &a, &b, "--color", "always"]);
    assert!(
        colored.contains("\u{1b}["),
        "ANSI codes with --color always"
    );
    // Without color the report still reads: removed and added words carry symbols.
    assert!(plain.contains("{+(ISIS)+}"));
}

#[test]
fn only_shows_the_parts_asked_for() {
    let [a, b] = seeds();
    let quotes = run_ok(&["compare", &a, &b, "--only", "quotes"]);
    assert!(quotes.contains("Quotes (3)"));
    assert!(!quotes.contains("Framing ("));
    assert!(!quotes.contains("Unique ("));
    let two = run_ok(&["compare", &a, &b, "--only", "framing,unique"]);
    assert!(two.contains("Framing (2)") && two.contains("Unique ("));
    assert!(!two.contains("Quotes (") && !two.contains("Edited ("));
}

#[test]
fn output_file_gets_the_report_and_inputs_are_untouched() {
    let [a, b] = seeds();
    let dir = tempfile::TempDir::new().expect("temp dir");
    let out = dir.path().join("report.json");
    let before = fs::read(&a).expect("seed");
    sourcediff()
        .args(["compare", &a, &b, "--format", "json", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let written = fs::read_to_string(&out).expect("report written");
    assert!(written.starts_with('{'));
    assert_eq!(fs::read(&a).expect("seed"), before);
}

#[test]
fn bad_requests_exit_2_with_one_line() {
    let [a, b] = seeds();
    for (args, expect) in [
        (vec!["compare", a.as_str()], "required"),
        (
            vec!["compare", "-", "-"],
            "standard input (-) can be read only once",
        ),
        (
            vec![
                "compare",
                a.as_str(),
                b.as_str(),
                "--edited-threshold",
                "1.5",
            ],
            "outside 0..1",
        ),
        (
            vec!["compare", a.as_str(), "missing.txt"],
            "missing.txt: no such file",
        ),
        (
            vec!["compare", a.as_str(), b.as_str(), "-o", a.as_str()],
            "refusing to write the report over an input article",
        ),
    ] {
        let out = sourcediff()
            .args(&args)
            .write_stdin("")
            .assert()
            .code(2)
            .get_output()
            .stderr
            .clone();
        let err = String::from_utf8_lossy(&out);
        assert!(err.contains(expect), "{args:?}: {err}");
    }
}

#[test]
fn an_article_compared_with_itself_is_all_shared() {
    let [a, _] = seeds();
    let report = run_ok(&["compare", &a, &a]);
    assert!(
        report.contains("A: 100.0% of its words also in B"),
        "{report}"
    );
    assert!(report.contains("unique sentences: A 0 · B 0"));
}

#[test]
fn quotes_command_lists_speakers() {
    let [a, _] = seeds();
    let report = run_ok(&["quotes", &a]);
    assert!(
        report.contains("“We know Daesh’s movements.” — Brigadier General Ahmed Adnan"),
        "{report}"
    );
    assert!(report.contains("— Lt. Gen. Muhammad al-Bayati"));
    let json = run_ok(&["quotes", &a, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    let text = fs::read_to_string(&a).expect("seed");
    assert_eq!(v["version"], 2);
    for q in v["quotes"].as_array().expect("array") {
        let (s, e) = (
            q["start"].as_u64().expect("start") as usize,
            q["end"].as_u64().expect("end") as usize,
        );
        assert_eq!(Some(&text[s..e]), q["text"].as_str());
    }
}

#[test]
fn exit_code_says_whether_the_articles_share_text() {
    let [a, b] = seeds();
    // Without --exit-code, a report with findings still exits 0.
    sourcediff().args(["compare", &a, &b]).assert().code(0);
    sourcediff()
        .args(["compare", &a, &b, "--exit-code"])
        .assert()
        .code(1)
        .stdout(predicates::str::contains("Quotes ("));
    // Two articles with nothing in common: 0.
    let dir = tempfile::TempDir::new().expect("temp dir");
    fs::write(
        dir.path().join("x.txt"),
        "Rain fell on the northern hills all week.\n",
    )
    .expect("x");
    fs::write(
        dir.path().join("y.txt"),
        "The bank raised its interest rate to five percent.\n",
    )
    .expect("y");
    sourcediff()
        .current_dir(dir.path())
        .args(["compare", "x.txt", "y.txt", "--exit-code"])
        .assert()
        .code(0);
    // -q: no report, the status alone.
    sourcediff()
        .args(["compare", "-q", &a, &b])
        .assert()
        .code(1)
        .stdout("")
        .stderr("");
    sourcediff()
        .current_dir(dir.path())
        .args(["compare", "--quiet", "x.txt", "y.txt"])
        .assert()
        .code(0)
        .stdout("");
}

#[test]
fn fail_on_gates_on_the_kinds_asked_for() {
    let [a, b] = seeds();
    // The seeds have an altered quote and a dropped hedge, but no swapped name, misattribution
    // or negation.
    for (kinds, code) in [
        ("altered", 1),
        ("hedge", 1),
        ("subject", 0),
        ("drift", 1),
        ("framing,edited", 1),
        ("misattributed", 0),
        ("negation,misattributed", 0),
    ] {
        sourcediff()
            .args(["compare", &a, &b, "-q", "--fail-on", kinds])
            .assert()
            .code(code)
            .stdout("");
    }
    // An error is still 2, whatever is asked.
    sourcediff()
        .args(["compare", &a, "missing.txt", "--exit-code"])
        .assert()
        .code(2);
}

#[test]
fn usage_errors_are_one_line() {
    let [a, b] = seeds();
    for (args, expect) in [
        (
            vec!["compare", a.as_str(), b.as_str(), "--colour", "never"],
            "sourcediff: unexpected argument '--colour' found (",
        ),
        (
            vec!["compare", a.as_str(), b.as_str(), "--fail-on", "typos"],
            "sourcediff: invalid value 'typos' for '--fail-on <KINDS>'",
        ),
        (
            vec!["frobnicate"],
            "sourcediff: unrecognized subcommand 'frobnicate'",
        ),
        (
            vec!["compare", a.as_str()],
            "sourcediff: 2 values required by '<FILE> <FILE>...'; only 1 was provided",
        ),
    ] {
        let out = sourcediff()
            .args(&args)
            .assert()
            .code(2)
            .stdout("")
            .get_output()
            .stderr
            .clone();
        let err = String::from_utf8_lossy(&out);
        assert!(err.starts_with(expect), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
    }
    // Help and version are not errors.
    sourcediff()
        .arg("--help")
        .assert()
        .code(0)
        .stdout(predicates::str::contains("compare"));
    sourcediff()
        .arg("--version")
        .assert()
        .code(0)
        .stdout("sourcediff 0.1.0\n");
}

#[test]
fn completions_and_man_page() {
    for (shell, mark) in [
        ("bash", "_sourcediff()"),
        ("zsh", "#compdef sourcediff"),
        ("fish", "complete -c sourcediff"),
    ] {
        let script = run_ok(&["completions", shell]);
        assert!(script.contains(mark), "{shell}: {script}");
        for word in ["compare", "fail-on", "exit-code"] {
            assert!(script.contains(word), "{shell} completes {word}");
        }
    }
    let man = run_ok(&["man"]);
    assert!(man.contains(".TH sourcediff 1"), "{man}");
    assert!(man.contains("compare") && man.contains("segment"));
}

/// Issue 9: with more than two articles, a sentence several carry is one finding listing all
/// of them, and the report opens with what changed.
#[test]
fn three_articles_give_one_entry_per_shared_sentence() {
    let [a, b] = seeds();
    let report = run_ok(&["compare", &a, &b, &a, "--color", "never"]);
    assert!(report.contains("  A4 = B9 = C4\n"), "{report}");
    assert!(!report.contains("  A4 = B9\n") && !report.contains("  B9 = C4\n"));
    let changed = report
        .find("What changed (")
        .expect("a what-changed section");
    let quotes = report.find("Quotes (").expect("quotes");
    assert!(changed < quotes, "what changed comes before the lists");
    let md = run_ok(&["compare", &a, &b, &a, "--format", "markdown"]);
    assert!(md.contains("- **A4 = B9 = C4** "), "{md}");
}

/// Past 26 articles the labels go on as AA, AB, …: "AA3" can be read one way only.
#[test]
fn labels_past_26_articles_stay_unambiguous() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let mut names = Vec::new();
    for i in 0..28 {
        let name = format!("a{i:02}.txt");
        fs::write(
            dir.path().join(&name),
            format!("The council met on day {i}. Every article has its own sentence {i}.\n"),
        )
        .expect("write");
        names.push(name);
    }
    let mut args = vec!["compare", "--only", "unique", "--color", "never"];
    args.extend(names.iter().map(String::as_str));
    let out = sourcediff()
        .current_dir(dir.path())
        .args(&args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let report = String::from_utf8(out).expect("UTF-8");
    assert!(report.contains("  Z  a25.txt"), "{report}");
    assert!(report.contains("  AA  a26.txt"), "{report}");
    assert!(report.contains("  AB  a27.txt"), "{report}");
    assert!(!report.contains("A2  "), "{report}");
}

/// A term in quote marks two articles share ("epidemic", BBC politics/202 and politics/198) is
/// no shared quotation: `--fail-on quotes` does not fire on it, and the report lists it on the
/// line of shared terms, not under the shared quotes.
#[test]
fn a_shared_term_does_not_fail_on_quotes() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    fs::write(
        &a,
        "Earlier this year the Royal College of Physicians said it opposed the plan to extend \
         drinking hours when there was already an \"epidemic\" of binge drinking.\n",
    )
    .expect("write a");
    fs::write(
        &b,
        "The Metropolitan police chief said last week that the plans for 24-hour drinking should \
         be re-examined because of a binge drinking \"epidemic\".\n",
    )
    .expect("write b");
    let (a, b) = (a.display().to_string(), b.display().to_string());
    sourcediff()
        .args(["compare", &a, &b, "-q", "--fail-on", "quotes"])
        .assert()
        .code(0);
    let report = run_ok(&["compare", &a, &b, "--only", "quotes"]);
    assert!(
        report.contains("Quotes (0)")
            && report.contains("terms in quote marks in more than one article: “epidemic” A1 · B1"),
        "{report}"
    );
    let md = run_ok(&["compare", &a, &b, "--format", "markdown"]);
    assert!(
        md.contains("Terms in quote marks in more than one article: “epidemic” A1 · B1."),
        "{md}"
    );
    let html = run_ok(&["compare", &a, &b, "--format", "html"]);
    assert!(
        html.contains("Shared quotes (0)")
            && html.contains(
                "<p class=\"shared-terms\">Terms in quote marks in more than one article: \
                 “epidemic” A1 · B1</p>"
            ),
        "{html}"
    );
}
