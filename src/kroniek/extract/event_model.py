"""A learned layer over the event rules: which PLOVER types a sentence reports, and who acts.

The pattern rules (:mod:`events`) code an event only when a trigger and its actors sit in
the slots a pattern names, so on real news most sentences that report an event get none
(docs/EVALUATION.md). This layer adds, per sentence, the types the rules did not code:

1. a **type model** per PLOVER type (logistic regression) over the sentence's verb lemmas
   (with their separable particles), noun and adjective lemmas, function words, the
   types of the lexicon triggers it holds and of the rule events found in it;
2. two **role models** (source, target) over each actor mention in the sentence that has
   a country: its dependency relation, the preposition before it, its side of the
   trigger, its relation to the trigger in the parse, its entity type and sector, each
   also crossed with the event type.

A type is added when its probability passes the threshold (a higher one when no lexicon
trigger of that type is in the sentence); its source is the most likely source mention,
its targets every other country likely enough to be a target. Everything here is plain
Python over a weight file (``models/events_nl.json``) that ``scripts/train_event_model.py``
writes from gold files; nothing is fetched or needs numpy at run time.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import KroniekError
from ..kb.records import is_international
from ..model import Entity, ParsedDoc, Token

# Prepositions that mark an actor's role ("sancties tegen X", "reist naar X", "steun aan X").
ROLE_PREPOSITIONS = frozenset({"met", "naar", "tegen", "aan", "op", "van", "door", "voor", "tot", "bij",
                               "in", "uit", "over", "tussen", "om"})
ACTOR_TYPES = frozenset({"PER", "ORG", "GPE", "LOC"})
MODEL_FILE = "events_nl.json"
# Types where the parties act together: two likely sources are each other's partner.
MUTUAL = frozenset({"CONSULT", "COOPERATE", "AGREE"})


@dataclass(frozen=True)
class Mention:
    """An actor mention in a sentence: tokens ``first..last`` (inclusive) of an entity with
    a country or of an international body (:func:`side_key`)."""

    entity: str
    first: int
    last: int
    type: str
    country: str  # the side it stands for: its country, or its IGO code
    sector: str | None
    via: str = "mention"  # or "pronoun" ("hij" → the person before), "speaker" ("we" in a quote)


@dataclass(frozen=True)
class Hit:
    """A lexicon trigger in the sentence: token index, PLOVER type, noun or not."""

    token: int
    type: str
    noun: bool


@dataclass(frozen=True)
class SentenceView:
    """What the models read of one sentence."""

    tokens: tuple[Token, ...]
    first: int  # document index of the sentence's first token
    mentions: tuple[Mention, ...]
    hits: tuple[Hit, ...]
    rule_types: frozenset[str]

    def token(self, i: int) -> Token:
        return self.tokens[i - self.first]

    def inside(self, i: int | None) -> bool:
        return i is not None and self.first <= i < self.first + len(self.tokens)


# --------------------------------------------------------------------------- features


def sentence_features(view: SentenceView) -> dict[str, float]:
    """Features of the sentence for the type models."""
    particles = {t.head: t.lemma.lower() for t in view.tokens if t.deprel == "svp" and t.head is not None}
    f: dict[str, float] = {"bias": 1.0}
    for t in view.tokens:
        lemma = t.lemma.lower()
        if t.pos == "WW":
            f["v=" + particles.get(t.i, "") + lemma] = 1.0
            f["l=" + lemma] = 1.0
        elif t.pos in ("N", "ADJ"):
            if t.ner == "O":  # names say who, not what happened
                f["l=" + lemma] = 1.0
        elif t.pos in ("VZ", "BW", "VG"):
            f["w=" + lemma] = 1.0
    owned = {i: m for m in view.mentions for i in range(m.first, m.last + 1)}
    for h in view.hits:
        f["hit=" + h.type] = 1.0
        f[f"hitn={h.type}{h.noun}"] = 1.0
        f[f"hitl={h.type}:{view.token(h.token).lemma.lower()}"] = 1.0
        # actors hanging from the trigger (directly or through a preposition) say the
        # pattern's frame is filled even where the rules' slots were not
        for t in view.tokens:
            m = owned.get(t.i)
            if m is None:
                continue
            via = t.head if t.head == h.token else (
                view.token(t.head).head if view.inside(t.head) and view.token(t.head).pos == "VZ" else None)
            if via == h.token:
                f[f"hitarg={h.type}:{t.deprel if t.head == h.token else view.token(t.head).lemma.lower()}"] = 1.0
    for typ in view.rule_types:
        f["sys=" + typ] = 1.0
    f["nments"] = min(len({m.entity for m in view.mentions}), 4) / 4
    return f


def _mention_head(view: SentenceView, m: Mention) -> Token:
    for i in range(m.first, m.last + 1):
        head = view.token(i).head
        if head is None or not m.first <= head <= m.last:
            return view.token(i)
    return view.token(m.last)


def mention_features(view: SentenceView, m: Mention, typ: str) -> dict[str, float]:
    """Features of one actor mention for the source and target models of an event of ``typ``."""
    head = _mention_head(view, m)
    dep = head.deprel
    prep, dep2 = "", ""
    if view.inside(head.head) and view.token(head.head).pos == "VZ":
        governor = view.token(head.head)
        prep, dep2 = governor.lemma.lower(), governor.deprel
    prev = view.token(m.first - 1).lemma.lower() if m.first > view.first else "<s>"
    if not prep and prev in ROLE_PREPOSITIONS:
        prep = prev
    hits = [h.token for h in view.hits if h.type == typ]
    if hits:
        anchor = hits[0]
    else:
        anchor = next((t.i for t in view.tokens if t.tag.startswith("WW(pv")), view.first)
    side = "before" if m.last < anchor else "after"
    f: dict[str, float] = {"bias": 1.0}
    for key, value in (("dep", dep), ("prep", prep), ("dep2", dep2), ("side", side), ("etype", m.type),
                       ("sec", m.sector or "none"), ("prev", prev)):
        f[f"{key}={value}"] = 1.0
        f[f"{typ}:{key}={value}"] = 1.0
    f[f"dep+side={dep}{side}"] = 1.0
    f[f"prep+side={prep}{side}"] = 1.0
    f[f"{typ}:prep+side={prep}{side}"] = 1.0
    f["adj"] = float(head.pos == "ADJ")
    f["via=" + m.via] = 1.0
    f["dist"] = min(abs(anchor - m.first), 20) / 20
    rel = _relation_to_trigger(view, head, hits)
    f["rel=" + rel] = 1.0
    f[f"{typ}:rel={rel}"] = 1.0
    return f


def _relation_to_trigger(view: SentenceView, head: Token, triggers: Iterable[int]) -> str:
    """How the mention hangs from a trigger: its dependent, through a preposition, or a sibling."""
    for t in triggers:
        if head.head == t:
            return "dep:" + head.deprel
        if view.inside(head.head):
            governor = view.token(head.head)
            if governor.head == t:
                return f"dep2:{governor.lemma.lower()}:{governor.deprel}"
        if head.head is not None and head.head == view.token(t).head:
            return "sib:" + head.deprel  # the subject of the trigger's auxiliary
    return "none"


def modality_features(doc: ParsedDoc, clause_tokens: Sequence[int], opener: str | None, parent_tokens: Sequence[int],
                      token: int, rule_modality: str, time_value: str | None, dct: str) -> dict[str, float]:
    """Features of an event's trigger for the modality model: what the rules say, the
    verbs, adverbs and conjunctions of its clause and of the clause above it, the verb
    tenses, and whether its date lies after the article's."""
    f: dict[str, float] = {"bias": 1.0, "rule=" + rule_modality: 1.0}
    trig = doc.tokens[token]
    f["trig=" + trig.tag.split(",")[0] + ("," + trig.tag.split(",")[1] if "," in trig.tag else "")] = 1.0
    f["opener=" + (opener or "-")] = 1.0
    for scope, tokens in (("c", clause_tokens), ("p", parent_tokens)):
        for i in tokens:
            t = doc.tokens[i]
            lemma = t.lemma.lower()
            if t.pos == "WW":
                f[f"{scope}v={lemma}"] = 1.0
                if t.tag.startswith("WW(pv"):
                    f[f"{scope}pv={'verl' if 'verl' in t.tag else 'tgw'}"] = 1.0
            elif t.pos in ("BW", "VG", "VNW") and lemma in _MODALITY_WORDS:
                f[f"{scope}w={lemma}"] = 1.0
    if time_value and time_value[:1].isdigit():
        f["time=" + ("after" if time_value[:len(dct)] > dct else "before" if time_value[:len(dct)] < dct else "same")] = 1.0
    return f


