//! Fuzzes quotation extraction and the `quotes` report: any UTF-8 text. Nothing may panic;
//! each quotation's words lie inside its marks, inside the text, on character boundaries; the
//! text and JSON reports are UTF-8 and free of raw control characters (text report).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../bodies/quotes.rs"]
mod body;

fuzz_target!(|data: &[u8]| body::check(data));
