"""Tiny WARC files built in tests with warcio (no downloaded crawl data)."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def news_page(title: str, paragraphs: list[str], published: str | None = None, lang: str = "nl",
              site: str | None = "De Testkrant") -> str:
    """A news page as sites write them: menus, scripts and a cookie banner around the article."""
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    site_meta = f'<meta property="og:site_name" content="{site}">' if site else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title} | Krant</title>'
            f'<meta property="og:title" content="{title}">{meta}{site_meta}'
            '<script>var tracker = "niet dit";</script><style>p { color: red }</style></head>'
            '<body><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>'
            '<div class="cookie">Wij gebruiken cookies.</div>'
            f'<article><h1>{title}</h1>{body}<aside>Lees ook: iets anders</aside></article>'
            '<footer>Alle rechten voorbehouden</footer></body></html>')


def write_warc(path: Path, pages: list[dict], gzip: bool = True) -> Path:
    """Write ``pages`` (url, html, status, content_type, date) as request/response records."""
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "kroniek tests"}))
        for page in pages:
            url = page["url"]
            status = page.get("status", "200 OK")
            ctype = page.get("content_type", "text/html; charset=utf-8")
            payload = page["html"].encode(page.get("encoding", "utf-8")) if isinstance(page["html"], str) \
                else page["html"]
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            req = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            writer.write_record(req)
            headers = {"WARC-Date": page.get("date", "2019-04-11T08:00:00Z")}
            if "record_id" in page:
                headers["WARC-Record-ID"] = f"<urn:uuid:{page['record_id']}>"
            rec = writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                            http_headers=http, warc_headers_dict=headers)
            writer.write_record(rec)
    return path