# Function words that carry modality: negation, condition, time, hedges.
_MODALITY_WORDS = frozenset({"niet", "geen", "nooit", "als", "indien", "wanneer", "mits", "tenzij", "of",
                             "morgen", "binnenkort", "volgend", "straks", "later", "nog", "al", "eerder",
                             "gisteren", "vandaag", "mogelijk", "misschien", "wellicht", "waarschijnlijk",
                             "vermoedelijk", "zou", "dan", "toen", "nadat", "voordat", "sinds", "inmiddels"})
MODALITIES = ("asserted", "planned", "hypothetical", "negated")


# --------------------------------------------------------------------------- models


@dataclass(frozen=True)
class LinearModel:
    """Logistic regression: weights by feature name and a bias."""

    weights: dict[str, float]
    bias: float

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_dict(self) -> dict:
        return {"bias": round(self.bias, 5), "weights": {k: round(w, 5) for k, w in sorted(self.weights.items())}}

    @classmethod
    def from_dict(cls, data: dict) -> LinearModel:
        return cls({str(k): float(w) for k, w in data["weights"].items()}, float(data["bias"]))


@dataclass(frozen=True)
class Thresholds:
    # chosen on both split directions (docs/EVALUATION.md); lower ones add more wrong types
    type_with_trigger: float = 0.5   # a lexicon trigger of the type is in the sentence
    # None: no event of a type without a lexicon trigger of it in the sentence. At 0.6
    # such guesses added 0.3-0.7 typed F1 on the gold splits but were nearly all wrong on
    # general news ("werd", "doet", "gaat" coded as events: docs/EVALUATION.md, DPG sample).
    type_without_trigger: float | None = None
    source: float = 0.3
    target: float = 0.3


