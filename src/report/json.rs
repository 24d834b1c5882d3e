//! `compare --format json`: the analysis as one JSON object. The shape is a contract for
//! pipelines and is documented in `docs/json.md`; fields are only ever added.
//!
//! Byte offsets (`start` inclusive, `end` exclusive) index the article files exactly as read;
//! `text` is always `file[start..end]`. Sentence and document indices are 0-based.

use std::io::{self, Write};

use serde::Serialize;

use crate::align::{self, EditOp, Side};
use crate::classify::quote::{Occurrence, QuoteMatch, QuoteStatus};
use crate::classify::{Analysis, Coverage, Drift, FindingKind, Group, Passage, SentenceId};
use crate::load::{InputFormat, MapRun, Meta};
use crate::span::Span;
use crate::tokenize::{Document, Token};

/// Version of the JSON shape; raised only when a field changes meaning or goes away.
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub(crate) struct Report<'a> {
    version: u32,
    documents: Vec<DocumentOut<'a>>,
    alignments: Vec<AlignmentOut<'a>>,
    passages: &'a [Passage],
    unique: &'a [SentenceId],
    close_unpaired: Vec<CloseOut>,
    coverage: Vec<CoverageOut>,
    quotes: Vec<QuoteOut<'a>>,
    /// Terms in quote marks that more than one article carries (every occurrence a term), in
    /// the shape of `quotes`; not shared quotations, so not among `quotes`.
    shared_terms: Vec<QuoteOut<'a>>,
    groups: &'a [Group],
}

#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub(crate) struct QuoteOut<'a> {
    text: &'a str,
    status: QuoteStatus,
    occurrences: &'a [Occurrence],
    diff: Vec<DiffOut<'a>>,
    /// The two occurrences `diff` compares (indices into `occurrences`), or null.
    diff_occurrences: Option<[usize; 2]>,
    /// One diff per other wording, each against the first quoted occurrence.
    diffs: Vec<OccurrenceDiffOut<'a>>,
    /// The article published first among those that carry the quote, when the dates say.
    first: Option<usize>,
}

/// The word diff between two occurrences of a quote.
#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub(crate) struct OccurrenceDiffOut<'a> {
    /// `[reference, other]`: indices into the quote's `occurrences`.
    occurrences: [usize; 2],
    diff: Vec<DiffOut<'a>>,
}

#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub(crate) struct DocumentOut<'a> {
    path: Option<String>,
    name: &'a str,
    url: Option<&'a str>,
    format: InputFormat,
    meta: &'a Meta,
    /// The analysed text, for inputs whose offsets do not index the file (HTML, Markdown).
    text: Option<&'a str>,
    source_map: &'a [MapRun],
    words: usize,
    sentences: Vec<SentenceOut<'a>>,
}

#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub(crate) struct SentenceOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    paragraph: usize,
    /// The other articles that carry this sentence (verbatim, edited or reframed).
    carried_by: &'a [usize],
}

#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub(crate) struct AlignmentOut<'a> {
    left: &'a Side,
    right: &'a Side,
    kind: FindingKind,
    similarity: f64,
    content_overlap: f64,
    longest_run: usize,
    diff: Vec<DiffOut<'a>>,
    drift: &'a [Drift],
    variants: Vec<[&'a str; 2]>,
    /// The side published first, when both articles' dates are known and differ.
    first: Option<usize>,
}

#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub(crate) struct TextSpan<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub(crate) struct DiffOut<'a> {
    op: EditOp,
    left: Option<TextSpan<'a>>,
    right: Option<TextSpan<'a>>,
}

/// A sentence paired with nothing that is close in content to a sentence of another article.
#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub(crate) struct CloseOut {
    doc: usize,
    sentence: usize,
    other_doc: usize,
    other_sentence: usize,
    /// Weighted content overlap of the two, 0..1.
    overlap: f64,
}

#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub(crate) struct CoverageOut {
    doc: usize,
    other: usize,
    shared: f64,
    shared_words: usize,
    words: usize,
}

/// The original text from the first to the last of `tokens`, or `None` for no tokens.
fn text_span<'a>(doc: &'a Document, tokens: &[&Token]) -> Option<TextSpan<'a>> {
    let span = Span::new(tokens.first()?.span().start, tokens.last()?.span().end);
    Some(TextSpan {
        start: span.start,
        end: span.end,
        text: doc.article.slice(span),
    })
}

