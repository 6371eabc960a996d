import sqlite3

import pytest

from kroniek.errors import StoreError
from kroniek.model import Document, Reject
from kroniek.store import SaveStatus, Store
from kroniek.store.migrations import MIGRATIONS

from ..test_model import sample_document


@pytest.fixture
def store(db_path):
    s = Store.open_writer(db_path)
    yield s
    s.close()


def test_migrations_are_recorded_by_name(store, db_path):
    assert store.migrations() == [name for name, _ in MIGRATIONS]
    store.close()
    again = Store.open_writer(db_path)  # re-opening applies nothing twice
    assert again.migrations() == [name for name, _ in MIGRATIONS]
    again.close()


def test_round_trip(store):
    doc = sample_document()
    assert store.save(doc) is SaveStatus.ADDED
    store.commit()
    assert store.get("d1") == doc
    assert store.count() == 1 and store.count("mentions") == 4 and store.count("events") == 1


def test_same_content_is_stored_once(store):
    doc = sample_document()
    assert store.save(doc) is SaveStatus.ADDED
    assert store.save(doc) is SaveStatus.UNCHANGED
    copy = Document.from_dict({**doc.to_dict(), "id": "other"})
    assert store.save(copy) is SaveStatus.DUPLICATE
    assert store.count() == 1


def test_new_content_under_the_same_id_replaces(store):
    doc = sample_document()
    store.save(doc)
    newer = Document.from_dict({**doc.to_dict(), "title": "Bijgewerkt"})
    assert store.save(newer) is SaveStatus.UPDATED
    assert store.count() == 1 and store.get("d1").title == "Bijgewerkt"
    assert store.count("mentions") == 4  # the old version's rows are gone


def test_another_annotator_annotates_the_same_article_again(store):
    doc = sample_document()
    assert store.save(doc, annotator="kroniek 0.1.0+aaa") is SaveStatus.ADDED
    assert store.status_of("d1", doc.content_hash, "kroniek 0.1.0+aaa") is SaveStatus.UNCHANGED
    assert store.status_of("d1", doc.content_hash, "kroniek 0.2.0+bbb") is None  # work to do
    assert store.status_of("d1", doc.content_hash) is SaveStatus.UNCHANGED  # no annotator: as before
    fewer = Document.from_dict({**doc.to_dict(), "events": []})
    assert store.save(fewer, annotator="kroniek 0.2.0+bbb") is SaveStatus.REANNOTATED
    assert store.count() == 1 and store.count("events") == 0 and store.count("mentions") == 4
    assert store.conn.execute("SELECT annotator FROM documents").fetchone()[0] == "kroniek 0.2.0+bbb"
    copy = Document.from_dict({**doc.to_dict(), "id": "other"})
    assert store.save(copy, annotator="kroniek 0.3.0+ccc") is SaveStatus.DUPLICATE


def test_rejects_are_kept_once_and_cleared_on_success(store):
    r = Reject("d1", "E_PARSER_TIMEOUT", "te traag", "f.jsonl:1")
    store.save_reject(r)
    store.save_reject(r)
    store.save_reject(Reject(None, "E_INPUT_JSON", "kapot", "f.jsonl:2"))
    assert [x["code"] for x in store.rejects()] == ["E_PARSER_TIMEOUT", "E_INPUT_JSON"]
    assert [x["origin"] for x in store.rejects("E_INPUT_JSON")] == ["f.jsonl:2"]
    store.save(sample_document())
    assert [x["code"] for x in store.rejects()] == ["E_INPUT_JSON"]


def test_full_text_search(store):
    # The FTS index is kept by triggers of the store; searching goes through query.py.
    from kroniek.errors import QueryError
    from kroniek.query import search_articles

    store.save(sample_document())
    store.save(Document("d2", "2019", "nl", "Over kolen", None, None, "De invoer van steenkool stopt."))
    store.commit()
    assert [h.id for h in search_articles(store, "noord-korea")] == ["d1"]
    assert [h.id for h in search_articles(store, "steenkool")] == ["d2"]
    assert search_articles(store, "kolen")[0].title == "Over kolen"
    assert search_articles(store, "Lavrov CNN")[0].snippet_text
    assert [h.id for h in search_articles(store, "steenk*")] == ["d2"]  # prefix search
    assert search_articles(store, "bestaatniet") == []
    with pytest.raises(QueryError):
        search_articles(store, "Lavrov AND")


def test_one_writer_at_a_time(store, db_path):
    with pytest.raises(StoreError) as info:
        Store.open_writer(db_path)
    assert info.value.code == "E_STORE_LOCKED"
    store.save(sample_document())
    store.commit()
    with Store.open_reader(db_path) as reader:  # readers are welcome meanwhile
        assert reader.get("d1").id == "d1"
        with pytest.raises(StoreError):
            reader.save(sample_document())


def test_reader_errors(tmp_path):
    with pytest.raises(StoreError, match="no database"):
        Store.open_reader(tmp_path / "none.db")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a kroniek database"):
        Store.open_reader(junk)
    with pytest.raises(StoreError, match="not a kroniek database"):
        Store.open_writer(junk)


def test_newer_database_is_refused(store, db_path):
    store.conn.execute("INSERT INTO migrations VALUES ('9999_from_the_future', 'x')")
    store.close()
    with pytest.raises(StoreError, match="newer kroniek"):
        Store.open_writer(db_path)
    with pytest.raises(StoreError, match="newer kroniek"):
        Store.open_reader(db_path)


def test_missing_document(store):
    with pytest.raises(StoreError) as info:
        store.get("nope")
    assert info.value.code == "E_STORE_NOT_FOUND"


def test_database_file_is_plain_sqlite(store, db_path):
    store.save(sample_document())
    store.close()
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT name FROM entities WHERE doc_id='d1' ORDER BY id").fetchall() == [
        ("Sergej Lavrov",), ("Noord-Korea",), ("CNN",)]



def _doc(n: int) -> Document:
    return Document.from_dict({**sample_document().to_dict(), "id": f"d{n}", "title": f"Titel {n}"})


def test_writes_are_committed_by_time_as_well_as_by_count(db_path, monkeypatch):
    # A killed ingest must lose at most the last seconds of work, and a reader (the UI)
    # must see a running ingest: a slow batch is committed before it reaches batch_size.
    import kroniek.store.db as db

    clock = [1000.0]
    monkeypatch.setattr(db.time, "monotonic", lambda: clock[0])
    writer = Store.open_writer(db_path, batch_size=50, commit_seconds=2.0)
    try:
        def seen() -> int:
            with sqlite3.connect(db_path) as other:
                return other.execute("SELECT count(*) FROM documents").fetchone()[0]

        for n in range(3):
            assert writer.save(_doc(n)) is SaveStatus.ADDED
            clock[0] += 0.9
        assert seen() == 0  # 1.8 s since the first write: still one open transaction
        writer.save(_doc(3))  # 2.7 s: this write commits the batch
        assert seen() == 4
        writer.save(_doc(4))  # a new transaction, its clock starts again
        clock[0] += 1.0
        writer.save(_doc(5))
        assert seen() == 4
    finally:
        writer.close()


def test_commit_seconds_is_configurable():
    from kroniek.config import config_from_dict

    assert config_from_dict({"store": {"commit_seconds": 0.5}}).store.commit_seconds == 0.5
    with pytest.raises(Exception):
        config_from_dict({"store": {"commit_seconds": -1}})
