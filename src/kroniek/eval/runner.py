"""Annotating gold texts for evaluation: the default pipeline over a parse cache.

Evaluations re-run the extractors over the same texts whenever rules change; the
parses come from a :class:`~kroniek.nlp.cache.CachingParser`, so Frog parses each gold
text once.
"""

from __future__ import annotations

from pathlib import Path

from ..config import Config, FrogConfig
from ..model import Article, Document, ParsedDoc
from ..nlp.backends import make_parser
from ..nlp.cache import CachingParser
from ..nlp.frog import FrogParser
from ..pipeline import Pipeline


class Annotator:
    """``annotator(text, date) -> (Document, ParsedDoc)`` with the default pipeline."""

    def __init__(self, frog: FrogConfig | None = None, cache_dir: str | Path | None = None,
                 pipeline: Pipeline | None = None, *, config: Config | None = None) -> None:
        # With a whole configuration, its parser.backend chooses Frog or the fast parser.
        inner = make_parser(config) if config is not None else FrogParser(frog)
        self.parser = CachingParser(inner, cache_dir)
        self.pipeline = pipeline or Pipeline()
        self.count = 0

    def __call__(self, text: str, date: str) -> tuple[Document, ParsedDoc]:
        self.count += 1
        parsed = self.parser.parse(text)
        article = Article(id=f"eval-{self.count}", text=text, date=date)
        return self.pipeline.annotate_parsed(article, parsed), parsed

    def close(self) -> None:
        self.parser.close()

    def __enter__(self) -> Annotator:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
