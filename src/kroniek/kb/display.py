"""Names to show for KB entries, in Dutch and English.

Entities carry the KB's English display name ("Netherlands", "The Hague"); a Dutch
reader expects "Nederland", "Den Haag". The Dutch names come from the KB's own tables:
a country's first ``nl`` name, a capital's or seat's first (Dutch) name, and a place's or
organisation's first alias in ``places.tsv`` and ``organisations.tsv`` (the tables list
the usual Dutch name first: "NAVO", "Europese Commissie"). People keep their one name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from .names import name_key
from .tables import data_text, read_table

LANGUAGES = ("nl", "en")


def _split(field: str | None) -> list[str]:
    return [x.strip() for x in (field or "").split("|") if x.strip()]


@dataclass(frozen=True)
class CountryNames:
    code: str
    en: str
    nl: str
    names: tuple[str, ...]   # every name and code it goes by, for matching what people type


@dataclass(frozen=True)
class DisplayNames:
    """Dutch names by KB id, and the countries by every name they go by."""

    dutch: Mapping[str, str]
    countries: Mapping[str, CountryNames]
    country_by_name: Mapping[str, str]   # name_key of any name -> code

    def name(self, kb_id: str | None, english: str, lang: str = "en") -> str:
        """The name of an entry in ``lang`` (nl or en); ``english`` when no Dutch one is known."""
        if lang == "nl" and kb_id:
            return self.dutch.get(kb_id, english)
        return english

    def country(self, text: str) -> str | None:
        """The ISO code of the country ``text`` names (a code, a Dutch or English name)."""
        t = text.strip()
        if len(t) == 3 and t.upper() in self.countries:
            return t.upper()
        return self.country_by_name.get(name_key(t))

    def countries_starting(self, prefix: str) -> list[CountryNames]:
        """Countries one of whose names (or a word of it) starts with ``prefix``, any case."""
        p = name_key(prefix)
        if len(p) < 2:
            return []
        out = []
        for c in self.countries.values():
            keys = [name_key(n) for n in c.names]
            if any(k.startswith(p) or any(w.startswith(p) for w in k.split()) for k in keys):
                out.append(c)
        return out


@lru_cache(maxsize=1)
def display_names() -> DisplayNames:
    """Read once per process: the packaged tables do not change while kroniek runs."""
    from .loader import _slug

    dutch: dict[str, str] = {}
    countries: dict[str, CountryNames] = {}
    by_name: dict[str, str] = {}
    text, where = data_text("countries.tsv")
    for _, row in read_table(text, where):
        if "__header__" in row:
            continue
        code = row["code"]
        nl = _split(row.get("nl"))
        names = tuple(dict.fromkeys([row["name"], *nl, *_split(row.get("other"))]))
        countries[code] = CountryNames(code, row["name"], nl[0] if nl else row["name"], names)
        if nl:
            dutch[code] = nl[0]
        for n in names:
            by_name.setdefault(name_key(n), code)
        for column in ("capital", "seat"):
            cap = _split(row.get(column))
            if cap:
                english = cap[1] if len(cap) > 1 else cap[0]
                dutch.setdefault(f"{_slug(english)}_{code}", cap[0])
    # Places and organisations: the tables list the usual Dutch name first among the
    # aliases ("Europese Commissie", "NAVO", "Vlaanderen"). Not taken: an English variant
    # of the name ("New York City"), or a long official name where the name is short.
    for table in ("places.tsv", "organisations.tsv"):
        text, where = data_text(table)
        for _, row in read_table(text, where):
            if "__header__" in row or not row.get("id") or row["id"] in dutch:
                continue
            aliases = [a for a in _split(row.get("aliases"))
                       if not a.startswith(row["name"]) and len(a) <= max(32, 2 * len(row["name"]))]
            if aliases:
                dutch[row["id"]] = aliases[0]
    return DisplayNames(MappingProxyType(dutch), MappingProxyType(countries), MappingProxyType(by_name))
