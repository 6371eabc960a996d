"""One real-world event however many articles report it: canonical clustering of event mentions.

**Blocking.** Mentions can only be the same event when their types belong to one family
(:data:`FAMILIES`) and their actors are the same pair, in either order. An actor is
compared by country when it has one (Trump and "de VS" are both USA), else by KB id,
else by its name. The block key is ``family|pair``. Mentions of one article that share
a trigger ("Frankrijk en Duitsland stellen sancties voor") are one event and are put
under one pair (:func:`with_joint_pairs`).

**Clustering inside a block** uses only the mentions' content, never the order they
arrived in, so the same mentions give the same events in any ingest order, and a new
batch can be merged by recomputing just the blocks it touches:

1. Mentions dated to a day: their distinct days, sorted, are cut into runs where
   neighbours lie at most ``DAY_GAP`` days apart and a run spans at most ``DAY_SPAN``
   days. One outlet's Tuesday and another's Wednesday stay one event (with both dates
   kept: the conflict stays visible); two meetings a week apart stay two.
2. Mentions dated to a month or year join the day event inside their range with the
   most reports; without one they group by range.
3. Undated mentions take the article's date: a report that something happened looks
   back a week, a plan or a cancellation looks ahead ``PLAN_HORIZON`` days. They join
   the nearest event in that window that is dated to a month or finer (an ISO week is
   its seven days), else group with each other by article date.

**Within one article** (every step above) two mentions join only as one event when the
text says so (:func:`same_in_article`): one trigger, the same day, or an undated
restatement of the same type and modality. A pair that counts by country is compared by
its actors when both sides are of one country (:attr:`MentionIn.own_pair`).

The id of a merged event is a hash of its mentions' keys: the same mentions give the
same id whatever the order.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..dates import timex_range
from ..model import Record

# PLOVER types that can describe the same happening from different angles.
FAMILIES: dict[str, str] = {
    "CONSULT": "consult",
    "AGREE": "agree", "COOPERATE": "agree", "SUPPORT": "agree", "CONCEDE": "agree",
    "RETREAT": "agree", "AID": "aid",
    "REQUEST": "request",
    "ACCUSE": "verbal-conflict", "REJECT": "verbal-conflict", "THREATEN": "verbal-conflict",
    "PROTEST": "protest", "SANCTION": "sanction",
    "MOBILIZE": "force", "COERCE": "force", "ASSAULT": "force",
}
DAY_GAP = 2
DAY_SPAN = 4
LOOK_BACK = 7
PLAN_HORIZON = 120
MAX_ANCHOR_DAYS = 31
UNKNOWN = "?"


_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def date_range(value: str | None) -> tuple[str, str] | None:
    """The days a TIMEX3 date can mean, for merging: as dates.timex_range, but an ISO week
    is its seven days (the query layer counts it as its year; merging needs it exact)."""
    if value and (m := _WEEK.match(value)):
        try:
            first = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:
            return None
        return first.isoformat(), (first + dt.timedelta(days=6)).isoformat()
    return timex_range(value)


def block_family(event_type: str) -> str:
    return FAMILIES.get(event_type, event_type.lower())


@dataclass(frozen=True)
class Side(Record):
    """An actor as a merged event names it."""

    key: str                 # what blocking compares: country:USA, kb:ID or name:...
    name: str
    kb_id: str | None = None
    code: str | None = None
    country: str | None = None


def actor_key(name: str, kb_id: str | None, country: str | None) -> str:
    if country:
        return f"country:{country}"
    if kb_id:
        return f"kb:{kb_id}"
    return "name:" + " ".join(name.lower().split())


def _side_key(side: Side | None, fine: bool) -> str:
    if side is None:
        return UNKNOWN
    return actor_key(side.name, side.kb_id, None) if fine else side.key


@dataclass(frozen=True)
class MentionIn(Record):
    """One event mention of one article, with what merging needs to know of it."""

    doc_id: str
    event_id: str
    doc_date: str            # the article's date as given
    doc_first: str           # the first and last day the article's date can mean
    doc_last: str
    outlet: str | None       # the article's source
    type: str
    mode: str | None
    modality: str
    date: str | None         # the event's TIMEX3 date value
    source: Side | None
    target: Side | None
    location: str | None
    trigger: str
    sentence_start: int
    sentence_end: int
    trigger_start: int = -1  # with joint: mentions of one article sharing a trigger
    joint: str | None = None  # the pair a joint mention is merged under (see with_joint_pairs)

    @property
    def key(self) -> str:
        return f"{self.doc_id}#{self.event_id}"

    @property
    def own_pair(self) -> str:
        """The actor pair, order-free; an event with no actor is a pair of its own.
        Countries stand for their leaders between states, but when both sides are of one
        country (Kiir and Machar, a junta and its president) the country says nothing
        about who acts on whom, so such a pair is compared by the actors themselves."""
        if self.source is None and self.target is None:
            return f"doc:{self.key}"
        domestic = bool(self.source and self.target and self.source.country
                        and self.source.country == self.target.country)
        keys = sorted((_side_key(self.source, domestic), _side_key(self.target, domestic)))
        return "|".join(keys)

    @property
    def pair(self) -> str:
        return self.joint or self.own_pair

    @property
    def block(self) -> str:
        return f"{block_family(self.type)}|{self.pair}"

    @property
    def report_order(self) -> tuple[str, str, str]:
        return (self.doc_first, self.doc_id, self.event_id)


def with_joint_pairs(mentions: Iterable[MentionIn]) -> list[MentionIn]:
    """One trigger in one article is one event: "Frankrijk en Duitsland stellen sancties
    voor" gives two mentions (one per source) of one proposal. Mentions of one article
    that share a trigger are put under one pair (the smallest of theirs), so that they
    fall in one block and merge. Depends only on the article's own mentions, so keys
    stay per article (incremental) and order-free."""
    ms = list(mentions)
    groups: dict[tuple[str, int], list[MentionIn]] = {}
    for m in ms:
        if m.trigger_start >= 0:
            groups.setdefault((m.doc_id, m.trigger_start), []).append(m)
    joint: dict[str, str] = {}
    for group in groups.values():
        pairs = {m.own_pair for m in group if not m.own_pair.startswith("doc:")}
        if len(group) > 1 and pairs:
            for m in group:
                joint[m.key] = min(pairs)
    return [dataclasses.replace(m, joint=joint[m.key]) if m.key in joint else m for m in ms]


@dataclass(frozen=True)
class StatusStep(Record):
    """One stretch of the status arc: from a report date on, reports said ``modality``."""

    start: str               # the first report's article date ("from" in the export)
    modality: str
    reports: int


@dataclass(frozen=True)
class DateCount(Record):
    value: str
    reports: int


@dataclass(frozen=True)
class MergedEvent(Record):
    id: str
    block: str
    pair: str
    type: str
    mode: str | None
    source: Side | None
    target: Side | None
    location: str | None
    date: str | None                 # best-supported date
    first_day: str                   # the days the event can mean (its date, else its reports')
    last_day: str
    dates: tuple[DateCount, ...]     # every reported date value, most reported first
    status: tuple[StatusStep, ...]   # in report order
    outlets: tuple[str, ...]
    first_reported: str
    last_reported: str
    reports: int                     # mentions
    documents: int
    mentions: tuple[MentionIn, ...]  # in report order

    @property
    def conflicting_dates(self) -> bool:
        return len({d.value for d in self.dates if date_range(d.value) and
                    date_range(d.value)[0] == date_range(d.value)[1]}) > 1  # type: ignore[index]


# --------------------------------------------------------------------------- clustering


def _day(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def _runs(days: list[str]) -> list[list[str]]:
    """Sorted distinct days cut into runs (module docstring, step 1)."""
    runs: list[list[str]] = []
    for d in days:
        if runs:
            run = runs[-1]
            if ((_day(d) - _day(run[-1])).days <= DAY_GAP
                    and (_day(d) - _day(run[0])).days <= DAY_SPAN):
                run.append(d)
                continue
        runs.append([d])
    return runs


class _Cluster:
    """A cluster being built: its mentions and the day or range that anchors it."""

    def __init__(self, first: str, last: str, members: list[MentionIn]) -> None:
        self.first, self.last, self.members = first, last, members

    def fits(self, m: MentionIn) -> bool:
        """Whether m may join: it must be one event with every mention of its own article here."""
        return all(same_in_article(m, x) for x in self.members if x.doc_id == m.doc_id)


# Triggers sharing this many first letters are taken as one word ("onderhandelingen",
# "onderhandelen"): gold events and cheap comparisons have no lemma to hand.
STEM = 6


def _stem(trigger: str) -> str:
    return " ".join(trigger.lower().split())[:STEM]


def _exact_day(m: MentionIn) -> str | None:
    r = date_range(m.date)
    return r[0] if r and r[0] == r[1] else None


def same_in_article(a: MentionIn, b: MentionIn) -> bool:
    """Two mentions of one article are one event only with evidence in the text: one trigger
    (a joint act, or the same word again), both dated to the same day, or both undated
    with the same PLOVER type and modality (a restatement). An article that names a pair
    twice with different words most often tells two happenings (a meeting and the
    earlier talks, a threat and a refusal), and an undated mention must not take the
    article's date to prove that it is the dated one."""
    if a.doc_id != b.doc_id or a.key == b.key:
        return True
    if a.trigger_start >= 0 and a.trigger_start == b.trigger_start:
        return True
    if a.trigger and _stem(a.trigger) == _stem(b.trigger):
        return True
    day = _exact_day(a)
    if day is not None and day == _exact_day(b):
        return True
    # A restatement (headline, then body) keeps the exact type and modality and adds no
    # date; a dated mention beside an undated one is background, not the same report.
    return (date_range(a.date) is None and date_range(b.date) is None
            and a.type == b.type and a.modality == b.modality)


