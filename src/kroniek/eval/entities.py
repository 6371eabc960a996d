"""Actor-country scoring over entities, against gold files in the seed's format.

A gold file's ``entities`` carry a ``country`` (ISO alpha-3 or null) and ``mentions``
(strings as they stand in the text). Each gold mention is placed at every place its
text occurs; kroniek's entities are matched to gold entities one to one, the pairs
whose mentions overlap most often first.

* found: kroniek's entities whose actor has a country;
* gold: gold entities with a country;
* hits: matched pairs whose countries are the same.

Precision, recall and F1 follow (an entity kroniek gives a country the gold does not
know, or gives none, counts against it). ``matched`` counts the gold entities with a
country that kroniek found at all, whatever country it gave them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..model import Entity
from .metrics import prf
from .quotes import read_gold_json


@dataclass(frozen=True)
class GoldEntity:
    name: str
    country: str | None
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class GoldEntityDoc:
    id: str
    path: str
    text: str
    date: str
    entities: tuple[GoldEntity, ...]


def _places(text: str, mention: str) -> list[tuple[int, int]]:
    out, start = [], text.find(mention)
    while mention and start >= 0:
        out.append((start, start + len(mention)))
        start = text.find(mention, start + 1)
    return out


def load_gold_entities(path: str | Path) -> GoldEntityDoc:
    """One gold file's entities; a clear InputError when it is not valid gold."""
    path = Path(path)
    data = read_gold_json(path)
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise InputError(f"{path}: gold file must hold an object with a text", code="E_INPUT_FIELD")
    text = data["text"]
    entities = []
    for n, e in enumerate(data.get("entities") or []):
        if not isinstance(e, dict) or not isinstance(e.get("name"), str):
            raise InputError(f"{path}: entity {n + 1} needs a name", code="E_INPUT_FIELD")
        country = e.get("country") if isinstance(e.get("country"), str) else None
        spans = sorted({s for m in e.get("mentions") or [] if isinstance(m, str) for s in _places(text, m)})
        entities.append(GoldEntity(e["name"], country, tuple(spans)))
    date = data.get("header_date") or data.get("dct_full") or data.get("date")
    if not isinstance(date, str) or not date:
        raise InputError(f"{path}: gold file has no header_date (the article's publication date)",
                         code="E_INPUT_NO_DATE")
    return GoldEntityDoc(str(data.get("id") or path.stem), str(path), text, date, tuple(entities))


@dataclass(frozen=True)
class CountryCounts:
    gold: int = 0
    found: int = 0
    hits: int = 0
    matched: int = 0

    def __add__(self, other: CountryCounts) -> CountryCounts:
        return CountryCounts(self.gold + other.gold, self.found + other.found,
                             self.hits + other.hits, self.matched + other.matched)

    @property
    def prf(self) -> tuple[float, float, float]:
        return prf(self.hits, self.found, self.gold)

    def to_dict(self) -> dict[str, float | int]:
        p, r, f = self.prf
        return {"gold": self.gold, "found": self.found, "hits": self.hits, "matched": self.matched,
                "p": p, "r": r, "f1": f}


@dataclass(frozen=True)
class EntityMatch:
    gold: GoldEntity | None
    found: Entity | None

    @property
    def found_country(self) -> str | None:
        return self.found.actor.country if self.found is not None and self.found.actor is not None else None


def _overlaps(g: GoldEntity, e: Entity) -> int:
    return sum(1 for s, t in g.spans for m in e.mentions if m.start < t and s < m.end)


def match_entities(gold: Iterable[GoldEntity], found: Iterable[Entity]) -> list[EntityMatch]:
    """One-to-one matches by shared mentions (most shared first), then the unmatched."""
    gold, found = list(gold), list(found)
    pairs = sorted(((n, gi, fi) for gi, g in enumerate(gold) for fi, e in enumerate(found)
                    if (n := _overlaps(g, e)) > 0), key=lambda p: (-p[0], p[1], p[2]))
    used_g: set[int] = set()
    used_f: set[int] = set()
    out = []
    for _, gi, fi in pairs:
        if gi in used_g or fi in used_f:
            continue
        used_g.add(gi)
        used_f.add(fi)
        out.append(EntityMatch(gold[gi], found[fi]))
    out += [EntityMatch(g, None) for gi, g in enumerate(gold) if gi not in used_g]
    out += [EntityMatch(None, e) for fi, e in enumerate(found) if fi not in used_f]
    return out


def count_countries(matches: Iterable[EntityMatch]) -> CountryCounts:
    gold = found = hits = matched = 0
    for m in matches:
        fc = m.found_country
        found += fc is not None
        if m.gold is not None and m.gold.country is not None:
            gold += 1
            matched += m.found is not None
            hits += fc == m.gold.country
    return CountryCounts(gold, found, hits, matched)


@dataclass(frozen=True)
class EntityDocResult:
    id: str
    matches: tuple[EntityMatch, ...]

    @property
    def counts(self) -> CountryCounts:
        return count_countries(self.matches)


Annotator = Callable[[GoldEntityDoc], tuple[Entity, ...]]


def evaluate_entities(golds: Iterable[GoldEntityDoc], annotate: Annotator) -> Iterator[EntityDocResult]:
    for gold in golds:
        yield EntityDocResult(gold.id, tuple(match_entities(gold.entities, annotate(gold))))


def pipeline_entity_annotator(parser, config=None) -> Annotator:
    """Entities of the default pipeline for a gold document (parsed with ``parser``)."""
    from ..model import Article
    from ..pipeline import Pipeline

    pipeline = Pipeline(config=config)

    def annotate(gold: GoldEntityDoc) -> tuple[Entity, ...]:
        article = Article(id=gold.id, text=gold.text, date=gold.date, origin=gold.path)
        return pipeline.annotate_parsed(article, parser.parse(gold.text)).entities

    return annotate
