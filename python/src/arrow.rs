//! Arrow batch functions for distributed runs: a record batch comes in through the Arrow
//! PyCapsule interface (`__arrow_c_array__`, which pyarrow, polars and Spark's Arrow batches
//! implement), every row is processed in Rust with the GIL released, and a record batch goes
//! back as a pair of capsules that `sourcediff/arrow.py` hands to `pyarrow.record_batch`. No
//! Python code runs per row.

use std::sync::Arc;

use std::collections::HashMap;

use arrow_array::builder::{Float64Builder, Int64Builder, ListBuilder, StringBuilder};
use arrow_array::cast::AsArray;
use arrow_array::ffi::{FFI_ArrowArray, FFI_ArrowSchema, from_ffi, to_ffi};
use arrow_array::{Array, ArrayRef, RecordBatch, StructArray};
use arrow_schema::{DataType, Field, Schema};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyCapsuleMethods, PyTuple};

use sourcediff::scan::{BOILERPLATE_DF, Boilerplate, Meta, ScanDoc, pair_record_in};
use sourcediff::scan::{MAX_DF, MIN_SHARED_NGRAMS, NGRAM, ngram_hashes};
use sourcediff::scan::{distinct_sentences, sentence_hashes};
use sourcediff::{Document, Options, load};

/// Registers the batch functions and the candidate index's constants on the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("NGRAM", NGRAM)?;
    m.add("MAX_DF", MAX_DF)?;
    m.add("MIN_SHARED_NGRAMS", MIN_SHARED_NGRAMS)?;
    m.add("BOILERPLATE_DF", BOILERPLATE_DF)?;
    m.add_class::<BoilerplateSet>()?;
    m.add_function(wrap_pyfunction!(hash_ngrams, m)?)?;
    m.add_function(wrap_pyfunction!(align_pairs, m)?)?;
    Ok(())
}

/// A Python object with `__arrow_c_array__` (a pyarrow `RecordBatch`, ...) as a record batch.
fn import_batch(obj: &Bound<'_, PyAny>) -> PyResult<RecordBatch> {
    if !obj.hasattr("__arrow_c_array__")? {
        return Err(PyTypeError::new_err(format!(
            "expected an Arrow record batch (an object with __arrow_c_array__, such as pyarrow.RecordBatch), not {}",
            obj.get_type()
                .name()
                .map_or_else(|_| "?".to_string(), |n| n.to_string())
        )));
    }
    let capsules = obj.call_method0("__arrow_c_array__")?;
    let (schema, array): (Bound<'_, PyCapsule>, Bound<'_, PyCapsule>) = capsules.extract()?;
    let schema_ptr = schema.pointer_checked(Some(c"arrow_schema"))?;
    let array_ptr = array.pointer_checked(Some(c"arrow_array"))?;
    // SAFETY: the capsules are named as the Arrow PyCapsule interface names them, so they
    // hold an `ArrowSchema` and an `ArrowArray` of the C data interface. The schema is only
    // borrowed (its capsule releases it); the array is moved out, leaving a released one
    // behind, as the interface prescribes for consumers.
    let data = unsafe {
        let schema = &*(schema_ptr.as_ptr() as *const FFI_ArrowSchema);
        let array = FFI_ArrowArray::from_raw(array_ptr.as_ptr() as *mut FFI_ArrowArray);
        from_ffi(array, schema)
    }
    .map_err(|e| PyValueError::new_err(format!("cannot import the Arrow batch: {e}")))?;
    if !matches!(data.data_type(), DataType::Struct(_)) {
        return Err(PyTypeError::new_err(format!(
            "expected a record batch (a struct array), got an array of {}",
            data.data_type()
        )));
    }
    let (fields, columns, nulls) = StructArray::from(data).into_parts();
    if nulls.is_some_and(|n| n.null_count() > 0) {
        return Err(PyValueError::new_err(
            "the record batch has null rows at the top level",
        ));
    }
    RecordBatch::try_new(Arc::new(Schema::new(fields)), columns)
        .map_err(|e| PyValueError::new_err(format!("invalid record batch: {e}")))
}

