"""No quote is reported twice: what stands inside a direct quote is part of it."""

from __future__ import annotations

from kroniek.extract.entities import extract_entities
from kroniek.extract.quotes import QuoteStep, extract_quotes, find_quotes

from ..helpers import article
from .quote_cases import toy


def test_speech_inside_a_direct_quote_is_part_of_it():
    doc = toy("“Ik heb gezegd dat we niet wijken,” aldus Zelensky.", {"Zelensky": "PER"})
    entities = extract_entities(doc)
    # The finding inside stays for attribution ("Ik" is the quote's speaker) ...
    assert len(find_quotes(doc, entities)) == 2
    # ... but the document reports the quote once.
    quotes = extract_quotes(doc, entities)
    assert [(q.kind, q.text) for q in quotes] == [("direct", "Ik heb gezegd dat we niet wijken")]
    assert [q.id for q in quotes] == ["q1"]


def test_no_reported_quote_lies_inside_a_direct_one():
    text = ("„Hij zei: ‘Wij gaan niet weg’, en dat meende hij,” zei Rutte. "
            "Lavrov zei dat de relatie „uitstekend” is.")
    doc = toy(text, {"Rutte": "PER", "Lavrov": "PER"})
    quotes = extract_quotes(doc, extract_entities(doc))
    directs = [q for q in quotes if q.kind == "direct"]
    for q in quotes:
        assert text[q.start:q.end] == q.text
        assert not any(o is not q and o.start <= q.start and q.end <= o.end for o in directs), q
    # A direct quote inside reported speech is reported both ways, as annotators do.
    assert {(q.kind, q.text) for q in quotes} >= {("indirect", "de relatie „uitstekend” is"),
                                                  ("direct", "uitstekend")}


def test_the_pipeline_step_reports_each_quote_once():
    from kroniek.pipeline import Pipeline, default_steps

    from .quote_cases import VocabParser

    text = "“Ik heb gezegd dat we niet wijken,” aldus Zelensky."
    doc = Pipeline(default_steps()).annotate(article(text), VocabParser({"Zelensky": "PER"}))
    assert [(q.kind, q.text) for q in doc.quotes] == [("direct", "Ik heb gezegd dat we niet wijken")]
