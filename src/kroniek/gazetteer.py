"""Coordinates of places, for maps: by knowledge-base id first, then by any name.

Entities carry the KB's id (``USA``, ``HANOI_VNM``) and its English display name, while
articles write Dutch names ("Verenigde Staten", "Brussel"): keying coordinates by
name alone missed most places. So coordinates are looked up

1. by KB id: every country has a point (``kb/data/country_points.tsv``, made from
   Natural Earth), capitals, seats and well-known places their own
   (``kb/data/coordinates.tsv``); a KB place without its own point stands at its
   country's point, marked ``precision="country"``;
2. by name: every name the KB knows for a place or country (Dutch and English,
   official and short forms) leads to its entry, and so to step 1;
3. by the language's own list of names (``lexicons/<lang>/places.tsv``), for places
   the KB does not know;
4. by GeoNames' towns and villages (``kb/data/geonames_places.tsv``: every place in
   the Netherlands and Belgium with 500 or more inhabitants under each of its names,
   larger places elsewhere; made by ``scripts/build_geonames_places.py``, CC BY 4.0).

A place none of these know has no coordinates: the UI lists it without a point.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from .errors import ConfigError
from .lexicons import lexicon_text

PRECISIONS = ("place", "country")


@dataclass(frozen=True)
class Coordinates:
    lat: float
    lon: float
    country: str | None
    precision: str = "place"   # place: its own point; country: its country's point stands in


def _rows(lines: list[str], where: str, columns: int) -> list[tuple[int, list[str]]]:
    """Tab-separated data lines (not comments, blank lines or the header) and their numbers."""
    out = []
    for n, line in enumerate(lines, 1):
        line = line.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("\t")
        if parts[0] in ("id", "code", "name") and n <= 12 and parts[1:2] == ["lat"]:
            continue
        if len(parts) not in (columns - 1, columns):
            raise ConfigError(f"{where}:{n}: expected {columns - 1 if columns == 4 else columns} "
                              "tab-separated fields: name or id, lat, lon"
                              + (", country" if columns == 4 else ""))
        out.append((n, parts))
    return out


def _point(parts: list[str], where: str, n: int) -> tuple[float, float]:
    try:
        lat, lon = float(parts[1]), float(parts[2])
    except ValueError:
        raise ConfigError(f"{where}:{n}: latitude and longitude must be numbers") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ConfigError(f"{where}:{n}: coordinates out of range ({lat}, {lon})")
    return lat, lon


class Gazetteer:
    """Coordinates by KB id and by name (lower-cased); read-only once built.

    ``resolve_name`` turns a name into a KB id (the KB's alias index); without one,
    only the plain name table is used.
    """

    def __init__(self, places: Mapping[str, Coordinates] | None = None,
                 ids: Mapping[str, Coordinates] | None = None,
                 resolve_name: Callable[[str], str | None] | None = None) -> None:
        self._places = MappingProxyType({k.strip().lower(): v for k, v in (places or {}).items()})
        self._ids = MappingProxyType(dict(ids or {}))
        self._resolve_name = resolve_name

    @classmethod
    def from_lines(cls, lines: list[str], where: str = "places") -> Gazetteer:
        """A name table: name, lat, lon[, country code] a line."""
        out: dict[str, Coordinates] = {}
        for n, parts in _rows(lines, where, 4):
            lat, lon = _point(parts, where, n)
            country = (parts[3].strip() or None) if len(parts) == 4 else None
            out.setdefault(parts[0].strip().lower(), Coordinates(lat, lon, country))
        return cls(out)

    @classmethod
    def from_file(cls, path: str | Path) -> Gazetteer:
        p = Path(path)
        return cls.from_lines(p.read_text(encoding="utf-8").splitlines(), str(p))

    @classmethod
    def default(cls, lang: str = "nl") -> Gazetteer:
        return _packaged(lang)

    def by_id(self, kb_id: str | None) -> Coordinates | None:
        return self._ids.get(kb_id) if kb_id else None

    def lookup(self, name: str, kb_id: str | None = None) -> Coordinates | None:
        """Coordinates of a place by its KB id, else by a name the KB or the name table knows."""
        found = self.by_id(kb_id)
        if found is None and self._resolve_name is not None:
            found = self.by_id(self._resolve_name(name))
        if found is None or found.precision == "country":
            # a KB place without a point of its own (Istanbul) may have one in the name
            # tables: better its own point than its country's
            found = self._places.get(name.strip().lower()) or found
        return found

    def __len__(self) -> int:
        return len(self._places) + len(self._ids)


def _id_points(kb) -> dict[str, Coordinates]:
    """KB id -> point for every country and place entry of the KB."""
    from .kb.loader import data_text

    ids: dict[str, Coordinates] = {}
    for name in ("country_points.tsv", "coordinates.tsv"):
        text, where = data_text(name)
        for n, parts in _rows(text.splitlines(), where, 3):
            lat, lon = _point(parts, where, n)
            entry = kb.entry(parts[0])
            if entry is None:
                raise ConfigError(f"{where}:{n}: {parts[0]!r} is no KB id")
            ids[parts[0]] = Coordinates(lat, lon, entry.country)
    # Capitals stand for their country where the country has no polygon of its own
    # (Natural Earth leaves out the smallest); then other places stand at their country.
    for entry in kb.entries.values():
        if entry.seat_of and entry.seat_of not in ids and entry.id in ids:
            ids[entry.seat_of] = replace(ids[entry.id], country=entry.seat_of)
    for entry in kb.entries.values():
        if entry.id not in ids and entry.type in ("GPE", "LOC") and entry.country in ids:
            ids[entry.id] = replace(ids[entry.country], country=entry.country, precision="country")
    return ids


def _name_resolver(kb, ids: Mapping[str, Coordinates]) -> Callable[[str], str | None]:
    """A name -> the KB id of the first place or country it names that has a point."""
    def resolve(name: str) -> str | None:
        for ref in kb.refs(name):
            if ref.form == "name" and ref.entry in ids:
                return ref.entry
        return None
    return resolve


# Read once per process: the packaged files do not change while kroniek runs.
@lru_cache(maxsize=4)
def _packaged(lang: str) -> Gazetteer:
    from .kb.loader import default_kb

    from .kb.loader import data_text

    try:
        text, where = lexicon_text("places.tsv", lang)
        names = dict(Gazetteer.from_lines(text.splitlines(), where)._places)
    except FileNotFoundError:
        names = {}
    # GeoNames' towns come last: the language's own list wins where both name a place
    text, where = data_text("geonames_places.tsv")
    for name, point in Gazetteer.from_lines(text.splitlines(), where)._places.items():
        names.setdefault(name, point)
    kb = default_kb()
    ids = _id_points(kb)
    return Gazetteer(names, ids, _name_resolver(kb, ids))
