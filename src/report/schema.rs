//! JSON Schemas (draft 2020-12) of every JSON output, generated from the types that write them
//! (`schemars`), so the schema and the writer cannot drift apart. The checked-in copies live in
//! `docs/schema/`; `tests/schema.rs` fails when they differ from these and validates real
//! outputs against them.
//!
//! The schemas are strict on purpose: every object is closed (`additionalProperties: false`)
//! and lists every field as required, since the writers always write every field (`null` when
//! absent). That lets a test prove every field the program writes is described. Consumers
//! should still accept unknown fields and enum values (`docs/json.md`, "Versions and growth").

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema};
use serde_json::Value;

use super::{json, quotes, segments};
use crate::scan::report::SummaryLine;
use crate::scan::{Family, PairRecord, QuoteHit};

/// One line of `scan --format jsonl`: a pair, a family or the summary (told by `type`).
#[derive(JsonSchema)]
#[schemars(untagged)]
#[allow(dead_code)]
enum ScanLine {
    /// A pair of articles that share text.
    Pair(PairRecord),
    /// A reprint family.
    Family(Family),
    /// The last line.
    Summary(SummaryLine),
}

/// Every output's schema: `(name, schema)`, the name being the file stem under
/// `docs/schema/` (`compare`, `segment`, `quotes`, `scan-line`, `find-quote-line`).
pub fn schemas() -> Vec<(&'static str, Value)> {
    let mut scan = root::<ScanLine>(
        "sourcediff scan --format jsonl: one line",
        "Each line of the output is one JSON object: a pair, a family, or the summary.",
    );
    // The `type` field tells the lines apart.
    for (def, kind) in [
        ("PairRecord", "pair"),
        ("Family", "family"),
        ("SummaryLine", "summary"),
    ] {
        if let Some(ty) = scan
            .pointer_mut(&format!("/$defs/{def}/properties/type"))
            .and_then(Value::as_object_mut)
        {
            ty.insert("const".to_string(), Value::from(kind));
        }
    }
    vec![
        (
            "compare",
            root::<json::Report<'static>>(
                "sourcediff compare --format json",
                "The analysis of two or more articles (docs/json.md).",
            ),
        ),
        (
            "segment",
            root::<segments::Report<'static>>(
                "sourcediff segment --format json",
                "One article's sentences (docs/json.md).",
            ),
        ),
        (
            "quotes",
            root::<quotes::Report<'static>>(
                "sourcediff quotes --format json",
                "One article's quotations (docs/json.md).",
            ),
        ),
        ("scan-line", scan),
        (
            "find-quote-line",
            root::<QuoteHit>(
                "sourcediff find-quote --format jsonl: one line",
                "One occurrence of the quotation asked for (docs/json.md).",
            ),
        ),
    ]
}

/// The schema of what `T` serializes to, closed and titled.
fn root<T: JsonSchema>(title: &str, description: &str) -> Value {
    let schema: Schema = SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<T>();
    let mut value = schema.to_value();
    close(&mut value);
    if let Some(top) = value.as_object_mut() {
        top.insert("title".to_string(), Value::from(title));
        top.insert("description".to_string(), Value::from(description));
    }
    value
}

/// Every object schema (one with `properties`) closed: no other field allowed, every listed
/// field required.
fn close(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Object(properties)) = map.get_mut("properties") {
                // Every output carries the one version of the shapes.
                if let Some(Value::Object(version)) = properties.get_mut("version") {
                    version.insert("const".to_string(), Value::from(json::SCHEMA_VERSION));
                }
                let names: Vec<Value> = properties.keys().cloned().map(Value::from).collect();
                map.insert("required".to_string(), Value::Array(names));
                map.entry("additionalProperties")
                    .or_insert(Value::Bool(false));
            }
            for v in map.values_mut() {
                close(v);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(close),
        _ => {}
    }
}

/// The schema as it is checked in: pretty-printed with a final newline.
pub fn to_text(schema: &Value) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}
