"""The reference Spark job: ``sourcediff scan`` on a cluster.

    python -m sourcediff.spark scan INPUT OUTPUT [--master local[2]] [--parquet]

INPUT is JSON Lines (``{"id": ..., "text": ...}`` with optional ``date``, ``source``, ``title``,
``url``) or Parquet with those columns. The job finds the same pairs as ``sourcediff scan`` on
the same articles and writes the same lines:

1. each article's word n-grams are hashed in Rust (``mapInArrow`` over
   :func:`sourcediff.arrow.hash_ngrams`); articles scan would skip (blank text, a NUL byte, a
   repeated id) are reported on stderr and left out;
2. candidate pairs come from Spark SQL: the hashes are exploded, an n-gram found in fewer than
   2 or more than ``--max-df`` articles is dropped (scan's document-frequency cap), the
   postings are self-joined on the hash and two articles sharing at least
   ``MIN_SHARED_NGRAMS`` distinct n-grams are a candidate;
3. boilerplate comes from Spark SQL too: the sentence hashes of step 1 are exploded and those
   found in ``--boilerplate-df`` articles or more are gathered on the driver (bylines, follow-us
   lines, editor's notes: a few per outlet);
4. each candidate is aligned in Rust (``mapInArrow`` over :func:`sourcediff.arrow.align_pairs`),
   exactly as scan aligns it, and a pair that shares only boilerplate is left out as scan
   leaves it out;
5. reprint families are the connected groups of the pairs, found by label propagation in Spark
   SQL (no graph package).

OUTPUT (a new folder) receives ``pairs/`` (part files of ``scan --format jsonl`` pair lines,
ordered by ``a`` then ``b``), ``families/`` (the family lines, in scan's order),
``summary.jsonl`` (scan's summary line) and, with ``--parquet``, ``parquet/pairs`` and
``parquet/families`` with the same records as nested columns.
"""

import argparse
import json
import os
import sys
import time

from ._native import JSON_VERSION

#: The pair line's schema (docs/json.md, scan's pair line) in Spark's DDL, for ``--parquet``.
PAIR_DDL = (
    "type string, version bigint, a string, b string, shared_a double, shared_b double, words_a bigint, "
    "words_b bigint, verbatim bigint, edited bigint, framing bigint, source string, "
    "passages array<struct<a: struct<start: bigint, end: bigint>, "
    "b: struct<start: bigint, end: bigint>, kind: string, pairs: bigint>>, "
    "quotes array<struct<status: string, text: string, "
    "a: struct<span: struct<start: bigint, end: bigint>, speaker: string, quoted: boolean>, "
    "b: struct<span: struct<start: bigint, end: bigint>, speaker: string, quoted: boolean>>>"
)

PAIR_SCHEMA = (
    "a string, b string, shared_a double, shared_b double, words_a bigint, words_b bigint, "
    "verbatim bigint, edited bigint, framing bigint, source string, passages bigint, "
    "quotes bigint, json string"
)

HASH_SCHEMA = "id string, hashes array<bigint>, sentences array<bigint>, error string"

#: Most label-propagation rounds for the families; a family whose pairs chain further than
#: this is reported as an error rather than split silently.
MAX_ROUNDS = 100


class JobError(Exception):
    """An input or output the job cannot use; the message is one line naming it."""


def _hash_batches(batches):
    from sourcediff.arrow import hash_ngrams

    for batch in batches:
        yield hash_ngrams(batch)


def _align(options, boilerplate=None):
    """The alignment step of a partition; ``boilerplate`` is a broadcast list of sentence hashes
    (or ``None``), made into one set per partition."""

    def align(batches):
        from sourcediff.arrow import Boilerplate, align_pairs

        shared = None if boilerplate is None else Boilerplate(boilerplate.value)
        for batch in batches:
            yield align_pairs(batch, boilerplate=shared, **options)

    return align


