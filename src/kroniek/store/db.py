"""The Store: documents, their annotations and rejects in one SQLite database file.

One writer at a time: a writer holds an exclusive lock on ``<db>.lock`` for its whole
life, and a second writer gets E_STORE_LOCKED at once instead of waiting on SQLite's
busy lock. Readers (queries, the web UI) open the file read-only and see committed
data while a writer works (WAL mode).

A document's identity is its content hash (date, language, title, text): saving the
same content again adds nothing, whatever its id says.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import sqlite3
import time
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Any

import platformdirs

from ..dates import parse_pub_date
from ..errors import StoreError
from ..model import Actor, Document, Entity, Event, Quote, Reject, SentenceRef, Span, Time
from .migrations import MIGRATIONS


class SaveStatus(str, Enum):
    ADDED = "added"          # a new document
    UNCHANGED = "unchanged"  # the same id with the same content is already stored
    UPDATED = "updated"      # the same id with new content: the old version was replaced
    REANNOTATED = "reannotated"  # the same id and content, annotated again by another kroniek
    DUPLICATE = "duplicate"  # the same content is stored under another id


def default_db_path() -> Path:
    """$KRONIEK_DB, else kroniek.db in the user's data directory."""
    env = os.environ.get("KRONIEK_DB")
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir("kroniek", appauthor=False)) / "kroniek.db"


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class Store:
    """Access to one database file. Use :meth:`open_writer` or :meth:`open_reader`."""

    def __init__(self, conn: sqlite3.Connection, path: Path, lock_fd: int | None,
                 batch_size: int = 50, commit_seconds: float = 2.0) -> None:
        self.conn = conn
        self.path = path
        self._lock_fd = lock_fd
        self.batch_size = batch_size
        # A batch is also committed once its first write is this old: a killed ingest
        # loses at most the last seconds of work, and readers see a running ingest.
        self.commit_seconds = commit_seconds
        self._uncommitted = 0
        self._first_uncommitted = 0.0

    # -- opening ---------------------------------------------------------------------

    @classmethod
    def open_writer(cls, path: str | os.PathLike[str] | None = None, batch_size: int = 50,
                    commit_seconds: float = 2.0) -> Store:
        path = Path(path) if path else default_db_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the folder of {path}: {exc.strerror}") from None
        try:
            lock_fd = os.open(str(path) + ".lock", os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StoreError(f"cannot write next to {path}: {exc.strerror}") from None
        try:
            fcntl.flock(lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(lock_fd)
            raise StoreError(f"another kroniek process is writing to {path}; wait for it to finish",
                             code="E_STORE_LOCKED") from None
        conn: sqlite3.Connection | None = None
        try:
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            store = cls(conn, path, lock_fd, batch_size, commit_seconds)
            store._migrate()
        except BaseException as exc:
            # Whatever failed, leave neither the connection nor the lock behind.
            if conn is not None:
                conn.close()
            os.close(lock_fd)
            if isinstance(exc, sqlite3.DatabaseError):
                raise StoreError(f"{path} is not a kroniek database: {exc}") from None
            raise
        return store

    @classmethod
    def open_reader(cls, path: str | os.PathLike[str] | None = None) -> Store:
        path = Path(path) if path else default_db_path()
        if not path.exists():
            raise StoreError(f"there is no database at {path}; ingest articles first "
                             "(kroniek ingest PATH --db ...)")
        try:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open {path}: {exc}") from None
        try:
            try:
                applied = {r[0] for r in conn.execute("SELECT name FROM migrations")}
            except sqlite3.DatabaseError as exc:
                raise StoreError(f"{path} is not a kroniek database: {exc}") from None
            known = {name for name, _ in MIGRATIONS}
            if applied - known:
                raise StoreError(f"{path} was written by a newer kroniek (migrations "
                                 f"{', '.join(sorted(applied - known))}); upgrade kroniek")
            if known - applied:
                raise StoreError(f"{path} needs migrations {', '.join(sorted(known - applied))}; "
                                 "open it once for writing (kroniek ingest) to apply them")
        except StoreError:
            conn.close()
            raise
        return cls(conn, path, None)

    def _migrate(self) -> None:
        c = self.conn
        c.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        applied = {r[0] for r in c.execute("SELECT name FROM migrations")}
        known = [name for name, _ in MIGRATIONS]
        if set(applied) - set(known):
            raise StoreError(f"{self.path} was written by a newer kroniek (migrations "
                             f"{', '.join(sorted(set(applied) - set(known)))}); upgrade kroniek")
        for name, sql in MIGRATIONS:
            if name in applied:
                continue
            try:
                c.execute("BEGIN IMMEDIATE")
                for statement in _statements(sql):
                    c.execute(statement)
                c.execute("INSERT INTO migrations(name, applied_at) VALUES (?, ?)", (name, _now()))
                c.execute("COMMIT")
            except sqlite3.Error as exc:
                if c.in_transaction:  # BEGIN itself may be what failed
                    c.execute("ROLLBACK")
                raise StoreError(f"migration {name} failed: {exc}", code="E_STORE_MIGRATION") from None

    def migrations(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM migrations ORDER BY name")]

    def close(self) -> None:
        if self._lock_fd is not None:
            self.commit()
        self.conn.close()
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------

    def _require_writer(self) -> None:
        if self._lock_fd is None:
            raise StoreError("this store was opened read-only", code="E_STORE_OPEN")

    def _begin(self) -> None:
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN IMMEDIATE")

    def begin(self) -> None:
        """Open a write transaction for work of other modules (kroniek.corpus); commit() ends it."""
        self._require_writer()
        self._begin()

    def commit(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")
        self._uncommitted = 0

    def _written(self) -> None:
        if self._uncommitted == 0:
            self._first_uncommitted = time.monotonic()
        self._uncommitted += 1
        if (self._uncommitted >= self.batch_size
                or time.monotonic() - self._first_uncommitted >= self.commit_seconds):
            self.commit()

    def status_of(self, doc_id: str, content_hash: str, annotator: str | None = None) -> SaveStatus | None:
        """What saving this content would do, if it would do nothing; None if it is new work.

        With ``annotator``, the same article stored by another annotator (an older
        kroniek) is new work too: it is annotated again and replaces what is stored.
        """
        row = self.conn.execute("SELECT id, annotator FROM documents WHERE content_hash = ?",
                                (content_hash,)).fetchone()
        if row is None:
            return None
        if row[0] != doc_id:
            return SaveStatus.DUPLICATE
        if annotator is not None and row[1] != annotator:
            return None
        return SaveStatus.UNCHANGED

    def save(self, doc: Document, origin: str | None = None, annotator: str | None = None) -> SaveStatus:
        """Store ``doc`` (made by ``annotator``, see pipeline.annotator_id); what it did."""
        self._require_writer()
        h = doc.content_hash
        known = self.status_of(doc.id, h, annotator)
        if known is not None:
            return known
        self._begin()
        c = self.conn
        status = SaveStatus.ADDED
        stored = c.execute("SELECT content_hash FROM documents WHERE id = ?", (doc.id,)).fetchone()
        if stored is not None:
            c.execute("DELETE FROM mentions WHERE doc_id = ?", (doc.id,))
            c.execute("DELETE FROM documents WHERE id = ?", (doc.id,))
            status = SaveStatus.REANNOTATED if stored[0] == h else SaveStatus.UPDATED
        pub = parse_pub_date(doc.date)
        c.execute(
            "INSERT INTO documents(id, content_hash, date, precision, date_first, date_last, lang, "
            "title, source, url, text, origin, ingested_at, annotator) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (doc.id, h, doc.date, pub.precision.value, pub.first_day.isoformat(),
             pub.last_day.isoformat(), doc.lang, doc.title, doc.source, doc.url, doc.text, origin, _now(),
             annotator))
        for e in doc.entities:
            a = e.actor or Actor()
            c.execute("INSERT INTO entities VALUES (?,?,?,?,?,?,?,?,?)",
                      (doc.id, e.id, e.name, e.type, a.code, a.country, a.sector, a.role, a.kb_id))
            c.executemany("INSERT OR IGNORE INTO mentions VALUES (?,?,?,?,?)",
                          [(doc.id, e.id, m.start, m.end, m.text) for m in e.mentions])
        c.executemany("INSERT INTO times VALUES (?,?,?,?,?,?,?,?,?)",
                      [(doc.id, t.id, t.start, t.end, t.text, t.type, t.value, t.weekday, t.mod)
                       for t in doc.times])
        c.executemany("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                      [(doc.id, v.id, v.type, v.mode, v.source, v.target, v.location, v.time, v.date,
                        v.modality, v.reported_by, v.trigger.start, v.trigger.end, v.trigger.text,
                        v.sentence.start, v.sentence.end, v.confidence) for v in doc.events])
        c.executemany("INSERT INTO quotes VALUES (?,?,?,?,?,?,?)",
                      [(doc.id, q.id, q.start, q.end, q.text, q.kind, q.speaker) for q in doc.quotes])
        # The document went through: an earlier failure of it is history.
        c.execute("DELETE FROM rejects WHERE doc_id = ?", (doc.id,))
        self._written()
        return status

    def save_reject(self, reject: Reject) -> None:
        self._require_writer()
        self._begin()
        self.conn.execute(
            "INSERT INTO rejects(doc_id, origin, code, message, created_at) VALUES (?,?,?,?,?) "
            "ON CONFLICT DO UPDATE SET message = excluded.message, created_at = excluded.created_at",
            (reject.id, reject.origin, reject.code, reject.message, _now()))
        self._written()

    # -- reading ---------------------------------------------------------------------

    def count(self, table: str = "documents") -> int:
        if table not in {"documents", "entities", "mentions", "times", "events", "quotes", "rejects",
                         "merged_events", "stories", "doc_links"}:
            raise ValueError(f"no table {table!r}")
        return self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM documents ORDER BY date_first, id")]

    def get(self, doc_id: str) -> Document:
        c = self.conn
        row = c.execute("SELECT id, date, lang, title, source, url, text FROM documents WHERE id = ?",
                        (doc_id,)).fetchone()
        if row is None:
            raise StoreError(f"no document with id {doc_id!r}", code="E_STORE_NOT_FOUND")
        mentions: dict[str, list[Span]] = {}
        for eid, s, e, t in c.execute("SELECT entity_id, start, end, text FROM mentions WHERE doc_id = ? "
                                      "ORDER BY start", (doc_id,)):
            mentions.setdefault(eid, []).append(Span(s, e, t))
        entities = []
        for eid, name, typ, code, country, sector, role, kb_id in c.execute(
                "SELECT id, name, type, actor_code, country, sector, role, kb_id FROM entities "
                "WHERE doc_id = ?", (doc_id,)):
            actor = None if all(v is None for v in (code, country, sector, role, kb_id)) else \
                Actor(code, country, sector, role, kb_id)
            entities.append(Entity(eid, name, typ, actor, tuple(mentions.get(eid, ()))))
        times = [Time(*r) for r in c.execute(
            "SELECT id, start, end, text, type, value, weekday, mod FROM times WHERE doc_id = ?", (doc_id,))]
        events = [Event(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9],
                        Span(r[10], r[11], r[12]), SentenceRef(r[13], r[14]), r[15])
                  for r in c.execute(
                      "SELECT id, type, mode, source, target, location, time, date, modality, "
                      "reported_by, trigger_start, trigger_end, trigger_text, sentence_start, "
                      "sentence_end, confidence FROM events WHERE doc_id = ?", (doc_id,))]
        quotes = [Quote(*r) for r in c.execute(
            "SELECT id, start, end, text, kind, speaker FROM quotes WHERE doc_id = ?", (doc_id,))]
        return Document(*row, entities=tuple(sorted(entities, key=_id_order)),
                        times=tuple(sorted(times, key=_id_order)),
                        events=tuple(sorted(events, key=_id_order)),
                        quotes=tuple(sorted(quotes, key=_id_order)))

    def documents(self) -> Iterator[Document]:
        for doc_id in self.ids():
            yield self.get(doc_id)

    def rejects(self, code: str | None = None) -> list[dict[str, Any]]:
        sql = "SELECT doc_id, origin, code, message, created_at FROM rejects"
        args: tuple[Any, ...] = ()
        if code:
            sql += " WHERE code = ?"
            args = (code,)
        sql += " ORDER BY n"
        return [dict(zip(("id", "origin", "code", "message", "created_at"), r))
                for r in self.conn.execute(sql, args)]


def _id_order(record: Any) -> tuple[int, str]:
    digits = "".join(ch for ch in record.id if ch.isdigit())
    return (int(digits) if digits else 0, record.id)


def _statements(sql: str) -> Iterator[str]:
    """Split a migration script into statements (triggers hold ';' inside BEGIN ... END)."""
    buf = ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                yield buf.strip()
            buf = ""
    if buf.strip():
        yield buf.strip()
