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


def _person_like(e: Entity, words: list[str]) -> bool:
    """A person, or a name the tagger left untyped whose last two words are capitalised
    ("MIVD-baas Onno Eichelsheim": MISC)."""
    if e.type == "PER":
        return words[-1][:1].isupper()
    return e.type == "MISC" and (e.actor is None or e.actor.kb_id is None) \
        and all(w[:1].isupper() and w.isalpha() for w in words[-2:])


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
            elif _person_like(e, words):
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
    gone: set[str] = set()
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
    # An entity the tagger made of the short name alone ("Eichelsheim", unlinked) is
    # the full name's entity.
    for e in entities:
        if e.actor is not None and e.actor.kb_id is not None:
            continue
        targets = {names.get(m.text.casefold()) for m in e.mentions}
        if len(targets) == 1 and (t := targets.pop()) and t != e.id \
                and all(len(m.text.split()) == 1 for m in e.mentions):
            added.setdefault(t, []).extend(e.mentions)
            gone.add(e.id)
    if not added:
        return entities
    kept = [replace(e, mentions=tuple(sorted(set(e.mentions) | set(added[e.id]), key=lambda m: (m.start, m.end))))
            if e.id in added else e for e in entities if e.id not in gone]
    if not gone:
        return tuple(kept)
    # Ids stay e1, e2, ... in order of first mention, as the actors step gives them.
    kept.sort(key=lambda e: e.mentions[0].start)
    return tuple(replace(e, id=f"e{n}") for n, e in enumerate(kept, 1))


class CorefStep:
    """Pipeline step: entities → entities with their short-name mentions added."""

    name = "coref"
    requires = ("parse", "entities")
    provides = ("entities",)

    def __call__(self, work) -> dict[str, tuple]:
        return {"entities": add_short_name_mentions(work.parsed, tuple(work.annotations.get("entities", ())))}


__all__ = ["CorefStep", "add_short_name_mentions"]
