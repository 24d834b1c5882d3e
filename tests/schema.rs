//! The JSON Schemas in `docs/schema/`: (a) they are exactly what the types generate
//! (`sourcediff::report::schema`), and (b) real outputs validate against them: `compare`,
//! `segment` and `quotes` on the seed articles, HTML pages (one served on 127.0.0.1, so `url` is
//! set), Markdown, BBC articles and a PolNeAR article (skipped with a printed reason when
//! `../shared` is absent), every `scan --format jsonl` line type and `find-quote` lines. The
//! schemas are closed (`additionalProperties: false`, every field required), so validation also
//! proves that every field the program writes is in the schema; the test checks that the
//! outputs exercise the optional parts (`text`, `source_map`, `url`, `meta`, `first`,
//! `speaker_method`, quote diffs) so the proof is not vacuous.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use sourcediff::report::schema;

fn schema_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs")
        .join("schema")
}

const REGENERATE: &str = "SOURCEDIFF_BLESS_SCHEMA=1 cargo test --test schema";

#[test]
fn checked_in_schemas_are_the_generated_ones() {
    let bless = std::env::var_os("SOURCEDIFF_BLESS_SCHEMA").is_some();
    let mut stale = Vec::new();
    let generated = schema::schemas();
    for (name, value) in &generated {
        let path = schema_dir().join(format!("{name}.json"));
        let want = schema::to_text(value);
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        if have != want {
            if bless {
                std::fs::create_dir_all(schema_dir()).expect("create docs/schema");
                std::fs::write(&path, want).expect("write the schema");
            } else {
                stale.push(path.display().to_string());
            }
        }
        // Each schema is itself a valid draft 2020-12 schema.
        jsonschema::meta::validate(value)
            .unwrap_or_else(|e| panic!("{name}: not a valid JSON Schema: {e}"));
    }
    assert!(
        stale.is_empty(),
        "these checked-in schemas differ from the ones the types generate: {stale:?}; \
         if the change is meant, regenerate them with `{REGENERATE}` and review the diff \
         (and raise SCHEMA_VERSION when a field changed meaning or went away)"
    );
    // No leftover schema of an output that is gone.
    let mut files: Vec<String> = std::fs::read_dir(schema_dir())
        .expect("docs/schema")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut names: Vec<String> = generated.iter().map(|(n, _)| format!("{n}.json")).collect();
    names.sort();
    assert_eq!(
        files, names,
        "docs/schema holds exactly the generated schemas"
    );
}

/// The checked-in schema `name`, compiled.
fn validator(name: &str) -> jsonschema::Validator {
    let path = schema_dir().join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; run `{REGENERATE}`", path.display()));
    let value: Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::validator_for(&value).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Validates `instance` against `validator`, listing every error with its place.
fn check(validator: &jsonschema::Validator, what: &str, instance: &Value) {
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .take(20)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}:\n{}", errors.join("\n"));
}

/// Runs the binary; panics with its stderr unless it succeeds.
fn run(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_sourcediff"))
        .args(args)
        .output()
        .expect("run sourcediff");
    assert!(
        out.status.success(),
        "sourcediff {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn json_of(args: &[&str]) -> Value {
    serde_json::from_str(&run(args)).expect("one JSON document")
}

fn lines_of(args: &[&str]) -> Vec<Value> {
    run(args)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

fn page(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pages")
        .join(name)
}

/// Serves the page `name` on 127.0.0.1 to every request; returns its URL.
fn serve(name: &str) -> String {
    let body = std::fs::read(page(name)).expect("page");
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let url = format!("http://{}/story", listener.local_addr().expect("address"));
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            answer(&mut stream, &body);
        }
    });
    url
}

fn answer(stream: &mut TcpStream, body: &[u8]) {
    let mut reader = BufReader::new(stream.try_clone().expect("clone"));
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let head = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(body);
}

