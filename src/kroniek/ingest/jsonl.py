"""JSON lines (one article object a line) and JSON files (an object or an array of them).

Fields: ``id``, ``date`` or ``published_at``, ``title``, ``text``, ``url``, ``source``,
``lang``. A record without ``id`` gets ``<file stem>-<line number>``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path, PurePath
from typing import Any, BinaryIO

from ..errors import InputError
from ..model import Article, Reject
from .records import ReadOptions, make_article, reject, unreadable
from .textfile import decode

DATE_FIELDS = ("date", "published_at", "published", "pubdate")


def record_to_article(obj: Any, default_id: str, options: ReadOptions, origin: str) -> Article | Reject:
    if not isinstance(obj, dict):
        return Reject(id=None, code="E_INPUT_JSON", origin=origin,
                      message=f"expected a JSON object, got {type(obj).__name__}")
    date = next((obj[k] for k in DATE_FIELDS if obj.get(k) not in (None, "")), None)
    rid = obj.get("id")
    return make_article(record_id=default_id if rid in (None, "") else rid, text=obj.get("text"),
                        date=date, options=options, origin=origin, lang=obj.get("lang"),
                        title=obj.get("title"), source=obj.get("source"), url=obj.get("url"))


def _line_limit(options: ReadOptions) -> int:
    # A line can hold escapes (\u00e9 is six bytes for one character) and other fields.
    return options.max_chars * 6 + 65_536


def read_jsonl_stream(stream: BinaryIO, name: str, stem: str, options: ReadOptions) -> Iterator[Article | Reject]:
    limit = _line_limit(options)
    lineno = 0
    while True:
        raw = stream.readline(limit + 1)
        if not raw:
            return
        lineno += 1
        origin = f"{name}:{lineno}"
        if len(raw) > limit and not raw.endswith(b"\n"):
            # Skip the rest of an over-long line without holding it in memory.
            while (more := stream.readline(1 << 20)) and not more.endswith(b"\n"):
                pass
            yield Reject(id=None, code="E_INPUT_TOO_LONG", origin=origin,
                         message=f"line is over {limit:,} bytes, over the text limit of "
                                 f"{options.max_chars:,} characters")
            continue
        item = read_jsonl_line(raw, lineno, name, stem, options)
        if item is not None:
            yield item


def read_jsonl_line(raw: bytes, lineno: int, name: str, stem: str,
                    options: ReadOptions) -> Article | Reject | None:
    """One line of a JSON-lines file (None for a blank line).

    The Spark job reads lines with Spark's own text reader and hands them here one by
    one, so a record becomes the same Article (or Reject) as under ``kroniek extract``.
    """
    origin = f"{name}:{lineno}"
    if len(raw.rstrip(b"\r\n")) > _line_limit(options):
        return Reject(id=None, code="E_INPUT_TOO_LONG", origin=origin,
                      message=f"line is over {_line_limit(options):,} bytes, over the text limit of "
                              f"{options.max_chars:,} characters")
    if not raw.strip():
        return None
    try:
        line = decode(raw, options.encoding, f"line {lineno}")
    except InputError as exc:
        return reject(exc, None, origin)
    try:
        obj = json.loads(line)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError, and ints over 4,300 digits
        return Reject(id=None, code="E_INPUT_JSON", origin=origin,
                      message=f"malformed JSON: {getattr(exc, 'msg', exc)} "
                              f"(column {getattr(exc, 'colno', '?')})")
    return record_to_article(obj, f"{stem}-{lineno}", options, origin)


def read_jsonl(path: Path | str, options: ReadOptions) -> Iterator[Article | Reject]:
    if str(path) == "-":
        yield from read_jsonl_stream(sys.stdin.buffer, "<stdin>", "stdin", options)
        return
    path = Path(path)
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield unreadable(path, exc)
        return
    with stream:
        yield from read_jsonl_stream(stream, str(path), path.stem, options)


def read_json(path: Path, options: ReadOptions) -> Iterator[Article | Reject]:
    """A .json file: one article object, or an array of them."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield unreadable(path, exc)
        return
    yield from read_json_bytes(data, path, options)


def read_json_bytes(data: bytes, path: PurePath, options: ReadOptions) -> Iterator[Article | Reject]:
    """A .json file's content; ``path`` names it (default ids come from its stem)."""
    origin = str(path)
    try:
        if len(data) > _line_limit(options) * 64:
            raise InputError(f"JSON file has {len(data):,} bytes; split it into JSON lines",
                             code="E_INPUT_TOO_LONG")
        obj = json.loads(decode(data, options.encoding, f"file {path.name}"))
    except InputError as exc:
        yield reject(exc, None, origin)
        return
    except (ValueError, RecursionError) as exc:  # JSONDecodeError, and ints over 4,300 digits
        yield Reject(id=None, code="E_INPUT_JSON", origin=origin,
                     message=f"malformed JSON: {getattr(exc, 'msg', exc)}")
        return
    items = obj if isinstance(obj, list) else [obj]
    for n, item in enumerate(items, 1):
        default_id = path.stem if not isinstance(obj, list) else f"{path.stem}-{n}"
        yield record_to_article(item, default_id, options, f"{origin}[{n}]" if isinstance(obj, list) else origin)
