//! Fuzzes the whole comparison and every report: the input split in two articles at its first
//! NUL byte (or in the middle). Nothing may panic; every report is UTF-8; the terminal and
//! Markdown reports carry no raw control character; swapping the articles finds as many pairs.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../bodies/compare.rs"]
mod body;

fuzz_target!(|data: &[u8]| body::check(data));
