"""The speech word lists: present, loadable, consistent."""

from __future__ import annotations

from importlib import resources

import pytest

from kroniek.errors import KroniekError
from kroniek.extract.speech_lexicon import load_speech_lexicon, read_entries

LISTS = ("speech_verbs.txt", "report_verbs.txt", "speech_verbs_om_te.txt", "attribution_cues.txt",
         "anaphoric_cues.txt", "clause_openers.txt", "clause_breaks.txt", "speaker_pronouns.txt",
         "first_person_pronouns.txt", "role_nouns.txt", "organisation_nouns.txt", "document_nouns.txt",
         "title_cues.txt", "not_speakers.txt")


@pytest.mark.parametrize("name", LISTS)
def test_each_list_is_plain_lower_case_without_duplicates(name):
    entries = read_entries("nl", name)
    assert entries, name
    assert len(set(entries)) == len(entries), name
    assert all(e == e.lower() for e in entries), name
    raw = (resources.files("kroniek") / "lexicons" / "nl" / name).read_text(encoding="utf-8")
    assert raw.startswith("#"), f"{name} should open with a comment saying what it holds"


def test_the_issue_speech_verbs_are_there():
    lex = load_speech_lexicon()
    for verb in ("zeggen", "melden", "verklaren", "stellen", "benadrukken", "waarschuwen", "ontkennen"):
        assert verb in lex.speech_verbs
    assert ("laten", "weten") in lex.speech_phrases


def test_report_and_om_te_verbs_are_speech_verbs():
    lex = load_speech_lexicon()
    assert lex.report_verbs <= lex.speech_verbs
    assert lex.om_te_verbs <= lex.speech_verbs
    assert {"volgens", "aldus"} <= lex.attribution_cues
    assert ("om", "te") in lex.split_openers and {"dat", "of"} <= lex.clause_openers


def test_pronouns_say_what_they_can_refer_to():
    lex = load_speech_lexicon()
    assert lex.pronoun("Hij") == frozenset({"person"})
    assert lex.pronoun("ze") == frozenset({"person", "group"})
    assert lex.pronoun("tafel") is None


def test_the_lexicon_loads_once():
    assert load_speech_lexicon() is load_speech_lexicon()


def test_a_missing_list_is_a_clear_error():
    with pytest.raises(KroniekError, match="missing") as info:
        read_entries("nl", "no_such_list.txt")
    assert info.value.code == "E_EXTRACT"
