"""Questions an analyst asks of the store: an actor's timeline, a dyad, events, articles, actors.

The CLI, the HTTP API and the web UI all answer through these functions; each takes a
:class:`~kroniek.store.Store` (a reader is enough) and returns frozen records.

**Actors.** An actor is asked for by KB id (``kb:SERGEY_LAVROV``), by country code
(``country:RUS``) or by name (``name:Lavrov``: an entity's name or one of its mention
texts, compared without regard to ASCII case). Without a prefix the query is tried as a
KB id, then as a three-letter country code, then as a name. An event is in an actor's
timeline when its source or its target entity is that actor.

**Periods.** An event is in a period when the days its date can mean overlap the
period. Its date is the event's own TIMEX3 value when that names a calendar year, month
or day (``2018-05-31``, ``2018-05``, ``2018-05-XX``, ``2018``); otherwise (no date,
``PRESENT_REF``, ``XXXX-05-31``) the article's own date range stands in. Weeks and
seasons (``2018-W22``, ``2018-SU``) count as their whole year.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from .dates import parse_pub_date, timex_range
from .errors import InputError, QueryError, StoreError
from .frames import EventTable
from .gazetteer import Gazetteer
from .model import (
    EVENT_TYPES,
    MODALITIES,
    Actor,
    Event,
    Record,
    SentenceRef,
    Span,
    Time,
)
from .store import Store

ACTOR_KINDS = ("kb", "country", "name")
DEFAULT_LIMIT = 1000
MAX_LIMIT = 10000
# SQLite takes 64-bit offsets; larger ones would overflow before the query runs.
MAX_OFFSET = 2**62

# --------------------------------------------------------------------------- periods


@dataclass(frozen=True)
class Period(Record):
    """Inclusive first and last day (ISO dates); None leaves that side open."""

    first: str | None = None
    last: str | None = None

    @classmethod
    def parse(cls, start: str | None = None, end: str | None = None) -> Period:
        """From user input: ``2018``, ``2018-05`` or ``2018-05-31`` on either side.

        ``start`` counts from the first day it can mean, ``end`` to the last, so
        ``--from 2018-05 --to 2018-05`` is all of May.
        """
        first = _bound(start, "from").first_day.isoformat() if start else None
        last = _bound(end, "to").last_day.isoformat() if end else None
        if first and last and first > last:
            raise QueryError(f"the period starts ({start}) after it ends ({end})")
        return cls(first, last)

    @property
    def is_open(self) -> bool:
        return self.first is None and self.last is None


def _bound(value: str, side: str):
    try:
        pub = parse_pub_date(value.strip())
    except InputError:
        raise QueryError(f"'{side}' must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}") from None
    if "T" in pub.value:
        raise QueryError(f"'{side}' must be a day, month or year, not a time ({value!r})")
    return pub


_DAY_GLOB = "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'"
_MONTH_GLOB = "'[0-9][0-9][0-9][0-9]-[0-9][0-9]*'"
_YEAR_GLOB = "'[0-9][0-9][0-9][0-9]*'"

# The days an event's date can mean, in SQL, for filtering and ordering. A month ends
# on "-31" here: as a string it sorts after every real day of that month and before
# the next month, which is all a comparison with real dates needs. timex_range() gives
# the exact days for display; a test keeps the two in step.
EVENT_FIRST_DAY = (f"CASE WHEN v.date GLOB {_DAY_GLOB} THEN substr(v.date, 1, 10) "
                   f"WHEN v.date GLOB {_MONTH_GLOB} THEN substr(v.date, 1, 7) || '-01' "
                   f"WHEN v.date GLOB {_YEAR_GLOB} THEN substr(v.date, 1, 4) || '-01-01' "
                   "ELSE d.date_first END")
EVENT_LAST_DAY = (f"CASE WHEN v.date GLOB {_DAY_GLOB} THEN substr(v.date, 1, 10) "
                  f"WHEN v.date GLOB {_MONTH_GLOB} THEN substr(v.date, 1, 7) || '-31' "
                  f"WHEN v.date GLOB {_YEAR_GLOB} THEN substr(v.date, 1, 4) || '-12-31' "
                  "ELSE d.date_last END")

def _overlap_sql(period: Period | None, first_day: str, last_day: str) -> tuple[str, list[Any]]:
    """SQL for "the days ``first_day``..``last_day`` overlap the period" (empty when open)."""
    if period is None or period.is_open:
        return "", []
    parts, params = [], []
    if period.first:
        parts.append(f"{last_day} >= ?")
        params.append(period.first)
    if period.last:
        parts.append(f"{first_day} <= ?")
        params.append(period.last)
    return " AND ".join(parts), params


def _period_sql(period: Period | None) -> tuple[str, list[Any]]:
    """Events whose days overlap the period."""
    return _overlap_sql(period, f"({EVENT_FIRST_DAY})", f"({EVENT_LAST_DAY})")


def _doc_period_sql(period: Period | None, alias: str = "d") -> tuple[str, list[Any]]:
    """Articles whose date range overlaps the period."""
    return _overlap_sql(period, f"{alias}.date_first", f"{alias}.date_last")


# --------------------------------------------------------------------------- actors


@dataclass(frozen=True)
class ActorChoice(Record):
    """Another actor a query could mean: offered as "did you mean"."""

    ref: str
    label: str
    label_nl: str
    entities: int


@dataclass(frozen=True)
class ActorMatch(Record):
    """How an actor query was understood, and how much of the store it covers."""

    query: str       # as asked
    kind: str        # kb | country | name
    value: str       # the KB id, country code or name compared
    label: str       # the full name to show (English: the KB's display name)
    entities: int    # entities (one per document) it covers
    documents: int
    label_nl: str = ""                            # the Dutch name ("Nederland" for NLD)
    alternatives: tuple[ActorChoice, ...] = ()    # what else the query could mean

    @property
    def ref(self) -> str:
        return f"{self.kind}:{self.value}"

    def title(self, lang: str = "en") -> str:
        return self.label_nl if lang == "nl" and self.label_nl else self.label


def _entity_set_sql(kind: str) -> tuple[str, int]:
    """SQL selecting (doc_id, id) of the entities an actor covers, and its parameter count."""
    if kind == "kb":
        return "SELECT doc_id, id FROM entities WHERE kb_id = ?", 1
    if kind == "country":
        return "SELECT doc_id, id FROM entities WHERE country = ?", 1
    return ("SELECT doc_id, id FROM entities WHERE name = ? COLLATE NOCASE "
            "UNION SELECT doc_id, entity_id FROM mentions WHERE text = ? COLLATE NOCASE"), 2


def _covered(store: Store, kind: str, value: str) -> tuple[int, int, str | None]:
    sql, n = _entity_set_sql(kind)
    row = store.conn.execute(
        f"WITH a(doc_id, id) AS ({sql}) "
        "SELECT count(*), count(DISTINCT a.doc_id), "
        "(SELECT e.name FROM a JOIN entities e ON e.doc_id = a.doc_id AND e.id = a.id "
        " GROUP BY e.name ORDER BY count(*) DESC, e.name LIMIT 1) FROM a",
        [value] * n).fetchone()
    return row[0], row[1], row[2]


def _linked(store: Store, name: str) -> list[tuple[str, int, str]]:
    """The KB entries the entities named ``name`` are linked to: (kb id, entities, name), most first."""
    sql, n = _entity_set_sql("name")
    return [(k, c, nm) for k, c, nm in store.conn.execute(
        f"WITH a(doc_id, id) AS ({sql}) SELECT e.kb_id, count(*), max(e.name) FROM a "
        "JOIN entities e ON e.doc_id = a.doc_id AND e.id = a.id WHERE e.kb_id IS NOT NULL "
        "GROUP BY e.kb_id ORDER BY count(*) DESC, e.kb_id", [name] * n)]


def _match(store: Store, query: str, kind: str, value: str,
           alternatives: tuple[ActorChoice, ...] = ()) -> ActorMatch | None:
    """The match of one reading of a query, with its full names; None when the store has none."""
    from .kb.display import display_names

    entities, documents, label = _covered(store, kind, value)
    if not entities:
        return None
    names = display_names()
    if kind == "country":
        c = names.countries.get(value)
        en, nl = (c.en, c.nl) if c else (value, value)
    elif kind == "kb":
        en = label or value
        nl = names.name(value, en, "nl")
    else:
        en = nl = label or value
    return ActorMatch(query, kind, value, en, entities, documents, nl, alternatives)


def resolve_actor(store: Store, query: str) -> ActorMatch:
    """Understand ``query`` as people type it (see the module's rules): a country (code or
    name), a KB id, or a name, which stands for the KB entry its entities are linked to.

    Raises QueryError E_QUERY_NO_ACTOR when nothing in the store matches; its message
    offers the nearest actors the store holds.
    """
    from .kb.display import display_names

    text = " ".join((query or "").split())
    if not text:
        raise QueryError("an actor is needed: a name, a KB id (kb:ID) or a country code (country:RUS)")
    prefix, _, rest = text.partition(":")
    rest = rest.strip()
    names = display_names()
    if prefix in ACTOR_KINDS and rest:
        value = rest
        if prefix == "country":
            value = names.country(rest) or rest.upper()
        found = _match(store, text, prefix, value)
        tried = [prefix]
    else:
        found = None
        tried = []
        code = names.country(text)
        if code:
            tried.append("country")
            found = _match(store, text, "country", code)
        if found is None:
            tried.append("kb")
            found = _match(store, text, "kb", text)
        if found is None:
            tried.append("name")
            linked = _linked(store, text)
            if linked:
                others = tuple(
                    ActorChoice(f"kb:{k}", nm, names.name(k, nm, "nl"), n) for k, n, nm in linked[1:6])
                found = _match(store, text, "kb", linked[0][0], others)
            if found is None:
                found = _match(store, text, "name", text)
    if found is not None:
        return found
    near = [a.name for a in actors(store, text.split()[0][:3], 5)] if len(text) >= 2 else []
    hint = (f"did you mean {', '.join(near)}?" if near else
            "`kroniek actors` or the UI's suggestions list what the database holds")
    raise QueryError(f"no actor matches {text!r} (tried as {', '.join(tried)}); {hint}",
                     code="E_QUERY_NO_ACTOR")


@dataclass(frozen=True)
class ActorCount(Record):
    """One actor the store knows, with how often it occurs: a suggestion or a lookup row."""

    ref: str          # what to ask timeline() for: kb:ID, country:RUS or name:...
    kind: str
    name: str
    type: str | None  # entity type (PER, ORG, ...); None for a country
    country: str | None
    code: str | None
    kb_id: str | None
    documents: int
    events: int
    name_nl: str = ""   # the Dutch name where the KB knows one ("Nederland"), else the name


def actors(store: Store, query: str = "", limit: int = 20) -> list[ActorCount]:
    """Actors whose name (a word of it) or KB id starts with ``query``, and countries whose
    code does; most events first, then most documents. An empty query lists the top actors."""
    limit = _check_limit(limit)
    q = (query or "").strip()
    like_args: list[Any] = []
    where = ""
    if q:
        esc = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        where = ("WHERE e.name LIKE ? ESCAPE '\\' OR e.name LIKE ? ESCAPE '\\' "
                 "OR e.kb_id LIKE ? ESCAPE '\\'")
        like_args = [esc + "%", "% " + esc + "%", esc + "%"]
    # Entities are grouped into actors by KB id when they have one, else by name. Three
    # grouped passes (counts, names, events) instead of one query with correlated
    # subqueries, which would be quadratic in the number of entities.
    hit = ("WITH hit AS (SELECT e.doc_id, e.id, e.name, e.type, e.country, e.actor_code, e.kb_id, "
           "CASE WHEN e.kb_id IS NOT NULL THEN 'kb:' || e.kb_id ELSE 'name:' || lower(e.name) END AS k "
           f"FROM entities e {where}) ")
    c = store.conn
    groups = {k: row for k, *row in c.execute(
        hit + "SELECT k, max(kb_id), max(type), max(country), max(actor_code), count(DISTINCT doc_id) "
        "FROM hit GROUP BY k", like_args)}
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for k, name, n in c.execute(hit + "SELECT k, name, count(*) FROM hit GROUP BY k, name", like_args):
        names[k][name] += n
    n_events: Counter[str] = Counter()
    for role in ("source", "target"):
        for k, n in c.execute(hit + "SELECT hit.k, count(*) FROM hit JOIN events v "
                              f"ON v.doc_id = hit.doc_id AND v.{role} = hit.id GROUP BY hit.k", like_args):
            n_events[k] += n
    ranked = sorted(groups, key=lambda k: (-n_events[k], -groups[k][4], k))[:limit]
    from .kb.display import display_names

    dn = display_names()
    out = []
    for k in ranked:
        kb_id, typ, country, code, docs = groups[k]
        name = min(names[k].items(), key=lambda kv: (-kv[1], kv[0]))[0]
        ref = f"kb:{kb_id}" if kb_id else f"name:{name}"
        out.append(ActorCount(ref, "kb" if kb_id else "name", name, typ, country, code, kb_id, docs,
                              n_events[k], dn.name(kb_id, name, "nl")))
    # Countries whose code starts with the query, or one of whose Dutch or English names
    # (a word of it) does: "VS", "Verenigde", "United", "noord" all offer the country.
    codes = [c.code for c in dn.countries_starting(q)] if len(q) >= 2 else []
    if q and re.fullmatch(r"[A-Za-z]{1,3}", q):
        codes = [c for c in dn.countries if c.startswith(q.upper())] + codes
    codes = list(dict.fromkeys(codes))
    if codes:
        marks = ",".join("?" * len(codes))
        found = {country: (docs, nev) for country, docs, nev in store.conn.execute(
            "SELECT e.country, count(DISTINCT e.doc_id), "
            " (SELECT count(*) FROM entities c JOIN events v ON v.doc_id = c.doc_id "
            "  AND (v.source = c.id OR v.target = c.id) WHERE c.country = e.country) "
            f"FROM entities e WHERE e.country IN ({marks}) GROUP BY e.country", codes)}
        ranked_codes = sorted(found, key=lambda c: (-found[c][1], -found[c][0], c))
        for country in reversed(ranked_codes[:limit]):
            names_of = dn.countries.get(country)
            docs, nev = found[country]
            out.insert(0, ActorCount(f"country:{country}", "country", names_of.en if names_of else country,
                                     None, country, None, None, docs, nev,
                                     names_of.nl if names_of else country))
    return out[:limit]


# --------------------------------------------------------------------------- events


@dataclass(frozen=True)
class EntityRef(Record):
    """An entity as an event refers to it: no mentions, just who it is."""

    id: str
    name: str
    type: str
    actor: Actor | None


@dataclass(frozen=True)
class EventRecord(Record):
    """An event with what a reader needs around it: its article, named actors, sentence."""

    doc_id: str
    doc_date: str
    doc_title: str | None
    medium: str | None          # the article's source (newspaper, site)
    event: Event
    source: EntityRef | None
    target: EntityRef | None
    location: EntityRef | None
    reported_by: EntityRef | None
    time: Time | None
    sentence: str               # the text of event.sentence
    first_day: str              # the days the event can mean (module docstring: periods)
    last_day: str
    dated_by: str               # "event" when its own date gives them, else "article"
    role: str | None = None     # timeline: source | target | source,target; dyad: a->b | b->a


@dataclass(frozen=True, repr=False)
class EventPage(EventTable, Record):
    """A list of events and whether more were left out by the limit."""

    events: tuple[EventRecord, ...]
    truncated: bool


@dataclass(frozen=True, repr=False)
class Timeline(EventTable, Record):
    actor: ActorMatch
    period: Period
    events: tuple[EventRecord, ...]
    truncated: bool

    _with_role = True  # to_pandas(): a "role" column (source, target)

    def _describe(self) -> str:
        return f" of {self.actor.label} ({self.actor.ref})"


@dataclass(frozen=True, repr=False)
class Dyad(EventTable, Record):
    a: ActorMatch
    b: ActorMatch
    period: Period
    events: tuple[EventRecord, ...]
    truncated: bool

    _with_role = True  # to_pandas(): a "role" column (a->b, b->a)

    def _describe(self) -> str:
        return f" {self.a.label} / {self.b.label}"

    def count(self, direction: str) -> int:
        return sum(1 for e in self.events if e.role == direction)


_ENTITY_COLS = "{a}.id, {a}.name, {a}.type, {a}.actor_code, {a}.country, {a}.sector, {a}.role, {a}.kb_id"

_EVENT_SELECT = (
    "SELECT v.doc_id, v.id, v.type, v.mode, v.source, v.target, v.location, v.time, v.date, "
    "v.modality, v.reported_by, v.trigger_start, v.trigger_end, v.trigger_text, v.sentence_start, "
    "v.sentence_end, v.confidence, d.date, d.title, d.source, "
    "substr(d.text, v.sentence_start + 1, v.sentence_end - v.sentence_start), "
    f"{EVENT_FIRST_DAY} AS first_day, d.date_first, d.date_last, "
    + ", ".join(_ENTITY_COLS.format(a=a) for a in ("es", "et", "el", "er")) + ", "
    "t.id, t.start, t.end, t.text, t.type, t.value, t.weekday, t.mod"
)
_EVENT_JOINS = (
    " JOIN documents d ON d.id = v.doc_id"
    " LEFT JOIN entities es ON es.doc_id = v.doc_id AND es.id = v.source"
    " LEFT JOIN entities et ON et.doc_id = v.doc_id AND et.id = v.target"
    " LEFT JOIN entities el ON el.doc_id = v.doc_id AND el.id = v.location"
    " LEFT JOIN entities er ON er.doc_id = v.doc_id AND er.id = v.reported_by"
    " LEFT JOIN times t ON t.doc_id = v.doc_id AND t.id = v.time"
)


_NO_ACTOR = (None, None, None, None, None)


def _entity_ref(doc_id: str, cols: Sequence[Any],
                seen: dict[tuple[Any, ...], EntityRef]) -> EntityRef | None:
    """The EntityRef for a row's entity columns; one object per entity within a query, since
    a timeline names its own actor in every row."""
    if cols[0] is None:
        return None
    key = (doc_id, *cols)
    ref = seen.get(key)
    if ref is None:
        eid, name, typ, code, country, sector, role, kb_id = cols
        actor = None if (code, country, sector, role, kb_id) == _NO_ACTOR else \
            Actor(code, country, sector, role, kb_id)
        ref = seen[key] = EntityRef(eid, name, typ, actor)
    return ref


def _event_record(row: Sequence[Any], role: str | None,
                  seen: dict[tuple[Any, ...], EntityRef]) -> EventRecord:
    (doc_id, vid, typ, mode, source, target, location, time_id, date, modality, reported_by,
     ts, te, tt, ss, se, conf, doc_date, title, medium, sentence, _sql_first_day, doc_first,
     doc_last) = row[:24]
    refs = [_entity_ref(doc_id, row[24 + 8 * k: 32 + 8 * k], seen) for k in range(4)]
    t = row[56:64]
    time = Time(*t) if t[0] is not None else None
    event = Event(vid, typ, mode, source, target, location, time_id, date, modality, reported_by,
                  Span(ts, te, tt), SentenceRef(ss, se), conf)
    own = timex_range(date)
    if own:
        first, last, dated_by = own[0], own[1], "event"
    else:
        first, last, dated_by = doc_first, doc_last, "article"
    return EventRecord(doc_id, doc_date, title, medium, event, refs[0], refs[1], refs[2], refs[3],
                       time, sentence, first, last, dated_by, role)


def _check_choices(values: Iterable[str] | None, allowed: Sequence[str], what: str) -> list[str]:
    out = []
    for v in values or ():
        for part in str(v).split(","):
            part = part.strip()
            if not part:
                continue
            norm = part.upper() if what == "event type" else part.lower()
            if norm not in allowed:
                raise QueryError(f"unknown {what} {part!r}; known: {', '.join(allowed)}")
            out.append(norm)
    return out


def _check_limit(limit: int) -> int:
    if not isinstance(limit, int) or isinstance(limit, bool) or not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit must be a whole number from 1 to {MAX_LIMIT}, not {limit!r}")
    return limit


def _event_filters(period: Period | None, types: Iterable[str] | None,
                   modalities: Iterable[str] | None) -> tuple[list[str], list[Any]]:
    """WHERE clauses (on events ``v`` joined to documents ``d``) and their parameters."""
    types_ = _check_choices(types, EVENT_TYPES, "event type")
    mods = _check_choices(modalities, MODALITIES, "modality")
    clauses: list[str] = []
    params: list[Any] = []
    psql, pparams = _period_sql(period)
    if psql:
        clauses.append(psql)
        params += pparams
    if types_:
        clauses.append(f"v.type IN ({','.join('?' * len(types_))})")
        params += types_
    if mods:
        clauses.append(f"v.modality IN ({','.join('?' * len(mods))})")
        params += mods
    return clauses, params


def _events_sql(*, ctes: str = "", cte_params: Sequence[Any] = (), picked: str | None = None,
                period: Period | None = None, types: Iterable[str] | None = None,
                modalities: Iterable[str] | None = None, where: Sequence[str] = (),
                where_params: Sequence[Any] = ()) -> tuple[str, list[Any]]:
    """The SQL for events (optionally only the rowids ``picked`` tags, as (r, tag)) with
    filters applied, in date order; the caller adds LIMIT."""
    clauses, params = _event_filters(period, types, modalities)
    clauses, params = list(where) + clauses, list(where_params) + params
    if picked:
        head = f"WITH {ctes + ', ' if ctes else ''}picked(r, tag) AS ({picked}) "
        sql = head + _EVENT_SELECT + ", p.tag FROM picked p JOIN events v ON v.rowid = p.r" + _EVENT_JOINS
    else:
        sql = (f"WITH {ctes} " if ctes else "") + _EVENT_SELECT + ", NULL FROM events v" + _EVENT_JOINS
    if clauses:
        sql += " WHERE " + " AND ".join(f"({c})" for c in clauses)
    sql += " ORDER BY first_day, d.date_first, v.doc_id, v.trigger_start"
    return sql, list(cte_params) + params


def _fetch_events(store: Store, *, limit: int = DEFAULT_LIMIT, offset: int = 0, **filters: Any) -> EventPage:
    limit = _check_limit(limit)
    if not isinstance(offset, int) or isinstance(offset, bool) or not 0 <= offset <= MAX_OFFSET:
        raise QueryError(f"offset must be a whole number from 0 to {MAX_OFFSET:,}, not {offset!r}")
    sql, params = _events_sql(**filters)
    try:
        rows = store.conn.execute(sql + " LIMIT ? OFFSET ?", params + [limit + 1, offset]).fetchall()
    except sqlite3.OperationalError as exc:
        raise StoreError(f"event query failed: {exc}", code="E_STORE_QUERY") from None
    seen: dict[tuple[Any, ...], EntityRef] = {}
    records = tuple(_event_record(r[:-1], r[-1], seen) for r in rows[:limit])
    return EventPage(records, len(rows) > limit)


def iter_events(store: Store, period: Period | None = None, types: Iterable[str] | None = None,
                modalities: Iterable[str] | None = None) -> Iterator[EventRecord]:
    """Every event matching the filters, in date order, without a limit (for exports)."""
    sql, params = _events_sql(period=period, types=types, modalities=modalities)
    seen: dict[tuple[Any, ...], EntityRef] = {}
    for row in store.conn.execute(sql, params):
        yield _event_record(row[:-1], row[-1], seen)
        if len(seen) > 100_000:  # a long export: keep the cache bounded
            seen.clear()


def timeline(store: Store, actor: str, period: Period | None = None,
             types: Iterable[str] | None = None, modalities: Iterable[str] | None = None,
             limit: int = DEFAULT_LIMIT) -> Timeline:
    """Events whose source or target is ``actor``, in date order."""
    match = resolve_actor(store, actor)
    aset, n = _entity_set_sql(match.kind)
    picked = ("SELECT r, group_concat(tag) FROM ("
              " SELECT v.rowid AS r, 'source' AS tag FROM a JOIN events v "
              "  ON v.doc_id = a.doc_id AND v.source = a.id"
              " UNION SELECT v.rowid, 'target' FROM a JOIN events v "
              "  ON v.doc_id = a.doc_id AND v.target = a.id) GROUP BY r")
    page = _fetch_events(store, ctes=f"a(doc_id, id) AS ({aset})", cte_params=[match.value] * n,
                         picked=picked, period=period, types=types, modalities=modalities, limit=limit)
    return Timeline(match, period or Period(), page.events, page.truncated)


def dyad(store: Store, a: str, b: str, period: Period | None = None,
         types: Iterable[str] | None = None, modalities: Iterable[str] | None = None,
         limit: int = DEFAULT_LIMIT) -> Dyad:
    """Events between two actors or countries, both directions; ``role`` says which."""
    ma, mb = resolve_actor(store, a), resolve_actor(store, b)
    asql, na = _entity_set_sql(ma.kind)
    bsql, nb = _entity_set_sql(mb.kind)
    # An event whose source and target both belong to both sides (a country and one of
    # its own ministers, say) is listed once, as a->b.
    picked = ("SELECT r, min(tag) FROM ("
              " SELECT v.rowid AS r, 'a->b' AS tag FROM a JOIN events v"
              "  ON v.doc_id = a.doc_id AND v.source = a.id"
              "  JOIN b ON b.doc_id = v.doc_id AND b.id = v.target"
              " UNION SELECT v.rowid, 'b->a' FROM b JOIN events v"
              "  ON v.doc_id = b.doc_id AND v.source = b.id"
              "  JOIN a ON a.doc_id = v.doc_id AND a.id = v.target) GROUP BY r")
    page = _fetch_events(store, ctes=f"a(doc_id, id) AS ({asql}), b(doc_id, id) AS ({bsql})",
                         cte_params=[ma.value] * na + [mb.value] * nb, picked=picked, period=period,
                         types=types, modalities=modalities, limit=limit)
    return Dyad(ma, mb, period or Period(), page.events, page.truncated)


def search_events(store: Store, types: Iterable[str] | None = None,
                  modalities: Iterable[str] | None = None, period: Period | None = None,
                  place: str | None = None, medium: str | None = None,
                  limit: int = 100, offset: int = 0) -> EventPage:
    """Events by type, modality, period, place (an actor query for the location entity)
    and source medium (the article's ``source``, any case)."""
    ctes, cte_params, where, where_params = "", [], [], []
    if place:
        pm = resolve_actor(store, place)
        psql, n = _entity_set_sql(pm.kind)
        ctes, cte_params = f"p(doc_id, id) AS ({psql})", [pm.value] * n
        where.append("EXISTS (SELECT 1 FROM p WHERE p.doc_id = v.doc_id AND p.id = v.location)")
    if medium:
        where.append("d.source = ? COLLATE NOCASE")
        where_params.append(medium.strip())
    return _fetch_events(store, ctes=ctes, cte_params=cte_params, period=period, types=types,
                         modalities=modalities, where=where, where_params=where_params,
                         limit=limit, offset=offset)


# --------------------------------------------------------------------------- articles

# Marks around search hits inside snippets: private-use characters, so that no text of
# an article can be mistaken for them.
_HIT_OPEN, _HIT_CLOSE = "\ue000", "\ue001"


@dataclass(frozen=True)
class SnippetPart(Record):
    text: str
    hit: bool


@dataclass(frozen=True)
class ArticleHit(Record):
    id: str
    date: str
    title: str | None
    medium: str | None
    snippet: tuple[SnippetPart, ...]

    @property
    def snippet_text(self) -> str:
        return "".join(f"[{p.text}]" if p.hit else p.text for p in self.snippet)


def _snippet_parts(raw: str) -> tuple[SnippetPart, ...]:
    parts = []
    for k, piece in enumerate(re.split(f"[{_HIT_OPEN}{_HIT_CLOSE}]", raw or "")):
        if piece:
            parts.append(SnippetPart(piece, k % 2 == 1))
    return tuple(parts)


def _fts_query(query: str) -> str:
    """Plain words become quoted terms so that punctuation is not FTS syntax; words in
    capitals (AND OR NOT NEAR) or a leading quote keep FTS5's syntax for who wants it."""
    words = query.split()
    if any(w in {"AND", "OR", "NOT", "NEAR"} or w.startswith('"') for w in words):
        return query
    return " ".join(_fts_term(w) for w in words)


def _fts_term(word: str) -> str:
    # A trailing * keeps its meaning (prefix search): "lavr"* finds Lavrov.
    stem, star = (word[:-1], "*") if word.endswith("*") and len(word) > 1 else (word, "")
    return '"' + stem.replace('"', '""') + '"' + star


def search_articles(store: Store, text: str, period: Period | None = None,
                    limit: int = 20) -> list[ArticleHit]:
    """Full-text search over titles and texts (best matches first)."""
    limit = _check_limit(limit)
    if not text or not text.strip():
        raise QueryError("search text is empty")
    dsql, dparams = _doc_period_sql(period)
    sql = ("SELECT d.id, d.date, d.title, d.source, "
           f"snippet(documents_fts, 1, '{_HIT_OPEN}', '{_HIT_CLOSE}', ' … ', 16) "
           "FROM documents_fts JOIN documents d ON d.n = documents_fts.rowid "
           "WHERE documents_fts MATCH ?" + (f" AND {dsql}" if dsql else "") +
           " ORDER BY bm25(documents_fts) LIMIT ?")
    try:
        rows = store.conn.execute(sql, [_fts_query(text.strip())] + dparams + [limit]).fetchall()
    except sqlite3.OperationalError as exc:
        raise QueryError(f"bad search text {text!r}: {exc}") from None
    return [ArticleHit(r[0], r[1], r[2], r[3], _snippet_parts(r[4])) for r in rows]


# --------------------------------------------------------------------------- network


@dataclass(frozen=True)
class NetworkNode(Record):
    key: str            # kb:ID or name:lowercased name
    label: str
    type: str | None
    country: str | None
    kb_id: str | None
    events: int         # events it takes part in (as source or target) within the network


@dataclass(frozen=True)
class TypeCount(Record):
    name: str
    count: int


@dataclass(frozen=True)
class NetworkEdge(Record):
    source: str         # node keys; edges are directed, source acts on target
    target: str
    weight: int         # events
    types: tuple[TypeCount, ...]
    modalities: tuple[TypeCount, ...]


@dataclass(frozen=True)
class Network(Record):
    period: Period
    nodes: tuple[NetworkNode, ...]
    edges: tuple[NetworkEdge, ...]
    truncated: bool     # edges beyond the limit were left out (the lightest)


_NODE_KEY = "CASE WHEN {a}.kb_id IS NOT NULL THEN 'kb:' || {a}.kb_id ELSE 'name:' || lower({a}.name) END"


def network(store: Store, period: Period | None = None, actor: str | None = None,
            types: Iterable[str] | None = None, modalities: Iterable[str] | None = None,
            limit: int | None = 200) -> Network:
    """Who acts on whom: actors as nodes, events between them as weighted directed edges.

    With ``actor``, only events where it is source or target. The ``limit`` heaviest
    edges are kept; ``None`` keeps them all (the export's whole network).
    """
    if limit is not None:
        limit = _check_limit(limit)
    clauses, params = _event_filters(period, types, modalities)
    ctes, cte_params = "", []
    if actor:
        m = resolve_actor(store, actor)
        asql, n = _entity_set_sql(m.kind)
        ctes, cte_params = f"WITH a(doc_id, id) AS ({asql}) ", [m.value] * n
        clauses.append("EXISTS (SELECT 1 FROM a WHERE a.doc_id = v.doc_id AND a.id IN (v.source, v.target))")
    sql = (ctes + f"SELECT {_NODE_KEY.format(a='es')}, es.name, es.type, es.country, es.kb_id, "
           f"{_NODE_KEY.format(a='et')}, et.name, et.type, et.country, et.kb_id, v.type, v.modality, "
           "count(*) FROM events v JOIN documents d ON d.id = v.doc_id "
           "JOIN entities es ON es.doc_id = v.doc_id AND es.id = v.source "
           "JOIN entities et ON et.doc_id = v.doc_id AND et.id = v.target"
           + (" WHERE " + " AND ".join(clauses) if clauses else "") +
           " GROUP BY 1, 6, v.type, v.modality")
    names: dict[str, Counter[str]] = defaultdict(Counter)
    info: dict[str, tuple[str | None, str | None, str | None]] = {}
    edge_types: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    edge_mods: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for (sk, sn, st, sc, skb, tk, tn, tt, tc, tkb, typ, mod, n) in store.conn.execute(sql, cte_params + params):
        names[sk][sn] += n
        names[tk][tn] += n
        info.setdefault(sk, (st, sc, skb))
        info.setdefault(tk, (tt, tc, tkb))
        edge_types[(sk, tk)][typ] += n
        edge_mods[(sk, tk)][mod] += n
    ranked = sorted(edge_types, key=lambda e: (-sum(edge_types[e].values()), e))
    kept = ranked if limit is None else ranked[:limit]
    degree: Counter[str] = Counter()
    edges = []
    for s, t in kept:
        w = sum(edge_types[(s, t)].values())
        degree[s] += w
        if t != s:
            degree[t] += w
        edges.append(NetworkEdge(s, t, w, _counts(edge_types[(s, t)]), _counts(edge_mods[(s, t)])))
    nodes = tuple(NetworkNode(k, names[k].most_common(1)[0][0], *info[k], degree[k])
                  for k in sorted(degree, key=lambda k: (-degree[k], k)))
    return Network(period or Period(), nodes, tuple(edges), len(kept) < len(ranked))


def _counts(c: Counter[str]) -> tuple[TypeCount, ...]:
    return tuple(TypeCount(k, n) for k, n in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))


