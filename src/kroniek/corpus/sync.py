"""Keep the store's corpus tables (migration 0005) in step with its documents, incrementally.

``sync`` finds the documents added, replaced or removed since it last ran (a replaced
document gets a new ``documents.n``), fingerprints them (MinHash), links near duplicates, and
recomputes the merged events and stories of just the actor pairs those documents
touch. Because a pair's merged events depend only on the mentions it holds
(corpus.merge), the result is the same as a rebuild from nothing, in any order.

Near duplicates count once: of a group of near-duplicate articles, only the
representative (the earliest, then the smallest id) lends its event mentions to merging.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from ..model import Record
from ..store import Store
from .fingerprint import MIN_JACCARD, band_keys, jaccard, minhash, shingles
from .merge import MentionIn, MergedEvent, Side, actor_key, block_family, merge_mentions, with_joint_pairs
from .stories import Story, build_stories

CHUNK = 400


@dataclass(frozen=True)
class SyncReport(Record):
    changed: int          # documents fingerprinted and keyed again
    removed: int          # documents gone since the last sync
    duplicates: int       # near-duplicate links now stored
    pairs: int            # actor pairs whose merged events were recomputed
    merged_events: int    # merged events now stored
    stories: int
    seconds: float


_MENTION_SELECT = (
    "SELECT v.doc_id, v.id, d.date, d.date_first, d.date_last, d.source, v.type, v.mode, v.modality, "
    "v.date, es.name, es.kb_id, es.actor_code, es.country, et.name, et.kb_id, et.actor_code, et.country, "
    "el.name, v.trigger_text, v.sentence_start, v.sentence_end, v.trigger_start, {pair} "
    "FROM events v JOIN documents d ON d.id = v.doc_id "
    "LEFT JOIN entities es ON es.doc_id = v.doc_id AND es.id = v.source "
    "LEFT JOIN entities et ON et.doc_id = v.doc_id AND et.id = v.target "
    "LEFT JOIN entities el ON el.doc_id = v.doc_id AND el.id = v.location "
)


def _side(name: str | None, kb_id: str | None, code: str | None, country: str | None) -> Side | None:
    if name is None:
        return None
    return Side(actor_key(name, kb_id, country), name, kb_id, code, country)


def _mention(r: Sequence) -> MentionIn:
    m = MentionIn(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9],
                  _side(r[10], r[11], r[12], r[13]), _side(r[14], r[15], r[16], r[17]),
                  r[18], r[19], r[20], r[21], r[22])
    stored = r[23]  # the pair the mention was keyed under (a joint mention's may differ)
    return dataclasses.replace(m, joint=stored) if stored and stored != m.own_pair else m


def _chunks(items: Iterable[str]) -> Iterator[list[str]]:
    items = sorted(items)
    for i in range(0, len(items), CHUNK):
        yield items[i:i + CHUNK]


def _marks(n: int) -> str:
    return ",".join("?" * n)


def mentions_of_docs(store: Store, doc_ids: Iterable[str]) -> Iterator[MentionIn]:
    """Every mention of these documents, with joint mentions under their shared pair."""
    for chunk in _chunks(doc_ids):
        rows = store.conn.execute(_MENTION_SELECT.format(pair="NULL") + f"WHERE v.doc_id IN "
                                  f"({_marks(len(chunk))})", chunk)
        yield from with_joint_pairs(_mention(r) for r in rows)


def mentions_of_pairs(store: Store, pairs: Sequence[str]) -> Iterator[MentionIn]:
    """The mentions that merging sees for these pairs: representatives' only."""
    sql = (_MENTION_SELECT.format(pair="k.pair").replace("FROM events v ", "FROM event_keys k JOIN events v "
                                   "ON v.doc_id = k.doc_id AND v.id = k.event_id ")
           + "JOIN corpus_docs c ON c.doc_id = v.doc_id AND c.rep = v.doc_id "
           f"WHERE k.pair IN ({_marks(len(pairs))})")
    for r in store.conn.execute(sql, list(pairs)):
        yield _mention(r)