def session(master=None, shuffle_partitions=None, app="sourcediff scan"):
    """A Spark session for the job. With a ``local`` master, Spark binds to and talks to
    127.0.0.1 only; the web UI is off everywhere."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app).config("spark.ui.enabled", "false")
    builder = builder.config("spark.ui.showConsoleProgress", "false")
    if master:
        builder = builder.master(master)
    if master is None or master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        # Local workers run this interpreter (with its pyarrow and sourcediff), not `python3`.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = builder.config("spark.driver.host", "127.0.0.1")
        builder = builder.config("spark.driver.bindAddress", "127.0.0.1")
    if shuffle_partitions:
        builder = builder.config("spark.sql.shuffle.partitions", str(shuffle_partitions))
    return builder.getOrCreate()


def check_paths(input_path, output):
    """Refuses a missing INPUT and an OUTPUT that exists (the job never writes over files)."""
    if "://" not in input_path and not os.path.exists(input_path):
        raise JobError(f"{input_path}: no such file or folder")
    if os.path.exists(output) and (not os.path.isdir(output) or os.listdir(output)):
        raise JobError(f"{output}: already exists; the job writes a new folder")


def read_articles(spark, path, input_format="auto"):
    """The articles of INPUT as a DataFrame of ``id, text, date, source, title, url`` strings,
    in input order (``_order``)."""
    from pyspark.sql import functions as F

    if input_format == "auto":
        parquet = path.endswith(".parquet") or (
            os.path.isdir(path)
            and any(name.endswith(".parquet") for name in os.listdir(path))
        )
        input_format = "parquet" if parquet else "jsonl"
    fields = ["id", "text", "date", "source", "title", "url"]
    if input_format == "parquet":
        df = spark.read.parquet(path)
        missing = [c for c in ("id", "text") if c not in df.columns]
        if missing:
            raise JobError(f"{path}: no column {', '.join(missing)} (need id and text)")
        df = df.select(
            *[
                (F.col(c) if c in df.columns else F.lit(None)).cast("string").alias(c)
                for c in fields
            ]
        )
    else:
        schema = ", ".join(f"{c} string" for c in fields)
        df = spark.read.schema(schema).json(path)
    return df.withColumn("_order", F.monotonically_increasing_id())


def scan(spark, input_path, output, *, parquet=False, input_format="auto", max_df=None,
         min_shared_ngrams=None, min_shared=0.0, boilerplate_df=None, options=None, log=None):
    """Runs the scan; returns the summary dict (with ``timings`` in seconds)."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    from sourcediff.arrow import BOILERPLATE_DF, MAX_DF, MIN_SHARED_NGRAMS

    log = log or (lambda message: print(f"sourcediff.spark: {message}", file=sys.stderr))
    max_df = MAX_DF if max_df is None else max_df
    boilerplate_df = BOILERPLATE_DF if boilerplate_df is None else int(boilerplate_df)
    min_shared_ngrams = MIN_SHARED_NGRAMS if min_shared_ngrams is None else min_shared_ngrams
    check_paths(input_path, output)
    timings = {}
    start = time.monotonic()

    articles = read_articles(spark, input_path, input_format)
    # scan keeps the first article of a repeated id and skips the others.
    first = Window.partitionBy("id").orderBy("_order")
    ranked = articles.withColumn("_rank", F.row_number().over(first))
    # The articles kept, read once: hashed now, joined to the candidates, dated for families.
    texts = ranked.filter("_rank = 1").select("id", "text", "date").cache()
    hashed = texts.select("id", "text").mapInArrow(_hash_batches, HASH_SCHEMA).cache()
    skipped = hashed.filter("error IS NOT NULL").select("error")
    repeated = ranked.filter("_rank > 1 AND id IS NOT NULL").select(
        F.concat("id", F.lit(": repeated id, article skipped (the first is kept)")).alias("error")
    )
    problems = skipped.unionByName(repeated).cache()
    n_problems = problems.count()
    for row in problems.limit(20).collect():
        log(row.error)
    if n_problems > 20:
        log(f"... and {n_problems - 20} more articles skipped")

    docs = hashed.filter("error IS NULL").select("id", "hashes")
    postings = docs.select("id", F.explode("hashes").alias("h"))
    df_ok = postings.groupBy("h").count().filter(f"count >= 2 AND count <= {int(max_df)}")
    capped = postings.join(df_ok.select("h"), "h")
    x, y = capped.alias("x"), capped.alias("y")
    candidates = (
        x.join(y, (F.col("x.h") == F.col("y.h")) & (F.col("x.id") < F.col("y.id")))
        .groupBy(F.col("x.id").alias("id_a"), F.col("y.id").alias("id_b"))
        .count()
        .filter(f"count >= {int(max(min_shared_ngrams, 1))}")
        .select("id_a", "id_b")
        .cache()
    )
    n_documents = docs.count()
    n_candidates = candidates.count()
    # scan's boilerplate: sentence hashes found in boilerplate_df articles or more (none when
    # it is below 2, as in scan).
    boilerplate = None
    if boilerplate_df >= 2:
        sentences = hashed.filter("error IS NULL").select(F.explode("sentences").alias("s"))
        frequent = sentences.groupBy("s").count().filter(f"count >= {boilerplate_df}")
        # Shipped once to each executor, not with every task.
        boilerplate = spark.sparkContext.broadcast(
            sorted(row.s for row in frequent.select("s").collect())
        )
    timings["candidates"] = time.monotonic() - start

    start = time.monotonic()
    ta = texts.select(F.col("id").alias("id_a"), F.col("text").alias("text_a"),
                      F.col("date").alias("date_a"))
    tb = texts.select(F.col("id").alias("id_b"), F.col("text").alias("text_b"),
                      F.col("date").alias("date_b"))
    pairs = (
        candidates.join(ta, "id_a")
        .join(tb, "id_b")
        .select("id_a", "text_a", "date_a", "id_b", "text_b", "date_b")
        .sortWithinPartitions("id_a")
        .mapInArrow(_align(options or {}, boilerplate), PAIR_SCHEMA)
        .filter(F.greatest("shared_a", "shared_b") >= float(min_shared))
        .cache()
    )
    pairs.orderBy("a", "b").select("json").write.text(os.path.join(output, "pairs"))
    n_pairs = pairs.count()
    if parquet:
        (
            pairs.orderBy("a", "b")
            .select(F.from_json("json", PAIR_DDL).alias("p"))
            .select("p.*")
            .write.parquet(os.path.join(output, "parquet", "pairs"))
        )
    timings["alignment"] = time.monotonic() - start

    start = time.monotonic()
    families, rounds = reprint_families(spark, pairs.select("a", "b"), texts.select("id", "date"))
    families = families.cache()
    n_families = families.count()
    families.orderBy(F.size("members").desc(), "members").select(
        F.to_json(
            F.struct(
                F.lit("family").alias("type"),
                F.lit(JSON_VERSION).alias("version"),
                "members",
                "source",
                "pairs",
            ),
            {"ignoreNullFields": "false"},
        ).alias("json")
    ).coalesce(1).write.text(os.path.join(output, "families"))
    if parquet:
        families.orderBy(F.size("members").desc(), "members").select(
            "members", "source", "pairs"
        ).coalesce(1).write.parquet(os.path.join(output, "parquet", "families"))
    timings["families"] = time.monotonic() - start

    summary = {
        "candidates": n_candidates,
        "documents": n_documents,
        "families": n_families,
        "pairs": n_pairs,
        "type": "summary",
        "version": JSON_VERSION,
    }
    with open(os.path.join(output, "summary.jsonl.tmp"), "w", encoding="utf-8") as out:
        out.write(json.dumps(summary, separators=(",", ":")) + "\n")
    os.replace(os.path.join(output, "summary.jsonl.tmp"), os.path.join(output, "summary.jsonl"))
    log(
        f"{n_pairs} pairs from {n_candidates} candidates among {n_documents} articles "
        f"({n_problems} skipped), {n_families} families; candidates "
        f"{timings['candidates']:.1f} s, alignment {timings['alignment']:.1f} s, "
        f"families {timings['families']:.1f} s ({rounds} rounds)"
    )
    return {**summary, "skipped": n_problems, "rounds": rounds, "timings": timings}


