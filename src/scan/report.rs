//! The scan's output formats, each a [`Sink`]: JSON Lines, a text summary ranked by shared
//! fraction, and an HTML index page of families and pairs linking to one `compare` page per
//! pair.

use std::io::{self, Write};

use crate::report::printable;
#[cfg(feature = "html-report")]
use std::path::PathBuf;

#[cfg(feature = "html-report")]
use maud::{DOCTYPE, html};

use super::{DocInfo, PairResult, Sink, Summary};
#[cfg(feature = "html-report")]
use crate::options::{Format, RenderOptions};

/// `--format jsonl`: one JSON object per line. A `"pair"` line per reported pair (the
/// [`super::PairRecord`]), then a `"family"` line per reprint family and one `"summary"` line.
pub struct JsonlSink<'w> {
    out: &'w mut dyn Write,
}

impl<'w> JsonlSink<'w> {
    /// Writes to `out`.
    pub fn new(out: &'w mut dyn Write) -> JsonlSink<'w> {
        JsonlSink { out }
    }
}

fn line(out: &mut dyn Write, value: &impl serde::Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

impl Sink for JsonlSink<'_> {
    fn begin(&mut self, _docs: &[DocInfo]) -> io::Result<()> {
        Ok(())
    }

    fn pair(&mut self, pair: &PairResult) -> io::Result<()> {
        line(self.out, &pair.record)
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        for f in &summary.families {
            line(self.out, f)?;
        }
        line(
            self.out,
            &SummaryLine {
                candidates: summary.candidates,
                documents: summary.documents,
                families: summary.families.len(),
                pairs: summary.pairs,
                record: "summary",
                version: crate::report::json::SCHEMA_VERSION,
            },
        )
    }
}

/// The `"summary"` line (its fields in name order, as the line has always been written).
#[derive(serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub(crate) struct SummaryLine {
    /// Candidate pairs aligned.
    pub(crate) candidates: usize,
    /// Documents scanned.
    pub(crate) documents: usize,
    /// Reprint families.
    pub(crate) families: usize,
    /// Pairs reported.
    pub(crate) pairs: usize,
    /// Always `"summary"`.
    #[serde(rename = "type")]
    pub(crate) record: &'static str,
    /// The JSON shapes' version.
    pub(crate) version: u32,
}

/// One reported pair, as the summaries list it.
#[derive(Clone, Debug)]
struct Row {
    a: String,
    b: String,
    shared_a: f64,
    shared_b: f64,
    counts: [usize; 4],
    passages: usize,
    /// The pair's page in the HTML folder.
    #[cfg_attr(not(feature = "html-report"), allow(dead_code))]
    page: usize,
}

impl Row {
    fn of(p: &PairResult, page: usize) -> Row {
        let r = &p.record;
        Row {
            a: r.a.clone(),
            b: r.b.clone(),
            shared_a: r.shared_a,
            shared_b: r.shared_b,
            counts: [r.verbatim, r.edited, r.framing, r.quotes.len()],
            passages: r.passages.len(),
            page,
        }
    }

    fn shared(&self) -> f64 {
        self.shared_a.max(self.shared_b)
    }
}

fn ranked(rows: &mut [Row]) {
    rows.sort_by(|p, q| {
        q.shared()
            .total_cmp(&p.shared())
            .then_with(|| (&p.a, &p.b).cmp(&(&q.a, &q.b)))
    });
}

/// "1 pair", "2 pairs".
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `--format text`: the pairs ranked by shared fraction, then the reprint families. Keeps one
/// small row per pair (names, fractions, counts), never the findings.
pub struct TextSink<'w> {
    out: &'w mut dyn Write,
    rows: Vec<Row>,
    dates: Vec<(String, Option<String>)>,
}

impl<'w> TextSink<'w> {
    /// Writes to `out` when the scan finishes.
    pub fn new(out: &'w mut dyn Write) -> TextSink<'w> {
        TextSink {
            out,
            rows: Vec::new(),
            dates: Vec::new(),
        }
    }
}

fn percent(x: f64) -> String {
    format!("{:5.1}%", 100.0 * x)
}

impl Sink for TextSink<'_> {
    fn begin(&mut self, docs: &[DocInfo]) -> io::Result<()> {
        self.dates = docs
            .iter()
            .map(|d| (d.id.clone(), d.meta.date.clone()))
            .collect();
        self.dates.sort();
        Ok(())
    }

    fn pair(&mut self, pair: &PairResult) -> io::Result<()> {
        self.rows.push(Row::of(pair, 0));
        Ok(())
    }

    fn wants_analysis(&self) -> bool {
        true
    }

