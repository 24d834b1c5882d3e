//! Stage 1, load: a [`Source`] (a path, or `-` for standard input) becomes an [`Article`].
//!
//! The text is kept exactly as read. A UTF-8 byte-order mark is skipped by where the body
//! starts ([`Article::body`]), never by copying, so every byte offset in every report refers to
//! the original input. Line endings (LF, CRLF, CR) are left alone; the segmenter knows all three.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::span::Span;

/// The default size limit for one article: 32 MiB. Raise it with `--max-bytes`.
pub const DEFAULT_MAX_BYTES: u64 = 32 * 1024 * 1024;

const BOM: &str = "\u{feff}";

/// Where an article comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A file on disk.
    Path(PathBuf),
    /// Standard input (`-` on the command line).
    Stdin,
}

impl Source {
    /// `-` means standard input; anything else is a path.
    pub fn parse(arg: &str) -> Source {
        if arg == "-" {
            Source::Stdin
        } else {
            Source::Path(PathBuf::from(arg))
        }
    }

    /// The name reports use: the path as given, or `<stdin>`.
    pub fn name(&self) -> String {
        match self {
            Source::Path(p) => p.display().to_string(),
            Source::Stdin => "<stdin>".to_string(),
        }
    }

    /// The path, when the source is a file.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Source::Path(p) => Some(p),
            Source::Stdin => None,
        }
    }
}

/// One article as read: its name and its text, untouched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// The name reports show: the path as given, or `<stdin>`.
    pub name: String,
    /// The path as given, when the article came from a file.
    pub path: Option<PathBuf>,
    /// The text exactly as read (a BOM, if any, included).
    pub text: String,
}

impl Article {
    /// An article from text already in memory (tests, library users).
    pub fn from_text(name: impl Into<String>, text: impl Into<String>) -> Article {
        Article {
            name: name.into(),
            path: None,
            text: text.into(),
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
}

/// Reads one article, with `max_bytes` as the size limit.
pub fn load(source: &Source, max_bytes: u64) -> Result<Article> {
    let name = source.name();
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
    };
    let mut article = from_bytes(name, bytes)?;
    article.path = source.path().map(Path::to_path_buf);
    Ok(article)
}

/// Checks raw bytes and turns them into an article: no NUL byte, valid UTF-8, some text.
pub fn from_bytes(name: String, bytes: Vec<u8>) -> Result<Article> {
    if let Some(offset) = memchr::memchr(0, &bytes) {
        return Err(Error::Binary { name, offset });
    }
    let text = String::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        name: name.clone(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    let article = Article {
        name,
        path: None,
        text,
    };
    if article.slice(article.body()).trim().is_empty() {
        return Err(Error::Empty { name: article.name });
    }
    Ok(article)
}

fn read_limited(reader: impl Read, name: &str, max_bytes: u64) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| read_error(name, e))?;
    if bytes.len() as u64 > max_bytes {
        return Err(Error::TooLarge {
            name: name.to_string(),
            limit: max_bytes,
        });
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

/// What the operating system said, in the message's style: "permission denied",
/// "input/output error" (its own words, without "(os error 5)").
fn reason(e: &io::Error) -> String {
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
        let err = from_bytes("c.bin".into(), b"PK\x03\x04\x00\x00".to_vec()).unwrap_err();
        assert!(matches!(err, Error::Binary { offset: 4, .. }), "{err}");
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
}