def all_mentions(store: Store) -> Iterator[MentionIn]:
    """Every mention merging sees (the representatives'), for rebuilds and the benchmark."""
    sql = (_MENTION_SELECT.format(pair="k.pair") + "JOIN corpus_docs c ON c.doc_id = v.doc_id AND c.rep = v.doc_id "
           "JOIN event_keys k ON k.doc_id = v.doc_id AND k.event_id = v.id")
    for r in store.conn.execute(sql):
        yield _mention(r)


# --------------------------------------------------------------------------- sync


def sync(store: Store, rebuild: bool = False) -> SyncReport:
    """Bring the corpus tables up to date with the documents; ``rebuild`` starts from nothing."""
    started = time.perf_counter()
    store.begin()
    c = store.conn
    if rebuild:
        for table in ("corpus_docs", "doc_bands", "doc_links", "event_keys", "merged_events", "merged_mentions", "stories"):
            c.execute(f"DELETE FROM {table}")
    changed = {r[0] for r in c.execute(
        "SELECT d.id FROM documents d LEFT JOIN corpus_docs k ON k.doc_id = d.id "
        "WHERE k.n IS NULL OR k.n != d.n")}
    gone = {r[0] for r in c.execute(
        "SELECT doc_id FROM corpus_docs WHERE doc_id NOT IN (SELECT id FROM documents)")}
    touched = changed | gone
    pairs: set[str] = set()
    if touched:
        rep_changed = _dedup(store, changed, gone)
        for chunk in _chunks(touched | rep_changed):
            pairs.update(r[0] for r in c.execute(
                f"SELECT DISTINCT pair FROM event_keys WHERE doc_id IN ({_marks(len(chunk))})", chunk))
        for chunk in _chunks(touched):
            c.execute(f"DELETE FROM event_keys WHERE doc_id IN ({_marks(len(chunk))})", chunk)
        keys = [(m.doc_id, m.event_id, m.pair, block_family(m.type)) for m in mentions_of_docs(store, changed)]
        c.executemany("INSERT INTO event_keys VALUES (?,?,?,?)", keys)
        pairs.update(k[2] for k in keys)
        for chunk in _chunks(pairs):
            _recompute(store, chunk)
    store.commit()
    return SyncReport(len(changed), len(gone), c.execute("SELECT count(*) FROM doc_links").fetchone()[0],
                      len(pairs), c.execute("SELECT count(*) FROM merged_events").fetchone()[0],
                      c.execute("SELECT count(*) FROM stories").fetchone()[0],
                      time.perf_counter() - started)


