"""How many of the most-named places the map can place: coordinates for the top N.

Places are ranked as the map ranks them (events located there, then articles naming
them: kroniek.query.places). A place counts as placed when the gazetteer gives it
coordinates: by KB id, by a name the KB knows (Dutch or English), or by the language's
name list; "country" precision (a KB place drawn at its country's point) is counted
apart. The acceptance figure of issue 17 is at least 95 % of the top 100.

In a small database the top 100 reaches places named in one article, where parser
errors ("Twitter") and streets dominate; so two more figures are printed: the share of
place mentions (articles naming a place, summed over the top N) that get a point, and
the share of the top N among places named in at least ``--min-articles`` articles.

    python bench/map_coverage.py DB [--top 100] [--min-articles 2]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kroniek import query as Q
from kroniek.store import Store


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db", type=Path)
    ap.add_argument("--top", type=int, default=100)
    ap.add_argument("--min-articles", type=int, default=2)
    args = ap.parse_args()
    if not args.db.exists():
        print(f"no database at {args.db}", file=sys.stderr)
        return 2
    with Store.open_reader(args.db) as store:
        places = Q.places(store, limit=args.top)
        ranked = Q.places(store, limit=Q.MAX_LIMIT)
        docs = store.count()
    placed = [p for p in places if p.lat is not None]
    approx = [p for p in placed if p.precision == "country"]
    missing = [p for p in places if p.lat is None]
    share = 100 * len(placed) / max(1, len(places))
    print(f"{args.db.name}: {docs} documents; top {len(places)} places (by events, then articles)")
    print(f"placed: {len(placed)} ({share:.1f} %), of which {len(approx)} at their country's point; "
          f"without coordinates: {len(missing)}")
    weight = sum(p.documents for p in places)
    placed_weight = sum(p.documents for p in placed)
    print(f"place mentions placed (articles naming a top-{len(places)} place): {placed_weight} of {weight} "
          f"({100 * placed_weight / max(1, weight):.1f} %)")
    common = [p for p in ranked if p.documents >= args.min_articles][:args.top]
    common_placed = [p for p in common if p.lat is not None]
    print(f"top {len(common)} of the places named in at least {args.min_articles} articles: "
          f"{len(common_placed)} placed ({100 * len(common_placed) / max(1, len(common)):.1f} %)")
    for p in missing:
        print(f"  no coordinates: {p.name} (kb {p.kb_id or '-'}, {p.documents} articles, {p.events} events)")
    for p in approx:
        print(f"  approximate: {p.name} (kb {p.kb_id}, at {p.country})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
