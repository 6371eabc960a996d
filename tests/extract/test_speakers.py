"""Speaker phrases to entities: mentions, pronouns, role nouns, names."""

from __future__ import annotations

from kroniek.extract.entities import extract_entities
from kroniek.extract.phrases import Phrase
from kroniek.extract.speakers import SpeakerResolver
from kroniek.extract.speech_lexicon import load_speech_lexicon

from .quote_cases import toy


def resolver(text, ner, quoted=()):
    doc = toy(text, ner)
    entities = extract_entities(doc)
    return doc, {e.id: e.name for e in entities}, SpeakerResolver(doc, entities, load_speech_lexicon(), quoted)


def phrase(doc, words: str, nth: int = 0) -> Phrase:
    """The tokens of ``words`` (its ``nth`` occurrence) as a phrase, head at its last word."""
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(words, start + 1)
    toks = [t.i for t in doc.tokens if start <= t.start and t.end <= start + len(words)]
    return Phrase(toks[0], toks[-1] + 1, toks[-1])


def test_a_mention_inside_the_phrase_names_the_speaker():
    doc, names, r = resolver("Een woordvoerder van Shell zweeg.", {"Shell": "ORG"})
    assert names[r.resolve(phrase(doc, "Een woordvoerder van Shell"))] == "Shell"


def test_a_person_wins_over_an_organisation_in_one_phrase():
    doc, names, r = resolver("Minister Hoekstra van Financiën en de NAVO zwegen.",
                             {"Hoekstra": "PER", "Financiën": "ORG"})
    assert names[r.resolve(phrase(doc, "Minister Hoekstra van Financiën"))] == "Hoekstra"


def test_a_pronoun_takes_the_first_person_named_in_the_sentence_before():
    doc, names, r = resolver("Rutte sprak met Scholz in Berlijn. Hij was tevreden.",
                             {"Rutte": "PER", "Scholz": "PER", "Berlijn": "LOC"})
    assert names[r.resolve(phrase(doc, "Hij"))] == "Rutte"


def test_a_pronoun_skips_names_inside_quotes():
    text = "Rutte zweeg. “Scholz komt.” Hij was tevreden."
    q = text.index("“"), text.index("”") + 1
    doc, names, r = resolver(text, {"Rutte": "PER", "Scholz": "PER"}, quoted=(q,))
    assert names[r.resolve(phrase(doc, "Hij"))] == "Rutte"


def test_a_group_pronoun_finds_an_organisation():
    doc, names, r = resolver("De NAVO kwam bijeen. Ze waarschuwde.", {"NAVO": "ORG"})
    assert names[r.resolve(phrase(doc, "Ze"))] == "NAVO"


def test_a_person_pronoun_does_not_take_an_organisation():
    doc, names, r = resolver("De NAVO kwam bijeen. Hij waarschuwde.", {"NAVO": "ORG"})
    assert r.resolve(phrase(doc, "Hij")) is None


def test_a_pronoun_with_nobody_before_is_none():
    doc, _, r = resolver("Hij waarschuwde.", {})
    assert r.resolve(phrase(doc, "Hij")) is None


def test_a_role_noun_takes_the_person_named_with_that_role():
    doc, names, r = resolver("Wopke Hoekstra, de minister van Financiën, reisde naar Brussel. De minister zweeg.",
                             {"Wopke Hoekstra": "PER", "Brussel": "LOC"})
    assert names[r.resolve(phrase(doc, "De minister"))] == "Wopke Hoekstra"


def test_a_role_noun_prefers_the_person_mentioned_most():
    text = ("Lavrov, de minister, sprak. Lavrov lachte. Daarna sprak minister Ri met hem. "
            "De minister vertrok.")
    doc, names, r = resolver(text, {"Lavrov": "PER", "Ri": "PER"})
    assert names[r.resolve(phrase(doc, "De minister"))] == "Lavrov"


def test_a_role_noun_never_named_with_anyone_is_none():
    doc, _, r = resolver("Trump ontmoette Kim. De woordvoerder zweeg.", {"Trump": "PER", "Kim": "PER"})
    assert r.resolve(phrase(doc, "De woordvoerder")) is None


def test_an_organisation_noun_takes_an_organisation():
    doc, names, r = resolver("Het kabinet van Rutte viel. Het kabinet zweeg.", {"Rutte": "PER"})
    assert r.resolve(phrase(doc, "Het kabinet", 1)) is None  # Rutte is a person, not a body
    doc, names, r = resolver("De regering van Frankrijk viel. De regering zweeg.", {"Frankrijk": "LOC"})
    assert names[r.resolve(phrase(doc, "De regering", 1))] == "Frankrijk"


def test_a_name_the_ner_missed_matches_an_entity_by_its_surname():
    doc, names, r = resolver("Mike Pompeo reisde. Volgens Pompeo komt het goed.", {"Mike Pompeo": "PER"})
    assert names[r.resolve(phrase(doc, "Pompeo", 1))] == "Mike Pompeo"


def test_scores_rank_how_clearly_a_phrase_names_a_speaker():
    doc, _, r = resolver("Rutte en de minister en hij en het rapport en Pernis en donderdag en de tafel.",
                         {"Rutte": "PER"})
    scores = {w: r.score(phrase(doc, w)) for w in ("Rutte", "de minister", "hij", "het rapport", "Pernis",
                                                   "donderdag", "de tafel")}
    assert scores == {"Rutte": 4, "de minister": 2, "hij": 3, "het rapport": 1, "Pernis": 1,
                      "donderdag": 0, "de tafel": 0}
    assert r.score(None) == 0
