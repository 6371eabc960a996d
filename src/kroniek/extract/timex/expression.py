"""What a time expression says, before it is placed against the article date.

The recognizer (:mod:`.rules`) turns "vorige week dinsdag" into an :class:`Expression`
(kind "relative", unit week, shift -1, weekday 2); the normalizer (:mod:`.normalize`)
turns an Expression, the document creation time and the clause's tense into a
:class:`Timex` (type, TIMEX3 value, weekday, mod). Keeping the two apart lets the
normalizer run without a parse (benchmarks, other steps) and lets tests check each half.
"""

from __future__ import annotations

from dataclasses import dataclass

# What kind of expression; each kind has its own normalization rule (docs/TIMES.md).
KINDS = (
    "calendar",   # a date by its calendar fields, year perhaps missing: "12 juni", "juni 2018", "dinsdag"
    "relative",   # a unit counted from the article date: "gisteren", "vorige week", "over twee jaar"
    "duration",   # a length of time: "zeventig jaar", "enkele weken"
    "set",        # a recurrence: "elke week", "jaarlijks", "elke dinsdag"
    "reference",  # PRESENT_REF, PAST_REF, FUTURE_REF: "nu", "vroeger", "binnenkort"
    "anchor",     # a named historical event as a date: "na de Tweede Wereldoorlog"
)

# Units a relative expression or duration counts in.
UNITS = ("second", "minute", "hour", "day", "week", "weekend", "month", "quarter", "halfyear",
         "year", "decade", "century", "season")

TENSES = ("past", "present", "future")


@dataclass(frozen=True)
class Expression:
    """The meaning of one time expression as written; None means "the text does not say"."""

    kind: str
    # calendar fields
    year: int | None = None
    year_shift: int | None = None  # a year counted from the DCT's: "juni vorig jaar" = -1
    month: int | None = None
    day: int | None = None
    weekday: int | None = None     # ISO 1-7
    season: str | None = None      # SP SU FA WI
    quarter: int | None = None     # 1-4
    half: int | None = None        # 1-2 (half year)
    decade: int | None = None      # three digits ("199") when the century is known, else one digit
    century: int | None = None     # two digits: 19 = the twentieth century
    holiday: str | None = None     # key into the holiday list
    part: str | None = None        # part of day: MO AF EV NI
    hour: int | None = None
    minute: int | None = None
    # relative expressions, durations and sets
    unit: str | None = None
    shift: int | None = None       # relative: units from the article date (-1 last, 0 this, +1 next)
    upcoming: bool = False         # "komend voorjaar": the one ahead, even if it has just begun
    amount: float | None = None    # durations and sets; None = unknown (X)
    # references and anchors
    reference: str | None = None   # PRESENT_REF PAST_REF FUTURE_REF
    first_year: int | None = None  # anchor: the event's years; None = unknown
    last_year: int | None = None
    anchor_year: str | None = None  # anchor: which year counts (first, last, all)
    # placement against the article date, from words inside the expression
    direction: int | None = None   # -1 before the article date, +1 after it ("jl.", "a.s.", "afgelopen")
    mod: str | None = None         # TIMEX3 mod: START MID END APPROX MORE_THAN ...


@dataclass(frozen=True)
class Timex:
    """A normalized time: the TIMEX3 attributes kroniek's Time records carry."""

    type: str                  # DATE TIME DURATION SET
    value: str | None
    weekday: int | None = None
    mod: str | None = None


@dataclass(frozen=True)
class Mention:
    """A recognized expression in a text: its span and meaning, before normalization.

    ``check`` names a test the parse must pass for the mention to stand ("adverb": "nu"
    must not be the conjunction "nu dat"); without a parse it stands.
    """

    start: int
    end: int
    text: str
    expression: Expression
    rule: str
    check: str | None = None
