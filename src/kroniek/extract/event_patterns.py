"""The event pattern lexicon: `lexicons/nl/events.txt` read into typed patterns.

The file is written for political scientists (one pattern a line, lemmas and a few
marks, see its header); this module turns each line into an :class:`EventPattern` and
refuses a malformed line with its line number, so a typo in the lexicon is caught when
kroniek starts, not silently ignored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import ConfigError
from ..model import EVENT_TYPES


@dataclass(frozen=True)
class Word:
    """A lemma, possibly a separable verb: particle "af" + verb "reizen" for "af|reizen"."""

    lemma: str
    particle: str | None = None

    @property
    def joined(self) -> str:
        """The dictionary form with the particle attached ("afreizen")."""
        return (self.particle or "") + self.lemma


@dataclass(frozen=True)
class Slot:
    """Where an actor comes from: after a preposition, or the direct object (prep None)."""

    role: str  # "source", "target" or "pair" (source then targets, as in "tussen X en Y")
    prep: str | None
    required: bool = False  # "T!": without this actor the trigger is no event of this type


@dataclass(frozen=True)
class EventPattern:
    type: str
    mode: str | None
    trigger: Word
    needs: tuple[Word, ...]  # other words the clause must hold
    slots: tuple[Slot, ...]
    line: int
    source_text: str

    @property
    def may_stand_alone(self) -> bool:
        """Whether the event may be coded with its source alone: no slot marked required,
        and not only a "dat"-clause slot ("X wil dat Y ..." is a request; "X wil" is none)."""
        if any(s.required for s in self.slots):
            return False
        return not self.slots or any(s.prep != "dat" for s in self.slots)

    @property
    def has_source_slot(self) -> bool:
        return any(s.role in ("source", "pair") for s in self.slots)


_ROLE_MARKS = {"T": "target", "S": "source", "S+T": "pair"}


def _word(token: str) -> Word:
    if "|" in token:
        particle, lemma = token.split("|", 1)
        return Word(lemma, particle)
    return Word(token)


def parse_pattern_line(line: str, number: int, where: str = "events.txt") -> EventPattern | None:
    """One lexicon line → a pattern; None for blank lines and comments."""
    text = line.split("#", 1)[0].strip()
    if not text:
        return None
    parts = text.split()
    if len(parts) < 3:
        raise ConfigError(f"{where} line {number}: expected TYPE MODE PATTERN, got {text!r}")
    typ, mode, words = parts[0], parts[1], parts[2:]
    if typ not in EVENT_TYPES:
        raise ConfigError(f"{where} line {number}: unknown PLOVER type {typ!r}")
    trigger: Word | None = None
    needs: list[Word] = []
    slots: list[Slot] = []
    for token in words:
        if ":" in token:
            prep, mark = token.split(":", 1)
            required = mark.endswith("!")
            mark = mark.rstrip("!")
            if mark not in _ROLE_MARKS:
                raise ConfigError(f"{where} line {number}: unknown role {mark!r} in {token!r} "
                                  "(use T, S or S+T)")
            slots.append(Slot(_ROLE_MARKS[mark], None if prep == "OBJ" else prep.lower(), required))
        elif token.startswith("*"):
            if trigger is not None:
                raise ConfigError(f"{where} line {number}: more than one trigger (*) in {text!r}")
            trigger = _word(token[1:].lower())
        else:
            needs.append(_word(token.lower()))
    if trigger is None:
        raise ConfigError(f"{where} line {number}: no trigger marked with * in {text!r}")
    return EventPattern(typ, None if mode == "-" else mode, trigger, tuple(needs), tuple(slots),
                        number, text)


@dataclass(frozen=True, eq=False)
class PatternLexicon:
    """The patterns, indexed once by trigger lemma (the pipeline asks for every token)."""

    patterns: tuple[EventPattern, ...]
    _by_lemma: dict[str, tuple[EventPattern, ...]] = field(init=False, repr=False)
    _nouns: tuple[str, ...] = field(init=False, repr=False)
    _heads: frozenset[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        index: dict[str, list[EventPattern]] = {}
        for p in self.patterns:
            index.setdefault(p.trigger.lemma, []).append(p)
            if p.trigger.particle:
                index.setdefault(p.trigger.joined, []).append(p)
        object.__setattr__(self, "_by_lemma", {k: tuple(v) for k, v in index.items()})
        object.__setattr__(self, "_nouns", tuple(sorted(
            {p.trigger.lemma for p in self.patterns if not p.trigger.particle}, key=len, reverse=True)))
        object.__setattr__(self, "_heads", frozenset(self._nouns))

    def for_lemma(self, lemma: str) -> tuple[EventPattern, ...]:
        """Patterns whose trigger verb or noun is ``lemma`` (joined particle forms included)."""
        return self._by_lemma.get(lemma, ())

    def is_head(self, lemma: str) -> bool:
        """Whether ``lemma`` is a trigger that may end a compound ("ontmoeting" in "topontmoeting")."""
        return lemma in self._heads

    def nouns(self) -> tuple[str, ...]:
        """Trigger lemmas, longest first, for matching compounds ("topontmoeting")."""
        return self._nouns


def read_lexicon(path: Path | None = None) -> PatternLexicon:
    if path is None:
        text = resources.files("kroniek.lexicons.nl").joinpath("events.txt").read_text(encoding="utf-8")
        where = "lexicons/nl/events.txt"
    else:
        text = Path(path).read_text(encoding="utf-8")
        where = str(path)
    patterns = [p for n, line in enumerate(text.splitlines(), 1)
                if (p := parse_pattern_line(line, n, where)) is not None]
    return PatternLexicon(tuple(patterns))


@lru_cache(maxsize=1)
def default_lexicon() -> PatternLexicon:
    """The packaged lexicon, read once per process."""
    return read_lexicon()
