"""The learned layer over the event rules (extract/event_model.py): the model file, the
proposals on hand-built sentences, and what it adds in the pipeline through real Frog."""

from __future__ import annotations

import json

import pytest

from kroniek.config import Config, EventsConfig, config_from_dict
from kroniek.errors import ConfigError, KroniekError
from kroniek.extract.event_model import (EventModel, Hit, LinearModel, Mention, SentenceView, Thresholds,
                                         default_model, mention_features, propose, sentence_features)
from kroniek.model import EVENT_TYPES, Article, Token
from kroniek.pipeline import Pipeline


def _tok(i, text, lemma, pos, tag, head, deprel, start):
    return Token(i=i, start=start, end=start + len(text), text=text, form=text, lemma=lemma, pos=pos, tag=tag,
                 ner="O", head=head, deprel=deprel, sent=0)


def _sentence() -> SentenceView:
    """ "Duitsland levert Polen tanks ." parsed by hand: subject, verb, indirect object, object."""
    words = [("Duitsland", "Duitsland", "SPEC", "SPEC(deeleigen)", 1, "su"),
             ("levert", "leveren", "WW", "WW(pv,tgw,met-t)", None, "ROOT"),
             ("Polen", "Polen", "SPEC", "SPEC(deeleigen)", 1, "obj2"),
             ("tanks", "tank", "N", "N(soort,mv,basis)", 1, "obj1"),
             (".", ".", "LET", "LET()", 1, "punct")]
    tokens, start = [], 0
    for i, (text, lemma, pos, tag, head, dep) in enumerate(words):
        tokens.append(_tok(i, text, lemma, pos, tag, head, dep, start))
        start += len(text) + 1
    mentions = (Mention("e1", 0, 0, "GPE", "DEU", "GOV"), Mention("e2", 2, 2, "GPE", "POL", "GOV"))
    return SentenceView(tuple(tokens), 0, mentions, (), frozenset())


def _model(aid_bias: float = 3.0, without_trigger: float | None = 0.6) -> EventModel:
    """A model written by hand: AID when "leveren" is in the sentence; subjects are
    sources, indirect objects targets. It proposes types without a lexicon trigger at
    ``without_trigger`` (the shipped model proposes none: None)."""
    aid = LinearModel({"v=leveren": aid_bias}, -2.0)
    source = LinearModel({"dep=su": 4.0, "dep=obj2": -4.0}, -1.0)
    target = LinearModel({"dep=obj2": 4.0, "dep=su": -4.0}, -1.0)
    return EventModel({"AID": aid}, source, target, Thresholds(type_without_trigger=without_trigger),
                      {"trained_on": ["by hand"]})


# ----------------------------------------------------------------------------- the model file


def test_a_linear_model_is_a_logistic_regression():
    m = LinearModel({"a": 2.0, "b": -1.0}, 0.5)
    assert m.probability({}) == pytest.approx(1 / (1 + 2.718281828 ** -0.5), abs=1e-6)
    assert m.probability({"a": 1.0, "b": 1.0}) == pytest.approx(1 / (1 + 2.718281828 ** -1.5), abs=1e-6)
    assert 0.0 < m.probability({"a": 1e6}) <= 1.0     # no overflow on wild inputs


def test_a_model_survives_its_json_round_trip():
    model = _model()
    again = EventModel.from_json(model.to_json())
    view = _sentence()
    assert again.types["AID"].probability(sentence_features(view)) == model.types["AID"].probability(
        sentence_features(view))
    assert again.thresholds == model.thresholds and again.about == {"trained_on": ["by hand"]}


@pytest.mark.parametrize("text", ["not json", "{}", '{"types": {"AID": {"bias": 1}}, "source": {}}', "[]"])
def test_a_file_that_is_not_a_model_is_refused_with_its_code(text, tmp_path):
    path = tmp_path / "model.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KroniekError) as info:
        EventModel.load(path)
    assert info.value.code == "E_MODEL" and str(path) in str(info.value)


def test_a_missing_model_file_is_refused_with_its_code(tmp_path):
    with pytest.raises(KroniekError) as info:
        Pipeline(config=Config(events=EventsConfig(model=str(tmp_path / "nope.json"))))
    assert info.value.code == "E_MODEL" and "nope.json" in str(info.value)


