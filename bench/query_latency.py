"""Latency of an actor timeline and a dyad query, on a real database and at scale.

Two databases are measured in one run:

  real       the database given (e.g. the 1,438 DPG articles ingested with Frog), as it
             is: its entities and mentions are real; its events are whatever the
             pipeline produced (none before the events step exists)
  synthetic  a copy of it with SYNTHETIC events added (clearly not real: random pairs
             of each article's own actor entities, random types, modalities and dates
             in the article's month), --events-per-doc per article, so that the query
             plans are exercised at a realistic or larger volume

For each, the actors with the most events (or, with none, the most articles) are asked
for their timeline, and the busiest pairs for their dyad, through kroniek.query and
through the HTTP API (a real uvicorn server on 127.0.0.1 in this process, asked over
one keep-alive HTTP connection: routing, validation, JSON, the socket). Each query
runs --repeat times; the median and the worst are printed in milliseconds.
The acceptance figure of issue 7 is "under 200 ms each".

    python bench/query_latency.py DB [--events-per-doc 20] [--repeat 5] [--actors 5]

The given database is opened for writing once to apply pending migrations (indexes);
the synthetic copy goes to a temporary folder and is removed afterwards.
"""

from __future__ import annotations

import argparse
import http.client
import random
import socket
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

from kroniek import query as Q
from kroniek.model import EVENT_TYPES
from kroniek.store import Store

MODALITY_MIX = (("asserted", 70), ("planned", 12), ("hypothetical", 10), ("negated", 8))


def add_synthetic_events(path: Path, per_doc: int, seed: int = 7) -> int:
    """Insert per_doc synthetic events into every article that has two actor entities."""
    rng = random.Random(seed)
    conn = sqlite3.connect(path)
    ents: dict[str, list[tuple[str, int, int, str]]] = {}
    for doc_id, eid, start, end, text in conn.execute(
            "SELECT e.doc_id, e.id, min(m.start), min(m.end), m.text FROM entities e "
            "JOIN mentions m ON m.doc_id = e.doc_id AND m.entity_id = e.id "
            "WHERE e.type IN ('PER', 'ORG', 'GPE', 'LOC') GROUP BY e.doc_id, e.id"):
        ents.setdefault(doc_id, []).append((eid, start, end, text))
    dates = dict(conn.execute("SELECT id, date FROM documents"))
    lengths = dict(conn.execute("SELECT id, length(text) FROM documents"))
    modalities = [m for m, w in MODALITY_MIX for _ in range(w)]
    rows = []
    for doc_id, found in ents.items():
        if len(found) < 2:
            continue
        for k in range(per_doc):
            (sid, s, e, t), (tid, *_rest) = rng.sample(found, 2)
            month = dates[doc_id][:7]
            date = rng.choice([None, month, f"{month}-{rng.randint(1, 28):02d}"])
            rows.append((doc_id, f"sv{k + 1}", rng.choice(EVENT_TYPES), None, sid, tid,
                         None, None, date, rng.choice(modalities), None, s, e, t,
                         0, min(lengths[doc_id], e + 120), 0.5))
    conn.executemany("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    conn.commit()
    conn.execute("ANALYZE")
    conn.close()
    return len(rows)


def timed(fn, repeat: int) -> tuple[float, float, object]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), max(times), result


def pick_actors(store: Store, n: int) -> tuple[list[str], list[tuple[str, str]]]:
    top = [a.ref for a in Q.actors(store, "", limit=n)]
    net = Q.network(store, limit=n)
    pairs = []
    for e in net.edges:
        a = e.source if e.source.startswith("kb:") else "name:" + next(x.label for x in net.nodes if x.key == e.source)
        b = e.target if e.target.startswith("kb:") else "name:" + next(x.label for x in net.nodes if x.key == e.target)
        pairs.append((a, b))
    if not pairs and len(top) >= 2:
        pairs = [(top[0], top[1])]
    if store.conn.execute("SELECT count(*) FROM entities WHERE country IS NOT NULL").fetchone()[0]:
        c = [r[0] for r in store.conn.execute(
            "SELECT country FROM entities WHERE country IS NOT NULL GROUP BY country "
            "ORDER BY count(*) DESC LIMIT 2")]
        top.append(f"country:{c[0]}")
        if len(c) == 2:
            pairs.append((f"country:{c[0]}", f"country:{c[1]}"))
        # as people type them: a bare code, a Dutch country name, a surname (issue 17)
        from kroniek.kb.display import display_names

        names = display_names().countries
        top.append(c[0])
        if c[0] in names:
            top.append(names[c[0]].nl)
        if len(c) == 2:
            pairs.append((c[0], c[1]))
    person = next((a.name for a in Q.actors(store, "", limit=50) if a.type == "PER"), None)
    if person:
        top.append(person.split()[-1])
    return top, pairs[:n] + pairs[-1:] if len(pairs) > n else pairs


