//! Stage 1, load: an input (a path, `-` for standard input, or an `http(s)://` URL) becomes an
//! [`Article`].
//!
//! The format is told by the content, not by the name: HTML pages have their article body
//! extracted (`load/html.rs`), Markdown loses its markup (`load/markdown.rs`), anything else is plain text.
//! Word documents and PDFs are refused with a one-line error naming the converter.
//!
//! **Offsets.** Every later stage reads [`Article::text`], the *analysed text*. For plain text
//! it is the input exactly as read, except that stretches recognised as metadata or boilerplate
//! (a "By …" line, a dateline and agency credit, markup tags left in the text, a site's standing
//! lines such as "Follow … on Twitter", lines matched by `--ignore`) are overwritten
//! with spaces of the same byte length: every byte offset still points into the file as read,
//! and a sentence's text is always `file[start..end]`. For HTML and Markdown the analysed text
//! is the extracted text; [`Article::source_map`] maps its words back to the input's bytes.
//! A UTF-8 byte-order mark is skipped by where the body starts ([`Article::body`]), never by
//! copying. Line endings (LF, CRLF, CR) are left alone; the segmenter knows all three.
//!
//! The simplest entry point is [`open`]: one input as given on a command line, with
//! [`LoadOptions`].

#[cfg(feature = "html")]
mod html;
mod markdown;
pub(crate) mod meta;
mod text;
#[cfg(feature = "fetch")]
mod url;

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::time::Duration;

use regex::Regex;
use serde::Serialize;

use crate::error::{Error, Result, reason};
use crate::span::Span;

pub use meta::Meta;

/// The default size limit for one article: 32 MiB. Raise it with `--max-bytes`.
pub const DEFAULT_MAX_BYTES: u64 = 32 * 1024 * 1024;

/// The largest `--max-bytes` accepted: 1 GiB. An article is read into memory whole, so the
/// limit is what keeps an endless input (`/dev/zero`, a stream that never closes) from using
/// all of it.
pub const MAX_MAX_BYTES: u64 = 1024 * 1024 * 1024;

/// How long a URL fetch may take, from connecting to the last byte, unless told otherwise.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(20);

const BOM: &str = "\u{feff}";

/// Where an article comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Source {
    /// A file on disk.
    Path(PathBuf),
    /// Standard input (`-` on the command line).
    Stdin,
    /// An `http://` or `https://` URL, fetched.
    Url(String),
}

impl Source {
    /// `-` means standard input; an argument starting with `http://` or `https://` is a URL;
    /// anything else is a path.
    pub fn parse(arg: &str) -> Source {
        let lower = arg.get(..8).unwrap_or(arg).to_ascii_lowercase();
        if arg == "-" {
            Source::Stdin
        } else if lower.starts_with("http://") || lower.starts_with("https://") {
            Source::Url(arg.to_string())
        } else {
            Source::Path(PathBuf::from(arg))
        }
    }

    /// The name reports use: the path or URL as given, or `<stdin>`.
    pub fn name(&self) -> String {
        match self {
            Source::Path(p) => p.display().to_string(),
            Source::Stdin => "<stdin>".to_string(),
            Source::Url(u) => u.clone(),
        }
    }

    /// The path, when the source is a file.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Source::Path(p) => Some(p),
            Source::Stdin | Source::Url(_) => None,
        }
    }
}

/// The formats sourcediff reads.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum InputFormat {
    /// Plain UTF-8 text; offsets index the input as read.
    #[default]
    Text,
    /// An HTML page; the article body is extracted.
    Html,
    /// Markdown; the text without markup.
    Markdown,
}

impl InputFormat {
    /// The lowercase name (`text`, `html`, `markdown`).
    pub fn name(self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Html => "html",
            InputFormat::Markdown => "markdown",
        }
    }
}