@dataclass(frozen=True)
class EventModel:
    types: dict[str, LinearModel]
    source: LinearModel
    target: LinearModel
    thresholds: Thresholds
    about: dict
    # one model per modality (one against the rest); empty: the rules' modality stands
    modality: dict[str, LinearModel] = field(default_factory=dict)

    def modality_of(self, features: dict[str, float], rule_modality: str) -> str:
        if not self.modality:
            return rule_modality
        return max(self.modality, key=lambda m: self.modality[m].probability(features))

    def to_json(self) -> str:
        return json.dumps({"about": self.about, "thresholds": self.thresholds.__dict__,
                           "types": {t: m.to_dict() for t, m in sorted(self.types.items())},
                           "source": self.source.to_dict(), "target": self.target.to_dict(),
                           "modality": {k: m.to_dict() for k, m in sorted(self.modality.items())}},
                          ensure_ascii=False, indent=0)

    @classmethod
    def from_json(cls, text: str, where: str = "event model") -> EventModel:
        try:
            data = json.loads(text)
            return cls(types={t: LinearModel.from_dict(m) for t, m in data["types"].items()},
                       source=LinearModel.from_dict(data["source"]), target=LinearModel.from_dict(data["target"]),
                       thresholds=Thresholds(**data.get("thresholds", {})), about=dict(data.get("about", {})),
                       modality={k: LinearModel.from_dict(m) for k, m in data.get("modality", {}).items()})
        except (ValueError, KeyError, TypeError) as exc:
            raise KroniekError(f"{where} is not a kroniek event model ({type(exc).__name__}: {exc})",
                               code="E_MODEL") from None

    @classmethod
    def load(cls, path: str | Path) -> EventModel:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise KroniekError(f"event model {str(path)!r} cannot be read ({exc})", code="E_MODEL") from None
        return cls.from_json(text, str(path))


