#!/usr/bin/env python3
"""Candidate event nouns for a curator: the lexicon's nouns widened through Dutch WordNet.

For every noun of `lexicons/nl/event_nouns.txt` (grouped by PLOVER type), this looks up
its synonyms in Open Dutch WordNet's synonym table (`synonyms.tsv`, CC BY-SA 4.0), keeps
the single-word candidates that are not in the lexicon yet, and counts how often each
occurs in a JSON-lines news corpus (singular or plural, alone or ending a compound).
Candidates that never occur in news are dropped; the rest are printed, most frequent
first, with the type they came from and the lexicon nouns that led to them. Senses are
mixed in WordNet ("aanval" → "benadering"), so a curator reads the list and adds, by
hand, only what is general Dutch for the type; nothing is written to the lexicon.

Usage: scripts/derive_event_nouns.py SYNONYMS.tsv CORPUS.jsonl [--min 2]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from kroniek.extract.nominal_events import nominal_patterns


def read_synonyms(path: Path) -> dict[str, set[str]]:
    """lemma → its synonyms, both ways (the table lists each pair under one of them)."""
    table: dict[str, set[str]] = defaultdict(set)
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        words = [w.strip().lower() for w in line.split("\t") if w.strip()]
        if len(words) < 2:
            continue
        head, rest = words[0], words[1:]
        table[head].update(rest)
        for w in rest:
            table[w].add(head)
    return table


def count_in(corpus: str, noun: str) -> int:
    last = re.escape(noun[-1])
    return len(re.findall(rf"\b\w*{re.escape(noun)}(?:{last}?en|s)?\b", corpus))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("synonyms", type=Path)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--min", type=int, default=2, help="drop candidates seen fewer times in the corpus")
    args = ap.parse_args(argv)
    synonyms = read_synonyms(args.synonyms)
    known: dict[str, str] = {}
    for p in nominal_patterns():
        if p.line > 200_000:  # the nouns of event_nouns.txt, not the words of light verbs ("druk", "zaak")
            known.setdefault(p.trigger.lemma, p.type)
    candidates: dict[tuple[str, str], set[str]] = defaultdict(set)
    for noun, typ in known.items():
        for cand in synonyms.get(noun, ()):
            # one word, a noun-like form (no infinitive "-en" verbs), not known yet
            if " " in cand or cand in known or cand.endswith("en") or len(cand) < 4:
                continue
            candidates[(cand, typ)].add(noun)
    texts = [json.loads(line).get("text", "") for line in args.corpus.open(encoding="utf-8") if line.strip()]
    corpus = "\n".join(texts).lower()
    rows = [(count_in(corpus, cand), cand, typ, sorted(src)) for (cand, typ), src in candidates.items()]
    rows = sorted((r for r in rows if r[0] >= args.min), reverse=True)
    for n, cand, typ, src in rows:
        print(f"{n:6d}  {typ:<10} {cand:<24} from {', '.join(src)}")
    print(f"{len(rows)} candidates seen at least {args.min} times", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