/// A record batch as the `(schema, array)` capsules of the Arrow PyCapsule interface.
fn export_batch<'py>(py: Python<'py>, batch: RecordBatch) -> PyResult<Bound<'py, PyTuple>> {
    let data = StructArray::from(batch).into_data();
    let (array, schema) = to_ffi(&data)
        .map_err(|e| PyValueError::new_err(format!("cannot export the Arrow batch: {e}")))?;
    // Dropping a capsule drops its value, which releases what a consumer did not move out.
    let schema = PyCapsule::new_with_value(py, schema, c"arrow_schema")?;
    let array = PyCapsule::new_with_value(py, array, c"arrow_array")?;
    PyTuple::new(py, [schema.into_any(), array.into_any()])
}

/// A string column of any of Arrow's three string layouts.
enum Strings<'a> {
    Utf8(&'a arrow_array::StringArray),
    Large(&'a arrow_array::LargeStringArray),
    View(&'a arrow_array::StringViewArray),
}

impl Strings<'_> {
    fn get(&self, row: usize) -> Option<&str> {
        match self {
            Strings::Utf8(a) => a.is_valid(row).then(|| a.value(row)),
            Strings::Large(a) => a.is_valid(row).then(|| a.value(row)),
            Strings::View(a) => a.is_valid(row).then(|| a.value(row)),
        }
    }
}

/// The string column `name` of `batch`, or an error naming what is missing or wrong.
fn strings<'a>(batch: &'a RecordBatch, name: &str) -> PyResult<Strings<'a>> {
    let column: &ArrayRef = batch.column_by_name(name).ok_or_else(|| {
        PyValueError::new_err(format!(
            "the batch has no column `{name}` (its columns: {})",
            batch
                .schema()
                .fields()
                .iter()
                .map(|f| f.name().as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))
    })?;
    match column.data_type() {
        DataType::Utf8 => Ok(Strings::Utf8(column.as_string::<i32>())),
        DataType::LargeUtf8 => Ok(Strings::Large(column.as_string::<i64>())),
        DataType::Utf8View => Ok(Strings::View(column.as_string_view())),
        other => Err(PyTypeError::new_err(format!(
            "column `{name}` holds {other}, not strings"
        ))),
    }
}

/// The document of one row: its text checked as `scan` checks an article (no NUL byte, not
/// blank), named by its id; or the one-line reason it is skipped.
fn row_document(id: Option<&str>, text: Option<&str>) -> Result<Document, String> {
    let name = id.ok_or_else(|| "<null id>: the article has no id".to_string())?;
    let text = text.ok_or_else(|| format!("{name}: the article has no text (null)"))?;
    load::from_bytes(name.to_string(), text.as_bytes().to_vec())
        .map(Document::new)
        .map_err(|e| e.to_string())
}

/// Hashes the word n-grams of a batch of articles (`id`, `text`: strings) as `scan`'s
/// candidate index does. Returns one row per input row: `id`, `hashes` (the distinct n-gram
/// hashes, sorted as unsigned numbers, as int64 holding the 64-bit hash), `sentences` (the
/// distinct sentence hashes, likewise, that `scan` counts to tell boilerplate) and `error`
/// (null, or why the row is skipped: `scan`'s one-line message).
#[pyfunction]
fn hash_ngrams<'py>(py: Python<'py>, batch: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyTuple>> {
    let batch = import_batch(batch)?;
    let out = py.detach(|| -> PyResult<RecordBatch> {
        let ids = strings(&batch, "id")?;
        let texts = strings(&batch, "text")?;
        let rows = batch.num_rows();
        let mut id_out = StringBuilder::new();
        let list = || {
            ListBuilder::new(Int64Builder::new()).with_field(Arc::new(Field::new(
                "item",
                DataType::Int64,
                false,
            )))
        };
        let (mut hashes, mut sentences) = (list(), list());
        let mut error = StringBuilder::new();
        for row in 0..rows {
            let id = ids.get(row);
            id_out.append_option(id);
            match row_document(id, texts.get(row)) {
                Ok(doc) => {
                    for h in ngram_hashes(&doc, NGRAM) {
                        hashes.values().append_value(h as i64);
                    }
                    for h in distinct_sentences(&sentence_hashes(&doc)) {
                        sentences.values().append_value(h as i64);
                    }
                    hashes.append(true);
                    sentences.append(true);
                    error.append_null();
                }
                Err(why) => {
                    hashes.append(true);
                    sentences.append(true);
                    error.append_value(why);
                }
            }
        }
        let columns: Vec<ArrayRef> = vec![
            Arc::new(id_out.finish()),
            Arc::new(hashes.finish()),
            Arc::new(sentences.finish()),
            Arc::new(error.finish()),
        ];
        let list_type = || DataType::List(Arc::new(Field::new("item", DataType::Int64, false)));
        let schema = Schema::new(vec![
            Field::new("id", DataType::Utf8, true),
            Field::new("hashes", list_type(), false),
            Field::new("sentences", list_type(), false),
            Field::new("error", DataType::Utf8, true),
        ]);
        RecordBatch::try_new(Arc::new(schema), columns)
            .map_err(|e| PyValueError::new_err(format!("cannot build the batch: {e}")))
    })?;
    export_batch(py, out)
}

