//! The `sourcediff` binary: the `segment` command's output, and the exit code and the one line
//! on standard error for every bad input (README, "Input and errors").

mod common;

use std::fs;
use std::io::Read;
use std::path::Path;
use std::process::Stdio;

use assert_cmd::Command;
use common::{seed_path, seed_text};
use tempfile::TempDir;

const SEED_000: &str = "000_7ca41ccce306fdb5.txt";
const SEED_002: &str = "002_19fd502a37c78a8d.txt";

fn sourcediff() -> Command {
    Command::cargo_bin("sourcediff").expect("the sourcediff binary is built")
}

/// A temporary directory holding one file, `name`, with `bytes`.
fn temp_file(name: &str, bytes: &[u8]) -> TempDir {
    let dir = TempDir::new().expect("a temporary directory");
    fs::write(dir.path().join(name), bytes).expect("write the temporary file");
    dir
}

/// Runs a command that must succeed without a word on standard error; returns its output.
fn stdout_of(cmd: &mut Command) -> Vec<u8> {
    cmd.assert()
        .success()
        .stderr("")
        .get_output()
        .stdout
        .clone()
}

/// Runs a command that must fail with an input error: exit code 2, nothing on standard
/// output; returns what it printed on standard error.
fn input_error(cmd: &mut Command) -> String {
    let out = cmd.assert().code(2).stdout("").get_output().stderr.clone();
    String::from_utf8(out).expect("UTF-8 stderr")
}

/// Runs `segment <args>` in `dir` and checks the input-error contract: exit code 2, nothing on
/// standard output, and exactly `line` (plus a newline) on standard error.
fn assert_input_error(dir: &Path, args: &[&str], line: &str) {
    let err = input_error(sourcediff().current_dir(dir).arg("segment").args(args));
    assert_eq!(err, format!("{line}\n"));
}

/// `(start, end, text)` of each item of the `segment --format json` output.
fn parse_json(stdout: &[u8]) -> Vec<(usize, usize, String)> {
    let value: serde_json::Value = serde_json::from_slice(stdout).expect("valid JSON");
    assert_eq!(value["version"], 2);
    value["sentences"]
        .as_array()
        .expect("a JSON array of sentences")
        .iter()
        .map(|item| {
            (
                item["start"].as_u64().expect("start") as usize,
                item["end"].as_u64().expect("end") as usize,
                item["text"].as_str().expect("text").to_string(),
            )
        })
        .collect()
}

/// Checks that every `text` is exactly `input[start..end]` and that the items are in order.
fn assert_slices(input: &[u8], items: &[(usize, usize, String)]) {
    let mut previous_end = 0;
    for (start, end, text) in items {
        assert!(
            previous_end <= *start && start < end,
            "{start}..{end} after {previous_end}"
        );
        assert_eq!(
            text.as_bytes(),
            &input[*start..*end],
            "text of {start}..{end}"
        );
        previous_end = *end;
    }
}

fn json_of_file(path: &Path) -> Vec<(usize, usize, String)> {
    let out = stdout_of(sourcediff().args(["segment", "--format", "json"]).arg(path));
    parse_json(&out)
}

// --- Output -------------------------------------------------------------------------------

#[test]
fn text_output_numbers_sentences_with_byte_ranges() {
    let out = stdout_of(sourcediff().arg("segment").arg(seed_path(SEED_002)));
    let out = String::from_utf8(out).expect("UTF-8 output");
    let lines: Vec<&str> = out.lines().collect();
    for expected in [
        " 1  0..243  President Donald Trump’s excuse for ordering the assassination of Iranian General Qasem Suleimani is being disputed by Iraqi intelligence officials who say an attack Trump nearly started a war with Iran over was actually perpetrated by ISIS.",
        " 9  1206..1240  “We know Daesh’s movements.”",
        "10  1242..1281  According to the New York Times report:",
        "11  1283..1467  Iraqi military and intelligence officials have raised doubts about who fired the rockets… saying they believe it is unlikely that the militia the United States blamed for the attack.",
        "23  2959..3073  And all because Trump blamed the wrong group for an attack in his obsession with finding an excuse to target Iran.",
    ] {
        assert!(
            lines.contains(&expected),
            "missing line {expected:?} in\n{out}"
        );
    }
    // 23 sentences in 15 paragraphs: a blank line between paragraphs, numbers in order.
    let numbered: Vec<usize> = lines
        .iter()
        .filter(|l| !l.is_empty())
        .map(|l| {
            l.split_whitespace()
                .next()
                .and_then(|n| n.parse().ok())
                .expect("a number")
        })
        .collect();
    assert_eq!(numbered, (1..=23).collect::<Vec<_>>());
    assert_eq!(lines.iter().filter(|l| l.is_empty()).count(), 14);
    // Sentences 2 and 3 share a paragraph; sentence 1 is alone in its own.
    assert_eq!(lines[1], "");
    assert!(lines[2].starts_with(" 2  245..359  An American contractor"));
    assert!(lines[3].starts_with(" 3  360..467  Trump would go on"));
}

