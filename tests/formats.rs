//! Inputs as people have them: saved web pages of several CMS layouts, Markdown, URLs served
//! by a server this test starts on 127.0.0.1, documents that need a converter, and the
//! metadata and boilerplate flags. Every page under tests/fixtures/pages/ was written for
//! these tests (see its README); the seed page wraps the bundled seed article.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

fn page(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pages")
        .join(name)
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sourcediff"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("sourcediff runs")
}

fn ok(args: &[&str]) -> String {
    let out = run(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 report")
}

/// The one-line error of a failed run: exit 2, nothing on standard output.
fn error(args: &[&str]) -> String {
    let out = run(args);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert!(out.stdout.is_empty(), "{args:?} wrote a report");
    let err = String::from_utf8(out.stderr).expect("UTF-8 error");
    assert_eq!(err.lines().count(), 1, "{err}");
    err.trim_end().to_string()
}

fn json(args: &[&str]) -> Value {
    let mut full = args.to_vec();
    full.extend(["--format", "json"]);
    serde_json::from_str(&ok(&full)).expect("JSON report")
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// The sentences of document `d` of a compare report.
fn sentences(report: &Value, d: usize) -> Vec<String> {
    report["documents"][d]["sentences"]
        .as_array()
        .expect("sentences")
        .iter()
        .map(|x| x["text"].as_str().expect("text").to_string())
        .collect()
}

/// What a compare report found, by sentence text: each alignment's kind and both sides'
/// sentences, each quote's status and occurrences, each document's unique sentences.
fn findings(report: &Value) -> (Vec<String>, Vec<String>, Vec<Vec<String>>) {
    let texts = |d: usize| sentences(report, d);
    let side = |x: &Value| -> Vec<String> {
        let d = x["doc"].as_u64().expect("doc") as usize;
        x["sentences"]
            .as_array()
            .expect("sentences")
            .iter()
            .map(|k| texts(d)[k.as_u64().expect("index") as usize].clone())
            .collect()
    };
    let alignments = report["alignments"]
        .as_array()
        .expect("alignments")
        .iter()
        .map(|a| {
            format!(
                "{} {:?} {:?}",
                a["kind"],
                side(&a["left"]),
                side(&a["right"])
            )
        })
        .collect();
    let quotes = report["quotes"]
        .as_array()
        .expect("quotes")
        .iter()
        .map(|q| {
            let occ: Vec<String> = q["occurrences"]
                .as_array()
                .expect("occurrences")
                .iter()
                .map(|o| format!("{}:{}:{}", o["doc"], o["text"], o["speaker"]))
                .collect();
            format!("{} {occ:?}", q["status"])
        })
        .collect();
    let mut unique = vec![Vec::new(); 2];
    for u in report["unique"].as_array().expect("unique") {
        let d = u["doc"].as_u64().expect("doc") as usize;
        unique[d].push(texts(d)[u["sentence"].as_u64().expect("sentence") as usize].clone());
    }
    (alignments, quotes, unique)
}

#[test]
fn saved_page_of_the_seed_compares_exactly_as_its_text() {
    let txt = common::seed_path(common::SEEDS[0]);
    let other = common::seed_path(common::SEEDS[1]);
    let html = page("seed_000_wordpress.html");
    let from_text = json(&["compare", s(&txt), s(&other)]);
    let from_page = json(&["compare", s(&html), s(&other)]);
    assert_eq!(sentences(&from_page, 0), sentences(&from_text, 0));
    let (a_text, q_text, u_text) = findings(&from_text);
    let (a_page, q_page, u_page) = findings(&from_page);
    assert_eq!(a_page, a_text, "same verbatim, edited and framing pairs");
    assert_eq!(q_page, q_text, "same quotes");
    assert_eq!(u_page, u_text, "no boilerplate sentence listed as unique");
    assert!(a_text.iter().any(|a| a.starts_with("\"verbatim\"")));
    assert!(a_text.iter().any(|a| a.starts_with("\"edited\"")));
    assert!(a_text.iter().any(|a| a.starts_with("\"framing\"")));
    let meta = &from_page["documents"][0]["meta"];
    assert_eq!(meta["outlet"], "Mehr News Agency");
    assert_eq!(meta["date"], "2020-01-11T06:12Z");
    assert_eq!(
        meta["title"],
        "Iraqi officials doubt US account of the K-1 rocket attack"
    );
}

/// Words of page chrome: none may reach the extracted text.
const CHROME: [&str; 14] = [
    "cookie",
    "Advertisement",
    "Most read",
    "Related",
    "Share on",
    "Sign in",
    "Leave a Reply",
    "grandfather",
    "All rights reserved",
    "Post navigation",
    "Recent Posts",
    "Copy link",
    "Tags",
    "Skip to",
];

#[test]
fn pages_of_three_cms_layouts_give_their_article_and_metadata() {
    let cases = [
        (
            "wire_arc.html",
            8,
            "The city council of Port Alder voted 7-2 on Tuesday",
            "A public hearing on the battery site is set for next month.",
            ["Coastal Wire", "Dana Whitfield", "2024-03-05T14:02Z"],
        ),
        (
            "reprint_wordpress.html",
            9,
            "Editor’s note: This story was provided by the Coastal Wire news service.",
            // The newsletter sign-up after it is a standing line, no sentence of the article.
            "A public hearing on the battery site is set for next month.",
            ["The Alder Gazette", "Staff", "2024-03-05T18:30Z"],
        ),
        (
            "rewrite_drupal.html",
            6,
            "Port Alder will shut its municipal coal plant by 2030",
            "Some residents at the meeting said they feared the closure would cost jobs at the harbor.",
            ["Down East Daily", "Chris Okafor", "2024-03-06T12:15Z"],
        ),
    ];
    for (name, count, first, last, [outlet, byline, date]) in cases {
        let report = json(&["compare", s(&page(name)), s(&page(name))]);
        let doc = &report["documents"][0];
        let text = doc["text"].as_str().expect("extracted text");
        for word in CHROME {
            assert!(!text.contains(word), "{name}: {word:?} in {text}");
        }
        let list = sentences(&report, 0);
        assert_eq!(list.len(), count, "{name}: {list:#?}");
        assert!(list[0].starts_with(first), "{name}: {}", list[0]);
        assert_eq!(list[count - 1], last, "{name}");
        assert_eq!(doc["format"], "html");
        assert_eq!(doc["meta"]["outlet"], outlet, "{name}");
        assert_eq!(doc["meta"]["byline"], byline, "{name}");
        assert_eq!(doc["meta"]["date"], date, "{name}");
    }
}

#[test]
fn offsets_index_the_extracted_text_and_map_back_to_the_page() {
    let report = json(&[
        "compare",
        s(&page("wire_arc.html")),
        s(&page("rewrite_drupal.html")),
    ]);
    for (d, name) in [(0, "wire_arc.html"), (1, "rewrite_drupal.html")] {
        let source = std::fs::read_to_string(page(name)).expect("page");
        let doc = &report["documents"][d];
        let text = doc["text"].as_str().expect("text");
        for sentence in doc["sentences"].as_array().expect("sentences") {
            let (a, b) = (
                sentence["start"].as_u64().expect("start") as usize,
                sentence["end"].as_u64().expect("end") as usize,
            );
            assert_eq!(&text[a..b], sentence["text"].as_str().expect("text"));
        }
        let runs = doc["source_map"].as_array().expect("map");
        assert!(!runs.is_empty());
        let mut mapped = 0;
        let mut last_end = 0;
        for run in runs {
            let at = |k: &str| run[k].as_u64().expect(k) as usize;
            let (t, src) = (
                &text[at("start")..at("end")],
                &source[at("source_start")..at("source_end")],
            );
            assert!(at("source_start") >= last_end, "runs are in page order");
            last_end = at("source_end");
            if t == src {
                mapped += t.len();
            }
        }
        let words: usize = text.split_whitespace().map(str::len).sum();
        assert!(
            mapped >= words * 9 / 10,
            "{name}: {mapped} of {words} bytes map verbatim"
        );
    }
    // The quotes' offsets index the same text.
    for q in report["quotes"].as_array().expect("quotes") {
        for o in q["occurrences"].as_array().expect("occurrences") {
            let d = o["doc"].as_u64().expect("doc") as usize;
            let text = report["documents"][d]["text"].as_str().expect("text");
            let (a, b) = (
                o["start"].as_u64().expect("start") as usize,
                o["end"].as_u64().expect("end") as usize,
            );
            assert_eq!(&text[a..b], o["text"].as_str().expect("text"));
        }
    }
}

#[test]
fn ignore_flags_drop_boilerplate_and_labels_name_the_articles() {
    let dir = tempfile::tempdir().expect("temp dir");
    let patterns = dir.path().join("boilerplate.txt");
    std::fs::write(
        &patterns,
        "# house boilerplate\n\n(?i)sign up for our newsletter\n",
    )
    .expect("write");
    let (wire, reprint) = (page("wire_arc.html"), page("reprint_wordpress.html"));
    let args = [
        "compare",
        s(&wire),
        s(&reprint),
        "--ignore",
        "^Editor.s note:",
        "--ignore-file",
        s(&patterns),
        "--label",
        "Wire",
        "--label",
        "Gazette",
    ];
    let report = json(&args);
    let (alignments, _, unique) = findings(&report);
    assert_eq!(
        unique,
        [Vec::<String>::new(), Vec::new()],
        "nothing unique is left"
    );
    assert!(alignments.iter().all(|a| a.starts_with("\"verbatim\"")));
    let gazette = &report["documents"][1];
    assert_eq!(gazette["name"], "Gazette");
    assert_eq!(gazette["meta"]["label"], "Gazette");
    // With the editor's note gone, the reprint's dateline opens it and is recognised.
    assert_eq!(gazette["meta"]["agency"], "AP");
    assert_eq!(gazette["meta"]["dateline"], "PORT ALDER, Maine");
    let text = ok(&args[..args.len()]);
    assert!(text.contains("Wire"), "{text}");
    assert!(text.contains("Gazette"), "{text}");
    // Without the flags, the editor's note is what the articles do not share (the newsletter
    // sign-up is a standing line, left out with or without them).
    let plain = json(&["compare", s(&wire), s(&reprint)]);
    let (_, _, unique) = findings(&plain);
    assert_eq!(
        unique[1],
        ["Editor’s note: This story was provided by the Coastal Wire news service."]
            .map(String::from)
    );
}

#[test]
fn markdown_keeps_link_text_and_drops_targets() {
    let dir = tempfile::tempdir().expect("temp dir");
    let md = dir.path().join("story.md");
    std::fs::write(
        &md,
        "---\ntitle: Harbor city votes to close coal plant\nauthor: Dana Whitfield\ndate: 2024-03-05\n---\n\n\
         # Harbor city votes to close coal plant by 2030\n\n\
         The city council of [Port Alder](https://example.invalid/port-alder) voted 7-2 on Tuesday to close the\n\
         municipal coal plant by 2030, ending more than a century of **coal power** in the harbor town.\n\n\
         ![The plant at dusk](plant.jpg)\n\n\
         “This is the most important vote this council has taken in a generation,” Mayor Elena Ruiz\n\
         said after the [meeting][m].\n\n[m]: https://example.invalid/minutes\n",
    )
    .expect("write");
    let out = ok(&["segment", s(&md)]);
    assert!(!out.contains("example.invalid"), "{out}");
    assert!(!out.contains("plant at dusk"), "{out}");
    assert!(!out.contains("**"), "{out}");
    assert!(
        out.contains("The city council of Port Alder voted"),
        "{out}"
    );
    assert!(out.contains("said after the meeting."), "{out}");
    // Against the same story as a page: the two sentences are shared word for word.
    let report = json(&["compare", s(&md), s(&page("wire_arc.html"))]);
    assert_eq!(report["documents"][0]["format"], "markdown");
    assert_eq!(report["documents"][0]["meta"]["byline"], "Dana Whitfield");
    let (alignments, _, _) = findings(&report);
    assert_eq!(
        alignments
            .iter()
            .filter(|a| a.starts_with("\"verbatim\""))
            .count(),
        2,
        "{alignments:#?}"
    );
}

#[test]
fn documents_that_need_a_converter_and_pages_without_an_article() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("story.pdf");
    std::fs::write(&pdf, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n").expect("write");
    let docx = dir.path().join("story.docx");
    std::fs::write(
        &docx,
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml word/document.xml",
    )
    .expect("write");
    let bad = |p: &Path| format!("sourcediff: {}: ", p.display());
    let e = error(&["segment", s(&pdf)]);
    assert!(
        e.starts_with(&bad(&pdf)) && e.contains("a PDF document") && e.contains("pdftotext"),
        "{e}"
    );
    let e = error(&["quotes", s(&docx)]);
    assert!(
        e.contains("a Word document (.docx)") && e.contains("pandoc"),
        "{e}"
    );
    let home = page("homepage_no_article.html");
    let e = error(&["compare", s(&home), s(&page("wire_arc.html"))]);
    assert_eq!(
        e,
        format!(
            "{}no article text found in the HTML page (navigation and boilerplate only)",
            bad(&home)
        )
    );
    // Nesting deep enough to overflow a recursive extractor is refused, not a crash.
    let deep = dir.path().join("deep.html");
    std::fs::write(
        &deep,
        format!(
            "<html><body>{}<p>The council voted on Tuesday to close the plant.</p></body></html>",
            "<b>".repeat(200_000)
        ),
    )
    .expect("write");
    assert_eq!(
        error(&["segment", s(&deep)]),
        format!(
            "{}an HTML page nested more than 512 elements deep; save the article's text instead",
            bad(&deep)
        )
    );
    let wire = page("wire_arc.html");
    let e = error(&["segment", s(&wire), "--ignore", "(unclosed"]);
    assert!(
        e.starts_with("sourcediff: --ignore: invalid --ignore pattern `(unclosed`"),
        "{e}"
    );
    let missing = dir.path().join("nope.txt");
    let e = error(&["segment", s(&wire), "--ignore-file", s(&missing)]);
    assert_eq!(e, format!("{}no such file", bad(&missing)));
    let e = error(&["segment", s(&wire), "--label", "A", "--label", "B"]);
    assert!(e.contains("2 labels for 1 input(s)"), "{e}");
}

#[test]
fn endless_inputs_end_at_the_limit() {
    let started = Instant::now();
    let e = error(&[
        "segment",
        "/dev/zero",
        "--max-bytes",
        "18446744073709551615",
    ]);
    assert_eq!(
        e,
        "sourcediff: /dev/zero: binary content (NUL byte at byte 0); expected UTF-8 text"
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_sourcediff"))
        .args(["segment", "-", "--max-bytes", "100000"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        let chunk = b"An endless stream of words. ".repeat(1000);
        // Writes until sourcediff stops reading and the pipe breaks.
        while stdin.write_all(&chunk).is_ok() {}
    });
    let out = child.wait_with_output().expect("wait");
    writer.join().expect("writer");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim_end(),
        "sourcediff: <stdin>: larger than the 100000-byte limit (raise it with --max-bytes)"
    );
    assert!(started.elapsed() < Duration::from_secs(60));
}

/// A web server on 127.0.0.1 for the URL tests: each path is one behaviour.
fn serve() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || answer(stream));
        }
    });
    base
}

