"""Cost of kroniek's actor knowledge base and entity linking, against Frog's parse.

Measured side by side in one run on the same articles:

  kb-build    building the knowledge base from its tables in a fresh Python process
  kb-load     loading it from the cache file instead (what every later process does)
  frog        Frog parsing the articles (one Frog server, one connection)
  entities    the entity step on those parses (names: parser NER + knowledge base + rules)
  actors      the actor step (linking by date, nominal actors, coreference)

Printed: KB load seconds, Frog and step times, milliseconds per 1,000 tokens, and the
steps' time as a share of Frog's (issue 3 asks linking to cost well under 1 ms a token,
so that `kroniek ingest` keeps at least 0.9 of Frog's throughput).

    python bench/actors.py [--articles PATH] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "src"))
DEFAULT_ARTICLES = REPO.parent / "shared" / "data" / "dpgmedia2019_nl" / "articles.jsonl"


def load_articles(path: Path, limit: int) -> list[tuple[str, str]]:
    out = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            text = (rec.get("text") or "").strip()
            if text:
                out.append((text, str(rec.get("date") or rec.get("published_at") or "2019")[:10]))
            if len(out) >= limit:
                break
    return out


def kb_load_seconds(function: str, cache: str) -> float:
    """Seconds to import kroniek's KB and call ``function`` in a fresh Python process."""
    code = (f"import time; t = time.perf_counter(); from kroniek.kb.loader import {function}; {function}(); "
            "print(time.perf_counter() - t)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(REPO / "src"), "KRONIEK_CACHE": cache})
    return float(out.stdout.strip())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    ap.add_argument("--limit", type=int, default=60)
    args = ap.parse_args()

    from kroniek.extract.actors import ActorStep
    from kroniek.extract.entities import EntityStep
    from kroniek.kb import default_kb
    from kroniek.model import Article
    from kroniek.nlp.frog import FrogParser
    from kroniek.pipeline import Work

    with tempfile.TemporaryDirectory() as cache:
        build = min(kb_load_seconds("load_kb", cache) for _ in range(2))
        kb_load_seconds("load_kb_cached", cache)  # writes the cache file
        cached = min(kb_load_seconds("load_kb_cached", cache) for _ in range(2))
    articles = load_articles(args.articles, args.limit)
    kb = default_kb()
    entity_step, actor_step = EntityStep(kb), ActorStep(kb)

    with FrogParser() as frog:
        t = time.perf_counter()
        parses = [frog.parse(text) for text, _ in articles]
        frog_s = time.perf_counter() - t
    tokens = sum(len(p.tokens) for p in parses)

    ent_s = act_s = 0.0
    entities = 0
    for (text, date), parsed in zip(articles, parses):
        work = Work(Article(id="b", text=text, date=date), parsed)
        t = time.perf_counter()
        work.annotations.update(entity_step(work))
        t2 = time.perf_counter()
        work.annotations.update(actor_step(work))
        t3 = time.perf_counter()
        ent_s += t2 - t
        act_s += t3 - t2
        entities += len(work.annotations["entities"])

    steps = ent_s + act_s
    print(f"articles {len(articles)}, tokens {tokens}, entities {entities}")
    print(f"kb-build  {build:8.2f} s (fresh process, from the tables, best of 2)")
    print(f"kb-load   {cached:8.2f} s (fresh process, from the cache file, best of 2)")
    print(f"frog      {frog_s:8.2f} s  {1000 * frog_s / tokens * 1000:8.1f} ms per 1,000 tokens")
    print(f"entities  {ent_s:8.3f} s  {1000 * ent_s / tokens * 1000:8.2f} ms per 1,000 tokens")
    print(f"actors    {act_s:8.3f} s  {1000 * act_s / tokens * 1000:8.2f} ms per 1,000 tokens")
    print(f"steps / frog = {steps / frog_s:.3f}  (throughput with the steps: {frog_s / (frog_s + steps):.3f} of Frog's)")


if __name__ == "__main__":
    main()
