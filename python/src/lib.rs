//! The native half of the `sourcediff` Python package (`sourcediff._native`).
//!
//! Every function returns what the matching command prints with `--format json`, as the same
//! JSON text, so the Python structures are the documented wire format and nothing here can
//! drift from it; `sourcediff/__init__.py` parses it. Errors are `sourcediff.SourcediffError`
//! with the command line's one-line message. The GIL is released while the analysis runs.

mod arrow;

use std::path::PathBuf;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use sourcediff::load::{self, DEFAULT_MAX_BYTES};
use sourcediff::quotes as quote;
use sourcediff::{Article, Document, Error, Format, Options, RenderOptions, Source, report};

pyo3::create_exception!(
    _native,
    SourcediffError,
    pyo3::exceptions::PyException,
    "An input sourcediff cannot analyse; the message is the command line's one line (which input, what is wrong)."
);

/// The crate's error as the Python exception, with the same one-line message.
fn error(e: Error) -> PyErr {
    SourcediffError::new_err(e.to_string())
}

/// One article from a Python value: `str` is the text itself, `bytes` are checked as a file's
/// bytes would be (UTF-8, no NUL byte, not blank), anything else must be a path (`str` paths
/// are taken as text, so paths come as `pathlib.Path` or another `os.PathLike`).
fn article(item: &Bound<'_, PyAny>, name: String, max_bytes: u64) -> PyResult<Article> {
    if let Ok(text) = item.cast::<PyString>() {
        let text = text.to_str()?;
        if text.len() as u64 > max_bytes {
            return Err(error(Error::TooLarge {
                name,
                limit: max_bytes,
            }));
        }
        return load::from_bytes(name, text.as_bytes().to_vec()).map_err(error);
    }
    if let Ok(bytes) = item.cast::<PyBytes>() {
        let bytes = bytes.as_bytes();
        if bytes.len() as u64 > max_bytes {
            return Err(error(Error::TooLarge {
                name,
                limit: max_bytes,
            }));
        }
        return load::from_bytes(name, bytes.to_vec()).map_err(error);
    }
    let path: PathBuf = item.extract().map_err(|_| {
        PyTypeError::new_err(format!(
            "an article is a str (its text), bytes, or a path (os.PathLike), not {}",
            item.get_type()
                .name()
                .map_or_else(|_| "?".to_string(), |n| n.to_string())
        ))
    })?;
    let mut article = load::load(&Source::Path(path), max_bytes).map_err(error)?;
    // A path keeps its own name (the path as given) unless the caller named it.
    if !name.is_empty() {
        article.name = name;
    }
    Ok(article)
}

/// A score option: a number in 0..1.
pub(crate) fn unit(name: &str, x: f64) -> PyResult<f64> {
    if (0.0..=1.0).contains(&x) {
        Ok(x)
    } else {
        Err(PyValueError::new_err(format!(
            "{name}: {x} is outside 0..1"
        )))
    }
}

/// `compare --format json` on `articles` (str texts, bytes, or paths), as JSON text.
#[pyfunction]
#[pyo3(signature = (articles, names, edited_threshold, framing_threshold, fuzzy_threshold, max_bytes))]
fn compare_json(
    py: Python<'_>,
    articles: Vec<Bound<'_, PyAny>>,
    names: Option<Vec<String>>,
    edited_threshold: f64,
    framing_threshold: f64,
    fuzzy_threshold: f64,
    max_bytes: u64,
) -> PyResult<String> {
    if articles.len() < 2 {
        return Err(error(Error::Usage(format!(
            "compare needs two or more articles, got {}",
            articles.len()
        ))));
    }
    if let Some(names) = &names
        && names.len() != articles.len()
    {
        return Err(PyValueError::new_err(format!(
            "names: {} names for {} articles",
            names.len(),
            articles.len()
        )));
    }
    let options = Options::default()
        .with_edited_threshold(unit("edited_threshold", edited_threshold)?)
        .with_framing_threshold(unit("framing_threshold", framing_threshold)?)
        .with_fuzzy_word_threshold(unit("fuzzy_threshold", fuzzy_threshold)?);
    let articles = articles
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let name = match &names {
                Some(names) => names[i].clone(),
                None if item.is_instance_of::<PyString>() || item.is_instance_of::<PyBytes>() => {
                    format!("<text {}>", i + 1)
                }
                None => String::new(),
            };
            article(item, name, max_bytes)
        })
        .collect::<PyResult<Vec<_>>>()?;
    let json = py.detach(move || {
        let analysis = sourcediff::compare(articles, &options);
        let mut out = Vec::new();
        report::write(&analysis, &RenderOptions::new(Format::Json), &mut out).map(|()| out)
    });
    into_string(json)
}

/// `segment --format json` on one article, as JSON text.
#[pyfunction]
#[pyo3(signature = (article, max_bytes = DEFAULT_MAX_BYTES))]
fn segment_json(py: Python<'_>, article: &Bound<'_, PyAny>, max_bytes: u64) -> PyResult<String> {
    let article = self::article(article, default_name(article), max_bytes)?;
    into_string(py.detach(move || {
        let sentences = sourcediff::segment(&article);
        let mut out = Vec::new();
        report::write_segments(&article, &sentences, Format::Json, &mut out).map(|()| out)
    }))
}

/// `quotes --format json` on one article, as JSON text.
#[pyfunction]
#[pyo3(signature = (article, max_bytes = DEFAULT_MAX_BYTES))]
fn quotes_json(py: Python<'_>, article: &Bound<'_, PyAny>, max_bytes: u64) -> PyResult<String> {
    let article = self::article(article, default_name(article), max_bytes)?;
    into_string(py.detach(move || {
        let doc = Document::new(article);
        let quotes = quote::extract(&doc, 0);
        let mut out = Vec::new();
        report::write_quotes(&doc, &quotes, Format::Json, &mut out).map(|()| out)
    }))
}

/// The name one article gets: `<text>` for text, the path as given for a path.
fn default_name(item: &Bound<'_, PyAny>) -> String {
    if item.is_instance_of::<PyString>() || item.is_instance_of::<PyBytes>() {
        "<text>".to_string()
    } else {
        String::new()
    }
}

/// A report written to memory becomes a `str` (the writers only write UTF-8).
fn into_string(json: std::io::Result<Vec<u8>>) -> PyResult<String> {
    let bytes = json.map_err(|e| {
        error(Error::Write {
            name: "<memory>".to_string(),
            source: e,
        })
    })?;
    String::from_utf8(bytes).map_err(|e| PyValueError::new_err(e.to_string()))
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("SourcediffError", m.py().get_type::<SourcediffError>())?;
    m.add("DEFAULT_MAX_BYTES", DEFAULT_MAX_BYTES)?;
    m.add("JSON_VERSION", report::JSON_VERSION)?;
    m.add_function(wrap_pyfunction!(compare_json, m)?)?;
    m.add_function(wrap_pyfunction!(segment_json, m)?)?;
    m.add_function(wrap_pyfunction!(quotes_json, m)?)?;
    arrow::register(m)?;

    Ok(())
}
