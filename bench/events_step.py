"""Time of the events step alone, per article and per 1,000 tokens.

The ingest benchmark (ingest_throughput.py) times everything at once and needs a whole
corpus parsed by Frog; a change to the events step is measured more precisely here:
the texts are parsed once (through the parse cache), the steps before events run once,
and then only the events step is timed, ``--repeat`` times, best run kept.

Two variants of the step run side by side in one invocation: the pattern rules alone
(``[events] learned = false``) and the default step with the learned layer
(extract/event_model.py); the ratio of the two is the layer's cost. The time of all the
steps before events is printed beside them, to put the step's share in proportion (Frog,
which takes far longer still, is not timed here: bench/ingest_throughput.py does that).

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
    from kroniek.extract.events import EventStep
    from kroniek.pipeline import Pipeline, Work

    pipeline = Pipeline()
    before = [s for s in pipeline.steps if s.name != "events"]
    variants = {"rules alone": EventStep(learned=False), "rules + learned layer": EventStep()}
    works = []
    parser = CachingParser(FrogParser(None), None)
    try:
        for n, (text, date) in enumerate(load(args.inputs, args.limit)):
            work = Work(Article(id=f"b{n}", text=text, date=date), parser.parse(text))
            works.append(work)
    finally:
        parser.close()
    start = time.perf_counter()
    for work in works:
        for step in before:
            work.annotations.update(step(work))
    steps_before = time.perf_counter() - start
    tokens = sum(len(w.parsed.tokens) for w in works)
    print(f"kroniek {Path(kroniek.__file__).parent}")
    print(f"{len(works)} articles, {tokens} tokens; the steps before events: "
          f"{1000 * steps_before / len(works):.2f} ms/article (one run)")
    times = {}
    for _ in range(args.repeat):   # the variants interleaved, so that load hits both alike
        for name, step in variants.items():
            start = time.perf_counter()
            count = sum(len(step(w)["events"]) for w in works)
            took = time.perf_counter() - start
            if took < times.get(name, (float("inf"), 0))[0]:
                times[name] = (took, count)
    for name, (best, count) in times.items():
        print(f"events step, {name}: {count} events; {best:.3f} s best of {args.repeat}; "
              f"{1000 * best / len(works):.2f} ms/article; {1000 * best / tokens * 1000:.2f} ms per 1,000 tokens")
    (rules, _), (learned, _) = times["rules alone"], times["rules + learned layer"]
    print(f"learned layer / rules alone: {learned / rules:.2f}x; the layer adds "
          f"{100 * (learned - rules) / (steps_before + rules):.1f} % to all the steps after parsing")


if __name__ == "__main__":
    main()