/// How inputs are read. `Default` gives what the CLI uses without flags.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct LoadOptions {
    /// Largest input accepted, in bytes (of the file or the fetched body).
    pub max_bytes: u64,
    /// The format, or `None` to tell it from the content.
    pub format: Option<InputFormat>,
    /// Lines of the analysed text matching any of these are dropped (overwritten with spaces).
    pub ignore: Vec<Regex>,
    /// A name to show for the article instead of its path (and its outlet when none is known).
    pub label: Option<String>,
    /// How long a URL fetch may take in all.
    pub timeout: Duration,
}

impl Default for LoadOptions {
    fn default() -> LoadOptions {
        LoadOptions {
            max_bytes: DEFAULT_MAX_BYTES,
            format: None,
            ignore: Vec::new(),
            label: None,
            timeout: DEFAULT_TIMEOUT,
        }
    }
}

impl LoadOptions {
    /// Options with this size limit and everything else as default.
    pub fn with_max_bytes(max_bytes: u64) -> LoadOptions {
        LoadOptions {
            max_bytes,
            ..LoadOptions::default()
        }
    }
}

/// One stretch of the analysed text and the bytes of the input it came from. Where the two
/// read alike (no entity, no markup in between), `text[start..end] == input[source_start..
/// source_end]`; otherwise the source stretch is what the text was decoded from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MapRun {
    /// First byte in the analysed text.
    pub start: usize,
    /// One past the last byte in the analysed text.
    pub end: usize,
    /// First byte in the input as read.
    pub source_start: usize,
    /// One past the last byte in the input as read.
    pub source_end: usize,
}

/// One article as read: its name, its analysed text, its format and what is known of who
/// published it when.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Article {
    /// The name reports show: the `--label`, else the path or URL as given, or `<stdin>`.
    pub name: String,
    /// The path as given, when the article came from a file.
    pub path: Option<PathBuf>,
    /// The URL, when the article was fetched.
    pub url: Option<String>,
    /// The analysed text (see the module documentation for what offsets into it mean).
    pub text: String,
    /// The format the input was read as.
    pub format: InputFormat,
    /// Title, outlet, byline, date, dateline, agency, as far as known.
    pub meta: Meta,
    /// For HTML and Markdown: the words of `text` mapped back to the input's bytes, in order.
    /// Empty for plain text, whose offsets are the input's own.
    pub source_map: Vec<MapRun>,
}

impl Article {
    /// An article from text already in memory (tests, library users).
    pub fn from_text(name: impl Into<String>, text: impl Into<String>) -> Article {
        Article {
            name: name.into(),
            path: None,
            url: None,
            text: text.into(),
            format: InputFormat::Text,
            meta: Meta::default(),
            source_map: Vec::new(),
        }
    }

    /// The span of the text after a byte-order mark, if any.
    pub fn body(&self) -> Span {
        let start = if self.text.starts_with(BOM) {
            BOM.len()
        } else {
            0
        };
        Span::new(start, self.text.len())
    }

    /// The text of a span of this article.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// The bytes of the input a span of the analysed text came from: the span itself for plain
    /// text; for HTML and Markdown, from the source of the first mapped run it touches to the
    /// end of the last. `None` when no word of the span is mapped.
    pub fn source_span(&self, span: Span) -> Option<Span> {
        if self.format == InputFormat::Text {
            return Some(span);
        }
        let first = self.source_map.partition_point(|r| r.end <= span.start);
        let runs = &self.source_map[first..];
        let last = runs.partition_point(|r| r.start < span.end);
        let (a, b) = (runs[..last].first()?, runs[..last].last()?);
        Some(Span::new(a.source_start, b.source_end.max(a.source_start)))
    }
}

/// Reads one input as given on a command line (`-`, a path or an `http(s)://` URL) with
/// `options`: the entry point for callers that have arguments rather than [`Source`]s.
pub fn open(input: &str, options: &LoadOptions) -> Result<Article> {
    load_with(&Source::parse(input), options)
}

