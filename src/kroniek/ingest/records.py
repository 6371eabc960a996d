"""Turning one raw record into an Article, or into a Reject that says why not.

Every reader funnels its records through :func:`make_article`, so the checks (date,
text, length, language, field types) and their error codes are the same whatever the
input format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..dates import parse_pub_date
from ..errors import InputError
from ..model import Article, Reject, has_surrogates

SUPPORTED_LANGS = ("nl",)


@dataclass(frozen=True)
class CsvColumns:
    """Which CSV column holds which field; None means 'look for the usual names'."""

    id: str | None = None
    date: str | None = None
    text: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    lang: str | None = None
    delimiter: str | None = None  # None: sniff "," ";" or tab


@dataclass(frozen=True)
class ReadOptions:
    # Publication date for plain text files without a ' date ...' header.
    date: str | None = None
    # Language of records that do not say (JSONL/CSV may carry their own).
    lang: str = "nl"
    max_chars: int = 500_000
    encoding: str = "utf-8"
    # "auto" decides by extension and content; or one of FORMATS.
    format: str = "auto"
    csv: CsvColumns = field(default_factory=CsvColumns)


def reject(exc: InputError, record_id: str | None, origin: str | None) -> Reject:
    # Reject itself escapes lone surrogates in its fields.
    return Reject(id=record_id, code=exc.code, message=exc.message, origin=origin)


def unreadable(path: Any, exc: OSError, record_id: str | None = None) -> Reject:
    """The reject for an input file that cannot be opened or read."""
    return Reject(id=record_id, code="E_INPUT_NOT_FOUND", origin=str(path),
                  message=f"cannot read {path}: {exc.strerror}")


def _optional_str(name: str, value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        value = str(value).strip()
        if has_surrogates(value):
            raise InputError(f"field {name!r} holds undecodable bytes", code="E_INPUT_ENCODING")
        return value or None
    raise InputError(f"field {name!r} must be a string, not {type(value).__name__}",
                     code="E_INPUT_FIELD")


def normalize_newlines(text: str) -> str:
    # Offsets refer to the stored text; storing one newline convention keeps
    # offsets identical whether a file came with CRLF or LF.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def make_article(*, record_id: Any, text: Any, date: Any, options: ReadOptions,
                 origin: str | None, lang: Any = None, title: Any = None,
                 source: Any = None, url: Any = None) -> Article | Reject:
    """Validate one record's fields; an Article when sound, else a Reject with its reason."""
    rid: str | None = None
    try:
        rid = _optional_str("id", record_id)
        if rid is None:
            raise InputError("the record has no id", code="E_INPUT_FIELD")
        if text is None:
            raise InputError("the record has no text", code="E_INPUT_EMPTY_TEXT")
        if not isinstance(text, str):
            raise InputError(f"field 'text' must be a string, not {type(text).__name__}",
                             code="E_INPUT_FIELD")
        if len(text) > options.max_chars:
            raise InputError(f"text has {len(text):,} characters, over the limit of "
                             f"{options.max_chars:,} (ingest.max_chars)", code="E_INPUT_TOO_LONG")
        body = normalize_newlines(text).strip()
        if not body:
            raise InputError("the text is empty", code="E_INPUT_EMPTY_TEXT")
        if has_surrogates(body):
            raise InputError("the text holds undecodable bytes", code="E_INPUT_ENCODING")
        pub = parse_pub_date(date)
        language = (_optional_str("lang", lang) or options.lang).lower()
        if language not in SUPPORTED_LANGS:
            raise InputError(f"language {language!r} is not supported (supported: "
                             f"{', '.join(SUPPORTED_LANGS)})", code="E_INPUT_LANG")
        if origin is not None and has_surrogates(origin):
            raise InputError("the file name holds undecodable bytes", code="E_INPUT_ENCODING")
        return Article(id=rid, text=body, date=pub.value, lang=language,
                       title=_optional_str("title", title), source=_optional_str("source", source),
                       url=_optional_str("url", url), origin=origin)
    except InputError as exc:
        return reject(exc, rid, origin)
