"""Time of the events step alone, per article and per 1,000 tokens.

The ingest benchmark (ingest_throughput.py) times everything at once and needs a whole
corpus parsed by Frog; a change to the events step is measured more precisely here:
the texts are parsed once (through the parse cache), the steps before events run once,
and then only the events step is timed, ``--repeat`` times, best run kept.

To compare two versions side by side, run this script from each checkout on the same
texts (``PYTHONPATH=<other checkout>/src python bench/events_step.py ...`` runs the other
code with this environment).

    python bench/events_step.py DIR_OR_JSONL [DIR_OR_JSONL ...] [--limit N] [--repeat 5]

Arguments are folders of gold files (``*.json`` with "text" and "header_date") or JSON
lines with "text" (and optionally "date").
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path


def load(paths: list[Path], limit: int | None) -> list[tuple[str, str]]:
    texts: list[tuple[str, str]] = []
    for path in paths:
        if path.is_dir():
            for p in sorted(path.glob("*.json")):
                data = json.loads(p.read_text(encoding="utf-8"))
                if isinstance(data, dict) and data.get("text"):
                    texts.append((data["text"], data.get("header_date") or data.get("date") or "2019"))
        else:
            with path.open(encoding="utf-8") as f:
                for line in f:
                    record = json.loads(line)
                    if (record.get("text") or "").strip():
                        texts.append((record["text"], str(record.get("date") or "2019")))
    return texts[:limit] if limit else texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", type=Path, nargs="+")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    import kroniek
    from kroniek.model import Article
    from kroniek.nlp.cache import CachingParser
    from kroniek.nlp.frog import FrogParser
    from kroniek.pipeline import Pipeline, Work

    pipeline = Pipeline()
    before = [s for s in pipeline.steps if s.name != "events"]
    events = next(s for s in pipeline.steps if s.name == "events")
    works = []
    parser = CachingParser(FrogParser(None), None)
    try:
        for n, (text, date) in enumerate(load(args.inputs, args.limit)):
            work = Work(Article(id=f"b{n}", text=text, date=date), parser.parse(text))
            for step in before:
                work.annotations.update(step(work))
            works.append(work)
    finally:
        parser.close()
    tokens = sum(len(w.parsed.tokens) for w in works)
    best, count = float("inf"), 0
    for _ in range(args.repeat):
        start = time.perf_counter()
        count = sum(len(events(w)["events"]) for w in works)
        best = min(best, time.perf_counter() - start)
    print(f"kroniek {Path(kroniek.__file__).parent}")
    print(f"{len(works)} articles, {tokens} tokens, {count} events")
    print(f"events step: {best:.3f} s best of {args.repeat}; {1000 * best / len(works):.2f} ms/article; "
          f"{1000 * best / tokens * 1000:.2f} ms per 1,000 tokens")


if __name__ == "__main__":
    main()