def reprint_families(spark, edges, dates):
    """Connected groups of the pair graph (``a``, ``b`` ids), as scan reports them: members
    dated first (by date, then id), the probable source, the number of pairs in the group;
    and the number of rounds it took.
    Found by label propagation with pointer jumping: every article takes the smallest label
    among itself, its neighbours and its label's label until no label changes; a label is
    always an id of the same group, so each group ends labelled by its smallest id."""
    from pyspark.sql import functions as F

    both = edges.select(F.col("a").alias("src"), F.col("b").alias("dst")).unionByName(
        edges.select(F.col("b").alias("src"), F.col("a").alias("dst"))
    ).cache()
    labels = both.select(F.col("src").alias("id")).distinct().withColumn("label", F.col("id"))
    labels = labels.localCheckpoint()
    for rounds in range(1, MAX_ROUNDS + 1):
        offered = both.join(labels, both.src == labels.id).select(
            F.col("dst").alias("id"), F.col("label").alias("offer")
        )
        # Each article takes the smallest of its label and its neighbours' labels ...
        hooked = (
            labels.join(offered, "id", "left")
            .groupBy("id")
            .agg(F.min("label").alias("was"), F.min("offer").alias("offer"))
            .select("id", "was", F.least("was", "offer").alias("label"))
        )
        # ... then the label of its label (pointer jumping: a chain of n articles settles in
        # about log n rounds instead of n).
        parent = hooked.select(F.col("id").alias("pid"), F.col("label").alias("plabel"))
        jumped = F.least("label", F.coalesce("plabel", "label"))
        labels = (
            hooked.join(parent, hooked.label == parent.pid, "left")
            .select("id", jumped.alias("label"), (jumped < F.col("was")).alias("changed"))
            .localCheckpoint()
        )
        if labels.filter("changed").limit(1).count() == 0:
            break
    else:
        raise JobError(f"reprint families: labels still changing after {MAX_ROUNDS} rounds")
    labels = labels.select("id", "label")
    members = labels.join(dates, "id")
    pair_counts = edges.join(labels, edges.a == labels.id).groupBy("label").count()
    grouped = members.groupBy("label").agg(
        F.sort_array(
            F.collect_list(F.struct(F.col("date").isNull().alias("undated"), "date", "id"))
        ).alias("sorted")
    )
    first, second = F.col("sorted")[0], F.col("sorted")[1]
    source = (
        F.when(first["date"].isNotNull() & second["date"].isNull(), first["id"])
        .when(first["date"] < second["date"], first["id"])
        .otherwise(F.lit(None).cast("string"))
    )
    families = grouped.join(pair_counts, "label").select(
        F.transform("sorted", lambda m: m["id"]).alias("members"),
        source.alias("source"),
        F.col("count").alias("pairs"),
    )
    return families, rounds


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m sourcediff.spark",
        description="sourcediff scan on Spark: every pair of articles that share a passage.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("scan", help="find every pair of articles that share a passage")
    p.add_argument("input", metavar="INPUT", help="JSON Lines or Parquet of articles (id, text, "
                   "optional date, source, title, url)")
    p.add_argument("output", metavar="OUTPUT", help="a new folder for the results")
    p.add_argument("--master", help="Spark master, e.g. local[2] (default: spark-submit's)")
    p.add_argument("--parquet", action="store_true", help="also write Parquet")
    p.add_argument("--input-format", choices=["auto", "jsonl", "parquet"], default="auto")
    p.add_argument("--shuffle-partitions", type=int, metavar="N",
                   help="spark.sql.shuffle.partitions (default: Spark's, 200)")
    p.add_argument("--max-df", type=int, metavar="N",
                   help="the n-gram document-frequency cap (default: scan's)")
    p.add_argument("--min-shared", type=float, default=0.0, metavar="X",
                   help="keep only pairs whose larger shared fraction is at least X")
    p.add_argument("--boilerplate-df", type=int, metavar="N",
                   help="a sentence in N articles or more is boilerplate; a pair sharing only "
                   "boilerplate is left out (default: scan's; 0 keeps it)")
    args = parser.parse_args(argv)
    spark = None
    try:
        check_paths(args.input, args.output)
        spark = session(args.master, args.shuffle_partitions)
        spark.sparkContext.setLogLevel("ERROR")
        scan(spark, args.input, args.output, parquet=args.parquet,
             input_format=args.input_format, max_df=args.max_df, min_shared=args.min_shared,
             boilerplate_df=args.boilerplate_df)
    except JobError as e:
        print(f"sourcediff.spark: {e}", file=sys.stderr)
        return 2
    finally:
        if spark is not None:
            spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
