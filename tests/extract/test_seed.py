"""Issue 3 acceptance on the seed article, with the real Frog: every gold entity is
found with its mentions, and every gold entity with a country gets that country."""

from __future__ import annotations

import json

import pytest

from kroniek.ingest import read_paths
from kroniek.pipeline import Pipeline

from ..conftest import SEED_GOLD, require_frog


@pytest.fixture(scope="module")
def seed_doc(frog, seed_path):
    require_frog()
    (article,) = list(read_paths([seed_path]))
    return Pipeline().annotate(article, frog)


@pytest.fixture(scope="module")
def gold():
    return json.loads(SEED_GOLD.read_text(encoding="utf-8"))


def entity_for(doc, gold_entity):
    """The entity that carries the gold entity's first mention."""
    wanted = gold_entity["mentions"][0]
    for e in doc.entities:
        if wanted in {m.text for m in e.mentions}:
            return e
    return None


@pytest.mark.frog
def test_every_gold_entity_is_found_with_its_mentions(seed_doc, gold):
    missing = []
    for g in gold["entities"]:
        e = entity_for(seed_doc, g)
        if e is None:
            missing.append(f"{g['name']}: no entity with the mention {g['mentions'][0]!r}")
            continue
        texts = {m.text for m in e.mentions}
        lost = [m for m in g["mentions"] if m not in texts]
        if lost:
            missing.append(f"{g['name']}: mentions {lost} not in {sorted(texts)}")
    assert not missing, "\n".join(missing)


@pytest.mark.frog
def test_every_gold_country_is_right(seed_doc, gold):
    wrong = []
    for g in gold["entities"]:
        if not g["country"]:
            continue
        e = entity_for(seed_doc, g)
        got = e.actor.country if e is not None and e.actor is not None else None
        if got != g["country"]:
            wrong.append(f"{g['name']}: {got} instead of {g['country']}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.frog
def test_people_are_linked_and_spans_are_sound(seed_doc, gold):
    assert seed_doc.bad_spans() == []
    by_name = {e.name: e for e in seed_doc.entities}
    assert by_name["Vladimir Putin"].actor.role == "President of Russia"
    assert by_name["Sergey Lavrov"].actor.code == "RUSGOV"
    assert by_name["Donald Trump"].actor.kb_id == "DONALD_TRUMP"
    assert by_name["Mike Pompeo"].actor.role == "Secretary of State"
    # Nominal actors the lead's event step needs: the Russian government, the diplomat.
    assert by_name["Russian government"].actor.code == "RUSGOV"
    diplomats = [e for e in seed_doc.entities if e.actor and e.actor.code == "PRKGOV" and e.actor.kb_id is None
                 and e.type == "PER"]
    assert any("topdiplomaat" in m.text for e in diplomats for m in e.mentions)
    # Every entity that can act has an actor.
    assert all(e.actor is not None for e in seed_doc.entities if e.type in ("PER", "ORG", "GPE"))
