"""The Arrow batch functions: scan's n-gram hashes and scan's pair lines, from RecordBatches."""

import collections
import json

import pyarrow as pa
import pytest

import sourcediff
from sourcediff import arrow as sa

from conftest import run_cli


def bbc_articles(bbc_dir, category, count):
    """(id, text) of the first `count` UTF-8 articles of a BBC category, ids as scan names
    them when it scans the category's folder."""
    out = []
    for path in sorted((bbc_dir / category).glob("*.txt")):
        try:
            out.append((path.name, path.read_bytes().decode("utf-8")))
        except UnicodeDecodeError:
            continue
        if len(out) == count:
            break
    return out


def test_settings_are_scans():
    assert (sa.NGRAM, sa.MAX_DF, sa.MIN_SHARED_NGRAMS, sa.BOILERPLATE_DF) == (5, 100, 2, 4)


def test_hashes_link_articles_that_share_five_words():
    batch = pa.record_batch(
        {
            "id": ["a", "b", "c"],
            "text": [
                "The minister said the talks would resume on Monday in Geneva.",
                "Officials said the talks would resume on Monday after a pause.",
                "Nothing here is like the others at all, not one run of words.",
            ],
            "ignored": [1, 2, 3],
        }
    )
    out = sa.hash_ngrams(batch)
    assert out.schema.names == ["id", "hashes", "sentences", "error"]
    assert out.column("id").to_pylist() == ["a", "b", "c"]
    hashes = [set(h) for h in out.column("hashes").to_pylist()]
    # "said the talks would resume on Monday": seven words, three 5-word runs.
    assert len(hashes[0] & hashes[1]) == 3
    assert not hashes[2] & (hashes[0] | hashes[1])
    # Distinct and sorted as unsigned 64-bit numbers.
    for h in out.column("hashes").to_pylist():
        unsigned = [x % 2**64 for x in h]
        assert unsigned == sorted(set(unsigned))
    assert out.column("error").to_pylist() == [None, None, None]
    # One sentence each, all different.
    sentences = out.column("sentences").to_pylist()
    assert [len(s) for s in sentences] == [1, 1, 1] and len({s[0] for s in sentences}) == 3


def test_sentence_hashes_ignore_case_and_punctuation():
    batch = pa.record_batch(
        {
            "id": ["a", "b"],
            "text": [
                "Follow Pam Key on Twitter @pamkeyNEN. The vote was close.",
                "The count went on.\n\nfollow pam key on twitter @pamkeyNEN",
            ],
        }
    )
    a, b = (set(s) for s in sa.hash_ngrams(batch).column("sentences").to_pylist())
    assert len(a) == 2 and len(b) == 2 and len(a & b) == 1


def test_articles_scan_skips_are_reported_not_hashed():
    batch = pa.record_batch(
        {
            "id": pa.array(["blank", "nul", "none", None], pa.large_string()),
            "text": pa.array([" \n\t", "a\x00b", None, "Text."], pa.string_view()),
        }
    )
    out = sa.hash_ngrams(batch).to_pylist()
    assert [r["hashes"] for r in out] == [[], [], [], []]
    assert [r["sentences"] for r in out] == [[], [], [], []]
    assert [r["error"] for r in out] == [
        "blank: the article is empty (no text to analyse)",
        "nul: binary content (NUL byte at byte 1); expected UTF-8 text",
        "none: the article has no text (null)",
        "<null id>: the article has no id",
    ]


def test_bad_batches_raise():
    with pytest.raises(TypeError, match="record batch"):
        sa.hash_ngrams([{"id": "a", "text": "b"}])
    with pytest.raises(ValueError, match="no column `text`"):
        sa.hash_ngrams(pa.record_batch({"id": ["a"]}))
    with pytest.raises(TypeError, match="column `id` holds Int64, not strings"):
        sa.hash_ngrams(pa.record_batch({"id": [1], "text": ["t"]}))
    with pytest.raises(ValueError, match="outside 0..1"):
        sa.align_pairs(pa.record_batch({"id_a": ["a"]}), edited_threshold=2)


