"""The knowledge base: entries, the names that refer to them, and offices by date.

Built once per process by :mod:`kroniek.kb.loader`; read-only afterwards (the indexes
are read-only mappings), so one instance is shared by every document and thread.
"""

from __future__ import annotations

from collections.abc import Mapping
import re
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType

from ..dates import parse_pub_date
from ..errors import KroniekError
from .names import name_key, strip_genitive
from .records import SOURCE_RANK, AliasRef, KbEntry, Tenure, fit_case


def date_range(date: str | None) -> tuple[str, str] | None:
    """The first and last day an article date means ("2018-05" → 2018-05-01, 2018-05-31)."""
    if not date:
        return None
    try:
        pub = parse_pub_date(date)
    except KroniekError:
        return None
    return pub.first_day.isoformat(), pub.last_day.isoformat()


_NOT_ALNUM = re.compile(r"[\W_]+")


def compact_key(key: str) -> str:
    """A key without spaces, hyphens and dots: Kim Jong Un = Kim Jong-un = KimJongUn."""
    return _NOT_ALNUM.sub("", key)


@dataclass(frozen=True)
class Match:
    """A knowledge-base entry a name can refer to, and how it refers to it."""

    entry: KbEntry
    ref: AliasRef
    fuzzy: bool = False


@dataclass(frozen=True)
class KnowledgeBase:
    entries: Mapping[str, KbEntry]
    aliases: Mapping[str, tuple[AliasRef, ...]]       # name_key -> refs
    # (country or organisation code, office) -> tenures with the entry id holding them
    offices: Mapping[tuple[str, str], tuple[tuple[Tenure, str], ...]]
    countries: frozenset[str]
    first_words: frozenset[str]                        # first word of every alias key
    max_words: int

    @classmethod
    def build(cls, entries: dict[str, KbEntry], aliases: dict[str, list[AliasRef]],
              countries: frozenset[str]) -> KnowledgeBase:
        offices: dict[tuple[str, str], list[tuple[Tenure, str]]] = {}
        for e in entries.values():
            for t in e.tenures:
                if t.office:
                    holder_of = t.country or t.code
                    if holder_of:
                        offices.setdefault((holder_of, t.office), []).append((t, e.id))
        frozen_aliases = {k: tuple(sorted(v, key=lambda r: _ref_rank(r, entries))) if len(v) > 1 else (v[0],)
                          for k, v in aliases.items()}
        return cls(
            entries=MappingProxyType(dict(entries)),
            aliases=MappingProxyType(frozen_aliases),
            offices=MappingProxyType({k: tuple(v) for k, v in offices.items()}),
            countries=countries,
            first_words=frozenset(k.split(" ", 1)[0] for k in frozen_aliases),
            max_words=max((k.count(" ") + 1 for k in frozen_aliases), default=1),
        )

    def __reduce__(self):
        # Pickled for the on-disk cache (loader.py) as plain dicts, the lazy indexes
        # included: building them takes longer than reading them back.
        return (_restore, (dict(self.entries), dict(self.aliases), dict(self.offices), self.countries,
                           self.first_words, self.max_words, dict(self.compact), dict(self.skeletons)))

    # The indexes for spellings that differ in spaces and hyphens, or by a letter or two,
    # are built on first use: most documents never need them.
    @cached_property
    def compact(self) -> Mapping[str, tuple[str, ...]]:
        """compact key -> alias keys."""
        compact: dict[str, list[str]] = {}
        for k in self.aliases:
            c = compact_key(k)
            if c:
                compact.setdefault(c, []).append(k)
        return MappingProxyType({k: tuple(v) for k, v in compact.items()})

    # -- names -------------------------------------------------------------------------

    def refs(self, name: str) -> tuple[AliasRef, ...]:
        """Alias references of a name exactly as spelled (up to case, accents, quotes)."""
        return self.aliases.get(name_key(name), ())

    def lookup(self, name: str, date: str | None = None, fuzzy: bool = True) -> list[Match]:
        """What ``name`` can refer to, best first, on the article date ``date``.

        Exact spellings first; then a genitive stripped ("Poetins"); then spellings that
        differ only in spaces and hyphens; then (``fuzzy``) one or two letters off.
        """
        key = name_key(name)
        refs = self.aliases.get(key, ())
        # A name nothing else spells this way keeps its capitals-only references: the
        # lookup serves names the text gave, whose case may be the tagger's choice.
        refs = fit_case(name, refs) or refs
        is_fuzzy = False
        if not refs:
            words = key.rsplit(" ", 1)
            bare = strip_genitive(words[-1])
            if bare:
                refs = self.aliases.get(" ".join(words[:-1] + [bare]), ())
        if not refs:
            for k in self.compact.get(compact_key(key), ()):
                refs += self.aliases[k]
        if not refs and fuzzy:
            refs = self._fuzzy(key)
            is_fuzzy = bool(refs)
        return self.rank([Match(self.entries[r.entry], r, is_fuzzy) for r in refs], date)

    def _fuzzy(self, key: str) -> tuple[AliasRef, ...]:
        """Names one word of which is a letter or two off ("Sergei Lavrof").

        The other words (hyphenated parts count as words) must be equal and the differing
        word must be long and keep its first letter: "Kim Yong-chol" is neither "Kim
        Pong-chol" nor "Kim Yong-chun", whatever the edit distance says.
        """
        words = key.replace("-", " ").split(" ")
        if len(compact_key(key)) < 6:
            return ()
        refs: list[AliasRef] = []
        seen: set[str] = set()
        for i, w in enumerate(words):
            if len(w) < 5:
                continue
            for other in self.skeletons.get(_skeleton(words, i), ()):
                if other not in seen and _one_word_off(words, other.replace("-", " ").split(" ")):
                    seen.add(other)
                    refs.extend(r for r in self.aliases[other] if r.form in ("name", "surname"))
        return tuple(refs)

    @cached_property
    def skeletons(self) -> Mapping[str, tuple[str, ...]]:
        """Alias keys by their words with one long word cut to its first letter: the
        candidates a fuzzy spelling can be one word off from."""
        index: dict[str, list[str]] = {}
        for k in self.aliases:
            words = k.replace("-", " ").split(" ")
            for i, w in enumerate(words):
                if len(w) >= 5:
                    index.setdefault(_skeleton(words, i), []).append(k)
        return MappingProxyType({k: tuple(v) for k, v in index.items()})

    def rank(self, matches: list[Match], date: str | None) -> list[Match]:
        """Best first: curated before generated, holding a role on the date, full names."""
        days = date_range(date)

        def score(m: Match) -> tuple:
            e = m.entry
            active = 0
            if e.tenures and days is not None:
                t = e.tenure_on(*days)
                active = 0 if t is None else (2 if t.office else 1)
            return (m.ref.form != "name", -active, SOURCE_RANK.get(e.source, 2), m.fuzzy, e.id)

        seen: set[tuple[str, str]] = set()
        out = []
        for m in sorted(matches, key=score):
            if (m.entry.id, m.ref.form) not in seen:
                seen.add((m.entry.id, m.ref.form))
                out.append(m)
        return out

    @cached_property
    def first_names(self) -> frozenset[str]:
        """Folded first words of the multi-word names of people, where two people or more
        share them (Vladimir, Sergej, Mohammed): evidence that a name is a person's."""
        counts: dict[str, int] = {}
        for e in self.entries.values():
            if e.kind == "person" and e.country not in _FAMILY_FIRST:
                words = e.name.split()
                if len(words) >= 2 and len(words[0]) >= 3 and words[0][-1] != ".":
                    w = name_key(words[0])
                    counts[w] = counts.get(w, 0) + 1
        return frozenset(w for w, n in counts.items() if n >= 2)

    def entry(self, kb_id: str) -> KbEntry | None:
        return self.entries.get(kb_id)

    # -- offices -----------------------------------------------------------------------

    def holder(self, of: str, office: str, date: str | None) -> tuple[KbEntry, Tenure] | None:
        """Who held ``office`` of ``of`` (a country or organisation code) on ``date``."""
        days = date_range(date)
        tenures = self.offices.get((of, office), ())
        if not tenures:
            return None
        if days is None:
            return None
        current = [(t, i) for t, i in tenures if t.overlap(*days)]
        if not current:
            return None
        # A month with a change of office: the one who held it at the month's end.
        t, i = max(current, key=lambda ti: ti[0].start or "")
        return self.entries[i], t

    def offices_of(self, kb_id: str) -> tuple[Tenure, ...]:
        e = self.entries.get(kb_id)
        return tuple(t for t in e.tenures if t.office) if e else ()

    def stats(self) -> dict[str, int]:
        kinds: dict[str, int] = {}
        for e in self.entries.values():
            kinds[e.kind] = kinds.get(e.kind, 0) + 1
        return {"entries": len(self.entries), "aliases": len(self.aliases),
                "offices": sum(len(v) for v in self.offices.values()), **kinds}


