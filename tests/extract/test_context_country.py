"""Country from context and short-name coreference, on hand-made entities."""

from __future__ import annotations

from kroniek.extract.context_country import focus_country, with_context_country
from kroniek.model import Actor, Entity, Span


def ent(eid, name, start, country=None, sector=None, kb_id=None, n=1, typ="ORG"):
    actor = Actor(code=((country or "") + (sector or "")) or None, country=country, sector=sector,
                  role=None, kb_id=kb_id) if (country or sector) else None
    mentions = tuple(Span(start + 10 * k, start + 10 * k + len(name), name) for k in range(n))
    return Entity(eid, name, typ, actor, mentions)


def test_the_focus_country_must_lead_clearly():
    nl = ent("e1", "Nederland", 0, "NLD", None, "NLD", n=3)
    be = ent("e2", "België", 100, "BEL", None, "BEL", n=1)
    assert focus_country((nl, be)) == "NLD"
    assert focus_country((nl, ent("e2", "België", 100, "BEL", None, "BEL", n=3))) is None  # a tie
    assert focus_country(()) is None


def test_unnamed_domestic_actors_get_the_focus_country_and_names_do_not():
    nl = ent("e1", "Nederland", 0, "NLD", None, "NLD", n=3)
    police = ent("e2", "de politie", 200, None, "COP")
    person = ent("e3", "Jan Jansen", 300, typ="PER")                    # a name: the KB's business
    linked = ent("e4", "NAVO", 400, None, "IGO", kb_id="NATO")          # not a domestic sector
    out = {e.id: e for e in with_context_country((nl, police, person, linked))}
    assert out["e2"].actor.country == "NLD" and out["e2"].actor.code == "NLDCOP"
    assert out["e3"].actor is None
    assert out["e4"].actor.country is None
