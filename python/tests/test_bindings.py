"""The bindings return what the command line prints with --format json, and raise its errors."""

import json

import pytest

import sourcediff
from conftest import SEEDS, run_cli


def test_compare_paths_equals_the_cli_report(sourcediff_bin):
    out, _ = run_cli(sourcediff_bin, "compare", *SEEDS, "--format", "json")
    assert sourcediff.compare(SEEDS) == json.loads(out)


def test_compare_texts_finds_what_the_files_give():
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    from_text = sourcediff.compare(texts)
    from_paths = sourcediff.compare(SEEDS)
    assert [d["name"] for d in from_text["documents"]] == ["<text 1>", "<text 2>"]
    assert [d["path"] for d in from_text["documents"]] == [None, None]
    assert [d["path"] for d in from_paths["documents"]] == [str(p) for p in SEEDS]
    for key in ("alignments", "passages", "unique", "coverage", "quotes"):
        assert from_text[key] == from_paths[key], key
    # The two seeds tell one story: some text is shared, and every span is the text it names.
    assert any(c["shared"] > 0 for c in from_text["coverage"])
    for a in from_text["alignments"]:
        for step in a["diff"]:
            for side, doc in (("left", a["left"]["doc"]), ("right", a["right"]["doc"])):
                span = step[side]
                if span is not None:
                    raw = texts[doc].encode("utf-8")[span["start"] : span["end"]]
                    assert raw.decode("utf-8") == span["text"]


def test_compare_names_and_bytes():
    a = "Talks ended on Monday. “We know Daesh’s movements,” the general said."
    b = "“We know Daesh's movements,” the general said. Officials met again on Friday."
    report = sourcediff.compare([a.encode(), b], names=["wire", "paper"])
    assert [d["name"] for d in report["documents"]] == ["wire", "paper"]
    kinds = [x["kind"] for x in report["alignments"]]
    assert kinds == ["verbatim"]
    assert report["quotes"][0]["status"] == "exact"


def test_options_change_the_analysis_as_the_cli_flags_do(sourcediff_bin):
    out, _ = run_cli(
        sourcediff_bin, "compare", *SEEDS, "--format", "json",
        "--edited-threshold", "0.95", "--framing-threshold", "0.8",
    )
    strict = sourcediff.compare(SEEDS, edited_threshold=0.95, framing_threshold=0.8)
    assert strict == json.loads(out)
    assert strict != sourcediff.compare(SEEDS)


def test_segment_and_quotes_equal_the_cli(sourcediff_bin):
    seed = SEEDS[0]
    out, _ = run_cli(sourcediff_bin, "segment", seed, "--format", "json")
    assert sourcediff.segment(seed) == json.loads(out)
    assert sourcediff.segment(seed.read_text(encoding="utf-8")) == json.loads(out)
    out, _ = run_cli(sourcediff_bin, "quotes", seed, "--format", "json")
    assert sourcediff.quotes(seed) == json.loads(out)
    assert len(json.loads(out)["quotes"]) > 0


def test_offsets_are_utf8_bytes():
    text = "Café “owner” said: “We close.” Then he left."
    sentences = sourcediff.segment(text)["sentences"]
    raw = text.encode("utf-8")
    assert [raw[s["start"] : s["end"]].decode() for s in sentences] == [s["text"] for s in sentences]
    (q,) = [q for q in sourcediff.quotes(text)["quotes"] if not q["term"]]
    assert raw[q["start"] : q["end"]].decode() == "We close."


def cli_error(binary, *args):
    _, err = run_cli(binary, *args, expect=2)
    assert err.startswith("sourcediff: ") and err.endswith("\n") and err.count("\n") == 1
    return err[len("sourcediff: ") : -1]


def test_errors_carry_the_cli_message(sourcediff_bin, tmp_path):
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes(b"The caf\xe9 closed.")
    blank = tmp_path / "blank.txt"
    blank.write_text(" \n\t\n")
    binary = tmp_path / "nul.bin"
    binary.write_bytes(b"PK\x03\x04\x00\x00")
    missing = tmp_path / "missing.txt"
    for bad in (latin1, blank, binary, missing, tmp_path):
        expected = cli_error(sourcediff_bin, "compare", SEEDS[0], bad)
        with pytest.raises(sourcediff.SourcediffError) as e:
            sourcediff.compare([SEEDS[0], bad])
        assert str(e.value) == expected
        expected = cli_error(sourcediff_bin, "segment", bad)
        with pytest.raises(sourcediff.SourcediffError) as e:
            sourcediff.segment(bad)
        assert str(e.value) == expected
    expected = cli_error(sourcediff_bin, "quotes", SEEDS[0], "--max-bytes", "100")
    with pytest.raises(sourcediff.SourcediffError) as e:
        sourcediff.quotes(SEEDS[0], max_bytes=100)
    assert str(e.value) == expected


def test_errors_of_text_arguments_name_the_text():
    with pytest.raises(sourcediff.SourcediffError, match=r"^<text 2>: the article is empty"):
        sourcediff.compare(["Some text.", "   "])
    with pytest.raises(sourcediff.SourcediffError, match=r"^<text>: larger than the 5-byte limit"):
        sourcediff.segment("Too long for the limit.", max_bytes=5)
    with pytest.raises(sourcediff.SourcediffError, match=r"^b: binary content \(NUL byte at byte 2\)"):
        sourcediff.compare(["Fine text.", b"ab\x00"], names=["a", "b"])


def test_bad_calls_raise_python_errors():
    with pytest.raises(sourcediff.SourcediffError, match="two or more articles"):
        sourcediff.compare(["Only one article."])
    with pytest.raises(TypeError):
        sourcediff.compare("a single string")
    with pytest.raises(TypeError, match="not int"):
        sourcediff.compare(["Some text.", 42])
    with pytest.raises(TypeError):
        sourcediff.compare(["a.", "b."], no_such_option=1)
    with pytest.raises(ValueError, match=r"^edited_threshold: 1.5 is outside 0..1$"):
        sourcediff.compare(["a.", "b."], edited_threshold=1.5)
    with pytest.raises(ValueError, match="2 names for 3 articles"):
        sourcediff.compare(["a.", "b.", "c."], names=["x", "y"])
    assert issubclass(sourcediff.SourcediffError, Exception)


def test_pathlike_and_str_paths_are_not_confused(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The minister resigned on Tuesday.")
    # A str is always text: the text of a path, which is one sentence.
    as_text = sourcediff.segment(str(article))
    assert [s["text"] for s in as_text["sentences"]] == [str(article)]
    assert [s["text"] for s in sourcediff.segment(article)["sentences"]] == [
        "The minister resigned on Tuesday."
    ]