@lru_cache(maxsize=1)
def default_model() -> EventModel | None:
    """The model shipped with kroniek, or None when the package holds none."""
    ref = resources.files("kroniek") / "models" / MODEL_FILE
    if not ref.is_file():
        return None
    return EventModel.from_json(ref.read_text(encoding="utf-8"), f"kroniek/models/{MODEL_FILE}")


# --------------------------------------------------------------------------- prediction


@dataclass(frozen=True)
class Proposal:
    """An event the model proposes for a sentence: type, source and target mentions, probability."""

    type: str
    source: Mention | None
    target: Mention | None
    probability: float


def propose(model: EventModel, view: SentenceView) -> list[Proposal]:
    """The events of types the rules did not code in this sentence."""
    if not view.mentions or view.rule_types:
        return []
    th = model.thresholds
    feats = sentence_features(view)
    hit_types = {h.type for h in view.hits}
    out: list[Proposal] = []
    for typ, type_model in model.types.items():
        if typ in view.rule_types:
            continue
        if typ not in hit_types and th.type_without_trigger is None:
            continue
        p = type_model.probability(feats)
        if p < (th.type_with_trigger if typ in hit_types else th.type_without_trigger):
            continue
        best_source: dict[str, tuple[float, Mention]] = {}
        best_target: dict[str, tuple[float, Mention]] = {}
        for m in view.mentions:
            mf = mention_features(view, m, typ)
            ps, pt = model.source.probability(mf), model.target.probability(mf)
            if ps > best_source.get(m.country, (-1.0, m))[0]:
                best_source[m.country] = (ps, m)
            if pt > best_target.get(m.country, (-1.0, m))[0]:
                best_target[m.country] = (pt, m)
        ps, source = max(best_source.values(), key=lambda x: x[0])
        if ps < th.source:
            source = None
        targets = [m for c, (pt, m) in best_target.items() if pt >= th.target
                   and (source is None or c != source.country)]
        if not targets and source is not None and typ in MUTUAL:
            # "Kerry en Lavrov kwamen overeen": the other likely source is the partner
            others = [(p2, m) for c, (p2, m) in best_source.items() if c != source.country and p2 >= th.source / 2]
            targets = [max(others, key=lambda x: x[0])[1]] if others else []
        if source is None and not targets:
            continue
        for target in targets or [None]:
            out.append(Proposal(typ, source, target, p))
    return out


def side_key(e: Entity) -> str | None:
    """The side an actor stands for in a sentence: its country, or for an international
    body and its officials (the EU, NATO's secretary general), who act for no state, its
    IGO code; None for an actor of neither kind."""
    a = e.actor
    if a is None:
        return None
    if a.country:
        return a.country
    if is_international(a.sector, a.code):
        return a.code or "IGO"
    return None


def sentence_views(doc: ParsedDoc, owner: Sequence[str | None], entities: Sequence[Entity],
                   hits: Iterable[Hit], rule_types: dict[int, set[str]],
                   resolve: Callable[[int], tuple[str, str] | None] = lambda i: None) -> list[SentenceView]:
    """A view of every sentence: ``owner`` names the entity each token belongs to, if any;
    ``resolve`` gives, for a token no entity owns, the entity a pronoun there stands for and how."""
    by_id = {e.id: e for e in entities}
    hits_by_sentence: dict[int, list[Hit]] = {}
    for h in hits:
        hits_by_sentence.setdefault(doc.tokens[h.token].sent, []).append(h)
    views = []
    for si, sent in enumerate(doc.sentences):
        mentions = []
        i = sent.first_token
        while i < sent.last_token:
            eid = owner[i]
            j = i
            while j + 1 < sent.last_token and owner[j + 1] == eid:
                j += 1
            via = "mention"
            if eid is None:
                j = i
                resolved = resolve(i)
                if resolved is not None:
                    eid, via = resolved
            e = by_id.get(eid) if eid is not None else None
            side = side_key(e) if e is not None and e.type in ACTOR_TYPES else None
            if side is not None:
                mentions.append(Mention(e.id, i, j, e.type, side, e.actor.sector, via))
            i = j + 1
        views.append(SentenceView(doc.sentence_tokens(si), sent.first_token, tuple(mentions),
                                  tuple(hits_by_sentence.get(si, ())), frozenset(rule_types.get(si, ()))))
    return views
