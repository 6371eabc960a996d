"""What committing by time as well as by count costs the store (issue 13).

Writes N documents into a fresh database three ways: a commit every 50 documents (the
old rule), every 50 documents or 2 seconds (today's rule) and after every document (the
worst case commit_seconds = 0 would give), and prints documents per second of each,
best of R runs. A commit in WAL mode with synchronous=NORMAL does not sync to disk, so
the difference per commit is what an extra commit costs; at most one extra every 2 s.

    python bench/store_commits.py [--docs N] [--repeat R]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from kroniek.model import Actor, Document, Entity, Event, Span

TEXT = "Sergej Lavrov reist donderdag naar Noord-Korea, meldt CNN. “Goed”, zei Lavrov."


def document(n: int) -> Document:
    lavrov = Entity("e1", "Sergej Lavrov", "PER", Actor("RUSGOV", "RUS", "GOV", None, "SERGEY_LAVROV"),
                    (Span(0, 13, "Sergej Lavrov"), Span(71, 77, "Lavrov")))
    korea = Entity("e2", "Noord-Korea", "GPE", None, (Span(35, 46, "Noord-Korea"),))
    return Document(id=f"d{n}", date="2018-05", lang="nl", title=f"Bericht {n}", source=None, url=None,
                    text=TEXT, entities=(lavrov, korea), times=(), events=(), quotes=())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    from kroniek.store import Store

    docs = [document(n) for n in range(args.docs)]
    for label, seconds in (("every 50 or 2 s", 2.0), ("every 50", 1e9), ("every document", 0.0), ("every 50 or 2 s", 2.0), ("every 50", 1e9)):
        best = float("inf")
        for _ in range(args.repeat):
            with tempfile.TemporaryDirectory() as d:
                store = Store.open_writer(Path(d) / "k.db", batch_size=50, commit_seconds=seconds)
                started = time.perf_counter()
                for doc in docs:
                    store.save(doc)
                store.close()
                best = min(best, time.perf_counter() - started)
        print(f"{label:16s} {args.docs / best:8.0f} documents/s  {1000 * best / args.docs:.3f} ms/document")


if __name__ == "__main__":
    main()
