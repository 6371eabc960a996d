"""Questions about the chronicle across articles: merged events, their reports, stories.

Like :mod:`kroniek.query` (whose actor and period rules apply unchanged), each function
takes a store (a reader is enough) and returns frozen records. A merged event is in an
actor's chronicle when one of its reports names the actor as source or target; it is in
a period when the days it can mean (its best-supported date, else its reports' dates)
overlap the period.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import QueryError, StoreError
from ..model import EVENT_TYPES, MODALITIES, Record, SentenceRef, Span
from ..query import (
    DEFAULT_LIMIT,
    MAX_OFFSET,
    ActorMatch,
    Period,
    _check_choices,
    _check_limit,
    _entity_set_sql,
    _overlap_sql,
    resolve_actor,
)
from ..frames import MergedTable
from ..store import Store
from .merge import DateCount, Side, StatusStep


@dataclass(frozen=True)
class Report(Record):
    """One article's mention of a merged event, with its sentence."""

    document: str
    event: str
    doc_date: str
    title: str | None
    medium: str | None
    modality: str
    date: str | None
    trigger: Span
    sentence: SentenceRef
    sentence_text: str


@dataclass(frozen=True)
class MergedRecord(Record):
    id: str
    type: str
    mode: str | None
    source: Side | None
    target: Side | None
    location: str | None
    date: str | None
    first_day: str
    last_day: str
    dates: tuple[DateCount, ...]
    status: tuple[StatusStep, ...]
    outlets: tuple[str, ...]
    first_reported: str
    last_reported: str
    reports: int
    documents: int
    story: str | None
    mentions: tuple[Report, ...]

    @property
    def arc(self) -> str:
        """The status arc in words: ``planned (from 2018-05-10, 2 reports) → negated (...)``."""
        return " → ".join(f"{s.modality} (from {s.start}, {s.reports} report{'s' * (s.reports != 1)})"
                          for s in self.status)


@dataclass(frozen=True, repr=False)
class MergedPage(MergedTable, Record):
    actor: ActorMatch | None
    period: Period
    events: tuple[MergedRecord, ...]
    truncated: bool


@dataclass(frozen=True)
class StoryRecord(Record):
    id: str
    label: str
    terms: tuple[str, ...]
    first_day: str
    last_day: str
    events: int
    documents: int
    reports: int


@dataclass(frozen=True)
class StoryDetail(Record):
    story: StoryRecord
    events: tuple[MergedRecord, ...]


_MERGED_COLS = ("m.id, m.type, m.mode, m.source, m.target, m.location, m.date, m.first_day, m.last_day, "
                "m.dates, m.status, m.outlets, m.first_reported, m.last_reported, m.reports, m.documents, "
                "m.story")


def _side(raw: str | None) -> Side | None:
    return Side.from_dict(json.loads(raw)) if raw else None


def _merged(row: Sequence[Any], mentions: tuple[Report, ...]) -> MergedRecord:
    (mid, typ, mode, source, target, location, date, first, last, dates, status, outlets,
     first_rep, last_rep, reports, documents, story) = row
    return MergedRecord(
        mid, typ, mode, _side(source), _side(target), location, date, first, last,
        tuple(DateCount(v, n) for v, n in json.loads(dates)),
        tuple(StatusStep(s, mo, n) for s, mo, n in json.loads(status)),
        tuple(json.loads(outlets)), first_rep, last_rep, reports, documents, story, mentions)


def _reports(store: Store, ids: Sequence[str]) -> dict[str, list[Report]]:
    out: dict[str, list[Report]] = {i: [] for i in ids}
    for k in range(0, len(ids), 400):
        chunk = list(ids[k:k + 400])
        for r in store.conn.execute(
                "SELECT mm.merged_id, v.doc_id, v.id, d.date, d.title, d.source, v.modality, v.date, "
                "v.trigger_start, v.trigger_end, v.trigger_text, v.sentence_start, v.sentence_end, "
                "substr(d.text, v.sentence_start + 1, v.sentence_end - v.sentence_start) "
                "FROM merged_mentions mm JOIN events v ON v.doc_id = mm.doc_id AND v.id = mm.event_id "
                "JOIN documents d ON d.id = v.doc_id "
                f"WHERE mm.merged_id IN ({','.join('?' * len(chunk))}) "
                "ORDER BY d.date_first, v.doc_id, v.id", chunk):
            out[r[0]].append(Report(r[1], r[2], r[3], r[4], r[5], r[6], r[7], Span(r[8], r[9], r[10]),
                                    SentenceRef(r[11], r[12]), r[13]))
    return out


def _filters(store: Store, actor: str | None, period: Period | None, types: Iterable[str] | None,
             modalities: Iterable[str] | None, story: str | None
             ) -> tuple[ActorMatch | None, str, list[str], list[Any]]:
    """(actor match, CTE sql, WHERE clauses on merged_events ``m``, parameters)."""
    types_ = _check_choices(types, EVENT_TYPES, "event type")
    mods = _check_choices(modalities, MODALITIES, "modality")
    match, ctes, clauses, params = None, "", [], []
    if actor:
        match = resolve_actor(store, actor)
        asql, n = _entity_set_sql(match.kind)
        ctes = f"WITH a(doc_id, id) AS ({asql}) "
        params += [match.value] * n
        clauses.append("m.id IN (SELECT mm.merged_id FROM a JOIN events v ON v.doc_id = a.doc_id "
                       "AND a.id IN (v.source, v.target) JOIN merged_mentions mm "
                       "ON mm.doc_id = v.doc_id AND mm.event_id = v.id)")
    psql, pparams = _overlap_sql(period, "m.first_day", "m.last_day")
    if psql:
        clauses.append(psql)
        params += pparams
    if types_:
        clauses.append(f"m.type IN ({','.join('?' * len(types_))})")
        params += types_
    if mods:
        clauses.append("EXISTS (SELECT 1 FROM merged_mentions mm JOIN events v ON v.doc_id = mm.doc_id "
                       f"AND v.id = mm.event_id WHERE mm.merged_id = m.id AND v.modality IN "
                       f"({','.join('?' * len(mods))}))")
        params += mods
    if story:
        clauses.append("m.story = ?")
        params.append(story)
    return match, ctes, clauses, params