def _split(first: str, last: str, members: list[MentionIn]) -> list[_Cluster]:
    """Members cut into clusters whose mentions of one article are one event (canonically:
    members in key order, each into the first cluster that takes it)."""
    out: list[_Cluster] = []
    for m in sorted(members, key=lambda m: m.key):
        home = next((c for c in out if c.fits(m)), None)
        if home is None:
            out.append(_Cluster(first, last, [m]))
        else:
            home.members.append(m)
    return out


def merge_block(mentions: Iterable[MentionIn]) -> list[list[MentionIn]]:
    """The mentions of one block grouped into events (module docstring), canonically."""
    ms = sorted(set(mentions), key=lambda m: m.key)
    day: dict[str, list[MentionIn]] = {}
    coarse: list[tuple[str, str, MentionIn]] = []
    floating: list[MentionIn] = []
    for m in ms:
        r = date_range(m.date)
        if r is None:
            floating.append(m)
        elif r[0] == r[1]:
            day.setdefault(r[0], []).append(m)
        else:
            coarse.append((r[0], r[1], m))
    clusters = [c for run in _runs(sorted(day))
                for c in _split(run[0], run[-1], [m for d in run for m in day[d]])]
    for c in clusters:  # a run cut in two: each part spans only its own days
        days = [date_range(m.date)[0] for m in c.members]  # type: ignore[index]
        c.first, c.last = min(days), max(days)
    dated = list(clusters)
    # 2. month- and year-dated mentions: narrowest ranges first so that a year joins a month.
    coarse_clusters: list[_Cluster] = []
    for first, last, m in sorted(coarse, key=lambda c: (_day(c[1]) - _day(c[0]), c[0], c[2].key)):
        inside = [c for c in dated if first <= c.first and c.last <= last and c.fits(m)]
        if not inside:
            inside = [c for c in coarse_clusters if first <= c.first and c.last <= last and c.fits(m)]
        if inside:
            best = min(inside, key=lambda c: (-len(c.members), c.first, c.members[0].key))
            best.members.append(m)
        else:
            coarse_clusters.append(_Cluster(first, last, [m]))
    clusters.extend(coarse_clusters)
    # 3. undated mentions: the nearest event in the window their modality allows.
    loose: list[MentionIn] = []
    for m in sorted(floating, key=lambda m: (m.doc_first, m.key)):
        lo, hi = _window(m)
        # A year is too wide to say that an undated report means this event.
        near = [c for c in clusters if c.first <= hi and c.last >= lo
                and (_day(c.last) - _day(c.first)).days <= MAX_ANCHOR_DAYS and c.fits(m)]
        if near:
            best = min(near, key=lambda c: (_distance(c, m), -len(c.members), c.first, c.members[0].key))
            best.members.append(m)
        else:
            loose.append(m)
    for run in _runs(sorted({m.doc_first for m in loose})):
        members = [m for m in loose if run[0] <= m.doc_first <= run[-1]]
        clusters.extend(_split(min(m.doc_first for m in members),
                               max(m.doc_last for m in members), members))
    return [sorted(c.members, key=lambda m: m.report_order) for c in clusters]


