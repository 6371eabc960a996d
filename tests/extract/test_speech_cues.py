"""Speech cues: constructions, separable and two-word verbs, subjects, reported clauses."""

from __future__ import annotations

import pytest

from kroniek.extract.entities import extract_entities
from kroniek.extract.speech_cues import CONSTRUCTIONS, analyse_speech
from kroniek.extract.speech_lexicon import load_speech_lexicon

from .quote_cases import toy

EXTRA = {"kondigde": ("kondigen", "WW(pv,verl,ev)"), "regering": ("regering", "N(soort,ev,basis,zijd,stan)"),
         "reist": ("reizen", "WW(pv,tgw,met-t)"), "reageerde": ("reageren", "WW(pv,verl,ev)"),
         "verbaasd": ("verbaasd", "ADJ(vrij,basis,zonder)"), "omdat": ("omdat", "VG(onder)"),
         "lachte": ("lachen", "WW(pv,verl,ev)"), "boek": ("boek", "N(soort,ev,basis,onz,stan)"),
         "las": ("lezen", "WW(pv,verl,ev)"), "mooi": ("mooi", "ADJ(vrij,basis,zonder)"),
         "vond": ("vinden", "WW(pv,verl,ev)"), "Daarna": ("daarna", "BW()")}


def cues(text, ner=None, extra=None, placing=False):
    """(construction, lemma, source, content) of each cue; ``placing`` adds subject/previous cues."""
    doc = toy(text, ner or {}, {**EXTRA, **(extra or {})})
    a = analyse_speech(doc, extract_entities(doc), load_speech_lexicon())
    out = []
    for c in a.cues:
        if c.construction in ("subject", "previous") and not placing:
            continue
        src = doc.text[doc.tokens[c.source.first].start:doc.tokens[c.source.last - 1].end] if c.source else None
        content = doc.text[c.content[0]:c.content[1]] if c.content else None
        out.append((c.construction, c.lemma, src, content))
    return out


@pytest.mark.parametrize("text, want", [
    ("Lavrov zei dat Rusland geen troepen stuurt.",
     ("complement", "zeggen", "Lavrov", "Rusland geen troepen stuurt")),
    ("De groei valt tegen, zegt Knot.", ("inverted", "zeggen", "Knot", "De groei valt tegen")),
    ("De groei valt tegen. Dat zegt Knot.", ("anaphoric", "zeggen", "Knot", "De groei valt tegen")),
    ("Rutte zei: „We moeten nu doorpakken.”", ("colon", "zeggen", "Rutte", None)),
    ("Volgens Reuters zijn de gesprekken vastgelopen.",
     ("according", "volgens", "Reuters", "zijn de gesprekken vastgelopen")),
    ("De gesprekken zijn vastgelopen, aldus het CPB.", ("according", "aldus", "het CPB", "De gesprekken zijn vastgelopen")),
    ("Lavrov reageerde verbaasd.", ("bare", "reageren", "Lavrov", None)),
])
def test_constructions(text, want):
    assert want[0] in CONSTRUCTIONS
    assert cues(text, {"Lavrov": "PER", "Knot": "PER", "Rutte": "PER", "Reuters": "ORG", "CPB": "ORG"}) == [want]


def test_separable_and_two_word_speech_verbs():
    assert cues("Eerder kondigde de regering aan dat de minister reist.")[0][:3] == \
        ("complement", "aankondigen", "de regering")
    assert cues("Shell liet weten dat de raffinaderij dichtgaat.", {"Shell": "ORG"})[0][:2] == \
        ("complement", "laten weten")
    # "riep ... op" is oproepen, which takes "om ... te"; plain "roepen" would not.
    assert cues("Guterres riep de partijen op om de wapens neer te leggen.", {"Guterres": "PER"})[0] == \
        ("complement", "oproepen", "Guterres", "de wapens neer te leggen")


def test_om_after_other_verbs_is_no_reported_clause():
    assert cues("Lavrov zei om vijf uur te komen.", {"Lavrov": "PER"})[0][0] == "bare"


def test_subjects_in_main_subordinate_and_relative_clauses():
    assert cues("Gisteren verklaarde Erdogan dat Turkije de aanvraag niet zal steunen.",
                {"Erdogan": "PER", "Turkije": "LOC"})[0][2] == "Erdogan"
    assert cues("Nadat Macron had verklaard dat Frankrijk meer geld uittrekt, volgde applaus.",
                {"Macron": "PER"})[0][2] == "Macron"
    assert cues("Scholz, die gisteren in Parijs was, zei dat Duitsland de levering uitstelt.",
                {"Scholz": "PER", "Parijs": "LOC"})[0][2] == "Scholz"
    assert cues("Scholz heeft gezegd dat Duitsland meer tanks zal leveren.", {"Scholz": "PER"})[0][2] == "Scholz"


def test_time_words_in_first_position_are_no_subject():
    assert cues("Donderdag zei Lavrov dat hij komt.", {"Lavrov": "PER"})[0][2] == "Lavrov"


