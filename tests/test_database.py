"""kroniek.open(): the Database's questions on a real SQLite store, and what they give pandas."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import kroniek
from kroniek.cli import main
from kroniek.errors import KroniekError, QueryError, StoreError
from kroniek.export import EVENT_COLUMNS

from .query.corpus import XSS_TEXT, build


@pytest.fixture(scope="module")
def db_file(tmp_path_factory):
    return build(tmp_path_factory.mktemp("api") / "api.db")


@pytest.fixture
def db(db_file):
    return kroniek.open(db_file)


def test_timeline_matches_the_cli(db, db_file):
    t = db.timeline("Lavrov")
    assert t.actor.label == "Sergej Lavrov" and len(t.events) == 4 and len(t) == 4
    cli = json.loads(CliRunner().invoke(main, ["timeline", "Lavrov", "--db", str(db_file), "--format", "json",
                                               "--mentions"]).output)
    assert cli == t.to_dict()
    assert [e.doc_id for e in db.timeline("Lavrov", "2019").events] == ["bezoek-2019-01", "xss-2019-02"]
    assert repr(t).startswith("<Timeline of Sergej Lavrov (") and "4 events" in repr(t)


def test_timeline_to_pandas_has_the_export_columns_and_role(db):
    df = db.timeline("Lavrov", types=["PROTEST"]).to_pandas()
    assert list(df.columns) == [c for c, _ in EVENT_COLUMNS] + ["role"]
    assert list(df["event_id"]) == ["xss-2019-02:v1"] and list(df["role"]) == ["source"]
    assert str(df["trigger_start"].dtype) == "Int64"
    text_start = XSS_TEXT.index(df["trigger"][0])
    assert int(df["trigger_start"][0]) == text_start


def test_empty_results_keep_their_columns(db):
    df = db.events(types=["ASSAULT"]).to_pandas()
    assert len(df) == 0 and list(df.columns) == [c for c, _ in EVENT_COLUMNS]


def test_dyad_events_actors_search(db):
    d = db.dyad("RUS", "PRK")
    assert d.events and {e.role for e in d.events} <= {"a->b", "b->a"}
    assert list(d.to_pandas()["role"]) == [e.role for e in d.events]
    page = db.events(limit=2)
    assert len(page.events) == 2 and page.truncated
    assert db.actors("Lav")[0].name == "Sergej Lavrov"
    top = db.actors()
    frame = top.to_pandas()
    assert list(frame["ref"]) == [a.ref for a in top] and list(frame["events"]) == [a.events for a in top]
    hits = db.search("Lavrov")
    assert hits and all(h.id for h in hits)
    frame = hits.to_pandas()
    assert list(frame["id"]) == [h.id for h in hits]
    assert "Lavrov" in frame["snippet"][0]


def test_arrow_tables_if_pyarrow(db):
    pytest.importorskip("pyarrow")
    table = db.timeline("Lavrov").to_arrow()
    assert table.num_rows == 4 and table.schema.field("trigger_start").type.bit_width == 64


def test_documents(db, db_file):
    ids = db.ids()
    assert len(db) == len(ids) and ids
    doc = db[ids[0]]
    assert doc.id == ids[0] and not doc.bad_spans()
    assert [d.id for d in db.documents(limit=2)] == ids[:2]
    assert db.rejects() == []


def test_errors_are_kroniek_errors_with_codes(db, tmp_path):
    with pytest.raises(QueryError) as exc:
        db.timeline("Nobody Known")
    assert exc.value.code == "E_QUERY_NO_ACTOR"
    with pytest.raises(QueryError) as exc:
        db.timeline("Lavrov", "2019-13")
    assert exc.value.code == "E_QUERY_PARAM"
    with pytest.raises(StoreError) as exc:
        db.get("no-such-document")
    assert exc.value.code == "E_STORE_NOT_FOUND"
    with pytest.raises(KroniekError) as exc:
        kroniek.open(tmp_path / "absent.db").timeline("Lavrov")
    assert exc.value.code == "E_STORE_OPEN"
    assert not (tmp_path / "absent.db").exists()


def test_merged_events_and_stories_match_the_cli(db, db_file):
    page = db.merged_events("Lavrov")
    assert page.events and all(e.reports >= 1 for e in page.events)
    assert sum(e.reports for e in page.events) == len(db.timeline("Lavrov").events)
    cli = json.loads(CliRunner().invoke(main, ["timeline", "Lavrov", "--db", str(db_file), "--format",
                                               "json"]).output)
    assert [e["id"] for e in cli["events"]] == [e.id for e in page.events]
    df = page.to_pandas()
    assert list(df["id"]) == [e.id for e in page.events] and list(df["arc"]) == [e.arc for e in page.events]
    assert all(isinstance(m, list) for m in df["mentions"])
    assert "merged events" in repr(page)
    assert db.pending() == 0


def test_stories_match_the_cli(tmp_path):
    from kroniek.corpus.sync import sync
    from kroniek.store import Store

    from .corpus.summit import documents

    with Store.open_writer(tmp_path / "summit.db") as w:
        for d in documents():
            w.save(d)
        w.commit()
        sync(w)
    db = kroniek.open(tmp_path / "summit.db")
    stories = db.stories()
    assert stories and list(stories.to_pandas()["id"]) == [s.id for s in stories]
    (trump,) = db.stories("kb:DONALD_TRUMP", "2018-06")
    assert trump.events == 2
    cli = json.loads(CliRunner().invoke(main, ["stories", "--db", str(tmp_path / "summit.db"),
                                               "--format", "json"]).output)
    assert cli == [s.to_dict() for s in stories]
    detail = db.story(trump.id)
    assert detail.story == trump and [e.reports for e in detail.events] == [5, 1]
    assert len(db.merged_events(story=trump.id)) == 2
    with pytest.raises(StoreError) as exc:
        db.story("no-such-story")
    assert exc.value.code == "E_STORE_NOT_FOUND"


def test_merged_events_to_arrow(db):
    pytest.importorskip("pyarrow")
    table = db.merged_events().to_arrow()
    assert table.num_rows == len(db.merged_events().events) and "arc" in table.schema.names


def test_ingest_records_without_frog_rejects_bad_ones(tmp_path):
    # Only bad records: nothing needs a parser, and each becomes a stored reject.
    db = kroniek.open(tmp_path / "k.db")
    report = db.ingest([{"id": "a", "text": "Tekst."}, {"id": "b", "date": "2020-02-30", "text": "x"},
                        {"id": "c", "date": "2020-01-01", "text": "  "}, 42])
    assert report.rejected == 4 and report.done == 0
    assert sorted(r["code"] for r in db.rejects()) == ["E_INPUT_BAD_DATE", "E_INPUT_EMPTY_TEXT",
                                                        "E_INPUT_FIELD", "E_INPUT_NO_DATE"]
