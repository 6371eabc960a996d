"""Scoring kroniek's events against three kinds of gold.

- Gold files in the seed's format (docs/GOLD_FORMAT.md): an event
  matches a gold event of the same PLOVER type whose {source, target} country pair is
  the same (as a set), in the same sentence first (:func:`match_events`; the dyad
  leaves the type out); then also with the date; modality is scored on matched pairs.
  Run with the header date and, where the gold gives it, the article's true date.
- EventDNA (Flemish news, ACE-like events): an event matches a gold event when its
  trigger lies inside the gold mention; Time and Place arguments are scored on matched
  events by overlap with kroniek's time expression and location mention.
- MEANTIME Dutch (factuality-annotated Wikinews): event mention detection by trigger
  overlap, and the factuality kroniek's modality classifier gives each gold mention
  (certainty, polarity, future) against the gold.

The scorers take an ``annotate(text, date) -> (Document, ParsedDoc)`` callable, so
the caller decides how texts are parsed (the CLI uses a parse cache).
"""

from __future__ import annotations

import bisect
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import EvalError
from ..extract.clauses import clause_map
from ..extract.modality import classify
from ..model import Document, Entity, Event, ParsedDoc, Time
from .metrics import one_to_one, prf

Annotate = Callable[[str, str], tuple[Document, ParsedDoc]]


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return prf(self.tp, self.tp + self.fp, self.tp + self.fn)[0]

    @property
    def recall(self) -> float:
        return prf(self.tp, self.tp + self.fp, self.tp + self.fn)[1]

    @property
    def f1(self) -> float:
        return prf(self.tp, self.tp + self.fp, self.tp + self.fn)[2]

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.correct += ok
        self.total += 1

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"correct": self.correct, "total": self.total, "accuracy": round(self.value, 4)}


# --------------------------------------------------------------------------- seed format


@dataclass
class SeedScores:
    setting: str
    events: PRF = field(default_factory=PRF)          # type + country pair
    with_date: PRF = field(default_factory=PRF)       # ... and date
    modality: Accuracy = field(default_factory=Accuracy)
    per_type: dict[str, PRF] = field(default_factory=dict)
    unmatched: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"setting": self.setting, "events": self.events.to_dict(),
                "with_date": self.with_date.to_dict(), "modality": self.modality.to_dict(),
                "per_type": {k: v.to_dict() for k, v in sorted(self.per_type.items())},
                "unmatched": self.unmatched}


def actor_country(ent: Entity | None) -> str | None:
    """The country of the actor behind an entity (None when unknown)."""
    return ent.actor.country if ent is not None and ent.actor is not None else None


def country_of(doc: Document, entity_id: str | None) -> str | None:
    """The country of the actor behind an entity id of ``doc`` (None when unknown)."""
    if entity_id is None:
        return None
    return actor_country(next((e for e in doc.entities if e.id == entity_id), None))


def date_matches(predicted: str | None, gold: str | None) -> bool:
    """Equal dates; a value with unknown digits ("2018-05-XX") matches the days it allows."""
    if gold is None or predicted is None:
        return gold == predicted
    if predicted == gold:
        return True
    if "X" in predicted and len(predicted) == len(gold):
        return all(p == "X" or p == g for p, g in zip(predicted, gold))
    return False


@dataclass(frozen=True)
class GoldEvent:
    """One gold event of a seed-format file, placed in its text by its sentence."""

    type: str
    source: str | None
    target: str | None
    source_country: str | None
    target_country: str | None
    date: str | None
    modality: str | None
    trigger: str | None
    sentence: str
    # Where the sentence stands in the text; None when the file gives none or it is not there.
    sentence_span: tuple[int, int] | None

    @classmethod
    def from_dict(cls, data: dict, text: str) -> GoldEvent:
        sentence = data.get("sentence") or ""
        at = text.find(sentence) if sentence else -1
        return cls(type=str(data.get("type")), source=data.get("source"), target=data.get("target"),
                   source_country=data.get("source_country"), target_country=data.get("target_country"),
                   date=data.get("date"), modality=data.get("modality"), trigger=data.get("trigger"),
                   sentence=sentence, sentence_span=(at, at + len(sentence)) if at >= 0 else None)


@dataclass(frozen=True)
class EventMatch:
    """A gold event and kroniek's event matched to it; one side is None for a miss or an extra.

    ``repeat``: an unmatched event with the type and countries of a matched event on its
    own side of the same document -- another mention of a real event that one side codes
    once and the other twice (GUIDELINES: annotators differ here). Repeats count as
    neither right nor wrong.
    """

    gold: GoldEvent | None
    found: Event | None
    repeat: bool = False