def test_a_relative_dat_after_a_neuter_noun_opens_no_reported_clause():
    # "het boek dat ..." is a relative clause (as the tagger says), not what Lavrov said.
    got = cues("Lavrov vond het boek dat hij las mooi.", {"Lavrov": "PER"},
               {"dat": ("dat", "VNW(betr,pron,stan,vol,3,ev)")})
    assert got == [("bare", "vinden", "Lavrov", None)]
    got = cues("Lavrov vond dat hij het boek mooi las.", {"Lavrov": "PER"})
    assert got == [("complement", "vinden", "Lavrov", "hij het boek mooi las")]


def test_reported_clause_ends_before_a_source_clause_and_a_clause_break():
    assert cues("Lavrov zei dat hij komt, meldt CNN.", {"Lavrov": "PER", "CNN": "ORG"})[0][3] == "hij komt"
    assert cues("Rutte zei dat het kabinet blijft, maar de oppositie eist nieuwe verkiezingen.",
                {"Rutte": "PER"})[0][3] == "het kabinet blijft"


def test_dat_as_pronoun_with_a_non_speaker_is_no_cue():
    assert cues("De groei valt tegen. Dat zegt niets.") == []


def test_inverted_cue_knows_the_quotes_around_it():
    doc = toy("“We zijn bereid,” zei Lavrov, “maar niet nu.”", {"Lavrov": "PER"})
    a = analyse_speech(doc, extract_entities(doc), load_speech_lexicon())
    (c,) = [c for c in a.cues if c.construction == "inverted"]
    assert doc.text[a.spans[c.adjacent_quote].start:a.spans[c.adjacent_quote].end] == "We zijn bereid,"
    assert doc.text[a.spans[c.next_quote].start:a.spans[c.next_quote].end] == "maar niet nu."
    assert c.content_quote == c.adjacent_quote


def test_any_verb_after_a_quote_introduces_a_person():
    extra = {"somberde": ("somberen", "WW(pv,verl,ev)"), "won": ("winnen", "WW(pv,verl,ev)")}
    assert cues("„We krijgen geen eerlijk proces”, somberde Junqueras.", {"Junqueras": "PER"}, extra) == \
        [("inverted", "somberen", "Junqueras", "„We krijgen geen eerlijk proces”")]
    # Not a place where someone speaks: no comma, no final punctuation, no person.
    assert cues("De film “Oppenheimer” won zeven Oscars.", {"Oscars": "MISC"}, extra) == []


def test_source_verbs_name_the_source_after_their_preposition():
    extra = {"blijkt": ("blijken", "WW(pv,tgw,met-t)"), "Uit": ("uit", "VZ(init)"), "uit": ("uit", "VZ(init)"),
             "stagneert": ("stagneren", "WW(pv,tgw,met-t)"), "cijfers": ("cijfer", "N(soort,mv,basis)")}
    assert cues("De groei stagneert. Dat blijkt uit cijfers van het CBS.", {"CBS": "ORG"}, extra) == \
        [("anaphoric", "blijken uit", "cijfers van het CBS", "De groei stagneert")]
    assert cues("Uit cijfers van het CBS blijkt dat de groei stagneert.", {"CBS": "ORG"}, extra) == \
        [("complement", "blijken uit", "cijfers van het CBS", "de groei stagneert")]


def test_a_parenthetical_source_reports_its_whole_sentence():
    extra = {"gesproken": ("spreken", "WW(vd,vrij,zonder)"), "Normaal": ("normaal", "ADJ(vrij,basis,zonder)"),
             "wacht": ("wachten", "WW(pv,tgw,met-t)"), "patiënt": ("patiënt", "N(soort,ev,basis,zijd,stan)")}
    assert cues("Normaal gesproken, zegt hoogleraar Hollak, wacht een patiënt lang.", {"Hollak": "PER"}, extra) == \
        [("inverted", "zeggen", "hoogleraar Hollak", "Normaal gesproken, zegt hoogleraar Hollak, wacht een patiënt lang")]


def test_a_name_alone_before_a_colon_is_a_speaker_whatever_its_tag():
    got = cues("Hox: „Dit is lastig.”", extra={"Hox": ("hox", "N(soort,ev,basis,zijd,stan)")})
    assert got == [("colon", ":", "Hox", None)]


def test_placing_cues_name_the_clause_subject_and_the_sentence_before():
    extra = {"regelen": ("regelen", "WW(inf,vrij,zonder)"), "anders": ("anders", "BW()"),
             "wil": ("willen", "WW(pv,tgw,ev)"), "heel": ("heel", "ADJ(vrij,basis,zonder)"),
             "dit": ("dit", "VNW(aanw,pron,stan,vol,3o,ev)")}
    got = cues("Van Engelshoven wil dit „heel anders regelen” met de scholen.", {"Van Engelshoven": "PER"},
               extra, placing=True)
    assert got == [("subject", "willen", "Van Engelshoven", None)]
    got = cues("Stoltenberg was na de top tevreden. “Dit bondgenootschap is sterker dan ooit.”",
               {"Stoltenberg": "PER"}, placing=True)
    assert got == [("previous", "zijn", "Stoltenberg", None)]
