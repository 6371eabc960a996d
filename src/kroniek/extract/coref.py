"""Coreference within an article: short names that refer back to a named entity.

News names a person in full once ("Onno Eichelsheim", "minister Wopke Hoekstra") and
then by surname ("Eichelsheim zei ..."). The tagger often misses the surname alone,
above all at the start of a sentence, where its capital tells nothing. This step adds
every later occurrence of a person's surname, or of an entity's one-word name, as a
mention of that entity, so that quotes, events and ``kroniek show`` see it.

Only names that point to one entity are used: a surname two people of the article
share ("Kim") is left alone. Role nouns ("de minister") and pronouns are resolved
where they are read (actors step, speaker resolution), by the nearest fitting actor.

Requires and provides ``entities``; runs after the actors step.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Entity, ParsedDoc, Span

# Short names must be this long: "Li", "Ma" are too often other words.
MIN_SHORT_NAME = 3


def _short_names(doc: ParsedDoc, entities: tuple[Entity, ...]) -> dict[str, str | None]:
    """Folded short name -> entity id (None where two entities share it)."""
    names: dict[str, str | None] = {}

    def add(word: str, eid: str) -> None:
        key = word.casefold()
        if len(key) < MIN_SHORT_NAME or not word[:1].isupper():
            return
        if key in names and names[key] != eid:
            names[key] = None
        else:
            names[key] = eid

    for e in entities:
        for m in e.mentions:
            words = m.text.split()
            if len(words) == 1:
                add(words[0], e.id)
            elif e.type == "PER" and words[-1][:1].isupper():
                add(words[-1], e.id)   # the surname: "Onno Eichelsheim" -> "Eichelsheim"
    return names


def add_short_name_mentions(doc: ParsedDoc, entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """``entities`` with every later lone occurrence of a short name added as a mention."""
    names = _short_names(doc, entities)
    if not names:
        return entities
    covered = sorted((m.start, m.end) for e in entities for m in e.mentions)
    first_seen = {e.id: min(m.start for m in e.mentions) for e in entities}
    added: dict[str, list[Span]] = {}
    k = 0
    for tok in doc.tokens:
        eid = names.get(tok.text.casefold())
        if not eid or not tok.text[:1].isupper() or tok.start <= first_seen[eid]:
            continue
        while k < len(covered) and covered[k][1] <= tok.start:
            k += 1
        if k < len(covered) and covered[k][0] < tok.end:
            continue  # already inside a mention
        added.setdefault(eid, []).append(Span(tok.start, tok.end, tok.text))
    if not added:
        return entities
    return tuple(replace(e, mentions=tuple(sorted((*e.mentions, *added[e.id]), key=lambda m: (m.start, m.end))))
                 if e.id in added else e for e in entities)


class CorefStep:
    """Pipeline step: entities → entities with their short-name mentions added."""

    name = "coref"
    requires = ("parse", "entities")
    provides = ("entities",)

    def __call__(self, work) -> dict[str, tuple]:
        return {"entities": add_short_name_mentions(work.parsed, tuple(work.annotations.get("entities", ())))}


__all__ = ["CorefStep", "add_short_name_mentions"]