fn answer(mut stream: TcpStream) {
    let mut reader = BufReader::new(stream.try_clone().expect("clone"));
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
    let respond = |stream: &mut TcpStream, status: &str, headers: &str, body: &[u8]| {
        let head = format!(
            "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n{headers}\r\n",
            body.len()
        );
        let _ = stream.write_all(head.as_bytes());
        let _ = stream.write_all(body);
    };
    match path.as_str() {
        "/story" => {
            let body = std::fs::read(page("wire_arc.html")).expect("page");
            respond(
                &mut stream,
                "200 OK",
                "Content-Type: text/html; charset=utf-8\r\n",
                &body,
            );
        }
        "/moved" => respond(
            &mut stream,
            "301 Moved Permanently",
            "Location: /story\r\n",
            b"",
        ),
        "/loop" => respond(&mut stream, "302 Found", "Location: /loop\r\n", b""),
        "/gone" => respond(
            &mut stream,
            "404 Not Found",
            "Content-Type: text/plain\r\n",
            b"no",
        ),
        "/huge" => {
            let body = b"Words of a long article. ".repeat(10_000);
            respond(&mut stream, "200 OK", "Content-Type: text/plain\r\n", &body);
        }
        "/drip" => {
            // Headers at once, then a byte now and then, forever: the body never completes.
            let head =
                "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n";
            let _ = stream.write_all(head.as_bytes());
            let started = Instant::now();
            while started.elapsed() < Duration::from_secs(10) {
                if stream.write_all(b"word ").is_err() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        }
        "/slow" => {
            // Answers nothing for longer than the client waits.
            std::thread::sleep(Duration::from_secs(8));
            let _ = stream.read(&mut [0u8; 1]);
        }
        _ => respond(&mut stream, "400 Bad Request", "", b""),
    }
}

#[test]
fn urls_are_fetched_with_redirects_limits_and_one_line_errors() {
    let base = serve();
    let local = ok(&["segment", s(&page("wire_arc.html"))]);
    assert_eq!(ok(&["segment", &format!("{base}/story")]), local);
    assert_eq!(ok(&["segment", &format!("{base}/moved")]), local);
    let report = json(&[
        "compare",
        &format!("{base}/story"),
        s(&page("rewrite_drupal.html")),
    ]);
    assert_eq!(report["documents"][0]["url"], format!("{base}/story"));
    assert_eq!(report["documents"][0]["path"], Value::Null);

    let url = format!("{base}/gone");
    assert_eq!(
        error(&["segment", &url]),
        format!("sourcediff: {url}: cannot fetch: the server answered 404 Not Found")
    );
    let url = format!("{base}/loop");
    assert_eq!(
        error(&["segment", &url]),
        format!("sourcediff: {url}: cannot fetch: more than 5 redirects")
    );
    let url = format!("{base}/huge");
    assert_eq!(
        error(&["segment", &url, "--max-bytes", "10000"]),
        format!("sourcediff: {url}: larger than the 10000-byte limit (raise it with --max-bytes)")
    );
    let url = format!("{base}/slow");
    let started = Instant::now();
    assert_eq!(
        error(&["segment", &url, "--timeout", "1"]),
        format!("sourcediff: {url}: cannot fetch: no complete answer within 1 s")
    );
    assert!(
        started.elapsed() < Duration::from_secs(6),
        "{:?}",
        started.elapsed()
    );

    let url = format!("{base}/drip");
    let started = Instant::now();
    assert_eq!(
        error(&["segment", &url, "--timeout", "1"]),
        format!("sourcediff: {url}: cannot fetch: no complete answer within 1 s")
    );
    assert!(
        started.elapsed() < Duration::from_secs(6),
        "{:?}",
        started.elapsed()
    );

    // A port nothing listens on.
    let closed = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}/", closed.local_addr().expect("address"));
    drop(closed);
    assert_eq!(
        error(&["segment", &url]),
        format!("sourcediff: {url}: cannot fetch: connection refused")
    );
}