def test_candidates_from_the_hashes_are_scans(bbc_dir, sourcediff_bin, tmp_path):
    """Scan's candidate rule applied to hash_ngrams' output gives as many candidates as scan
    aligns (its summary line), and align_pairs on them, given the boilerplate counted from the
    sentence hashes, gives scan's pair lines byte for byte."""
    articles = bbc_articles(bbc_dir, "tech", 150)
    folder = tmp_path / "tech"
    folder.mkdir()
    for name, text in articles:
        (folder / name).write_text(text, encoding="utf-8")
    out, _ = run_cli(sourcediff_bin, "scan", folder, "--format", "jsonl")
    lines = out.splitlines()
    scan_pairs = sorted(line for line in lines if json.loads(line)["type"] == "pair")
    (summary,) = [json.loads(line) for line in lines if json.loads(line)["type"] == "summary"]

    ids, texts = zip(*articles)
    hashed = sa.hash_ngrams(pa.record_batch({"id": list(ids), "text": list(texts)}))
    postings = collections.defaultdict(list)
    for doc, hashes in zip(ids, hashed.column("hashes").to_pylist()):
        for h in hashes:
            postings[h].append(doc)
    shared = collections.Counter()
    for docs in postings.values():
        if 2 <= len(docs) <= sa.MAX_DF:
            for i, x in enumerate(docs):
                for y in docs[i + 1 :]:
                    shared[min(x, y), max(x, y)] += 1
    candidates = sorted(p for p, n in shared.items() if n >= sa.MIN_SHARED_NGRAMS)
    assert len(candidates) == summary["candidates"] > 0
    frequency = collections.Counter(
        h for hashes in hashed.column("sentences").to_pylist() for h in hashes
    )
    boilerplate = sorted(h for h, n in frequency.items() if n >= sa.BOILERPLATE_DF)

    text_of = dict(articles)
    batch = pa.record_batch(
        {
            # Sides given in both orders: a is always the smaller id.
            "id_b": [a for a, _ in candidates],
            "text_b": [text_of[a] for a, _ in candidates],
            "id_a": [b for _, b in candidates],
            "text_a": [text_of[b] for _, b in candidates],
        }
    )
    pairs = sa.align_pairs(batch, boilerplate=boilerplate)
    # A set built once gives the same rows as the list.
    built = sa.Boilerplate(boilerplate)
    assert len(built) == len(boilerplate)
    assert sa.align_pairs(batch, boilerplate=built).to_pylist() == pairs.to_pylist()
    # Without the boilerplate, the pairs that share only it come back (Clark Boyd's byline).
    assert sa.align_pairs(batch).num_rows > pairs.num_rows
    assert pairs.schema.names == [name for name, _ in sa.PAIR_COLUMNS]
    assert [str(t) for t in pairs.schema.types] == [t for _, t in sa.PAIR_COLUMNS]
    assert sorted(pairs.column("json").to_pylist()) == scan_pairs
    for row in pairs.to_pylist():
        line = json.loads(row["json"])
        assert row["a"] < row["b"]
        assert (row["a"], row["b"], row["shared_a"], row["shared_b"]) == (
            line["a"], line["b"], line["shared_a"], line["shared_b"]
        )
        assert row["passages"] == len(line["passages"]) and row["quotes"] == len(line["quotes"])


def test_align_pairs_matches_compare_and_names_the_earlier_source():
    wire = "The minister said the talks would resume on Monday in Geneva. “We are ready,” she said."
    paper = "“We are ready,” she said. The minister said the talks would resume on Monday in Geneva."
    batch = pa.record_batch(
        {
            "id_a": ["paper", "x", "y"],
            "text_a": [paper, "  ", None],
            "date_a": ["2005-03-02", None, None],
            "id_b": ["wire", "wire", "wire"],
            "text_b": [wire, wire, wire],
            "date_b": ["2005-03-01", None, None],
        }
    )
    (row,) = sa.align_pairs(batch).to_pylist()
    line = json.loads(row["json"])
    assert (line["a"], line["b"], line["source"]) == ("paper", "wire", "wire")
    report = sourcediff.compare([paper, wire], names=["paper", "wire"])
    kinds = [a["kind"] for a in report["alignments"]]
    assert line["verbatim"] == kinds.count("verbatim") == 1
    assert [c["shared"] for c in report["coverage"]] == [line["shared_a"], line["shared_b"]]
    assert line["quotes"][0]["status"] == "exact"