/// A Markdown story with front matter (title, author, date) in a temporary folder.
fn markdown_story(dir: &Path) -> PathBuf {
    let md = dir.join("story.md");
    std::fs::write(
        &md,
        "---\ntitle: Harbor city votes to close coal plant\nauthor: Dana Whitfield\n\
         date: 2024-03-05\n---\n\n# Harbor city votes to close coal plant by 2030\n\n\
         The city council of [Port Alder](https://example.invalid/port-alder) voted 7-2 on \
         Tuesday to close the municipal coal plant by 2030.\n\n\
         “This is the most important vote this council has taken in a generation,” Mayor Elena \
         Ruiz said after the meeting.\n",
    )
    .expect("write");
    md
}

/// Walks a report and counts the keys it holds at every level (`a.b[].c`).
fn keys(value: &Value, at: &str, out: &mut std::collections::BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let path = format!("{at}.{k}");
                if !v.is_null() && v != &Value::Array(Vec::new()) {
                    out.insert(path.clone());
                }
                keys(v, &path, out);
            }
        }
        Value::Array(items) => {
            for v in items {
                keys(v, &format!("{at}[]"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn compare_segment_and_quotes_outputs_validate() {
    let compare = validator("compare");
    let segment = validator("segment");
    let quotes = validator("quotes");
    let seeds: Vec<PathBuf> = common::SEEDS.iter().map(|n| common::seed_path(n)).collect();
    let dir = tempfile::tempdir().expect("temp dir");
    let md = markdown_story(dir.path());
    let url = serve("wire_arc.html");
    let reprint = page("reprint_wordpress.html");
    let seed_page = page("seed_000_wordpress.html");

    let mut seen = std::collections::BTreeSet::new();
    let runs: Vec<Vec<&str>> = vec![
        vec![s(&seeds[0]), s(&seeds[1])],
        vec![s(&seeds[1]), s(&seeds[0]), s(&seeds[0])],
        vec![&url, s(&reprint), s(&md)],
        vec![s(&seed_page), s(&seeds[0])],
    ];
    for inputs in &runs {
        let mut args = vec!["compare"];
        args.extend(inputs);
        args.extend(["--format", "json"]);
        let report = json_of(&args);
        check(&compare, &format!("compare {inputs:?}"), &report);
        keys(&report, "", &mut seen);
    }
    for input in [s(&seeds[0]), s(&reprint), s(&md), &url] {
        let report = json_of(&["segment", input, "--format", "json"]);
        check(&segment, &format!("segment {input}"), &report);
        keys(&report, "segment", &mut seen);
        let report = json_of(&["quotes", input, "--format", "json"]);
        check(&quotes, &format!("quotes {input}"), &report);
        keys(&report, "quotes", &mut seen);
    }
    // The outputs above exercise every optional part of the schema, so validating them proves
    // those parts are described (a field the schema lacks fails `additionalProperties`).
    for key in [
        ".version",
        ".documents[].path",
        ".documents[].url",
        ".documents[].text",
        ".documents[].source_map",
        ".documents[].meta.title",
        ".documents[].meta.outlet",
        ".documents[].meta.byline",
        ".documents[].meta.date",
        ".documents[].meta.dateline",
        ".documents[].meta.agency",
        ".documents[].sentences[].carried_by",
        ".alignments[].diff[].left.text",
        ".alignments[].diff[].right.text",
        ".alignments[].drift[].kind",
        ".alignments[].variants",
        ".alignments[].first",
        ".passages[].findings",
        ".groups[].members[].sentences",
        ".groups[].findings",
        ".unique[].sentence",
        ".coverage[].shared",
        ".quotes[].occurrences[].speaker_method",
        ".quotes[].diff[].left.start",
        ".quotes[].diff[].right.text",
        ".quotes[].diff_occurrences",
        ".quotes[].diffs[].occurrences",
        ".quotes[].diffs[].diff[].right.text",
        ".quotes[].first",
        "segment.sentences[].text",
        "quotes.quotes[].outer_start",
        "quotes.quotes[].speaker_method",
    ] {
        assert!(
            seen.contains(key),
            "no output above carries {key}: {seen:#?}"
        );
    }
}

#[test]
fn labelled_documents_validate() {
    // `--label` fills `meta.label`.
    let compare = validator("compare");
    let seeds: Vec<PathBuf> = common::SEEDS.iter().map(|n| common::seed_path(n)).collect();
    let report = json_of(&[
        "compare",
        s(&seeds[0]),
        s(&seeds[1]),
        "--label",
        "wire",
        "--label",
        "paper",
        "--format",
        "json",
    ]);
    check(&compare, "compare --label", &report);
    assert_eq!(report["documents"][0]["meta"]["label"], "wire");
}

#[test]
fn scan_and_find_quote_lines_validate() {
    let line = validator("scan-line");
    let hit = validator("find-quote-line");
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles");
    let mut types = std::collections::BTreeSet::new();
    let mut seen = std::collections::BTreeSet::new();
    for l in lines_of(&["scan", s(&examples), "--format", "jsonl"]) {
        check(&line, "scan examples/articles", &l);
        types.insert(l["type"].as_str().unwrap_or_default().to_string());
        keys(&l, "", &mut seen);
    }
    assert_eq!(
        types.into_iter().collect::<Vec<_>>(),
        ["family", "pair", "summary"]
    );
    for key in [".passages[].kind", ".quotes[].a.speaker", ".members"] {
        assert!(seen.contains(key), "no scan line carries {key}: {seen:#?}");
    }
    let hits = lines_of(&[
        "find-quote",
        "We know Daesh's movements",
        s(&examples),
        "--format",
        "jsonl",
    ]);
    assert!(hits.len() >= 2);
    for h in &hits {
        check(&hit, "find-quote", h);
    }
    // A line that is not what the schema says fails: the validator is not vacuous.
    let mut wrong = hits[0].clone();
    wrong["surprise"] = Value::from(1);
    assert!(!hit.is_valid(&wrong));
}

#[test]
fn bbc_and_polnear_outputs_validate() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let bbc = shared.join("corpus/bbc");
    let polnear = shared.join("corpus/polnear-train/articles");
    if !bbc.is_dir() || !polnear.is_dir() {
        eprintln!(
            "skipped: the BBC or PolNeAR corpus is absent under {}",
            shared.display()
        );
        return;
    }
    let compare = validator("compare");
    let quotes = validator("quotes");
    let line = validator("scan-line");
    // business/354 republishes business/260 with an edited body; a politics article for quotes.
    let files: Vec<PathBuf> = ["business/260.txt", "business/354.txt", "politics/001.txt"]
        .iter()
        .map(|f| bbc.join(f))
        .collect();
    let report = json_of(&[
        "compare",
        s(&files[0]),
        s(&files[1]),
        s(&files[2]),
        "--format",
        "json",
    ]);
    check(&compare, "compare BBC", &report);
    assert!(
        !report["alignments"]
            .as_array()
            .expect("alignments")
            .is_empty()
    );
    for l in lines_of(&[
        "scan",
        s(&files[0]),
        s(&files[1]),
        s(&files[2]),
        "--format",
        "jsonl",
    ]) {
        check(&line, "scan BBC", &l);
    }
    let article = polnear.join("breitbart_2015-11-16_o-malley-campaign-to-shift-staff.txt");
    let report = json_of(&["quotes", s(&article), "--format", "json"]);
    check(&quotes, "quotes PolNeAR", &report);
    assert!(!report["quotes"].as_array().expect("quotes").is_empty());
    let report = json_of(&["compare", s(&article), s(&files[2]), "--format", "json"]);
    check(&compare, "compare PolNeAR + BBC", &report);
    // Two BBC articles that both scare-quote "epidemic": a shared term, so `shared_terms` is
    // exercised.
    let (a, b) = (bbc.join("politics/202.txt"), bbc.join("politics/198.txt"));
    let report = json_of(&["compare", s(&a), s(&b), "--format", "json"]);
    check(&compare, "compare BBC shared term", &report);
    assert!(
        !report["shared_terms"]
            .as_array()
            .expect("shared_terms")
            .is_empty()
    );
}