#[test]
fn reports_show_outlet_and_date_and_who_had_it_first() {
    let (wire, reprint, rewrite) = (
        page("wire_arc.html"),
        page("reprint_wordpress.html"),
        page("rewrite_drupal.html"),
    );
    // The rewrite is given first: "first" follows the dates, not the order of the arguments.
    let args = ["compare", s(&rewrite), s(&wire), "--color", "never"];
    let text = ok(&args);
    // The page's outlet and date follow its name, on the same line or, for a long path, on
    // the next.
    for (name, origin) in [
        (
            "rewrite_drupal.html",
            "Down East Daily, 2024-03-06 12:15 UTC",
        ),
        ("wire_arc.html", "Coastal Wire, 2024-03-05 14:02 UTC"),
    ] {
        assert!(
            text.contains(&format!("{name} — {origin}"))
                || text.contains(&format!("{name}\n     {origin}  (")),
            "{text}"
        );
    }
    assert!(text.contains("A3 = B3  · first: B"), "{text}");
    assert!(
        text.contains("B6    Tom Hadley  (published first)"),
        "{text}"
    );
    let md = ok(&[args[0], args[1], args[2], "--format", "markdown"]);
    assert!(md.contains("| Outlet, date |"), "{md}");
    assert!(
        md.contains("| Down East Daily, 2024-03-06 12:15 UTC |"),
        "{md}"
    );
    assert!(
        md.contains("- **A3 = B3** · first: B — The plant supplies"),
        "{md}"
    );
    let html = ok(&[args[0], args[1], args[2], "--format", "html"]);
    assert!(html.contains("Coastal Wire, 2024-03-05 14:02 UTC"));
    assert!(html.contains("first: B"));
    let report = json(&[args[0], args[1], args[2]]);
    for a in report["alignments"].as_array().expect("alignments") {
        assert_eq!(a["first"], 1, "{a}");
    }
    for q in report["quotes"].as_array().expect("quotes") {
        assert_eq!(q["first"], 1, "{q}");
    }
    // The wire and its reprint: dated, so the reprint is second; against a text file with
    // no date, nobody is first.
    let report = json(&["compare", s(&reprint), s(&wire)]);
    assert!(
        report["alignments"]
            .as_array()
            .expect("alignments")
            .iter()
            .all(|a| a["first"] == 1)
    );
    let seed = common::seed_path(common::SEEDS[1]);
    let report = json(&["compare", s(&wire), s(&seed)]);
    assert!(
        report["alignments"]
            .as_array()
            .expect("alignments")
            .iter()
            .all(|a| a["first"].is_null())
    );
    let plain = ok(&["compare", s(&common::seed_path(common::SEEDS[0])), s(&seed)]);
    assert!(
        !plain.contains("first:") && !plain.contains("published first"),
        "{plain}"
    );
}

