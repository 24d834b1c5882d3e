//! The HTML and Markdown reports on the seed articles, as insta snapshots (review a `.snap`
//! diff like code), and the promise that no article text can turn into markup: a `<script>`
//! or `"><img onerror=…>` in an article, or in its file name, comes out as text.
//!
//! The HTML snapshot is the page's markup with one element per line and the embedded
//! stylesheet and script left out (they are files of their own, `src/report/assets/`); the
//! tests below check they are embedded whole.

use sourcediff::load::{self, DEFAULT_MAX_BYTES};
use sourcediff::{Analysis, Article, Format, Options, RenderOptions, Section, Source, compare};

const SEEDS: [&str; 2] = [
    "examples/articles/000_7ca41ccce306fdb5.txt",
    "examples/articles/002_19fd502a37c78a8d.txt",
];

const CSS: &str = include_str!("../src/report/assets/report.css");
const JS: &str = include_str!("../src/report/assets/report.js");

/// The seed articles compared, loaded by the relative paths a user would type (tests run
/// from the package root), so the report names them as the CLI would.
fn seeds() -> Analysis {
    let articles = SEEDS
        .iter()
        .map(|p| load::load(&Source::parse(p), DEFAULT_MAX_BYTES).expect("a seed article"))
        .collect();
    compare(articles, &Options::default())
}

fn render(analysis: &Analysis, format: Format, only: &[Section]) -> String {
    let options = RenderOptions::new(format).with_only(only.to_vec());
    let mut out = Vec::new();
    sourcediff::report::write(analysis, &options, &mut out).expect("writing to a Vec");
    String::from_utf8(out).expect("the report is UTF-8")
}