def test_the_shipped_model_covers_the_types_and_says_what_it_learned_from():
    model = default_model()
    assert model is not None
    assert set(model.types) == set(EVENT_TYPES)
    assert model.about["trained_on"] == ["train-nl"]   # never the dev-nl answer key it is measured on
    assert set(model.modality) == {"asserted", "planned", "hypothetical", "negated"}


# ----------------------------------------------------------------------------- configuration


def test_the_events_section_is_validated():
    assert config_from_dict({"events": {"learned": False}}).events == EventsConfig(learned=False)
    with pytest.raises(ConfigError, match="events.lerned"):
        config_from_dict({"events": {"lerned": False}})
    with pytest.raises(ConfigError, match="events.learned"):
        config_from_dict({"events": {"learned": "no"}})


def test_switching_the_layer_off_changes_the_annotator():
    rules = Pipeline(config=Config(events=EventsConfig(learned=False)))
    assert rules.annotator != Pipeline().annotator
    assert "events-rules" in [s.name for s in rules.steps]


def test_an_own_model_changes_the_annotator(tmp_path):
    path = tmp_path / "mine.json"
    path.write_text(_model().to_json(), encoding="utf-8")
    mine = Pipeline(config=Config(events=EventsConfig(model=str(path))))
    assert mine.annotator != Pipeline().annotator


# ----------------------------------------------------------------------------- proposals


def test_the_model_proposes_a_type_with_its_roles():
    [p] = propose(_model(), _sentence())
    assert (p.type, p.source.country, p.target.country) == ("AID", "DEU", "POL")


def test_by_default_no_type_without_a_lexicon_trigger_of_it():
    model = _model(without_trigger=None)
    view = _sentence()
    assert propose(model, view) == []
    with_hit = SentenceView(view.tokens, view.first, view.mentions, (Hit(1, "AID", False),), frozenset())
    assert [p.type for p in propose(model, with_hit)] == ["AID"]
    assert Thresholds().type_without_trigger is None


def test_nothing_below_the_threshold():
    assert propose(_model(aid_bias=0.5), _sentence()) == []


def test_a_sentence_the_rules_coded_is_left_to_the_rules():
    view = _sentence()
    coded = SentenceView(view.tokens, view.first, view.mentions, view.hits, frozenset({"SUPPORT"}))
    assert propose(_model(), coded) == []


def test_no_actor_no_event():
    view = _sentence()
    assert propose(_model(), SentenceView(view.tokens, view.first, (), view.hits, frozenset())) == []


def test_a_lexicon_trigger_lowers_the_bar():
    model = _model(aid_bias=2.3)   # p = 0.57: under the bar without a trigger, over it with one
    view = _sentence()
    assert propose(model, view) == []
    with_hit = SentenceView(view.tokens, view.first, view.mentions, (Hit(1, "AID", False),), frozenset())
    assert [p.type for p in propose(model, with_hit)] == ["AID"]
    assert sentence_features(with_hit)["hit=AID"] == 1.0


def test_mention_features_read_the_parse():
    view = _sentence()
    f = mention_features(view, view.mentions[1], "AID")
    assert f["dep=obj2"] == f["AID:dep=obj2"] == f["side=after"] == 1.0
    assert f["rel=none"] == 1.0            # no AID trigger in the sentence: no relation to one
    with_hit = SentenceView(view.tokens, view.first, view.mentions, (Hit(1, "AID", False),), frozenset())
    assert mention_features(with_hit, view.mentions[1], "AID")["rel=dep:obj2"] == 1.0


# ----------------------------------------------------------------------------- real Frog

# Sentences written for this test that the pattern rules leave without an event.
LEARNED = [
    ("De Verenigde Staten leveren Oekraïne wapens.", "AID", "USA", "UKR"),
]


