"""Entities: the names of a document, merged into one entity per referent.

Names come from :mod:`kroniek.extract.names` (the parser's NER, the knowledge base's
gazetteer and rules). This step merges the mentions of one referent: repeats,
genitives ("Poetins" → Poetin) and short forms of full names ("Lavrov" → "Sergej
Lavrov"; "Kim" → the Kim the text mentions most). Country adjectives ("Russische") are
not entities: they are a country reference inside a name or a nominal actor, which
:mod:`kroniek.extract.actors` reads. A title right before a person's name joins the
mention ("president Poetin"). Actors are left null here; :class:`~kroniek.extract.actors.ActorStep`
links entities to the knowledge base.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..kb import KnowledgeBase, default_kb
from ..kb.names import name_key
from ..kb.tables import lexicon_words
from .kb_step import KnowledgeBaseStep
from ..model import Entity, ParsedDoc, Span, Token
from .names import FROG_TYPES, Name, recognize
from .phrases import features
from .speech_lexicon import load_speech_lexicon

# Kept for callers that map Frog's labels themselves.
TYPE_MAP = FROG_TYPES
# Words before a title that make it part of a role phrase, not of the name
# ("de Amerikaanse president Trump": the role is its own mention).
_PHRASE_POS = {"LID", "ADJ", "VNW", "TW"}
_GENITIVE = re.compile(r"(?:['’]s|['’]|(?<=[a-z])s)$")


@dataclass
class _Mention:
    tokens: tuple[Token, ...]
    label: str
    known: bool = False  # the knowledge base gave the name (its type is the KB's)

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end

    def name_tokens(self) -> tuple[Token, ...]:
        """The tokens of the name itself: leading lowercase title words left out."""
        toks = self.tokens
        while len(toks) > 1 and not toks[0].text[:1].isupper():
            toks = toks[1:]
        return toks


@dataclass
class _Group:
    mentions: list[_Mention] = field(default_factory=list)
    words: tuple[str, ...] = ()  # name words of the fullest mention, folded

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)


def mentions_of(doc: ParsedDoc, names: tuple[Name, ...]) -> list[_Mention]:
    """The names that can be entities (not adjectives) as mentions."""
    return [_Mention(doc.tokens[n.first:n.last], n.type, n.kb_id is not None) for n in names
            if n.kind != "adjective"]


def _fold_word(word: str) -> str:
    # Accents and quote styles do not make another name: "Guaido" is "Guaidó".
    return name_key(word)


def _name_words(m: _Mention, known: set[str]) -> tuple[str, ...]:
    """Folded words of the name, a genitive ending removed when the bare form is known."""
    words = [_fold_word(t.text) for t in m.name_tokens()]
    last = words[-1]
    bare = _GENITIVE.sub("", last)
    if bare != last and (bare in known or last.endswith(("'s", "’s", "'", "’"))):
        words[-1] = bare
    return tuple(words)


def _is_part(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """``short`` is a leading or trailing run of words of ``full`` ("Lavrov" of "Sergej Lavrov")."""
    n = len(short)
    return 0 < n < len(full) and (full[-n:] == short or full[:n] == short)


def _short_form(words: tuple[str, ...], label: str, full: tuple[str, ...]) -> bool:
    """Whether a mention can be a short form of the name ``full``.

    A person's short form is a leading or trailing part ("Lavrov", "Kim"); a mention the
    NER labelled otherwise joins only as a surname ("zei Zelensky" tagged LOC).
    """
    return _is_part(words, full) and (label == "PER" or full[-len(words):] == words)


def group_mentions(mentions: list[_Mention]) -> list[_Group]:
    """Merge mentions that name the same referent; groups in order of first mention."""
    known = {_fold_word(t.text) for m in mentions for t in m.name_tokens()}
    keyed = sorted(((m, _name_words(m, known)) for m in mentions), key=lambda mk: -len(mk[1]))
    groups: dict[tuple[str, ...], _Group] = {}
    pending: list[tuple[_Mention, tuple[str, ...]]] = []
    for m, words in keyed:
        if words in groups:
            groups[words].mentions.append(m)
        elif any(_short_form(words, m.label, full) for full in groups):
            pending.append((m, words))
        else:
            groups[words] = _Group([m], words)
    # A short name joins the fullest name it is part of that the text has mentioned most
    # up to that point (ties: the most recent), else the first one mentioned after it.
    for m, words in sorted(pending, key=lambda mk: mk[0].start):
        if words in groups:
            groups[words].mentions.append(m)
            continue
        candidates = [g for full, g in groups.items() if _short_form(words, m.label, full)
                      and any(x.label == "PER" for x in g.mentions)]
        if not candidates:
            groups[words] = _Group([m], words)
            continue
        before = [g for g in candidates if g.first < m.start]
        if before:
            def salience(g: _Group) -> tuple[int, int]:
                earlier = [x.start for x in g.mentions if x.start < m.start]
                return len(earlier), max(earlier)
            best = max(before, key=salience)
        else:
            best = min(candidates, key=lambda g: g.first)
        best.mentions.append(m)
    return sorted(groups.values(), key=lambda g: g.first)


def _entity_type(group: _Group, doc: ParsedDoc) -> str:
    labels = Counter(m.label for m in group.mentions)
    # The fullest mention's label wins ties: it carries the most evidence.
    label = max(labels, key=lambda lab: (labels[lab], lab == group.mentions[0].label))
    if label == "MISC" and any(_speaks(doc, m) for m in group.mentions):
        return "PER"  # "Puigdemont zei": the tagger's MISC for a person it did not know
    if label != "PER" and not any(m.known for m in group.mentions) \
            and any(_after_a_role(doc, m) for m in group.mentions):
        # "oppositieleider Tichanovskaja": a person's role right before a name the
        # knowledge base does not know; the tagger guesses ORG, LOC or MISC for it
        return "PER"
    return label


def _after_a_role(doc: ParsedDoc, m: _Mention) -> bool:
    """Whether a name follows a lower-case role noun of a person ("oppositieleider X")."""
    k = m.tokens[0].i - 1
    if k < 0 or doc.tokens[k].sent != m.tokens[0].sent:
        return False
    prev = doc.tokens[k]
    return prev.pos == "N" and prev.text.islower() and load_speech_lexicon().noun_kind(prev.lemma) == "person"


def _speaks(doc: ParsedDoc, m: _Mention) -> bool:
    """Whether a one-word singular name is the subject of a speech verb."""
    if len(m.tokens) != 1:
        return False
    tok = m.tokens[0]
    # The tagger that missed the name may call it a common noun ("Puigdemont" N(soort)):
    # a capital and a singular noun or name tag are enough.
    if tok.deprel != "su" or tok.head is None or not tok.text[:1].isupper() \
            or not (tok.pos == "SPEC" or (tok.pos == "N" and "ev" in features(tok))):
        return False
    verb = doc.tokens[tok.head]
    return verb.pos == "WW" and verb.lemma.casefold() in load_speech_lexicon().speech_verbs


def _display_name(group: _Group, text: str) -> str:
    """The fullest mention's name words, preferring a form without a genitive ending."""
    longest = max(len(m.name_tokens()) for m in group.mentions)
    full = [m for m in group.mentions if len(m.name_tokens()) == longest]
    full.sort(key=lambda m: (_fold_word(m.name_tokens()[-1].text) != group.words[-1], m.start))
    toks = full[0].name_tokens()
    end = toks[-1].end
    last, bare = toks[-1].text, group.words[-1]
    if len(group.words) == len(toks) and last.casefold() != bare and last.casefold().startswith(bare) \
            and len(last.casefold()) == len(last):
        end = toks[-1].start + len(bare)  # genitive ending cut off
    return text[toks[0].start:end]


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return lexicon_words("titles.txt")


