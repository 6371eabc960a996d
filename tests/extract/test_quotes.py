"""Quotes on hand-built parses: every form of the issue and the cases that are not quotes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kroniek.extract.entities import extract_entities
from kroniek.extract.quotes import QuoteStep, extract_quotes, find_quotes
from kroniek.model import Document
from kroniek.pipeline import Pipeline, default_steps
from kroniek.schema import validator

from ..conftest import require_frog
from ..helpers import ToyParser, article
from .quote_cases import CASES, VOCAB, Case, VocabParser, toy


def found_quotes(case: Case, doc=None):
    doc = doc or toy(case.text, case.ner)
    entities = extract_entities(doc)
    names = {e.id: e.name for e in entities}
    return doc, [(q.kind, q.text, names.get(q.speaker) if q.speaker else None,
                  q.speaker_span.text if q.speaker_span else None) for q in find_quotes(doc, entities)]


def expected(case: Case):
    return [(e.kind, e.text, e.speaker, e.speaker_phrase) for e in case.quotes]


def test_there_are_at_least_sixty_cases_covering_every_form():
    assert len(CASES) >= 60
    assert len({c.id for c in CASES}) == len(CASES)
    forms = {c.form for c in CASES}
    for form in ("style „...”", "style \"...\"", "style '...'", "style ‘...’", "style “...”", "speaker before",
                 "speaker middle", "multi-sentence", "multi-paragraph", "nested", "indirect dat",
                 "indirect om te", "volgens X", "aldus X", "speaker in the sentence before", "pronoun",
                 "role noun", "title", "scare quote", "report source"):
        assert form in forms, form


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case):
    _, got = found_quotes(case)
    assert sorted(got, key=lambda q: (q[0], q[1])) == sorted(expected(case), key=lambda q: (q[0], q[1]))


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_offsets_are_sacred(case: Case):
    doc = toy(case.text, case.ner)
    for q in find_quotes(doc, extract_entities(doc)):
        assert doc.text[q.start:q.end] == q.text
        for span in (q.speaker_span, q.cue):
            if span is not None:
                assert doc.text[span.start:span.end] == span.text


def test_quotes_get_ids_in_text_order_and_the_contract_shape():
    doc = toy("“Nee,” zei Merkel. Lavrov zei dat de relatie „uitstekend” is.", {"Merkel": "PER", "Lavrov": "PER"})
    quotes = extract_quotes(doc, extract_entities(doc))
    assert [q.id for q in quotes] == ["q1", "q2", "q3"]
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    assert {q.kind for q in quotes} == {"direct", "indirect"}


def test_speaker_without_entities_is_none_but_the_phrase_is_kept():
    doc = toy("Lavrov zei dat de relatie goed is.")  # no NER at all
    (q,) = find_quotes(doc, ())
    assert q.speaker is None and q.speaker_span.text == "Lavrov" and q.cue.text == "zei"


def test_speaker_resolves_through_a_mention_another_step_added():
    # The actor step may add nominal mentions ("de Russische regering"); quotes use them.
    from kroniek.model import Entity, Span

    text = "Eerder kondigde de Russische regering aan dat de minister naar Pyongyang reist."
    doc = toy(text, {"Pyongyang": "LOC"}, extra={
        "kondigde": ("kondigen", "WW(pv,verl,ev)"), "regering": ("regering", "N(soort,ev,basis,zijd,stan)"),
        "reist": ("reizen", "WW(pv,tgw,met-t)"), "Eerder": ("eerder", "BW()")})
    start = text.index("de Russische regering")
    gov = Entity("e9", "Russian government", "ORG", None,
                 (Span(start, start + len("de Russische regering"), "de Russische regering"),))
    (q,) = find_quotes(doc, extract_entities(doc) + (gov,))
    assert q.kind == "indirect" and q.speaker == "e9"
    assert q.text == "de minister naar Pyongyang reist"


def test_step_is_in_the_default_pipeline_after_entities():
    names = [s.name for s in default_steps()]
    assert "quotes" in names and names.index("quotes") > names.index("entities")
    step = QuoteStep()
    assert step.requires == ("parse", "entities") and step.provides == ("quotes", "attributions")


def test_pipeline_document_carries_valid_quotes():
    text = "“De grens blijft dicht,” zei Macron. Volgens Reuters zijn de gesprekken vastgelopen."
    parser = VocabParser(ner={"Macron": "PER", "Reuters": "ORG"}).start()
    doc = Pipeline().annotate(article(text), parser)
    assert isinstance(doc, Document) and doc.bad_spans() == []
    assert [(q.kind, q.text) for q in doc.quotes] == [("direct", "De grens blijft dicht"),
                                                    ("indirect", "zijn de gesprekken vastgelopen")]
    by_id = {e.id: e for e in doc.entities}
    # the speaker entities, whatever canonical names the knowledge base gives them
    assert [by_id[q.speaker].mentions[0].text for q in doc.quotes] == ["Macron", "Reuters"]
    assert not list(validator().iter_errors(doc.to_dict()))


def test_step_returns_no_quotes_for_text_without_speech():
    parser = ToyParser().start()
    doc = Pipeline().annotate(article("Het regent in Utrecht. De treinen rijden."), parser)
    assert doc.quotes == ()


# --------------------------------------------------------------------------- real Frog


@pytest.fixture(scope="module")
def frog_parses(frog):
    return {c.id: frog.parse(c.text) for c in CASES}


@pytest.mark.frog
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case_with_frog(case: Case, frog_parses):
    """The same cases on Frog's real parse; a speaker entity is required where Frog's NER found the name."""
    require_frog()
    doc = frog_parses[case.id]
    entities = extract_entities(doc)
    names = {e.name for e in entities}
    _, got = found_quotes(case, doc)
    want = [(e.kind, e.text, e.speaker if e.speaker in names else None, e.speaker_phrase) for e in case.quotes]
    assert sorted(got, key=lambda q: (q[0], q[1])) == sorted(want, key=lambda q: (q[0], q[1]))
    for q in find_quotes(doc, entities):
        assert doc.text[q.start:q.end] == q.text


def _fold(s: str) -> str:
    return " ".join(s.split()).casefold()


@pytest.fixture(scope="module")
def seed(frog):
    from kroniek.eval.quotes import load_gold_file

    from ..conftest import SEED_GOLD

    if not SEED_GOLD.exists():
        pytest.skip(f"seed gold not found at {SEED_GOLD}")
    gold = load_gold_file(SEED_GOLD)
    parsed = frog.parse(gold.text)
    doc = Pipeline().annotate_parsed(article(gold.text, id=gold.id, date=gold.date), parsed)
    return gold, parsed, doc


@pytest.mark.frog
def test_seed_quotes_are_found_with_their_speakers(seed):
    """Acceptance: the seed's six gold quotes, each with its speaker, and nothing more."""
    require_frog()
    gold, parsed, doc = seed
    found = find_quotes(parsed, doc.entities)
    assert doc.bad_spans() == []
    assert [(q.start, q.end, q.kind) for q in doc.quotes] == [(f.start, f.end, f.kind) for f in found]
    assert len(found) == len(gold.quotes) == 6
    by_id = {e.id: e for e in doc.entities}
    mention_texts = {_fold(m.text) for e in doc.entities for m in e.mentions}
    for g in gold.quotes:
        (f,) = [f for f in found if (f.start, f.end, f.kind) == (g.start, g.end, g.kind)]
        assert f.speaker_span is not None and _fold(f.speaker_span.text) in g.speaker_names, g.text
        if g.speaker_names & mention_texts:
            # The entities know the speaker: the quote must name that entity.
            e = by_id[f.speaker]
            assert ({_fold(e.name)} | {_fold(m.text) for m in e.mentions}) & g.speaker_names, g.text
        else:
            # No entity step found the speaker yet ("de Russische regering" before actor
            # linking): the words are right and no wrong entity is named.
            assert f.speaker is None, g.text


