//! What reports call things, shared by the HTML and Markdown reports (and built without the
//! `html-report` feature too): an article's file name, a quote status in words, the label of
//! the sentence holding an offset.

use super::sentence_label;
use crate::classify::Analysis;
use crate::classify::quote::QuoteStatus;

/// The last path component of an article's name: what a reader calls the file.
pub(crate) fn file_name(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}

/// What a quote status means.
pub(crate) fn status_meaning(status: QuoteStatus) -> &'static str {
    match status {
        QuoteStatus::Exact => "quoted word for word",
        QuoteStatus::Altered => "words changed inside the quote marks",
        QuoteStatus::Partial => "one article quotes only part of it",
        QuoteStatus::Unquoted => "the same words used without quote marks",
        QuoteStatus::Misattributed => "credited to different speakers",
        QuoteStatus::Unmatched => "quoted in one article only",
    }
}

/// The label of the sentence holding byte `at` of article `doc` ("A3").
pub(crate) fn occurrence_label(analysis: &Analysis, doc: usize, at: usize) -> String {
    let sentences = &analysis.documents[doc].sentences;
    let s = sentences
        .partition_point(|s| s.span.start <= at)
        .saturating_sub(1);
    sentence_label(doc, s)
}