#[test]
fn text_output_of_a_one_paragraph_seed() {
    let out = stdout_of(sourcediff().arg("segment").arg(seed_path(SEED_000)));
    let out = String::from_utf8(out).expect("UTF-8 output");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 16, "{out}");
    assert_eq!(lines[3], " 4  830..864  “We know Daesh’s movements.”");
    assert!(lines[0].starts_with(" 1  0..493  In a “bombshell” revelation"));
    assert!(lines[15].ends_with("Creative Commons Attribution 4.0 International License."));
}

#[test]
fn json_text_is_the_slice_of_the_file() {
    for (name, count) in [(SEED_000, 16), (SEED_002, 23)] {
        let path = seed_path(name);
        let bytes = fs::read(&path).expect("read the seed");
        let items = json_of_file(&path);
        assert_eq!(items.len(), count, "{name}");
        assert_slices(&bytes, &items);
        assert_eq!(items[0].0, 0);
    }
}

#[test]
fn dash_reads_standard_input() {
    let bytes = fs::read(seed_path(SEED_002)).expect("read the seed");
    let out = stdout_of(
        sourcediff()
            .args(["segment", "--format", "json", "-"])
            .write_stdin(bytes.clone()),
    );
    let items = parse_json(&out);
    assert_eq!(items, json_of_file(&seed_path(SEED_002)));
    assert_slices(&bytes, &items);
}

#[test]
fn bom_counts_in_the_offsets() {
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend_from_slice(seed_text(SEED_002).as_bytes());
    let dir = temp_file("bom.txt", &bytes);
    let items = json_of_file(&dir.path().join("bom.txt"));
    assert_eq!(items.len(), 23);
    assert_eq!(
        items[0].0, 3,
        "the first sentence starts after the 3-byte BOM"
    );
    assert_slices(&bytes, &items);
}

#[test]
fn crlf_offsets_point_into_the_original_bytes() {
    let lf = seed_text(SEED_002);
    let crlf = lf.replace('\n', "\r\n");
    let dir = temp_file("crlf.txt", crlf.as_bytes());
    let got = json_of_file(&dir.path().join("crlf.txt"));
    assert_slices(crlf.as_bytes(), &got);
    let reference = json_of_file(&seed_path(SEED_002));
    assert_eq!(got.len(), reference.len());
    for ((start, end, text), (lf_start, lf_end, lf_text)) in got.iter().zip(&reference) {
        // Each LF before a sentence became two bytes.
        let shift = lf[..*lf_start].matches('\n').count();
        assert_eq!(
            (*start, *end),
            (lf_start + shift, lf_end + shift),
            "{lf_text}"
        );
        assert_eq!(text, lf_text);
    }
}

/// Seed 000 on one line, repeated to at least `min_len` bytes with no line break at all.
fn one_line_text(min_len: usize) -> (String, usize) {
    let seed = seed_text(SEED_000).replace('\n', " ");
    let copies = min_len.div_ceil(seed.len() + 1);
    (vec![seed; copies].join(" "), copies)
}

#[test]
fn huge_single_line_file_succeeds() {
    let (text, copies) = one_line_text(2 * 1024 * 1024);
    assert!(!text.contains('\n'));
    let dir = temp_file("long.txt", text.as_bytes());
    let items = json_of_file(&dir.path().join("long.txt"));
    // Seed 000 has 16 sentences; "International License. In a “bombshell”" breaks between
    // copies.
    assert_eq!(items.len(), 16 * copies);
    assert_slices(text.as_bytes(), &items);
    assert_eq!(items.last().expect("sentences").1, text.len());
}

