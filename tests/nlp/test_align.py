import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kroniek.nlp.align import align, fold

WORDS = ["Lavrov", "reist", "naar", "Noord-Korea", "“", "”", "„", "'", "’s", "—", "–", "…", "Poetins",
         "12", "juni", "😀", "https://nos.nl/a_b?x=1", "één-na-belangrijkste", "ﬁets", "Ä", "e\u0301"]
REWRITE = {"“": '"', "”": '"', "„": '"', "—": "-", "–": "-", "…": "...", "ﬁets": "fiets"}


def test_multiword_units_and_normalized_quotes():
    text = "Sergej  Lavrov zei: „Goed” — en   ging."
    forms = ["Sergej_Lavrov", "zei", ":", '"', "Goed", '"', "-", "en", "ging", "."]
    a = align(text, forms)
    assert [text[s:e] for s, e in a.spans] == ["Sergej  Lavrov", "zei", ":", "„", "Goed", "”", "—",
                                              "en", "ging", "."]
    assert a.unaligned == ()


def test_underscore_inside_a_real_token():
    text = "zie https://x.nl/a_b en snake_case"
    a = align(text, ["zie", "https://x.nl/a_b", "en", "snake_case"])
    assert [text[s:e] for s, e in a.spans] == ["zie", "https://x.nl/a_b", "en", "snake_case"]


def test_dropped_and_unknown_characters_recover():
    text = "een\u200b twee ??? drie"
    a = align(text, ["een", "twee", "XYZ", "drie"])
    assert [text[s:e] for s, e in a.spans][0:2] == ["een", "twee"]
    assert text[slice(*a.spans[3])] == "drie"
    assert a.unaligned == (2,)


@settings(max_examples=300, deadline=None)
@given(tokens=st.lists(st.sampled_from(WORDS), min_size=1, max_size=25),
       spaces=st.lists(st.sampled_from([" ", "  ", "\n", "\n\n", "\t", " \u200b"]), min_size=25, max_size=25),
       joins=st.lists(st.booleans(), min_size=25, max_size=25))
def test_rewritten_forms_map_back_exactly(tokens, spaces, joins):
    text = ""
    starts = []
    for k, t in enumerate(tokens):
        if k:
            text += spaces[k]
        starts.append(len(text))
        text += t
    # The "tokenizer": rewrites characters, joins some neighbouring words with '_'.
    forms, expected = [], []
    k = 0
    while k < len(tokens):
        form = REWRITE.get(tokens[k], tokens[k])
        start, end = starts[k], starts[k] + len(tokens[k])
        while (k + 1 < len(tokens) and joins[k] and tokens[k].isalpha() and tokens[k + 1].isalpha()
               and spaces[k + 1].strip() == ""):
            k += 1
            form += "_" + REWRITE.get(tokens[k], tokens[k])
            end = starts[k] + len(tokens[k])
        forms.append(form)
        expected.append((start, end))
        k += 1
    a = align(text, forms)
    assert a.unaligned == ()
    assert list(a.spans) == expected
    for (s, e), form in zip(a.spans, forms):
        assert fold(re.sub(r"\s+", "_", text[s:e])) == fold(form)
