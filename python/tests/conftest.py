"""Shared fixtures: where the repository, its example articles, the command-line binary and the
shared corpus are. Tests that need one that is absent skip and say why."""

import os
import pathlib
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples" / "articles"
SEEDS = [EXAMPLES / "000_7ca41ccce306fdb5.txt", EXAMPLES / "002_19fd502a37c78a8d.txt"]


@pytest.fixture(scope="session")
def sourcediff_bin():
    """The command-line binary the Python results are checked against: $SOURCEDIFF_BIN (set by
    tests/python.rs to the binary cargo just built), else target/{release,debug}/sourcediff."""
    given = os.environ.get("SOURCEDIFF_BIN")
    candidates = [pathlib.Path(given)] if given else [
        REPO / "target" / "release" / "sourcediff",
        REPO / "target" / "debug" / "sourcediff",
    ]
    for path in candidates:
        if path.is_file():
            return path
    pytest.skip(f"no sourcediff binary ({', '.join(map(str, candidates))}); run cargo build")


@pytest.fixture(scope="session")
def bbc_dir():
    """../shared/corpus/bbc beside the repository, or a skip that says it is absent."""
    path = REPO.parent / "shared" / "corpus" / "bbc"
    if not path.is_dir():
        pytest.skip(f"{path} is absent (the shared corpus lives beside the project)")
    return path


def run_cli(binary, *args, expect=0):
    """Runs the binary; returns (stdout, stderr) as text after checking the exit code."""
    done = subprocess.run([str(binary), *map(str, args)], capture_output=True, text=True)
    assert done.returncode == expect, done.stderr
    return done.stdout, done.stderr