mod properties {
    use proptest::prelude::*;
    use sourcediff::load::{self, InputFormat, LoadOptions};

    /// Pieces of real pages and Markdown files, shuffled into hostile shapes.
    const PIECES: [&str; 34] = [
        "<p>",
        "</p>",
        "<div class='ad-slot'>Advertisement</div>",
        "<nav><a href='/'>Home</a></nav>",
        "&amp;",
        "&#x2019;",
        "&rsquo;",
        "&bogus;",
        "&#1114112;",
        "<script>var p = '<p>';</script>",
        "<!-- comment <p> -->",
        "<br>",
        "<a href=\"x\">",
        "</a>",
        "<b>",
        "</b>",
        "“",
        "”",
        "é",
        "\u{1F600}",
        "\n",
        "\n\n",
        " ",
        "The council voted on Tuesday.",
        "Officials said it was Daesh",
        "# ",
        "[link](https://x.invalid)",
        "**",
        "`",
        "> ",
        "- ",
        "KIRKUK, Iraq (AP) — ",
        "By Jane Smith\n",
        "<article>",
    ];

    fn document() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(&PIECES[..]), 0..60).prop_map(|v| v.concat())
    }

    fn check(input: &str, format: InputFormat) {
        let mut options = LoadOptions::default();
        options.format = Some(format);
        let Ok(article) = load::parse("p".into(), input.as_bytes().to_vec(), &options) else {
            return;
        };
        let mut last = 0;
        for run in &article.source_map {
            assert!(
                run.start < run.end && run.end <= article.text.len(),
                "{run:?}"
            );
            assert!(run.source_start < run.source_end && run.source_end <= input.len());
            assert!(run.start >= last, "runs in order");
            last = run.end;
            let text = &article.text[run.start..run.end];
            let source = &input[run.source_start..run.source_end];
            // A run reads as its source, or was decoded from it (entities, inline tags, code
            // spans, escapes).
            assert!(
                text == source || source.contains(['&', '<', '`', '\\']),
                "{text:?} from {source:?}"
            );
        }
        for s in sourcediff::segment(&article) {
            assert!(article.text.get(s.span.start..s.span.end).is_some());
        }
    }

    proptest! {
        #[test]
        fn html_and_markdown_loading_keeps_its_map_true(input in document()) {
            check(&input, InputFormat::Html);
            check(&input, InputFormat::Markdown);
            check(&input, InputFormat::Text);
        }
    }
}

