"""Entities: named-entity spans from the parse, cleaned and merged within a document.

The parser's NER gives spans per sentence ("president Trump", "Poetins", "tussen
Trump"). This step trims words that are not part of a name, drops spans that are only
adjectives ("Russische": a country reference, not a name), and merges the mentions of
one referent: repeats, genitives ("Poetins" → Poetin) and short forms of full names
("Lavrov" → "Sergej Lavrov"; "Kim" → the Kim the text mentions most).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..model import Entity, ParsedDoc, Span, Token

# Frog's NER labels → SCHEMA.md entity types. Frog has no GPE: the knowledge base
# decides which locations are geopolitical.
TYPE_MAP = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "EVE": "EVENT", "PRO": "MISC", "MISC": "MISC"}

# Coarse tags of words that never begin or end a name (prepositions, articles,
# conjunctions, punctuation, pronouns, adverbs, verbs).
_EDGE_POS = {"VZ", "LID", "VG", "LET", "VNW", "BW", "WW", "TSW"}
_GENITIVE = re.compile(r"(?:['’]s|['’]|(?<=[a-z])s)$")


@dataclass
class _Mention:
    tokens: tuple[Token, ...]
    label: str

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


def ner_spans(doc: ParsedDoc) -> list[_Mention]:
    """BIO spans of the parser's NER tags, within sentences, cleaned at the edges."""
    spans: list[_Mention] = []
    for s in range(len(doc.sentences)):
        current: list[Token] = []
        label = ""
        for tok in doc.sentence_tokens(s) + (None,):  # type: ignore[operator]
            tag = tok.ner if tok is not None else "O"
            prefix, _, lab = tag.partition("-")
            if current and (tok is None or prefix != "I" or lab != label):
                spans.append(_Mention(tuple(current), label))
                current = []
            if tok is not None and prefix in ("B", "I"):
                if not current:
                    label = lab
                current.append(tok)
    cleaned = []
    for m in spans:
        toks = list(m.tokens)
        while toks and toks[0].pos in _EDGE_POS:
            toks.pop(0)
        while toks and toks[-1].pos in _EDGE_POS and toks[-1].text not in (".",):
            toks.pop()
        while toks and toks[-1].pos == "LET":
            toks.pop()
        if not toks or all(t.pos == "ADJ" for t in toks):
            continue
        if not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in toks):
            continue
        if m.label not in TYPE_MAP:
            continue
        cleaned.append(_Mention(tuple(toks), m.label))
    return cleaned


def _fold_word(word: str) -> str:
    return word.casefold()


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


def _entity_type(group: _Group) -> str:
    labels = Counter(TYPE_MAP[m.label] for m in group.mentions)
    # The fullest mention's label wins ties: it carries the most evidence.
    return max(labels, key=lambda lab: (labels[lab], lab == TYPE_MAP[group.mentions[0].label]))


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


def extract_entities(doc: ParsedDoc) -> tuple[Entity, ...]:
    """Entities of a parsed document, each with its mentions; actors are left null here."""
    groups = group_mentions(ner_spans(doc))
    entities = []
    for n, g in enumerate(groups, 1):
        mentions = tuple(sorted({(m.start, m.end) for m in g.mentions}))
        entities.append(Entity(
            id=f"e{n}",
            name=_display_name(g, doc.text),
            type=_entity_type(g),
            actor=None,
            mentions=tuple(Span(s, e, doc.text[s:e]) for s, e in mentions),
        ))
    return tuple(entities)


class EntityStep:
    """Pipeline step: parse → entities."""

    name = "entities"
    requires = ("parse",)
    provides = ("entities",)

    def __call__(self, work) -> dict[str, tuple]:
        return {"entities": extract_entities(work.parsed)}
