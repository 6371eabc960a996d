"""Everything at once against gold files in the seed's format (GOLD_FORMAT.md).

One run over a folder of gold files scores, for each date setting:

- entities: a gold entity (canonical name, mention strings) matches one kroniek entity,
  one to one, when they share text (any occurrence of a gold mention overlaps one of the
  entity's mentions) or the same name; the pair sharing most characters goes first;
- actor countries: over entities with a country on each side, a matched pair with the
  same country is right (precision over kroniek's entities with a country, recall over
  the gold's);
- times: the times scorer (:mod:`kroniek.eval.times`) on the document's times, span
  strict and relaxed, type and value (``value_header`` or ``value_full`` by setting);
- events (:func:`kroniek.eval.events.match_events`): dyad (the country pair, any type),
  typed (type and the pair), typed and dated, modality and direction on typed matches,
  per type; repeats of a matched event count as neither right nor wrong;
- quotes (:mod:`kroniek.eval.quotes`): span overlap, and quote speakers: a quote is right
  when it overlaps a gold quote and its speaker entity has the gold speaker among its
  names or mentions (precision over kroniek's quotes, recall over the gold's).

Settings: "header" dates every text by its crawl header (``header_date``, what kroniek
sees in a corpus); "full" by the true date (``dct_full``, else ``dct_true``) and covers
only the files that give one. The scorers take an ``annotate(text, date) ->
(Document, ParsedDoc)`` callable, so the caller decides how texts are parsed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..errors import EvalError
from ..model import Document, Entity, ParsedDoc
from . import quotes as quote_eval
from . import times as time_eval
from .events import (PRF, Accuracy, Annotate, EventMatch, GoldEvent, SeedScores, actor_country, count_matches,
                     country_of, date_matches, gold_files, match_events)
from .metrics import one_to_one

SETTINGS = ("header", "full")


# --------------------------------------------------------------------------- gold records


@dataclass(frozen=True)
class GoldEntity:
    name: str
    type: str
    country: str | None
    mentions: tuple[str, ...]
    # Every occurrence of every mention string in the text, as whole words.
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class GoldFile:
    id: str
    path: str
    text: str
    dates: tuple[tuple[str, str], ...]           # (setting, date) for each setting the file gives
    entities: tuple[GoldEntity, ...]
    events: tuple[GoldEvent, ...]
    times: time_eval.GoldDoc
    quotes: quote_eval.GoldDoc


def _occurrences(text: str, mention: str) -> list[tuple[int, int]]:
    # Whole words only: "VS" must not hit inside "EVS".
    pattern = r"(?<!\w)" + re.escape(mention) + r"(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def load_gold_file(path: str | Path) -> GoldFile:
    """One gold file with everything in it placed in its text; EvalError when malformed."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        text = data["text"]
        entities = []
        for e in data.get("entities") or []:
            mentions = tuple(m for m in e.get("mentions") or [] if isinstance(m, str) and m)
            spans = sorted({s for m in mentions for s in _occurrences(text, m)})
            entities.append(GoldEntity(str(e["name"]), str(e.get("type")), e.get("country"), mentions,
                                       tuple(spans)))
        events = tuple(GoldEvent.from_dict(g, text) for g in data.get("events") or [])
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise EvalError(f"{path}: not a gold file in the seed format ({type(exc).__name__}: {exc})") from None
    dates = tuple((name, d) for name, d in (("header", data.get("header_date")),
                                            ("full", data.get("dct_full") or data.get("dct_true"))) if d)
    if not dates:
        raise EvalError(f"{path}: the gold file gives no document date (header_date, dct_full or dct_true)")
    return GoldFile(id=str(data.get("id") or path.stem), path=str(path), text=text, dates=dates,
                    entities=tuple(entities), events=events, times=time_eval.seed_gold(data, path),
                    quotes=quote_eval.gold_doc(data, path))


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Detail:
    """One thing that went wrong, for ``--details``: a miss, an extra or a wrong value."""

    file: str
    section: str        # entity, country, time, event, quote, speaker
    kind: str           # missed, extra, wrong
    what: str
    sentence: str


