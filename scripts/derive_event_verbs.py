#!/usr/bin/env python3
"""Candidate Dutch event verbs, derived from CAMEO's English verb synonym sets.

How the candidates are made (the curated result is `src/kroniek/lexicons/nl/events.txt`;
this script only proposes, a person decides):

1. CAMEO's verb dictionary (PETRARCH, `CAMEO.verbpatterns.*.txt`) groups English verbs in
   blocks headed ``--- NAME [code] ---``; the block's code says the CAMEO category.
2. PLOVER's conversion table (`CAMEO2PLOVER-*.txt`) turns the code into a PLOVER type
   and mode (the longest code prefix it lists).
3. Each English verb is looked up in Princeton WordNet 3.0 (`pwn30/index.verb`) for its
   verb senses; the Open Dutch WordNet links (`odwn/wn-*-nld.txt`, synset offset →
   Dutch lemma) give Dutch verbs for those senses, and the ODWN synonym list adds their
   Dutch synonyms.
4. Every Dutch candidate is counted in the DPG news corpus (`articles.jsonl`): the
   infinitive and its participle/past stems as whole words. Candidates news never uses
   are dropped; the rest are printed by type, most frequent first, with the English
   verbs that proposed them, for a person to turn into patterns with role frames.

Usage:
    scripts/derive_event_verbs.py --cameo CAMEO.verbpatterns.150430.txt \
        --plover CAMEO2PLOVER-2021.txt --wordnet DIR/wordnet_nl --dpg articles.jsonl > candidates.tsv
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

_BLOCK = re.compile(r"^---\s*([A-Z_]+)\s*\[(\d+)\]")


def cameo_blocks(path: Path) -> dict[str, list[str]]:
    """CAMEO code → English verbs of the blocks with that code."""
    out: dict[str, list[str]] = defaultdict(list)
    code = None
    for raw in path.read_text(encoding="latin-1").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        m = _BLOCK.match(line)
        if m:
            code = m.group(2)
            continue
        if code is None or not line or line.startswith(("-", " ", "~", "&", "+")):
            continue
        verb = line.split("{", 1)[0].strip().split()
        if len(verb) == 1 and verb[0].isalpha():
            out[code].append(verb[0].lower())
    return out


def plover_table(path: Path) -> dict[str, tuple[str, str]]:
    """CAMEO code → (PLOVER type, mode)."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d+):\s*([A-Z]+)\s*(?:,\s*([^,#]*))?", line)
        if m:
            out[m.group(1)] = (m.group(2), (m.group(3) or "").strip() or "-")
    return out


def plover_of(code: str, table: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    for k in range(len(code), 1, -1):
        if code[:k] in table:
            return table[code[:k]]
    return None


def english_senses(wordnet: Path) -> dict[str, list[str]]:
    out = {}
    for line in (wordnet / "pwn30" / "index.verb").read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        parts = line.split()
        lemma, n_ptr = parts[0], int(parts[3])
        offsets = parts[4 + n_ptr + 2:]
        out[lemma] = [o + "-v" for o in offsets[:3]]  # the three commonest senses
    return out


def dutch_by_sense(wordnet: Path) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for name in ("wn-omegawiki-nld.txt", "wn-wiktionary-nld.txt"):
        for line in (wordnet / "odwn" / name).read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) == 2 and parts[0].endswith("-v"):
                out[parts[0]].add(parts[1].strip().lower())
    return out


def dutch_synonyms(wordnet: Path) -> dict[str, list[str]]:
    out = {}
    for line in (wordnet / "odwn" / "synonyms.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        parts = line.split("\t")
        out[parts[0].lower()] = [p.lower() for p in parts[1:]]
    return out


def forms(infinitive: str) -> set[str]:
    """Rough word forms of a Dutch verb: infinitive, stem, stem+t, ge-participles."""
    if not infinitive.endswith("en") or " " in infinitive:
        return {infinitive}
    stem = infinitive[:-2]
    vowels = "aeiou"
    if len(stem) > 2 and stem[-1] == stem[-2]:
        stem = stem[:-1]  # zetten → zet
    elif len(stem) > 2 and stem[-1] not in vowels and stem[-2] in vowels and stem[-3] not in vowels:
        stem = stem[:-1] + stem[-2] + stem[-1]  # an open syllable keeps its long vowel: veroordelen → veroordeel
    stem = stem[:-1] + {"v": "f", "z": "s"}.get(stem[-1], stem[-1])  # geloven → geloof, reizen → reis
    return {infinitive, stem, stem + "t", stem + "d", stem + "de", stem + "te", stem + "den", stem + "ten",
            "ge" + stem + "d", "ge" + stem + "t"}


def dpg_counts(path: Path, words: set[str]) -> Counter:
    counts: Counter = Counter()
    with path.open(encoding="utf-8") as f:
        for line in f:
            text = json.loads(line).get("text") or ""
            for w in re.findall(r"[a-zëïéèöü]+", text.lower()):
                if w in words:
                    counts[w] += 1
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cameo", type=Path, required=True)
    ap.add_argument("--plover", type=Path, required=True)
    ap.add_argument("--wordnet", type=Path, required=True)
    ap.add_argument("--dpg", type=Path, required=True)
    ap.add_argument("--min-count", type=int, default=1)
    args = ap.parse_args()

    table = plover_table(args.plover)
    senses = english_senses(args.wordnet)
    dutch = dutch_by_sense(args.wordnet)
    synonyms = dutch_synonyms(args.wordnet)
    proposals: dict[tuple[str, str], set[str]] = defaultdict(set)  # (type, dutch) → english
    for code, verbs in cameo_blocks(args.cameo).items():
        plover = plover_of(code, table)
        if plover is None:
            continue
        for en in verbs:
            for sense in senses.get(en, ()):
                for nl in dutch.get(sense, ()):
                    for cand in {nl, *synonyms.get(nl, ())}:
                        if cand.endswith("en") and " " not in cand:
                            proposals[(plover[0], cand)].add(en)
    every_form = set().union(*(forms(nl) for _, nl in proposals)) if proposals else set()
    counts = dpg_counts(args.dpg, every_form)
    rows = []
    for (typ, nl), ens in proposals.items():
        n = sum(counts[f] for f in forms(nl))
        if n >= args.min_count:
            rows.append((typ, -n, nl, ",".join(sorted(ens))))
    print("type\tdutch\tdpg_count\tenglish")
    for typ, n, nl, ens in sorted(rows):
        print(f"{typ}\t{nl}\t{-n}\t{ens}")


if __name__ == "__main__":
    main()
