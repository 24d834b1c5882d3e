//! The fuzz targets' bodies (`fuzz/bodies/`, shared with `fuzz/fuzz_targets/`) run on stable
//! `cargo test` over their inputs: the bundled articles and pages, the checked-in seeds
//! (`fuzz/seeds/TARGET/`), every input that once broke a target (`fuzz/regressions/TARGET/`,
//! kept so a fixed crash stays fixed) and any crash a local fuzz run saved
//! (`fuzz/artifacts/TARGET/`, not checked in). A real fuzz run needs an instrumented build
//! (`fuzz/run.sh`); this replay is what CI runs (README, Fuzzing).

#[path = "../fuzz/bodies/compare.rs"]
mod compare;
#[path = "../fuzz/bodies/load.rs"]
mod load;
#[path = "../fuzz/bodies/quotes.rs"]
mod quotes;
#[path = "../fuzz/bodies/scan_input.rs"]
mod scan_input;
#[path = "../fuzz/bodies/segment.rs"]
mod segment;

use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The files of `dir` (none when it is absent), sorted.
fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    out.sort();
    out
}

/// Every input of `target`: the bundled articles, its seeds, regressions and local crashes.
fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let mut paths = files(&root().join("examples/articles"));
    for dir in ["seeds", "regressions", "artifacts"] {
        paths.extend(files(&root().join("fuzz").join(dir).join(target)));
    }
    paths
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p.display().to_string(), bytes)
        })
        .collect()
}

/// Runs `check` on every input of `target`, naming the input that broke it.
fn replay(target: &str, check: fn(&[u8]), at_least: usize) {
    let inputs = inputs(target);
    assert!(
        inputs.len() >= at_least,
        "{target}: {} inputs, expected {at_least} or more",
        inputs.len()
    );
    for (name, bytes) in &inputs {
        let result = std::panic::catch_unwind(|| check(bytes));
        assert!(result.is_ok(), "fuzz target {target} broke on {name}");
    }
}

#[test]
fn segment_target_on_its_inputs() {
    replay("segment", segment::check, 20);
}

#[test]
fn quotes_target_on_its_inputs() {
    replay("quotes", quotes::check, 20);
}

#[test]
fn compare_target_on_its_inputs() {
    replay("compare", compare::check, 20);
}

#[test]
fn scan_input_target_on_its_inputs() {
    replay("scan_input", scan_input::check, 2);
}

#[test]
fn load_target_on_its_inputs() {
    // The first byte picks the format (detected, HTML, Markdown, text) and whether an ignore
    // pattern applies: every choice on every page and article.
    let mut pages = files(&root().join("tests/fixtures/pages"));
    pages.extend(files(&root().join("examples/articles")));
    assert!(pages.len() >= 5);
    for page in &pages {
        let bytes = std::fs::read(page).expect("read");
        for choice in 0u8..8 {
            let mut data = vec![choice];
            data.extend_from_slice(&bytes);
            let result = std::panic::catch_unwind(|| load::check(&data));
            assert!(
                result.is_ok(),
                "fuzz target load broke on {} (choice {choice})",
                page.display()
            );
        }
    }
    replay("load", load::check, 0);
}