/// The optional string column `name`, when the batch has it.
fn optional_strings<'a>(batch: &'a RecordBatch, name: &str) -> PyResult<Option<Strings<'a>>> {
    match batch.column_by_name(name) {
        Some(_) => strings(batch, name).map(Some),
        None => Ok(None),
    }
}

/// The scan pair line's fields as columns (`json` is the whole line).
fn pair_schema() -> Schema {
    let int = |name: &str| Field::new(name, DataType::Int64, false);
    Schema::new(vec![
        Field::new("a", DataType::Utf8, false),
        Field::new("b", DataType::Utf8, false),
        Field::new("shared_a", DataType::Float64, false),
        Field::new("shared_b", DataType::Float64, false),
        int("words_a"),
        int("words_b"),
        int("verbatim"),
        int("edited"),
        int("framing"),
        Field::new("source", DataType::Utf8, true),
        int("passages"),
        int("quotes"),
        Field::new("json", DataType::Utf8, false),
    ])
}

/// An archive's boilerplate sentences, built once from their hashes (as `hash_ngrams` gives
/// them) and handed to every `align_pairs` call of a partition: a Spark task builds it once
/// from the broadcast list rather than once per Arrow batch.
#[pyclass(frozen, name = "Boilerplate", module = "sourcediff._native")]
struct BoilerplateSet {
    inner: Arc<Boilerplate>,
}

#[pymethods]
impl BoilerplateSet {
    #[new]
    fn new(hashes: Vec<i64>) -> BoilerplateSet {
        BoilerplateSet {
            inner: Arc::new(Boilerplate::from_hashes(
                hashes.into_iter().map(|h| h as u64),
            )),
        }
    }

    /// The number of boilerplate sentences.
    fn __len__(&self) -> usize {
        self.inner.hashes().len()
    }
}

/// The boilerplate `align_pairs` was given: none, a built set, or a list of hashes.
fn boilerplate_of(given: Option<&Bound<'_, PyAny>>) -> PyResult<Arc<Boilerplate>> {
    let Some(given) = given.filter(|g| !g.is_none()) else {
        return Ok(Arc::new(Boilerplate::none()));
    };
    if let Ok(set) = given.cast::<BoilerplateSet>() {
        return Ok(Arc::clone(&set.get().inner));
    }
    let hashes: Vec<i64> = given.extract().map_err(|_| {
        PyTypeError::new_err(
            "boilerplate is a sourcediff.arrow.Boilerplate or a list of int64 sentence hashes",
        )
    })?;
    Ok(BoilerplateSet::new(hashes).inner)
}

/// Indexed articles of one batch by id, so an article met in several candidate pairs of the
/// batch is indexed once.
#[derive(Default)]
struct Indexed {
    docs: HashMap<String, ScanDoc>,
}

impl Indexed {
    /// Indexes the article `id` with `text` (and `date`) unless it is there; false when the
    /// text is not an article `scan` would keep (blank, a NUL byte).
    fn ensure(&mut self, id: &str, text: &str, date: Option<&str>) -> bool {
        let fresh = self
            .docs
            .get(id)
            .is_some_and(|d| d.document.article.text == text && d.meta.date.as_deref() == date);
        if fresh {
            return true;
        }
        let Ok(article) = load::from_bytes(id.to_string(), text.as_bytes().to_vec()) else {
            self.docs.remove(id);
            return false;
        };
        let meta = Meta {
            date: date.map(str::to_string),
            ..Meta::default()
        };
        self.docs
            .insert(id.to_string(), ScanDoc::new(id, article, meta));
        true
    }
}