def _select(store: Store, ctes: str, clauses: list[str], params: list[Any], tail: str = "",
            tail_params: Sequence[Any] = ()) -> list[tuple]:
    sql = (ctes + f"SELECT {_MERGED_COLS} FROM merged_events m"
           + (" WHERE " + " AND ".join(f"({c})" for c in clauses) if clauses else "")
           + " ORDER BY m.first_day, m.id" + tail)
    try:
        return store.conn.execute(sql, list(params) + list(tail_params)).fetchall()
    except sqlite3.OperationalError as exc:
        raise StoreError(f"merged event query failed: {exc}", code="E_STORE_QUERY") from None


def merged_events(store: Store, actor: str | None = None, period: Period | None = None,
                  types: Iterable[str] | None = None, modalities: Iterable[str] | None = None,
                  story: str | None = None, limit: int = DEFAULT_LIMIT, offset: int = 0) -> MergedPage:
    """Merged events in date order, each with every report; ``modalities`` keeps events
    with at least one report of those modalities."""
    limit = _check_limit(limit)
    if not isinstance(offset, int) or isinstance(offset, bool) or not 0 <= offset <= MAX_OFFSET:
        raise QueryError(f"offset must be a whole number from 0 to {MAX_OFFSET:,}, not {offset!r}")
    match, ctes, clauses, params = _filters(store, actor, period, types, modalities, story)
    rows = _select(store, ctes, clauses, params, " LIMIT ? OFFSET ?", (limit + 1, offset))
    reports = _reports(store, [r[0] for r in rows[:limit]])
    events = tuple(_merged(r, tuple(reports[r[0]])) for r in rows[:limit])
    return MergedPage(match, period or Period(), events, len(rows) > limit)


def iter_merged_events(store: Store, period: Period | None = None, types: Iterable[str] | None = None,
                       modalities: Iterable[str] | None = None, batch: int = 500) -> Iterator[MergedRecord]:
    """Every merged event matching the filters, in date order, without a limit (for exports)."""
    _, ctes, clauses, params = _filters(store, None, period, types, modalities, None)
    rows = _select(store, ctes, clauses, params)
    for k in range(0, len(rows), batch):
        chunk = rows[k:k + batch]
        reports = _reports(store, [r[0] for r in chunk])
        for r in chunk:
            yield _merged(r, tuple(reports[r[0]]))


def merged_event(store: Store, merged_id: str) -> MergedRecord:
    rows = _select(store, "", ["m.id = ?"], [merged_id])
    if not rows:
        raise StoreError(f"no merged event with id {merged_id!r}", code="E_STORE_NOT_FOUND")
    return _merged(rows[0], tuple(_reports(store, [merged_id])[merged_id]))


def _story(row: Sequence[Any]) -> StoryRecord:
    sid, label, terms, first, last, events, documents, reports = row
    return StoryRecord(sid, label, tuple(json.loads(terms)), first, last, events, documents, reports)


_STORY_COLS = "s.id, s.label, s.terms, s.first_day, s.last_day, s.events, s.documents, s.reports"


def stories(store: Store, actor: str | None = None, period: Period | None = None,
            limit: int = 100) -> tuple[StoryRecord, ...]:
    """Story threads, most reported first; with ``actor``, those with an event naming it."""
    limit = _check_limit(limit)
    _, ctes, clauses, params = _filters(store, actor, None, None, None, None)
    sql = ctes + f"SELECT {_STORY_COLS} FROM stories s WHERE 1"
    psql, pparams = _overlap_sql(period, "s.first_day", "s.last_day")
    if psql:
        sql += f" AND {psql}"
    if clauses:
        sql += (" AND s.id IN (SELECT m.story FROM merged_events m WHERE "
                + " AND ".join(f"({c})" for c in clauses) + ")")
    sql += " ORDER BY s.reports DESC, s.first_day, s.id LIMIT ?"
    # The actor CTE's parameters come first in the SQL, then the period's.
    return tuple(_story(r) for r in store.conn.execute(sql, params + pparams + [limit]))


def story(store: Store, story_id: str) -> StoryDetail:
    """One story with its merged events (date order) and every report's sentence."""
    row = store.conn.execute(f"SELECT {_STORY_COLS} FROM stories s WHERE s.id = ?", (story_id,)).fetchone()
    if row is None:
        raise StoreError(f"no story with id {story_id!r}", code="E_STORE_NOT_FOUND")
    page = merged_events(store, story=story_id, limit=10000)
    return StoryDetail(_story(row), page.events)


def duplicates(store: Store, doc_id: str) -> tuple[str, ...]:
    """The stored near duplicates of an article (syndicated copies, other versions)."""
    return tuple(r[0] for r in store.conn.execute(
        "SELECT b FROM doc_links WHERE a = ? UNION SELECT a FROM doc_links WHERE b = ? ORDER BY 1",
        (doc_id, doc_id)))


__all__ = ["MergedPage", "MergedRecord", "Report", "StoryDetail", "StoryRecord", "duplicates",
           "iter_merged_events", "merged_event", "merged_events", "stories", "story"]
