"""Clauses of a Dutch sentence, found from its tokens.

Events, their time and their modality belong to a clause, not to a whole sentence:
in "Kim Jong-il reisde af naar Rusland en ook president Poetin bezocht Noord-Korea"
two clauses carry two visits by two actors; in "De ontmoeting zal, als deze doorgaat,
op 12 juni plaatsvinden" the conditional clause makes the main clause hypothetical and
the main clause continues after it.

The segmentation works on POS tags and a few function words, because Frog's dependency
trees are often broken exactly at clause boundaries:

- a subordinating conjunction (VG(onder): dat, als, omdat, terwijl, ...), a relative
  pronoun after a comma, or "om ... te" opens a subordinate clause, but only when a
  finite verb (or, for "om", "te" + infinitive) follows before the next comma;
- a subordinate clause closes at a comma after its verb; the tokens after it return
  to the clause it interrupted (a clause may therefore be discontinuous);
- a coordinating conjunction (en, maar, of, want) starts a sibling clause when the clause
  before it already has a finite verb and a finite verb follows it ("... reisde ... en
  Poetin bezocht ..."); between noun phrases ("Trump en Kim") it does not.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..model import ParsedDoc, Token

_COORDINATORS = {"en", "maar", "of", "want", "doch"}
_RELATIVES = {"die", "dat", "wie", "wat", "waar", "waarin", "waarop", "waarmee", "waardoor", "welke"}
_BREAKS = {",", ";", ":", "(", ")", "—", "–"}


def is_finite(tok: Token, following: Token | None = None) -> bool:
    """A finite verb. Frog tags some past tenses as prenominal participles
    ("De EU veroordeelde Rusland": WW(vd,prenom)); such a form counts as finite when no
    noun follows it (a real prenominal participle precedes its noun: "de veroordeelde man").
    """
    if tok.pos != "WW":
        return False
    if tok.tag.startswith("WW(pv"):
        return True
    return tok.tag.startswith("WW(vd,prenom") and following is not None and following.pos not in {"N", "ADJ"}


def finite_in(doc: ParsedDoc, indices: Iterable[int]) -> list[int]:
    """Indices of the finite verbs among ``indices``."""
    n = len(doc.tokens)
    return [i for i in indices if is_finite(doc.tokens[i], doc.tokens[i + 1] if i + 1 < n else None)]


@dataclass(frozen=True)
class Clause:
    """A clause: its tokens (document indices, in order), its opener and its parent."""

    id: int
    tokens: tuple[int, ...]
    opener: str | None  # lowercased subordinator or coordinator that opened it, None for a main clause
    kind: str           # "main", "sub", "rel", "om" or "coord"
    parent: int | None  # the clause a subordinate clause belongs to

    @property
    def first(self) -> int:
        return self.tokens[0]

    @property
    def last(self) -> int:
        return self.tokens[-1]


def _has_finite_before_break(toks: list[Token], i: int) -> bool:
    """Whether a verb follows position ``i`` before the next comma-like break or opener.

    Any verb form counts: Frog sometimes tags the finite verb of a subordinate clause
    as an infinitive ("als de onderhandelingen slagen").
    """
    for t in toks[i + 1:]:
        if t.text in _BREAKS or t.text in {".", "!", "?"}:
            return False
        if t.pos == "WW":
            return True
        if t.pos == "VG" and t.tag.startswith("VG(onder"):
            return False
    return False


def _has_te_infinitive(toks: list[Token], i: int) -> bool:
    for k, t in enumerate(toks[i + 1:], i + 1):
        if t.text in {".", "!", "?", ";"}:
            return False
        if t.lemma == "te" and k + 1 < len(toks) and toks[k + 1].tag.startswith("WW(inf"):
            return True
    return False


@dataclass
class _Open:
    """A clause being built (mutable while the sentence is read)."""

    id: int
    opener: str | None
    kind: str
    parent: int | None
    tokens: list[int]
    has_verb: bool = False


def _joins_noun_phrases(toks: list[Token], k: int) -> bool:
    """Whether the conjunction at ``k`` joins two names or nouns by the parse ("hebben
    Duitsland en Frankrijk ... betuigd": both hang from "en" as its conjuncts)."""
    conj = toks[k]
    before = toks[k - 1] if k > 0 else None
    after = toks[k + 1] if k + 1 < len(toks) else None
    if not all(t is not None and t.head == conj.i and t.deprel == "cnj" and t.pos in {"N", "SPEC"}
               for t in (before, after)):
        return False
    # Frog may join the object of one clause and the subject of the next ("reisde naar
    # Moskou en Poetin bezocht Berlijn"): a verb right after the second name says so
    j = k + 1
    while j + 1 < len(toks) and toks[j + 1].pos == "SPEC":
        j += 1
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    return nxt is None or nxt.pos != "WW"


def sentence_clauses(doc: ParsedDoc, s: int, first_id: int = 0) -> list[Clause]:
    """The clauses of sentence ``s``, in order of opening; ids start at ``first_id``."""
    toks = list(doc.sentence_tokens(s))
    built: list[_Open] = []

    def new(opener: str | None, kind: str, parent: int | None) -> _Open:
        built.append(_Open(first_id + len(built), opener, kind, parent, []))
        return built[-1]

    stack = [new(None, "main", None)]
    for k, tok in enumerate(toks):
        low = tok.text.lower()
        cur = stack[-1]
        if tok.pos == "VG" and tok.tag.startswith("VG(onder") and _has_finite_before_break(toks, k):
            # Frog tags the relative "dat" of "Rusland, dat Oekraïne aanviel" as a conjunction;
            # after a comma that follows a name or noun it opens a relative clause.
            relative = low == "dat" and k > 1 and toks[k - 1].text == "," and toks[k - 2].pos in {"N", "SPEC"}
            stack.append(new(low, "rel" if relative else "sub", cur.id))
        elif (low in _RELATIVES and tok.pos == "VNW" and "betr" in tok.tag and k > 0
              and _has_finite_before_break(toks, k)):
            stack.append(new(low, "rel", cur.id))
        elif low == "om" and _has_te_infinitive(toks, k):
            stack.append(new(low, "om", cur.id))
        elif low in _COORDINATORS and tok.pos == "VG" and cur.has_verb and _has_finite_before_break(toks, k) \
                and not _joins_noun_phrases(toks, k):
            # A clause beside the current one: a coordinated main clause, or a coordinated
            # subordinate clause that keeps its opener ("als X komt en Y gaat": both conditional).
            if cur.kind == "main" or cur.kind == "coord":
                stack[-1] = new(low, "coord", None)
            else:
                stack[-1] = new(cur.opener, cur.kind, cur.parent)
        elif tok.text in _BREAKS and len(stack) > 1 and cur.has_verb:
            # A comma after the verb of a subordinate clause closes it; the comma
            # belongs to the clause that resumes.
            stack.pop()
        cur = stack[-1]
        cur.tokens.append(tok.i)
        following = toks[k + 1] if k + 1 < len(toks) else None
        if is_finite(tok, following) or (cur.kind != "main" and tok.pos == "WW"):
            cur.has_verb = True
    # Number the clauses that got tokens from first_id; a clause opened and replaced at
    # once (before any token) is dropped, and a clause under it hangs from its parent.
    parent_of = {c.id: c.parent for c in built}
    kept = [c for c in built if c.tokens]
    new_id = {c.id: first_id + n for n, c in enumerate(kept)}

    def mapped(pid: int | None) -> int | None:
        while pid is not None and pid not in new_id:
            pid = parent_of.get(pid)
        return None if pid is None else new_id[pid]

    return [Clause(new_id[c.id], tuple(c.tokens), c.opener, c.kind, mapped(c.parent)) for c in kept]


@dataclass(frozen=True)
class ClauseMap:
    """Every clause of a document, and which clause each token is in."""

    clauses: tuple[Clause, ...]
    of_token: tuple[int, ...]

    def clause_of(self, token: int) -> Clause:
        return self.clauses[self.of_token[token]]

    def children(self, clause_id: int) -> list[Clause]:
        return [c for c in self.clauses if c.parent == clause_id]


def clause_map(doc: ParsedDoc) -> ClauseMap:
    clauses: list[Clause] = []
    for s in range(len(doc.sentences)):
        clauses.extend(sentence_clauses(doc, s, len(clauses)))
    of_token = [0] * len(doc.tokens)
    for c in clauses:
        for i in c.tokens:
            of_token[i] = c.id
    return ClauseMap(tuple(clauses), tuple(of_token))