def _with_title(doc: ParsedDoc, start: int, end: int, first_token: int) -> int:
    """Start of a person's mention with a bare title before the name ("president Poetin")."""
    k = first_token - 1
    if k < 0 or doc.tokens[k].sent != doc.tokens[first_token].sent:
        return start
    title = doc.tokens[k]
    if title.text.casefold() not in _titles():
        return start
    before = doc.tokens[k - 1] if k > 0 and doc.tokens[k - 1].sent == title.sent else None
    if before is not None and (before.pos in _PHRASE_POS or (before.text[:1].isupper() and before.pos == "ADJ")):
        return start  # "de (Amerikaanse) president Trump": a role phrase of its own
    return title.start


def extract_entities(doc: ParsedDoc, kb: KnowledgeBase | None = None,
                     names: tuple[Name, ...] | None = None) -> tuple[Entity, ...]:
    """Entities of a parsed document, each with its mentions; actors are left null here.

    ``names`` are the document's recognized names (recognized here with ``kb``, the
    default knowledge base, when not given).
    """
    if names is None:
        names = recognize(doc, kb or default_kb())
    groups = group_mentions(mentions_of(doc, names))
    entities = []
    for n, g in enumerate(groups, 1):
        spans = set()
        for m in g.mentions:
            start = m.start
            if m.label == "PER":
                start = _with_title(doc, m.start, m.end, m.tokens[0].i)
            spans.add((start, m.end))
        entities.append(Entity(
            id=f"e{n}",
            name=_display_name(g, doc.text),
            type=_entity_type(g, doc),
            actor=None,
            mentions=tuple(Span(s, e, doc.text[s:e]) for s, e in sorted(spans)),
        ))
    return tuple(entities)


class EntityStep(KnowledgeBaseStep):
    """Pipeline step: parse → names (internal) and entities (without actors).

    The knowledge base is loaded on the first document (once per process), so building
    a pipeline stays cheap.
    """

    name = "entities"
    requires = ("parse",)
    provides = ("entities", "names")

    def __call__(self, work) -> dict[str, tuple]:
        names = recognize(work.parsed, self.kb, date=work.article.date)
        return {"names": names, "entities": extract_entities(work.parsed, self.kb, names)}
