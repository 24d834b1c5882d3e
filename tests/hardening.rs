//! Regression tests for the red-team findings of issue 10, each one its reproducer as a user
//! (or an attacker) would run it: reports over their own input, escape sequences and
//! right-to-left overrides in article text and file names, Markdown markup at the start of a
//! line, a write that fails half-way, and reports that grow faster than their input.

mod common;

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use tempfile::TempDir;

fn sourcediff() -> Command {
    Command::cargo_bin("sourcediff").expect("the sourcediff binary is built")
}

/// A directory holding the named files.
fn files(list: &[(&str, &str)]) -> TempDir {
    let dir = TempDir::new().expect("a temporary directory");
    for (name, text) in list {
        fs::write(dir.path().join(name), text).expect("write an article");
    }
    dir
}

/// Runs a command in `dir` that must succeed; its standard output.
fn run(dir: &Path, args: &[&str]) -> String {
    let out = sourcediff()
        .current_dir(dir)
        .args(args)
        .env_remove("NO_COLOR")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("UTF-8 report")
}

/// Two articles that share a sentence hiding a negation behind SGR 8 (hidden text), plus a
/// clear-screen, a window-title OSC, a clipboard write, a one-byte C1 CSI, a bell and a
/// right-to-left override.
const HOSTILE_A: &str = "Officials said the talks ended on Monday.\n\n\
    We will \u{1b}[8mnot \u{1b}[0m resign, the minister said.\n\n\
    \u{1b}[2J\u{1b}]0;pwned\u{7}The budget \u{9b}31mvote \u{1b}]52;c;aGVsbG8=\u{7}was close. \
    The \u{202e}reversed text follows here. “We will \u{1b}[8mnot\u{1b}[0m go,” he said.\n";
const HOSTILE_B: &str = "Officials said the talks ended on Monday.\n\n\
    We will \u{1b}[8mnot \u{1b}[0m resign, the prime minister said.\n\n\
    “We will \u{1b}[8mnot\u{1b}[0m go,” the minister said.\n";

/// The control characters (other than tab and line feed) and bidirectional embedding,
/// override and isolate controls in `report`.
fn controls(report: &str) -> Vec<String> {
    report
        .chars()
        .enumerate()
        .filter(|&(_, c)| {
            (c.is_control() && c != '\n' && c != '\t')
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .map(|(i, c)| format!("U+{:04X} at char {i}", c as u32))
        .collect()
}

#[test]
fn escape_sequences_never_reach_the_terminal_in_any_report() {
    let dir = files(&[("a.txt", HOSTILE_A), ("b.txt", HOSTILE_B)]);
    for args in [
        &["compare", "a.txt", "b.txt", "--color", "never"][..],
        &["compare", "a.txt", "b.txt", "--format", "markdown"][..],
        &["compare", "a.txt", "b.txt", "--format", "html"][..],
        &["segment", "a.txt"][..],
        &["quotes", "a.txt"][..],
    ] {
        let report = run(dir.path(), args);
        assert_eq!(controls(&report), Vec::<String>::new(), "{args:?}");
        // The hidden negation shows: the reader sees the escape sequence and the "not".
        let shown = report.contains("␛[8mnot") || report.contains("␛\\[8mnot");
        assert!(shown, "{args:?}: {report}");
    }
    // With colors on, the only escape sequences are the report's own colors.
    let report = run(
        dir.path(),
        &["compare", "a.txt", "b.txt", "--color", "always"],
    );
    assert!(report.contains("\u{1b}[1m"), "colors are on");
    let own: String = report.replace("\u{1b}[", "SGR[");
    assert!(!own.contains("SGR[8m"), "the article's SGR 8 passes: {own}");
    assert!(own.contains("␛[8mnot"));
}

#[test]
fn escape_sequences_in_file_names_are_shown_not_obeyed() {
    let name = "evil\u{1b}]0;title\u{7}\u{202e}.txt";
    let dir = files(&[(name, HOSTILE_B), ("b.txt", HOSTILE_B)]);
    for format in ["text", "markdown", "html"] {
        let report = run(
            dir.path(),
            &[
                "compare", name, "b.txt", "--format", format, "--color", "never",
            ],
        );
        assert_eq!(controls(&report), Vec::<String>::new(), "{format}");
        assert!(report.contains("evil␛]0;title␇⟨U+202E⟩.txt"), "{format}");
    }
    let report = run(dir.path(), &["quotes", name]);
    assert_eq!(controls(&report), Vec::<String>::new());
}

#[test]
fn markdown_line_starts_and_file_name_newlines_stay_text() {
    let a = "# Breaking: the minister resigned on Monday after the long vote in parliament.\n\n\
             1) The council approved the new budget for the city schools on Friday.\n";
    let b = "# Breaking: the minister resigned on Tuesday after the long vote in parliament.\n\n\
             1) The council approved the revised budget for the city schools on Friday.\n";
    let name = "b\n| x | y |\n# b.txt";
    let dir = files(&[("a.txt", a), (name, b)]);
    let md = run(
        dir.path(),
        &["compare", "a.txt", name, "--format", "markdown"],
    );
    assert!(md.contains("Edited (2)"), "{md}");
    for line in md.lines() {
        let heading =
            line.starts_with("# sourcediff") || line.starts_with("## ") || line.starts_with("### ");
        assert!(
            heading || !line.starts_with('#'),
            "a heading from article text: {line:?}"
        );
        assert!(
            !line.starts_with("1)"),
            "a list from article text: {line:?}"
        );
        assert!(
            !line.starts_with("| x"),
            "a table row from a file name: {line:?}"
        );
    }
    // Every row of the article table has its six cells.
    let rows: Vec<&str> = md
        .lines()
        .skip_while(|l| !l.starts_with("| | Article"))
        .take_while(|l| l.starts_with('|'))
        .collect();
    assert_eq!(rows.len(), 4, "{md}");
    for row in rows {
        let cells = row.replace("\\|", "").matches('|').count();
        assert_eq!(cells, 7, "{row}");
    }
}

#[test]
fn html_isolates_right_to_left_text() {
    let dir = files(&[("a.txt", HOSTILE_A), ("b.txt", HOSTILE_B)]);
    let page = run(
        dir.path(),
        &["compare", "a.txt", "b.txt", "--format", "html"],
    );
    assert!(!page.contains('\u{202e}'));
    assert!(page.contains("The ⟨U+202E⟩reversed text"));
    let css = page
        .split("<style>")
        .nth(1)
        .and_then(|s| s.split("</style>").next())
        .unwrap_or("");
    assert!(
        css.contains("unicode-bidi: isolate"),
        "sentences are bidi islands"
    );
}

#[test]
fn output_never_replaces_the_article_read_from_standard_input() {
    let dir = files(&[("a.txt", HOSTILE_A), ("b.txt", HOSTILE_B)]);
    // `compare - b.txt -o a.txt < a.txt`: a real redirection, not a pipe.
    let input = fs::File::open(dir.path().join("a.txt")).expect("open a.txt");
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("sourcediff"))
        .current_dir(dir.path())
        .args(["compare", "-", "b.txt", "-o", "a.txt"])
        .stdin(input)
        .output()
        .expect("run sourcediff");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = out.stderr;
    assert_eq!(
        String::from_utf8_lossy(&err),
        "sourcediff: a.txt: refusing to write the report over an input article\n"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("a.txt")).expect("a.txt"),
        HOSTILE_A
    );
}