@dataclass
class SettingScores:
    setting: str
    files: int = 0
    entities: PRF = field(default_factory=PRF)
    countries: PRF = field(default_factory=PRF)
    entity_types: dict[str, PRF] = field(default_factory=dict)
    times: time_eval.Counts = field(default_factory=time_eval.Counts)
    dyad: PRF = field(default_factory=PRF)
    events: SeedScores = field(default_factory=lambda: SeedScores("typed"))
    direction: Accuracy = field(default_factory=Accuracy)
    # Gold events with any kroniek event in their sentence: how much a finer match could win.
    in_sentence: Accuracy = field(default_factory=Accuracy)
    gold_repeats: int = 0
    found_repeats: int = 0
    quotes: quote_eval.Counts = field(default_factory=quote_eval.Counts)
    quote_kinds: dict[str, quote_eval.Counts] = field(default_factory=dict)
    speakers: PRF = field(default_factory=PRF)
    details: list[Detail] = field(default_factory=list)

    def to_dict(self) -> dict:
        typed = self.events
        return {
            "setting": self.setting, "files": self.files,
            "entities": self.entities.to_dict(), "actor_countries": self.countries.to_dict(),
            "entities_per_type": {k: v.to_dict() for k, v in sorted(self.entity_types.items())},
            "times": self.times.figures(),
            "events": {"dyad": self.dyad.to_dict(), "typed": typed.events.to_dict(),
                       "typed_dated": typed.with_date.to_dict(), "modality": typed.modality.to_dict(),
                       "direction": self.direction.to_dict(), "gold_with_event_in_sentence": self.in_sentence.to_dict(),
                       "repeats": {"gold": self.gold_repeats, "kroniek": self.found_repeats},
                       "per_type": {k: v.to_dict() for k, v in sorted(typed.per_type.items())}},
            "quotes": self.quotes.to_dict(),
            "quotes_per_kind": {k: v.to_dict() for k, v in self.quote_kinds.items()},
            "quote_speakers": self.speakers.to_dict(),
            "details": [asdict(d) for d in self.details],
        }


@dataclass
class GoldReport:
    settings: list[SettingScores]

    def to_dict(self, details: bool = False) -> dict:
        out = {"settings": [s.to_dict() for s in self.settings if s.files]}
        if not details:
            for s in out["settings"]:
                s.pop("details")
        return out


# --------------------------------------------------------------------------- scoring


def _sentence_at(parsed: ParsedDoc, pos: int) -> str:
    for s in parsed.sentences:
        if s.start <= pos < s.end:
            return parsed.text[s.start:s.end]
    return ""


def _entity_chars(spans: Iterable[tuple[int, int]]) -> set[int]:
    return {i for s, e in spans for i in range(s, e)}


def match_entities(gold: Iterable[GoldEntity], found: Iterable[Entity]) -> list[tuple[GoldEntity | None,
                                                                                      Entity | None]]:
    """One-to-one (gold, kroniek) pairs by shared text or name; unmatched sides paired with None."""
    gold, found = list(gold), list(found)
    gold_chars = [_entity_chars(g.spans) for g in gold]
    found_chars = [_entity_chars((m.start, m.end) for m in e.mentions) for e in found]
    pairs = []
    for gi, g in enumerate(gold):
        for fi, e in enumerate(found):
            same_name = g.name.casefold() == e.name.casefold()
            shared = len(gold_chars[gi] & found_chars[fi])
            if same_name or shared:
                pairs.append((-same_name, -shared, gi, fi))
    used_g = one_to_one(pairs)
    used_f = set(used_g.values())
    out: list[tuple[GoldEntity | None, Entity | None]] = [
        (g, found[used_g[gi]] if gi in used_g else None) for gi, g in enumerate(gold)]
    out += [(None, e) for fi, e in enumerate(found) if fi not in used_f]
    return out