#[test]
fn terminal_report_of_three_outlets_snapshot() {
    let report = ok(&[
        "compare",
        s(&page("rewrite_drupal.html")),
        s(&page("wire_arc.html")),
        s(&page("reprint_wordpress.html")),
        "--label",
        "Down East Daily rewrite",
        "--label",
        "Coastal Wire story",
        "--label",
        "Alder Gazette reprint",
        "--ignore",
        "^Editor.s note:",
        "--color",
        "never",
        "--width",
        "100",
    ]);
    insta::assert_snapshot!("three_outlets_terminal", report);
}

#[test]
fn input_format_overrides_the_content() {
    let page = page("wire_arc.html");
    // Read as text, the page is its markup.
    let as_text = ok(&["segment", s(&page), "--input-format", "text"]);
    assert!(as_text.contains("<!doctype html>"), "{as_text}");
    // A text article read as HTML is one body of paragraphs.
    let seed = common::seed_path(common::SEEDS[1]);
    let as_html = json(&["compare", s(&seed), s(&seed), "--input-format", "html"]);
    assert_eq!(as_html["documents"][0]["format"], "html");
    let as_is = json(&["compare", s(&seed), s(&seed)]);
    // The same words; only line breaks inside a paragraph fold into spaces.
    let words = |r: &Value| -> Vec<String> {
        sentences(r, 0)
            .iter()
            .flat_map(|x| x.split_whitespace().map(String::from).collect::<Vec<_>>())
            .collect()
    };
    assert_eq!(words(&as_html), words(&as_is));
}
