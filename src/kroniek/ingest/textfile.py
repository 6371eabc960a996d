"""Plain text files: the seed format (' date YYYY-MM text') and undated .txt with --date."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path, PurePath

from ..errors import InputError
from ..model import Article, Reject
from .records import ReadOptions, make_article, reject, unreadable

# The seed header: optional whitespace, the word "date", the date token, then the text.
# The date token is whatever follows, so a malformed date is reported, not mistaken for text.
_HEADER = re.compile(r"^\s*date(?:\s+(?P<date>\S+))?(?:\s|$)")


def has_seed_header(head: str) -> bool:
    return bool(_HEADER.match(head))


def decode(data: bytes, encoding: str, what: str) -> str:
    """Decode bytes, dropping a BOM; undecodable bytes are an E_INPUT_ENCODING error."""
    if encoding.lower().replace("-", "").replace("_", "") in {"utf8", "utf8sig"}:
        encoding = "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"{what} is not valid {encoding} at byte {exc.start}: "
                         f"{data[exc.start:exc.start + 8]!r}", code="E_INPUT_ENCODING") from None
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", code="E_INPUT_ENCODING") from None


def split_seed(content: str) -> tuple[str | None, str]:
    """Split a seed-format text into (date token or None, body)."""
    m = _HEADER.match(content)
    if not m:
        return None, content
    return m.group("date"), content[m.end():]


def read_text_file(path: Path, options: ReadOptions, seed: bool | None = None) -> Iterator[Article | Reject]:
    """One article per file; id = file name without extension.

    ``seed`` True forces the seed header, False forces plain text (with options.date),
    None decides by the content.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield unreadable(path, exc, path.stem)
        return
    yield from read_text_bytes(data, path, options, seed)


def read_text_bytes(data: bytes, path: PurePath, options: ReadOptions,
                    seed: bool | None = None) -> Iterator[Article | Reject]:
    """A text file's content; ``path`` names it (the id is its stem)."""
    origin = str(path)
    rid = path.stem
    try:
        if len(data) > options.max_chars * 4 + 1024:
            # Cheap early refusal: even 4-byte UTF-8 characters would exceed the limit.
            raise InputError(f"file has {len(data):,} bytes, over the limit of "
                             f"{options.max_chars:,} characters", code="E_INPUT_TOO_LONG")
        content = decode(data, options.encoding, f"file {path.name}")
    except InputError as exc:
        yield reject(exc, rid, origin)
        return
    use_seed = has_seed_header(content[:200]) if seed is None else seed
    if use_seed:
        date, body = split_seed(content)
        if date is None and not has_seed_header(content[:200]):
            yield Reject(id=rid, code="E_INPUT_NO_DATE", origin=origin,
                         message="seed-format file does not start with ' date YYYY[-MM[-DD]]'")
            return
    else:
        date, body = options.date, content
        if date is None:
            yield Reject(id=rid, code="E_INPUT_NO_DATE", origin=origin,
                         message="plain text file has no ' date YYYY-MM' header; give its "
                                 "publication date with --date")
            return
    yield make_article(record_id=rid, text=body, date=date, options=options, origin=origin)
