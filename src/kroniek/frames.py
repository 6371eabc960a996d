"""Events as tables for notebooks: pandas DataFrames and Arrow tables, built on demand.

pandas and pyarrow are optional (``pip install 'kroniek[pandas]'``, ``'kroniek[parquet]'``):
they are imported only when a frame is asked for, so ``import kroniek`` stays light.
The rows of a stored query are the export's rows (:data:`kroniek.export.EVENT_COLUMNS`),
so a DataFrame and ``kroniek export --format csv`` hold the same columns.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from .errors import ExportError

if TYPE_CHECKING:  # pragma: no cover
    from .model import Document
    from .query import ArticleHit, EventRecord

# One event of one Document (Document.events_frame): no store, so no article medium or
# gazetteer columns; entity ids are resolved to the entities' names within the document.
DOCUMENT_EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("doc_id", "string"), ("event_id", "string"), ("type", "string"), ("mode", "string"),
    ("modality", "string"), ("date", "string"), ("source", "string"), ("source_country", "string"),
    ("target", "string"), ("target_country", "string"), ("location", "string"),
    ("reported_by", "string"), ("trigger", "string"), ("trigger_start", "int64"),
    ("trigger_end", "int64"), ("sentence_start", "int64"), ("sentence_end", "int64"),
    ("sentence", "string"), ("confidence", "double"),
)

ARTICLE_HIT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "string"), ("date", "string"), ("title", "string"), ("medium", "string"), ("snippet", "string"),
)


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise ExportError("DataFrames need pandas: pip install 'kroniek[pandas]'") from None
    return pandas


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError:
        raise ExportError("Arrow tables need pyarrow: pip install 'kroniek[parquet]'") from None
    return pyarrow


def frame(rows: Sequence[dict[str, Any]], columns: Sequence[tuple[str, str]]) -> Any:
    """A DataFrame with ``columns`` in order, also when there are no rows. Integer
    columns use pandas' nullable Int64, so a missing offset is <NA>, not a float;
    "list" columns hold Python lists."""
    pd = _pandas()
    df = pd.DataFrame.from_records(list(rows), columns=[c for c, _ in columns])
    for name, kind in columns:
        if kind == "int64":
            df[name] = df[name].astype("Int64")
        elif kind == "double":
            df[name] = df[name].astype("float64")
    return df


def arrow_table(rows: Sequence[dict[str, Any]], columns: Sequence[tuple[str, str]]) -> Any:
    pa = _pyarrow()
    types = {"string": pa.string(), "double": pa.float64(), "int64": pa.int64()}
    schema = pa.schema([(name, types[kind]) for name, kind in columns])
    return pa.Table.from_pylist(list(rows), schema=schema)


# --------------------------------------------------------------------------- stored events

def event_columns(with_role: bool) -> tuple[tuple[str, str], ...]:
    from .export import EVENT_COLUMNS

    return EVENT_COLUMNS + ((("role", "string"),) if with_role else ())


def event_record_rows(events: Iterable[EventRecord], with_role: bool) -> list[dict[str, Any]]:
    from .export import event_row
    from .gazetteer import Gazetteer

    gazetteer = Gazetteer.default()
    rows = []
    for e in events:
        row = event_row(e, gazetteer)
        if with_role:
            row["role"] = e.role
        rows.append(row)
    return rows


class EventTable:
    """``to_pandas()``, ``to_arrow()`` and notebook display for query results holding
    ``events`` (EventPage, Timeline, Dyad)."""

    events: tuple[EventRecord, ...]
    truncated: bool
    _with_role = False

    def to_pandas(self) -> Any:
        """One event a row, the columns of ``kroniek export --format csv``."""
        return frame(event_record_rows(self.events, self._with_role), event_columns(self._with_role))

    def to_arrow(self) -> Any:
        return arrow_table(event_record_rows(self.events, self._with_role), event_columns(self._with_role))

    def __len__(self) -> int:
        return len(self.events)

    def __repr__(self) -> str:
        more = ", truncated" if self.truncated else ""
        return f"<{type(self).__name__}{self._describe()}: {len(self.events)} events{more}>"

    def _describe(self) -> str:
        return ""

    def _repr_html_(self) -> str:
        from .display import events_html

        return events_html(self.events, f"{type(self).__name__}{self._describe()}", self.truncated)


class ArticleHits(tuple):
    """Search results: a tuple of :class:`~kroniek.query.ArticleHit` with ``to_pandas()``."""

    def to_pandas(self) -> Any:
        return frame(self._rows(), ARTICLE_HIT_COLUMNS)

    def to_arrow(self) -> Any:
        return arrow_table(self._rows(), ARTICLE_HIT_COLUMNS)

    def _rows(self) -> list[dict[str, Any]]:
        hits: tuple[ArticleHit, ...] = self
        return [{"id": h.id, "date": h.date, "title": h.title, "medium": h.medium,
                 "snippet": h.snippet_text} for h in hits]

    def __repr__(self) -> str:
        return f"<ArticleHits: {len(self)} articles {[h.id for h in self][:5]}{'…' if len(self) > 5 else ''}>"


ACTOR_COUNT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("ref", "string"), ("kind", "string"), ("name", "string"), ("type", "string"), ("country", "string"),
    ("code", "string"), ("kb_id", "string"), ("documents", "int64"), ("events", "int64"),
)


class ActorCounts(tuple):
    """Actors with their counts: a tuple of :class:`~kroniek.query.ActorCount` with ``to_pandas()``."""

    def to_pandas(self) -> Any:
        return frame([a.to_dict() for a in self], ACTOR_COUNT_COLUMNS)

    def to_arrow(self) -> Any:
        return arrow_table([a.to_dict() for a in self], ACTOR_COUNT_COLUMNS)

    def __repr__(self) -> str:
        return f"<ActorCounts: {len(self)} actors {[a.ref for a in self][:5]}{'…' if len(self) > 5 else ''}>"


# --------------------------------------------------------------------------- across articles

def merged_columns() -> tuple[tuple[str, str], ...]:
    from .corpus.export import MERGED_COLUMNS

    kinds = {"reports": "int64", "documents": "int64", "dates": "list", "status": "list",
             "outlets": "list", "mentions": "list"}
    return tuple((c, kinds.get(c, "string")) for c in MERGED_COLUMNS) + (("arc", "string"),)


def merged_rows(events: Iterable[Any]) -> list[dict[str, Any]]:
    from .corpus.export import merged_row

    return [{**merged_row(e, nested=True), "arc": e.arc} for e in events]


class MergedTable:
    """``to_pandas()`` and ``to_arrow()`` for merged events (each real-world event once,
    with its reports): the columns of ``kroniek export --merged``, nested lists kept as
    lists, and the status arc in words."""

    events: tuple[Any, ...]
    truncated: bool

    def to_pandas(self) -> Any:
        return frame(merged_rows(self.events), merged_columns())

    def to_arrow(self) -> Any:
        from .corpus.export import _schema

        pa = _pyarrow()
        schema = _schema(pa).append(pa.field("arc", pa.string()))
        return pa.Table.from_pylist(merged_rows(self.events), schema=schema)

    def __len__(self) -> int:
        return len(self.events)

    def __repr__(self) -> str:
        reports = sum(e.reports for e in self.events)
        more = ", truncated" if self.truncated else ""
        return f"<{type(self).__name__}: {len(self.events)} merged events from {reports} reports{more}>"


STORY_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "string"), ("label", "string"), ("terms", "list"), ("first_day", "string"), ("last_day", "string"),
    ("events", "int64"), ("documents", "int64"), ("reports", "int64"),
)


class StoryRecords(tuple):
    """Story threads: a tuple of :class:`~kroniek.corpus.query.StoryRecord` with ``to_pandas()``."""

    def to_pandas(self) -> Any:
        return frame([{**s.to_dict(), "terms": list(s.terms)} for s in self], STORY_COLUMNS)

    def __repr__(self) -> str:
        return f"<StoryRecords: {len(self)} stories {[s.label for s in self][:3]}{'…' if len(self) > 3 else ''}>"


# --------------------------------------------------------------------------- one document

def document_event_rows(doc: Document) -> list[dict[str, Any]]:
    entities = {e.id: e for e in doc.entities}

    def name(entity_id: str | None) -> str | None:
        return entities[entity_id].name if entity_id in entities else entity_id

    def country(entity_id: str | None) -> str | None:
        e = entities.get(entity_id) if entity_id else None
        return e.actor.country if e is not None and e.actor is not None else None

    rows = []
    for v in doc.events:
        rows.append({
            "doc_id": doc.id, "event_id": v.id, "type": v.type, "mode": v.mode, "modality": v.modality,
            "date": v.date, "source": name(v.source), "source_country": country(v.source),
            "target": name(v.target), "target_country": country(v.target), "location": name(v.location),
            "reported_by": name(v.reported_by), "trigger": v.trigger.text,
            "trigger_start": v.trigger.start, "trigger_end": v.trigger.end,
            "sentence_start": v.sentence.start, "sentence_end": v.sentence.end,
            "sentence": doc.text[v.sentence.start:v.sentence.end], "confidence": v.confidence,
        })
    return rows


def document_events_frame(doc: Document) -> Any:
    return frame(document_event_rows(doc), DOCUMENT_EVENT_COLUMNS)