def _restore(entries, aliases, offices, countries, first_words, max_words, compact=None,
             skeletons=None) -> KnowledgeBase:
    kb = KnowledgeBase(MappingProxyType(entries), MappingProxyType(aliases), MappingProxyType(offices),
                       countries, first_words, max_words)
    # The cached_property slots, filled as if computed.
    if compact is not None:
        kb.__dict__["compact"] = MappingProxyType(compact)
    if skeletons is not None:
        kb.__dict__["skeletons"] = MappingProxyType(skeletons)
    return kb


# Where family names come first, a name's first word is no first name.
_FAMILY_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "PRK", "KOR", "VNM", "HUN"})


def _ref_rank(ref: AliasRef, entries: Mapping[str, KbEntry]) -> tuple:
    e = entries[ref.entry]
    kind_rank = {"country": 0, "place": 1, "organisation": 2, "person": 3, "event": 4}.get(e.kind, 5)
    return (SOURCE_RANK.get(e.source, 2), ref.form != "name", kind_rank, e.id)


def _skeleton(words: list[str], i: int) -> str:
    return " ".join(words[:i] + [words[i][0] + "*"] + words[i + 1:])


def _one_word_off(words: list[str], other: list[str]) -> bool:
    if len(words) != len(other):
        return False
    diff = [(a, b) for a, b in zip(words, other) if a != b]
    if len(diff) != 1:
        return False
    a, b = diff[0]
    if a[:1] != b[:1] or min(len(a), len(b)) < 5:
        return False
    return _within(a, b, 1 if len(a) < 9 else 2)


def _within(a: str, b: str, limit: int) -> bool:
    """Levenshtein distance of a and b is at most ``limit`` (banded, early exit)."""
    if abs(len(a) - len(b)) > limit:
        return False
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        lo = max(1, i - limit)
        hi = min(len(b), i + limit)
        best = cur[0] if lo == 1 else limit + 1
        for j in range(1, len(b) + 1):
            if j < lo or j > hi:
                cur[j] = limit + 1
                continue
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != b[j - 1]))
            best = min(best, cur[j])
        if best > limit:
            return False
        prev = cur
    return prev[-1] <= limit