def event_key(typ: str, source_country: str | None, target_country: str | None) -> tuple:
    """What a match compares: the type and the country pair as a set (the dyad: the pair alone)."""
    return (typ, frozenset({source_country, target_country}))


def match_events(doc: Document, gold: Iterable[GoldEvent], typed: bool = True) -> list[EventMatch]:
    """One-to-one matches of ``doc.events`` to gold events with the same key.

    ``typed`` False matches on the country pair alone (the dyad). A pair in the same
    sentence goes first, then one with the right date, then the nearest; a key with
    no country at all only matches in the same sentence (else any two uncoded events
    of an article would match). Unmatched events that repeat a matched one are marked.
    """
    gold = list(gold)
    found = list(doc.events)
    gold_keys = [event_key(g.type, g.source_country, g.target_country) for g in gold]
    found_keys = [event_key(v.type, country_of(doc, v.source), country_of(doc, v.target)) for v in found]
    pairs = []
    for gi, g in enumerate(gold):
        for fi, v in enumerate(found):
            (gtype, gpair), (ftype, fpair) = gold_keys[gi], found_keys[fi]
            if gpair != fpair or (typed and gtype != ftype):
                continue
            span = g.sentence_span
            same = span is not None and v.sentence.start < span[1] and span[0] < v.sentence.end
            if not same and gpair <= {None}:
                continue
            distance = abs(v.trigger.start - span[0]) if span is not None else 0
            pairs.append((not same, not date_matches(v.date, g.date), distance, gi, fi))
    used_g = one_to_one(pairs)
    used_f = set(used_g.values())
    # A repeat has the type and countries of a matched event on its own side.
    matched_gold = {gold_keys[gi] for gi in used_g}
    matched_found = {found_keys[fi] for fi in used_f}
    out = [EventMatch(g, found[used_g[gi]]) for gi, g in enumerate(gold) if gi in used_g]
    out += [EventMatch(g, None, gold_keys[gi] in matched_gold) for gi, g in enumerate(gold) if gi not in used_g]
    out += [EventMatch(None, v, found_keys[fi] in matched_found) for fi, v in enumerate(found) if fi not in used_f]
    return out


def count_matches(doc: Document, matches: Iterable[EventMatch], scores: SeedScores) -> None:
    """Add typed matches to ``scores``: pairs, pairs with their date, modality, per type."""
    for m in matches:
        if m.repeat:
            continue
        if m.found is None:
            g = m.gold
            scores.events.fn += 1
            scores.with_date.fn += 1
            scores.per_type.setdefault(g.type, PRF()).fn += 1
            scores.unmatched.append(f"missed {g.type} {g.source}→{g.target}: {g.sentence[:60]}")
        elif m.gold is None:
            v = m.found
            scores.events.fp += 1
            scores.with_date.fp += 1
            scores.per_type.setdefault(v.type, PRF()).fp += 1
            names = "→".join(str(c) for c in (country_of(doc, v.source), country_of(doc, v.target)))
            scores.unmatched.append(f"extra {v.type} {names}: {doc.text[v.sentence.start:v.sentence.end][:60]}")
        else:
            v, g = m.found, m.gold
            scores.events.tp += 1
            scores.per_type.setdefault(g.type, PRF()).tp += 1
            if date_matches(v.date, g.date):
                scores.with_date.tp += 1
            else:
                scores.with_date.fn += 1
                scores.with_date.fp += 1
            scores.modality.add(v.modality == g.modality)


def _score_one(doc: Document, gold_events: list[dict], scores: SeedScores) -> None:
    gold = [GoldEvent.from_dict(g, doc.text) for g in gold_events]
    count_matches(doc, match_events(doc, gold, typed=True), scores)


def score_seed_gold(paths: Iterable[Path], annotate: Annotate) -> list[SeedScores]:
    """Scores with the header date, and with the true date where a gold file gives one."""
    header, full = SeedScores("header date"), SeedScores("full date")
    any_full = False
    for path in paths:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
        doc, _ = annotate(gold["text"], gold["header_date"])
        _score_one(doc, gold.get("events", []), header)
        true_date = gold.get("dct_full") or gold.get("dct_true")
        if true_date:
            any_full = True
            doc, _ = annotate(gold["text"], true_date)
            _score_one(doc, gold.get("events", []), full)
    return [header, full] if any_full else [header]