def _dedup(store: Store, changed: set[str], gone: set[str]) -> set[str]:
    """Fingerprint ``changed``, link near duplicates, choose representatives again.

    Returns the untouched documents whose representative changed: their pairs must
    be merged again too.
    """
    c = store.conn
    touched = changed | gone
    neighbours: set[str] = set()
    for chunk in _chunks(touched):
        marks = _marks(len(chunk))
        for a, b in c.execute(f"SELECT a, b FROM doc_links WHERE a IN ({marks}) OR b IN ({marks})", chunk * 2):
            neighbours.update((a, b))
        c.execute(f"DELETE FROM doc_links WHERE a IN ({marks}) OR b IN ({marks})", chunk * 2)
        c.execute(f"DELETE FROM corpus_docs WHERE doc_id IN ({marks})", chunk)
    for chunk in _chunks(touched):
        c.execute(f"DELETE FROM doc_bands WHERE doc_id IN ({_marks(len(chunk))})", chunk)
    for doc_id in sorted(changed):
        n, lang, text = c.execute("SELECT n, lang, text FROM documents WHERE id = ?", (doc_id,)).fetchone()
        c.execute("INSERT INTO corpus_docs VALUES (?,?,?)", (doc_id, n, doc_id))
        grams = shingles(text)
        signature = minhash(grams)
        if signature is None:
            continue
        keys = band_keys(signature)
        candidates = set()
        for band, key in enumerate(keys):
            candidates.update(r[0] for r in c.execute(
                "SELECT doc_id FROM doc_bands WHERE band = ? AND key = ?", (band, key)))
        for other in sorted(candidates):
            olang, otext = c.execute("SELECT lang, text FROM documents WHERE id = ?", (other,)).fetchone()
            similarity = jaccard(grams, shingles(otext))
            if olang == lang and similarity >= MIN_JACCARD:
                c.execute("INSERT OR REPLACE INTO doc_links VALUES (?,?,?)",
                          (min(doc_id, other), max(doc_id, other), round(similarity, 4)))
                neighbours.add(other)
        c.executemany("INSERT INTO doc_bands VALUES (?,?,?)", [(doc_id, b, k) for b, k in enumerate(keys)])
    rep_changed: set[str] = set()
    seen: set[str] = set()
    for seed in sorted((changed | neighbours) - gone):
        if seed in seen:
            continue
        group, todo = {seed}, [seed]
        while todo:
            d = todo.pop()
            for (o,) in c.execute("SELECT b FROM doc_links WHERE a = ? UNION SELECT a FROM doc_links WHERE b = ?",
                                  (d, d)):
                if o not in group:
                    group.add(o)
                    todo.append(o)
        seen |= group
        marks = _marks(len(group))
        rep = c.execute(f"SELECT id FROM documents WHERE id IN ({marks}) ORDER BY date_first, id LIMIT 1",
                        sorted(group)).fetchone()[0]
        for d, old in c.execute(f"SELECT doc_id, rep FROM corpus_docs WHERE doc_id IN ({marks})",
                                sorted(group)).fetchall():
            if old != rep:
                c.execute("UPDATE corpus_docs SET rep = ? WHERE doc_id = ?", (rep, d))
                if d not in changed:
                    rep_changed.add(d)
    return rep_changed


def _recompute(store: Store, pairs: list[str]) -> None:
    c = store.conn
    marks = _marks(len(pairs))
    c.execute(f"DELETE FROM merged_mentions WHERE merged_id IN "
              f"(SELECT id FROM merged_events WHERE pair IN ({marks}))", pairs)
    c.execute(f"DELETE FROM merged_events WHERE pair IN ({marks})", pairs)
    c.execute(f"DELETE FROM stories WHERE pair IN ({marks})", pairs)
    merged = merge_mentions(mentions_of_pairs(store, pairs))
    stories = build_stories(merged)
    story_of = {e: s.id for s in stories for e in s.events}
    c.executemany("INSERT INTO merged_events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                  [merged_store_row(e, story_of.get(e.id)) for e in merged])
    c.executemany("INSERT INTO merged_mentions VALUES (?,?,?)",
                  [(e.id, m.doc_id, m.event_id) for e in merged for m in e.mentions])
    c.executemany("INSERT INTO stories VALUES (?,?,?,?,?,?,?,?,?)", [story_store_row(s) for s in stories])


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def merged_store_row(e: MergedEvent, story: str | None) -> tuple:
    return (e.id, e.pair, e.block, e.type, e.mode,
            _json(e.source.to_dict()) if e.source else None, _json(e.target.to_dict()) if e.target else None,
            e.location, e.date, e.first_day, e.last_day, _json([[d.value, d.reports] for d in e.dates]),
            _json([[s.start, s.modality, s.reports] for s in e.status]), _json(list(e.outlets)),
            e.first_reported, e.last_reported, e.reports, e.documents, story)


def story_store_row(s: Story) -> tuple:
    return (s.id, s.pair, s.label, _json(list(s.terms)), s.first_day, s.last_day, len(s.events),
            s.documents, s.reports)


def pending(store: Store) -> int:
    """Documents added, replaced or removed since the last sync (readers use it to warn)."""
    c = store.conn
    return c.execute("SELECT count(*) FROM documents d LEFT JOIN corpus_docs k ON k.doc_id = d.id "
                     "WHERE k.n IS NULL OR k.n != d.n").fetchone()[0] + \
        c.execute("SELECT count(*) FROM corpus_docs WHERE doc_id NOT IN (SELECT id FROM documents)").fetchone()[0]
