"""The article inside a news web page: its body text, title, language and publication date.

Crawled pages (Common Crawl News WARC records) hold a whole web page; kroniek needs the
article's paragraphs and nothing of the menus, scripts, share buttons and cookie
banners around them. This is a light extraction on the standard library's HTML
parser, not a boilerplate classifier: inside ``<article>`` (else ``<main>``, else the
whole body) it keeps the paragraphs (``<p>``, sub-headings, block quotes), and only
when a page has no paragraphs at all does it fall back to every text block.

The publication date comes from the page's own metadata (``article:published_time``,
schema.org ``datePublished``, ``<time datetime>`` ...); a page that states none gets
None, and the caller decides (the WARC reader falls back to the crawl date).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser

# Elements whose text is never article text.
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "nav", "header",
                   "footer", "aside", "form", "button", "select", "textarea", "figure", "head"})
# Elements that end one block of text and start the next.
_BLOCKS = frozenset({"p", "div", "section", "article", "main", "li", "ul", "ol", "blockquote",
                     "h1", "h2", "h3", "h4", "h5", "h6", "br", "td", "tr", "table", "dd", "dt",
                     "pre", "figcaption", "body", "hr"})
# Blocks that are running text of an article (h1 is the headline: it is the title).
_PARAGRAPHS = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "blockquote"})
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "source", "wbr", "col", "area",
                   "base", "embed", "param", "track"})

# Metadata that names the publication date, most specific first.
_DATE_META = ("article:published_time", "og:published_time", "datepublished", "publishdate",
              "pubdate", "date", "dcterms.date", "dcterms.issued", "dc.date.issued", "dc.date",
              "sailthru.date", "parsely-pub-date")
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0\u200b]+")


@dataclass(frozen=True)
class HtmlPage:
    """What a news page says about its article."""

    text: str
    title: str | None = None
    lang: str | None = None           # primary language subtag, lowercased ("nl" for "nl-NL")
    published: str | None = None      # the date string as the page gives it
    site_name: str | None = None


@dataclass(frozen=True)
class _Block:
    text: str
    tag: str            # the element the block's text stood in
    in_article: bool
    in_main: bool


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[_Block] = []
        self.meta: dict[str, str] = {}
        self.lang: str | None = None
        self.title_parts: list[str] = []
        self.time_datetimes: list[str] = []
        self.jsonld: list[str] = []
        self._buf: list[str] = []
        self._tags: list[str] = []      # open block-level elements, innermost last
        self._skip = 0
        self._article = 0
        self._main = 0
        self._in_title = False
        self._in_jsonld = False

    # -- structure -------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "html" and a.get("lang"):
            self.lang = a["lang"]
        elif tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").strip().lower()
            if key and "content" in a and key not in self.meta:
                self.meta[key] = a["content"].strip()
        elif tag == "time" and a.get("datetime"):
            self.time_datetimes.append(a["datetime"].strip())
        elif tag == "title":
            self._in_title = True
        elif tag == "script" and a.get("type", "").lower() == "application/ld+json":
            self._in_jsonld = True
        if tag in _SKIP:
            self._flush()
            self._skip += 1
            return
        if tag in _BLOCKS:
            self._flush()
            if tag not in _VOID:
                self._tags.append(tag)
        if tag == "article":
            self._article += 1
        elif tag == "main":
            self._main += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag == "script":
            self._in_jsonld = False
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
            return
        if tag in _BLOCKS:
            self._flush()
            if tag in self._tags:
                # Close the element and whatever was left open inside it (<p> without </p>).
                while self._tags and self._tags.pop() != tag:
                    pass
        if tag == "article":
            self._article = max(0, self._article - 1)
        elif tag == "main":
            self._main = max(0, self._main - 1)

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
        if self._in_jsonld:
            self.jsonld.append(data)
        if self._skip:
            return
        self._buf.append(data)

    def _flush(self) -> None:
        text = _SPACE.sub(" ", "".join(self._buf)).strip()
        self._buf = []
        if text and not self._skip:
            tag = self._tags[-1] if self._tags else "body"
            self.blocks.append(_Block(text, tag, self._article > 0, self._main > 0))

    def close(self) -> None:
        super().close()
        self._flush()


def _published(p: _PageParser) -> str | None:
    for key in _DATE_META:
        if p.meta.get(key):
            return p.meta[key]
    for script in p.jsonld:
        m = _JSONLD_DATE.search(script)
        if m:
            try:
                return json.loads(f'"{m.group(1)}"')
            except ValueError:
                return m.group(1)
    return p.time_datetimes[0] if p.time_datetimes else None


def _article_text(blocks: list[_Block]) -> str:
    scope = [b for b in blocks if b.in_article] or [b for b in blocks if b.in_main] or blocks
    paragraphs = [b for b in scope if b.tag in _PARAGRAPHS]
    chosen = paragraphs or scope
    return "\n\n".join(b.text for b in chosen)


def html_to_page(html: str) -> HtmlPage:
    """The article text and metadata of one HTML page (never raises on bad markup)."""
    p = _PageParser()
    p.feed(html)
    p.close()
    title = (p.meta.get("og:title") or _SPACE.sub(" ", "".join(p.title_parts)).strip()) or None
    lang = (p.lang or p.meta.get("og:locale") or p.meta.get("language") or "").strip()
    lang = re.split(r"[-_]", lang, maxsplit=1)[0].lower() or None
    return HtmlPage(text=_article_text(p.blocks), title=title, lang=lang, published=_published(p),
                    site_name=p.meta.get("og:site_name") or None)


__all__ = ["HtmlPage", "html_to_page"]
