"""The Parquet output of ``kroniek spark``, read back: Documents, Rejects, and into the store.

Reading needs pyarrow, not Spark: a user loads a finished run into the embedded store
(so the web UI and every query work on it) on a laptop. Documents are rebuilt month
partition by month partition, so memory holds one month of the corpus at a time.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..corpus.sync import sync
from ..jobs import IngestReport
from ..errors import BatchError
from ..model import Document, Reject
from ..store import SaveStatus, Store
from .tables import MONTH, Table, layout, rebuild_documents, rebuild_reject


def _pyarrow():
    try:
        import pyarrow as pa
        import pyarrow.dataset as ds
    except ImportError:
        raise BatchError("reading Parquet needs pyarrow: pip install 'kroniek[spark]'",
                         code="E_SPARK_MISSING") from None
    return pa, ds


class ParquetOutput:
    """The tables of one ``kroniek spark`` run in a folder."""

    def __init__(self, path: str | Path) -> None:
        pa, ds = _pyarrow()
        self.path = Path(path)
        if not (self.path / "documents").is_dir():
            raise BatchError(f"{self.path} holds no documents table: is it the output of `kroniek spark`?",
                             code="E_PARQUET_INPUT")
        self._ds = ds
        partitioning = ds.partitioning(pa.schema([(MONTH, pa.string())]), flavor="hive")
        self.datasets: dict[str, Any] = {}
        for t in layout():
            folder = self.path / t.name
            if not folder.is_dir():
                raise BatchError(f"{self.path} has no {t.name} table: the run did not finish, or it was "
                                 "written by another kroniek version", code="E_PARQUET_INPUT")
            dataset = ds.dataset(str(folder), format="parquet", partitioning=partitioning)
            missing = [c for c in t.column_names if c not in dataset.schema.names]
            extra = [c for c in dataset.schema.names if c not in t.column_names]
            if missing or extra:
                raise BatchError(f"table {t.name} in {self.path} does not fit this kroniek's model "
                                 f"(missing columns {missing}, unknown columns {extra}); load it with the "
                                 "kroniek version that wrote it", code="E_PARQUET_INPUT")
            self.datasets[t.name] = dataset

    def count(self, table: str) -> int:
        return self.datasets[table].count_rows()

    def months(self) -> list[str]:
        column = self.datasets["documents"].to_table(columns=[MONTH]).column(MONTH)
        return sorted({m for m in column.to_pylist() if m is not None})

    def _rows(self, t: Table, month: str | None = None) -> list[dict[str, Any]]:
        dataset = self.datasets[t.name]
        flt = self._ds.field(MONTH) == month if month is not None else None
        return dataset.to_table(filter=flt).to_pylist()

    def documents(self) -> Iterator[Document]:
        """Every document, month by month (ids sorted within a month)."""
        for doc, _origin in self.documents_with_origins():
            yield doc

    def documents_with_origins(self) -> Iterator[tuple[Document, str | None]]:
        """Every document with the origin (file and line) it was read from."""
        for month in self.months():
            rows = {t.name: self._rows(t, month) for t in layout() if t.name != "rejects"}
            rows["documents"].sort(key=lambda r: r["id"])
            origins = [r["origin"] for r in rows["documents"]]
            yield from zip(rebuild_documents(rows), origins)

    def rejects(self) -> Iterator[tuple[Reject, str]]:
        """Every reject with its month partition."""
        rows = self._rows(layout()[-1])
        for row in sorted(rows, key=lambda r: (r[MONTH] or "", r.get("origin") or "", r.get("doc_id") or "")):
            yield rebuild_reject(row), row[MONTH]


# The same counts as an ingest: the CLI prints both with one summary.
LoadReport = IngestReport


def load_into_store(path: str | Path, store: Store, progress: Callable[[int], None] | None = None) -> LoadReport:
    """Save every document and reject of a Spark run into ``store``."""
    started = time.perf_counter()
    output = ParquetOutput(path)
    report = LoadReport()
    for doc, origin in output.documents_with_origins():
        status: SaveStatus = store.save(doc, origin=origin)
        report.statuses[status.value] += 1
        if progress:
            progress(1)
    for reject, _month in output.rejects():
        store.save_reject(reject)
        report.count_reject(reject)
        if progress:
            progress(1)
    store.commit()
    report.corpus = sync(store)
    report.seconds = time.perf_counter() - started
    return report


__all__ = ["LoadReport", "ParquetOutput", "load_into_store"]
