"""sourcediff from Python: compare news articles that tell the same story.

The functions return the structures the command line prints with ``--format json`` (see the
repository's docs/json.md), as dicts and lists. Offsets (``start``, ``end``) are UTF-8 byte
offsets into the article as given: ``text.encode()[start:end].decode() == item["text"]``.

An article is given as a ``str`` (its text), ``bytes`` (checked as a file's bytes are: UTF-8,
no NUL byte, not blank) or a path (``pathlib.Path`` or another ``os.PathLike``; a ``str`` is
always text). An input sourcediff cannot analyse raises :class:`SourcediffError` whose message
is the command line's one line, e.g. ``b.txt: invalid UTF-8 at byte 7 (...)``.

The Arrow batch functions for distributed runs are in :mod:`sourcediff.arrow`; the reference
Spark job is ``python -m sourcediff.spark``.
"""

import json as _json
import os as _os

from . import _native
from ._native import DEFAULT_MAX_BYTES, SourcediffError

__all__ = ["compare", "segment", "quotes", "SourcediffError", "DEFAULT_MAX_BYTES"]

__version__ = "0.1.0"


def compare(
    texts_or_paths,
    *,
    names=None,
    edited_threshold=0.6,
    framing_threshold=0.35,
    fuzzy_threshold=0.6,
    max_bytes=DEFAULT_MAX_BYTES,
):
    """Compares two or more articles, as ``sourcediff compare --format json`` does.

    ``texts_or_paths`` is a sequence of articles (``str`` text, ``bytes`` or paths). Text
    articles are named ``<text 1>``, ``<text 2>``, ... unless ``names`` gives a name for each
    article. The options are those of the command line (``--edited-threshold`` and so on).
    Returns the JSON report as a dict: ``documents``, ``alignments``, ``passages``, ``unique``,
    ``close_unpaired``, ``coverage``, ``quotes``.
    """
    if isinstance(texts_or_paths, (str, bytes, _os.PathLike)):
        raise TypeError("compare takes a sequence of articles, not a single article")
    articles = list(texts_or_paths)
    if names is not None:
        names = [str(n) for n in names]
    return _json.loads(
        _native.compare_json(
            articles,
            names,
            float(edited_threshold),
            float(framing_threshold),
            float(fuzzy_threshold),
            int(max_bytes),
        )
    )


def segment(text_or_path, *, max_bytes=DEFAULT_MAX_BYTES):
    """The sentences of one article, as ``sourcediff segment --format json`` writes them:
    ``{"version", "sentences": [{"start", "end", "text"}, ...]}``."""
    return _json.loads(_native.segment_json(text_or_path, int(max_bytes)))


def quotes(text_or_path, *, max_bytes=DEFAULT_MAX_BYTES):
    """The quotations of one article, as ``sourcediff quotes --format json`` writes them:
    ``{"version", "quotes": [{"start", "end", "text", "outer_start", "outer_end", "speaker",
    "speaker_method", "term", "sentences"}, ...]}``."""
    return _json.loads(_native.quotes_json(text_or_path, int(max_bytes)))
