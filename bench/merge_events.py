"""Cost of merging event mentions across articles (kroniek.corpus), on one core.

Two measurements side by side in one run:

  merge       corpus.merge_mentions + corpus.build_stories over N synthetic event
              mentions held in memory (issue 16 asks 100,000 in under a minute)
  store-sync  the same mentions as articles in a fresh SQLite store: a first full
              corpus.sync (fingerprints, keys, merging, stories), then an incremental
              sync after a batch of 50 new articles: what `kroniek ingest` adds to
              each batch, against Frog's parse time for those articles

The synthetic mentions follow the shape of news: a few actors (countries) take most
events (Zipf), events cluster in time around "stories", a third of the mentions carry
no date, a fifth only a month, the rest a day; modalities 70/12/10/8 asserted, planned,
hypothetical, negated.

    python bench/merge_events.py [--mentions 100000] [--per-doc 5] [--no-store]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from kroniek.corpus import MentionIn, Side, build_stories, merge_mentions  # noqa: E402
from kroniek.corpus.merge import actor_key  # noqa: E402
from kroniek.model import EVENT_TYPES, Actor, Document, Entity, Event, SentenceRef, Span  # noqa: E402

MODALITIES = ["asserted"] * 70 + ["planned"] * 12 + ["hypothetical"] * 10 + ["negated"] * 8
START = dt.date(2018, 1, 1)
DAYS = 730
# Frog's speed on this machine (docs/BENCHMARKS.md, Ingest): tokens a second, and the
# mean DPG article length in tokens (553,258 tokens / 1,398 articles).
FROG_TOKENS_PER_S = 700
TOKENS_PER_ARTICLE = 396


def countries(n: int = 150) -> list[str]:
    return [f"C{k:03d}" for k in range(n)]


def synthetic(n_mentions: int, per_doc: int, seed: int = 16) -> list[list[dict]]:
    """Articles as lists of event dicts (shared by both measurements)."""
    rng = random.Random(seed)
    cs = countries()
    weights = [1 / (k + 1) for k in range(len(cs))]
    # Stories: a pair, a type and a day; articles report around them for a few weeks.
    stories = []
    for _ in range(max(1, n_mentions // 25)):
        a, b = rng.choices(cs, weights, k=2)
        stories.append((a, b, rng.choice(EVENT_TYPES), rng.randrange(DAYS)))
    docs = []
    for d in range(n_mentions // per_doc):
        events = []
        # An article reports on one day, mostly about one story, now and then another.
        home = rng.choice(stories)
        report_day = max(0, min(DAYS - 1, home[3] + rng.randint(-20, 10)))
        for _ in range(per_doc):
            a, b, typ, day = home if rng.random() < 0.7 else rng.choice(stories)
            if rng.random() < 0.1:
                typ = rng.choice(EVENT_TYPES)
            when = START + dt.timedelta(days=day + rng.choice([0, 0, 0, 1, 7]))
            form = rng.random()
            date = None if form < 0.33 else (when.isoformat()[:7] if form < 0.53 else when.isoformat())
            events.append({"type": typ, "src": a, "tgt": b, "date": date, "modality": rng.choice(MODALITIES),
                           "doc_day": (START + dt.timedelta(days=report_day)).isoformat()})
        docs.append(events)
    return docs


def as_mentions(docs: list[list[dict]]) -> list[MentionIn]:
    out = []
    for d, events in enumerate(docs):
        # The trigger as as_documents writes it: the source's name where the text first gives it.
        head = _head(d, sorted({e["src"] for e in events} | {e["tgt"] for e in events}))
        for k, e in enumerate(events):
            day = e["doc_day"]
            side = [Side(actor_key(c, None, c), c, None, c, c) for c in (e["src"], e["tgt"])]
            out.append(MentionIn(f"d{d}", f"v{k + 1}", day, day, day, f"outlet{d % 7}", e["type"], None,
                                 e["modality"], e["date"], side[0], side[1], None, e["src"], 0, 10,
                                 head.index(e["src"])))
    return out


def _head(d: int, names: list[str]) -> str:
    return f"Bericht {d}: " + " en ".join(names) + ". "


def as_documents(docs: list[list[dict]], offset: int = 0) -> list[Document]:
    out = []
    for d, events in enumerate(docs):
        names = sorted({e["src"] for e in events} | {e["tgt"] for e in events})
        rng = random.Random(d + offset)  # a text of its own: no near duplicates by accident
        text = _head(d + offset, names) + " ".join(
            f"woord{rng.randrange(100_000)}" for _ in range(60))
        ents, ids = [], {}
        for k, name in enumerate(names):
            start = text.index(name)
            ids[name] = f"e{k + 1}"
            ents.append(Entity(f"e{k + 1}", name, "GPE", Actor(name, name, None, None, None),
                               (Span(start, start + len(name), name),)))
        evs = []
        for k, e in enumerate(events):
            start = text.index(e["src"])
            evs.append(Event(f"v{k + 1}", e["type"], None, ids[e["src"]], ids[e["tgt"]], None, None, e["date"],
                             e["modality"], None, Span(start, start + len(e["src"]), e["src"]),
                             SentenceRef(0, len(text)), 0.5))
        out.append(Document(id=f"d{d + offset}", date=events[0]["doc_day"] if events else "2018-01-01",
                            lang="nl", title=None, source=f"outlet{d % 7}", url=None, text=text,
                            entities=tuple(ents), events=tuple(evs)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mentions", type=int, default=100_000)
    ap.add_argument("--per-doc", type=int, default=5)
    ap.add_argument("--batch", type=int, default=50)
    ap.add_argument("--no-store", action="store_true", help="Only the in-memory merge.")
    args = ap.parse_args()

    docs = synthetic(args.mentions, args.per_doc)
    mentions = as_mentions(docs)
    # CPU seconds of this process: the machine is shared, so wall time says little.
    t0 = time.process_time()
    w0 = time.perf_counter()
    merged = merge_mentions(mentions)
    stories = build_stories(merged)
    cpu, wall = time.process_time() - t0, time.perf_counter() - w0
    print(f"merge: {len(mentions):,} mentions -> {len(merged):,} merged events, {len(stories):,} stories: "
          f"{wall:.1f} s wall, {cpu:.1f} s CPU (one core)")
    if args.no_store:
        return

    from kroniek.corpus.sync import sync
    from kroniek.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        with Store.open_writer(Path(tmp) / "bench.db", batch_size=5000) as store:
            for doc in as_documents(docs):
                store.save(doc)
            store.commit()
            w0 = time.process_time()
            full = sync(store)
            full_s = time.process_time() - w0
            same = {r[0] for r in store.conn.execute("SELECT id FROM merged_events")} == {e.id for e in merged}
            print(f"store-sync full: {full.changed:,} articles, {full.merged_events:,} merged events, "
                  f"{full.stories:,} stories: {full_s:.1f} s CPU; the same merged events as in memory: "
                  f"{'yes' if same else 'NO'}")
            extra = as_documents(synthetic(args.batch * args.per_doc, args.per_doc, seed=99), offset=len(docs))
            for doc in extra:
                store.save(doc)
            store.commit()
            w0 = time.process_time()
            inc = sync(store)
            inc_s = time.process_time() - w0
            frog_s = args.batch * TOKENS_PER_ARTICLE / FROG_TOKENS_PER_S
            print(f"store-sync incremental: {inc.changed} new articles, {inc.pairs} actor pairs merged again: "
                  f"{inc_s:.2f} s CPU ({1000 * inc_s / args.batch:.1f} ms an article); Frog parses "
                  f"{args.batch} mean DPG articles in about {frog_s:.0f} s: sync adds "
                  f"{100 * inc_s / frog_s:.1f} % to a batch")


if __name__ == "__main__":
    main()
