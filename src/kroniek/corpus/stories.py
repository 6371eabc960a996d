"""Story threads: the merged events of one actor pair that follow each other closely.

A story is a run of merged events of the same actor pair (any event type) whose days lie
at most ``STORY_GAP`` days apart, told by at least ``MIN_DOCUMENTS`` articles. It is
labelled from its actors and its most frequent trigger words. Like merging, this looks
only at content, so the same events give the same stories in any order, and a batch
recomputes only the pairs it touched.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Record
from .merge import MergedEvent, Side

STORY_GAP = 30
MIN_DOCUMENTS = 2
TERMS = 3


@dataclass(frozen=True)
class Story(Record):
    id: str
    pair: str
    label: str
    terms: tuple[str, ...]
    first_day: str
    last_day: str
    events: tuple[str, ...]     # merged event ids, in date order
    documents: int
    reports: int


def _name(side: Side | None) -> str:
    return side.name if side else "?"


def _label(events: list[MergedEvent], terms: tuple[str, ...]) -> str:
    names: Counter[str] = Counter()
    for e in events:
        for side in (e.source, e.target):
            if side is not None:
                names[side.name] += e.reports
    ranked = [n for n, _ in sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))][:2]
    who = " – ".join(ranked) if ranked else "?"
    return f"{who}: {', '.join(terms)}" if terms else who


def build_stories(events: Iterable[MergedEvent]) -> list[Story]:
    """Stories of merged events (any number of pairs), each pair on its own."""
    by_pair: dict[str, list[MergedEvent]] = {}
    for e in events:
        by_pair.setdefault(e.pair, []).append(e)
    out: list[Story] = []
    for pair in sorted(by_pair):
        run: list[MergedEvent] = []
        for e in sorted(by_pair[pair], key=lambda e: (e.first_day, e.id)):
            if run and (dt.date.fromisoformat(e.first_day)
                        - dt.date.fromisoformat(max(r.last_day for r in run))).days > STORY_GAP:
                out.extend(_story(pair, run))
                run = []
            run.append(e)
        out.extend(_story(pair, run))
    return out


def _story(pair: str, run: list[MergedEvent]) -> list[Story]:
    docs = {m.doc_id for e in run for m in e.mentions}
    if len(docs) < MIN_DOCUMENTS:
        return []
    words: Counter[str] = Counter(m.trigger.lower() for e in run for m in e.mentions)
    terms = tuple(w for w, _ in sorted(words.items(), key=lambda kv: (-kv[1], kv[0]))[:TERMS])
    ids = tuple(e.id for e in run)
    digest = hashlib.sha1("\n".join(sorted(ids)).encode("utf-8")).hexdigest()[:12]
    return [Story("s-" + digest, pair, _label(run, terms), terms, min(e.first_day for e in run),
                  max(e.last_day for e in run), ids, len(docs), sum(e.reports for e in run))]
