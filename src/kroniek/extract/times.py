"""Times: Dutch time expressions, found in the text and normalized to TIMEX3 values.

Three parts, each usable alone (``extract/timex/``): the rules recognize expressions in
the raw text (so offsets are exact), the parse gives the tense of each expression's
clause, and :func:`~kroniek.extract.timex.normalize` places each expression against the
document creation time (the article's date, at the precision it has). The rules and
their order are written out in docs/TIMES.md.

Time ids run "t1", "t2", ... in text order, so later steps (events) can link the time
expression of a clause by position.
"""

from __future__ import annotations

from typing import Any

from ..dates import PubDate
from ..model import ParsedDoc, Time, Token
from .timex import Mention, TimeTagger, normalize
from .timex.normalize import as_pub_date
from .timex.tense import ClauseTenses, token_range


def _passes_check(mention: Mention, doc: ParsedDoc, starts: list[int]) -> bool:
    """Whether the parse confirms a mention its rule marked as doubtful."""
    if mention.check is None or not doc.tokens:
        return True
    span = token_range(doc, mention.start, mention.end, starts)
    if span is None:
        return True
    first, last = span
    tokens = doc.tokens
    if mention.check == "adverb":
        # "nu" the conjunction ("nu de zon schijnt"), "morgen" the noun ("de hele morgen")
        return not any(t.tag.startswith(("VG(", "N(")) for t in tokens[first:last])
    if mention.check == "year":
        # "in 2000 gemeenten": a number before a plural noun is an amount, not a year
        # ("sinds 2015 burgemeester" keeps its year)
        nxt: Token | None = tokens[last] if last < len(tokens) and tokens[last].sent == tokens[first].sent \
            else None
        return not (nxt is not None and nxt.tag.startswith("N(soort,mv"))
    return True


def find_times(parsed: ParsedDoc, dct: PubDate | str, tagger: TimeTagger | None = None) -> tuple[Time, ...]:
    """The time expressions of a parsed text, normalized against ``dct``, in text order.

    ``dct`` is the document creation time in any form :func:`kroniek.dates.parse_pub_date`
    accepts ("2018-05", "2018-05-30", ...). Pass a ``tagger`` when calling many times:
    building one compiles the rules (some tens of milliseconds).
    """
    tagger = tagger or TimeTagger()
    dct = as_pub_date(dct)
    tenses = ClauseTenses(parsed, tagger.lex.stative_participles)
    starts = [t.start for t in parsed.tokens]
    times = []
    for mention in tagger.recognize(parsed.text):
        if not _passes_check(mention, parsed, starts):
            continue
        timex = normalize(mention.expression, dct, tenses.at(mention.start, mention.end))
        times.append(Time(id=f"t{len(times) + 1}", start=mention.start, end=mention.end, text=mention.text,
                          type=timex.type, value=timex.value, weekday=timex.weekday, mod=timex.mod))
    return tuple(times)


class TimeStep:
    """Pipeline step: time expressions normalized against the article's date."""

    name = "times"
    requires = ("parse",)
    provides = ("times",)

    def __init__(self, tagger: TimeTagger | None = None) -> None:
        self.tagger = tagger or TimeTagger()

    def __call__(self, work: Any) -> dict[str, Any]:
        return {"times": find_times(work.parsed, work.article.date, self.tagger)}