#[test]
fn closed_pipe_exits_zero() {
    // `sourcediff segment long.txt | head -1`: the reader leaves after a few bytes of a report
    // far larger than a pipe's buffer.
    let (text, _) = one_line_text(2 * 1024 * 1024);
    let dir = temp_file("long.txt", text.as_bytes());
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_sourcediff"))
        .arg("segment")
        .arg(dir.path().join("long.txt"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn sourcediff");
    let mut stdout = child.stdout.take().expect("piped stdout");
    let mut head = [0u8; 64];
    stdout.read_exact(&mut head).expect("the report starts");
    assert!(head.starts_with(b" "), "{head:?}");
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("piped stderr")
        .read_to_string(&mut stderr)
        .expect("read stderr");
    let status = child.wait().expect("wait for sourcediff");
    assert_eq!(status.code(), Some(0), "stderr: {stderr}");
    assert_eq!(stderr, "");
}

#[test]
fn output_file_gets_the_report() {
    let dir = temp_file("a.txt", seed_text(SEED_002).as_bytes());
    sourcediff()
        .current_dir(dir.path())
        .args(["segment", "a.txt", "-o", "report.txt"])
        .assert()
        .success()
        .stdout("")
        .stderr("");
    let expected = stdout_of(
        sourcediff()
            .current_dir(dir.path())
            .args(["segment", "a.txt"]),
    );
    assert_eq!(
        fs::read(dir.path().join("report.txt")).expect("the report"),
        expected
    );
}

// --- Bad input: exit code 2 and one line naming the input and the fault --------------------

#[test]
fn missing_file() {
    let dir = TempDir::new().expect("a temporary directory");
    assert_input_error(dir.path(), &["a.txt"], "sourcediff: a.txt: no such file");
}

#[test]
fn directory() {
    let dir = TempDir::new().expect("a temporary directory");
    fs::create_dir(dir.path().join("dir")).expect("create dir");
    assert_input_error(
        dir.path(),
        &["dir"],
        "sourcediff: dir: is a directory, not an article",
    );
}

#[cfg(unix)]
#[test]
fn directory_on_standard_input() {
    let dir = TempDir::new().expect("a temporary directory");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sourcediff"))
        .args(["segment", "-"])
        .stdin(fs::File::open(dir.path()).expect("open the directory"))
        .output()
        .expect("run sourcediff");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(out.stdout, b"");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "sourcediff: <stdin>: is a directory, not an article\n"
    );
}

#[cfg(unix)]
#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_file("a.txt", b"Hello there.");
    let path = dir.path().join("a.txt");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).expect("chmod 000");
    if fs::File::open(&path).is_ok() {
        // root (or CAP_DAC_OVERRIDE) reads it anyway: the fault cannot be produced this way.
        println!("skipped: a chmod 000 file is still readable here (running as root?)");
        return;
    }
    assert_input_error(
        dir.path(),
        &["a.txt"],
        "sourcediff: a.txt: cannot read: permission denied",
    );
}

// A file that opens but fails to read; works as root too, where chmod 000 does not block.
#[cfg(target_os = "linux")]
#[test]
fn file_that_fails_to_read() {
    let path = Path::new("/proc/self/mem");
    if !path.exists() {
        println!("skipped: {} is absent", path.display());
        return;
    }
    let err = input_error(sourcediff().arg("segment").arg(path));
    assert!(
        err.starts_with("sourcediff: /proc/self/mem: cannot read: ") && err.lines().count() == 1,
        "{err:?}"
    );
}

#[test]
fn invalid_utf8_names_the_byte() {
    // "café" written in Latin-1 (as in the BBC corpus' sport/199.txt): byte 17 is 0xE9.
    let bytes = b"Headline\n\nThe caf\xe9 closed.";
    let dir = temp_file("b.txt", bytes);
    assert_input_error(
        dir.path(),
        &["b.txt"],
        "sourcediff: b.txt: invalid UTF-8 at byte 17 (sourcediff reads UTF-8 text; convert it first, e.g. with iconv)",
    );
    // A multi-byte sequence cut short at the end of the file: "Hi “" without its last byte.
    let dir = temp_file("cut.txt", b"Hi \xe2\x80");
    assert_input_error(
        dir.path(),
        &["cut.txt"],
        "sourcediff: cut.txt: invalid UTF-8 at byte 3 (sourcediff reads UTF-8 text; convert it first, e.g. with iconv)",
    );
}

#[test]
fn binary_content() {
    let dir = temp_file("a.bin", b"GIF8\x00\x00\x14\x00");
    assert_input_error(
        dir.path(),
        &["a.bin"],
        "sourcediff: a.bin: binary content (NUL byte at byte 4); expected UTF-8 text",
    );
    // UTF-16 (Windows "Unicode" text) is binary to a UTF-8 reader: FF FE 'H' 00 ...
    let utf16: Vec<u8> = "\u{feff}Hi."
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let dir = temp_file("u16.txt", &utf16);
    assert_input_error(
        dir.path(),
        &["u16.txt"],
        "sourcediff: u16.txt: binary content (NUL byte at byte 3); expected UTF-8 text",
    );
}

