//! The inputs of a scan: folders (read recursively), article files, and JSON Lines files of
//! articles. A file or line that cannot be used is reported to the caller and skipped; the
//! scan goes on.

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde_json::Value;

use super::Meta;
use crate::error::{Error, Result};
use crate::load::{self, Article, LoadOptions, Source};

/// One article to scan, before indexing.
#[derive(Clone, Debug)]
pub struct Input {
    /// The document id (see [`super::ScanDoc::id`]).
    pub id: String,
    /// The article.
    pub article: Article,
    /// Date, source, title and URL when known.
    pub meta: Meta,
}

/// Whether a path is read as JSON Lines: it ends in `.jsonl` or `.ndjson`.
pub fn is_jsonl(path: &Path) -> bool {
    path.extension()
        .is_some_and(|x| x == "jsonl" || x == "ndjson")
}

/// Whether a file met while walking a folder is read: `*.txt`, `*.md`, `*.html`, `*.htm`, or
/// JSON Lines, unless it is a folder's own notes ([`is_notes_file`]).
pub fn is_article_path(path: &Path) -> bool {
    (path
        .extension()
        .is_some_and(|x| x == "txt" || x == "md" || x == "html" || x == "htm")
        || is_jsonl(path))
        && !is_notes_file(path)
}

/// Names of the files that describe a folder rather than hold an article.
const NOTES_FILES: &[&str] = &["changelog", "contributing", "copying", "license", "readme"];

/// Whether a file is a folder's notes (`README.md`, `LICENSE.txt`, `readme.html`, any case):
/// left out when a folder is walked, read when named on its own.
fn is_notes_file(path: &Path) -> bool {
    path.file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|s| NOTES_FILES.contains(&s.to_ascii_lowercase().as_str()))
}

/// Reads every input. `inputs` are paths as given: a folder is walked recursively (its
/// `*.txt`, `*.md`, `*.html`, `*.htm`, `*.jsonl` and `*.ndjson` files (articles read with
/// [`load::load_with`]: format told from the content, title, outlet and date taken from the
/// page or the header lines), hidden entries and symbolic links to folders
/// left out, in name order), a `.jsonl`/`.ndjson` file holds one article per line, any other
/// file is one article. An input that does not exist is an error; a file or line that is not
/// UTF-8, empty, too large, or not a valid article record is passed to `skip` and left out,
/// as is a repeated id (the first is kept).
pub fn read_inputs(
    inputs: &[PathBuf],
    max_bytes: u64,
    skip: &mut dyn FnMut(String),
) -> Result<Vec<Input>> {
    for path in inputs {
        if std::fs::metadata(path).is_err() {
            return Err(Error::NotFound {
                name: path.display().to_string(),
            });
        }
    }
    let mut found = Vec::new();
    for path in inputs {
        if path.is_dir() {
            let mut files = Vec::new();
            walk(path, &mut files, skip);
            // Files are read on all cores; what each gives (articles, skipped inputs) is then
            // taken in name order, as if read one after the other.
            let read: Vec<(Vec<Input>, Vec<String>)> = files
                .par_iter()
                .map(|file| {
                    let id = relative_id(path, file);
                    let (mut articles, mut skipped) = (Vec::new(), Vec::new());
                    read_file(file, id, max_bytes, &mut articles, &mut |why| {
                        skipped.push(why)
                    });
                    (articles, skipped)
                })
                .collect();
            for (articles, skipped) in read {
                skipped.into_iter().for_each(&mut *skip);
                found.extend(articles);
            }
        } else {
            let id = path.display().to_string();
            read_file(path, id, max_bytes, &mut found, skip);
        }
    }
    let mut seen: HashSet<String> = HashSet::new();
    let mut out = Vec::with_capacity(found.len());
    for input in found {
        if seen.insert(input.id.clone()) {
            out.push(input);
        } else {
            skip(format!("{}: repeated document id, skipped", input.id));
        }
    }
    Ok(out)
}

/// The id of a file found in `root`: its path relative to `root`, with `/` separators.
fn relative_id(root: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(root).unwrap_or(file);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Article files under `dir`, recursively, in name order.
fn walk(dir: &Path, files: &mut Vec<PathBuf>, skip: &mut dyn FnMut(String)) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            skip(format!("{}: cannot read the folder: {e}", dir.display()));
            return;
        }
    };
    let mut paths: Vec<(PathBuf, bool)> = Vec::new();
    for entry in entries {
        let Ok(entry) = entry else { continue };
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        // The entry's own type: a symbolic link to a folder is not followed (no loops).
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        paths.push((entry.path(), is_dir));
    }
    paths.sort();
    for (path, is_dir) in paths {
        if is_dir {
            walk(&path, files, skip);
        } else if is_article_path(&path) && !path.is_dir() {
            files.push(path);
        }
    }
}

