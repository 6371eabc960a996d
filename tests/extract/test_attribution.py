"""Source attribution: what each explicit source covers, for the events step."""

from __future__ import annotations

from kroniek.extract.attribution import ATTRIBUTION_KINDS, Attribution, find_attributions
from kroniek.extract.entities import extract_entities
from kroniek.model import Span

from .quote_cases import toy

EXTRA = {"reist": ("reizen", "WW(pv,tgw,met-t)"), "regent": ("regenen", "WW(pv,tgw,met-t)"),
         "sneeuwt": ("sneeuwen", "WW(pv,tgw,met-t)"), "landt": ("landen", "WW(pv,tgw,met-t)"),
         "wordt": ("worden", "WW(pv,tgw,met-t)"), "ontvangen": ("ontvangen", "WW(vd,vrij,zonder)"),
         "Hij": ("hij", "VNW(pers,pron,nomin,vol,3,ev,masc)"), "Ook": ("ook", "BW()")}
NER = {"Lavrov": "PER", "CNN": "ORG", "Kim": "PER", "Reuters": "ORG", "Volkskrant": "ORG", "Pyongyang": "LOC",
       "Trump": "PER", "Blok": "PER"}


def attributions(text):
    doc = toy(text, NER, EXTRA)
    entities = extract_entities(doc)
    names = {e.id: e.name for e in entities}
    found = find_attributions(doc, entities)
    for a in found:
        assert a.kind in ATTRIBUTION_KINDS
        for span in (a.cue, a.source_span):
            assert text[span.start:span.end] == span.text
    return [(a.kind, a.cue.text, names.get(a.source), a.source_span.text, text[a.start:a.end]) for a in found]


def test_a_report_after_the_lead_covers_the_paragraph_before_it():
    text = "Lavrov reist naar Pyongyang. Hij wordt door Kim ontvangen, meldt CNN.\n\nHet regent."
    assert attributions(text) == [
        ("report", "meldt", "CNN", "CNN", "Lavrov reist naar Pyongyang. Hij wordt door Kim ontvangen")]


def test_a_report_does_not_reach_into_the_paragraph_before():
    text = "Het sneeuwt.\n\nLavrov reist naar Pyongyang, meldt CNN."
    assert attributions(text) == [("report", "meldt", "CNN", "CNN", "Lavrov reist naar Pyongyang")]


def test_a_report_stops_at_the_text_another_source_covers():
    text = "Trump landt, volgens Reuters. Lavrov reist naar Pyongyang, meldt CNN."
    got = attributions(text)
    assert got == [("volgens", "volgens", "Reuters", "Reuters", "Trump landt"),
                   ("report", "meldt", "CNN", "CNN", "Lavrov reist naar Pyongyang")]


def test_dat_schrijft_covers_the_sentence_before():
    text = "Lavrov reist naar Pyongyang. Dat schrijft de Volkskrant."
    assert attributions(text) == [("report", "schrijft", "Volkskrant", "de Volkskrant", "Lavrov reist naar Pyongyang")]


def test_speech_with_dat_is_a_speech_attribution_of_the_clause():
    text = "Lavrov zei dat Kim naar Pyongyang reist."
    assert attributions(text) == [("speech", "zei", "Lavrov", "Lavrov", "Kim naar Pyongyang reist")]


def test_a_quote_and_its_continuation_are_covered_together():
    text = "“We komen,” zei Lavrov. “Ook Kim komt.”"
    assert attributions(text) == [("speech", "zei", "Lavrov", "Lavrov", "“We komen,” zei Lavrov. “Ook Kim komt.")]


def test_aldus_and_a_source_that_is_no_entity():
    text = "Lavrov reist naar Pyongyang, aldus een woordvoerder."
    assert attributions(text) == [("aldus", "aldus", None, "een woordvoerder", "Lavrov reist naar Pyongyang")]


def test_plain_narration_has_no_attribution():
    assert attributions("Lavrov reist naar Pyongyang. Het regent.") == []


def test_covers():
    a = Attribution(10, 50, "report", Span(51, 56, "meldt"), "e1", Span(57, 60, "CNN"))
    assert a.covers(10, 50) and a.covers(20, 30)
    assert not a.covers(5, 20) and not a.covers(40, 60)
