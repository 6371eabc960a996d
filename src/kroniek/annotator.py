"""``kroniek.Annotator``: articles in, Documents out, from Python.

An Annotator owns its parser processes (Frog, about 2 GB and a few seconds to start
each). They start on the first article, not when the Annotator is made, and stop when
it is closed: use it as a context manager::

    with kroniek.Annotator() as nlp:
        doc = nlp.annotate("Rutte ontmoette Biden ...", date="2023-07-11")

``annotate`` raises a :class:`~kroniek.errors.KroniekError` for a bad article;
``annotate_many`` never does for one record: each bad one becomes a
:class:`~kroniek.model.Reject` in its place and the rest goes on, as in ``kroniek
extract`` (which runs through this class).

Heavy parts (the parser, the pipeline's lexicons and knowledge base) are imported on
first use, so ``import kroniek`` stays quick.
"""

from __future__ import annotations

import dataclasses

import itertools
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

from .errors import InputError, KroniekError

if TYPE_CHECKING:  # pragma: no cover
    from .config import Config
    from .ingest import ReadOptions
    from .model import Article, Document, Reject
    from .nlp.pool import ParserPool
    from .pipeline import Pipeline

# What annotate_many and Database.ingest accept, one record at a time: an Article, a
# dict with the JSON-lines fields (id, date or published_at, text, title, source, url,
# lang), or a path to a file or folder of articles in any format kroniek reads.
RecordLike = Union["Article", Mapping[str, Any], str, os.PathLike]


def as_config(config: Config | str | os.PathLike[str] | None) -> Config:
    """A Config as given, loaded from a TOML path, or the defaults ($KRONIEK_CONFIG)."""
    from .config import Config, load_config

    if isinstance(config, Config):
        return config
    return load_config(config)


def read_records(records: RecordLike | Iterable[RecordLike], options: ReadOptions) -> Iterator[Article | Reject]:
    """Articles (or Rejects) from the records the API accepts; see :data:`RecordLike`."""
    from .ingest import read_paths
    from .ingest.jsonl import record_to_article
    from .model import Article, Reject

    if isinstance(records, (str, os.PathLike, Article)) or isinstance(records, Mapping):
        records = [records]
    for n, record in enumerate(records, 1):
        if isinstance(record, Article):
            yield record
        elif isinstance(record, Mapping):
            yield record_to_article(dict(record), f"record-{n}", options, f"record {n}")
        elif isinstance(record, (str, os.PathLike)):
            yield from read_paths([record], options)
        else:
            yield Reject(id=None, code="E_INPUT_FIELD", origin=f"record {n}",
                         message=f"a record must be an Article, a dict or a path, not {type(record).__name__}")


class Annotator:
    """The kroniek pipeline with its own parser processes.

    ``config`` is a :class:`~kroniek.config.Config`, a TOML file, or None for the
    defaults. ``workers`` is how many parser processes run at once (default: the
    configuration's ``workers``, 1). ``cache_dir`` keeps every parse on disk so that
    annotating the same text again parses nothing (what the evaluators use).
    """

    def __init__(self, config: Config | str | os.PathLike[str] | None = None, *, workers: int | None = None,
                 cache_dir: str | os.PathLike[str] | None = None, pipeline: Pipeline | None = None) -> None:
        self.config = as_config(config)
        self.workers = workers if workers is not None else self.config.workers
        if self.workers < 1:
            raise KroniekError(f"workers must be at least 1, not {self.workers}", code="E_CONFIG")
        self.cache_dir = cache_dir
        self._pipeline = pipeline
        self._pool: ParserPool | None = None
        self._count = itertools.count(1)

    # -- the parts, made on first use -----------------------------------------------

    @property
    def pipeline(self) -> Pipeline:
        """The steps (built on first use; a broken knowledge-base file raises E_KB_FILE here,
        before any article, instead of rejecting every article)."""
        if self._pipeline is None:
            from .kb import default_kb
            from .pipeline import Pipeline

            if self.config.kb.user_files:
                default_kb(self.config.kb.user_files)
            self._pipeline = Pipeline(config=self.config)
        return self._pipeline

    @property
    def pool(self) -> ParserPool:
        """The parser processes; they start when the first article needs them."""
        if self._pool is None:
            from .nlp.backends import make_parser, resolve_backend
            from .nlp.pool import ParserPool

            # "auto" is decided once, so every worker gets the same backend.
            config = self.config.replace(parser=dataclasses.replace(
                self.config.parser, backend=resolve_backend(self.config)))
            cache_dir = Path(self.cache_dir) if self.cache_dir is not None else None
            self._pool = ParserPool(lambda: make_parser(config, cache_dir=cache_dir), self.workers)
        return self._pool

    def read_options(self, **overrides: Any) -> ReadOptions:
        """How records are read: the configuration's ingest settings, with overrides
        (``date``, ``format``, ``lang``, ``encoding``, ``max_chars``, ``csv``)."""
        from .jobs import read_options

        return read_options(self.config, **overrides)

    # -- annotating -----------------------------------------------------------------

    def annotate(self, text: str, date: str, id: str | None = None, *, title: str | None = None,
                 source: str | None = None, url: str | None = None, lang: str | None = None) -> Document:
        """One article's Document. ``date`` is its publication date (YYYY, YYYY-MM or
        YYYY-MM-DD); relative times ("gisteren") are resolved against it.

        Raises InputError (E_INPUT_*) for a bad article, ParserError (E_PARSER_*) when
        the parser fails, KroniekError E_EXTRACT when a step does.
        """
        from .ingest.records import make_article
        from .model import Reject

        record_id = id if id is not None else f"doc-{next(self._count)}"
        item = make_article(record_id=record_id, text=text, date=date, options=self.read_options(),
                            origin=None, lang=lang, title=title, source=source, url=url)
        if isinstance(item, Reject):
            raise InputError(item.message, code=item.code)
        with self.pool.lease() as parser:
            parsed = parser.parse(item.text)
        return self.pipeline.annotate_parsed(item, parsed)

    def annotate_many(self, records: RecordLike | Iterable[RecordLike], *, workers: int | None = None,
                      **read_options: Any) -> Iterator[Document | Reject]:
        """Documents (or Rejects, for bad records) in input order, as they are ready.

        ``records``: Articles, dicts with the JSON-lines fields, or paths of files and
        folders (any format ``kroniek ingest`` reads; ``read_options`` such as
        ``date="2024-04-02"`` or ``format="csv"`` say how). ``workers`` must not exceed
        the Annotator's own (its processes are started once and shared).
        """
        from .pipeline import annotate_stream

        if workers is not None and workers < 1:
            raise KroniekError(f"workers must be at least 1, not {workers}", code="E_CONFIG")
        if workers is not None and workers != self.workers:
            if self._pool is not None and self._pool.started:
                raise KroniekError(f"this Annotator already runs {self.workers} parser(s); make a new "
                                   f"Annotator(workers={workers}) for another number", code="E_CONFIG")
            self.close()
            self.workers = workers
        items = read_records(records, self.read_options(**read_options))
        return annotate_stream(items, self.pool, self.pipeline)

    __call__ = annotate

    # -- lifetime -------------------------------------------------------------------

    def close(self) -> None:
        """Stop the parser processes (a later article starts them again)."""
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    def __enter__(self) -> Annotator:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        running = self._pool is not None and self._pool.started
        return f"<kroniek.Annotator workers={self.workers} parsers {'running' if running else 'not started'}>"
