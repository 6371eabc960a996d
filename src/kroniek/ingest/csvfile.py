"""CSV and TSV files with a header row; which column holds what is configurable."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator
from pathlib import Path, PurePath

from ..errors import InputError
from ..model import Article, Reject
from .records import CsvColumns, ReadOptions, make_article, reject, unreadable

# Names looked for when the user names no column (case-insensitive).
USUAL_NAMES = {
    "id": ("id", "article_id", "doc_id", "guid"),
    "date": ("date", "published_at", "published", "pubdate", "datum"),
    "text": ("text", "body", "content", "tekst"),
    "title": ("title", "headline", "titel", "kop"),
    "url": ("url", "link"),
    "source": ("source", "medium", "publisher", "bron"),
    "lang": ("lang", "language", "taal"),
}


def _resolve_columns(header: list[str], columns: CsvColumns) -> dict[str, int | None]:
    lowered = {h.strip().lower(): i for i, h in enumerate(header)}
    found: dict[str, int | None] = {}
    for name, usual in USUAL_NAMES.items():
        chosen = getattr(columns, name)
        if chosen is not None:
            if chosen.strip().lower() not in lowered:
                raise InputError(f"column {chosen!r} (for {name}) is not in the header: "
                                 f"{', '.join(header)}", code="E_INPUT_CSV")
            found[name] = lowered[chosen.strip().lower()]
        else:
            found[name] = next((lowered[u] for u in usual if u in lowered), None)
    if found["text"] is None:
        raise InputError(f"no text column in the header ({', '.join(header)}); "
                         "name it with --text-col", code="E_INPUT_CSV")
    return found


def _sniff_delimiter(sample: str, path: PurePath) -> str:
    if path.suffix.lower() == ".tsv":
        return "\t"
    first = sample.split("\n", 1)[0]
    return max((",", ";", "\t"), key=first.count)


def read_csv(path: Path, options: ReadOptions) -> Iterator[Article | Reject]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield unreadable(path, exc)
        return
    yield from read_csv_bytes(data, path, options)


def read_csv_bytes(data: bytes, path: PurePath, options: ReadOptions) -> Iterator[Article | Reject]:
    """A CSV file's content; ``path`` names it (delimiter by suffix, default ids by stem)."""
    origin_base = str(path)
    # Decode leniently so one bad row does not sink the file; rows that hold
    # undecodable bytes are rejected one by one (make_article sees the surrogates).
    try:
        content = data.decode(options.encoding if options.encoding.lower() not in {"utf-8", "utf8"}
                              else "utf-8-sig", errors="surrogateescape")
    except LookupError:
        yield Reject(id=None, code="E_INPUT_ENCODING", origin=origin_base,
                     message=f"unknown encoding {options.encoding!r}")
        return
    delimiter = options.csv.delimiter or _sniff_delimiter(content[:4096], path)
    # The csv module's field limit is process-wide: only ever raise it, so a reader
    # with a smaller max_chars never lowers it under another's feet (make_article
    # rejects texts over this reader's own limit).
    csv.field_size_limit(max(csv.field_size_limit(), min(sys.maxsize, options.max_chars * 4 + 65_536)))
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
        cols = _resolve_columns(header, options.csv)
    except StopIteration:
        yield Reject(id=None, code="E_INPUT_CSV", origin=origin_base, message="the CSV file is empty")
        return
    except csv.Error as exc:
        yield Reject(id=None, code="E_INPUT_CSV", origin=origin_base, message=f"unreadable header: {exc}")
        return
    except InputError as exc:
        yield reject(exc, None, origin_base)
        return
    if cols["date"] is None and options.date is None:
        yield Reject(id=None, code="E_INPUT_NO_DATE", origin=origin_base,
                     message=f"no date column in the header ({', '.join(header)}); "
                             "name it with --date-col or give --date")
        return
    rowno = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            rowno += 1
            yield Reject(id=None, code="E_INPUT_CSV", origin=f"{origin_base}:{reader.line_num}",
                         message=f"malformed row: {exc}")
            continue
        rowno += 1
        origin = f"{origin_base}:{reader.line_num}"
        if not row or all(not c.strip() for c in row):
            continue
        if len(row) != len(header):
            yield Reject(id=None, code="E_INPUT_CSV", origin=origin,
                         message=f"row has {len(row)} fields, the header has {len(header)}")
            continue

        def get(name: str) -> str | None:
            i = cols[name]
            return row[i] if i is not None else None

        yield make_article(record_id=get("id") or f"{path.stem}-{rowno}", text=get("text"),
                           date=get("date") or options.date, options=options, origin=origin,
                           lang=get("lang"), title=get("title"), source=get("source"), url=get("url"))
