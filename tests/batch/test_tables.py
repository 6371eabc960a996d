"""The Parquet table layout follows the model, and documents survive the round trip."""

import dataclasses
import typing
from dataclasses import dataclass

import pytest

from kroniek.batch import tables
from kroniek.batch.tables import (
    TableLayoutError,
    document_rows,
    layout,
    partition_month,
    rebuild_documents,
    rebuild_reject,
    reject_row,
)
from kroniek.model import (
    Actor,
    Document,
    Entity,
    Event,
    Quote,
    Record,
    Reject,
    SentenceRef,
    Span,
    Time,
)

TEXT = "Minister Kaag bezocht dinsdag Berlijn. 'Het was nuttig,' zei Kaag."


def rich_document(doc_id="d1") -> Document:
    def span(s: str, nth: int = 0) -> Span:
        start = -1
        for _ in range(nth + 1):
            start = TEXT.index(s, start + 1)
        return Span(start, start + len(s), s)

    kaag, kaag2, berlijn = span("Kaag"), span("Kaag", 1), span("Berlijn")
    trigger = span("bezocht")
    quote = span("'Het was nuttig,'")
    dinsdag = span("dinsdag")
    return Document(
        id=doc_id, date="2019-04-12", lang="nl", title="Bezoek", source=None, url="https://x.example/1",
        text=TEXT,
        entities=(Entity("e1", "Kaag", "PER", Actor("NLDGOV", "NLD", "GOV", "minister", None), (kaag, kaag2)),
                  Entity("e2", "Berlijn", "LOC", None, (berlijn,))),
        times=(Time("t1", dinsdag.start, dinsdag.end, "dinsdag", "DATE", "2019-04-09", 2, None),),
        events=(Event("v1", "CONSULT", "visit", "e1", None, "e2", "t1", "2019-04-09", "asserted", None,
                      trigger, SentenceRef(0, 38), 1),),
        quotes=(Quote("q1", quote.start, quote.end, quote.text, "direct", "e1"),),
    )


def leaf_fields(record: type, prefix=()) -> set[tuple[str, ...]]:
    """Every scalar field path of ``record`` (records nested inside included)."""
    out = set()
    hints = typing.get_type_hints(record)
    for f in dataclasses.fields(record):
        kind, typ, _ = tables._field_kind(hints[f.name], f.name)
        if kind == "record":
            out |= leaf_fields(typ, prefix + (f.name,))
        elif kind in ("scalar", "array"):
            out.add(prefix + (f.name,))
    return out


def test_every_model_field_has_a_column():
    by_record = {t.record: {c.path for c in t.columns if c.path} for t in layout()}
    for t in layout():
        assert leaf_fields(t.record) == by_record[t.record], t.name
    assert [t.name for t in layout()] == ["documents", "entities", "mentions", "times", "events",
                                          "quotes", "rejects"]
    for t in layout()[1:-1]:
        assert t.keys[0] == "doc_id" and t.keys[-1] == "n"
    assert tables.table("mentions").keys == ("doc_id", "entity_id", "n")
    # The store's names, so the same SQL runs on the store and on the Parquet tables.
    assert {"actor_code", "country", "sector", "role", "kb_id"} <= set(tables.table("entities").column_names)
    assert {"trigger_start", "trigger_text", "sentence_end"} <= set(tables.table("events").column_names)


def test_round_trip_keeps_the_document_exactly():
    doc = rich_document()
    rows = document_rows(doc, "2019-04", origin="in.jsonl:3")
    assert len(rows["mentions"]) == 3 and len(rows["events"]) == 1
    as_dicts = {name: [dict(zip(tables.table(name).column_names, r)) for r in rs] for name, rs in rows.items()}
    assert all(r["month"] == "2019-04" for rs in as_dicts.values() for r in rs)
    assert as_dicts["documents"][0]["origin"] == "in.jsonl:3"
    assert as_dicts["documents"][0]["content_hash"] == doc.content_hash
    assert as_dicts["events"][0]["confidence"] == 1.0 and isinstance(as_dicts["events"][0]["confidence"], float)
    # Rows in another order (as files come back from Spark) still rebuild the same document.
    shuffled = {name: list(reversed(rs)) for name, rs in as_dicts.items()}
    (back,) = rebuild_documents(shuffled)
    assert back.to_dict() == doc.to_dict()
    assert back.entities[1].actor is None
    assert not back.bad_spans()


def test_rejects_round_trip():
    r = Reject(id=None, code="E_INPUT_NO_DATE", message="geen datum", origin="a.jsonl:2")
    row = dict(zip(tables.table("rejects").column_names, reject_row(r)))
    assert row == {"doc_id": None, "code": "E_INPUT_NO_DATE", "message": "geen datum", "origin": "a.jsonl:2",
                   "month": "unknown"}
    assert rebuild_reject(row) == r


@pytest.mark.parametrize("date, month", [("2019-04-11", "2019-04"), ("2019-04", "2019-04"),
                                         ("2019", "2019-XX"), ("2019-04-11T10:00:00+02:00", "2019-04"),
                                         (None, "unknown"), ("nonsense", "unknown")])
def test_partition_month(date, month):
    assert partition_month(date) == month


def test_a_field_without_a_column_mapping_fails_loudly(monkeypatch):
    @dataclass(frozen=True)
    class Odd(Record):
        id: str
        scores: dict[str, float]

    with pytest.raises(TableLayoutError, match="Odd.scores"):
        tables._flatten(Odd, "odd")