# --------------------------------------------------------------------------- places


@dataclass(frozen=True)
class Place(Record):
    """A place named in the selection; coordinates when kroniek knows them."""

    name: str
    lat: float | None
    lon: float | None
    country: str | None
    events: int         # events located here
    documents: int      # articles that name it
    kb_id: str | None = None
    precision: str | None = None  # place: its own point; country: its country's point stands in


def places(store: Store, period: Period | None = None, actor: str | None = None,
           gazetteer: Gazetteer | None = None, limit: int = 200) -> list[Place]:
    """Places (LOC and GPE entities) named in the articles of a period, and the events
    located at them; with ``actor``, only articles naming it and events it takes part in."""
    limit = _check_limit(limit)
    gazetteer = gazetteer or Gazetteer.default()
    dsql, dparams = _doc_period_sql(period)
    ctes, cte_params, doc_filter, ev_filter = "", [], "", ""
    if actor:
        m = resolve_actor(store, actor)
        asql, n = _entity_set_sql(m.kind)
        ctes, cte_params = f"WITH a(doc_id, id) AS ({asql}) ", [m.value] * n
        doc_filter = " AND e.doc_id IN (SELECT doc_id FROM a)"
        ev_filter = " AND EXISTS (SELECT 1 FROM a WHERE a.doc_id = v.doc_id AND a.id IN (v.source, v.target))"
    named: Counter[str] = Counter()
    shown: dict[str, Counter[str]] = defaultdict(Counter)
    countries: dict[str, str | None] = {}
    kb_ids: dict[str, str | None] = {}
    for key, name, country, kb_id, n in store.conn.execute(
            ctes + "SELECT lower(e.name), e.name, max(e.country), max(e.kb_id), count(DISTINCT e.doc_id) "
            "FROM entities e JOIN documents d ON d.id = e.doc_id "
            "WHERE e.type IN ('LOC', 'GPE')" + (f" AND {dsql}" if dsql else "") + doc_filter +
            " GROUP BY lower(e.name), e.name", cte_params + dparams):
        named[key] += n
        shown[key][name] += n
        countries[key] = countries.get(key) or country
        kb_ids[key] = kb_ids.get(key) or kb_id
    psql, pparams = _period_sql(period)
    located: Counter[str] = Counter()
    for key, name, country, kb_id, n in store.conn.execute(
            ctes + "SELECT lower(e.name), e.name, max(e.country), max(e.kb_id), count(*) FROM events v "
            "JOIN documents d ON d.id = v.doc_id "
            "JOIN entities e ON e.doc_id = v.doc_id AND e.id = v.location WHERE 1"
            + (f" AND {psql}" if psql else "") + ev_filter + " GROUP BY lower(e.name), e.name",
            cte_params + pparams):
        located[key] += n
        shown[key].setdefault(name, 0)
        countries[key] = countries.get(key) or country
        kb_ids[key] = kb_ids.get(key) or kb_id
    keys = sorted(set(named) | set(located), key=lambda k: (-located[k], -named[k], k))[:limit]
    out = []
    for k in keys:
        name = shown[k].most_common(1)[0][0]
        coords = gazetteer.lookup(name, kb_ids.get(k))
        out.append(Place(name, coords.lat if coords else None, coords.lon if coords else None,
                         countries.get(k) or (coords.country if coords else None), located[k], named[k],
                         kb_ids.get(k), coords.precision if coords else None))
    return out


