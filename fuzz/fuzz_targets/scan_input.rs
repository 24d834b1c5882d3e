//! Fuzzes the scan's JSON Lines reader: any bytes as one line. Nothing may panic; a line is
//! either an article with a non-empty id and the exact text of its "text" field, or refused
//! with a reason.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../bodies/scan_input.rs"]
mod body;

fuzz_target!(|data: &[u8]| body::check(data));