def _window(m: MentionIn) -> tuple[str, str]:
    first, last = _day(m.doc_first), _day(m.doc_last)
    back = first - dt.timedelta(days=LOOK_BACK)
    ahead = last + dt.timedelta(days=PLAN_HORIZON)
    if m.modality == "asserted":
        return back.isoformat(), last.isoformat()
    if m.modality in ("planned", "hypothetical"):
        return first.isoformat(), ahead.isoformat()
    return back.isoformat(), ahead.isoformat()  # negated: called off, or did not happen


def _distance(c: _Cluster, m: MentionIn) -> int:
    if c.first <= m.doc_first <= c.last:
        return 0
    return min(abs((_day(c.first) - _day(m.doc_first)).days), abs((_day(c.last) - _day(m.doc_first)).days))


# --------------------------------------------------------------------------- merged events


def _most(values: Iterable[str | None]) -> str | None:
    c = Counter(v for v in values if v)
    if not c:
        return None
    return min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def _side(sides: Iterable[Side | None]) -> Side | None:
    c = Counter(s for s in sides if s is not None)
    if not c:
        return None
    return min(c.items(), key=lambda kv: (-kv[1], kv[0].key, kv[0].name, kv[0].kb_id or ""))[0]


def status_arc(mentions: Iterable[MentionIn]) -> tuple[StatusStep, ...]:
    """Modality as each report gives it, in report order; runs of one modality fold into a step."""
    steps: list[StatusStep] = []
    for m in sorted(mentions, key=lambda m: m.report_order):
        if steps and steps[-1].modality == m.modality:
            last = steps[-1]
            steps[-1] = StatusStep(last.start, last.modality, last.reports + 1)
        else:
            steps.append(StatusStep(m.doc_first, m.modality, 1))
    return tuple(steps)


