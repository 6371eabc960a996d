"""The knowledge base's records: entries, their date-ranged tenures, and alias references."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Actor

# What an entry is; decides how a match is used (a country's adjective, a capital's
# metonymy, a person's roles by date).
KINDS = ("country", "place", "organisation", "person", "event", "other")
KIND_OF_TYPE = {"PER": "person", "ORG": "organisation", "GPE": "place", "LOC": "place",
                "EVENT": "event", "MISC": "other"}

# How a surface form refers to its entry.
FORMS = ("name", "adjective", "demonym", "surname")

# Sources in order of trust: curated tables before generated ones before nothing.
SOURCE_RANK = {"kroniek": 0, "user": 0, "phoenix": 1}


def _padded(date: str | None, end: bool) -> str | None:
    """An ISO date of any precision as the first (or last) day it can mean."""
    if date is None:
        return None
    if len(date) == 4:
        return date + ("-12-31" if end else "-01-01")
    if len(date) == 7:
        return date + ("-31" if end else "-01")
    return date


@dataclass(frozen=True)
class Tenure:
    """A code (and role) an actor holds, from ``start`` to ``end`` (inclusive ISO dates; None: open)."""

    code: str | None
    country: str | None
    sector: str | None
    role: str | None = None
    office: str | None = None
    start: str | None = None
    end: str | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def overlap(self, first: str, last: str) -> bool:
        """Whether the tenure overlaps the days ``first``..``last`` (ISO dates)."""
        s, e = _padded(self.start, False), _padded(self.end, True)
        return (s is None or s <= last) and (e is None or e >= first)


@dataclass(frozen=True)
class KbEntry:
    """One actor, place or thing kroniek knows, with a canonical English name."""

    id: str
    name: str
    type: str                     # PER ORG LOC GPE EVENT MISC
    kind: str                     # see KINDS
    country: str | None
    sector: str | None
    code: str | None
    tenures: tuple[Tenure, ...] = ()
    source: str = "kroniek"
    # For capitals and seats of government: the country whose government they stand for.
    seat_of: str | None = None
    # For countries: the English adjective ("North Korean"), to name unnamed actors.
    adjective_en: str | None = None

    def tenure_on(self, first: str | None, last: str | None) -> Tenure | None:
        """The tenure that holds on the days first..last (None: the latest one).

        Dated tenures that overlap win (one with an office first, then the latest to
        start); then an undated default; with no date, the one that started last.
        """
        if not self.tenures:
            return None
        dated = [t for t in self.tenures if t.dated]
        if first is not None and last is not None:
            current = [t for t in dated if t.overlap(first, last)]
            if current:
                return max(current, key=lambda t: (t.office is not None, t.sector != "ELI",
                                                   _padded(t.start, False) or ""))
            undated = [t for t in self.tenures if not t.dated]
            return undated[0] if undated else None
        undated = [t for t in self.tenures if not t.dated]
        if dated:
            latest = max(dated, key=lambda t: (_padded(t.end, True) or "9999", t.office is not None,
                                               _padded(t.start, False) or ""))
            return latest
        return undated[0] if undated else None

    def actor(self, first: str | None = None, last: str | None = None) -> Actor:
        """The actor this entry is on the days first..last (ISO dates), or its latest."""
        t = self.tenure_on(first, last)
        if t is not None:
            # An international office acts for no state, whatever the holder's nationality.
            country = t.country or (None if is_international(t.sector, t.code) else self.country)
            sector = t.sector
            code = t.code or _join(country, sector)
            return Actor(code=code, country=country, sector=sector, role=t.role, kb_id=self.id)
        if self.kind == "person" and self.tenures and self.code is None:
            # Known only for roles held at other times: say who, and from where.
            country = self.country or next((t.country for t in self.tenures if t.country), None)
            return Actor(code=country, country=country, sector=None, role=None, kb_id=self.id)
        return Actor(code=self.code or _join(self.country, self.sector), country=self.country,
                     sector=self.sector, role=None, kb_id=self.id)


def is_international(sector: str | None, code: str | None) -> bool:
    """Whether an actor or office belongs to an international body (sector IGO, or a
    CAMEO code of one): it acts for no state, whatever its holder's nationality
    (the guidelines: an international organisation has no country)."""
    return sector == "IGO" or (code or "").startswith("IGO")


def _join(country: str | None, sector: str | None) -> str | None:
    if country is None and sector is None:
        return None
    return (country or "") + (sector or "")


@dataclass(frozen=True)
class AliasRef:
    """One thing a surface form can refer to: an entry, and how the form names it."""

    entry: str
    form: str = "name"
    # Whether a match of this form in running text may make a name by itself (multiword
    # full names, countries) or only label a name something else found (surnames).
    strong: bool = True
    # Written in capitals in the data (VS, EU, IS): the text must use capitals too.
    caps: bool = False
    # Ends in a lower-case word in the data ("Koreaans schiereiland"): a match may end in
    # a lower-case word; otherwise a name ends in a capitalized one.
    lower_tail: bool = False


def fit_case(text: str, refs: tuple[AliasRef, ...]) -> tuple[AliasRef, ...]:
    """The references a spelling allows: what the data writes in capitals only must be
    written so in the text ("VS" is the United States, "vs" is not; "PvdA" is the Dutch
    Labour Party, not the Belgian "PVDA")."""
    return refs if text.isupper() else tuple(r for r in refs if not r.caps)