/// Compiles `--ignore` patterns and the lines of `--ignore-file` files (blank lines and lines
/// starting with `#` skipped) into regular expressions; an invalid one is a one-line error
/// naming where it came from.
pub fn ignore_patterns(patterns: &[String], files: &[PathBuf]) -> Result<Vec<Regex>> {
    let compile = |origin: String, pattern: &str| {
        regex::RegexBuilder::new(pattern)
            .size_limit(1 << 20)
            .build()
            .map_err(|e| Error::BadPattern {
                origin,
                pattern: pattern.to_string(),
                reason: match e {
                    regex::Error::CompiledTooBig(_) => "too large".to_string(),
                    _ => e
                        .to_string()
                        .lines()
                        .last()
                        .unwrap_or("invalid")
                        .trim_start_matches("error: ")
                        .to_string(),
                },
            })
    };
    let mut out = Vec::new();
    for p in patterns {
        out.push(compile("--ignore".to_string(), p)?);
    }
    for file in files {
        let name = file.display().to_string();
        let bytes = match std::fs::metadata(file) {
            Ok(m) if m.is_dir() => return Err(Error::IsDirectory { name }),
            Ok(_) => {
                let f = File::open(file).map_err(|e| open_error(&name, e))?;
                read_limited(f, &name, DEFAULT_MAX_BYTES)?
            }
            Err(e) => return Err(open_error(&name, e)),
        };
        let text = checked_text(&name, bytes)?;
        for (k, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            out.push(compile(format!("{name}:{}", k + 1), line)?);
        }
    }
    Ok(out)
}

/// Reads one article as plain text or by its content, with `max_bytes` as the size limit and
/// other options at their defaults.
pub fn load(source: &Source, max_bytes: u64) -> Result<Article> {
    load_with(source, &LoadOptions::with_max_bytes(max_bytes))
}

/// Reads one article with `options`.
pub fn load_with(source: &Source, options: &LoadOptions) -> Result<Article> {
    let name = source.name();
    let max_bytes = options.max_bytes;
    let bytes = match source {
        Source::Stdin => read_limited(io::stdin().lock(), &name, max_bytes)?,
        Source::Path(path) => {
            let meta = std::fs::metadata(path).map_err(|e| open_error(&name, e))?;
            if meta.is_dir() {
                return Err(Error::IsDirectory { name });
            }
            if meta.len() > max_bytes {
                return Err(Error::TooLarge {
                    name,
                    limit: max_bytes,
                });
            }
            let file = File::open(path).map_err(|e| open_error(&name, e))?;
            read_limited(file, &name, max_bytes)?
        }
        Source::Url(u) => fetch(u, options)?,
    };
    let mut article = parse(name, bytes, options)?;
    article.path = source.path().map(Path::to_path_buf);
    if let Source::Url(u) = source {
        article.url = Some(u.clone());
    }
    // With no date in the text or the page, the one the archive wrote into the file's name or
    // the URL's path.
    if article.meta.date.is_none() {
        let named = match source {
            Source::Path(path) => path.file_name().and_then(|n| n.to_str()),
            Source::Url(u) => u.split(['?', '#']).next(),
            Source::Stdin => None,
        };
        article.meta.date = named.and_then(meta::date_in_name);
    }
    Ok(article)
}

#[cfg(feature = "fetch")]
fn fetch(u: &str, options: &LoadOptions) -> Result<Vec<u8>> {
    url::fetch(u, options.max_bytes, options.timeout)
}

#[cfg(not(feature = "fetch"))]
fn fetch(u: &str, _options: &LoadOptions) -> Result<Vec<u8>> {
    Err(Error::Unsupported {
        name: u.to_string(),
        what: "a URL".to_string(),
        advice: "this build of sourcediff has no `fetch` feature; save the page and give its file"
            .to_string(),
    })
}

/// Checks raw bytes and turns them into a plain-text article: no NUL byte, valid UTF-8, some
/// text. The text is kept exactly as given (no metadata stretch is blanked).
pub fn from_bytes(name: String, bytes: Vec<u8>) -> Result<Article> {
    let mut text = checked_text(&name, bytes)?;
    // As for a file: markup tags and standing lines are left out (a JSON Lines record, a
    // Python or Spark row reads as a file of the same text does).
    text::blank_tags(&mut text);
    text::blank_standing_lines(&mut text);
    let article = Article::from_text(name, text);
    if article.slice(article.body()).trim().is_empty() {
        return Err(Error::Empty { name: article.name });
    }
    Ok(article)
}