def _score_entities(gold: GoldFile, doc: Document, parsed: ParsedDoc, s: SettingScores) -> None:
    for g, e in match_entities(gold.entities, doc.entities):
        typ = g.type if g is not None else e.type
        per = s.entity_types.setdefault(typ, PRF())
        if g is not None and e is not None:
            s.entities.tp += 1
            per.tp += 1
        elif g is not None:
            s.entities.fn += 1
            per.fn += 1
            at = g.spans[0][0] if g.spans else -1
            s.details.append(Detail(gold.id, "entity", "missed", f"{g.name} ({g.type}) {list(g.mentions)}",
                                    _sentence_at(parsed, at)))
        else:
            s.entities.fp += 1
            per.fp += 1
            s.details.append(Detail(gold.id, "entity", "extra", f"{e.name} ({e.type}) "
                                    f"{[m.text for m in e.mentions]}", _sentence_at(parsed, e.mentions[0].start)
                                    if e.mentions else ""))
        gc = g.country if g is not None else None
        kc = actor_country(e)
        if gc and kc and gc == kc:
            s.countries.tp += 1
            continue
        s.countries.fn += bool(gc)
        s.countries.fp += bool(kc)
        if gc or kc:
            name = g.name if g is not None else e.name
            where = g.spans[0][0] if g is not None and g.spans else (e.mentions[0].start if e and e.mentions else -1)
            s.details.append(Detail(gold.id, "country", "wrong" if gc and kc else ("missed" if gc else "extra"),
                                    f"{name}: gold {gc}, kroniek {kc}", _sentence_at(parsed, where)))


def _score_times(gold: GoldFile, setting: str, doc: Document, parsed: ParsedDoc, s: SettingScores) -> None:
    gold_setting = next((g for g in gold.times.settings if g.name == setting), None)
    if gold_setting is None:
        return
    r = time_eval.score_setting(gold.id, gold_setting, doc.times)
    s.times.add(r.counts)
    for m in r.matches:
        if not m.value_ok:
            s.details.append(Detail(gold.id, "time", "wrong", f"{m.gold.text!r} gold {m.gold.value}, "
                                    f"kroniek {m.system.text!r} {m.system.value}", _sentence_at(parsed, m.gold.start)))
    for g in r.missed:
        s.details.append(Detail(gold.id, "time", "missed", f"{g.text!r} {g.type} {g.value}",
                                _sentence_at(parsed, g.start)))
    for t in r.spurious:
        s.details.append(Detail(gold.id, "time", "extra", f"{t.text!r} {t.type} {t.value}",
                                _sentence_at(parsed, t.start)))


def _describe(doc: Document, m: EventMatch) -> str:
    if m.gold is not None:
        g = m.gold
        return (f"{g.type} {g.source} ({g.source_country}) → {g.target} ({g.target_country}) "
                f"[{g.trigger}, {g.modality}]")
    v = m.found
    names = {e.id: e.name for e in doc.entities}
    return (f"{v.type} {names.get(v.source)} ({country_of(doc, v.source)}) → {names.get(v.target)} "
            f"({country_of(doc, v.target)}) [{v.trigger.text}, {v.modality}]")


