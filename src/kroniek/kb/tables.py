"""Reading the knowledge base's tables: package data, lexicons and users' own files.

All tables are plain text, one record a line, ``#`` comments and blank lines ignored.
Package tables are tab-separated; a user's file may be CSV (``.csv``) or TSV (any
other name). Every problem is reported with the file and line number
(``E_KB_FILE``), because a KB file is edited by hand.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..errors import KroniekError
from ..lexicons import content_lines, lexicon_text
from ..model import ENTITY_TYPES


class KbFileError(KroniekError):
    """A knowledge-base or lexicon file that cannot be read (names file and line)."""

    default_code = "E_KB_FILE"


def data_text(name: str) -> tuple[str, str]:
    """(text, display path) of a data file shipped in ``kroniek/kb/data``."""
    ref = resources.files("kroniek") / "kb" / "data" / name
    return ref.read_text(encoding="utf-8"), f"kb/data/{name}"


def lexicon_lines(name: str, columns: int | None = None, lang: str = "nl") -> Iterator[tuple[str, list[str]]]:
    """("file:line", fields) of a tab-separated lexicon; ``columns`` fields are required."""
    text, where = lexicon_text(name, lang)
    for n, line in content_lines(text):
        cols = [c.strip() for c in line.split("\t")]
        if columns is not None:
            if len(cols) < columns or any(not c for c in cols[:columns]):
                raise KbFileError(f"{where}:{n}: expected {columns} tab-separated fields, got {line!r}")
        yield f"{where}:{n}", cols


def lexicon_words(name: str, lang: str = "nl") -> frozenset[str]:
    """The entries of a one-entry-a-line lexicon, folded to lower case."""
    text, _ = lexicon_text(name, lang)
    return frozenset(line.strip().casefold() for _, line in content_lines(text))


def read_table(text: str, where: str, delimiter: str = "\t") -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) of a table whose first content line is the header."""
    header: list[str] | None = None
    for n, line in content_lines(text):
        if delimiter == ",":
            try:
                fields = next(csv.reader(io.StringIO(line)))
            except csv.Error as exc:
                raise KbFileError(f"{where}:{n}: {exc}") from None
        else:
            fields = line.split(delimiter)
        fields = [f.strip() for f in fields]
        if header is None:
            header = [h.casefold() for h in fields]
            if len(set(header)) != len(header):
                raise KbFileError(f"{where}:{n}: the header repeats a column name")
            yield n, {"__header__": "\t".join(header)}
            continue
        if len(fields) > len(header) and any(fields[len(header):]):
            raise KbFileError(f"{where}:{n}: {len(fields)} fields but the header has {len(header)} "
                              f"(a stray {'comma' if delimiter == ',' else 'tab'}?)")
        yield n, dict(zip(header, fields + [""] * (len(header) - len(fields))))


# --------------------------------------------------------------------------- actor tables

ACTOR_COLUMNS = ("id", "name", "type", "country", "sector", "code", "role", "office",
                 "aliases", "start", "end", "adjectives", "demonyms", "note")
REQUIRED_COLUMNS = ("id", "name", "type")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
_SECTOR = re.compile(r"^[A-Z]{3}$")
_CODE = re.compile(r"^[A-Z]{3}[A-Z0-9]*$")
_OFFICE = re.compile(r"^[A-Z][A-Z_]*$")
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


@dataclass(frozen=True)
class ActorRow:
    """One validated line of an actor table (people, organisations, places, events)."""

    where: str
    id: str
    name: str
    type: str
    country: str | None
    sector: str | None
    code: str | None
    role: str | None
    office: str | None
    aliases: tuple[str, ...]
    start: str | None
    end: str | None
    adjectives: tuple[str, ...] = ()   # Dutch adjectives, uninflected ("Vlaams")
    demonyms: tuple[str, ...] = ()     # names of the people ("Vlaming", "Vlamingen")