def gold_files(folder: Path) -> list[Path]:
    """Gold files in a folder: JSON files that hold an "events" list."""
    out = []
    for p in sorted(Path(folder).glob("*.json")):
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:  # ValueError: bad JSON or bad UTF-8
            raise EvalError(f"cannot read the gold file {p}: {exc}") from None
        if isinstance(data, dict) and isinstance(data.get("events"), list) and "text" in data:
            out.append(p)
    return out


# --------------------------------------------------------------------------- EventDNA


@dataclass
class EventDnaScores:
    documents: int = 0
    triggers: PRF = field(default_factory=PRF)
    time_args: PRF = field(default_factory=PRF)
    place_args: PRF = field(default_factory=PRF)
    per_type_recall: dict[str, Accuracy] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"documents": self.documents, "triggers": self.triggers.to_dict(),
                "time_arguments": self.time_args.to_dict(), "place_arguments": self.place_args.to_dict(),
                "recall_by_gold_type": {k: v.to_dict() for k, v in sorted(self.per_type_recall.items())}}


def _token_offsets(tokens: list[str]) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for t in tokens:
        spans.append((pos, pos + len(t)))
        pos += len(t) + 1
    return spans


def _chars_of(token_ids: Iterable[int], offsets: list[tuple[int, int]]) -> set[int]:
    chars: set[int] = set()
    for i in token_ids:
        if 0 <= i < len(offsets):
            chars.update(range(*offsets[i]))
    return chars


def score_eventdna(path: Path, annotate: Annotate, limit: int | None = None, dct: str = "2016") -> EventDnaScores:
    scores = EventDnaScores()
    with Path(path).open(encoding="utf-8") as f:
        for line in f:
            if limit is not None and scores.documents >= limit:
                break
            record = json.loads(line)
            doc_data = record["doc"]
            tokens = doc_data["token_string"].split(" ")
            offsets = _token_offsets(tokens)
            text = " ".join(tokens)
            doc, _ = annotate(text, dct)
            scores.documents += 1
            gold = [ev["features"] for ev in doc_data["annotations"]["events"].values()]
            gold_chars = [_chars_of(g["span"], offsets) for g in gold]
            times = {t.id: t for t in doc.times}
            mentions = {e.id: e.mentions for e in doc.entities}
            matched_gold: set[int] = set()
            for v in doc.events:
                hit = next((k for k, chars in enumerate(gold_chars)
                            if k not in matched_gold and v.trigger.start in chars), None)
                if hit is None:
                    scores.triggers.fp += 1
                    continue
                matched_gold.add(hit)
                scores.triggers.tp += 1
                args = gold[hit].get("arguments", [])
                _score_argument(scores.time_args, [times[v.time]] if v.time in times else [],
                                [a for a in args if a["features"]["argument_role"] == "Time"], offsets)
                place = list(mentions.get(v.location, ())) if v.location else []
                _score_argument(scores.place_args, place[:1],
                                [a for a in args if a["features"]["argument_role"] == "Place"], offsets)
            for k, g in enumerate(gold):
                scores.per_type_recall.setdefault(g.get("type", "?"), Accuracy()).add(k in matched_gold)
                if k not in matched_gold:
                    scores.triggers.fn += 1
    return scores


def _score_argument(prf: PRF, predicted: list, gold_args: list[dict], offsets: list[tuple[int, int]]) -> None:
    gold_chars = [_chars_of(a["features"]["span"], offsets) for a in gold_args]
    used: set[int] = set()
    for p in predicted:
        chars = set(range(p.start, p.end))
        hit = next((k for k, g in enumerate(gold_chars) if k not in used and chars & g), None)
        if hit is None:
            prf.fp += 1
        else:
            used.add(hit)
            prf.tp += 1
    prf.fn += len(gold_args) - len(used)


# --------------------------------------------------------------------------- MEANTIME


@dataclass
class MeantimeScores:
    documents: int = 0
    mentions: PRF = field(default_factory=PRF)
    certainty: Accuracy = field(default_factory=Accuracy)
    polarity: Accuracy = field(default_factory=Accuracy)
    tense: Accuracy = field(default_factory=Accuracy)
    confusion: Counter[str] = field(default_factory=Counter)

    def to_dict(self) -> dict:
        return {"documents": self.documents, "event_mentions": self.mentions.to_dict(),
                "certainty": self.certainty.to_dict(), "polarity": self.polarity.to_dict(),
                "tense": self.tense.to_dict(), "modality_of_gold_mentions": dict(self.confusion)}


