"""The store's corpus tables: near duplicates counted once, incremental and order-free sync."""

from __future__ import annotations

import json
import random

from kroniek.corpus.sync import sync
from kroniek.store import Store

from .summit import documents


def snapshot(store: Store) -> dict:
    c = store.conn
    return {
        "merged": sorted(c.execute("SELECT * FROM merged_events")),
        "mentions": sorted(c.execute("SELECT * FROM merged_mentions")),
        "stories": sorted(c.execute("SELECT * FROM stories")),
        "links": sorted(c.execute("SELECT * FROM doc_links")),
        "reps": sorted(c.execute("SELECT doc_id, rep FROM corpus_docs")),
    }


def ingest(path, docs, batches: int = 1) -> dict:
    with Store.open_writer(path) as store:
        size = max(1, -(-len(docs) // batches))
        for k in range(0, len(docs), size):
            for d in docs[k:k + size]:
                store.save(d)
            store.commit()
            sync(store)
        return snapshot(store)


def test_summit_merges_with_its_arc_and_counts_the_copy_once(tmp_path):
    with Store.open_writer(tmp_path / "k.db") as store:
        for d in documents():
            store.save(d)
        report = sync(store)
        assert report.changed == 7 and report.duplicates == 1
        rows = store.conn.execute("SELECT id, date, dates, status, outlets, reports, documents, story "
                                  "FROM merged_events ORDER BY first_day").fetchall()
        assert len(rows) == 2
        summit, second = rows
        assert summit[1] == "2018-06-12" and summit[5] == 5
        assert json.loads(summit[3]) == [["2018-05-10", "planned", 2], ["2018-05-24", "negated", 1],
                                         ["2018-06-12", "asserted", 2]]
        assert json.loads(summit[4]) == ["NOS", "NRC", "Trouw"]  # the ANP copy counted once
        assert second[1] == "2018-06-19" and second[5] == 1
        assert summit[7] is not None and summit[7] == second[7]  # one story
        assert store.conn.execute("SELECT a, b FROM doc_links").fetchall() == [("afgezegd", "afgezegd-anp")]
        # Nothing new: nothing to do.
        assert sync(store).pairs == 0


def test_any_order_and_any_batching_gives_the_same_tables(tmp_path):
    docs = documents()
    want = ingest(tmp_path / "a.db", docs)
    rng = random.Random(3)
    for k in range(4):
        shuffled = docs[:]
        rng.shuffle(shuffled)
        assert ingest(tmp_path / f"b{k}.db", shuffled, batches=1 + k) == want


def test_a_replaced_or_removed_article_is_merged_again(tmp_path):
    docs = documents()
    with Store.open_writer(tmp_path / "k.db") as store:
        for d in docs:
            store.save(d)
        store.commit()
        sync(store)
        store.begin()
        store.conn.execute("DELETE FROM documents WHERE id = 'afgezegd'")
        store.commit()
        report = sync(store)
        assert report.removed == 1
        # The syndicated copy now stands for itself.
        assert store.conn.execute("SELECT rep FROM corpus_docs WHERE doc_id = 'afgezegd-anp'").fetchone() == \
            ("afgezegd-anp",)
        got = snapshot(store)
    assert got == ingest(tmp_path / "fresh.db", [d for d in docs if d.id != "afgezegd"])
