"""The Spark run's ``events_merged`` and ``stories`` tables: the store's merging, at scale.

After the job has written each article's tables, this step reads them back and runs
the same code as the embedded store (kroniek.corpus):

1. near duplicates: MinHash bands of every text (corpus.fingerprint), candidates that
   share a band, checked on their exact shingle sets; of each group only the
   representative (earliest, then smallest id) lends its mentions to merging;
2. merging: each event mention becomes a :class:`~kroniek.corpus.MentionIn`, grouped by
   actor pair (the key that makes merging order-free), and each pair's mentions go
   through ``merge_mentions`` and ``build_stories`` in one task.

The rows carry the store's columns (migration 0005), so the same merged event has the
same id in a Spark run and in a store, and ``mentions`` lists its ``doc_id#event_id`` keys.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from ..corpus.fingerprint import MIN_JACCARD, band_keys, jaccard, minhash, shingles
from ..corpus.merge import MentionIn, Side, actor_key, merge_mentions, with_joint_pairs
from ..corpus.stories import build_stories
from ..dates import parse_pub_date

MERGED_TABLE = "events_merged"
STORIES_TABLE = "stories"

MERGED_FIELDS = (("id", "string"), ("pair", "string"), ("block", "string"), ("type", "string"),
                 ("mode", "string"), ("source", "string"), ("target", "string"), ("location", "string"),
                 ("date", "string"), ("first_day", "string"), ("last_day", "string"), ("dates", "string"),
                 ("status", "string"), ("outlets", "string"), ("first_reported", "string"),
                 ("last_reported", "string"), ("reports", "long"), ("documents", "long"), ("story", "string"),
                 ("mentions", "array"), ("month", "string"))
STORY_FIELDS = (("id", "string"), ("pair", "string"), ("label", "string"), ("terms", "string"),
                ("first_day", "string"), ("last_day", "string"), ("events", "long"), ("documents", "long"),
                ("reports", "long"))


def _schema(fields):
    from pyspark.sql import types as T

    kinds = {"string": T.StringType(), "long": T.LongType(), "array": T.ArrayType(T.StringType())}
    return T.StructType([T.StructField(n, kinds[k], True) for n, k in fields])


# --------------------------------------------------------------------------- near duplicates


def _bands(row) -> Iterator[tuple[tuple[int, int], str]]:
    signature = minhash(shingles(row["text"] or ""))
    if signature is not None:
        for band, key in enumerate(band_keys(signature)):
            yield (band, key), row["id"]


def _candidate_pairs(ids: Iterable[str]) -> Iterator[tuple[str, str]]:
    ids = sorted(set(ids))
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            yield a, b


def non_representatives(documents) -> set[str]:
    """Ids of documents that are near duplicates of an earlier one (to leave out of merging)."""
    rows = documents.select("id", "date", "lang", "text").rdd
    info = rows.map(lambda r: (r["id"], (r["lang"], r["text"] or "", parse_pub_date(r["date"]).first_day.isoformat())))
    candidates = rows.flatMap(_bands).groupByKey().flatMap(lambda kv: _candidate_pairs(kv[1])).distinct()

    def check(item):
        (a, b), ((la, ta, da), (lb, tb, db)) = item
        if la == lb and jaccard(shingles(ta), shingles(tb)) >= MIN_JACCARD:
            yield (a, da), (b, db)

    links = (candidates.join(info)                          # (a, (b, info_a))
             .map(lambda kv: (kv[1][0], (kv[0], kv[1][1])))  # (b, (a, info_a))
             .join(info)                                     # (b, ((a, info_a), info_b))
             .map(lambda kv: ((kv[1][0][0], kv[0]), (kv[1][0][1], kv[1][1])))
             .flatMap(check).collect())                      # near-duplicate links: few next to articles
    parent: dict[str, str] = {}
    day: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for (a, da), (b, db) in links:
        day[a], day[b] = da, db
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for d in day:
        groups.setdefault(find(d), []).append(d)
    out: set[str] = set()
    for members in groups.values():
        rep = min(members, key=lambda d: (day[d], d))
        out.update(m for m in members if m != rep)
    return out


# --------------------------------------------------------------------------- merging


def _side(name, kb_id, code, country) -> Side | None:
    return None if name is None else Side(actor_key(name, kb_id, country), name, kb_id, code, country)


def _mention(r) -> MentionIn:
    pub = parse_pub_date(r["doc_date"])
    return MentionIn(r["doc_id"], r["id"], r["doc_date"], pub.first_day.isoformat(), pub.last_day.isoformat(),
                     r["outlet"], r["type"], r["mode"], r["modality"], r["date"],
                     _side(r["s_name"], r["s_kb"], r["s_code"], r["s_country"]),
                     _side(r["t_name"], r["t_kb"], r["t_code"], r["t_country"]),
                     r["l_name"], r["trigger_text"], r["sentence_start"], r["sentence_end"], r["trigger_start"])


def _merge_pair(item) -> Iterator[tuple[str, tuple[Any, ...]]]:
    from ..corpus.sync import merged_store_row, story_store_row

    _pair, mentions = item
    merged = merge_mentions(mentions)
    stories = build_stories(merged)
    story_of = {e: s.id for s in stories for e in s.events}
    for e in merged:
        yield "m", (*merged_store_row(e, story_of.get(e.id)), [m.key for m in e.mentions], e.first_day[:7])
    for s in stories:
        yield "s", story_store_row(s)


def merged_rows(tables: dict, skip: set[str] | None = None):
    """RDD of ("m", events_merged row) and ("s", stories row) from a run's tables."""
    from pyspark.sql import functions as F

    ev, ent, doc = tables["events"], tables["entities"], tables["documents"]
    if skip:
        ev = ev.where(~F.col("doc_id").isin(sorted(skip)))

    def side(prefix: str):
        return ent.select(F.col("doc_id").alias(f"{prefix}_doc"), F.col("id").alias(f"{prefix}_id"),
                          F.col("name").alias(f"{prefix}_name"), F.col("kb_id").alias(f"{prefix}_kb"),
                          F.col("actor_code").alias(f"{prefix}_code"), F.col("country").alias(f"{prefix}_country"))

    joined = (ev.join(doc.select(F.col("id").alias("d_id"), F.col("date").alias("doc_date"),
                                 F.col("source").alias("outlet")), F.col("doc_id") == F.col("d_id"))
              .join(side("s"), (F.col("s_doc") == F.col("doc_id")) & (F.col("s_id") == F.col("source")), "left")
              .join(side("t"), (F.col("t_doc") == F.col("doc_id")) & (F.col("t_id") == F.col("target")), "left")
              .join(side("l"), (F.col("l_doc") == F.col("doc_id")) & (F.col("l_id") == F.col("location")), "left"))
    # Joint mentions (one trigger, several pairs) are found per article, then merged per pair.
    return (joined.rdd.map(_mention).map(lambda m: (m.doc_id, m)).groupByKey()
            .flatMap(lambda kv: with_joint_pairs(kv[1]))
            .map(lambda m: (m.pair, m)).groupByKey()
            .flatMap(lambda kv: _merge_pair((kv[0], list(kv[1])))))


