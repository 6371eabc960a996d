"""The Dutch time word lists (``lexicons/nl/time_*.txt``), loaded into one frozen record.

The files are data, one entry a line with tab-separated columns and ``#`` comments, so
that someone who knows Dutch but not Python can read and extend them. This module only
reads them; what the words mean in combination is the business of :mod:`.rules`.
"""

from __future__ import annotations

from dataclasses import dataclass
from ...errors import ConfigError
from ...lexicons import content_lines, lexicon_text


def read_table(name: str, columns: int) -> tuple[tuple[str, ...], ...]:
    """Rows of ``lexicons/nl/<name>``: blank lines and ``#`` comments skipped.

    Every row must have exactly ``columns`` tab-separated fields; a malformed line is a
    configuration error naming the file and line, not a silent skip.
    """
    text, _ = lexicon_text(name, "nl")
    rows = []
    for lineno, line in content_lines(text):
        fields = tuple(f.strip() for f in line.split("\t"))
        if len(fields) != columns or not all(fields):
            raise ConfigError(f"lexicon {name} line {lineno}: expected {columns} tab-separated "
                              f"fields, got {line!r}")
        rows.append(fields)
    return tuple(rows)


@dataclass(frozen=True)
class Holiday:
    name: str
    rule: str         # "MM-DD", "easter+N", "easter-N" or "mon-dow-n" (see time_holidays.txt)
    part: str | None  # part-of-day code or None


@dataclass(frozen=True)
class HistoricalEvent:
    name: str
    first: int | None  # None: the year is unknown ("de oorlog")
    last: int | None


@dataclass(frozen=True)
class TimeLexicon:
    """Every time word list, as read-only mappings (word → meaning, words in lowercase)."""

    months: dict[str, int]
    month_abbreviations: dict[str, int]
    weekdays: dict[str, int]
    parts_of_day: dict[str, str]
    numbers: dict[str, float]
    ordinals: dict[str, int]
    vague_amounts: tuple[str, ...]
    units: dict[str, str]
    plural_units: frozenset[str]
    seasons: dict[str, str]
    relative_words: dict[str, int]
    upcoming_words: frozenset[str]
    day_words: dict[str, tuple[int, str | None]]
    vague_references: dict[str, str]
    sets: dict[str, str]
    date_modifiers: dict[str, str | None]
    duration_modifiers: dict[str, str | None]
    direction_before: dict[str, int]
    direction_after: dict[str, int]
    holidays: dict[str, Holiday]
    events: dict[str, HistoricalEvent]
    anchor_prepositions: dict[str, tuple[str, str | None]]
    stative_participles: frozenset[str]


def _dash(value: str) -> str | None:
    return None if value == "-" else value


def _direction(value: str) -> int:
    if value not in ("past", "future"):
        raise ConfigError(f"lexicon time_direction_cues.txt: direction must be past or future, got {value!r}")
    return -1 if value == "past" else 1


def load_lexicon() -> TimeLexicon:
    """Read every ``time_*.txt`` list; raises ConfigError on a malformed line."""
    months: dict[str, int] = {}
    abbreviations: dict[str, int] = {}
    for word, number, form in read_table("time_months.txt", 3):
        (months if form == "full" else abbreviations)[word.lower()] = int(number)
    units: dict[str, str] = {}
    plural: set[str] = set()
    for word, unit, number in read_table("time_units.txt", 3):
        units[word.lower()] = unit
        if number == "pl":
            plural.add(word.lower())
    date_mods: dict[str, str | None] = {}
    duration_mods: dict[str, str | None] = {}
    for phrase, mod, applies in read_table("time_modifiers.txt", 3):
        if applies in ("date", "both"):
            date_mods[phrase.lower()] = _dash(mod)
        if applies in ("duration", "both"):
            duration_mods[phrase.lower()] = _dash(mod)
    before: dict[str, int] = {}
    after: dict[str, int] = {}
    for phrase, direction, where in read_table("time_direction_cues.txt", 3):
        (before if where == "before" else after)[phrase.lower()] = _direction(direction)
    relative = read_table("time_relative_words.txt", 3)
    events = {}
    for name, first, last in read_table("time_events.txt", 3):
        events[name.lower()] = HistoricalEvent(name, None if first == "?" else int(first),
                                               None if last == "?" else int(last))
    return TimeLexicon(
        months=months,
        month_abbreviations=abbreviations,
        weekdays={w.lower(): int(n) for w, n in read_table("time_weekdays.txt", 2)},
        parts_of_day={w.lower(): p for w, p in read_table("time_parts_of_day.txt", 2)},
        numbers={w.lower(): float(n) for w, n in read_table("time_numbers.txt", 2)},
        ordinals={w.lower(): int(n) for w, n in read_table("time_ordinals.txt", 2)},
        vague_amounts=tuple(w.lower() for (w,) in read_table("time_vague_amounts.txt", 1)),
        units=units,
        plural_units=frozenset(plural),
        seasons={w.lower(): s for w, s in read_table("time_seasons.txt", 2)},
        relative_words={w.lower(): int(n) for w, n, _ in relative},
        upcoming_words=frozenset(w.lower() for w, _, sense in relative if sense == "upcoming"),
        day_words={w.lower(): (int(n), _dash(p)) for w, n, p in read_table("time_day_words.txt", 3)},
        vague_references={p.lower(): v for p, v in read_table("time_vague_references.txt", 2)},
        sets={w.lower(): v for w, v in read_table("time_sets.txt", 2)},
        date_modifiers=date_mods,
        duration_modifiers=duration_mods,
        direction_before=before,
        direction_after=after,
        holidays={n.lower(): Holiday(n, r, _dash(p)) for n, r, p in read_table("time_holidays.txt", 3)},
        events=events,
        anchor_prepositions={p.lower(): (which, _dash(mod))
                             for p, which, mod in read_table("time_anchor_prepositions.txt", 3)},
        stative_participles=frozenset(w.lower() for (w,) in read_table("time_stative_participles.txt", 1)),
    )
