"""Arrow batch functions for distributed runs (Spark's ``mapInArrow``, Ray, Dask, ...).

Each function takes a ``pyarrow.RecordBatch`` (or any object with ``__arrow_c_array__``) and
returns a ``pyarrow.RecordBatch``; the rows are processed in Rust, with no Python code per row
and the GIL released.

``NGRAM``, ``MAX_DF`` and ``MIN_SHARED_NGRAMS`` are the candidate index's settings that
``sourcediff scan`` uses: n-grams of ``NGRAM`` words; an n-gram found in more than ``MAX_DF``
documents proposes no pair; two documents are aligned when they share at least
``MIN_SHARED_NGRAMS`` distinct n-grams within that cap. ``BOILERPLATE_DF``: a sentence found
word for word in that many documents or more is boilerplate (a byline, a follow-us line), and a
pair that shares nothing else is not reported.
"""

import pyarrow as _pa

from . import _native
from ._native import BOILERPLATE_DF, MAX_DF, MIN_SHARED_NGRAMS, NGRAM, Boilerplate

__all__ = [
    "hash_ngrams",
    "align_pairs",
    "PAIR_COLUMNS",
    "NGRAM",
    "MAX_DF",
    "MIN_SHARED_NGRAMS",
    "BOILERPLATE_DF",
    "Boilerplate",
]


class _Exported:
    """The capsules the native code returns, offered through the Arrow PyCapsule interface."""

    __slots__ = ("_capsules",)

    def __init__(self, capsules):
        self._capsules = capsules

    def __arrow_c_array__(self, requested_schema=None):
        return self._capsules


def _batch(capsules):
    return _pa.record_batch(_Exported(capsules))


def hash_ngrams(batch):
    """Hashes the word n-grams of a batch of articles as ``sourcediff scan`` does.

    In: ``id`` and ``text`` (string columns; other columns are ignored). Out, one row per input
    row: ``id``; ``hashes``, the distinct n-gram hashes of the article, sorted (int64 holding
    the 64-bit hash); ``sentences``, the distinct hashes of its sentences' words, sorted
    likewise (a hash found in ``BOILERPLATE_DF`` articles or more is boilerplate); ``error``,
    null, or the one-line reason the article is skipped (an empty text, a NUL byte), as
    ``scan`` reports it.
    """
    return _batch(_native.hash_ngrams(batch))


#: The columns of :func:`align_pairs`' result, in order, with their Arrow types.
PAIR_COLUMNS = [
    ("a", "string"),
    ("b", "string"),
    ("shared_a", "double"),
    ("shared_b", "double"),
    ("words_a", "int64"),
    ("words_b", "int64"),
    ("verbatim", "int64"),
    ("edited", "int64"),
    ("framing", "int64"),
    ("source", "string"),
    ("passages", "int64"),
    ("quotes", "int64"),
    ("json", "string"),
]


def align_pairs(batch, *, edited_threshold=0.6, framing_threshold=0.35, fuzzy_threshold=0.6,
                boilerplate=None):
    """Aligns a batch of candidate pairs exactly as ``sourcediff scan`` aligns a candidate.

    In: ``id_a``, ``text_a``, ``id_b``, ``text_b`` and optionally ``date_a``, ``date_b``
    (string columns; the dates name the probable ``source`` as scan does). Out: one row per pair
    that shares a sentence or a quotation, with the fields of the ``scan --format jsonl`` pair
    line (``a`` is the smaller id; ``passages`` and ``quotes`` are counts here) and ``json``, the
    pair line itself, byte for byte. A row with a null or blank text, or a NUL byte in it, gives
    no pair (``hash_ngrams`` reports such articles). An article met in several rows of one batch
    is indexed once, so batches sorted by ``id_a`` align faster.

    ``boilerplate`` is the archive's boilerplate: the ``sentences`` hashes of
    :func:`hash_ngrams` found in ``BOILERPLATE_DF`` articles or more, as a list or as a
    :class:`Boilerplate` built from it once (``Boilerplate(hashes)``; cheaper when one archive's
    list is passed with many batches). A pair that shares only those sentences, and no
    quotation, gives no row, as in ``scan``; without it every pair that shares a sentence does,
    as in ``compare``.
    """
    return _batch(
        _native.align_pairs(
            batch,
            float(edited_threshold),
            float(framing_threshold),
            float(fuzzy_threshold),
            boilerplate
            if boilerplate is None or isinstance(boilerplate, Boilerplate)
            else [int(h) for h in boilerplate],
        )
    )
