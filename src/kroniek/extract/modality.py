"""Modality of an event: asserted, planned, hypothetical or negated.

Decided per clause from cues in `lexicons/nl/modality.txt`, in this order (the first
that applies wins):

1. negated: a negation in the trigger's clause ("niet", "geen"), or a refusal verb in it
   or in the clause it depends on ("weigert te ontmoeten");
2. hypothetical: the clause is conditional ("als", "indien"), holds a conditional clause
   ("zal, als deze doorgaat, ... plaatsvinden"), holds "zou/zouden" outside an
   announcement, or a possibility word ("mogelijk", "kan");
3. planned: an "om ... te" clause under a decision, agreement or promise ("kwamen
   overeen om ... te hervatten") or under a planned clause; a future or intention verb
   ("zal", "gaat", "wil", "is uitgenodigd"; "gaat naar", "gaat in gesprek" in the present),
   "zou" in a clause an announcement governs ("kondigde aan dat hij zou reizen"), or a
   present tense with a date that is not in the past ("reist donderdag");
4. asserted otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..model import ParsedDoc, Time, Token
from .clauses import Clause, ClauseMap, finite_in

KINDS = ("negation", "refusal", "condition", "possibility", "future", "announcement", "scheduling", "soon",
         "commitment", "going")


@dataclass(frozen=True)
class ModalityCues:
    cues: dict[str, frozenset[str]]

    def has(self, kind: str, lemma: str) -> bool:
        return lemma in self.cues.get(kind, frozenset())

    def phrases(self, kind: str) -> list[tuple[str, ...]]:
        return [tuple(c.split()) for c in self.cues.get(kind, ()) if " " in c]


@lru_cache(maxsize=1)
def default_cues() -> ModalityCues:
    text = resources.files("kroniek.lexicons.nl").joinpath("modality.txt").read_text(encoding="utf-8")
    cues: dict[str, set[str]] = {k: set() for k in KINDS}
    for n, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        kind, _, lemma = line.partition(" ")
        if kind not in cues or not lemma.strip():
            raise ValueError(f"lexicons/nl/modality.txt line {n}: expected KIND LEMMA, got {line!r}")
        cues[kind].add(" ".join(lemma.split()))
    return ModalityCues({k: frozenset(v) for k, v in cues.items()})


def verb_lemmas(doc: ParsedDoc, clause: Clause) -> set[str]:
    """Lemmas of the clause's verbs, separable ones also with their particle ("aankondigen")."""
    toks = [doc.tokens[i] for i in clause.tokens]
    particles = [t.lemma for t in toks if is_particle(t)]
    out: set[str] = set()
    for t in toks:
        if t.pos == "WW":
            out.add(t.lemma)
            out.update(p + t.lemma for p in particles)
    return out


def is_particle(tok: Token) -> bool:
    """A separated verb particle ("kondigde ... aan", "trok ... terug")."""
    return tok.tag.startswith("VZ(fin") or (tok.deprel == "svp" and tok.pos in {"VZ", "BW", "ADJ"})


def _lemmas(doc: ParsedDoc, clause: Clause) -> list[str]:
    return [doc.tokens[i].lemma.lower() for i in clause.tokens]


def _has_phrase(lemmas: list[str], phrases: list[tuple[str, ...]]) -> bool:
    for ph in phrases:
        n = len(ph)
        if any(tuple(lemmas[i:i + n]) == ph for i in range(len(lemmas) - n + 1)):
            return True
    return False


def _negated(doc: ParsedDoc, clause: Clause, cues: ModalityCues) -> bool:
    toks = [doc.tokens[i] for i in clause.tokens]
    for k, t in enumerate(toks):
        if cues.has("negation", t.lemma.lower()):
            nxt = toks[k + 1].lemma.lower() if k + 1 < len(toks) else ""
            if nxt not in {"alleen", "enkel", "meer"}:  # "niet alleen ... maar ook" is not a denial
                return True
    return False


def _refused(doc: ParsedDoc, clause: Clause, clauses: ClauseMap, cues: ModalityCues) -> bool:
    here = verb_lemmas(doc, clause)
    if any(cues.has("refusal", v) for v in here):
        return True
    if clause.parent is not None:
        parent = clauses.clauses[clause.parent]
        return any(cues.has("refusal", v) for v in verb_lemmas(doc, parent))
    return False


