"""What one Spark task does with its partition: annotate it, turn it into table rows.

This runs on the executors. Each partition starts one parser pool (one Frog process
per task, since a task holds one core) when it meets its first article, runs
:func:`kroniek.pipeline.annotate_stream` over the partition with the standard
pipeline, and closes the pool when the partition is done or fails. The pipeline is
built on the executor from ``pipeline.default_steps()``, so the job runs whatever
steps the installed kroniek has.

Each output becomes staging rows ``(table, month, row as JSON)``: one pass over the
articles yields the rows of every table, and Spark writes them once; the tables are
split out of the staging data afterwards without parsing again.
"""

from __future__ import annotations

import collections
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ..config import Config
from ..model import Article, Document, Reject
from ..nlp import Parser
from ..nlp.pool import ParserPool
from ..pipeline import Pipeline, annotate_stream
from .tables import UNKNOWN_MONTH, document_rows, partition_month, reject_row, table

STAGING_SCHEMA = "table string, month string, row string"


def _as_json(name: str, row: tuple) -> str:
    # An object by column name (month left out: it is a column of its own), so Spark
    # parses it with from_json against the table's schema, without Python.
    return json.dumps(dict(zip(table(name).column_names[:-1], row[:-1])), ensure_ascii=False)


def staging_rows(item: Document | Reject, month: str, origin: str | None) -> Iterator[tuple[str, str, str]]:
    if isinstance(item, Reject):
        yield "rejects", month, _as_json("rejects", reject_row(item, month))
        return
    for name, rows in document_rows(item, month, origin).items():
        for row in rows:
            yield name, month, _as_json(name, row)


@dataclass(frozen=True)
class AnnotatePartition:
    """The function Spark runs on each partition (pickled to the executors)."""

    parser_factory: Callable[[], Parser]
    parsers: int = 1
    # The run's configuration: the pipeline's steps read the user's knowledge-base
    # files from it (their paths must exist on every executor).
    config: Config | None = None

    def __call__(self, items: Iterable[Article | Reject]) -> Iterator[tuple[str, str, str]]:
        # annotate_stream yields one output per input, in input order: remember each
        # input's month and origin as it is consumed, and pair them up again.
        pending: collections.deque[tuple[str, str | None]] = collections.deque()

        def remembered() -> Iterator[Article | Reject]:
            for item in items:
                month = partition_month(item.date) if isinstance(item, Article) else UNKNOWN_MONTH
                pending.append((month, item.origin))
                yield item

        pool = ParserPool(self.parser_factory, self.parsers)
        try:
            for out in annotate_stream(remembered(), pool, Pipeline(config=self.config)):
                month, origin = pending.popleft()
                yield from staging_rows(out, month, origin)
        finally:
            pool.close()


__all__ = ["STAGING_SCHEMA", "AnnotatePartition", "staging_rows"]
