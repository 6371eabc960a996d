"""The Parquet tables of a Spark run, derived from the document model, and back.

A Document (model.py, SCHEMA.md) becomes rows of flat tables, as the store keeps it:
``documents`` (one row per article), one table per annotation tuple of the Document
(``entities``, ``times``, ``events``, ``quotes``, and any added later), a child table per
tuple of records inside an annotation (``mentions`` of entities), and ``rejects``.
Nested records are flattened into prefixed columns (``trigger_start``); the actor's
columns keep the store's names (``actor_code``, ``country``, ...). Every annotation row
carries ``doc_id`` and ``n``, its position in the document, so a Document rebuilds
exactly; every row carries ``month``, the partition it is written under.

Nothing here is written by hand per field: the tables follow the dataclasses, so a
field another step adds to the model gets its column. A field of a type the tables
cannot hold (a dict, a tuple of tuples) raises :class:`TableLayoutError` when the
layout is built, which a test does, so it fails in CI rather than in a job.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..dates import Precision, parse_pub_date
from ..errors import InputError
from ..model import Document, Record, Reject

SCALARS = (str, int, float, bool)
# Partition of records whose publication month is not known (rejects without a date).
UNKNOWN_MONTH = "unknown"
MONTH = "month"

# The store's column names for the actor (store/migrations.py), so one query fits both.
_STORE_NAMES = {
    ("entities", "actor_country"): "country",
    ("entities", "actor_sector"): "sector",
    ("entities", "actor_role"): "role",
    ("entities", "actor_kb_id"): "kb_id",
}


class TableLayoutError(TypeError):
    """A model field has a type the Parquet tables cannot hold (a programming error)."""


@dataclass(frozen=True)
class Column:
    name: str
    path: tuple[str, ...]   # where the value sits in the record the row comes from
    type: type              # str, int, float or bool
    array: bool = False     # a tuple of scalars


@dataclass(frozen=True)
class Table:
    """One Parquet table: key columns, then the record's own columns, then ``month``."""

    name: str
    record: type                       # the dataclass one row holds
    keys: tuple[str, ...]              # doc_id[, <parent>_id], n  (documents and rejects: none)
    columns: tuple[Column, ...]
    parent: str | None = None          # the table whose records hold these (mentions → entities)
    parent_field: str | None = None    # the field of the parent record (or Document) holding them

    @property
    def column_names(self) -> tuple[str, ...]:
        return self.keys + tuple(c.name for c in self.columns) + (MONTH,)


# --------------------------------------------------------------------------- layout


def _field_kind(hint: Any, where: str) -> tuple[str, type, bool]:
    """(kind, type, optional) of a field: kind is scalar, array, record or records."""
    optional = False
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        optional = len(args) < len(typing.get_args(hint))
        if len(args) != 1:
            raise TableLayoutError(f"{where}: a union of several types cannot be a column")
        hint = args[0]
    if hint in SCALARS:
        return "scalar", hint, optional
    if isinstance(hint, type) and issubclass(hint, Record):
        return "record", hint, optional
    if typing.get_origin(hint) is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            item = args[0]
            if item in SCALARS:
                return "array", item, optional
            if isinstance(item, type) and issubclass(item, Record):
                return "records", item, optional
    raise TableLayoutError(f"{where}: type {hint!r} has no Parquet column mapping; "
                           "extend kroniek/batch/tables.py")


def _flatten(record: type, table: str, prefix: tuple[str, ...] = ()) -> tuple[list[Column], list[tuple[str, type]]]:
    """Columns of ``record``'s scalar (and nested record) fields, and its tuple-of-record fields."""
    columns: list[Column] = []
    children: list[tuple[str, type]] = []
    hints = typing.get_type_hints(record)
    for f in dataclasses.fields(record):
        path = prefix + (f.name,)
        kind, typ, _ = _field_kind(hints[f.name], f"{record.__name__}.{f.name}")
        if kind in ("scalar", "array"):
            name = "_".join(path)
            columns.append(Column(_STORE_NAMES.get((table, name), name), path, typ, kind == "array"))
        elif kind == "record":
            sub, nested = _flatten(typ, table, path)
            if nested:
                raise TableLayoutError(f"{record.__name__}.{f.name}: records inside a nested record "
                                       "cannot be a table")
            columns.extend(sub)
        elif prefix:
            raise TableLayoutError(f"{record.__name__}.{f.name}: records inside a nested record "
                                   "cannot be a table")
        else:
            children.append((f.name, typ))
    return columns, children


