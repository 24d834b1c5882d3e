"""The reference Spark job on local[2] finds what `sourcediff scan` finds on the same articles:
the same pair lines byte for byte (so the same pairs and shared fractions), the same families,
the same summary."""

import json
import os
import subprocess
import sys

import pytest

from conftest import run_cli

pytest.importorskip("pyspark", reason="pyspark is not installed")
pyarrow_parquet = pytest.importorskip("pyarrow.parquet")


def lines_of(folder):
    """The lines of every part file of a Spark output folder, in part order."""
    out = []
    for name in sorted(os.listdir(folder)):
        if name.startswith("part-"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                out.extend(f.read().splitlines())
    return out


@pytest.fixture(scope="module")
def archive(bbc_dir, tmp_path_factory):
    """JSON Lines of 300 BBC business articles (ids as paths), a third of them dated, plus a
    blank article and a repeated id, which both scan and the job skip. Every twentieth article
    ends with a follow-us line, which makes pairs of articles that share nothing else: both
    leave them out as boilerplate."""
    path = tmp_path_factory.mktemp("archive") / "articles.jsonl"
    records = []
    for n, article in enumerate(sorted((bbc_dir / "business").glob("*.txt"))[:300]):
        try:
            text = article.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            continue
        if n % 20 == 7:
            text += "\n\nFollow the business desk on Twitter for the day's market figures.\n"
        record = {"id": f"business/{article.name}", "text": text}
        if n % 3 == 0:
            # Dates run backwards so that the earlier article is not always the smaller id.
            record["date"] = f"2005-{12 - n // 30:02d}-{28 - n % 28:02d}"
        records.append(record)
    records.append({"id": "blank", "text": "  \n"})
    records.append({"id": records[0]["id"], "text": "A repeated id: the first is kept."})
    with open(path, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record) + "\n")
    return path


@pytest.fixture(scope="module")
def scanned(archive, sourcediff_bin):
    out, err = run_cli(sourcediff_bin, "scan", archive, "--format", "jsonl")
    assert "line skipped" in err or "skipped" in err
    # The follow-us line alone links 15 articles (105 pairs), which scan leaves out.
    every, _ = run_cli(sourcediff_bin, "scan", archive, "--format", "jsonl", "--boilerplate-df", "0")
    kept = sum('"type":"pair"' in line for line in out.splitlines())
    assert sum('"type":"pair"' in line for line in every.splitlines()) >= kept + 100
    return out.splitlines()


@pytest.fixture(scope="module")
def spark_output(archive, tmp_path_factory):
    output = tmp_path_factory.mktemp("spark") / "out"
    env = dict(os.environ, SPARK_LOCAL_IP="127.0.0.1", PYSPARK_PYTHON=sys.executable)
    done = subprocess.run(
        [sys.executable, "-m", "sourcediff.spark", "scan", str(archive), str(output),
         "--master", "local[2]", "--parquet", "--shuffle-partitions", "4"],
        capture_output=True, text=True, env=env, timeout=900,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    return output, done.stderr


def test_pairs_equal_scans(scanned, spark_output):
    output, _ = spark_output
    scan_pairs = [line for line in scanned if json.loads(line)["type"] == "pair"]
    spark_pairs = lines_of(output / "pairs")
    # 96 pairs on these 300 articles since loose pairs need support (was 100 or more).
    assert len(scan_pairs) > 50
    assert sorted(spark_pairs) == sorted(scan_pairs)
    # Ordered by a, then b.
    keys = [(json.loads(p)["a"], json.loads(p)["b"]) for p in spark_pairs]
    assert keys == sorted(keys)
    # Dated articles name the earlier one as the source, and some pairs have one.
    assert any(json.loads(p)["source"] for p in spark_pairs)


def test_families_and_summary_equal_scans(scanned, spark_output):
    output, log = spark_output
    scan_families = [line for line in scanned if json.loads(line)["type"] == "family"]
    assert len(scan_families) > 5
    assert lines_of(output / "families") == scan_families
    with open(output / "summary.jsonl", encoding="utf-8") as f:
        assert f.read().splitlines() == [scanned[-1]]
    # The blank article and the repeated id were reported on stderr.
    assert "blank: the article is empty" in log
    assert "repeated id" in log


def test_parquet_holds_the_same_pairs(scanned, spark_output):
    output, _ = spark_output
    table = pyarrow_parquet.read_table(output / "parquet" / "pairs")
    by_key = {
        (p["a"], p["b"]): p for p in map(json.loads, scanned) if p["type"] == "pair"
    }
    rows = table.to_pylist()
    assert len(rows) == len(by_key)
    for row in rows:
        assert row == by_key[(row["a"], row["b"])]
    families = pyarrow_parquet.read_table(output / "parquet" / "families").to_pylist()
    assert len(families) == sum(1 for line in scanned if '"type":"family"' in line)


def test_refuses_to_write_over_an_existing_folder(archive, tmp_path):
    (tmp_path / "keep.txt").write_text("not the job's")
    done = subprocess.run(
        [sys.executable, "-m", "sourcediff.spark", "scan", str(archive), str(tmp_path),
         "--master", "local[1]"],
        capture_output=True, text=True, timeout=600,
        env=dict(os.environ, SPARK_LOCAL_IP="127.0.0.1"),
    )
    assert done.returncode == 2
    assert done.stderr.strip().endswith(f"{tmp_path}: already exists; the job writes a new folder")
    assert (tmp_path / "keep.txt").read_text() == "not the job's"
