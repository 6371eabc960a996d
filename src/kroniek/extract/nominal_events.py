"""Nominal events: event nouns with their role frames, and light-verb constructions.

Dutch news reports many events as nouns: "de sancties tegen Iran", "het bezoek van X aan
Y", "de aanval op Kiev", and as a noun carried by a light verb: "kritiek uiten op",
"sancties opleggen aan", "in hechtenis nemen". Three lexicon files hold them:

- `lexicons/nl/event_nouns.txt`: one noun a line with its PLOVER type, mode and the names
  of its role frames;
- `lexicons/nl/event_noun_frames.txt`: what each frame name means, as slot lists in the
  pattern notation of events.txt ("van:S op:T");
- `lexicons/nl/event_light_verbs.txt`: noun + verb patterns, written as events.txt.

This module turns them into :class:`EventPattern` objects and adds them to the verb
lexicon, so the events step codes them with the same role, modality, time and
duplicate logic as its verbs. A light verb + noun is one event: its verb is no trigger
of its own, and the noun's pattern with the verb (more words) is tried before the bare
noun's frames.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import lru_cache

from collections.abc import Sequence

from ..errors import ConfigError
from ..kb import KnowledgeBase, default_kb
from ..lexicons import content_lines, lexicon_text
from ..model import EVENT_TYPES, Entity, ParsedDoc
from .clauses import Clause
from .modality import verb_lemmas
from .event_patterns import EventPattern, PatternLexicon, default_lexicon, parse_pattern_line

# Line-number offsets keep the three files apart when patterns of one trigger are ordered
# by line: events.txt first, then the light verbs, then the noun frames.
_LIGHT_OFFSET = 100_000
_NOUN_OFFSET = 200_000


def read_frames(text: str, where: str) -> dict[str, tuple[str, ...]]:
    """Frame name → its slot lists, in the order they are tried."""
    frames: dict[str, list[str]] = {}
    for n, line in content_lines(text):
        parts = line.split("#", 1)[0].split()
        if len(parts) < 2:
            raise ConfigError(f"{where} line {n}: expected FRAME SLOTS, got {line.strip()!r}")
        name, slots = parts[0], parts[1:]
        if any(s.startswith("*") for s in slots):
            raise ConfigError(f"{where} line {n}: a frame has no trigger of its own (the noun is), got {line.strip()!r}")
        frames.setdefault(name, []).append(" ".join(slots))
    return {k: tuple(v) for k, v in frames.items()}


def read_nouns(text: str, where: str, frames: dict[str, tuple[str, ...]]) -> tuple[EventPattern, ...]:
    """Each noun line → one pattern per slot list of its frames."""
    out: list[EventPattern] = []
    for n, line in content_lines(text):
        parts = line.split("#", 1)[0].split()
        if len(parts) != 4:
            raise ConfigError(f"{where} line {n}: expected TYPE MODE FRAMES NOUN, got {line.strip()!r}")
        typ, mode, names, noun = parts
        if typ not in EVENT_TYPES:
            raise ConfigError(f"{where} line {n}: unknown PLOVER type {typ!r}")
        for name in names.split(","):
            if name not in frames:
                raise ConfigError(f"{where} line {n}: unknown frame {name!r} (see event_noun_frames.txt)")
            for slots in frames[name]:
                pattern = parse_pattern_line(f"{typ} {mode} *{noun.lower()} {slots}", n, where)
                if pattern is not None:
                    out.append(dataclasses.replace(pattern, line=n + _NOUN_OFFSET))
    return tuple(out)


def read_light_verbs(text: str, where: str) -> tuple[EventPattern, ...]:
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        pattern = parse_pattern_line(line, n, where)
        if pattern is not None:
            if not pattern.needs:
                raise ConfigError(f"{where} line {n}: a light-verb pattern names its verb too, got {line.strip()!r}")
            out.append(dataclasses.replace(pattern, line=n + _LIGHT_OFFSET))
    return tuple(out)


@lru_cache(maxsize=1)
def nominal_patterns() -> tuple[EventPattern, ...]:
    """The packaged noun and light-verb patterns, read once per process."""
    frames = read_frames(*lexicon_text("event_noun_frames.txt"))
    nouns = read_nouns(*lexicon_text("event_nouns.txt"), frames)
    light = read_light_verbs(*lexicon_text("event_light_verbs.txt"))
    return light + nouns


def with_nominal(lexicon: PatternLexicon) -> PatternLexicon:
    """``lexicon`` with the nominal patterns added after its own."""
    return PatternLexicon(lexicon.patterns + nominal_patterns())


@lru_cache(maxsize=1)
def event_lexicon() -> PatternLexicon:
    """The events step's default lexicon: verb patterns (events.txt) and nominal ones."""
    return with_nominal(default_lexicon())