# --------------------------------------------------------------------------- overview


@dataclass(frozen=True)
class StoreSummary(Record):
    documents: int
    events: int
    entities: int
    quotes: int
    first_day: str | None
    last_day: str | None
    media: tuple[TypeCount, ...]


def summary(store: Store) -> StoreSummary:
    c = store.conn
    first, last = c.execute("SELECT min(date_first), max(date_last) FROM documents").fetchone()
    media = tuple(TypeCount(s, n) for s, n in c.execute(
        "SELECT source, count(*) FROM documents WHERE source IS NOT NULL GROUP BY source "
        "ORDER BY count(*) DESC, source LIMIT 50"))
    return StoreSummary(store.count(), store.count("events"), store.count("entities"),
                        store.count("quotes"), first, last, media)


__all__ = [
    "ActorChoice",
    "ActorCount",
    "ActorMatch",
    "ArticleHit",
    "Dyad",
    "EntityRef",
    "EventPage",
    "EventRecord",
    "Network",
    "NetworkEdge",
    "NetworkNode",
    "Period",
    "Place",
    "SnippetPart",
    "StoreSummary",
    "Timeline",
    "TypeCount",
    "actors",
    "dyad",
    "iter_events",
    "network",
    "places",
    "resolve_actor",
    "search_articles",
    "search_events",
    "summary",
    "timeline",
    "timex_range",
]
