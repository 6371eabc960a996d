"""Actor-country scoring over entities: gold loading, matching, figures."""

from __future__ import annotations

import json

import pytest

from kroniek.errors import InputError
from kroniek.eval.entities import count_countries, load_gold_entities, match_entities
from kroniek.model import Actor, Entity, Span

TEXT = "De politie in Den Haag hield Lavrov aan. Lavrov protesteerde."


def gold(tmp_path, **over):
    data = {"id": "g", "header_date": "2019-01", "text": TEXT, "entities": [
        {"name": "Dutch police", "country": "NLD", "mentions": ["De politie"]},
        {"name": "Sergey Lavrov", "country": "RUS", "mentions": ["Lavrov"]},
        {"name": "The Hague", "country": "NLD", "mentions": ["Den Haag"]}]}
    data.update(over)
    p = tmp_path / "g.json"
    p.write_text(json.dumps(data), encoding="utf-8")
    return load_gold_entities(p)


def ent(eid, words, country, nth=(0,)):
    spans = []
    for n in nth:
        start = -1
        for _ in range(n + 1):
            start = TEXT.index(words, start + 1)
        spans.append(Span(start, start + len(words), words))
    actor = Actor(code=country, country=country, sector=None, role=None, kb_id=None) if country else None
    return Entity(eid, words, "ORG", actor, tuple(spans))


def test_gold_mentions_are_placed_everywhere_they_occur(tmp_path):
    g = gold(tmp_path)
    lavrov = g.entities[1]
    assert [TEXT[s:e] for s, e in lavrov.spans] == ["Lavrov", "Lavrov"]


def test_countries_are_scored_over_matched_entities(tmp_path):
    g = gold(tmp_path)
    found = (ent("e1", "De politie", "NLD"),            # right
             ent("e2", "Lavrov", "UKR", nth=(0, 1)),    # found, wrong country
             ent("e3", "protesteerde", "FRA"))          # no gold entity: counts against precision
    c = count_countries(match_entities(g.entities, found))
    assert (c.gold, c.found, c.hits, c.matched) == (3, 3, 1, 2)
    p, r, _ = c.prf
    assert (round(p, 3), round(r, 3)) == (0.333, 0.333)


def test_bad_gold_is_a_clear_error(tmp_path):
    with pytest.raises(InputError) as info:
        gold(tmp_path, entities=[{"country": "NLD"}])
    assert info.value.code == "E_INPUT_FIELD"
