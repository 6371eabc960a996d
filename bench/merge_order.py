"""Order-freedom of merging on real annotated articles, without parsing them again.

Takes a database filled by `kroniek ingest` (real Frog annotations), and saves its
documents into two fresh databases: once in date order in one batch, once in reverse
order in N batches with a `corpus.sync` after each (what N ingest runs do). Prints
whether the merged events, their mentions, the stories and the near-duplicate links of
the two are identical, and the sync times. Annotation is per article, so this is what
ingesting the same articles in two orders gives.

    python bench/merge_order.py DB [--batches 7]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from kroniek.corpus.sync import sync  # noqa: E402
from kroniek.store import Store  # noqa: E402


def snapshot(store: Store) -> dict:
    c = store.conn
    return {t: sorted(c.execute(f"SELECT * FROM {t}")) for t in
            ("merged_events", "merged_mentions", "stories", "doc_links")}


def fill(path: Path, docs, batches: int) -> tuple[dict, float]:
    spent = 0.0
    with Store.open_writer(path, batch_size=1000) as store:
        size = max(1, -(-len(docs) // batches))
        for k in range(0, len(docs), size):
            for d in docs[k:k + size]:
                store.save(d)
            store.commit()
            t0 = time.process_time()
            sync(store)
            spent += time.process_time() - t0
        return snapshot(store), spent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db", type=Path)
    ap.add_argument("--batches", type=int, default=7)
    args = ap.parse_args()
    with Store.open_reader(args.db) as store:
        docs = list(store.documents())
    with tempfile.TemporaryDirectory() as tmp:
        a, ta = fill(Path(tmp) / "a.db", docs, 1)
        b, tb = fill(Path(tmp) / "b.db", docs[::-1], args.batches)
    merged = a["merged_events"]
    multi = sum(1 for r in merged if r[16] > 1)
    print(f"{len(docs)} articles, {sum(r[16] for r in merged)} merged mentions -> {len(merged)} merged events "
          f"({multi} with more than one report), {len(a['stories'])} stories, {len(a['doc_links'])} "
          f"near-duplicate links")
    print(f"date order, one batch: sync {ta:.2f} s CPU; reverse order, {args.batches} batches: "
          f"syncs {tb:.2f} s CPU together")
    same = {t: a[t] == b[t] for t in a}
    print("identical: " + ", ".join(f"{t} {'yes' if ok else 'NO'}" for t, ok in same.items()))
    sys.exit(0 if all(same.values()) else 1)


if __name__ == "__main__":
    main()
