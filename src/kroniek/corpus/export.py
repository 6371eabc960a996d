"""Merged events written out, one a line or row, each with every mention that made it.

Every mention carries its document id, event id, modality, date and sentence offsets, so
whoever reads the export can check each merge against the article text.

- ``jsonl``: the merged-event shape of SCHEMA.md ("Across articles").
- ``csv``: one merged event a row (:data:`MERGED_COLUMNS`); dates, status and mentions
  as JSON text in their cells.
- ``parquet``: the same columns, with dates, status and mentions as lists of structs.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from ..errors import ExportError
from .merge import Side
from .query import MergedRecord


def _side(s: Side | None) -> dict[str, Any] | None:
    if s is None:
        return None
    return {"kb_id": s.kb_id, "name": s.name, "code": s.code, "country": s.country}


def _mentions(e: MergedRecord) -> list[dict[str, Any]]:
    return [{"document": r.document, "event": r.event, "modality": r.modality, "date": r.date,
             "doc_date": r.doc_date, "medium": r.medium,
             "trigger": {"start": r.trigger.start, "end": r.trigger.end, "text": r.trigger.text},
             "sentence": {"start": r.sentence.start, "end": r.sentence.end}} for r in e.mentions]


def merged_json(e: MergedRecord) -> dict[str, Any]:
    """One merged event in the shape of SCHEMA.md."""
    return {
        "id": e.id, "type": e.type, "mode": e.mode, "source": _side(e.source), "target": _side(e.target),
        "location": e.location, "date": e.date, "first_day": e.first_day, "last_day": e.last_day,
        "dates": {d.value: d.reports for d in e.dates},
        "status": [{"from": s.start, "modality": s.modality, "reports": s.reports} for s in e.status],
        "outlets": list(e.outlets), "first_reported": e.first_reported, "last_reported": e.last_reported,
        "reports": e.reports, "documents": e.documents, "story": e.story, "mentions": _mentions(e),
    }


MERGED_COLUMNS = ("id", "type", "mode", "source_name", "source_kb_id", "source_code", "source_country",
                  "target_name", "target_kb_id", "target_code", "target_country", "location", "date",
                  "first_day", "last_day", "dates", "status", "outlets", "first_reported", "last_reported",
                  "reports", "documents", "story", "mentions")


def merged_row(e: MergedRecord, nested: bool = False) -> dict[str, Any]:
    """A flat row of :data:`MERGED_COLUMNS`; ``nested`` keeps lists as lists (Parquet)."""
    j = merged_json(e)
    row: dict[str, Any] = {k: j[k] for k in ("id", "type", "mode", "location", "date", "first_day", "last_day",
                                             "first_reported", "last_reported", "reports", "documents", "story")}
    for prefix, s in (("source", e.source), ("target", e.target)):
        row.update({f"{prefix}_name": s.name if s else None, f"{prefix}_kb_id": s.kb_id if s else None,
                    f"{prefix}_code": s.code if s else None, f"{prefix}_country": s.country if s else None})
    dates = [{"value": d.value, "reports": d.reports} for d in e.dates]
    lists = {"dates": dates, "status": j["status"], "outlets": j["outlets"], "mentions": j["mentions"]}
    for k, v in lists.items():
        row[k] = v if nested else json.dumps(v, ensure_ascii=False)
    return row


def write_merged_jsonl(events: Iterable[MergedRecord], out: IO[str]) -> int:
    n = 0
    for e in events:
        out.write(json.dumps(merged_json(e), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_merged_csv(events: Iterable[MergedRecord], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=list(MERGED_COLUMNS), lineterminator="\n")
    writer.writeheader()
    n = 0
    for e in events:
        writer.writerow(merged_row(e))
        n += 1
    return n


def _schema(pa: Any) -> Any:
    s = pa.string()
    span = pa.struct([("start", pa.int64()), ("end", pa.int64())])
    mention = pa.struct([("document", s), ("event", s), ("modality", s), ("date", s), ("doc_date", s),
                         ("medium", s), ("trigger", pa.struct([("start", pa.int64()), ("end", pa.int64()),
                                                               ("text", s)])), ("sentence", span)])
    fields = {c: s for c in MERGED_COLUMNS}
    fields.update({
        "reports": pa.int64(), "documents": pa.int64(),
        "dates": pa.list_(pa.struct([("value", s), ("reports", pa.int64())])),
        "status": pa.list_(pa.struct([("from", s), ("modality", s), ("reports", pa.int64())])),
        "outlets": pa.list_(s), "mentions": pa.list_(mention),
    })
    return pa.schema([(c, fields[c]) for c in MERGED_COLUMNS])


def write_merged_parquet(events: Iterable[MergedRecord], path: str | Path, batch_rows: int = 5_000) -> int:
    from ..export import require_pyarrow, write_parquet_rows

    pa, _ = require_pyarrow()
    return write_parquet_rows((merged_row(e, nested=True) for e in events), path, _schema(pa), batch_rows)
