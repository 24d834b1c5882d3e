//! The `segment` command's report: one article's sentences, as text or JSON.
//!
//! JSON wire format (`docs/json.md`): `{"version": n, "sentences": [{"start": byte, "end":
//! byte, "text": string}, …]}`, `start` inclusive, `end` exclusive, byte offsets into the
//! analysed text (the file as read, for plain text), and `text` is exactly `input[start..end]`.

use std::io::{self, Write};

use serde::Serialize;

use crate::load::Article;
use crate::options::Format;
use crate::segment::Sentence;

#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub(crate) struct Report<'a> {
    version: u32,
    sentences: Vec<SentenceOut<'a>>,
}

#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub(crate) struct SentenceOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

/// Writes the sentences of `article` in `format` (text or JSON; other formats fall back to
/// text).
pub fn write(
    article: &Article,
    sentences: &[Sentence],
    format: Format,
    out: &mut dyn Write,
) -> io::Result<()> {
    if format == Format::Json {
        let list: Vec<SentenceOut> = sentences
            .iter()
            .map(|s| SentenceOut {
                start: s.span.start,
                end: s.span.end,
                text: article.slice(s.span),
            })
            .collect();
        let report = Report {
            version: super::json::SCHEMA_VERSION,
            sentences: list,
        };
        serde_json::to_writer_pretty(&mut *out, &report)?;
        return writeln!(out);
    }
    let width = sentences.len().to_string().len();
    let mut paragraph = usize::MAX;
    for (i, s) in sentences.iter().enumerate() {
        if s.paragraph != paragraph && i > 0 {
            writeln!(out)?;
        }
        paragraph = s.paragraph;
        let text = one_line(article.slice(s.span));
        writeln!(
            out,
            "{:>width$}  {}..{}  {}",
            i + 1,
            s.span.start,
            s.span.end,
            text
        )?;
    }
    Ok(())
}

/// A sentence on one line: inner line breaks and runs of white space become one space, and
/// control characters visible stand-ins ([`super::safe`]).
pub use super::safe::one_line;
