"""Scoring time expressions against TIMEX3 gold: kroniek's seed gold format and TimeML.

Two gold formats are read into the same records:

- the seed format (docs/GOLD_FORMAT.md): the article
  text and its times as ``text``/``type``/``value_full``/``value_header``. Each file
  gives one or two *settings*: "header" (the date the crawl header gives, often only a
  month; values from ``value_header``) and "full" (``dct_full`` or ``dct_true``; values
  from ``value_full``). Gold times carry no offsets; they are found in the text in order.
- TimeML (``.tml``, as in TempEval-3): the DCT from the ``CREATION_TIME`` TIMEX3, the
  text of ``<TEXT>`` with its inline ``TIMEX3`` spans; one setting, "dct".

Matching is one-to-one: *strict* when the spans are identical, *relaxed* when they
overlap (TempEval-3's two measures). Type and value are judged on relaxed matches. A
gold value "2018-05~wd4" (a Thursday near May 2018, known only by its weekday) accepts
a system value in that month with weekday 4 ("2018-05-XX" with weekday 4, or a Thursday
within seven days of the month). Under the header, a gold month ("2018-05", a day the
header cannot fix) accepts kroniek's unknown day of that month ("2018-05-XX"), and a
gold weekday accepts one with a part of the day ("2018-05-XXTNI").
"""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import EvalError
from .metrics import one_to_one, prf
from ..model import ParsedDoc, Time

SETTING_ORDER = ("full", "header", "dct")
_WEEKDAY_VALUE = re.compile(r"^(\d{4})-(\d{2})~wd([1-7])$")
_MONTH_VALUE = re.compile(r"^\d{4}-\d{2}$")
_PART_OF_DAY = re.compile(r"T(MO|AF|EV|NI|DT)")


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class GoldTime:
    start: int
    end: int
    text: str
    type: str
    value: str | None


@dataclass(frozen=True)
class GoldSetting:
    """One way to score a text: a DCT and the gold values that go with it."""

    name: str            # "full", "header" or "dct"
    dct: str
    times: tuple[GoldTime, ...]


@dataclass(frozen=True)
class GoldDoc:
    id: str
    path: str
    text: str
    settings: tuple[GoldSetting, ...]


@dataclass(frozen=True)
class Match:
    gold: GoldTime
    system: Time
    strict: bool
    type_ok: bool
    value_ok: bool


@dataclass
class Counts:
    """Counts for one setting, summed over documents."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0
    documents: int = 0

    def add(self, other: Counts) -> None:
        for name in ("gold", "system", "strict", "relaxed", "type_ok", "value_ok", "documents"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    _prf = staticmethod(prf)

    def figures(self) -> dict[str, float | int]:
        """Precision, recall, F1 (strict and relaxed spans), type and value accuracy, value F1."""
        sp, sr, sf = self._prf(self.strict, self.system, self.gold)
        rp, rr, rf = self._prf(self.relaxed, self.system, self.gold)
        vp, vr, vf = self._prf(self.value_ok, self.system, self.gold)
        return {
            "documents": self.documents, "gold": self.gold, "system": self.system,
            "strict_p": sp, "strict_r": sr, "strict_f1": sf,
            "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf,
            "type_accuracy": self.type_ok / self.relaxed if self.relaxed else 0.0,
            "value_accuracy": self.value_ok / self.relaxed if self.relaxed else 0.0,
            "value_p": vp, "value_r": vr, "value_f1": vf,
        }


@dataclass(frozen=True)
class SettingResult:
    """One document scored in one setting, with what went wrong."""

    doc_id: str
    setting: str
    dct: str
    counts: Counts
    matches: tuple[Match, ...]
    missed: tuple[GoldTime, ...]
    spurious: tuple[Time, ...]


@dataclass
class TimesReport:
    results: list[SettingResult] = field(default_factory=list)

    def by_setting(self) -> dict[str, Counts]:
        totals: dict[str, Counts] = {}
        for r in self.results:
            totals.setdefault(r.setting, Counts()).add(r.counts)
        return dict(sorted(totals.items(), key=lambda kv: SETTING_ORDER.index(kv[0])
                           if kv[0] in SETTING_ORDER else len(SETTING_ORDER)))

    def to_dict(self) -> dict[str, object]:
        return {"settings": {name: c.figures() for name, c in self.by_setting().items()},
                "documents": [{"id": r.doc_id, "setting": r.setting, "dct": r.dct,
                               **r.counts.figures()} for r in self.results]}


# --------------------------------------------------------------------------- loading


def _locate(text: str, gold_texts: list[str], where: str) -> list[tuple[int, int]]:
    """Offsets of each gold text, taking occurrences in order; EvalError when one is absent."""
    spans: list[tuple[int, int]] = []
    used: set[int] = set()
    pos = 0
    for g in gold_texts:
        if not g:
            raise EvalError(f"{where}: a gold time has empty text")
        found = text.find(g, pos)
        if found < 0:  # out of order in the file: the first unused occurrence anywhere
            found = next((m.start() for m in re.finditer(re.escape(g), text) if m.start() not in used), -1)
        if found < 0:
            raise EvalError(f"{where}: gold time {g!r} does not occur in the text")
        used.add(found)
        spans.append((found, found + len(g)))
        pos = found + len(g)
    return spans


def load_seed_gold(path: str | Path) -> GoldDoc:
    """A gold file in the seed format (GOLD_FORMAT.md); EvalError when it is malformed."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EvalError(f"{path}: not a gold file in the seed format ({type(exc).__name__}: {exc})") from None
    return seed_gold(data, path)


