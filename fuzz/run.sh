#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer's coverage instrumentation on the stable toolchain (no
# nightly, no cargo-fuzz: the same flags `cargo fuzz --sanitizer none` passes) and runs one.
#   fuzz/run.sh TARGET [SECONDS]      e.g. fuzz/run.sh compare 60
# Seeds: the bundled example articles. Crashes are written to fuzz/artifacts/TARGET/.
set -euo pipefail
cd "$(dirname "$0")"
target="${1:?usage: fuzz/run.sh load|segment|quotes|compare|scan_input [SECONDS]}"
seconds="${2:-60}"
triple="$(rustc -vV | sed -n 's/^host: //p')"
export RUSTFLAGS="--cfg fuzzing -Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares -Cdebug-assertions -Coverflow-checks"
cargo build --release --target "$triple" --bin "$target"
mkdir -p "corpus/$target" "artifacts/$target"
cp -n ../examples/articles/*.txt "corpus/$target/" 2>/dev/null || true
# The checked-in seeds and past crashes (also replayed by tests/fuzz_replay.rs).
for dir in seeds regressions; do
  if [ -d "$dir/$target" ]; then cp -n "$dir/$target"/* "corpus/$target/" 2>/dev/null || true; fi
done
if [ "$target" = load ]; then cp -n ../tests/fixtures/pages/*.html corpus/load/ 2>/dev/null || true; fi
"target/$triple/release/$target" "corpus/$target" -artifact_prefix="artifacts/$target/" \
  -max_total_time="$seconds" -max_len=16384
