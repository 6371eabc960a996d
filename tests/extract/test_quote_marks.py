"""Pairing quotation marks: styles, apostrophes, nesting, paragraphs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kroniek.extract.quote_marks import QUOTE_CHARS, find_quoted_spans, mark_positions


def contents(text: str, depth: int | None = 0) -> list[str]:
    return [text[s.start:s.end] for s in find_quoted_spans(text) if depth is None or s.depth == depth]


@pytest.mark.parametrize("text, inner", [
    ("Hij zei „kom hier” en ging.", "kom hier"),
    ("Hij zei „kom hier\" en ging.", "kom hier"),
    ("Hij zei „kom hier“ en ging.", "kom hier"),          # German closing mark
    ("Hij zei “kom hier” en ging.", "kom hier"),
    ("Hij zei \"kom hier\" en ging.", "kom hier"),
    ("Hij zei ‘kom hier’ en ging.", "kom hier"),
    ("Hij zei 'kom hier' en ging.", "kom hier"),
    ("Hij zei ”kom hier” en ging.", "kom hier"),
    ("Hij zei «kom hier» en ging.", "kom hier"),
    ("Hij zei »kom hier« en ging.", "kom hier"),
    ("Hij zei ‚kom hier’ en ging.", "kom hier"),
    ("Hij zei ,,kom hier'' en ging.", "kom hier"),
    ("Hij zei ''kom hier'' en ging.", "kom hier"),
])
def test_every_style_pairs(text, inner):
    assert contents(text) == [inner]


def test_offsets_point_at_the_marks_and_the_content():
    text = "Zij riep: „Nu!” en liep weg."
    (s,) = find_quoted_spans(text)
    assert text[s.open] == "„" and text[s.close] == "”" and text[s.start:s.end] == "Nu!"
    assert (s.open_mark, s.close_mark, s.depth, s.paragraphs) == ("„", "”", 0, 1)


@pytest.mark.parametrize("text", [
    "De auto's van de buren staan ’s avonds op straat.",
    "Noord-Korea’s leider en Kees' fiets.",
    "'s Morgens regent het en 't is koud.",
    "Het scherm meet 65\" en weegt 3'.",
    "In ’s-Hertogenbosch is het druk.",
])
def test_apostrophes_and_inch_marks_are_no_quotes(text):
    assert find_quoted_spans(text) == ()


def test_apostrophes_inside_a_single_quote_do_not_close_it():
    assert contents("Hij zei ‘Noord-Korea’s leider komt’ en ging.") == ["Noord-Korea’s leider komt"]
    assert contents("Hij zei 'de auto's blijven staan' en ging.") == ["de auto's blijven staan"]


def test_nested_quotes_keep_their_depth():
    text = "„Toen hij ‘nooit meer’ riep, lachte ik”, zei ze."
    assert contents(text, 0) == ["Toen hij ‘nooit meer’ riep, lachte ik"]
    assert contents(text, 1) == ["nooit meer"]


def test_same_quote_style_nested_in_another():
    text = "“Ze noemden het \"onzin\" en gingen weg,” zei hij."
    assert contents(text, 0) == ["Ze noemden het \"onzin\" en gingen weg,"]
    assert contents(text, 1) == ["onzin"]


def test_a_quote_over_paragraphs_is_one_span():
    text = "“Eerste alinea.\n\n“Tweede alinea.\n“Derde,” zei hij."
    (s,) = find_quoted_spans(text)
    assert text[s.start:s.end] == "Eerste alinea.\n\n“Tweede alinea.\n“Derde,"
    assert s.paragraphs == 3


def test_an_unclosed_mark_ends_with_its_paragraph():
    text = "“Dit loopt door.\n\nDe volgende alinea noemt “iets” anders."
    assert contents(text) == ["iets"]


def test_a_mark_left_open_at_the_end_is_dropped():
    assert find_quoted_spans("Hij zei “dat het klopt en ging.") == ()


def test_empty_and_punctuation_only_quotes_are_dropped():
    assert find_quoted_spans("Hij zei “” en “…” en “ ? ”.") == ()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("ab ,.\n") + sorted(QUOTE_CHARS) + [",,", "''"]), max_size=40).map("".join))
def test_any_text_gives_sound_spans(text):
    for s in find_quoted_spans(text):
        assert 0 <= s.open < s.start <= s.end <= s.close < s.close_end <= len(text)
        assert text.startswith(s.open_mark, s.open) and text.startswith(s.close_mark, s.close)
        assert set(s.open_mark + s.close_mark) <= QUOTE_CHARS | {","}
        assert text[s.start:s.end].strip() == text[s.start:s.end]


def test_two_commas_and_two_apostrophes_are_a_pair_of_marks():
    text = "Hij lachte. ,,We gaan door'', zei hij. ,,Nu,'' riep ze."
    spans = find_quoted_spans(text)
    assert [(text[s.start:s.end], s.open_mark, s.close_mark) for s in spans] == [
        ("We gaan door", ",,", "''"), ("Nu,", ",,", "''")]
    assert all(text[s.close:s.close_end] == "''" for s in spans)
    assert mark_positions(spans) >= {text.index(",,"), text.index(",,") + 1}


def test_a_comma_pair_inside_a_sentence_is_no_mark():
    assert find_quoted_spans("Cijfers: 1,,2 en 3.") == ()
