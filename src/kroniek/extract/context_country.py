"""Country from context: the unnamed domestic actors of an article act in its country.

"De politie", "de oppositie", "de vakbonden", "de ordetroepen": news names its own
country's police and unions without saying whose; the reader knows from the article.
The actors step gives such nominals a sector but no country. Here they get the
article's *focus country*: the country its actors belong to most often (counted over
the mentions of entities with a country), when it holds at least 40% of those
mentions and no other country as many.

Only actors without a knowledge-base entry are given a country: unnamed ones of
sectors that are a state's own (police, opposition, unions, courts, civil society,
business, media), and people the text names with a title ("President William Ruto")
whom the knowledge base does not know.

Proper names the knowledge base does not know and nothing else gave a country ("FNV",
"Arriva", "Liessel", "Pueblo Soberano") get the focus country as well: in news about one
country, what it names without saying whose is mostly that country's. Capitalized
common nouns ("de Commissie") and ministries' portfolios ("minister van Handel") do not.

Requires and provides ``entities`` (and reads the parse); runs after the actors step.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..model import Actor, Entity, ParsedDoc
from .names import PORTFOLIO_HEADS

# Sectors that belong to one state (CAMEO/PLOVER sector codes as the actors step gives them).
# Rebels without a name fight in the country the article is about ("rebellen").
DOMESTIC_SECTORS = frozenset({"GOV", "COP", "MIL", "JUD", "LEG", "OPP", "REB", "CVL", "LAB", "EDU", "BUS", "MED"})
# Unnamed government people are left out: in foreign news "diplomaten" or "EU-ministers"
# are as often another state's (or an organisation's) as the focus country's.
_NOT_FOR_PEOPLE = frozenset({"GOV"})
# Named entities the knowledge base does not know get the focus country too: in news
# about one country, the people, organisations and places it names without saying
# whose are mostly its own (on train-nl: actor-country recall 57 → 70, precision 85 → 81).
_UNKNOWN_NAME_TYPES = frozenset({"PER", "ORG", "LOC", "GPE"})
# The focus country must hold at least this share of the country-carrying mentions.
MIN_SHARE = 0.4


def focus_country(entities: tuple[Entity, ...]) -> str | None:
    """The country most of the article's actor mentions belong to, if one leads clearly."""
    return leading_country((e.actor.country, [m.start for m in e.mentions]) for e in entities
                           if e.actor is not None and e.actor.country and e.mentions)


def leading_country(actors: Iterable[tuple[str, Sequence[int]]]) -> str | None:
    """Of (country, mention starts) pairs, the country with a clear lead in mentions
    (ties broken by the first mention), as :func:`focus_country` says."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for country, starts in actors:
        counts[country] += len(starts)
        first[country] = min(first.get(country, min(starts)), min(starts))
    if not counts:
        return None
    ranked = sorted(counts, key=lambda c: (-counts[c], first[c]))
    best = ranked[0]
    if counts[best] / sum(counts.values()) < MIN_SHARE or (len(ranked) > 1 and counts[ranked[1]] == counts[best]):
        return None  # no clear focus: two countries equally
    return best


def _titled_name(e: Entity) -> bool:
    """A person the text names with a title ("President William Ruto") that the
    knowledge base does not know: an office holder of the country the article is about."""
    return e.type == "PER" and any(sum(w[:1].isupper() for w in m.text.split()[1:]) >= 1
                                   and len(m.text.split()) >= 2 for m in e.mentions)


def _unknown_name(e: Entity, parsed: ParsedDoc, token_at: dict[int, int]) -> bool:
    """A proper name ("Arriva", "Pueblo Soberano", "Liessel") nobody gave an actor: not
    a capitalized common noun ("de Commissie"), nor a ministry's portfolio ("minister
    van Handel"). ``token_at``: token index by start offset."""
    a = e.actor
    if e.type not in _UNKNOWN_NAME_TYPES or (a is not None and (a.kb_id or a.country or a.sector)):
        return False
    toks = parsed.tokens
    proper = False
    for m in e.mentions:
        i = token_at.get(m.start)
        if i is None:
            continue
        if i >= 2 and toks[i - 1].text.casefold() in ("van", "voor") \
                and toks[i - 2].text.casefold().split("-")[-1] in PORTFOLIO_HEADS:
            return False
        while not proper and i < len(toks) and toks[i].start < m.end:
            proper = toks[i].tag.startswith(("SPEC(deeleigen", "N(eigen"))
            i += 1
    return proper


def with_context_country(entities: tuple[Entity, ...], parsed: ParsedDoc | None = None) -> tuple[Entity, ...]:
    """``entities`` with the focus country given to unnamed domestic actors without one,
    and (given the parse) to proper names nobody gave an actor."""
    country = focus_country(entities)
    if country is None:
        return entities
    token_at = {t.start: t.i for t in parsed.tokens} if parsed is not None else {}
    out = []
    for e in entities:
        a = e.actor
        if a is not None and a.kb_id is None and a.country is None and a.sector is not None \
                and ((a.sector in DOMESTIC_SECTORS and not (e.type == "PER" and a.sector in _NOT_FOR_PEOPLE))
                     or _titled_name(e)):
            code = country + (a.sector or "") if (a.code is None or a.code == a.sector) else a.code
            e = replace(e, actor=Actor(code=code, country=country, sector=a.sector, role=a.role, kb_id=None))
        elif parsed is not None and _unknown_name(e, parsed, token_at):
            e = replace(e, actor=Actor(code=country, country=country, sector=None,
                                       role=a.role if a is not None else None, kb_id=None))
        out.append(e)
    return tuple(out)


class ContextCountryStep:
    """Pipeline step: entities → entities with unnamed domestic actors placed in the article's country."""

    name = "context_country"
    requires = ("entities",)
    provides = ("entities",)

    def __call__(self, work) -> dict[str, tuple]:
        return {"entities": with_context_country(tuple(work.annotations.get("entities", ())), work.parsed)}


__all__ = ["ContextCountryStep", "focus_country", "leading_country", "with_context_country"]
