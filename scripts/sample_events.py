#!/usr/bin/env python3
"""Count the events of a JSON-lines corpus with and without the learned layer, and draw a
random sample of the full pipeline's events to read against their sentences.

    .venv/bin/python scripts/sample_events.py $DATA/dpgmedia2019_nl/articles.jsonl \\
        --seed 14 -n 60 -o sample.tsv

Frog's parses go through kroniek's parse cache, so a second run is fast. The sample is a
TSV (document, type, source, target, modality, trigger, confidence, origin, sentence)
with an empty verdict column for the reader (docs/EVALUATION.md, the DPG sample). The
origin says whether the pattern rules alone give the event ("rules") or only the
learned layer does ("layer"); ``--origin`` draws from one of them.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kroniek.config import Config, EventsConfig  # noqa: E402
from kroniek.model import Article  # noqa: E402
from kroniek.nlp.cache import CachingParser  # noqa: E402
from kroniek.nlp.frog import FrogParser  # noqa: E402
from kroniek.pipeline import Pipeline  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, help="JSON lines with id, text and optionally date")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("-n", type=int, default=60, help="events to draw")
    ap.add_argument("-o", "--out", type=Path, default=None, help="the sample as TSV (default: stdout)")
    ap.add_argument("--origin", choices=("all", "rules", "layer"), default="all",
                    help="draw from all events, those the rules alone give, or those only the layer adds")
    ap.add_argument("--max-chars", type=int, default=100_000, help="longer texts are left out")
    args = ap.parse_args(argv)
    full, rules = Pipeline(), Pipeline(config=Config(events=EventsConfig(learned=False)))
    parser = CachingParser(FrogParser(None), None)
    articles = rule_count = 0
    rows = []
    try:
        with args.corpus.open(encoding="utf-8") as f:
            for k, line in enumerate(f):
                record = json.loads(line)
                text = (record.get("text") or "").strip()
                if not text or len(text) > args.max_chars:
                    continue
                article = Article(id=str(record.get("id", k)), text=text,
                                  date=str(record.get("date") or record.get("published_at") or "2019")[:10])
                parsed = parser.parse(text)
                articles += 1
                by_rules = {(v.type, v.trigger.start) for v in rules.annotate_parsed(article, parsed).events}
                rule_count += len(by_rules)
                doc = full.annotate_parsed(article, parsed)
                names = {e.id: f"{e.name} ({e.actor.country if e.actor else None})" for e in doc.entities}
                for v in doc.events:
                    origin = "rules" if (v.type, v.trigger.start) in by_rules else "layer"
                    rows.append((article.id, v.type, names.get(v.source, "?"), names.get(v.target, "?"),
                                 v.modality, v.trigger.text, str(v.confidence), origin,
                                 " ".join(text[v.sentence.start:v.sentence.end].split())))
    finally:
        parser.close()
    print(f"{articles} articles: rules alone {rule_count} events ({rule_count / max(articles, 1):.2f} an article), "
          f"with the learned layer {len(rows)} ({len(rows) / max(articles, 1):.2f} an article)", file=sys.stderr)
    if args.origin != "all":
        rows = [r for r in rows if r[7] == args.origin]
    random.seed(args.seed)
    sample = random.sample(rows, min(args.n, len(rows)))
    lines = ["n\tverdict\tdocument\ttype\tsource\ttarget\tmodality\ttrigger\tconfidence\torigin\tsentence"]
    lines += [f"{n}\t\t" + "\t".join(row) for n, row in enumerate(sample, 1)]
    text = "\n".join(lines) + "\n"
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
