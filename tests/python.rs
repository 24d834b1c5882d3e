//! Runs the Python package's tests (python/tests: the bindings, the Arrow batch functions and
//! the Spark job) from the virtual environment `.ci/run` prepares, so that `cargo test` covers
//! them. The package is rebuilt into that environment first (`maturin develop --release`), so
//! the tests never run an old build. Without the environment the test says why and skips.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The virtual environment: `$SOURCEDIFF_PYTHON_VENV`, else `target/python-venv`.
fn venv() -> PathBuf {
    match std::env::var_os("SOURCEDIFF_PYTHON_VENV") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("target/python-venv"),
    }
}

fn run(what: &str, command: &mut Command) {
    let out = command
        .output()
        .unwrap_or_else(|e| panic!("{what}: cannot start: {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    // Shown with `cargo test -- --nocapture`, and by the harness when the test fails.
    println!("== {what}\n{stdout}{stderr}");
    assert!(out.status.success(), "{what} failed ({})", out.status);
}

#[test]
fn python_package_tests() {
    let venv = venv();
    let bin = venv.join("bin");
    if !bin.join("pytest").is_file() || !bin.join("maturin").is_file() {
        eprintln!(
            "skipped: no Python environment with pytest and maturin at {} \
             (bash .ci/run prepares it; see README.md, section Python)",
            venv.display()
        );
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    run(
        "maturin develop --release",
        Command::new(bin.join("maturin"))
            .args([
                "develop",
                "--release",
                "--manifest-path",
                "python/Cargo.toml",
            ])
            .current_dir(root)
            .env("VIRTUAL_ENV", &venv)
            .env("PATH", &path),
    );
    // -p no:cacheprovider: nothing written into the source tree. pytest exits 5 when it
    // collects no test, which fails here like any other failure.
    run(
        "pytest python/tests",
        Command::new(bin.join("pytest"))
            .args(["-q", "-p", "no:cacheprovider", "python/tests"])
            .current_dir(root)
            .env("VIRTUAL_ENV", &venv)
            .env("PATH", &path)
            .env("SOURCEDIFF_BIN", env!("CARGO_BIN_EXE_sourcediff"))
            .env("SPARK_LOCAL_IP", "127.0.0.1"),
    );
}
