//! Fuzzes the input loader: any bytes, read as detected, as HTML, as Markdown and as text,
//! with a boilerplate pattern. Nothing may panic, and every article that loads keeps the
//! contracts the reports rely on: its source map runs lie in order inside both texts on
//! character boundaries, and every sentence is a slice of the analysed text.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../bodies/load.rs"]
mod body;

fuzz_target!(|data: &[u8]| body::check(data));
