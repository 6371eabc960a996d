"""Quote scoring against gold files in the seed's format (see data/seed/GOLD_FORMAT.md).

A gold file holds an article's ``text`` and its ``quotes`` (text, speaker name,
kind) and ``entities`` (name and mention texts). Gold quotes are placed in the text
by their words; kroniek's quotes are matched to them one to one:

* exact: the same character range;
* overlap: the ranges share at least one character (pairs with the largest share
  are matched first, so a short quote inside a long one finds its own partner).

Precision, recall and F1 are given over all quotes and per kind (direct, indirect;
per kind, only quotes of that kind are matched). Speaker accuracy is the share of
overlap-matched quotes whose speaker is right: kroniek's speaker entity has a
mention or name that names the gold speaker: equal to one of the gold entity's name and
mentions up to case and accents ("RTE", "RTÉ"), or one of the two standing whole inside
the other ("Fora Penal" in the gold mention "mensenrechtenorganisatie Fora Penal",
"Kamer" in "de Tweede Kamer"), the shorter of four letters or more and not after a
preposition there ("Charkov" does not name "het hoofd van het district Charkov"). The speaker
*phrase* accuracy asks the same of the words kroniek read the speaker from
("de Russische regering"), whether or not an entity stands behind them.

Speaker precision, recall and F1 count a quote as right when it overlaps its gold
quote *and* its speaker is right (as above): the share of found quotes that are, and
of gold quotes that were found so. Unlike the accuracy, they fall when quotes are
missed or invented.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..model import Entity, Quote
from ..extract.quotes import QuoteFinding
from .metrics import one_to_one, prf

KINDS = ("direct", "indirect")


@dataclass(frozen=True)
class GoldQuote:
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None
    # Every way the gold names its speaker: the entity's name and its mentions, folded.
    speaker_names: frozenset[str]


@dataclass(frozen=True)
class GoldDoc:
    id: str
    path: str
    text: str
    date: str
    quotes: tuple[GoldQuote, ...]


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", " ".join(s.split()).casefold())
    return "".join(c for c in s if not unicodedata.combining(c))


# The shortest name that may stand inside a longer one and still name the same entity.
MIN_INNER_NAME = 4
# Words after which a name inside a longer one is a modifier, not its head.
_PREPOSITIONS = frozenset("van uit in bij op aan voor met tegen over namens door of from at for with".split())


def _inside(short: str, long: str) -> bool:
    at = f" {long} ".find(f" {short} ")
    return at >= 0 and not _PREPOSITIONS & set(long[:at].split())


def names_agree(found: Iterable[str], gold: Iterable[str]) -> bool:
    """Whether one of kroniek's folded names of an entity names the gold one (above)."""
    gold = list(gold)
    for f in found:
        for g in gold:
            if f == g:
                return True
            short, long = (f, g) if len(f) <= len(g) else (g, f)
            if len(short) >= MIN_INNER_NAME and _inside(short, long):
                return True
    return False


def _field(data: dict, key: str, typ: type, path: Path):
    value = data.get(key)
    if not isinstance(value, typ):
        raise InputError(f"{path}: gold field {key!r} must be {typ.__name__}, got {type(value).__name__}",
                         code="E_INPUT_FIELD")
    return value


