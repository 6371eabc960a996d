"""Build the knowledge base from the package's tables and the user's own files.

Sources, in order (an id seen again adds codes, dates and aliases to the entry the
first source made):

1. ``countries.tsv``: countries with Dutch names, adjectives, demonyms, capitals, seats;
2. kroniek's curated actor tables: ``places.tsv``, ``organisations.tsv``,
   ``events.tsv``, ``people.tsv`` (office holders with dates);
3. ``phoenix_actors.tsv``: people and organisations from the Phoenix dictionaries;
4. the user's files (docs/KB.md), which may add entries or extend any of the above.

Dutch spellings of people's names are added here by the transliteration rules, so a
user's "Volodymyr Zelensky" is found as "Zelenski" too.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

import platformdirs

from .. import __version__
from ..files import write_atomically
from .knowledge import KnowledgeBase
from .names import inflect_adjective, name_key
from .records import KIND_OF_TYPE, AliasRef, KbEntry, Tenure, is_international
from .tables import KbFileError, ActorRow, data_text, read_actor_file, read_actor_table, read_table
from .translit import Transliterator, load_transliterator

CURATED_TABLES = ("places.tsv", "organisations.tsv", "events.tsv", "people.tsv")
GENERATED_TABLES = ("phoenix_actors.tsv",)
# Codes that start with a sector rather than a country (Phoenix's international actors).
SECTOR_PREFIX = {"IGO": "IGO", "NGO": "NGO", "MNC": "BUS", "IMG": "REB"}
# Countries whose people's family name comes first.
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "PRK", "KOR"})
# Name particles: never a person's surname alias on their own.
PARTICLES = frozenset("van von de der den del della di da du le la al el bin ibn ben ter ten".split())


class _Builder:
    """Collects entries and aliases while the sources are read."""

    def __init__(self, translit: Transliterator) -> None:
        self.entries: dict[str, KbEntry] = {}
        self.aliases: dict[str, list[AliasRef]] = {}
        self.countries: frozenset[str] = frozenset()
        self.translit = translit
        # Whether each (key, entry) was spelled in capitals only, to tell entries that
        # share a key apart by case (below, in build).
        self.all_caps: dict[tuple[str, str], bool] = {}

    def alias(self, name: str, ref: AliasRef) -> None:
        key = name_key(name)
        if not key:
            return
        if len(name) <= 8 and name.isupper() and sum(c.isalpha() for c in name) <= 3:
            ref = replace(ref, caps=True)
        seen = self.all_caps.get((key, ref.entry), True)
        self.all_caps[key, ref.entry] = seen and name.isupper()
        last = name.split()[-1]
        if " " in name.strip() and last[:1].islower():
            ref = replace(ref, lower_tail=True)
        refs = self.aliases.setdefault(key, [])
        for k, r in enumerate(refs):
            if r.entry == ref.entry and r.form == ref.form:
                if (ref.strong and not r.strong) or (r.caps and not ref.caps) or (ref.lower_tail and not r.lower_tail):
                    refs[k] = replace(r, strong=r.strong or ref.strong, caps=r.caps and ref.caps,
                                      lower_tail=r.lower_tail or ref.lower_tail)
                return
        refs.append(ref)

    # -- countries ---------------------------------------------------------------------

    def add_countries(self) -> None:
        text, where = data_text("countries.tsv")
        codes = []
        for n, row in read_table(text, where):
            if "__header__" in row:
                continue
            code = row["code"]
            if not re.fullmatch(r"[A-Z]{3}", code):
                raise KbFileError(f"{where}:{n}: bad country code {code!r}")
            codes.append(code)
            self.entries[code] = KbEntry(code, row["name"], "GPE", "country", code, None, code,
                                         adjective_en=row.get("adj_en") or None)
            for name in [row["name"], *_split(row["nl"]), *_split(row["other"])]:
                self.alias(name, AliasRef(code, "name"))
            for adj in _split(row["adj"]):
                self.alias(adj, AliasRef(code, "adjective"))
                self.alias(inflect_adjective(adj), AliasRef(code, "adjective"))
            for dem in _split(row["demonym"]):
                self.alias(dem, AliasRef(code, "demonym"))
            for column in ("capital", "seat"):
                names = _split(row[column])
                if not names:
                    continue
                english = names[1] if len(names) > 1 else names[0]
                place_id = f"{_slug(english)}_{code}"
                if place_id not in self.entries:
                    self.entries[place_id] = KbEntry(place_id, english, "GPE", "place", code, None, code,
                                                     seat_of=code)
                for name in names:
                    self.alias(name, AliasRef(place_id, "name"))
        self.countries = frozenset(codes)

    # -- actor tables ------------------------------------------------------------------

    def add_rows(self, rows: Iterable[ActorRow], source: str) -> None:
        by_id: dict[str, list[ActorRow]] = {}
        for r in rows:
            by_id.setdefault(r.id, []).append(r)
        for kb_id, group in by_id.items():
            self._add_entry(kb_id, group, source)

    def _add_entry(self, kb_id: str, rows: list[ActorRow], source: str) -> None:
        """One entry from its rows: dated rows (or rows naming an office or role) are
        tenures; the first undated row gives the entry's own code, which holds whenever
        no tenure does (Phoenix's convention). A later source extends an entry: its
        tenures are added, and its undated code only when the entry has none."""
        first = rows[0]
        old = self.entries.get(kb_id)
        dated = [r for r in rows if r.start or r.end or r.office or r.role]
        undated = [r for r in rows if not (r.start or r.end or r.office or r.role)]
        tenures = list(old.tenures) if old else []
        tenures.extend(Tenure(r.code or _join(r.country, r.sector), r.country or _inherited(r, first),
                              r.sector or self._sector(r.code), r.role, r.office, r.start, r.end)
                       for r in dated)
        static = undated[0] if undated else None
        if old is None:
            country = next((r.country for r in rows if r.country), None)
            entry = KbEntry(kb_id, first.name, first.type, KIND_OF_TYPE[first.type], country,
                            (static.sector or self._sector(static.code)) if static else None,
                            (static.code or _join(static.country, static.sector)) if static else None,
                            tuple(tenures), source)
        else:
            use = static is not None and old.code is None and old.sector is None
            entry = replace(old, country=old.country or first.country,
                            sector=(static.sector or self._sector(static.code)) if use else old.sector,
                            code=(static.code or _join(static.country, static.sector)) if use else old.code,
                            tenures=tuple(tenures))
        self.entries[kb_id] = entry
        self._add_aliases(entry, [first.name, *[a for r in rows for a in r.aliases]], source)
        for r in rows:
            for adj in r.adjectives:
                self.alias(adj, AliasRef(kb_id, "adjective"))
                self.alias(inflect_adjective(adj), AliasRef(kb_id, "adjective"))
            for dem in r.demonyms:
                self.alias(dem, AliasRef(kb_id, "demonym"))

    def _sector(self, code: str | None) -> str | None:
        """The sector a code implies: RUSGOV → GOV, IGOUNO → IGO, MNC → BUS."""
        if not code:
            return None
        prefix = code[:3]
        if prefix in self.countries:
            return code[3:6] or None
        return SECTOR_PREFIX.get(prefix, code[3:6] or None)

    def _add_aliases(self, entry: KbEntry, names: list[str], source: str) -> None:
        person = entry.kind == "person"
        if person:
            names = names + self.translit.variants(names, entry.country)
        for name in names:
            multiword = " " in name.strip()
            strong = multiword or (source != "phoenix" and not person)
            self.alias(name, AliasRef(entry.id, "name", strong))
            if person and multiword:
                # Chinese and Korean names put the family name first (Kim Jong-un, Xi Jinping).
                surname = name.split()[0] if entry.country in FAMILY_NAME_FIRST else name.split()[-1]
                if surname.casefold() not in PARTICLES and len(surname) > 2 and not surname.endswith("."):
                    self.alias(surname, AliasRef(entry.id, "surname", False))
                words = name.split()
                if len(words) == 3 and entry.country not in FAMILY_NAME_FIRST and words[1][:1].isupper() \
                        and words[1].casefold() not in PARTICLES and not words[1].endswith("."):
                    # News drops a middle name: "William Samoei Ruto" is "William Ruto".
                    self.alias(f"{words[0]} {words[2]}", AliasRef(entry.id, "name", True))

    def build(self) -> KnowledgeBase:
        self._caps_where_case_decides()
        return KnowledgeBase.build(self.entries, self.aliases, self.countries)

    def _caps_where_case_decides(self) -> None:
        """Where entries share a key and only some spell it in capitals ("PVDA" the
        Belgian party, "PvdA" the Dutch one), the capitals-only spellings need capitals
        in the text too."""
        for key, refs in self.aliases.items():
            entries = {r.entry for r in refs}
            if len(entries) < 2:
                continue
            caps = {e for e in entries if self.all_caps.get((key, e), False)}
            if caps and len(caps) < len(entries):
                refs[:] = [replace(r, caps=True) if r.entry in caps else r for r in refs]


def _split(field: str) -> list[str]:
    return [x.strip() for x in field.split("|") if x.strip()]


def _slug(name: str) -> str:
    return re.sub(r"[^A-Z0-9]+", "_", name_key(name).upper()).strip("_")


def _join(country: str | None, sector: str | None) -> str | None:
    return ((country or "") + (sector or "")) or None


def load_kb(user_files: Sequence[str | Path] = ()) -> KnowledgeBase:
    """A new knowledge base from the package's data and ``user_files`` (read in order)."""
    b = _Builder(load_transliterator())
    b.add_countries()
    for name in CURATED_TABLES:
        text, where = data_text(name)
        b.add_rows(read_actor_table(text, where, b.countries), "kroniek")
    for name in GENERATED_TABLES:
        text, where = data_text(name)
        b.add_rows(read_actor_table(text, where, b.countries), "phoenix")
    for path in user_files:
        b.add_rows(read_actor_file(path, b.countries), "user")
    return b.build()


# Bump when the knowledge base's records or indexes change shape: old cache files are ignored.
CACHE_FORMAT = "4"


def _fingerprint(user_files: Sequence[str | Path]) -> str:
    """A hash of everything a knowledge base is built from: kroniek's data and lexicon
    files, the code that builds it (so a changed rule in an editable install is not
    hidden by an old pickle), the user's files (names and contents) and the cache format."""
    h = hashlib.sha256(f"{CACHE_FORMAT}/{__version__}".encode())
    for ref in sorted(resources.files("kroniek").joinpath("kb").iterdir(), key=lambda r: r.name):
        if ref.name.endswith(".py"):
            h.update(ref.name.encode() + b"\x00" + ref.read_bytes())
    for folder in (resources.files("kroniek") / "kb" / "data", resources.files("kroniek") / "lexicons" / "nl"):
        for ref in sorted(folder.iterdir(), key=lambda r: r.name):
            if ref.is_file():
                h.update(ref.name.encode() + b"\x00" + ref.read_bytes())
    for path in user_files:
        p = Path(path)
        h.update(str(p.resolve()).encode() + b"\x00")
        try:
            h.update(p.read_bytes())
        except OSError:
            h.update(b"<unreadable>")  # load_kb will report it
    return h.hexdigest()


def cache_dir() -> Path:
    return Path(os.environ.get("KRONIEK_CACHE") or platformdirs.user_cache_dir("kroniek", appauthor=False)) / "kb"


def load_kb_cached(user_files: Sequence[str | Path] = (), folder: Path | None = None) -> KnowledgeBase:
    """:func:`load_kb`, kept as a pickle in the cache folder: building the knowledge base
    from its tables takes about a second, reading it back a fraction of that. The file
    is named by a hash of every input, so any change to data, lexicons or user files
    builds it anew; an unreadable cache file is rebuilt."""
    folder = folder or cache_dir()
    path = folder / f"{_fingerprint(user_files)}.pickle"
    try:
        with path.open("rb") as f:
            kb = pickle.load(f)
        if isinstance(kb, KnowledgeBase):
            return kb
    except (OSError, pickle.PickleError, EOFError, AttributeError, TypeError, ValueError):
        pass
    kb = load_kb(user_files)
    # A read-only or full cache folder costs time, nothing else.
    with contextlib.suppress(OSError):
        write_atomically(path, pickle.dumps(kb, protocol=pickle.HIGHEST_PROTOCOL))
    return kb


@lru_cache(maxsize=4)
def _cached(user_files: tuple[str, ...]) -> KnowledgeBase:
    return load_kb_cached(user_files)


def default_kb(user_files: Sequence[str | Path] = ()) -> KnowledgeBase:
    """The knowledge base for ``user_files``, loaded once per process and then shared.

    The knowledge base is read-only, so sharing it between pipelines and threads is
    safe; the cache holds a few combinations of user files.
    """
    return _cached(tuple(str(Path(p).resolve()) for p in user_files))


def _inherited(row: ActorRow, first: ActorRow) -> str | None:
    """The country a tenure row without one takes from its entry's first row: none for
    an international office (a NATO secretary general acts for no state)."""
    return None if is_international(row.sector, row.code) else first.country