def _check_date(value: str, column: str, where: str) -> str | None:
    if not value:
        return None
    if not _DATE.match(value):
        raise KbFileError(f"{where}: column {column!r} must be a date YYYY, YYYY-MM or YYYY-MM-DD, "
                          f"got {value!r}")
    parts = [int(p) for p in value.split("-")]
    if len(parts) > 1 and not 1 <= parts[1] <= 12 or len(parts) > 2 and not 1 <= parts[2] <= 31:
        raise KbFileError(f"{where}: impossible date {value!r} in column {column!r}")
    return value


def read_actor_table(text: str, where: str, countries: frozenset[str],
                     delimiter: str = "\t") -> list[ActorRow]:
    """Validated rows of an actor table; the first problem raises KbFileError."""
    rows: list[ActorRow] = []
    header_seen = False
    for n, row in read_table(text, where, delimiter):
        at = f"{where}:{n}"
        if "__header__" in row:
            cols = row["__header__"].split("\t")
            unknown = [c for c in cols if c not in ACTOR_COLUMNS]
            missing = [c for c in REQUIRED_COLUMNS if c not in cols]
            if unknown:
                raise KbFileError(f"{at}: unknown column(s) {', '.join(unknown)} "
                                  f"(known: {', '.join(ACTOR_COLUMNS)})")
            if missing:
                raise KbFileError(f"{at}: the header lacks the column(s) {', '.join(missing)}")
            header_seen = True
            continue
        for col in REQUIRED_COLUMNS:
            if not row.get(col):
                raise KbFileError(f"{at}: column {col!r} is empty")
        if not _ID.match(row["id"]):
            raise KbFileError(f"{at}: id {row['id']!r} may hold only letters, digits, _ . -")
        typ = row["type"].upper()
        if typ not in ENTITY_TYPES:
            raise KbFileError(f"{at}: type {row['type']!r} is not one of {', '.join(ENTITY_TYPES)}")
        country = row.get("country", "").upper() or None
        if country is not None and country not in countries:
            raise KbFileError(f"{at}: country {row['country']!r} is not an ISO 3166-1 alpha-3 code "
                              f"kroniek knows (or SUN, YUG, CSK, DDR, XKX)")
        sector = row.get("sector", "").upper() or None
        if sector is not None and not _SECTOR.match(sector):
            raise KbFileError(f"{at}: sector {row['sector']!r} must be three capital letters (GOV, MIL, ...)")
        code = row.get("code", "").upper() or None
        if code is not None and not _CODE.match(code):
            raise KbFileError(f"{at}: code {row['code']!r} must start with three capital letters (RUSGOV, IGOUNO)")
        office = row.get("office", "").upper() or None
        if office is not None and not _OFFICE.match(office):
            raise KbFileError(f"{at}: office {row['office']!r} must be a key like HEAD_OF_STATE")
        if office is not None and country is None and not (code or "").startswith("IGO"):
            raise KbFileError(f"{at}: an office needs a country (or an IGO code)")
        start = _check_date(row.get("start", ""), "start", at)
        end = _check_date(row.get("end", ""), "end", at)
        if start and end and end < start:
            raise KbFileError(f"{at}: end {end} is before start {start}")
        aliases, adjectives, demonyms = (tuple(a.strip() for a in row.get(col, "").split("|") if a.strip())
                                         for col in ("aliases", "adjectives", "demonyms"))
        rows.append(ActorRow(at, row["id"], row["name"], typ, country, sector, code,
                             row.get("role") or None, office, aliases, start, end, adjectives, demonyms))
    if not header_seen:
        raise KbFileError(f"{where}: the file is empty (it needs a header line: "
                          f"{', '.join(ACTOR_COLUMNS)})")
    return rows


def read_actor_file(path: str | Path, countries: frozenset[str]) -> list[ActorRow]:
    """A user's actor table: CSV when the name ends in .csv, else tab-separated."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KbFileError(f"knowledge-base file {str(p)!r} does not exist") from None
    except UnicodeDecodeError as exc:
        raise KbFileError(f"{p}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise KbFileError(f"knowledge-base file {str(p)!r} cannot be read: {exc.strerror}") from None
    return read_actor_table(text, str(p), countries, "," if p.suffix.lower() == ".csv" else "\t")
