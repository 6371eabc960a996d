"""Write kb/data/country_points.tsv: one point inside each country, from Natural Earth.

Reads the world-atlas TopoJSON that the web UI ships (Natural Earth 1:50m admin-0
countries, public domain), finds each country's largest polygon (mainland France, not
French Guiana; the lower 48, not Alaska) and writes the area centroid of that polygon.
Countries are matched to the KB's ISO codes by name: the KB's English name and other
names, then the few Natural Earth abbreviations listed below. Countries Natural Earth
draws too small for 1:50m (or not at all) get no line: coordinates.tsv places them.

    python scripts/build_country_points.py [path/to/countries-50m.json]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ATLAS = REPO / "src/kroniek/api/static/vendor/world-atlas/countries-50m.json"
COUNTRIES = REPO / "src/kroniek/kb/data/countries.tsv"
OUT = REPO / "src/kroniek/kb/data/country_points.tsv"

# Natural Earth's short names that no KB name spells out.
NE_NAMES = {
    "United States of America": "USA", "Dem. Rep. Congo": "COD", "Congo": "COG",
    "Central African Rep.": "CAF", "Eq. Guinea": "GNQ", "S. Sudan": "SSD", "W. Sahara": "ESH",
    "Bosnia and Herz.": "BIH", "Dominican Rep.": "DOM", "Czechia": "CZE", "Macedonia": "MKD",
    "eSwatini": "SWZ", "Côte d'Ivoire": "CIV", "Solomon Is.": "SLB", "Marshall Is.": "MHL",
    "N. Mariana Is.": "MNP", "U.S. Virgin Is.": "VIR", "British Virgin Is.": "VGB",
    "Cayman Is.": "CYM", "Falkland Is.": "FLK", "Faeroe Is.": "FRO", "Cook Is.": "COK",
    "Turks and Caicos Is.": "TCA", "Pitcairn Is.": "PCN", "Fr. Polynesia": "PYF",
    "St. Vin. and Gren.": "VCT", "St. Kitts and Nevis": "KNA", "Antigua and Barb.": "ATG",
    "St. Pierre and Miquelon": "SPM", "Wallis and Futuna Is.": "WLF", "St-Martin": "MAF",
    "St-Barthélemy": "BLM", "São Tomé and Principe": "STP", "Timor-Leste": "TLS",
    "Cabo Verde": "CPV", "Palestine": "PSE", "Kosovo": "XKX", "Åland": "ALA",
    "Vatican": "VAT", "Micronesia": "FSM", "Laos": "LAO", "Brunei": "BRN", "Macao": "MAC",
    "Saint Helena": "SHN", "Curaçao": "CUW", "Sint Maarten": "SXM", "Greenland": "GRL",
    "Hong Kong": "HKG", "Taiwan": "TWN", "North Korea": "PRK", "South Korea": "KOR",
    "Russia": "RUS", "Syria": "SYR", "Iran": "IRN", "Vietnam": "VNM", "Moldova": "MDA",
    "Tanzania": "TZA", "Bolivia": "BOL", "Venezuela": "VEN", "Gambia": "GMB", "Bahamas": "BHS",
    "S. Geo. and the Is.": "SGS", "Br. Indian Ocean Ter.": "IOT", "Fr. S. Antarctic Lands": "ATF",
    "Heard I. and McDonald Is.": "HMD",
}


def _norm(name: str) -> str:
    return " ".join(name.lower().replace(".", " ").split())


def kb_codes() -> dict[str, str]:
    names: dict[str, str] = {}
    for line in COUNTRIES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("code\t"):
            continue
        f = line.split("\t")
        for n in [f[1], *f[2].split("|"), *f[3].split("|")]:
            if n.strip():
                names.setdefault(_norm(n), f[0])
    return names


def rings(topo: dict, geometry: dict) -> list[list[list[tuple[float, float]]]]:
    """The polygons (outer ring first) of a TopoJSON geometry, in degrees."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(refs: list[int]) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []
        for r in refs:
            pts = arcs[r] if r >= 0 else arcs[~r][::-1]
            out.extend(pts[1:] if out else pts)
        return out

    polys = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    return [[ring(rr) for rr in poly] for poly in polys]


def centroid(ring: list[tuple[float, float]]) -> tuple[float, float, float]:
    """Area and area centroid (lon, lat) of a ring on the plate carrée: near enough for a marker."""
    xs = [x for x, _ in ring]
    if max(xs) - min(xs) > 180:  # crosses the antimeridian (Russia, Fiji): count it east of it
        ring = [(x + 360 if x < 0 else x, y) for x, y in ring]
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        c = x0 * y1 - x1 * y0
        a += c
        cx += (x0 + x1) * c
        cy += (y0 + y1) * c
    if abs(a) < 1e-12:
        return 0.0, ring[0][0], ring[0][1]
    lon = cx / (3 * a)
    return abs(a) / 2, lon - 360 if lon > 180 else lon, cy / (3 * a)


def main(path: Path = ATLAS) -> int:
    topo = json.loads(path.read_text(encoding="utf-8"))
    codes = kb_codes()
    rows: dict[str, tuple[float, float]] = {}
    missed = []
    for g in topo["objects"]["countries"]["geometries"]:
        name = g["properties"]["name"]
        code = NE_NAMES.get(name) or codes.get(_norm(name))
        if not code or g.get("type") not in ("Polygon", "MultiPolygon"):
            missed.append(name)
            continue
        best = max((centroid(p[0]) for p in rings(topo, g)), key=lambda t: t[0])
        rows.setdefault(code, (round(best[2], 2), round(best[1], 2)))
    lines = ["# One point inside each country (the area centroid of its largest polygon), made by",
             "# scripts/build_country_points.py from Natural Earth 1:50m admin-0 countries (public",
             "# domain, via the world-atlas package the web UI ships). Do not edit by hand.",
             "code\tlat\tlon"]
    lines += [f"{c}\t{lat}\t{lon}" for c, (lat, lon) in sorted(rows.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} countries written to {OUT}; not matched: {', '.join(missed) or 'none'}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ATLAS))