_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}


def _meantime_dct(token: str) -> str | None:
    m = re.fullmatch(r"(\d{1,2})-([A-Za-z]{3})-(\d{2})", token)
    if not m or m.group(2).lower() not in _MONTHS:
        return None
    return f"20{m.group(3)}-{_MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}"


def _read_conll(path: Path) -> tuple[list[list[list[str]]], str]:
    sentences: list[list[list[str]]] = [[]]
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if sentences[-1]:
                sentences.append([])
            continue
        sentences[-1].append(line.split("\t"))
    sentences = [s for s in sentences if s]
    dct = next((d for s in sentences[:3] for row in s if (d := _meantime_dct(row[1]))), None)
    return sentences, dct or "2010"


def predicted_factuality(modality: str) -> tuple[str, str, str]:
    """kroniek's modality as MEANTIME's (certainty, polarity, time)."""
    certainty = "POSSIBLE" if modality == "hypothetical" else "CERTAIN"
    polarity = "NEG" if modality == "negated" else "POS"
    time = "FUTURE" if modality == "planned" else "NON_FUTURE"
    return certainty, polarity, time


def _gold_value(cell: str) -> str:
    parts = cell.split("-")
    return "-".join(parts[1:-1]) if len(parts) >= 3 else cell


def meantime_text(sentences: list[list[list[str]]]) -> tuple[str, list[tuple[int, int]]]:
    """The text kroniek reads for a MEANTIME CoNLL file, and each token's character span.

    One sentence a line keeps Frog's sentences close to the gold's.
    """
    text = "\n".join(" ".join(row[1] for row in s) for s in sentences)
    offsets, pos = [], 0
    for s in sentences:
        for row in s:
            offsets.append((pos, pos + len(row[1])))
            pos += len(row[1]) + 1
    return text, offsets


def score_meantime(folder: Path, annotate: Annotate, limit: int | None = None) -> MeantimeScores:
    scores = MeantimeScores()
    for path in sorted(Path(folder).glob("*.conll"))[:limit]:
        sentences, dct = _read_conll(path)
        rows = [row for s in sentences for row in s]
        text, offsets = meantime_text(sentences)
        doc, parsed = annotate(text, dct)
        scores.documents += 1
        clauses = clause_map(parsed)
        gold_mentions = [k for k, row in enumerate(rows) if len(row) > 2 and row[2].startswith("B-E")]
        gold_chars = [set(range(*offsets[k])) for k in gold_mentions]
        matched: set[int] = set()
        for v in doc.events:
            hit = next((n for n, chars in enumerate(gold_chars) if n not in matched and v.trigger.start in chars), None)
            if hit is None:
                scores.mentions.fp += 1
            else:
                matched.add(hit)
                scores.mentions.tp += 1
        scores.mentions.fn += len(gold_mentions) - len(matched)
        starts = [t.start for t in parsed.tokens]
        for k in gold_mentions:
            row = rows[k]
            tok = _token_at(parsed, starts, offsets[k][0])
            if tok is None or len(row) < 6:
                continue
            clause = clauses.clause_of(tok)
            time = _clause_time(doc.times, parsed, clause.tokens)
            modality = classify(parsed, clause, clauses, time, dct)
            scores.confusion[modality] += 1
            certainty, polarity, tense = predicted_factuality(modality)
            gold_c, gold_p, gold_t = (_gold_value(row[3]), _gold_value(row[4]), _gold_value(row[5]))
            if gold_c != "UNDERSPECIFIED":
                scores.certainty.add(certainty == ("CERTAIN" if gold_c == "CERTAIN" else "POSSIBLE"))
            scores.polarity.add(polarity == gold_p)
            if gold_t != "UNDERSPECIFIED":
                scores.tense.add(tense == gold_t)
    return scores


def _token_at(parsed: ParsedDoc, starts: list[int], char: int) -> int | None:
    k = bisect.bisect_right(starts, char) - 1
    if 0 <= k < len(parsed.tokens) and parsed.tokens[k].start <= char < parsed.tokens[k].end:
        return k
    return None


def _clause_time(times: tuple[Time, ...], parsed: ParsedDoc, tokens: tuple[int, ...]) -> Time | None:
    starts = {parsed.tokens[i].start for i in tokens}
    inside = [t for t in times if t.type in ("DATE", "TIME") and t.start in starts]
    return inside[0] if inside else None