def seed_gold(data: dict, path: str | Path) -> GoldDoc:
    """The times of a seed-format gold file already read (``path`` names it in errors)."""
    path = Path(path)
    try:
        text = data["text"]
        times = data.get("times") or []
        texts = [t["text"] for t in times]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise EvalError(f"{path}: not a gold file in the seed format ({type(exc).__name__}: {exc})") from None
    spans = _locate(text, texts, str(path))
    settings = []
    full_dct = data.get("dct_full") or data.get("dct_true")
    for name, dct, key in (("full", full_dct, "value_full"), ("header", data.get("header_date"), "value_header")):
        if not dct:
            continue
        gold = tuple(GoldTime(s, e, t["text"], t.get("type", "DATE"), t.get(key)) for (s, e), t in zip(spans, times))
        settings.append(GoldSetting(name, str(dct), gold))
    if not settings:
        raise EvalError(f"{path}: the gold file gives no document date (header_date, dct_full or dct_true)")
    return GoldDoc(id=str(data.get("id") or path.stem), path=str(path), text=text, settings=tuple(settings))


def _timeml_text(element: ET.Element) -> tuple[str, list[tuple[int, int, ET.Element]]]:
    """The text inside ``element`` with the spans of the TIMEX3 elements in it."""
    parts: list[str] = []
    spans: list[tuple[int, int, ET.Element]] = []
    length = 0

    def walk(el: ET.Element) -> None:
        nonlocal length
        start = length
        if el.text:
            parts.append(el.text)
            length += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)
        if el.tag == "TIMEX3" and el is not element:
            spans.append((start, length, el))

    walk(element)
    return "".join(parts), spans


