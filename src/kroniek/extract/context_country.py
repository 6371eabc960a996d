"""Country from context: the unnamed domestic actors of an article act in its country.

"De politie", "de oppositie", "de vakbonden", "de ordetroepen": news names its own
country's police and unions without saying whose; the reader knows from the article.
The actors step gives such nominals a sector but no country. Here they get the
article's *focus country*: the country its actors belong to most often (counted over
the mentions of entities with a country). Only when one country leads clearly; an
article about two countries equally leaves them without.

Only nominal actors (no knowledge-base entry) of sectors that are a state's own
(police, army, government bodies, opposition, unions, courts, civil society) are
given a country; names are left to the knowledge base.

Requires and provides ``entities``; runs after the actors step.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ..model import Actor, Entity

# Sectors that belong to one state (CAMEO/PLOVER sector codes as the actors step gives them).
DOMESTIC_SECTORS = frozenset({"GOV", "COP", "MIL", "JUD", "LEG", "OPP", "CVL", "LAB", "EDU", "BUS", "MED", "SPY"})
# The focus country must hold at least this share of the country-carrying mentions.
MIN_SHARE = 0.4


def focus_country(entities: tuple[Entity, ...]) -> str | None:
    """The country most of the article's actor mentions belong to, if one leads clearly."""
    counts: Counter[str] = Counter()
    for e in entities:
        if e.actor is not None and e.actor.country:
            counts[e.actor.country] += len(e.mentions)
    if not counts:
        return None
    (best, n), *rest = counts.most_common(2) + [("", 0)]
    total = sum(counts.values())
    if n / total < MIN_SHARE or (rest and rest[0][1] == n):
        return None
    return best


def with_context_country(entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """``entities`` with the focus country given to unnamed domestic actors without one."""
    country = focus_country(entities)
    if country is None:
        return entities
    out = []
    for e in entities:
        a = e.actor
        if a is not None and a.kb_id is None and a.country is None and a.sector in DOMESTIC_SECTORS:
            code = country + (a.sector or "") if (a.code is None or a.code == a.sector) else a.code
            e = replace(e, actor=Actor(code=code, country=country, sector=a.sector, role=a.role, kb_id=None))
        out.append(e)
    return tuple(out)


class ContextCountryStep:
    """Pipeline step: entities → entities with unnamed domestic actors placed in the article's country."""

    name = "context_country"
    requires = ("entities",)
    provides = ("entities",)

    def __call__(self, work) -> dict[str, tuple]:
        return {"entities": with_context_country(tuple(work.annotations.get("entities", ())))}


__all__ = ["ContextCountryStep", "focus_country", "with_context_country"]