def _annotation_tables(name: str, record: type, keys: tuple[str, ...], parent: str,
                       parent_field: str) -> list[Table]:
    columns, children = _flatten(record, name)
    tables = [Table(name, record, keys, tuple(columns), parent, parent_field)]
    for child_field, child_record in children:
        if "id" not in {f.name for f in dataclasses.fields(record)}:
            raise TableLayoutError(f"{record.__name__} holds {child_field} but has no id to join them on")
        parent_key = f"{record.__name__.lower()}_id"
        tables += _annotation_tables(child_field, child_record, ("doc_id", parent_key, "n"), name, child_field)
    return tables


@lru_cache(maxsize=1)
def layout() -> tuple[Table, ...]:
    """Every table of a Spark run, in writing order: documents, annotations, rejects."""
    columns, annotations = _flatten(Document, "documents")
    documents = Table("documents", Document, (), tuple(columns) + (
        Column("content_hash", (), str), Column("origin", (), str)))
    tables = [documents]
    for field_name, record in annotations:
        tables += _annotation_tables(field_name, record, ("doc_id", "n"), "documents", field_name)
    reject_columns = tuple(Column("doc_id" if c.name == "id" else c.name, c.path, c.type)
                           for c in _flatten(Reject, "rejects")[0])
    tables.append(Table("rejects", Reject, (), reject_columns))
    for t in tables:
        if len(set(t.column_names)) != len(t.column_names):
            raise TableLayoutError(f"table {t.name} has two columns of one name: {t.column_names}")
    return tuple(tables)


def table(name: str) -> Table:
    for t in layout():
        if t.name == name:
            return t
    raise KeyError(name)


def table_names() -> tuple[str, ...]:
    return tuple(t.name for t in layout())


# --------------------------------------------------------------------------- rows


def partition_month(date: str | None) -> str:
    """The ``month`` partition of a publication date: ``2019-04``; ``2019-XX`` for a year alone."""
    if not date:
        return UNKNOWN_MONTH
    try:
        pub = parse_pub_date(date)
    except InputError:
        return UNKNOWN_MONTH
    return f"{pub.value[:4]}-XX" if pub.precision is Precision.YEAR else pub.value[:7]


def _get(record: Any, path: tuple[str, ...]) -> Any:
    for name in path:
        if record is None:
            return None
        record = getattr(record, name)
    return record


def _value(column: Column, value: Any) -> Any:
    if value is None:
        return None
    if column.array:
        return [column.type(v) for v in value]
    # Steps may hand an int where the model says float (confidence=1); Parquet is typed.
    return float(value) if column.type is float else value


def _record_rows(t: Table, tables: dict[str, Table], children: dict[str, list[Table]],
                 record: Any, keys: tuple[Any, ...], month: str,
                 out: dict[str, list[tuple[Any, ...]]]) -> None:
    out[t.name].append(keys + tuple(_value(c, _get(record, c.path)) for c in t.columns) + (month,))
    for child in children.get(t.name, ()):
        for n, item in enumerate(getattr(record, child.parent_field)):
            _record_rows(child, tables, children, item, (keys[0], record.id, n), month, out)