fn read_file(
    path: &Path,
    id: String,
    max_bytes: u64,
    found: &mut Vec<Input>,
    skip: &mut dyn FnMut(String),
) {
    if is_jsonl(path) {
        read_jsonl(path, max_bytes, found, skip);
        return;
    }
    let options = LoadOptions::with_max_bytes(max_bytes);
    match load::load_with(&Source::Path(path.to_path_buf()), &options) {
        Ok(article) => {
            let meta = Meta {
                date: article.meta.date.clone(),
                source: article.meta.source().map(str::to_string),
                title: article.meta.title.clone(),
                url: article.url.clone(),
            };
            found.push(Input { id, article, meta })
        }
        Err(e) => skip(e.to_string()),
    }
}

/// One article per line: `{"id": …, "text": …}` with optional `"date"`, `"source"`,
/// `"title"`, `"url"` (strings). Blank lines are ignored.
fn read_jsonl(path: &Path, max_bytes: u64, found: &mut Vec<Input>, skip: &mut dyn FnMut(String)) {
    let name = path.display().to_string();
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => {
            skip(format!("{name}: cannot read: {e}"));
            return;
        }
    };
    let mut reader = BufReader::new(file);
    let mut line = Vec::new();
    let mut number = 0usize;
    loop {
        line.clear();
        number += 1;
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                skip(format!("{name}:{number}: cannot read: {e}"));
                break;
            }
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match parse_line(&line, max_bytes) {
            Ok(input) => found.push(input),
            Err(why) => skip(format!("{name}:{number}: {why}, line skipped")),
        }
    }
}

/// Parses one JSON Lines record: `{"id": …, "text": …}` with optional `"date"`, `"source"`,
/// `"title"`, `"url"`; the error says what is wrong with the line.
pub fn parse_line(line: &[u8], max_bytes: u64) -> std::result::Result<Input, String> {
    let value: Value = serde_json::from_slice(line).map_err(|e| format!("not JSON ({e})"))?;
    let Value::Object(map) = value else {
        return Err("not a JSON object".to_string());
    };
    let id = match map.get("id") {
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => return Err("no \"id\" (a non-empty string or a number)".to_string()),
    };
    let Some(Value::String(text)) = map.get("text") else {
        return Err(format!("{id}: no \"text\" string"));
    };
    if text.len() as u64 > max_bytes {
        return Err(format!(
            "{id}: larger than the {max_bytes}-byte limit (raise it with --max-bytes)"
        ));
    }
    let article =
        load::from_bytes(id.clone(), text.as_bytes().to_vec()).map_err(|e| e.to_string())?;
    let field = |k: &str| match map.get(k) {
        Some(Value::String(s)) => Some(s.clone()),
        _ => None,
    };
    Ok(Input {
        meta: Meta {
            date: field("date"),
            source: field("source"),
            title: field("title"),
            url: field("url"),
        },
        id,
        article,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_records_and_their_errors() {
        let ok = parse_line(
            br#"{"id": 7, "text": "Hello there.", "date": "2005-01-02", "title": "Hi"}"#,
            100,
        )
        .unwrap();
        assert_eq!(ok.id, "7");
        assert_eq!(ok.meta.date.as_deref(), Some("2005-01-02"));
        assert_eq!(ok.meta.title.as_deref(), Some("Hi"));
        assert_eq!(ok.article.text, "Hello there.");
        let err = |line: &[u8]| parse_line(line, 100).unwrap_err();
        assert!(err(b"{").starts_with("not JSON"));
        assert_eq!(err(b"[1]"), "not a JSON object");
        assert!(err(br#"{"text": "x"}"#).starts_with("no \"id\""));
        assert_eq!(err(br#"{"id": "a"}"#), "a: no \"text\" string");
        assert!(err(br#"{"id": "a", "text": "  "}"#).contains("empty"));
        assert!(err(br#"{"id": "a", "text": "\u0000"}"#).contains("binary"));
        assert!(
            parse_line(br#"{"id": "a", "text": "words"}"#, 3)
                .unwrap_err()
                .contains("limit")
        );
    }

    #[test]
    fn a_folders_notes_are_not_articles() {
        assert!(is_article_path(Path::new("corpus/story.md")));
        assert!(!is_article_path(Path::new("examples/articles/README.md")));
        assert!(!is_article_path(Path::new("LICENSE.txt")));
        assert!(!is_article_path(Path::new("a/readme.html")));
        assert!(is_article_path(Path::new("a/readmes.txt")));
    }

    #[test]
    fn ids_are_relative_with_slashes() {
        let root = Path::new("corpus");
        assert_eq!(
            relative_id(root, &root.join("sport").join("1.txt")),
            "sport/1.txt"
        );
    }
}
