import json

import pytest

from kroniek.model import (Actor, Article, Document, Entity, Event, Quote, Reject, SentenceRef, Span,
                           Time)


def sample_document() -> Document:
    text = "Sergej Lavrov reist donderdag naar Noord-Korea, meldt CNN. “Goed”, zei Lavrov."
    return Document(
        id="d1", date="2018-05", lang="nl", title=None, source=None, url=None, text=text,
        entities=(
            Entity("e1", "Sergej Lavrov", "PER",
                   Actor("RUSGOV", "RUS", "GOV", "Minister of Foreign Affairs", "SERGEY_LAVROV"),
                   (Span(0, 13, "Sergej Lavrov"), Span(71, 77, "Lavrov"))),
            Entity("e2", "Noord-Korea", "GPE", None, (Span(35, 46, "Noord-Korea"),)),
            Entity("e3", "CNN", "ORG", None, (Span(54, 57, "CNN"),)),
        ),
        times=(Time("t1", 20, 29, "donderdag", "DATE", "2018-05-XX", 4, None),),
        events=(Event("v1", "CONSULT", "visit", "e1", "e2", "e2", "t1", "2018-05-XX", "planned", "e3",
                      Span(14, 19, "reist"), SentenceRef(0, 58), 0.8),),
        quotes=(Quote("q1", 60, 64, "Goed", "direct", "e1"),),
    )


def test_round_trip_through_json():
    doc = sample_document()
    data = json.loads(json.dumps(doc.to_dict()))
    assert Document.from_dict(data) == doc


def test_sample_offsets_are_sound():
    doc = sample_document()
    assert doc.bad_spans() == []


def test_bad_spans_are_reported():
    doc = sample_document()
    broken = Document.from_dict({**doc.to_dict(), "quotes": [
        {"id": "q1", "start": 0, "end": 4, "text": "Goed", "kind": "direct", "speaker": None}]})
    assert broken.bad_spans() and "quote q1" in broken.bad_spans()[0]


def test_from_dict_rejects_unknown_fields():
    with pytest.raises(ValueError, match="unknown field"):
        Span.from_dict({"start": 0, "end": 1, "text": "a", "extra": 1})


def test_records_are_frozen():
    with pytest.raises(Exception):
        sample_document().id = "x"  # type: ignore[misc]


def test_content_hash_depends_on_content_not_id():
    a = Article(id="a", text="Tekst.", date="2018-05")
    b = Article(id="b", text="Tekst.", date="2018-05")
    c = Article(id="a", text="Tekst!", date="2018-05")
    assert a.content_hash == b.content_hash != c.content_hash
    doc = Document.from_article(a)
    assert doc.content_hash == a.content_hash


def test_reject_error_line_shape():
    line = Reject("x", "E_INPUT_EMPTY_TEXT", "the text is empty", "f.jsonl:3").to_error_line()
    assert line == {"id": "x", "error": {"code": "E_INPUT_EMPTY_TEXT", "message": "the text is empty"},
                    "origin": "f.jsonl:3"}
