"""Nominal events and light-verb constructions (extract/nominal_events.py and its lexicons)."""

from __future__ import annotations

import pytest

from kroniek.config import Config, EventsConfig
from kroniek.errors import ConfigError
from kroniek.extract.event_patterns import default_lexicon
from kroniek.extract.nominal_events import (event_lexicon, nominal_patterns, read_frames, read_light_verbs,
                                            read_nouns)
from kroniek.model import EVENT_TYPES, Article
from kroniek.pipeline import Pipeline

# ----------------------------------------------------------------------------- lexicons


def test_every_plover_type_has_nouns_and_light_verbs():
    patterns = nominal_patterns()
    nouns = {p.type for p in patterns if p.line > 200_000}   # event_nouns.txt
    light = {p.type for p in patterns if p.line < 200_000}   # event_light_verbs.txt
    assert set(EVENT_TYPES) <= nouns, set(EVENT_TYPES) - nouns
    assert set(EVENT_TYPES) <= light, set(EVENT_TYPES) - light


def test_the_nominal_lexicon_is_large_and_added_after_the_verbs():
    patterns = nominal_patterns()
    assert len({p.trigger.lemma for p in patterns}) >= 250
    lexicon = event_lexicon()
    assert lexicon.patterns[:len(default_lexicon().patterns)] == default_lexicon().patterns
    # a light verb + noun (more words) is tried before the bare noun's frames
    sanctie = [p for p in lexicon.for_lemma("sanctie") if p.line > 100_000]
    assert any(p.needs for p in sanctie) and any(not p.needs for p in sanctie)


def test_noun_lines_expand_into_their_frames():
    frames = read_frames("act  van:S op:T\nact  op:T\nsolo  houden\n", "frames")
    assert frames == {"act": ("van:S op:T", "op:T"), "solo": ("houden",)}
    patterns = read_nouns("ASSAULT - act,solo aanval\n", "nouns", frames)
    assert [p.source_text for p in patterns] == ["ASSAULT - *aanval van:S op:T", "ASSAULT - *aanval op:T",
                                                  "ASSAULT - *aanval houden"]
    assert [s.role for s in patterns[0].slots] == ["source", "target"]


@pytest.mark.parametrize("text, message", [
    ("ASSAULT - act\n", "expected TYPE MODE FRAMES NOUN"),
    ("ATTACK - act aanval\n", "unknown PLOVER type"),
    ("ASSAULT - hit aanval\n", "unknown frame 'hit'"),
])
def test_bad_noun_lines_are_refused_with_their_line(text, message):
    with pytest.raises(ConfigError, match=message) as err:
        read_nouns("# comment\n" + text, "nouns", {"act": ("op:T",)})
    assert "line 2" in str(err.value)


def test_bad_frame_and_light_verb_lines_are_refused():
    with pytest.raises(ConfigError, match="line 1"):
        read_frames("act\n", "frames")
    with pytest.raises(ConfigError, match="no trigger of its own"):
        read_frames("act *aanval op:T\n", "frames")
    with pytest.raises(ConfigError, match="names its verb too"):
        read_light_verbs("ACCUSE - *kritiek op:T\n", "light")
    assert read_light_verbs("ACCUSE - *kritiek uiten op:T\n", "light")[0].needs[0].lemma == "uiten"


# ----------------------------------------------------------------------------- sentences, real Frog