def _score_events(gold: GoldFile, doc: Document, s: SettingScores) -> None:
    dyads = match_events(doc, gold.events, typed=False)
    for m in dyads:
        if not m.repeat:
            s.dyad.tp += m.gold is not None and m.found is not None
            s.dyad.fn += m.found is None
            s.dyad.fp += m.gold is None
    dyad_of = {id(m.gold): m.found for m in dyads if m.gold is not None and m.found is not None}
    for g in gold.events:
        span = g.sentence_span
        s.in_sentence.add(span is not None and any(v.sentence.start < span[1] and span[0] < v.sentence.end
                                                   for v in doc.events))
    typed = match_events(doc, gold.events, typed=True)
    count_matches(doc, typed, s.events)
    for m in typed:
        if m.repeat:
            s.gold_repeats += m.gold is not None
            s.found_repeats += m.found is not None
            continue
        if m.gold is not None and m.found is not None:
            g, v = m.gold, m.found
            if g.source_country != g.target_country:
                s.direction.add((country_of(doc, v.source), country_of(doc, v.target))
                                == (g.source_country, g.target_country))
            problems = []
            if v.modality != g.modality:
                problems.append(f"modality {v.modality}, gold {g.modality}")
            if not date_matches(v.date, g.date):
                problems.append(f"date {v.date}, gold {g.date}")
            if problems:
                s.details.append(Detail(gold.id, "event", "wrong", f"{_describe(doc, m)}: {'; '.join(problems)}",
                                        g.sentence))
        elif m.gold is not None:
            other = dyad_of.get(id(m.gold))
            note = f" (the pair is found as {other.type})" if other is not None else ""
            s.details.append(Detail(gold.id, "event", "missed", _describe(doc, m) + note, m.gold.sentence))
        else:
            v = m.found
            s.details.append(Detail(gold.id, "event", "extra", _describe(doc, m),
                                    doc.text[v.sentence.start:v.sentence.end]))


def _score_quotes(gold: GoldFile, doc: Document, parsed: ParsedDoc, s: SettingScores) -> None:
    result = quote_eval.score_document(gold.quotes, doc.quotes, doc.entities)
    counts = quote_eval.count(result.matches)
    s.quotes = s.quotes + counts
    for kind, c in result.by_kind:
        s.quote_kinds[kind] = s.quote_kinds.get(kind, quote_eval.Counts()) + c
    s.speakers.tp += counts.speaker_ok
    s.speakers.fp += counts.found - counts.speaker_ok
    s.speakers.fn += counts.gold - counts.speaker_ok
    names = {e.id: e.name for e in doc.entities}
    for m in result.matches:
        if m.gold is None:
            s.details.append(Detail(gold.id, "quote", "extra", f"{m.found.text[:80]!r} ({m.found.kind})",
                                    _sentence_at(parsed, m.found.start)))
        elif m.found is None:
            s.details.append(Detail(gold.id, "quote", "missed", f"{m.gold.text[:80]!r} ({m.gold.kind}, "
                                    f"{m.gold.speaker})", _sentence_at(parsed, m.gold.start)))
        elif not m.speaker_ok:
            s.details.append(Detail(gold.id, "speaker", "wrong", f"{m.gold.text[:60]!r}: gold {m.gold.speaker}, "
                                    f"kroniek {names.get(m.found.speaker)}", _sentence_at(parsed, m.gold.start)))


def score_file(gold: GoldFile, annotate: Annotate, report: GoldReport) -> None:
    """Annotate one gold text in each setting it gives and add its scores to ``report``."""
    by_name = {s.setting: s for s in report.settings}
    for setting, date in gold.dates:
        s = by_name[setting]
        doc, parsed = annotate(gold.text, date)
        s.files += 1
        _score_entities(gold, doc, parsed, s)
        _score_times(gold, setting, doc, parsed, s)
        _score_events(gold, doc, s)
        _score_quotes(gold, doc, parsed, s)


def score_gold(paths: Iterable[str | Path], annotate: Annotate) -> GoldReport:
    """Score every gold file in ``paths`` in each setting (see the module doc)."""
    report = GoldReport([SettingScores(name) for name in SETTINGS])
    for path in paths:
        score_file(load_gold_file(path), annotate, report)
    return report


def gold_folder(folder: str | Path) -> list[Path]:
    """The gold files (``*.json`` with a text and an events list) of a folder; EvalError if none."""
    folder = Path(folder)
    if not folder.is_dir():
        raise EvalError(f"{folder}: not a folder of gold files")
    files = gold_files(folder)
    if not files:
        raise EvalError(f"no gold files with a text and events in {folder}")
    return files