/// A write that fails half-way (here the file-size limit, as a full disk would) leaves the old
/// report as it was, and no temporary file behind.
#[test]
#[cfg(unix)]
fn a_failed_write_leaves_the_old_report_untouched() {
    if std::process::Command::new("sh")
        .arg("-c")
        .arg("true")
        .status()
        .is_err()
    {
        eprintln!("skipped: no sh to set a file-size limit with");
        return;
    }
    let [a, b] = common::SEEDS.map(|s| common::seed_path(s).display().to_string());
    let dir = TempDir::new().expect("a temporary directory");
    let report = dir.path().join("report.html");
    fs::write(&report, "the old report\n").expect("an old report");
    let bin = assert_cmd::cargo::cargo_bin("sourcediff");
    // `ulimit -f 4`: writes past 4 KiB fail with EFBIG (the signal ignored, as `trap` does).
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 4; exec \"$0\" compare \"$1\" \"$2\" --format html -o \"$3\"")
        .arg(&bin)
        .arg(&a)
        .arg(&b)
        .arg(&report)
        .output()
        .expect("run sourcediff under a file-size limit");
    assert_eq!(status.status.code(), Some(2), "{status:?}");
    let err = String::from_utf8_lossy(&status.stderr);
    assert!(
        err.starts_with("sourcediff: ")
            && err.contains("report.html: cannot write: file too large")
            && !err.contains("os error")
            && err.lines().count() == 1,
        "{err}"
    );
    assert_eq!(
        fs::read_to_string(&report).expect("the old report"),
        "the old report\n"
    );
    let left: Vec<_> = fs::read_dir(dir.path())
        .expect("list the directory")
        .map(|e| e.expect("an entry").file_name())
        .collect();
    assert_eq!(left, vec![std::ffi::OsString::from("report.html")]);
}

#[test]
fn output_to_a_device_is_written_in_place() {
    let [a, b] = common::SEEDS.map(|s| common::seed_path(s).display().to_string());
    sourcediff()
        .args(["compare", &a, &b, "-o", "/dev/null"])
        .assert()
        .success();
    assert!(
        fs::metadata("/dev/null")
            .map(|m| !m.is_file())
            .unwrap_or(true)
    );
}

/// The BBC articles republished under the same headline with a different body: real reprint
/// pairs (31 of them), read as the CLI would.
fn reprint_pairs() -> Option<Vec<(String, String)>> {
    let dir = common::bbc_dir()?;
    let mut by_headline: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for path in common::bbc_files(&dir) {
        let Ok(text) = fs::read_to_string(&path) else {
            continue; // the one Latin-1 file
        };
        let headline = text.lines().next().unwrap_or("").trim().to_string();
        by_headline.entry(headline).or_default().push(text);
    }
    let mut pairs = Vec::new();
    for texts in by_headline.values() {
        for (i, a) in texts.iter().enumerate() {
            for b in &texts[i + 1..] {
                if a != b {
                    pairs.push((a.clone(), b.clone()));
                }
            }
        }
    }
    Some(pairs)
}

