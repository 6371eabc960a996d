"""The Spark run's events_merged and stories tables equal the embedded store's."""

from __future__ import annotations

import json

from kroniek.batch.job import spark_schema
from kroniek.batch.merged import write_merged_tables
from kroniek.batch.tables import document_rows, layout, partition_month
from kroniek.corpus.sync import sync
from kroniek.store import Store

from ..corpus.summit import documents


def test_spark_merges_like_the_store(spark, tmp_path):
    docs = documents()
    rows: dict[str, list] = {t.name: [] for t in layout()}
    for d in reversed(docs):  # another order than the store's
        for name, part in document_rows(d, partition_month(d.date)).items():
            rows[name].extend(part)
    tables = {t.name: spark.createDataFrame(rows[t.name], spark_schema(t)) for t in layout()}
    counts = write_merged_tables(spark, tables, str(tmp_path / "out"))
    assert counts == {"events_merged": 2, "stories": 1}
    got = spark.read.parquet(str(tmp_path / "out" / "events_merged")).collect()
    got_stories = spark.read.parquet(str(tmp_path / "out" / "stories")).collect()

    with Store.open_writer(tmp_path / "k.db") as store:
        for d in docs:
            store.save(d)
        store.commit()
        sync(store)
        want = {r[0]: r for r in store.conn.execute("SELECT * FROM merged_events")}
        want_mentions = {}
        for mid, doc_id, event_id in store.conn.execute("SELECT * FROM merged_mentions"):
            want_mentions.setdefault(mid, set()).add(f"{doc_id}#{event_id}")
        want_stories = {r[0]: r for r in store.conn.execute("SELECT * FROM stories")}
    assert {r["id"] for r in got} == set(want)
    for r in got:
        assert tuple(r[c] for c in r.__fields__[:19]) == want[r["id"]]
        assert set(r["mentions"]) == want_mentions[r["id"]]  # the ANP copy left out, as in the store
    assert {r["id"]: tuple(r) for r in got_stories} == want_stories
    summit = max(got, key=lambda r: r["reports"])
    assert [s[1] for s in json.loads(summit["status"])] == ["planned", "negated", "asserted"]
