"""Reader for the Phoenix/PETRARCH actor dictionaries (TABARI format).

The dictionaries (MIT, Open Event Data Alliance) list actors as blocks::

    VLADIMIR_PUTIN_  # CountryInfo.txt
    +PUTIN_
    +PRESIDENT_PUTIN_
        [RUSGOV 990809-000507]
        [RUSGOV >080508]
        [RUSELI]

A block is one or more names (the first is the entry's id; lines starting with ``+``
and further bare names are synonyms), then its codes, each optionally restricted to
a date range (``d1-d2``, ``>d1`` from d1 on, ``<d2`` until d2; dates as YYMMDD or
YYYYMMDD). A code without a range applies whenever no dated one does.

kroniek does not read these files at run time: ``scripts/build_kb.py`` turns them into
``kb/data/phoenix_actors.tsv`` once, and the package ships that file with the licence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

_CODE = re.compile(r"\[\s*(~?[A-Z0-9-]*)\s*(?:([<>])\s*(\d{6,8})|(\d{6,8})\s*-\s*(\d{6,8}))?\s*\]")


@dataclass(frozen=True)
class PhoenixCode:
    code: str
    start: str | None  # ISO date, inclusive
    end: str | None    # ISO date, inclusive


@dataclass(frozen=True)
class PhoenixEntry:
    names: tuple[str, ...]   # as written, underscores for spaces, trailing "_" removed
    codes: tuple[PhoenixCode, ...]
    comment: str
    line: int


# The dictionaries date from 2014: a two-digit year up to 16 is 20xx, a later one 19xx.
PIVOT = 16


def phoenix_date(raw: str, pivot: int = PIVOT) -> str | None:
    """YYMMDD or YYYYMMDD → ISO date; two-digit years up to ``pivot`` are 20xx.

    None for dates that do not exist (the dictionaries have a few, e.g. 2004017).
    """
    if len(raw) == 6:
        yy = int(raw[:2])
        year = 2000 + yy if yy <= pivot else 1900 + yy
        month, day = int(raw[2:4]), int(raw[4:6])
    elif len(raw) == 8:
        year, month, day = int(raw[:4]), int(raw[4:6]), int(raw[6:8])
    else:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _clean_name(raw: str) -> str:
    return raw.strip().strip("+").strip().rstrip("_").strip()


def parse_codes(text: str) -> list[PhoenixCode]:
    out = []
    for m in _CODE.finditer(text):
        code = m.group(1).lstrip("~")
        if not code or set(code) == {"-"}:
            continue
        start = end = None
        if m.group(2) == ">":
            start = phoenix_date(m.group(3))
        elif m.group(2) == "<":
            end = phoenix_date(m.group(3))
        elif m.group(4):
            start, end = phoenix_date(m.group(4)), phoenix_date(m.group(5))
            if start is None or end is None:
                continue  # a broken range says nothing reliable
            if start > end and len(m.group(4)) == 6:
                # "100101-450101": the two-digit start year is in the previous century.
                start = f"{int(start[:4]) - 100:04d}{start[4:]}"
            if start > end:
                continue
        out.append(PhoenixCode(code, start, end))
    return out


def read_phoenix(lines: Iterable[str]) -> Iterator[PhoenixEntry]:
    """Entries of a Phoenix actor dictionary, in file order."""
    names: list[str] = []
    codes: list[PhoenixCode] = []
    comment = ""
    first_line = 0

    def flush() -> PhoenixEntry | None:
        nonlocal names, codes, comment
        entry = PhoenixEntry(tuple(names), tuple(codes), comment, first_line) if names and codes else None
        names, codes, comment = [], [], ""
        return entry

    for n, raw in enumerate(lines, 1):
        line = raw.rstrip("\n")
        body, _, note = line.partition("#")
        if not body.strip():
            continue
        stripped = body.strip()
        if stripped.startswith("["):
            codes.extend(parse_codes(stripped))
            continue
        # A name line; it may carry codes on the same line ("UN_ [IGOUNO]"). A "+" line
        # is a synonym of the current entry even after its codes ("AFGHANISTAN_ [AFG]"
        # then "+AFGHAN_"); a bare name after codes starts the next entry.
        if codes and not stripped.startswith("+"):
            entry = flush()
            if entry:
                yield entry
        bracket = stripped.find("[")
        name_part = stripped[:bracket] if bracket >= 0 else stripped
        name = _clean_name(name_part)
        if name:
            if not names:
                first_line = n
                comment = note.strip()
            names.append(name)
        if bracket >= 0:
            codes.extend(parse_codes(stripped[bracket:]))
    entry = flush()
    if entry:
        yield entry
