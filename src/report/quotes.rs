//! The `quotes` command's report: one article's quotations with their speakers, as text or
//! JSON.
//!
//! JSON wire format (`docs/json.md`): `{"version": n, "quotes": [...]}`, each quote
//! `{"start", "end", "text", "outer_start", "outer_end", "speaker", "speaker_method", "term",
//! "sentences"}`: `text` is `input[start..end]`, the quoted
//! words without the quote marks; `outer_*` include the marks; `speaker` is a string or null;
//! `speaker_method` says how it was found (`named`, `pronoun`, `carried`, or null); `term` marks a
//! short scare-quoted term; `sentences` are the 0-based indices of the sentences it spans.

use std::io::{self, Write};

use serde::Serialize;

use super::segments::one_line;
use crate::classify::quote::{Quote, SpeakerMethod};
use crate::options::Format;
use crate::tokenize::Document;

#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub(crate) struct Report<'a> {
    version: u32,
    quotes: Vec<QuoteOut<'a>>,
}

#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub(crate) struct QuoteOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    outer_start: usize,
    outer_end: usize,
    speaker: Option<&'a str>,
    speaker_method: Option<SpeakerMethod>,
    term: bool,
    sentences: &'a [usize],
}

/// Writes the quotations of `doc` in `format` (text or JSON; other formats fall back to text).
pub fn write(
    doc: &Document,
    quotes: &[Quote],
    format: Format,
    out: &mut dyn Write,
) -> io::Result<()> {
    if format == Format::Json {
        let list: Vec<QuoteOut> = quotes
            .iter()
            .map(|q| QuoteOut {
                start: q.span.start,
                end: q.span.end,
                text: doc.article.slice(q.span),
                outer_start: q.outer.start,
                outer_end: q.outer.end,
                speaker: q.speaker.as_deref(),
                speaker_method: q.method,
                term: q.term,
                sentences: &q.sentences,
            })
            .collect();
        let report = Report {
            version: super::json::SCHEMA_VERSION,
            quotes: list,
        };
        serde_json::to_writer_pretty(&mut *out, &report)?;
        return writeln!(out);
    }
    let statements = quotes.iter().filter(|q| !q.term).count();
    writeln!(
        out,
        "{}: {statements} quotations, {} quoted terms",
        one_line(&doc.article.name),
        quotes.len() - statements
    )?;
    for q in quotes {
        let at = q
            .sentences
            .first()
            .map_or_else(String::new, |s| format!("{}", s + 1));
        let who = match (&q.speaker, q.term) {
            (_, true) => "term".to_string(),
            (Some(s), false) => one_line(s),
            (None, false) => "speaker not found".to_string(),
        };
        writeln!(
            out,
            "{at:>4}  {}..{}  “{}” — {who}",
            q.span.start,
            q.span.end,
            one_line(doc.article.slice(q.span))
        )?;
    }
    Ok(())
}