/// Turns raw bytes into an article: refuses documents that need a converter, checks the text,
/// tells the format from the content (unless `options.format` says it), extracts the text,
/// reads the metadata and drops the `--ignore` lines, markup tags and standing lines.
pub fn parse(name: String, bytes: Vec<u8>, options: &LoadOptions) -> Result<Article> {
    refuse_documents(&name, &bytes)?;
    let input = checked_text(&name, bytes)?;
    let format = options
        .format
        .unwrap_or_else(|| detect(&name, input.as_bytes()));
    let mut article = match format {
        InputFormat::Html => from_html(&name, &input)?,
        InputFormat::Markdown => {
            let (text, source_map, meta) = markdown::extract(&input);
            Article {
                format: InputFormat::Markdown,
                source_map,
                meta,
                ..Article::from_text(name.clone(), text)
            }
        }
        InputFormat::Text => Article::from_text(name.clone(), input),
    };
    let extracted = (!article.source_map.is_empty()).then(|| article.text.clone());
    text::drop_lines(&mut article.text, &options.ignore);
    if article.format == InputFormat::Text {
        text::blank_tags(&mut article.text);
    }
    text::blank_standing_lines(&mut article.text);
    text::read_header(&mut article);
    if let Some(before) = extracted
        && before != article.text
    {
        article.source_map = unmap_blanked(&article.source_map, &before, &article.text);
    }
    if let Some(label) = &options.label {
        article.name = label.clone();
        article.meta.label = Some(label.clone());
    }
    if article.slice(article.body()).trim().is_empty() {
        return Err(match article.format {
            InputFormat::Html => Error::NoArticle { name },
            _ => Error::Empty { name },
        });
    }
    Ok(article)
}

/// The map once stretches of the text were blanked: each run keeps only its pieces that were
/// not, with whitespace-only pieces dropped. A run that read as its source keeps the matching
/// slice of the source; a decoded run keeps its whole source for each piece.
fn unmap_blanked(map: &[MapRun], before: &str, after: &str) -> Vec<MapRun> {
    let (b, a) = (before.as_bytes(), after.as_bytes());
    let mut out = Vec::with_capacity(map.len());
    for run in map {
        let width = run.source_end - run.source_start;
        let exact = width == run.end - run.start;
        let mut k = run.start;
        while k < run.end {
            if a[k] != b[k] {
                k += 1;
                continue;
            }
            let start = k;
            while k < run.end && a[k] == b[k] {
                k += 1;
            }
            let piece = &after[start..k];
            let trimmed = piece.trim();
            if trimmed.is_empty() {
                continue;
            }
            let lead = piece.len() - piece.trim_start().len();
            let (s, e) = (start + lead, start + lead + trimmed.len());
            let (ss, se) = if exact {
                (
                    run.source_start + (s - run.start),
                    run.source_start + (e - run.start),
                )
            } else {
                (run.source_start, run.source_end)
            };
            out.push(MapRun {
                start: s,
                end: e,
                source_start: ss,
                source_end: se,
            });
        }
    }
    out
}

#[cfg(feature = "html")]
fn from_html(name: &str, input: &str) -> Result<Article> {
    let page = html::extract(name, input)?;
    Ok(Article {
        format: InputFormat::Html,
        source_map: page.map,
        meta: page.meta,
        ..Article::from_text(name.to_string(), page.text)
    })
}

#[cfg(not(feature = "html"))]
fn from_html(name: &str, _input: &str) -> Result<Article> {
    Err(Error::Unsupported {
        name: name.to_string(),
        what: "an HTML page".to_string(),
        advice: "this build of sourcediff has no `html` feature; save the page as text".to_string(),
    })
}

