//! Arrow batch functions for distributed runs: a record batch comes in through the Arrow
//! PyCapsule interface (`__arrow_c_array__`, which pyarrow, polars and Spark's Arrow batches
//! implement), every row is processed in Rust with the GIL released, and a record batch goes
//! back as a pair of capsules that `sourcediff/arrow.py` hands to `pyarrow.record_batch`. No
//! Python code runs per row.

use std::sync::Arc;

use arrow_array::builder::{Int64Builder, ListBuilder, StringBuilder};
use arrow_array::cast::AsArray;
use arrow_array::ffi::{FFI_ArrowArray, FFI_ArrowSchema, from_ffi, to_ffi};
use arrow_array::{Array, ArrayRef, RecordBatch, StructArray};
use arrow_schema::{DataType, Field, Schema};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyCapsuleMethods, PyTuple};

use sourcediff::index::{self, MAX_DF, MIN_SHARED_NGRAMS, NGRAM};
use sourcediff::{Document, load};

/// Registers the batch functions and the candidate index's constants on the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("NGRAM", NGRAM)?;
    m.add("MAX_DF", MAX_DF)?;
    m.add("MIN_SHARED_NGRAMS", MIN_SHARED_NGRAMS)?;
    m.add_function(wrap_pyfunction!(hash_ngrams, m)?)?;
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
/// hashes, sorted as unsigned numbers, as int64 holding the 64-bit hash) and `error` (null, or why the row is skipped: `scan`'s one-line message).
#[pyfunction]
fn hash_ngrams<'py>(py: Python<'py>, batch: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyTuple>> {
    let batch = import_batch(batch)?;
    let out =
        py.detach(|| -> PyResult<RecordBatch> {
            let ids = strings(&batch, "id")?;
            let texts = strings(&batch, "text")?;
            let rows = batch.num_rows();
            let mut id_out = StringBuilder::new();
            let mut hashes = ListBuilder::new(Int64Builder::new())
                .with_field(Arc::new(Field::new("item", DataType::Int64, false)));
            let mut error = StringBuilder::new();
            for row in 0..rows {
                let id = ids.get(row);
                id_out.append_option(id);
                match row_document(id, texts.get(row)) {
                    Ok(doc) => {
                        for h in index::ngram_hashes(&doc, NGRAM) {
                            hashes.values().append_value(h as i64);
                        }
                        hashes.append(true);
                        error.append_null();
                    }
                    Err(why) => {
                        hashes.append(true);
                        error.append_value(why);
                    }
                }
            }
            let columns: Vec<ArrayRef> = vec![
                Arc::new(id_out.finish()),
                Arc::new(hashes.finish()),
                Arc::new(error.finish()),
            ];
            let schema = Schema::new(vec![
                Field::new("id", DataType::Utf8, true),
                Field::new(
                    "hashes",
                    DataType::List(Arc::new(Field::new("item", DataType::Int64, false))),
                    false,
                ),
                Field::new("error", DataType::Utf8, true),
            ]);
            RecordBatch::try_new(Arc::new(schema), columns)
                .map_err(|e| PyValueError::new_err(format!("cannot build the batch: {e}")))
        })?;
    export_batch(py, out)
}