    fn finish(&mut self, s: &Summary) -> io::Result<()> {
        ranked(&mut self.rows);
        let out = &mut *self.out;
        writeln!(
            out,
            "{}, {} aligned, {} {} passages, {}",
            counted(s.documents, "document", "documents"),
            counted(s.candidates, "candidate pair", "candidate pairs"),
            counted(s.pairs, "pair", "pairs"),
            if s.pairs == 1 { "shares" } else { "share" },
            counted(s.families.len(), "reprint family", "reprint families")
        )?;
        if !self.rows.is_empty() {
            writeln!(out)?;
            writeln!(
                out,
                "Pairs, most shared first (shared of a, shared of b, a, b: verbatim/edited/framing sentences, quotes)"
            )?;
            for r in &self.rows {
                let [v, e, f, q] = r.counts;
                writeln!(
                    out,
                    "{} {}  {}  {}  ({v}/{e}/{f}, {}, {})",
                    percent(r.shared_a),
                    percent(r.shared_b),
                    printable(&r.a),
                    printable(&r.b),
                    counted(q, "quote", "quotes"),
                    counted(r.passages, "passage", "passages")
                )?;
            }
        }
        if !s.families.is_empty() {
            writeln!(out)?;
            writeln!(
                out,
                "Reprint families (earliest dated first; probable source marked *)"
            )?;
            for f in &s.families {
                let members: Vec<String> = f
                    .members
                    .iter()
                    .map(|m| {
                        let star = if f.source.as_deref() == Some(m) {
                            "*"
                        } else {
                            ""
                        };
                        let date = self
                            .dates
                            .binary_search_by(|(id, _)| id.as_str().cmp(m))
                            .ok()
                            .and_then(|k| self.dates[k].1.as_deref())
                            .map(|d| format!(" ({})", printable(d)))
                            .unwrap_or_default();
                        format!("{star}{}{date}", printable(m))
                    })
                    .collect();
                writeln!(
                    out,
                    "  {} articles, {}: {}",
                    f.members.len(),
                    counted(f.pairs, "pair", "pairs"),
                    members.join(", ")
                )?;
            }
        }
        Ok(())
    }
}

#[cfg(feature = "html-report")]
/// `--format html`: a folder with `index.html` (families and pairs, ranked by shared
/// fraction) and `pairs/N.html`, the side-by-side page `compare --format html` draws for the
/// pair. Pages are written as pairs arrive; the index last.
pub struct HtmlSink {
    dir: PathBuf,
    rows: Vec<Row>,
    render: RenderOptions,
}

#[cfg(feature = "html-report")]
impl HtmlSink {
    /// Writes into `dir` (created if missing).
    pub fn new(dir: PathBuf) -> HtmlSink {
        HtmlSink {
            dir,
            rows: Vec::new(),
            render: RenderOptions {
                format: Format::Html,
                ..RenderOptions::default()
            },
        }
    }
}

#[cfg(feature = "html-report")]
impl Sink for HtmlSink {
    fn begin(&mut self, _docs: &[DocInfo]) -> io::Result<()> {
        std::fs::create_dir_all(self.dir.join("pairs"))
    }

    fn pair(&mut self, pair: &PairResult) -> io::Result<()> {
        let page = self.rows.len() + 1;
        let path = self.dir.join("pairs").join(format!("{page}.html"));
        let Some(analysis) = &pair.analysis else {
            return Err(io::Error::other(
                "the HTML index needs each pair's analysis",
            ));
        };
        crate::report::write_atomically(&path, |out| {
            crate::report::write(analysis, &self.render, out)
        })?;
        self.rows.push(Row::of(pair, page));
        Ok(())
    }

    fn wants_analysis(&self) -> bool {
        true
    }

    fn finish(&mut self, s: &Summary) -> io::Result<()> {
        ranked(&mut self.rows);
        let markup = html! {
            (DOCTYPE)
            html lang="en" {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    title { "sourcediff scan" }
                    style { (maud::PreEscaped(INDEX_CSS)) }
                }
                body {
                    h1 { "Reuse across " (s.documents) " articles" }
                    p {
                        (s.pairs) " pairs share passages ("
                        (s.candidates) " candidate pairs aligned), in "
                        (s.families.len()) " reprint families."
                    }
                    @if !s.families.is_empty() {
                        h2 { "Reprint families" }
                        ol.families {
                            @for f in &s.families {
                                li {
                                    (f.members.len()) " articles, " (f.pairs) " pairs"
                                    @if let Some(src) = &f.source {
                                        ", probable source " strong { (src) }
                                    }
                                    ": "
                                    @for (k, m) in f.members.iter().enumerate() {
                                        @if k > 0 { ", " }
                                        span.member { (m) }
                                    }
                                }
                            }
                        }
                    }
                    @if !self.rows.is_empty() {
                        h2 { "Pairs, most shared first" }
                        table {
                            thead { tr {
                                th { "shared a" } th { "shared b" } th { "a" } th { "b" }
                                th { "verbatim" } th { "edited" } th { "framing" } th { "quotes" }
                            } }
                            tbody {
                                @for r in &self.rows {
                                    tr {
                                        td.num { (format!("{:.1}%", 100.0 * r.shared_a)) }
                                        td.num { (format!("{:.1}%", 100.0 * r.shared_b)) }
                                        td { a href=(format!("pairs/{}.html", r.page)) { (r.a) } }
                                        td { (r.b) }
                                        td.num { (r.counts[0]) }
                                        td.num { (r.counts[1]) }
                                        td.num { (r.counts[2]) }
                                        td.num { (r.counts[3]) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        };
        crate::report::write_atomically(&self.dir.join("index.html"), |out| {
            out.write_all(markup.into_string().as_bytes())
        })
    }
}

#[cfg(feature = "html-report")]
const INDEX_CSS: &str = "body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;padding:0 1em}\
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.25em .5em;text-align:left}\
td.num{text-align:right;font-variant-numeric:tabular-nums}ol.families li{margin:.3em 0}\
.member{font-family:ui-monospace,monospace}";
