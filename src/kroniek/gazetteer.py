"""Coordinates of place names, for maps: "coordinates when known".

The data is a plain file, ``lexicons/<lang>/places.tsv`` (name, latitude, longitude,
country code; see its header). Names are matched without regard to case. A place the
file does not know has no coordinates: the UI lists it without a point. When the actor
knowledge base carries coordinates, it can feed a Gazetteer the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from .errors import ConfigError
from .lexicons import lexicon_text


@dataclass(frozen=True)
class Coordinates:
    lat: float
    lon: float
    country: str | None


class Gazetteer:
    """Place names (lower-cased) and their coordinates; read-only once built."""

    def __init__(self, places: Mapping[str, Coordinates] | None = None) -> None:
        self._places = MappingProxyType({k.strip().lower(): v for k, v in (places or {}).items()})

    @classmethod
    def from_lines(cls, lines: list[str], where: str = "places") -> Gazetteer:
        out: dict[str, Coordinates] = {}
        for n, line in enumerate(lines, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) not in (3, 4):
                raise ConfigError(f"{where}:{n}: expected name, lat, lon[, country] separated by tabs")
            try:
                lat, lon = float(parts[1]), float(parts[2])
            except ValueError:
                raise ConfigError(f"{where}:{n}: latitude and longitude must be numbers") from None
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise ConfigError(f"{where}:{n}: coordinates out of range ({lat}, {lon})")
            country = parts[3].strip() or None if len(parts) == 4 else None
            out.setdefault(parts[0].strip().lower(), Coordinates(lat, lon, country))
        return cls(out)

    @classmethod
    def from_file(cls, path: str | Path) -> Gazetteer:
        p = Path(path)
        return cls.from_lines(p.read_text(encoding="utf-8").splitlines(), str(p))

    @classmethod
    def default(cls, lang: str = "nl") -> Gazetteer:
        return _packaged(lang)

    def lookup(self, name: str) -> Coordinates | None:
        return self._places.get(name.strip().lower())

    def __len__(self) -> int:
        return len(self._places)


# Read once per process: the packaged file does not change while kroniek runs.
@lru_cache(maxsize=4)
def _packaged(lang: str) -> Gazetteer:
    try:
        text, where = lexicon_text("places.tsv", lang)
    except FileNotFoundError:
        return Gazetteer()
    return Gazetteer.from_lines(text.splitlines(), where)
