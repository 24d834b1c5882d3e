//! Fuzzes the segmenter and the tokenizer: any UTF-8 text. Nothing may panic; sentences are
//! in order, do not overlap, lie inside the text on character boundaries, are never empty or
//! bordered by white space; tokens lie inside their sentence.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../bodies/segment.rs"]
mod body;

fuzz_target!(|data: &[u8]| body::check(data));