def read_gold_json(path: Path) -> object:
    """A gold file's JSON; InputError E_INPUT_NOT_FOUND or E_INPUT_JSON when it cannot be read."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"{path}: cannot read gold file: {exc}", code="E_INPUT_NOT_FOUND") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: gold file is not valid JSON: {exc}", code="E_INPUT_JSON") from None


def load_gold_file(path: str | Path) -> GoldDoc:
    """One gold file; a clear InputError when it is not valid gold."""
    path = Path(path)
    return gold_doc(read_gold_json(path), path)


def gold_doc(data: object, path: str | Path) -> GoldDoc:
    """The quotes of a gold file already read (``path`` names it in errors)."""
    path = Path(path)
    if not isinstance(data, dict):
        raise InputError(f"{path}: gold file must hold a JSON object", code="E_INPUT_JSON")
    text = _field(data, "text", str, path)
    quotes = _field(data, "quotes", list, path)
    entities = data.get("entities") or []
    names: dict[str, frozenset[str]] = {}
    for e in entities:
        if isinstance(e, dict) and isinstance(e.get("name"), str):
            mentions = [m for m in e.get("mentions") or [] if isinstance(m, str)]
            names[e["name"]] = frozenset(_fold(x) for x in [e["name"], *mentions])
    placed: list[GoldQuote] = []
    used: set[tuple[int, int]] = set()
    for n, q in enumerate(quotes):
        if not isinstance(q, dict) or not isinstance(q.get("text"), str) or q.get("kind") not in KINDS:
            raise InputError(f"{path}: quote {n + 1} needs a text and a kind ({' or '.join(KINDS)})",
                             code="E_INPUT_FIELD")
        qtext = q["text"]
        start = _place(text, qtext, used)
        if start is None:
            raise InputError(f"{path}: quote {n + 1} ({qtext[:40]!r}) does not occur in the text",
                             code="E_INPUT_FIELD")
        used.add((start, start + len(qtext)))
        speaker = q.get("speaker") if isinstance(q.get("speaker"), str) else None
        spk_names = names.get(speaker, frozenset({_fold(speaker)})) if speaker else frozenset()
        placed.append(GoldQuote(start, start + len(qtext), qtext, q["kind"], speaker, spk_names))
    date = data.get("header_date") or data.get("dct_full") or data.get("date")
    if not isinstance(date, str) or not date:
        raise InputError(f"{path}: gold file has no header_date (the article's publication date)",
                         code="E_INPUT_NO_DATE")
    return GoldDoc(id=str(data.get("id") or path.stem), path=str(path), text=text, date=date,
                   quotes=tuple(placed))


def _place(text: str, qtext: str, used: set[tuple[int, int]]) -> int | None:
    """The first place ``qtext`` occurs in ``text`` that another gold quote has not taken.

    When every place is taken, the first one: the same words can be annotated twice
    (a direct quote inside reported speech is both direct and indirect).
    """
    first = start = text.find(qtext)
    while start >= 0:
        if (start, start + len(qtext)) not in used:
            return start
        start = text.find(qtext, start + 1)
    return first if first >= 0 else None


def gold_files(folder: str | Path) -> list[Path]:
    """The gold files in ``folder`` (``*.json``, not recursing), sorted by name."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"gold folder {str(folder)!r} does not exist or is not a folder",
                         code="E_INPUT_NOT_FOUND")
    files = sorted(p for p in folder.glob("*.json") if p.is_file())
    if not files:
        raise InputError(f"no gold files (*.json) in {str(folder)!r}", code="E_INPUT_NOT_FOUND")
    return files


# --------------------------------------------------------------------------- scoring


@dataclass(frozen=True)
class QuoteMatch:
    gold: GoldQuote | None          # None: a quote kroniek found that the gold lacks
    found: QuoteFinding | Quote | None   # None: a gold quote kroniek missed
    exact: bool
    speaker_ok: bool
    phrase_ok: bool


@dataclass(frozen=True)
class Counts:
    """Counts for one kind (or all): F1 and accuracies as properties."""

    gold: int = 0
    found: int = 0
    exact: int = 0
    overlap: int = 0
    speaker_ok: int = 0
    phrase_ok: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(self.astuple(), other.astuple())))

    def astuple(self) -> tuple[int, ...]:
        return (self.gold, self.found, self.exact, self.overlap, self.speaker_ok, self.phrase_ok)

    _prf = staticmethod(prf)

    @property
    def exact_prf(self) -> tuple[float, float, float]:
        return self._prf(self.exact, self.found, self.gold)

    @property
    def overlap_prf(self) -> tuple[float, float, float]:
        return self._prf(self.overlap, self.found, self.gold)

    @property
    def speaker_prf(self) -> tuple[float, float, float]:
        """Quotes found with the right speaker, over found and over gold quotes."""
        return self._prf(self.speaker_ok, self.found, self.gold)

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_ok / self.overlap if self.overlap else 0.0

    @property
    def phrase_accuracy(self) -> float:
        return self.phrase_ok / self.overlap if self.overlap else 0.0

    def to_dict(self) -> dict[str, float | int]:
        (ep, er, ef), (op, orr, of) = self.exact_prf, self.overlap_prf
        sp, sr, sf = self.speaker_prf
        return {"speaker_p": sp, "speaker_r": sr, "speaker_f1": sf,"gold": self.gold, "found": self.found, "exact_matches": self.exact,
                "overlap_matches": self.overlap, "exact_p": ep, "exact_r": er, "exact_f1": ef,
                "overlap_p": op, "overlap_r": orr, "overlap_f1": of,
                "speaker_accuracy": self.speaker_accuracy, "speaker_phrase_accuracy": self.phrase_accuracy}


