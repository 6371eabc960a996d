#!/usr/bin/env python3
"""How the event nouns of the lexicon are used in a news corpus (a check, not a builder).

For every noun of `lexicons/nl/event_nouns.txt` and every trigger noun of
`event_light_verbs.txt`, this counts in a JSON-lines corpus ({"text": ...} a line, e.g. the
DPG Media 2019 articles) how often the noun occurs (singular, plural, as the end of a
compound) and how often each preposition of its frames follows it within three words.
Nouns that never occur, or never with a frame preposition, are listed first: candidates
to drop or to give other frames. A curator reads the output; nothing is written to the
lexicon automatically.

Usage: scripts/event_noun_usage.py CORPUS.jsonl [--min 1]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from kroniek.extract.nominal_events import nominal_patterns


def _forms(noun: str) -> str:
    """A regex for the noun's singular and plural forms, alone or ending a compound."""
    stem = re.escape(noun)
    # Dutch plurals: -en, -s, -'s, with a doubled or dropped final consonant left to the
    # compound wildcard's tolerance ("aanval" → "aanvallen", "gesprek" → "gesprekken")
    last = re.escape(noun[-1])
    return rf"\b\w*{stem}(?:{last}?en|s|'s|n)?\b"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--min", type=int, default=1, help="report nouns seen fewer times than this")
    args = ap.parse_args(argv)
    texts = [json.loads(line).get("text", "") for line in args.corpus.open(encoding="utf-8") if line.strip()]
    corpus = "\n".join(texts).lower()
    preps: dict[str, set[str]] = {}
    types: dict[str, set[str]] = {}
    for p in nominal_patterns():
        noun = p.trigger.lemma
        preps.setdefault(noun, set()).update(s.prep for s in p.slots if s.prep)
        types.setdefault(noun, set()).add(p.type)
    rows = []
    for noun in sorted(preps):
        hits = [m.end() for m in re.finditer(_forms(noun), corpus)]
        with_prep: Counter[str] = Counter()
        for end in hits:
            window = corpus[end:end + 40].split()[:3]
            for prep in preps[noun]:
                if prep in window:
                    with_prep[prep] += 1
        rows.append((len(hits), noun, "/".join(sorted(types[noun])), with_prep))
    rows.sort()
    for n, noun, typ, with_prep in rows:
        flag = "UNSEEN " if n < args.min else ""
        frames = " ".join(f"{k}:{v}" for k, v in with_prep.most_common())
        print(f"{flag}{n:6d}  {noun:<22} {typ:<18} {frames}")
    unseen = sum(1 for n, *_ in rows if n < args.min)
    print(f"{len(rows)} nouns, {unseen} seen fewer than {args.min} times", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