@pytest.mark.frog
@pytest.mark.parametrize("sentence, typ, source, target", LEARNED)
def test_the_layer_adds_what_the_rules_miss(frog, sentence, typ, source, target):
    article = Article(id="t", text=sentence, date="2024-03-12")
    rules = Pipeline(config=Config(events=EventsConfig(learned=False))).annotate(article, frog)
    assert rules.events == ()
    doc = Pipeline().annotate(article, frog)
    countries = {e.id: e.actor.country for e in doc.entities if e.actor}
    assert [(v.type, countries.get(v.source), countries.get(v.target)) for v in doc.events] == [
        (typ, source, target)]
    for v in doc.events:   # offsets are sacred
        assert sentence[v.trigger.start:v.trigger.end] == v.trigger.text
        assert (v.sentence.start, v.sentence.end) == (0, len(sentence))
        assert 0 < v.confidence <= 0.6   # a learned guess stays below the rules' confidence
    assert doc.bad_spans() == []
    json.dumps(doc.to_dict())


def test_a_learned_event_is_carried_by_the_verb_an_auxiliary_chain_ends_in():
    from kroniek.extract.events import _learned_trigger

    from ..helpers import toy_parse

    text = "Duitsland heeft Oekraïne wapens willen leveren."
    doc = toy_parse(text, tags={"heeft": "WW(pv,tgw,ev)", "willen": "WW(inf,vrij,zonder)",
                                "leveren": "WW(inf,vrij,zonder)"},
                    lemmas={"heeft": "hebben"},
                    heads={0: (1, "su"), 1: (None, "ROOT"), 2: (5, "obj2"), 3: (5, "obj1"), 4: (1, "vc"),
                           5: (4, "vc"), 6: (5, "punct")})
    view = SentenceView(doc.tokens, 0, (), (), frozenset())
    assert doc.tokens[_learned_trigger(doc, view, "AID")].text == "leveren"
    # A lexicon trigger of the type wins over any verb.
    with_hit = SentenceView(doc.tokens, 0, (), (Hit(3, "AID", True),), frozenset())
    assert doc.tokens[_learned_trigger(doc, with_hit, "AID")].text == "wapens"


@pytest.mark.frog
def test_events_between_private_people_need_actors_all(frog):
    text = "Piet Jansen beschuldigde zijn buurman Jan de Vries van diefstal."
    article = Article(id="t", text=text, date="2019-03-12")
    assert Pipeline().annotate(article, frog).events == ()
    everyone = Pipeline(config=Config(events=EventsConfig(actors="all")))
    assert [v.type for v in everyone.annotate(article, frog).events] == ["ACCUSE"]
    assert everyone.annotator != Pipeline().annotator   # stored documents are redone


def test_the_actor_policy_is_validated():
    assert config_from_dict({"events": {"actors": "all"}}).events.actors == "all"
    with pytest.raises(ConfigError, match="events.actors"):
        config_from_dict({"events": {"actors": "everyone"}})


@pytest.mark.frog
def test_the_learned_layer_adds_one_sided_guesses_only_when_asked(frog):
    # "praten over" a topic names no other party: a one-sided CONSULT is a guess, and
    # such guesses were mostly wrong on general news (docs/EVALUATION.md).
    article = Article(id="t", text="Minister Grapperhaus praatte dinsdag in Utrecht over veiligheid.",
                      date="2019-03-12")
    assert Pipeline().annotate(article, frog).events == ()
    one = Pipeline(config=Config(events=EventsConfig(learned_sides="one")))
    assert [(v.type, v.target) for v in one.annotate(article, frog).events] == [("CONSULT", None)]
    assert one.annotator != Pipeline().annotator   # stored documents are redone


def test_the_learned_sides_are_validated():
    assert config_from_dict({"events": {"learned_sides": "one"}}).events.learned_sides == "one"
    with pytest.raises(ConfigError, match="events.learned_sides"):
        config_from_dict({"events": {"learned_sides": "two"}})


def test_an_international_body_is_a_side_of_its_own():
    # The EU and NATO's secretary general act for no state (GUIDELINES), yet are
    # actors: their side is their IGO code; an actor of neither kind has none.
    from kroniek.extract.event_model import side_key
    from kroniek.model import Actor, Entity

    def ent(actor):
        return Entity(id="e1", name="x", type="ORG", mentions=(), actor=actor)

    assert side_key(ent(Actor(code="IGOWSTNAT", country=None, sector="IGO"))) == "IGOWSTNAT"
    assert side_key(ent(Actor(code="RUSGOV", country="RUS", sector="GOV"))) == "RUS"
    assert side_key(ent(Actor(code=None, country=None, sector="MED"))) is None
    assert side_key(ent(None)) is None