#[test]
fn over_the_size_limit() {
    let text = "x".repeat(99) + ".";
    let dir = temp_file("big.txt", text.as_bytes());
    assert_input_error(
        dir.path(),
        &["--max-bytes", "99", "big.txt"],
        "sourcediff: big.txt: larger than the 99-byte limit (raise it with --max-bytes)",
    );
    // Exactly at the limit is fine.
    sourcediff()
        .current_dir(dir.path())
        .args(["segment", "--max-bytes", "100", "big.txt"])
        .assert()
        .success();
    // Standard input has no size to check up front: the limit holds while reading.
    assert_eq!(
        input_error(
            sourcediff()
                .args(["segment", "--max-bytes", "99", "-"])
                .write_stdin(text)
        ),
        "sourcediff: <stdin>: larger than the 99-byte limit (raise it with --max-bytes)\n"
    );
}

#[test]
fn empty_and_blank_articles() {
    for (name, bytes) in [
        ("e.txt", &b""[..]),
        ("w.txt", &b"  \n\r\n\t \n"[..]),
        ("bom.txt", &b"\xef\xbb\xbf"[..]),
        ("bomnl.txt", &b"\xef\xbb\xbf\r\n\r\n"[..]),
    ] {
        let dir = temp_file(name, bytes);
        assert_input_error(
            dir.path(),
            &[name],
            &format!("sourcediff: {name}: the article is empty (no text to analyse)"),
        );
    }
    assert_eq!(
        input_error(sourcediff().args(["segment", "-"]).write_stdin(" \n")),
        "sourcediff: <stdin>: the article is empty (no text to analyse)\n"
    );
}

/// `segment a.txt -o <output>` in `dir` must refuse, and leave `a.txt` as `original`.
fn assert_output_refused(dir: &Path, output: &str, original: &str) {
    assert_input_error(
        dir,
        &["a.txt", "-o", output],
        &format!("sourcediff: {output}: refusing to write the report over an input article"),
    );
    assert_eq!(
        fs::read(dir.join("a.txt")).expect("the input"),
        original.as_bytes(),
        "-o {output} changed the input"
    );
}

#[test]
fn output_over_the_input_is_refused() {
    let original = seed_text(SEED_000);
    let dir = temp_file("a.txt", original.as_bytes());
    fs::create_dir(dir.path().join("sub")).expect("create sub");
    for output in ["a.txt", "./a.txt", "sub/../a.txt"] {
        assert_output_refused(dir.path(), output, &original);
    }
}

// A symbolic or hard link is the same file under another name: writing the report to it
// would replace the article. The check compares device and inode, not only the canonical path.
#[cfg(unix)]
#[test]
fn output_through_a_link_to_the_input_is_refused() {
    type MakeLink = fn(&Path, &Path) -> std::io::Result<()>;
    let links: [(&str, MakeLink); 2] = [
        ("link.txt", |from, to| std::os::unix::fs::symlink(from, to)),
        ("same.txt", |from, to| fs::hard_link(from, to)),
    ];
    for (name, make_link) in links {
        let original = seed_text(SEED_000);
        let dir = temp_file("a.txt", original.as_bytes());
        make_link(&dir.path().join("a.txt"), &dir.path().join(name)).expect("link");
        assert_output_refused(dir.path(), name, &original);
    }
}

#[test]
fn unwritable_output_is_an_error() {
    let dir = temp_file("a.txt", b"Hello there.");
    let err = input_error(sourcediff().current_dir(dir.path()).args([
        "segment",
        "a.txt",
        "-o",
        "no/such/dir/report.txt",
    ]));
    assert!(
        err.starts_with("sourcediff: no/such/dir/report.txt: cannot write: ")
            && err.lines().count() == 1,
        "{err:?}"
    );
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["segment"][..],
        &["segment", "--format", "xml", "a.txt"][..],
        &["segment", "--max-bytes", "lots", "a.txt"][..],
        &["frobnicate"][..],
    ] {
        sourcediff().args(args).assert().code(2).stdout("");
    }
}

/// The report excerpt in README ("What the report looks like") is what the quick start prints:
/// each stretch between its "…" lines appears, line for line, in the real report on the seeds.
#[test]
fn the_readme_shows_the_report_as_it_is() {
    let readme = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    let start = "The start of the report on the example articles (colors off):\n\n```text\n";
    let at = readme.find(start).expect("the report excerpt in README") + start.len();
    let excerpt = &readme[at..at + readme[at..].find("```").expect("the excerpt's end")];
    // From the repository root, as the quick start runs it (the header names the paths).
    let out = stdout_of(sourcediff().current_dir(env!("CARGO_MANIFEST_DIR")).args([
        "compare",
        &format!("examples/articles/{SEED_000}"),
        &format!("examples/articles/{SEED_002}"),
    ]));
    let report = String::from_utf8(out).expect("UTF-8 report");
    for stretch in excerpt.split("\n  …\n") {
        let stretch = stretch.trim_matches('\n');
        assert!(
            report.contains(stretch),
            "README's report excerpt is out of date; this stretch is not in the report:\n{stretch}"
        );
    }
}