def load_timeml(path: str | Path) -> GoldDoc:
    """A TimeML file: DCT from the CREATION_TIME TIMEX3, gold TIMEX3 spans inside <TEXT>."""
    path = Path(path)
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise EvalError(f"{path}: not a readable TimeML file ({exc})") from None
    dct_el = next((t for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"), None)
    body = root.find("TEXT")
    if dct_el is None or not dct_el.get("value") or body is None:
        raise EvalError(f"{path}: TimeML without a CREATION_TIME TIMEX3 or without <TEXT>")
    text, spans = _timeml_text(body)
    times = tuple(GoldTime(s, e, text[s:e], el.get("type", "DATE"), el.get("value"))
                  for s, e, el in sorted(spans, key=lambda x: x[0]))
    doc_id = (root.findtext("DOCID") or path.stem).strip()
    return GoldDoc(id=doc_id, path=str(path), text=text,
                   settings=(GoldSetting("dct", _dct_of(dct_el.get("value", "")), times),))


def _dct_of(value: str) -> str:
    """A TimeML DCT value as kroniek's date: "2013-03-22T10:00:00" stays, "19980206" is dashed."""
    if re.fullmatch(r"\d{8}", value):
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"
    return value


def gold_files(paths: Iterable[str | Path]) -> list[Path]:
    """The gold files named or inside the folders named: ``*.json`` (seed format) and ``*.tml``."""
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found.extend(sorted(x for x in p.rglob("*") if x.suffix in (".json", ".tml") and x.is_file()))
        elif p.is_file():
            found.append(p)
        else:
            raise EvalError(f"{p}: no such file or folder")
    return found


def load_gold(path: str | Path) -> GoldDoc:
    path = Path(path)
    if path.suffix == ".tml":
        return load_timeml(path)
    if path.suffix == ".json":
        return load_seed_gold(path)
    raise EvalError(f"{path}: unknown gold format (expected .json in the seed format or .tml TimeML)")


# --------------------------------------------------------------------------- scoring


def value_matches(gold: str | None, value: str | None, weekday: int | None, header: bool = False) -> bool:
    """Whether a system value agrees with a gold value (see the module doc for "~wd").

    ``header``: the gold is a ``value_header``, which writes a day the month header
    cannot fix ("gisteren") as the month ("2018-10") and a weekday without its part of
    the day; kroniek writes the same as an unknown day ("2018-10-XX", "2018-10-XXTNI"
    with its weekday), so those agree.
    """
    if gold is None or value is None:
        return gold == value
    if header and _MONTH_VALUE.match(gold) and value.startswith(gold + "-XX"):
        return True
    m = _WEEKDAY_VALUE.match(gold)
    if not m:
        return value == gold
    year, month, wd = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if weekday is not None and weekday != wd:
        return False
    unknown_day = f"{year:04d}-{month:02d}-XX"
    if value == unknown_day or (header and _PART_OF_DAY.fullmatch(value[len(unknown_day):])
                                and value.startswith(unknown_day)):
        return weekday == wd
    try:
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        return False
    first = dt.date(year, month, 1)
    last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return day.isoweekday() == wd and first - dt.timedelta(days=7) <= day <= last + dt.timedelta(days=7)


def score_setting(doc_id: str, setting: GoldSetting, system: Iterable[Time]) -> SettingResult:
    """Match system times to the gold times of one setting, one to one."""
    system = list(system)
    gold = list(setting.times)
    pairs = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > 0:
                pairs.append((-(g.start == s.start and g.end == s.end), -overlap, gi, si))
    used_g = one_to_one(pairs)
    used_s = set(used_g.values())
    matches = []
    for gi, si in used_g.items():
        g, s = gold[gi], system[si]
        value_ok = value_matches(g.value, s.value, s.weekday, header=setting.name == "header")
        exact = (g.start, g.end) == (s.start, s.end)
        matches.append(Match(g, s, exact, g.type == s.type, value_ok))
    counts = Counts(gold=len(gold), system=len(system), strict=sum(m.strict for m in matches),
                    relaxed=len(matches), type_ok=sum(m.type_ok for m in matches),
                    value_ok=sum(m.value_ok for m in matches), documents=1)
    matches.sort(key=lambda m: m.gold.start)
    return SettingResult(doc_id, setting.name, setting.dct, counts, tuple(matches),
                         tuple(g for i, g in enumerate(gold) if i not in used_g),
                         tuple(s for i, s in enumerate(system) if i not in used_s))


def evaluate_times(docs: Iterable[GoldDoc], parse: Callable[[str], ParsedDoc],
                   find: Callable[[ParsedDoc, str], tuple[Time, ...]],
                   progress: Callable[[int], None] | None = None) -> TimesReport:
    """Parse each gold text once, find its times in every setting, and score them."""
    report = TimesReport()
    for doc in docs:
        parsed = parse(doc.text)
        for setting in doc.settings:
            report.results.append(score_setting(doc.id, setting, find(parsed, setting.dct)))
        if progress:
            progress(1)
    return report