/// Aligns a batch of candidate pairs (`id_a`, `text_a`, `id_b`, `text_b`, and optionally
/// `date_a`, `date_b`: strings) exactly as `scan` aligns a candidate, and returns one row per
/// pair that shares a sentence or a quotation: the `scan --format jsonl` pair line's fields
/// (`a`, `b`, `shared_a`, `shared_b`, `words_a`, `words_b`, `verbatim`, `edited`, `framing`,
/// `source`; `passages` and `quotes` as counts) and `json`, the pair line itself. A row with a
/// null id or text, or a text `scan` would skip, gives no pair. `boilerplate` holds the
/// archive's boilerplate sentences: a `Boilerplate` built once, or their hashes (as
/// `hash_ngrams` gives them, counted over the archive); a pair that shares only those gives no
/// row, as in `scan`.
#[pyfunction]
#[pyo3(signature = (batch, edited_threshold, framing_threshold, fuzzy_threshold, boilerplate = None))]
fn align_pairs<'py>(
    py: Python<'py>,
    batch: &Bound<'py, PyAny>,
    edited_threshold: f64,
    framing_threshold: f64,
    fuzzy_threshold: f64,
    boilerplate: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyTuple>> {
    let boilerplate = boilerplate_of(boilerplate)?;
    let options = Options::default()
        .with_edited_threshold(crate::unit("edited_threshold", edited_threshold)?)
        .with_framing_threshold(crate::unit("framing_threshold", framing_threshold)?)
        .with_fuzzy_word_threshold(crate::unit("fuzzy_threshold", fuzzy_threshold)?);
    let batch = import_batch(batch)?;
    let out = py.detach(|| -> PyResult<RecordBatch> {
        let (id_a, text_a) = (strings(&batch, "id_a")?, strings(&batch, "text_a")?);
        let (id_b, text_b) = (strings(&batch, "id_b")?, strings(&batch, "text_b")?);
        let date_a = optional_strings(&batch, "date_a")?;
        let date_b = optional_strings(&batch, "date_b")?;
        let (mut a, mut b, mut source, mut json) = (
            StringBuilder::new(),
            StringBuilder::new(),
            StringBuilder::new(),
            StringBuilder::new(),
        );
        let (mut shared_a, mut shared_b) = (Float64Builder::new(), Float64Builder::new());
        // words_a, words_b, verbatim, edited, framing, passages, quotes.
        let mut ints: [Int64Builder; 7] = std::array::from_fn(|_| Int64Builder::new());
        let mut indexed = Indexed::default();
        for row in 0..batch.num_rows() {
            let (Some(ia), Some(ta), Some(ib), Some(tb)) = (
                id_a.get(row),
                text_a.get(row),
                id_b.get(row),
                text_b.get(row),
            ) else {
                continue;
            };
            if ia == ib
                || !indexed.ensure(ia, ta, date_a.as_ref().and_then(|c| c.get(row)))
                || !indexed.ensure(ib, tb, date_b.as_ref().and_then(|c| c.get(row)))
            {
                continue;
            }
            let (Some(x), Some(y)) = (indexed.docs.get(ia), indexed.docs.get(ib)) else {
                continue;
            };
            let Some(record) = pair_record_in(x, y, &options, boilerplate.as_ref()) else {
                continue;
            };
            let line = serde_json::to_string(&record)
                .map_err(|e| PyValueError::new_err(format!("cannot write a pair line: {e}")))?;
            a.append_value(&record.a);
            b.append_value(&record.b);
            shared_a.append_value(record.shared_a);
            shared_b.append_value(record.shared_b);
            let counts = [
                record.words_a,
                record.words_b,
                record.verbatim,
                record.edited,
                record.framing,
                record.passages.len(),
                record.quotes.len(),
            ];
            for (builder, n) in ints.iter_mut().zip(counts) {
                builder.append_value(n as i64);
            }
            source.append_option(record.source.as_deref());
            json.append_value(line);
        }
        let [
            words_a,
            words_b,
            verbatim,
            edited,
            framing,
            passages,
            quotes,
        ] = ints.map(|mut b| Arc::new(b.finish()) as ArrayRef);
        let columns: Vec<ArrayRef> = vec![
            Arc::new(a.finish()),
            Arc::new(b.finish()),
            Arc::new(shared_a.finish()),
            Arc::new(shared_b.finish()),
            words_a,
            words_b,
            verbatim,
            edited,
            framing,
            Arc::new(source.finish()),
            passages,
            quotes,
            Arc::new(json.finish()),
        ];
        RecordBatch::try_new(Arc::new(pair_schema()), columns)
            .map_err(|e| PyValueError::new_err(format!("cannot build the batch: {e}")))
    })?;
    export_batch(py, out)
}
