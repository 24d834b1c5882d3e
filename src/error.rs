//! `Error`: what can go wrong with the user's input, as one line that names the input.

use std::io;
use std::path::PathBuf;

/// A result with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong. `Display` gives one line that names the input and the fact,
/// e.g. `b.txt: invalid UTF-8 at byte 1834`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The path does not exist.
    #[error("{name}: no such file")]
    NotFound {
        /// The input as the user named it.
        name: String,
    },
    /// The path is a directory, not an article.
    #[error("{name}: is a directory, not an article")]
    IsDirectory {
        /// The input as the user named it.
        name: String,
    },
    /// The file exists but could not be read.
    #[error("{name}: cannot read: {reason}")]
    Unreadable {
        /// The input as the user named it.
        name: String,
        /// What the operating system said.
        reason: String,
    },
    /// The bytes are not UTF-8.
    #[error(
        "{name}: invalid UTF-8 at byte {offset} (sourcediff reads UTF-8 text; convert it first, e.g. with iconv)"
    )]
    InvalidUtf8 {
        /// The input as the user named it.
        name: String,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// The bytes contain a NUL byte: a binary file, or text in UTF-16/UTF-32.
    #[error("{name}: binary content (NUL byte at byte {offset}); expected UTF-8 text")]
    Binary {
        /// The input as the user named it.
        name: String,
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
    /// The input is larger than the configured limit.
    #[error("{name}: larger than the {limit}-byte limit (raise it with --max-bytes)")]
    TooLarge {
        /// The input as the user named it.
        name: String,
        /// The limit in force, in bytes.
        limit: u64,
    },
    /// The article holds no text (empty, or only white space).
    #[error("{name}: the article is empty (no text to analyse)")]
    Empty {
        /// The input as the user named it.
        name: String,
    },
    /// The input is a document sourcediff does not read (PDF, Word, an archive); the message
    /// names the tool that converts it.
    #[error("{name}: {what}; {advice}")]
    Unsupported {
        /// The input as the user named it.
        name: String,
        /// What the input is ("a PDF document").
        what: String,
        /// How to turn it into text.
        advice: String,
    },
    /// An HTML page in which no article body was found.
    #[error("{name}: no article text found in the HTML page (navigation and boilerplate only)")]
    NoArticle {
        /// The input as the user named it.
        name: String,
    },
    /// A URL could not be fetched.
    #[error("{name}: cannot fetch: {reason}")]
    Fetch {
        /// The URL as given.
        name: String,
        /// What went wrong, in a few words.
        reason: String,
    },
    /// A `--ignore` pattern or `--ignore-file` line is not a valid regular expression.
    #[error("{origin}: invalid --ignore pattern `{pattern}`: {reason}")]
    BadPattern {
        /// Where the pattern came from (`--ignore`, or the file and line).
        origin: String,
        /// The pattern as given.
        pattern: String,
        /// What the regex parser said, on one line.
        reason: String,
    },
    /// Writing the report failed.
    #[error("{name}: cannot write: {}", reason(source))]
    Write {
        /// Where the report was going (`<stdout>` or a path).
        name: String,
        /// The underlying error.
        #[source]
        source: io::Error,
    },
    /// The output file would overwrite one of the input articles.
    #[error("{}: refusing to write the report over an input article", path.display())]
    OutputIsInput {
        /// The output path.
        path: PathBuf,
    },
    /// The request itself is off (e.g. too few articles).
    #[error("{0}")]
    Usage(String),
}

/// What the operating system said, as words: "no space left on device", without the
/// "(os error 28)" that follows them.
pub(crate) fn reason(e: &io::Error) -> String {
    let text = e.to_string();
    let text = match text.find(" (os error") {
        Some(cut) => &text[..cut],
        None => &text,
    };
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => e.kind().to_string(),
    }
}