def merged_id(mentions: Iterable[MentionIn]) -> str:
    digest = hashlib.sha1("\n".join(sorted(m.key for m in mentions)).encode("utf-8")).hexdigest()
    return "m-" + digest[:16]


def build_merged(members: list[MentionIn]) -> MergedEvent:
    """The merged event of one cluster: majority type, sides and date, every date kept."""
    members = sorted(members, key=lambda m: m.report_order)
    dates = Counter(m.date for m in members if date_range(m.date))
    ranked = sorted(dates.items(), key=lambda kv: (-kv[1], kv[0]))
    # The best-supported date: the most reported value of the finest precision reported.
    day_values = [v for v, _ in ranked if date_range(v)[0] == date_range(v)[1]]  # type: ignore[index]
    best = day_values[0] if day_values else (ranked[0][0] if ranked else None)
    span = date_range(best) if best else (min(m.doc_first for m in members),
                                            max(m.doc_last for m in members))
    assert span is not None
    # Sides keep the block's order-free pair but the majority's direction.
    source = _side(m.source for m in members)
    target = _side(m.target for m in members)
    return MergedEvent(
        id=merged_id(members), block=members[0].block, pair=members[0].pair,
        type=_most(m.type for m in members) or members[0].type,
        mode=_most(m.mode for m in members), source=source, target=target,
        location=_most(m.location for m in members), date=best, first_day=span[0], last_day=span[1],
        dates=tuple(DateCount(v, n) for v, n in ranked), status=status_arc(members),
        outlets=tuple(sorted({m.outlet for m in members if m.outlet})),
        first_reported=members[0].doc_first, last_reported=max(m.doc_last for m in members),
        reports=len(members), documents=len({m.doc_id for m in members}), mentions=tuple(members))


def merge_mentions(mentions: Iterable[MentionIn]) -> list[MergedEvent]:
    """All mentions, blocked and clustered; merged events in (first day, id) order."""
    blocks: dict[str, list[MentionIn]] = {}
    for m in with_joint_pairs(mentions):
        blocks.setdefault(m.block, []).append(m)
    out = [build_merged(c) for b in blocks.values() for c in merge_block(b)]
    return sorted(out, key=lambda e: (e.first_day, e.id))