def _speaker_ok(gold: GoldQuote, found: QuoteFinding | Quote, entities: dict[str, Entity]) -> tuple[bool, bool]:
    if gold.speaker is None:
        return found.speaker is None, getattr(found, "speaker_span", None) is None
    entity = entities.get(found.speaker) if found.speaker else None
    names = set()
    if entity is not None:
        names = {_fold(entity.name)} | {_fold(m.text) for m in entity.mentions}
    # A document's Quote has no speaker phrase (only the finding keeps that evidence).
    speaker_span = getattr(found, "speaker_span", None)
    phrase = _fold(speaker_span.text) if speaker_span else None
    return names_agree(names, gold.speaker_names), phrase is not None and names_agree((phrase,), gold.speaker_names)


def match_quotes(gold: Iterable[GoldQuote], found: Iterable[QuoteFinding | Quote],
                 entities: tuple[Entity, ...]) -> list[QuoteMatch]:
    """One-to-one matches by overlap (largest shared part first), then the unmatched of each side."""
    gold, found = list(gold), list(found)
    by_id = {e.id: e for e in entities}
    pairs = []
    for gi, g in enumerate(gold):
        for fi, f in enumerate(found):
            shared = min(g.end, f.end) - max(g.start, f.start)
            if shared > 0:
                union = max(g.end, f.end) - min(g.start, f.start)
                pairs.append((-shared / union, gi, fi))
    used_g = one_to_one(pairs)
    used_f = set(used_g.values())
    out: list[QuoteMatch] = []
    for gi, fi in used_g.items():
        g, f = gold[gi], found[fi]
        ok, phrase_ok = _speaker_ok(g, f, by_id)
        out.append(QuoteMatch(g, f, (g.start, g.end) == (f.start, f.end), ok, phrase_ok))
    out += [QuoteMatch(g, None, False, False, False) for gi, g in enumerate(gold) if gi not in used_g]
    out += [QuoteMatch(None, f, False, False, False) for fi, f in enumerate(found) if fi not in used_f]
    return out


def count(matches: Iterable[QuoteMatch]) -> Counts:
    c = [0, 0, 0, 0, 0, 0]
    for m in matches:
        c[0] += m.gold is not None
        c[1] += m.found is not None
        if m.gold is not None and m.found is not None:
            c[2] += m.exact
            c[3] += 1
            c[4] += m.speaker_ok
            c[5] += m.phrase_ok
    return Counts(*c)


@dataclass(frozen=True)
class DocumentResult:
    id: str
    matches: tuple[QuoteMatch, ...]           # over all kinds
    by_kind: tuple[tuple[str, Counts], ...]   # per kind, matched within the kind


def score_document(gold: GoldDoc, found: tuple[QuoteFinding, ...], entities: tuple[Entity, ...]) -> DocumentResult:
    matches = match_quotes(gold.quotes, found, entities)
    by_kind = tuple((kind, count(match_quotes([g for g in gold.quotes if g.kind == kind],
                                              [f for f in found if f.kind == kind], entities)))
                    for kind in KINDS)
    return DocumentResult(gold.id, tuple(matches), by_kind)


@dataclass(frozen=True)
class QuoteEvaluation:
    documents: tuple[DocumentResult, ...]

    @property
    def overall(self) -> Counts:
        return sum((count(d.matches) for d in self.documents), Counts())

    def kind(self, kind: str) -> Counts:
        return sum((c for d in self.documents for k, c in d.by_kind if k == kind), Counts())

    def to_dict(self) -> dict[str, object]:
        return {"documents": len(self.documents), "all": self.overall.to_dict(),
                **{kind: self.kind(kind).to_dict() for kind in KINDS}}


Annotator = Callable[[GoldDoc], tuple[tuple[QuoteFinding, ...], tuple[Entity, ...]]]


def evaluate_quotes(golds: Iterable[GoldDoc], annotate: Annotator) -> Iterator[DocumentResult]:
    """Score each gold document; ``annotate`` returns kroniek's quote findings and entities for it."""
    for gold in golds:
        found, entities = annotate(gold)
        yield score_document(gold, found, entities)


def pipeline_annotator(parser, config=None) -> Annotator:
    """An annotator that parses with ``parser`` and runs the default pipeline's steps
    (with the knowledge-base files of ``config``, a :class:`kroniek.config.Config`)."""
    from ..extract.quotes import find_quotes, outermost
    from ..model import Article
    from ..pipeline import Pipeline

    pipeline = Pipeline(config=config)

    def annotate(gold: GoldDoc) -> tuple[tuple[QuoteFinding, ...], tuple[Entity, ...]]:
        article = Article(id=gold.id, text=gold.text, date=gold.date, origin=gold.path)
        parsed = parser.parse(gold.text)
        doc = pipeline.annotate_parsed(article, parsed)
        # What the document reports: a quote nested in another is part of it.
        return outermost(find_quotes(parsed, doc.entities)), doc.entities

    return annotate