/// The bytes as UTF-8 text, or the error that says why they are not.
fn checked_text(name: &str, bytes: Vec<u8>) -> Result<String> {
    if let Some(offset) = memchr::memchr(0, &bytes) {
        return Err(Error::Binary {
            name: name.to_string(),
            offset,
        });
    }
    String::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        name: name.to_string(),
        offset: e.utf8_error().valid_up_to(),
    })
}

/// Word documents, PDFs and other office or archive files, told by their first bytes, are
/// refused with the converter that turns them into text.
fn refuse_documents(name: &str, bytes: &[u8]) -> Result<()> {
    let head = &bytes[..bytes.len().min(4096)];
    let unsupported = |what: &str, advice: &str| {
        Err(Error::Unsupported {
            name: name.to_string(),
            what: what.to_string(),
            advice: advice.to_string(),
        })
    };
    if head.starts_with(b"%PDF-") {
        return unsupported(
            "a PDF document",
            "convert it to text first, e.g. pdftotext FILE.pdf FILE.txt",
        );
    }
    if head.starts_with(b"PK\x03\x04") {
        if memchr::memmem::find(head, b"word/").is_some() {
            return unsupported(
                "a Word document (.docx)",
                "convert it first, e.g. pandoc FILE.docx -t plain -o FILE.txt",
            );
        }
        if memchr::memmem::find(head, b"opendocument.text").is_some() {
            return unsupported(
                "an OpenDocument text (.odt)",
                "convert it first, e.g. pandoc FILE.odt -t plain -o FILE.txt",
            );
        }
        return unsupported(
            "a ZIP archive",
            "unpack it and give the article files themselves",
        );
    }
    if head.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return unsupported(
            "a Word 97-2003 document (.doc)",
            "convert it first, e.g. libreoffice --headless --convert-to txt FILE.doc",
        );
    }
    if head.starts_with(b"{\\rtf") {
        return unsupported(
            "an RTF document",
            "convert it first, e.g. pandoc FILE.rtf -t plain -o FILE.txt",
        );
    }
    Ok(())
}

/// Tells the format of UTF-8 input from its content: HTML when it opens (after white space and
/// an XML declaration or comments) with a doctype or an `<html>`, `<head>` or `<body>` tag, or
/// with a tag and holds paragraph markup; Markdown when the name says so (`.md`, `.markdown`)
/// or, unless the name ends in `.txt`, the text holds Markdown links, headings or front
/// matter; plain text otherwise.
pub fn detect(name: &str, bytes: &[u8]) -> InputFormat {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let head_text = head.strip_prefix(BOM.as_bytes()).unwrap_or(head);
    let start = head_text
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head_text.len());
    let trimmed = &head_text[start..];
    let lower: Vec<u8> = trimmed
        .iter()
        .take(1024)
        .map(u8::to_ascii_lowercase)
        .collect();
    for opening in [
        &b"<!doctype html"[..],
        b"<html",
        b"<head",
        b"<body",
        b"<?xml",
        b"<!--",
        b"<meta",
        b"<article",
    ] {
        if lower.starts_with(opening) {
            return InputFormat::Html;
        }
    }
    if lower.starts_with(b"<") {
        let finder = |n: &[u8]| memchr::memmem::find(&lower, n).is_some();
        if finder(b"<p>") || finder(b"<p ") || finder(b"<div") || finder(b"</") {
            return InputFormat::Html;
        }
    }
    let lower_name = name.to_ascii_lowercase();
    if [".md", ".markdown", ".mdown", ".mkd"]
        .iter()
        .any(|ext| lower_name.ends_with(ext))
    {
        return InputFormat::Markdown;
    }
    // A name that says plain text is trusted over the weak signs of Markdown (a line starting
    // with `#` is also a hashtag or a numbered headline in plain copy).
    let says_text = [".txt", ".text"]
        .iter()
        .any(|ext| lower_name.ends_with(ext));
    if !says_text && markdown::looks_like_markdown(head) {
        return InputFormat::Markdown;
    }
    InputFormat::Text
}

