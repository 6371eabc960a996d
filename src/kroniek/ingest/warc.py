"""WARC files (Common Crawl News and other web archives): one article per HTML response.

Each ``response`` record whose HTTP answer is a 200 with an HTML page becomes an
Article: its body text, title, language and publication date come from the page
(:mod:`kroniek.ingest.html_text`), its id from the record's ``WARC-Record-ID``, its url
from ``WARC-Target-URI``. A page that states no publication date gets the day it was
crawled (``WARC-Date``): Common Crawl News fetches pages within hours of publication,
and a day is all kroniek keeps of it. Other records (requests, metadata, warcinfo)
are not articles and are passed over; a response that is not an HTML page, a page
in another language or one without text becomes a Reject that says so. A damaged
file ends in one Reject naming the offset where reading stopped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path, PurePath
from typing import BinaryIO
from urllib.parse import urlsplit

from ..dates import parse_pub_date
from ..errors import InputError
from ..model import Article, Reject
from .html_text import html_to_page
from .records import ReadOptions, make_article, unreadable

WARC_SUFFIXES = (".warc", ".warc.gz")
_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def is_warc(path: PurePath | str) -> bool:
    return str(path).lower().endswith(WARC_SUFFIXES)


def _record_id(raw: str | None) -> str | None:
    """``<urn:uuid:8f0e...>`` → ``8f0e...``: the id without its URN wrapping."""
    if not raw:
        return None
    rid = raw.strip().strip("<>")
    for prefix in ("urn:uuid:", "urn:"):
        if rid.lower().startswith(prefix):
            return rid[len(prefix):]
    return rid


def _charset(content_type: str | None, body: bytes) -> str:
    """The page's encoding: the HTTP header's, else a <meta charset> near the top, else UTF-8."""
    for source in ((content_type or "").encode("latin-1", "replace"), body[:4096]):
        m = _CHARSET.search(source)
        if m:
            return m.group(1).decode("ascii")
    return "utf-8"


def _page_limit(options: ReadOptions) -> int:
    # Markup, scripts and styles make a page many times longer than its text.
    return options.max_chars * 16


def _pub_date(published: str | None, warc_date: str | None) -> str | None:
    """The page's own date when it parses, else the crawl day."""
    if published:
        try:
            return parse_pub_date(published).value
        except InputError:
            pass
    return warc_date[:10] if warc_date and len(warc_date) >= 10 else warc_date


def _response_to_item(record, body: bytes, origin: str, options: ReadOptions) -> Article | Reject:
    headers = record.rec_headers
    rid = _record_id(headers.get_header("WARC-Record-ID"))
    url = headers.get_header("WARC-Target-URI")
    http = record.http_headers
    if http is None:
        return Reject(id=rid, code="E_INPUT_FORMAT", origin=origin,
                      message="response record without an HTTP header: not a web page")
    status = http.get_statuscode()
    if status != "200":
        return Reject(id=rid, code="E_INPUT_FORMAT", origin=origin,
                      message=f"HTTP status {status} for {url}: not an article page")
    content_type = http.get_header("Content-Type") or ""
    if content_type and "html" not in content_type.lower():
        return Reject(id=rid, code="E_INPUT_FORMAT", origin=origin,
                      message=f"{url} is {content_type.split(';')[0].strip()}, not an HTML page")
    if len(body) > _page_limit(options):
        return Reject(id=rid, code="E_INPUT_TOO_LONG", origin=origin,
                      message=f"the page is over {_page_limit(options):,} bytes")
    encoding = _charset(content_type, body)
    try:
        html = body.decode(encoding)
    except LookupError:
        return Reject(id=rid, code="E_INPUT_ENCODING", origin=origin,
                      message=f"the page declares an unknown encoding {encoding!r}")
    except UnicodeDecodeError as exc:
        return Reject(id=rid, code="E_INPUT_ENCODING", origin=origin,
                      message=f"the page is not valid {encoding} at byte {exc.start}")
    page = html_to_page(html)
    date = _pub_date(page.published, headers.get_header("WARC-Date"))
    source = page.site_name or (urlsplit(url).hostname if url else None)
    return make_article(record_id=rid, text=page.text, date=date, options=options, origin=origin,
                        lang=page.lang, title=page.title, source=source, url=url)


def read_warc_stream(stream: BinaryIO, name: str, options: ReadOptions) -> Iterator[Article | Reject]:
    """Articles and Rejects of one WARC stream (plain or gzipped); ``name`` goes into origins."""
    from warcio.archiveiterator import ArchiveIterator

    records = ArchiveIterator(stream, ensure_http_headers=False)
    offset = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except Exception as exc:  # noqa: BLE001  warcio raises several kinds on damaged input
            yield Reject(id=None, code="E_INPUT_FORMAT", origin=f"{name}@{offset}",
                         message=f"the WARC file cannot be read past byte {offset}: "
                                 f"{type(exc).__name__}: {exc}")
            return
        if record.rec_type != "response":
            offset = records.get_record_offset()
            continue
        try:
            # Read the body before asking for the offset: warcio finds the offset by
            # reading the record to its end.
            body = record.content_stream().read(_page_limit(options) + 1) if record.http_headers else b""
            offset = records.get_record_offset()
            item = _response_to_item(record, body, f"{name}@{offset}", options)
        except Exception as exc:  # noqa: BLE001  a damaged record body must not sink the file
            item = Reject(id=_record_id(record.rec_headers.get_header("WARC-Record-ID")),
                          code="E_INPUT_FORMAT", origin=f"{name}@{offset}",
                          message=f"the record cannot be read: {type(exc).__name__}: {exc}")
        yield item


def read_warc(path: Path, options: ReadOptions) -> Iterator[Article | Reject]:
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield unreadable(path, exc)
        return
    with stream:
        yield from read_warc_stream(stream, str(path), options)


__all__ = ["WARC_SUFFIXES", "is_warc", "read_warc", "read_warc_stream"]