# Words that may stand between a country adjective and its noun ("de Amerikaanse nieuwe
# sancties", "de Russische militaire invasie", "twee Israëlische luchtaanvallen").
_PRENOMINAL = {"ADJ", "TW"}


def adjective_actor(doc: ParsedDoc, noun: int, entities: Sequence[Entity],
                    kb: KnowledgeBase | None = None) -> tuple[str, int] | None:
    """(entity id, token) of the state a country adjective before an event noun names.

    "Amerikaanse sancties tegen Rusland": the adjective is the source, as "van de VS"
    would be. Adjectives are not entities of their own (they name no one in "de
    Russische taal"), so the source is the document's entity for that state: the country
    itself when the text names it, else none (a source is never invented).
    """
    kb = kb or default_kb()
    k = noun - 1
    while k >= 0 and doc.tokens[k].sent == doc.tokens[noun].sent and doc.tokens[k].pos in _PRENOMINAL:
        tok = doc.tokens[k]
        if tok.pos == "ADJ" and tok.text[:1].isupper():
            country = _adjective_country(tok.text, kb)
            if country:
                entity = _state_entity(entities, *country)
                return (entity, k) if entity else None
        k -= 1
    return None


def _adjective_country(word: str, kb: KnowledgeBase) -> tuple[str, str] | None:
    """(country code, its knowledge-base id) of a country adjective ("Russische")."""
    for r in kb.refs(word):
        entry = kb.entries[r.entry]
        if r.form == "adjective" and entry.kind == "country" and entry.country:
            return entry.country, entry.id
    return None


def _state_entity(entities: Sequence[Entity], country: str, kb_id: str) -> str | None:
    """The entity that stands for the state: the country itself, else a place or government of it."""
    def rank(e: Entity) -> int:
        if e.actor.kb_id == kb_id:
            return 0
        return 1 if e.type == "GPE" and not e.actor.sector else 2 if e.actor.sector == "GOV" else 3

    ranked = sorted((rank(e), n) for n, e in enumerate(entities)
                    if e.actor is not None and e.actor.country == country and e.type in ("GPE", "ORG"))
    return entities[ranked[0][1]].id if ranked and ranked[0][0] < 3 else None


@dataclass(frozen=True)
class Topics:
    """Prepositions and verbs that make an event noun the topic of its clause (event_noun_topics.txt)."""

    prepositions: frozenset[str]
    verbs: frozenset[str]


def read_topics(text: str, where: str) -> Topics:
    kinds: dict[str, set[str]] = {"PREP": set(), "VERB": set()}
    for n, line in content_lines(text):
        parts = line.split("#", 1)[0].split()
        if len(parts) != 2 or parts[0] not in kinds:
            raise ConfigError(f"{where} line {n}: expected PREP word or VERB lemma, got {line.strip()!r}")
        kinds[parts[0]].add(parts[1].lower())
    return Topics(frozenset(kinds["PREP"]), frozenset(kinds["VERB"]))


@lru_cache(maxsize=1)
def default_topics() -> Topics:
    return read_topics(*lexicon_text("event_noun_topics.txt"))


_NP_BEFORE = {"LID", "ADJ", "TW", "SPEC"}


def phrase_start(doc: ParsedDoc, noun: int) -> int:
    """The first token of the noun's phrase: its article, adjectives, numbers, a genitive name."""
    k = noun
    sent = doc.tokens[noun].sent
    while k > 0 and doc.tokens[k - 1].sent == sent and (
            doc.tokens[k - 1].pos in _NP_BEFORE
            or (doc.tokens[k - 1].pos == "VNW" and ("det" in doc.tokens[k - 1].tag or "bez" in doc.tokens[k - 1].tag))):
        k -= 1
    return k


def is_topic(doc: ParsedDoc, clause: Clause, noun: int, topics: Topics | None = None) -> bool:
    """Whether the event noun is only what its clause reacts to or talks about."""
    topics = topics or default_topics()
    start = phrase_start(doc, noun)
    if start > 0 and doc.tokens[start - 1].pos == "VZ" and doc.tokens[start - 1].lemma.lower() in topics.prepositions:
        return True
    return bool(verb_lemmas(doc, clause) & topics.verbs)