/// What an analysis found, as (left sentences, right sentences, kind, drift kinds), seen from
/// the first article whichever order the articles came in.
fn found(analysis: &sourcediff::Analysis, swapped: bool) -> Vec<String> {
    let mut out: Vec<String> = analysis
        .findings
        .iter()
        .map(|f| {
            let (l, r) = (&f.pair.left.sentences, &f.pair.right.sentences);
            let (l, r) = if swapped { (r, l) } else { (l, r) };
            let drift: Vec<_> = f.drift.iter().map(|d| d.kind).collect();
            format!("{l:?} {r:?} {:?} {drift:?}", f.kind)
        })
        .collect();
    out.sort();
    out
}

/// `compare B A` finds exactly what `compare A B` finds, at the thresholds' extremes too
/// (issue 10: with `--fuzzy-threshold 0` it did not on 6 real pairs).
#[test]
fn swapping_real_reprints_mirrors_the_findings_at_every_threshold() {
    let Some(pairs) = reprint_pairs() else {
        return;
    };
    assert!(pairs.len() >= 30, "{} reprint pairs", pairs.len());
    let default = sourcediff::Options::default();
    let settings = [
        default.clone().with_fuzzy_word_threshold(0.0),
        default.clone().with_fuzzy_word_threshold(1.0),
        default
            .clone()
            .with_edited_threshold(0.0)
            .with_framing_threshold(0.0),
        default
            .clone()
            .with_edited_threshold(1.0)
            .with_framing_threshold(1.0),
        default,
    ];
    let mut mismatches = Vec::new();
    for options in &settings {
        for (k, (a, b)) in pairs.iter().enumerate() {
            let ab = sourcediff::compare(
                vec![
                    sourcediff::Article::from_text("a", a.as_str()),
                    sourcediff::Article::from_text("b", b.as_str()),
                ],
                options,
            );
            let ba = sourcediff::compare(
                vec![
                    sourcediff::Article::from_text("b", b.as_str()),
                    sourcediff::Article::from_text("a", a.as_str()),
                ],
                options,
            );
            if found(&ab, false) != found(&ba, true) {
                mismatches.push(format!("pair {k} at {options:?}"));
            }
        }
    }
    assert!(mismatches.is_empty(), "{mismatches:#?}");
}

/// Every report of `a` against `b`, in every format, with its size.
fn report_sizes(a: String, b: String) -> Vec<(sourcediff::Format, usize, String)> {
    let analysis = sourcediff::compare(
        vec![
            sourcediff::Article::from_text("a.txt", a),
            sourcediff::Article::from_text("b.txt", b),
        ],
        &sourcediff::Options::default(),
    );
    [
        sourcediff::Format::Text,
        sourcediff::Format::Json,
        sourcediff::Format::Markdown,
        sourcediff::Format::Html,
    ]
    .into_iter()
    .map(|format| {
        let options = sourcediff::RenderOptions::new(format);
        let mut out = Vec::new();
        sourcediff::report::write(&analysis, &options, &mut out).expect("render");
        let text = String::from_utf8(out).expect("UTF-8");
        (format, text.len(), text)
    })
    .collect()
}

/// A quotation repeated 2,000 times gave 330 MB of HTML (every occurrence's tooltip listed
/// every other); a sentence repeated 10,000 times among others gave 1 GB. Reports now grow
/// with their input: here at most 16 bytes of report per byte of input, in every format, and
/// the repeats are one entry with their count.
#[test]
fn repeated_quotes_and_sentences_give_reports_linear_in_their_input() {
    let quote = "The minister said: “We will not resign over this vote.” ";
    let a = quote.repeat(2_000);
    let b = format!("Reporters heard it. {}", quote.repeat(3));
    let input = a.len() + b.len();
    for (format, size, text) in report_sizes(a, b) {
        assert!(size < 16 * input, "{format:?}: {size} bytes from {input}");
        if format == sourcediff::Format::Text {
            assert!(text.contains("quoted 2000 times in A"), "{text}");
            assert!(
                !text.contains("A2    The minister"),
                "one line per place: {text}"
            );
        }
    }
    let sentence = "The council approved the new budget on Monday. ";
    let a: String = (0..10_000)
        .map(|i| format!("{sentence}Filler sentence number {i} arrived. "))
        .collect();
    let b = sentence.repeat(3);
    let input = a.len() + b.len();
    for (format, size, text) in report_sizes(a, b) {
        assert!(size < 16 * input, "{format:?}: {size} bytes from {input}");
        if format == sourcediff::Format::Text {
            assert!(
                text.contains("repeated: 10000 times in A, 3 times in B"),
                "{text}"
            );
        }
    }
}