/// Reads at most `max_bytes` (capped at [`MAX_MAX_BYTES`]) in chunks, stopping at once on a
/// NUL byte (binary or endless `/dev/zero` input), so no input, however long, is read whole
/// before being judged.
fn read_limited(reader: impl Read, name: &str, max_bytes: u64) -> Result<Vec<u8>> {
    thread_local! {
        /// The chunk read into, one per thread, zeroed once: a corpus scan reads thousands of
        /// small files, and a fresh 64 KiB buffer for each was 146 MB of zeroing on the BBC
        /// corpus (2,225 files of 2 KB).
        static CHUNK: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    CHUNK.with(|chunk| match chunk.try_borrow_mut() {
        Ok(mut chunk) => {
            if chunk.is_empty() {
                chunk.resize(READ_CHUNK, 0);
            }
            read_chunks(reader, name, max_bytes, &mut chunk)
        }
        // Only a reader that itself reads a file through here could find the chunk in use.
        Err(_) => read_chunks(reader, name, max_bytes, &mut vec![0u8; READ_CHUNK]),
    })
}

/// Bytes read at a time by [`read_limited`].
const READ_CHUNK: usize = 64 * 1024;

fn read_chunks(
    mut reader: impl Read,
    name: &str,
    max_bytes: u64,
    chunk: &mut [u8],
) -> Result<Vec<u8>> {
    let limit = max_bytes.min(MAX_MAX_BYTES);
    let mut bytes = Vec::new();
    loop {
        let n = match reader.read(chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(read_error(name, e)),
        };
        if bytes.is_empty() {
            // A document with a NUL in its first bytes (a .docx, a .doc) is named for what it is.
            refuse_documents(name, &chunk[..n])?;
        }
        if let Some(at) = memchr::memchr(0, &chunk[..n]) {
            return Err(Error::Binary {
                name: name.to_string(),
                offset: bytes.len() + at,
            });
        }
        if (bytes.len() + n) as u64 > limit {
            return Err(Error::TooLarge {
                name: name.to_string(),
                limit,
            });
        }
        bytes.extend_from_slice(&chunk[..n]);
    }
    Ok(bytes)
}

fn open_error(name: &str, e: io::Error) -> Error {
    if e.kind() == io::ErrorKind::NotFound {
        Error::NotFound {
            name: name.to_string(),
        }
    } else {
        read_error(name, e)
    }
}

fn read_error(name: &str, e: io::Error) -> Error {
    if e.raw_os_error() == Some(21) {
        // EISDIR: a directory given as standard input or opened through a link.
        return Error::IsDirectory {
            name: name.to_string(),
        };
    }
    Error::Unreadable {
        name: name.to_string(),
        reason: reason(&e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_skipped_by_the_body_span_not_by_copying() {
        let a = from_bytes("a.txt".into(), "\u{feff}Hello.".as_bytes().to_vec()).unwrap();
        assert_eq!(a.text, "\u{feff}Hello.");
        assert_eq!(a.body(), Span::new(3, 9));
        assert_eq!(a.slice(a.body()), "Hello.");
    }

    #[test]
    fn invalid_utf8_names_the_byte() {
        // "café" in Latin-1, as in the BBC corpus' sport/199.txt.
        let err = from_bytes("b.txt".into(), b"The caf\xe9 closed.".to_vec()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "b.txt: invalid UTF-8 at byte 7 (sourcediff reads UTF-8 text; convert it first, e.g. with iconv)"
        );
    }

    #[test]
    fn nul_byte_is_binary() {
        let err = from_bytes("c.bin".into(), b"GIF89a\x00\x00".to_vec()).unwrap_err();
        assert!(matches!(err, Error::Binary { offset: 6, .. }), "{err}");
    }

    #[test]
    fn utf16_text_is_reported_as_binary_not_garbled() {
        let utf16: Vec<u8> = "Hi".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert!(matches!(
            from_bytes("d.txt".into(), utf16),
            Err(Error::Binary { offset: 1, .. })
        ));
    }

    #[test]
    fn blank_article_is_empty() {
        for text in ["", "  \n\r\n\t", "\u{feff}\n"] {
            let err = from_bytes("e.txt".into(), text.as_bytes().to_vec()).unwrap_err();
            assert_eq!(
                err.to_string(),
                "e.txt: the article is empty (no text to analyse)"
            );
        }
    }

    #[test]
    fn size_limit_is_enforced_while_reading() {
        let err = read_limited(&b"0123456789"[..], "f.txt", 9).unwrap_err();
        assert!(matches!(err, Error::TooLarge { limit: 9, .. }));
        assert_eq!(
            read_limited(&b"0123456789"[..], "f.txt", 10).unwrap().len(),
            10
        );
    }

    #[test]
    fn endless_input_stops_at_the_limit_or_the_first_nul() {
        // An endless stream of text: stopped by the limit, never read whole.
        let endless_text = io::repeat(b'a');
        let err = read_limited(endless_text, "-", 1000).unwrap_err();
        assert!(matches!(err, Error::TooLarge { limit: 1000, .. }), "{err}");
        // /dev/zero with the largest limit: stopped at the first byte, not when memory runs out.
        let err = read_limited(io::repeat(0), "/dev/zero", u64::MAX).unwrap_err();
        assert!(matches!(err, Error::Binary { offset: 0, .. }), "{err}");
        // The largest limit is capped.
        let err = read_limited(io::repeat(b'a'), "-", u64::MAX).unwrap_err();
        assert!(
            matches!(err, Error::TooLarge { limit, .. } if limit == MAX_MAX_BYTES),
            "{err}"
        );
    }

    #[test]
    fn documents_that_need_a_converter_say_which() {
        let cases: [(&[u8], &str); 4] = [
            (
                b"%PDF-1.7\n%\xe2\xe3",
                "a PDF document; convert it to text first, e.g. pdftotext",
            ),
            (
                b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml word/document.xml",
                "a Word document (.docx); convert it first, e.g. pandoc",
            ),
            (b"PK\x03\x04\x14\x00", "a ZIP archive"),
            (
                b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00",
                "a Word 97-2003 document (.doc)",
            ),
        ];
        for (bytes, expected) in cases {
            let err = parse("x".into(), bytes.to_vec(), &LoadOptions::default()).unwrap_err();
            let message = err.to_string();
            assert!(message.starts_with("x: "), "{message}");
            assert!(message.contains(expected), "{message}");
            assert!(!message.contains('\n'));
        }
    }

    #[test]
    fn format_is_told_by_content() {
        let cases = [
            (
                "a.txt",
                "<!DOCTYPE html><html><p>Hi.</p></html>",
                InputFormat::Html,
            ),
            (
                "a",
                "\u{feff}\n  <html lang=en><body><p>Hi.</p>",
                InputFormat::Html,
            ),
            (
                "a.txt",
                "<div class=story><p>Hi.</p></div>",
                InputFormat::Html,
            ),
            ("page", "# Heading\n\nSome text.", InputFormat::Markdown),
            ("notes.md", "Plain words only.", InputFormat::Markdown),
            (
                "a",
                "See [the report](https://example.org/r).",
                InputFormat::Markdown,
            ),
            (
                "a.txt",
                "# Breaking: the minister resigned.",
                InputFormat::Text,
            ),
            (
                "a.txt",
                "Police said <3 people were hurt.",
                InputFormat::Text,
            ),
            (
                "a.txt",
                "Stocks fell 2% (AP) on Monday.\n\nMore text.",
                InputFormat::Text,
            ),
            ("a.txt", "#MeToo trended on Tuesday.", InputFormat::Text),
        ];
        for (name, text, expected) in cases {
            assert_eq!(detect(name, text.as_bytes()), expected, "{text}");
        }
    }

    #[test]
    fn source_parse_knows_urls() {
        assert_eq!(
            Source::parse("HTTPS://x.test/a"),
            Source::Url("HTTPS://x.test/a".into())
        );
        assert_eq!(Source::parse("http:x"), Source::Path("http:x".into()));
        assert_eq!(Source::parse("-"), Source::Stdin);
    }
}