def _conditional(clause: Clause, clauses: ClauseMap, cues: ModalityCues) -> bool:
    if clause.opener and cues.has("condition", clause.opener):
        return True
    return any(c.opener and cues.has("condition", c.opener) for c in clauses.children(clause.id))


def _announced(doc: ParsedDoc, clause: Clause, clauses: ClauseMap, cues: ModalityCues) -> bool:
    if clause.parent is None:
        return False
    parent = clauses.clauses[clause.parent]
    lemmas = verb_lemmas(doc, parent)
    return any(cues.has("announcement", v) for v in lemmas) or _has_phrase(
        _lemmas(doc, parent), cues.phrases("announcement"))


def _committed(doc: ParsedDoc, clause: Clause, clauses: ClauseMap, dct: str, cues: ModalityCues) -> bool:
    """An "om ... te" clause under a decision, agreement or promise ("kwamen overeen om de
    betrekkingen te hervatten", "maakt de weg vrij om subsidies te schrappen"), or under a
    clause that is itself planned ("gaat naar de koning om zijn ontslag aan te bieden"):
    what it holds is yet to happen."""
    if clause.opener != "om" or clause.parent is None:
        return False
    parent = clauses.clauses[clause.parent]
    if any(cues.has("commitment", v) for v in verb_lemmas(doc, parent)) or _has_phrase(
            _lemmas(doc, parent), cues.phrases("commitment")):
        return True
    return classify(doc, parent, clauses, None, dct, None, cues) == "planned"


def _not_past(value: str | None, dct: str) -> bool:
    """Whether a time value does not lie before the document date (unknown counts as not past)."""
    if not value or not value[:1].isdigit():
        return False
    known = value.split("X", 1)[0].rstrip("-")
    prefix = dct[:len(known)]
    return known >= prefix


def classify(doc: ParsedDoc, clause: Clause, clauses: ClauseMap, time: Time | None, dct: str,
             mode: str | None = None, cues: ModalityCues | None = None,
             own_condition_only: bool = False) -> str:
    """The modality of an event whose trigger stands in ``clause``.

    ``own_condition_only``: only a condition the clause itself opens with makes the event
    hypothetical, not one it carries ("X dreigde te vertrekken als Y ...": the threat was
    made; the condition is the threatened act's).
    """
    cues = cues or default_cues()
    if _negated(doc, clause, cues) or _refused(doc, clause, clauses, cues):
        return "negated"
    toks = [doc.tokens[i] for i in clause.tokens]
    lemmas = _lemmas(doc, clause)
    announced = _announced(doc, clause, clauses, cues)
    would = any(t.lemma == "zullen" and "verl" in t.tag for t in toks)
    if own_condition_only:
        if clause.opener and cues.has("condition", clause.opener):
            return "hypothetical"
    elif _conditional(clause, clauses, cues):
        return "hypothetical"
    if would and not announced:
        return "hypothetical"
    if any(cues.has("possibility", lemma) for lemma in lemmas):
        return "hypothetical"
    finite = [doc.tokens[i] for i in finite_in(doc, clause.tokens)]
    if _committed(doc, clause, clauses, dct, cues):
        return "planned"
    present = any("tgw" in t.tag for t in finite)
    future_verb = any(cues.has("future", v) for v in verb_lemmas(doc, clause)
                      if v != "gaan" or any(t.tag.startswith("WW(inf") for t in toks)
                      or (present and any(cues.has("going", t.lemma) for t in toks)))
    if future_verb or _has_phrase(lemmas, cues.phrases("future")) or (would and announced):
        return "planned"
    if mode == "invite":
        return "planned"  # an invitation announces the visit it is for
    # "heeft donderdag overleg gevoerd", "is zaterdag aangekomen": a present auxiliary of
    # the perfect tense tells of the past, whatever day the weekday resolves to
    perfect = any(t.lemma in ("hebben", "zijn") for t in finite) and any(t.tag.startswith("WW(vd") for t in toks)
    if present and not perfect and any(cues.has("soon", lemma) for lemma in lemmas):
        return "planned"  # "bezoekt binnenkort Rome": a present tense with an adverb of the near future
    if present and not perfect and time is not None and time.type in ("DATE", "TIME") and (
            _not_past(time.value, dct) or (time.weekday is not None and "X" in (time.value or ""))):
        return "planned"
    return "asserted"