@pytest.mark.frog
def test_seed_speakers_all_resolve_once_the_government_is_an_entity(seed):
    """With "de Russische regering" as an entity mention (as actor linking adds it), all six resolve."""
    require_frog()
    from kroniek.model import Entity, Span

    gold, parsed, doc = seed
    start = gold.text.index("de Russische regering")
    gov = Entity("e99", "Russian government", "ORG", None,
                 (Span(start, start + len("de Russische regering"), "de Russische regering"),))
    entities = doc.entities + (gov,)
    by_id = {e.id: e for e in entities}
    found = find_quotes(parsed, entities)
    for g in gold.quotes:
        (f,) = [f for f in found if (f.start, f.end, f.kind) == (g.start, g.end, g.kind)]
        e = by_id[f.speaker]
        assert ({_fold(e.name)} | {_fold(m.text) for m in e.mentions}) & g.speaker_names, g.text


@pytest.mark.frog
def test_seed_meldt_cnn_attributes_the_lead(seed):
    """Acceptance: "meldt CNN" makes CNN the source of both lead sentences (their events)."""
    require_frog()
    from kroniek.extract.attribution import find_attributions

    gold, parsed, doc = seed
    text = gold.text
    cnn = [a for a in find_attributions(parsed, doc.entities) if a.cue.text == "meldt"]
    assert len(cnn) == 1
    (a,) = cnn
    names = {e.id: e.name for e in doc.entities}
    assert a.kind == "report" and names[a.source] == "CNN" and a.source_span.text == "CNN"
    for sentence in ("Sergej Lavrov, de Russische minister van Buitenlandse Zaken, reist donderdag",
                     "De minister is uitgenodigd door een Noord-Koreaanse topdiplomaat"):
        start = text.index(sentence)
        assert a.covers(start, start + len(sentence))
    assert a.end <= text.index(", meldt CNN")


WORDS = sorted(VOCAB) + ["Lavrov", "CNN", "Rutte", ",", ".", ":", "„", "”", "“", "\"", "'", "‘", "’", ",,", "''",
                         "«", "»", "(", ")", "\n\n", "?", "!"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=60))
def test_any_word_salad_gives_sound_quotes_and_attributions(words):
    """Whatever the text, quotes and attributions come back with exact offsets and never raise."""
    from kroniek.extract.attribution import find_attributions

    text = " ".join(words)
    if not text.strip():
        return
    doc = toy(text, {"Lavrov": "PER", "CNN": "ORG", "Rutte": "PER"})
    entities = extract_entities(doc)
    quotes = find_quotes(doc, entities)
    for q in quotes:
        assert q.kind in ("direct", "indirect") and text[q.start:q.end] == q.text and q.text.strip()
        for span in (q.speaker_span, q.cue):
            assert span is None or text[span.start:span.end] == span.text
    for a in find_attributions(doc, entities, quotes=quotes):
        assert 0 <= a.start < a.end <= len(text)
        for span in (a.cue, a.source_span):
            assert text[span.start:span.end] == span.text