/// The page with the stylesheet and script bodies replaced by a placeholder, and a line break
/// before each block element and each sentence, so a snapshot diff shows what changed.
fn readable(page: &str) -> String {
    let page = page
        .replacen(CSS, "/* src/report/assets/report.css */", 1)
        .replacen(JS, "/* src/report/assets/report.js */", 1);
    const BREAK_BEFORE: &[&str] = &[
        "<head",
        "<body",
        "<meta",
        "<title",
        "<style",
        "<script",
        "<header",
        "<main",
        "<aside",
        "<section",
        "<article",
        "<div",
        "<p>",
        "<p ",
        "<ol",
        "<ul",
        "<li",
        "<h1",
        "<h2",
        "<h3",
        "<h4",
        "<blockquote",
        "<br",
        "<span class=\"s ",
        "</body",
        "</html",
    ];
    let mut out = String::with_capacity(page.len() + page.len() / 8);
    let mut rest = page.as_str();
    while let Some(at) = rest[1..].find('<').map(|i| i + 1) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if BREAK_BEFORE.iter().any(|tag| rest.starts_with(tag)) {
            out.push('\n');
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn html_report_of_the_seeds() {
    let page = render(&seeds(), Format::Html, &[]);
    insta::assert_snapshot!("html_seeds", readable(&page));
}

#[test]
fn markdown_report_of_the_seeds() {
    insta::assert_snapshot!("markdown_seeds", render(&seeds(), Format::Markdown, &[]));
}

#[test]
fn markdown_report_of_the_seeds_framing_only() {
    insta::assert_snapshot!(
        "markdown_seeds_framing",
        render(&seeds(), Format::Markdown, &[Section::Framing])
    );
}

/// One file that opens from disk: the stylesheet and script inline and whole, nothing loaded
/// from anywhere.
#[test]
fn html_report_is_self_contained() {
    let page = render(&seeds(), Format::Html, &[]);
    assert!(page.starts_with("<!DOCTYPE html>"), "{}", &page[..40]);
    assert!(page.contains(&format!("<style>{CSS}</style>")));
    assert!(page.contains(&format!("<script>{JS}</script>")));
    for external in ["src=", "<link", "@import", "url(", "http://", "https://"] {
        assert!(
            !page.contains(external),
            "the page refers to something outside it: {external}"
        );
    }
}

#[test]
fn reports_are_deterministic() {
    for format in [Format::Html, Format::Markdown] {
        assert_eq!(
            render(&seeds(), format, &[]),
            render(&seeds(), format, &[]),
            "{format:?}"
        );
    }
}

/// Two articles that share their hostile sentences, so the text lands in every place the
/// report puts article text: columns, tags, the pair sidebar, diffs and the unique list.
fn hostile() -> Analysis {
    let a = Article::from_text(
        "\"><img src=x onerror=alert('name')>.txt",
        "Officials said <script>alert('verbatim')</script> was found in the rocket debris.\n\n\
         The attackers wrote \"><img src=x onerror=alert('edited')> on a wall near the base.\n\n\
         A <b>bold</b> claim | with *stars* and [a link](javascript:alert(1)) & `code`.\n\n\
         “The <script>alert('quote')</script> tag was left on the wall by the attackers,” \
         said Jane <i>Doe</i>, a police spokeswoman.",
    );
    let b = Article::from_text(
        "b.txt",
        "Officials said <script>alert('verbatim')</script> was found in the rocket debris.\n\n\
         The attackers reportedly wrote \"><img src=x onerror=alert('edited')> on a wall near \
         the air base.\n\n\
         <iframe src=\"https://example.com\"></iframe> appeared on one site only.\n\n\
         “The <script>alert('quote')</script> tag was left on the wall by the attackers,” \
         a police spokeswoman said.",
    );
    compare(vec![a, b], &Options::default())
}

#[test]
fn html_escapes_every_piece_of_article_text() {
    let analysis = hostile();
    assert!(
        analysis.findings.len() >= 2,
        "the hostile sentences should be shared, so they reach the sidebar too"
    );
    assert!(
        analysis
            .quotes
            .iter()
            .any(|q| q.text.contains("<script>") && q.occurrences.len() > 1),
        "the hostile quote should be shared, so it reaches the quote list too"
    );
    let page = render(&analysis, Format::Html, &[]);
    let page = page.replacen(JS, "", 1);
    let lower = page.to_ascii_lowercase();
    assert_eq!(
        lower.matches("<script").count(),
        1,
        "only the page's own script"
    );
    for raw in ["<img", "<iframe", "<b>bold", "onerror=alert('edited')>"] {
        assert!(
            !lower.contains(raw),
            "unescaped article text in the page: {raw}"
        );
    }
    for escaped in [
        "&lt;script&gt;alert('verbatim')&lt;/script&gt;",
        "&quot;&gt;&lt;img src=x onerror=alert('edited')&gt;",
        "&lt;iframe src=&quot;https://example.com&quot;&gt;&lt;/iframe&gt;",
        "&lt;b&gt;bold&lt;/b&gt;",
        "“The &lt;script&gt;alert('quote')&lt;/script&gt; tag was left on the wall by the attackers”",
        "&quot;&gt;&lt;img src=x onerror=alert('name')&gt;.txt",
    ] {
        assert!(page.contains(escaped), "missing as text: {escaped}");
    }
}

/// Whether `needle` occurs in `page` other than right after a backslash (escaped).
fn unescaped(page: &str, needle: &str) -> bool {
    page.match_indices(needle)
        .any(|(at, _)| !page[..at].ends_with('\\'))
}

#[test]
fn markdown_escapes_every_piece_of_article_text() {
    let page = render(&hostile(), Format::Markdown, &[]);
    for raw in [
        "<script", "<img", "<iframe", "<b>bold", "[a link]", "*stars*", "| with",
    ] {
        assert!(
            !unescaped(&page, raw),
            "unescaped article text: {raw}\n{page}"
        );
    }
    for escaped in [
        "\\<script\\>alert('verbatim')\\</script\\>",
        "\\<img src=x onerror=alert('edited')\\>",
        "\\<b\\>bold\\</b\\> claim \\| with \\*stars\\* and \\[a link\\](javascript:alert(1)) \\& \\`code\\`",
        "\\<iframe",
    ] {
        assert!(page.contains(escaped), "missing as text: {escaped}\n{page}");
    }
    // Every table row has as many cells as its header: no `|` from an article split one.
    for table in page.split("\n\n").filter(|b| b.starts_with('|')) {
        let cells = |line: &str| line.replace("\\|", "").matches('|').count();
        let mut lines = table.lines();
        let header = cells(lines.next().unwrap_or_default());
        for line in lines {
            assert_eq!(cells(line), header, "a broken table row: {line}");
        }
    }
}

/// Colors follow `RenderOptions::color` whatever the destination: a library writing into a
/// `Vec` gets them when it asks, and none when it does not (no process-wide switch).
#[test]
fn terminal_colors_follow_the_options_into_any_writer() {
    let analysis = seeds();
    let render = |color: bool| {
        let options = RenderOptions::default().with_color(color);
        let mut out = Vec::new();
        sourcediff::report::write(&analysis, &options, &mut out).expect("writing to a Vec");
        String::from_utf8(out).expect("UTF-8")
    };
    let colored = render(true);
    assert!(colored.contains("\u{1b}[1m"), "bold headings");
    assert!(colored.contains("\u{1b}[31m[-"), "removed words in red");
    assert!(colored.contains("\u{1b}[32m{+"), "added words in green");
    assert!(!render(false).contains('\u{1b}'));
}
