"""What the quote step costs next to Frog's parse of the same articles, measured in one run.

Parses N articles of the DPG corpus with one Frog process (timed, no cache), then runs
the quote step (quotes and attribution, on the baseline entities) over the same
parses several times and prints the milliseconds per 1,000 tokens of each and their
ratio: the share of a document's time the quote step adds to parsing.

    python bench/quote_step.py [--articles PATH] [--limit N] [--repeat R] [--show]

``--show`` prints every quote found, for reading the output by eye. ``--long`` also
parses the same articles joined into one long text and prints how much longer the quote
step takes on it than on the articles one by one (1.0: it grows linearly).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from kroniek.extract.attribution import find_attributions
from kroniek.extract.entities import extract_entities
from kroniek.extract.quotes import find_quotes
from kroniek.extract.speech_lexicon import load_speech_lexicon
from kroniek.nlp.frog import FrogParser

REPO = Path(__file__).resolve().parent.parent
DEFAULT_ARTICLES = REPO.parent / "shared" / "data" / "dpgmedia2019_nl" / "articles.jsonl"


def load_texts(path: Path, limit: int) -> list[str]:
    texts = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            text = (json.loads(line).get("text") or "").strip()
            if text:
                texts.append(text)
            if len(texts) >= limit:
                break
    return texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    ap.add_argument("--limit", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--long", action="store_true")
    args = ap.parse_args()

    texts = load_texts(args.articles, args.limit)
    lexicon = load_speech_lexicon()
    with FrogParser() as frog:
        t0 = time.perf_counter()
        parses = [frog.parse(t) for t in texts]
        frog_s = time.perf_counter() - t0
        joined = frog.parse("\n\n".join(texts)) if args.long else None
    tokens = sum(len(p.tokens) for p in parses)
    entities = [extract_entities(p) for p in parses]

    t0 = time.perf_counter()
    quotes = attributions = 0
    for _ in range(args.repeat):
        for p, ents in zip(parses, entities):
            found = find_quotes(p, ents, lexicon)
            quotes += len(found)
            attributions += len(find_attributions(p, ents, lexicon, found))
    step_s = (time.perf_counter() - t0) / args.repeat

    print(f"articles {len(texts)}, tokens {tokens}")
    print(f"frog parse      {1000 * frog_s / tokens * 1000:8.1f} ms per 1,000 tokens")
    print(f"quotes+sources  {1000 * step_s / tokens * 1000:8.2f} ms per 1,000 tokens "
          f"({quotes // args.repeat} quotes, {attributions // args.repeat} attributions)")
    print(f"ratio quote step / frog parse: {step_s / frog_s:.4f}")
    if joined is not None:
        joined_entities = extract_entities(joined)
        t0 = time.perf_counter()
        for _ in range(args.repeat):
            found = find_quotes(joined, joined_entities, lexicon)
            find_attributions(joined, joined_entities, lexicon, found)
        long_s = (time.perf_counter() - t0) / args.repeat
        print(f"one text of {len(joined.tokens)} tokens: {1000 * long_s / len(joined.tokens) * 1000:.2f} ms per "
              f"1,000 tokens; ratio long text / articles one by one: {long_s / step_s:.2f}")
    if args.show:
        for p, ents in zip(parses, entities):
            names = {e.id: e.name for e in ents}
            for q in find_quotes(p, ents, lexicon):
                spk = names.get(q.speaker) if q.speaker else None
                phrase = q.speaker_span.text if q.speaker_span else None
                print(f"[{q.kind:8} {q.rule:12}] {spk!s:>20} <{phrase}> | {q.text[:110]!r}")


if __name__ == "__main__":
    main()