/// A quote's entry: its diff runs take the shape of an alignment's (`{start, end, text}` or
/// null on each side).
fn quote_out<'a>(analysis: &Analysis, q: &'a QuoteMatch) -> QuoteOut<'a> {
    let side = |text: &'a str, span: Option<Span>| {
        span.map(|span| TextSpan {
            start: span.start,
            end: span.end,
            text,
        })
    };
    let runs = |diff: &'a [crate::classify::quote::DiffPiece]| -> Vec<DiffOut<'a>> {
        diff.iter()
            .map(|d| DiffOut {
                op: d.op,
                left: side(&d.left, d.left_span),
                right: side(&d.right, d.right_span),
            })
            .collect()
    };
    QuoteOut {
        text: &q.text,
        status: q.status,
        occurrences: &q.occurrences,
        diff: runs(&q.diff),
        diff_occurrences: q.diff_occurrences,
        diffs: q
            .diffs
            .iter()
            .map(|d| OccurrenceDiffOut {
                occurrences: d.occurrences,
                diff: runs(&d.diff),
            })
            .collect(),
        first: analysis.first_of(q.occurrences.iter().map(|o| o.doc)),
    }
}

/// Rounds a score to four decimals so the JSON reads well and stays stable.
fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// Writes the analysis as pretty-printed JSON.
pub fn write(analysis: &Analysis, out: &mut dyn Write) -> io::Result<()> {
    let documents = analysis
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| DocumentOut {
            path: d.article.path.as_ref().map(|p| p.display().to_string()),
            name: &d.article.name,
            url: d.article.url.as_deref(),
            format: d.article.format,
            meta: &d.article.meta,
            text: (d.article.format != InputFormat::Text).then_some(d.article.text.as_str()),
            source_map: &d.article.source_map,
            words: (0..d.sentences.len()).map(|s| d.word_count(s)).sum(),
            sentences: d
                .sentences
                .iter()
                .enumerate()
                .map(|(k, s)| SentenceOut {
                    start: s.span.start,
                    end: s.span.end,
                    text: d.article.slice(s.span),
                    paragraph: s.paragraph,
                    carried_by: &analysis.carriers[i][k],
                })
                .collect(),
        })
        .collect();
    let alignments = analysis
        .findings
        .iter()
        .map(|f| {
            let p = &f.pair;
            let verbatim = p.kind == align::PairKind::Verbatim;
            let left = align::side_tokens(&analysis.documents, &p.left, verbatim);
            let right = align::side_tokens(&analysis.documents, &p.right, verbatim);
            let (ld, rd) = (
                &analysis.documents[p.left.doc],
                &analysis.documents[p.right.doc],
            );
            let diff = p
                .edits
                .iter()
                .map(|e| DiffOut {
                    op: e.op,
                    left: text_span(ld, &left[e.left.clone()]),
                    right: text_span(rd, &right[e.right.clone()]),
                })
                .collect();
            AlignmentOut {
                left: &p.left,
                right: &p.right,
                kind: f.kind,
                similarity: round(p.similarity),
                content_overlap: round(p.content_overlap),
                longest_run: p.longest_run,
                diff,
                drift: &f.drift,
                variants: p
                    .variants
                    .iter()
                    .map(|(a, b)| [a.as_str(), b.as_str()])
                    .collect(),
                first: analysis.first_of([p.left.doc, p.right.doc]),
            }
        })
        .collect();
    let coverage = analysis
        .coverage
        .iter()
        .map(|c: &Coverage| CoverageOut {
            doc: c.doc,
            other: c.other,
            shared: round(c.shared),
            shared_words: c.shared_words,
            words: c.words,
        })
        .collect();
    let report = Report {
        version: SCHEMA_VERSION,
        documents,
        alignments,
        passages: &analysis.passages,
        unique: &analysis.unique,
        close_unpaired: analysis
            .close_unpaired
            .iter()
            .map(|c| CloseOut {
                doc: c.doc,
                sentence: c.sentence,
                other_doc: c.other_doc,
                other_sentence: c.other,
                overlap: round(c.overlap),
            })
            .collect(),
        coverage,
        quotes: analysis
            .quotes
            .iter()
            .map(|q| quote_out(analysis, q))
            .collect(),
        shared_terms: analysis
            .shared_terms
            .iter()
            .map(|q| quote_out(analysis, q))
            .collect(),
        groups: &analysis.groups,
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}