def write_merged_tables(spark, tables: dict, output: str) -> dict[str, int]:
    """Write ``events_merged`` (partitioned by the month of its first day) and ``stories``."""
    skip = non_representatives(tables["documents"])
    rows = merged_rows(tables, skip).cache()
    try:
        merged = spark.createDataFrame(rows.filter(lambda r: r[0] == "m").map(lambda r: r[1]),
                                       _schema(MERGED_FIELDS))
        stories = spark.createDataFrame(rows.filter(lambda r: r[0] == "s").map(lambda r: r[1]),
                                        _schema(STORY_FIELDS))
        base = output.rstrip("/")
        merged.write.mode("overwrite").partitionBy("month").parquet(f"{base}/{MERGED_TABLE}")
        stories.coalesce(1).write.mode("overwrite").parquet(f"{base}/{STORIES_TABLE}")
        # reduceByKey, not countByKey: the latter fails on an RDD without partitions
        # (a run whose articles gave no events at all).
        counts = dict(rows.map(lambda r: (r[0], 1)).reduceByKey(lambda a, b: a + b).collect())
    finally:
        rows.unpersist()
    return {MERGED_TABLE: counts.get("m", 0), STORIES_TABLE: counts.get("s", 0)}


def read_json_cell(value: str | None) -> Any:
    """The JSON columns (source, dates, status, outlets, terms) as Python values."""
    return json.loads(value) if value else None


__all__ = ["MERGED_TABLE", "STORIES_TABLE", "merged_rows", "non_representatives", "write_merged_tables"]