# (sentence, expected events "TYPE source>target", "?" for an unknown actor) — one or more
# sentences per PLOVER type, written for these tests; "-" expects no event at all.
CASES = [
    # nouns with their prepositions
    ("De Europese Unie kondigde nieuwe sancties tegen Iran aan.", ["SANCTION Europese Unie>Iran"]),
    ("De Amerikaanse sancties tegen Rusland treffen ook Duitsland, zegt de regering in Washington. "
     "De Verenigde Staten willen meer.", ["SANCTION Verenigde Staten>Rusland"]),
    ("De aanval van Rusland op Kiev duurde de hele nacht.", ["ASSAULT Rusland>Kiev"]),
    ("De Oekraïense president sprak over het offensief tegen Charkiv.", ["ASSAULT ?>Charkiv"]),
    ("Het bezoek van Macron aan China begint maandag.", ["CONSULT Macron>China"]),
    ("De ontmoeting tussen Biden en Xi verliep goed.", ["CONSULT Biden>Xi"]),
    ("De uitzetting van Alexei Navalny door de Russische politie leidde tot protest.", ["COERCE politie>Navalny"]),
    ("Duitsland bood Oekraïne steun aan.", ["SUPPORT Duitsland>Oekraïne"]),
    ("De kritiek van Frankrijk op Italië is fel.", ["ACCUSE Frankrijk>Italië"]),
    ("De oproep van Zelensky aan de NAVO kwam dinsdag.", ["REQUEST Zelensky>NAVO"]),
    ("Het dreigement van Noord-Korea aan Japan werd serieus genomen.", ["THREATEN Noord-Korea>Japan"]),
    ("De vrijlating van Assange werd in Australië gevierd.", ["RETREAT ?>Assange"]),
    ("De vakbond FNV kondigde een staking aan.", ["PROTEST FNV>?"]),
    ("Het protest tegen Orbán trok duizenden mensen.", ["PROTEST ?>Orbán"]),
    # light verbs: one event for the noun and its verb
    ("Rutte uitte kritiek op Erdogan.", ["ACCUSE Rutte>Erdogan"]),
    ("De Verenigde Staten legden sancties op aan Venezuela.", ["SANCTION Verenigde Staten>Venezuela"]),
    ("Het Russische leger opende het vuur op Oekraïne.", ["ASSAULT leger>Oekraïne"]),
    ("Marokko verbrak de banden met Iran.", ["SANCTION Marokko>Iran"]),
    ("Merkel bracht een bezoek aan Polen.", ["CONSULT Merkel>Polen"]),
    ("China sprak zijn veto uit over de resolutie van Frankrijk.", ["REJECT China>Frankrijk"]),
    ("Israël sloot een akkoord met Egypte.", ["AGREE Israël>Egypte"]),
    ("Paus Franciscus deed een oproep aan Rusland.", ["REQUEST Franciscus>Rusland"]),
    ("Canada betuigde steun aan Oekraïne.", ["SUPPORT Canada>Oekraïne"]),
    ("Turkije nam Demirtas in hechtenis.", ["COERCE Turkije>Demirtas"]),
    ("Japan bood hulp aan Indonesië.", ["AID Japan>Indonesië"]),
    ("Polen deed een concessie aan Brussel.", ["CONCEDE Polen>Brussel"]),
    ("Zweden ging een samenwerking aan met Finland.", ["COOPERATE Zweden>Finland"]),
    ("Rusland stuurde troepen naar Wit-Rusland.", ["MOBILIZE Rusland>Wit-Rusland"]),
    # words that must not give an event
    ("Rusland wil de betrekkingen met Noord-Korea aanhalen om de band te tonen.", ["COOPERATE Rusland>Noord-Korea"]),
    ("De politie van Amsterdam was op rellen voorbereid.", "-"),
    ("Ajax verloor de uitwedstrijd tegen PSV.", "-"),                       # not "strijd"
    ("De coalitie van VVD en CDA verloor haar meerderheid.", "-"),          # a coalition is a state
    ("Hij schreef over de oorlogen op de Balkan.", "-"),                     # "op": a place, no target
    # he opposed them: his criticism (one actor), never the deliveries with him as source
    ("Orbán ageerde tegen wapenleveranties aan Oekraïne.", ["ACCUSE Orbán>?"]),
    ("Frankrijk noemde de Russische aanval op Kiev onaanvaardbaar.", ["ACCUSE Frankrijk>?", "ASSAULT ?>Kiev"]),
    ("Rutte maakte zijn reis naar Parijs bekend.", ["CONSULT Rutte>Parijs"]),
]


def _names(doc, entity_id):
    if entity_id is None:
        return ["?"]
    ent = next(e for e in doc.entities if e.id == entity_id)
    return [m.text for m in ent.mentions] + [ent.name]


def _fits(doc, event, spec):
    typ, pair = spec.split(" ", 1)
    src, tgt = pair.split(">")
    if event.type != typ:
        return False
    return all(any(want == n or (want != "?" and want in n) for n in _names(doc, role))
               for role, want in ((event.source, src), (event.target, tgt)))


@pytest.fixture(scope="module")
def pipeline():
    # The frames are under test, not the political-actor policy: private people and
    # organisations the knowledge base lacks ("FNV", "Assange") count as actors here.
    return Pipeline(config=Config(events=EventsConfig(actors="all")))


@pytest.mark.frog
@pytest.mark.parametrize("sentence, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_sentence(frog, pipeline, sentence, expected):
    doc = pipeline.annotate(Article(id="t", text=sentence, date="2024-03-12"), frog)
    assert doc.bad_spans() == []
    for v in doc.events:  # offsets are sacred
        assert doc.text[v.trigger.start:v.trigger.end] == v.trigger.text
    got = [f"{v.type} {_names(doc, v.source)[0]}>{_names(doc, v.target)[0]}" for v in doc.events]
    wanted = [] if expected == "-" else expected
    for spec in wanted:
        assert any(_fits(doc, v, spec) for v in doc.events), f"missing {spec!r}; got {got}"
    assert len(doc.events) == len(wanted), f"expected {wanted}, got {got}"
