"""The jobs the CLI runs, as library functions that return reports instead of printing.

``run_ingest`` reads, skips what the store already holds, parses and annotates the rest
on a pool of parsers, and writes documents and rejects through the store's one
writer. ``run_extract`` does the same without a store and hands each document to a
callback. Both report progress through an optional callback, so the CLI can draw a bar.
"""

from __future__ import annotations

import dataclasses

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .config import Config
from .corpus.sync import SyncReport, sync
from .ingest import ReadOptions, expand_paths, read_paths
from .model import Article, Document, Reject
from .nlp.pool import ParserPool
from .pipeline import Pipeline, annotate_stream
from .store import SaveStatus, Store

# progress(items, chars=0, free=False): ``chars`` lets the ETA go by characters, ``free``
# marks documents skipped without work (see kroniek.progress).
Progress = Callable[..., None]


@dataclass
class IngestReport:
    statuses: Counter[str] = field(default_factory=Counter)
    rejects: Counter[str] = field(default_factory=Counter)
    reject_examples: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    characters: int = 0
    corpus: SyncReport | None = None  # merged events and stories after the batch (kroniek.corpus)

    @property
    def done(self) -> int:
        return sum(self.statuses.values())

    @property
    def rejected(self) -> int:
        return sum(self.rejects.values())

    def count_reject(self, r: Reject) -> None:
        self.rejects[r.code] += 1
        self.reject_examples.setdefault(r.code, f"{r.origin or r.id}: {r.message}")


def estimate_records(paths: Iterable[str | Path], options: ReadOptions) -> int | None:
    """A quick count of the records in ``paths`` (for progress bars); None if unknown."""
    total = 0
    for p in expand_paths(paths, options.format):
        if str(p) == "-":
            return None
        p = Path(p)
        suffix = p.suffix.lower()
        try:
            if suffix in (".jsonl", ".ndjson"):
                with p.open("rb") as f:
                    total += sum(1 for line in f if line.strip())
            elif suffix in (".csv", ".tsv"):
                with p.open("rb") as f:
                    total += max(0, sum(1 for line in f if line.strip()) - 1)
            else:
                total += 1
        except OSError:
            total += 1
    return total


def parser_pool(config: Config, workers: int | None = None) -> ParserPool:
    from .nlp.backends import make_parser, resolve_backend

    config = config.replace(parser=dataclasses.replace(config.parser, backend=resolve_backend(config)))
    return ParserPool(lambda: make_parser(config), workers or config.workers)


def read_options(config: Config, **overrides: object) -> ReadOptions:
    base = ReadOptions(lang=config.ingest.default_lang, max_chars=config.ingest.max_chars,
                       encoding=config.ingest.encoding)
    return ReadOptions(**{**base.__dict__, **{k: v for k, v in overrides.items() if v is not None}})


def _skip_stored(items: Iterable[Article | Reject], store: Store, report: IngestReport,
                 progress: Progress | None, annotator: str) -> Iterator[Article | Reject]:
    """Articles the store already holds, annotated by this kroniek, are counted and not
    parsed again."""
    for item in items:
        if isinstance(item, Article):
            status = store.status_of(item.id, item.content_hash, annotator)
            if status is not None:
                report.statuses[status.value] += 1
                if progress:
                    progress(1, len(item.text), True)
                continue
        yield item


def run_ingest(paths: Iterable[str | Path], store: Store, pool: ParserPool, options: ReadOptions,
               pipeline: Pipeline | None = None, progress: Progress | None = None) -> IngestReport:
    return ingest_items(read_paths(paths, options), store, pool, pipeline, progress)


def ingest_items(items: Iterable[Article | Reject], store: Store, pool: ParserPool,
                 pipeline: Pipeline | None = None, progress: Progress | None = None) -> IngestReport:
    """:func:`run_ingest` over articles already read (the Python API's records)."""
    report = IngestReport()
    started = time.perf_counter()
    pipeline = pipeline or Pipeline()
    items = _skip_stored(items, store, report, progress, pipeline.annotator)
    for out in annotate_stream(items, pool, pipeline):
        if isinstance(out, Reject):
            store.save_reject(out)
            report.count_reject(out)
        else:
            status = store.save(out, annotator=pipeline.annotator)
            report.statuses[status.value] += 1
            if status in (SaveStatus.ADDED, SaveStatus.UPDATED, SaveStatus.REANNOTATED):
                report.characters += len(out.text)
        if progress:
            progress(1, 0 if isinstance(out, Reject) else len(out.text))
    store.commit()
    # The batch merges into what is stored: only the actor pairs it touched are recomputed.
    report.corpus = sync(store)
    report.seconds = time.perf_counter() - started
    return report


def run_extract(paths: Iterable[str | Path], pool: ParserPool, options: ReadOptions,
                emit: Callable[[Document | Reject], None], pipeline: Pipeline | None = None,
                progress: Progress | None = None) -> IngestReport:
    report = IngestReport()
    started = time.perf_counter()
    for out in annotate_stream(read_paths(paths, options), pool, pipeline):
        if isinstance(out, Reject):
            report.count_reject(out)
        else:
            report.statuses["extracted"] += 1
            report.characters += len(out.text)
        emit(out)
        if progress:
            progress(1, 0 if isinstance(out, Reject) else len(out.text))
    report.seconds = time.perf_counter() - started
    return report