def document_rows(doc: Document, month: str, origin: str | None = None) -> dict[str, list[tuple[Any, ...]]]:
    """The rows ``doc`` adds to each table (values in ``Table.column_names`` order)."""
    tables = {t.name: t for t in layout()}
    children: dict[str, list[Table]] = defaultdict(list)
    for t in layout():
        if t.parent and t.parent != "documents":
            children[t.parent].append(t)
    out: dict[str, list[tuple[Any, ...]]] = {t.name: [] for t in layout()}
    docs = tables["documents"]
    extra = {"content_hash": doc.content_hash, "origin": origin}
    out["documents"].append(tuple(extra[c.name] if not c.path else _value(c, _get(doc, c.path))
                                  for c in docs.columns) + (month,))
    for t in layout():
        if t.parent == "documents":
            for n, item in enumerate(getattr(doc, t.parent_field)):
                _record_rows(t, tables, children, item, (doc.id, n), month, out)
    return out


def reject_row(reject: Reject, month: str = UNKNOWN_MONTH) -> tuple[Any, ...]:
    t = table("rejects")
    return tuple(_get(reject, c.path) for c in t.columns) + (month,)


# --------------------------------------------------------------------------- back


def _nest(record: type, flat: dict[tuple[str, ...], Any], prefix: tuple[str, ...] = ()) -> dict[str, Any] | None:
    """The ``to_dict`` form of ``record`` from its flattened values (children left out)."""
    hints = typing.get_type_hints(record)
    out: dict[str, Any] = {}
    for f in dataclasses.fields(record):
        path = prefix + (f.name,)
        kind, typ, optional = _field_kind(hints[f.name], f.name)
        if kind in ("scalar", "array"):
            if path in flat:
                out[f.name] = flat[path]
        elif kind == "record":
            sub = _nest(typ, flat, path)
            # An optional record whose columns are all empty was None (an actor not found).
            out[f.name] = None if optional and sub is not None and all(
                v is None for v in _leaves(sub)) else sub
    return out


def _leaves(d: dict[str, Any]) -> Iterator[Any]:
    for v in d.values():
        if isinstance(v, dict):
            yield from _leaves(v)
        else:
            yield v


def _row_dict(t: Table, row: dict[str, Any]) -> dict[str, Any]:
    flat = {c.path: row.get(c.name) for c in t.columns if c.path}
    return _nest(t.record, flat) or {}


def rebuild_documents(rows: dict[str, Iterable[dict[str, Any]]]) -> list[Document]:
    """Documents from table rows (dicts by column name), in the order of the documents rows.

    ``rows`` holds the rows of one or more documents for every table but rejects; a
    table left out counts as empty.
    """
    by_parent: dict[str, dict[tuple[Any, ...], list[tuple[int, dict[str, Any]]]]] = {}
    for t in layout():
        if t.parent is None:
            continue
        groups: dict[tuple[Any, ...], list[tuple[int, dict[str, Any]]]] = defaultdict(list)
        for row in rows.get(t.name, ()):
            groups[tuple(row[k] for k in t.keys[:-1])].append((row["n"], row))
        by_parent[t.name] = groups
    children: dict[str, list[Table]] = defaultdict(list)
    for t in layout():
        if t.parent:
            children[t.parent].append(t)

    def build(t: Table, row: dict[str, Any], key: tuple[Any, ...]) -> dict[str, Any]:
        data = _row_dict(t, row)
        for child in children.get(t.name, ()):
            child_key = key + (data["id"],) if t.name != "documents" else key
            items = sorted(by_parent[child.name].get(child_key, ()), key=lambda nr: nr[0])
            data[child.parent_field] = [build(child, r, child_key) for _, r in items]
        return data

    docs = []
    for row in rows.get("documents", ()):
        docs.append(Document.from_dict(build(table("documents"), row, (row["id"],))))
    return docs


def rebuild_reject(row: dict[str, Any]) -> Reject:
    return Reject.from_dict(_row_dict(table("rejects"), row))


__all__ = [
    "MONTH",
    "UNKNOWN_MONTH",
    "Column",
    "Table",
    "TableLayoutError",
    "document_rows",
    "layout",
    "partition_month",
    "rebuild_documents",
    "rebuild_reject",
    "reject_row",
    "table",
    "table_names",
]
