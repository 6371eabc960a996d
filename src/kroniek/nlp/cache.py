"""A parse cache: the same text through the same parser is parsed once.

Evaluations re-run kroniek's extractors over the same gold texts many times while the
rules change; Frog's answer for a text does not change. :class:`CachingParser` wraps
any :class:`~kroniek.nlp.Parser` and keeps each ParsedDoc as a JSON file named by the
hash of the parser's identity and the text. The inner parser is started only when a
text is not in the cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path

import platformdirs

from ..files import write_atomically
from ..model import ParsedDoc
from . import Parser

# Bump when ParsedDoc's shape or the alignment changes: old entries are then ignored.
CACHE_FORMAT = "1"


def default_cache_dir() -> Path:
    return Path(os.environ.get("KRONIEK_CACHE") or platformdirs.user_cache_dir("kroniek", appauthor=False)) / "parses"


class CachingParser:
    """A Parser that answers from a cache folder when it can."""

    def __init__(self, inner: Parser, cache_dir: str | os.PathLike[str] | None = None,
                 identity: str | None = None) -> None:
        self.inner = inner
        self.name = inner.name
        self.cache_dir = Path(cache_dir) if cache_dir else default_cache_dir()
        # Parses made under another parser configuration are never reused.
        self.identity = identity or f"{getattr(inner, 'cache_identity', inner.name)}/{CACHE_FORMAT}"
        self.hits = 0
        self.misses = 0
        self._started = False

    def _path(self, text: str) -> Path:
        h = hashlib.sha256(self.identity.encode() + b"\x00" + text.encode("utf-8", "surrogatepass"))
        digest = h.hexdigest()
        return self.cache_dir / digest[:2] / f"{digest}.json"

    def cached(self, text: str) -> bool:
        """Whether the cache holds a parse of ``text`` (without starting the parser)."""
        return self._path(text).is_file()

    def start(self) -> CachingParser:
        return self  # the inner parser starts on the first miss

    def parse(self, text: str) -> ParsedDoc:
        path = self._path(text)
        try:
            doc = ParsedDoc.from_dict(json.loads(path.read_text(encoding="utf-8")))
            if doc.text == text:
                self.hits += 1
                return doc
        except (OSError, ValueError, TypeError, KeyError):
            pass
        if not self._started:
            self.inner.start()
            self._started = True
        doc = self.inner.parse(text)
        self.misses += 1
        self._store(path, doc)
        return doc

    def _store(self, path: Path, doc: ParsedDoc) -> None:
        # The cache only saves time: a full disk or a read-only folder costs a re-parse
        # later, never this document. Written atomically: a half-written entry must
        # never be read back.
        with contextlib.suppress(OSError):
            write_atomically(path, json.dumps(doc.to_dict(), ensure_ascii=False).encode("utf-8"))

    def health(self) -> bool:
        return self.inner.health() if self._started else True

    def close(self) -> None:
        if self._started:
            self.inner.close()
            self._started = False
