"""Nominal speakers: the unnamed people and bodies that speak become entities.

"diplomaten", "een woordvoerster van het Witte Huis", "de journalistenbond", "het
Russische ministerie van Defensie": news often quotes someone it does not name. The
actors step makes entities of the role and agent phrases its lexicons know; a speaker
phrase that names a person or a body (its head a role or organisation noun of the
speech lexicon) and still stands for no entity becomes one here, so that its quotes
have a speaker and the chronicle an actor, with the country and sector the phrase
gives ("het Amerikaanse ministerie ..." → USA, GOV).

A spokesperson or source *of* a body ("een woordvoerster van het Witte Huis", "een
bron van de NOS") is a person of its own, not the body named inside the phrase: the
phrase becomes the entity, and the body keeps its own.

Runs after the actors step and before the quotes step; requires and provides
``entities``.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Entity, ParsedDoc, Span
from .actors import link_span
from .kb_step import KnowledgeBaseStep
from .phrases import Phrase, is_personal_pronoun
from .speakers import SpeakerResolver
from .speech_cues import analyse_speech
from .speech_lexicon import SpeechLexicon, load_speech_lexicon

# How clearly a phrase must name a speaker (SpeakerResolver.score): 2 = a role or
# organisation noun; 1 (a document, a capitalised word) is too little for an actor.
MIN_SCORE = 2


def _phrase_chars(doc: ParsedDoc, phrase: Phrase) -> tuple[int, int]:
    toks = doc.tokens
    return toks[phrase.first].start, toks[phrase.last - 1].end


def _is_own_speaker(doc: ParsedDoc, phrase: Phrase, resolved: Entity | None, lex: SpeechLexicon) -> bool:
    """Whether the phrase names a speaker of its own rather than the entity it resolved to.

    Unresolved phrases do. A resolved one does when its head is a person noun and the
    entity it resolved to is no person but only stands inside it ("een woordvoerster
    van het Witte Huis" resolved to the White House).
    """
    if resolved is None:
        return True
    head = doc.tokens[phrase.head]
    if resolved.type == "PER" or lex.noun_kind(head.lemma) != "person":
        return False
    start, end = _phrase_chars(doc, phrase)
    inside = [m for m in resolved.mentions if start <= m.start and m.end <= end]
    return bool(inside) and all(not (m.start <= head.start < m.end) for m in inside)


def nominal_speakers(doc: ParsedDoc, entities: tuple[Entity, ...], date: str | None, kb,
                     lexicon: SpeechLexicon) -> tuple[Entity, ...]:
    """``entities`` with an entity added for every speaker phrase that names an unnamed
    person or body (see module doc); ids renumbered in order of first mention."""
    analysis = analyse_speech(doc, entities, lexicon)
    resolver = SpeakerResolver(doc, entities, lexicon)
    by_id = {e.id: e for e in entities}
    added: dict[str, Entity] = {}   # folded phrase text -> new entity (one per wording)
    extra_mentions: dict[str, list[Span]] = {}
    grown: dict[str, list[Span]] = {}  # entity id -> whole phrases of its shorter mentions
    for cue, speaker in zip(analysis.cues, analysis.speakers):
        phrase = cue.source
        if phrase is None or cue.score < MIN_SCORE:
            continue
        phrase = resolver.trimmed(phrase)
        toks = doc.tokens[phrase.first:phrase.last]
        if len(toks) == 1 and is_personal_pronoun(toks[0]):
            continue
        if resolver.score(phrase) < MIN_SCORE:
            continue
        resolved = by_id.get(speaker) if speaker else None
        start, end = _phrase_chars(doc, phrase)
        if resolved is not None and resolved.actor is not None and resolved.actor.kb_id is None \
                and resolved.type != "PER" and any(m.start == start and m.end < end for m in resolved.mentions):
            # The actors step read "het Russische ministerie" of "het Russische ministerie van
            # Buitenlandse Zaken": the whole phrase is the mention.
            grown.setdefault(resolved.id, []).append(Span(start, end, doc.text[start:end]))
            continue
        if not _is_own_speaker(doc, phrase, resolved, lexicon):
            continue
        span = Span(start, end, doc.text[start:end])
        key = " ".join(span.text.split()).casefold()
        if key in added:
            extra_mentions.setdefault(key, []).append(span)
            continue
        head = doc.tokens[phrase.head]
        typ = "PER" if lexicon.noun_kind(head.lemma) == "person" else "ORG"
        actor = link_span(doc, phrase.first, phrase.last, date, kb)
        if actor is not None and actor.kb_id is not None and actor.code == actor.country:
            # Only a country adjective matched ("de Europese regeringsleiders" is no country):
            # keep the country, but the phrase is not the country itself.
            actor = replace(actor, kb_id=None, code=actor.country)
        added[key] = Entity(id="", name=span.text, type=typ, actor=actor, mentions=(span,))
    if grown:
        entities = tuple(_grow(e, grown[e.id]) if e.id in grown else e for e in entities)
    if not added:
        return entities
    new = [replace(e, mentions=tuple(sorted({*e.mentions, *extra_mentions.get(k, ())},
                                            key=lambda m: (m.start, m.end))))
           for k, e in added.items()]
    merged = sorted([*entities, *new], key=lambda e: min(m.start for m in e.mentions))
    return tuple(replace(e, id=f"e{n}") for n, e in enumerate(merged, 1))


def _grow(entity: Entity, phrases: list[Span]) -> Entity:
    """``entity`` with ``phrases`` as mentions in place of the mentions inside them."""
    kept = [m for m in entity.mentions if not any(p.start <= m.start and m.end <= p.end for p in phrases)]
    unique = {(p.start, p.end): p for p in phrases}
    return replace(entity, mentions=tuple(sorted([*kept, *unique.values()], key=lambda m: (m.start, m.end))))


class NominalSpeakerStep(KnowledgeBaseStep):
    """Pipeline step: entities → entities with the unnamed speakers added."""

    name = "nominal_speakers"
    requires = ("parse", "entities")
    provides = ("entities",)

    def __init__(self, kb=None, user_files: tuple[str, ...] = (), lexicon: SpeechLexicon | None = None) -> None:
        super().__init__(kb, user_files)
        self.lexicon = lexicon or load_speech_lexicon()

    def __call__(self, work) -> dict[str, tuple]:
        entities = tuple(work.annotations.get("entities", ()))
        return {"entities": nominal_speakers(work.parsed, entities, work.article.date, self.kb, self.lexicon)}


__all__ = ["NominalSpeakerStep", "nominal_speakers"]