class Server:
    """kroniek's app served by uvicorn in a thread, and a keep-alive client for it."""

    def __init__(self, db: Path) -> None:
        import uvicorn

        from kroniek.api import create_app

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=self.port,
                                                    log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "Server":
        self.thread.start()
        while not self.server.started:
            time.sleep(0.02)
        self.conn = http.client.HTTPConnection("127.0.0.1", self.port)
        return self

    def get(self, path: str, **params: str) -> bytes:
        self.conn.request("GET", path + "?" + urllib.parse.urlencode(params))
        r = self.conn.getresponse()
        body = r.read()
        if r.status != 200:
            raise RuntimeError(f"{path} {params}: {r.status} {body[:200]!r}")
        return body

    def __exit__(self, *exc: object) -> None:
        self.conn.close()
        self.server.should_exit = True
        self.thread.join(timeout=10)


def measure(label: str, path: Path, n_actors: int, repeat: int) -> list[float]:
    worst = []
    with Store.open_reader(path) as store, Server(path) as client:
        docs, events = store.count(), store.count("events")
        print(f"\n## {label}: {path.name}: {docs} documents, {store.count('entities')} entities, "
              f"{store.count('mentions')} mentions, {events} events")
        actors, pairs = pick_actors(store, n_actors)
        print(f"{'query':<62} {'events':>7} {'median ms':>10} {'max ms':>8} {'API median':>11} {'API max':>8}")
        for ref in actors:
            med, mx, t = timed(lambda: Q.timeline(store, ref), repeat)
            amed, amx, _ = timed(lambda: client.get("/api/timeline", actor=ref), repeat)
            print(f"{'timeline ' + ref:<62.62} {len(t.events):>7} {med:>10.1f} {mx:>8.1f} {amed:>11.1f} {amx:>8.1f}")
            worst += [mx, amx]
        for a, b in pairs:
            med, mx, d = timed(lambda: Q.dyad(store, a, b), repeat)
            amed, amx, _ = timed(lambda: client.get("/api/dyad", a=a, b=b), repeat)
            print(f"{'dyad ' + a + ' / ' + b:<62.62} {len(d.events):>7} {med:>10.1f} {mx:>8.1f} {amed:>11.1f} {amx:>8.1f}")
            worst += [mx, amx]
        # the map's places of the whole store (coordinates by KB id and name). The first
        # call of a process loads the gazetteer (the knowledge base: one to three seconds,
        # once); it is made before timing, as a running server has made it long before.
        Q.places(store, limit=1)
        med, mx, places = timed(lambda: Q.places(store, limit=150), repeat)
        amed, amx, _ = timed(lambda: client.get("/api/places", limit="150"), repeat)
        print(f"{'places (map, 150)':<62.62} {len(places):>7} {med:>10.1f} {mx:>8.1f} {amed:>11.1f} {amx:>8.1f}")
        worst += [mx, amx]
    return worst


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db", type=Path)
    ap.add_argument("--events-per-doc", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--actors", type=int, default=5)
    args = ap.parse_args()
    if not args.db.exists():
        print(f"no database at {args.db}", file=sys.stderr)
        return 2
    Store.open_writer(args.db).close()  # apply pending migrations (the query indexes)
    worst = measure("real", args.db, args.actors, args.repeat)
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "synthetic.db"
        src = sqlite3.connect(args.db)
        dst = sqlite3.connect(copy)
        src.backup(dst)
        src.close()
        dst.close()
        added = add_synthetic_events(copy, args.events_per_doc)
        print(f"\n(synthetic: {added} random events added to a copy: {args.events_per_doc} per article "
              "with two or more actor entities; NOT real events)")
        worst += measure("synthetic", copy, args.actors, args.repeat)
    print(f"\nworst single answer over all queries: {max(worst):.1f} ms (target: under 200 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
