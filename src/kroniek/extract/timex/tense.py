"""The tense of the clause a time expression stands in, read from the parse.

Frog tags finite verbs ``WW(pv,tgw,...)`` (present) and ``WW(pv,verl,...)`` (past).
The future is a present "zullen" or "gaan" with an infinitive ("zal bespreken", "gaat
reizen"); the perfect is a present "hebben"/"zijn" with a past participle ("heeft
bekendgemaakt"), which for dating counts as past. "zou"/"zouden" (future in the past)
does not say on which side of the article date something lies, so it gives None.

The clause is found linearly, not from the dependency tree (Frog's attachments of
adverbials are not reliable enough): the tokens between the nearest clause boundaries
(punctuation, conjunctions, relative pronouns) around the expression. When that stretch
has no finite verb, a verb cluster in it leads to its finite verb through the parse's
heads ("zal ... op 12 juni plaatsvinden"), else the nearest finite verb of the sentence
counts.
"""

from __future__ import annotations

import bisect

from ...model import ParsedDoc, Token

_BOUNDARY_TEXT = {",", ";", ":", "(", ")", "“", "”", '"', "–", "—", "?", "!"}
_FUTURE_AUXILIARIES = {"zullen", "gaan"}
_PERFECT_AUXILIARIES = {"hebben", "zijn"}


def _finite(tok: Token) -> bool:
    return tok.tag.startswith("WW(pv")


def _root_infinitive(tok: Token) -> bool:
    # Frog often tags a plural present ("De ministers vergaderen") as an infinitive; in a
    # sentence without any finite verb, an infinitive that heads it is such a verb
    return tok.tag.startswith("WW(inf") and tok.head is None


def _infinitive(tok: Token) -> bool:
    return tok.tag.startswith("WW(inf")


def _participle(tok: Token) -> bool:
    return tok.tag.startswith("WW(vd")


def _boundary(tok: Token) -> bool:
    return (tok.text in _BOUNDARY_TEXT or tok.tag.startswith("VG(")
            or tok.tag.startswith("VNW(betr"))


def token_range(doc: ParsedDoc, start: int, end: int, starts: list[int] | None = None) -> tuple[int, int] | None:
    """Indices [first, last) of the tokens that overlap the characters [start, end).

    ``starts`` (the tokens' start offsets) may be passed in when asking many times.
    """
    tokens = doc.tokens
    if starts is None:
        starts = [t.start for t in tokens]
    k = max(bisect.bisect_right(starts, start) - 1, 0)
    while k < len(tokens) and tokens[k].end <= start:
        k += 1
    first = k
    while k < len(tokens) and tokens[k].start < end:
        k += 1
    if first >= len(tokens) or first == k:
        return None
    return first, k


def _clause(doc: ParsedDoc, first: int, last: int) -> tuple[int, int]:
    sent = doc.sentences[doc.tokens[first].sent]
    lo = first
    while lo > sent.first_token and not _boundary(doc.tokens[lo - 1]):
        lo -= 1
    hi = last
    while hi < sent.last_token and not _boundary(doc.tokens[hi]):
        hi += 1
    return lo, hi


def classify(doc: ParsedDoc, finite: Token, lo: int, hi: int,
             stative: frozenset[str] = frozenset()) -> str | None:
    """Tense of the finite verb ``finite`` given the verbs of its clause [lo, hi).

    ``stative`` holds participles that after "zijn" make a state, not a perfect.
    """
    if finite.deprel == "vc" and finite.head is not None and _finite(doc.tokens[finite.head]):
        # a plural infinitive Frog took for a finite verb ("zal ... plaatsvinden"): its
        # auxiliary decides
        head = doc.tokens[finite.head]
        return classify(doc, head, *_clause(doc, head.i, head.i + 1), stative)
    sent = doc.sentences[finite.sent]
    # the verb cluster: non-finite verbs in the clause or hanging on this finite verb
    cluster = [t for t in doc.tokens[sent.first_token:sent.last_token]
               if (lo <= t.i < hi or t.head == finite.i) and t.i != finite.i]
    if "verl" in finite.tag:
        if finite.lemma == "zullen":
            return None
        return "past"
    if finite.lemma in _FUTURE_AUXILIARIES and any(_infinitive(t) for t in cluster):
        return "future"
    if finite.lemma == "zullen":
        return "future"
    if finite.lemma in _PERFECT_AUXILIARIES and any(_perfect_partner(doc, t, finite, stative) for t in cluster):
        return "past"
    return "present"


def _perfect_partner(doc: ParsedDoc, tok: Token, finite: Token, stative: frozenset[str]) -> bool:
    """Whether ``tok`` makes a perfect with the auxiliary ``finite`` ("heeft ... gezegd").

    A participle does, unless it describes a state after "zijn" ("is gesloten"). So does
    an "infinitive": Frog cannot tell "verlaten", "vergeten", "ontvangen" (participle)
    from the infinitive of the same form, and "hebben"/"zijn" take no bare infinitive
    except in "aan het werken" and "te doen", which are left out.
    """
    if _participle(tok):
        return "vrij" in tok.tag and not (finite.lemma == "zijn" and tok.text.lower() in stative)
    if _infinitive(tok):
        before = doc.tokens[tok.i - 1].text.lower() if tok.i > 0 else ""
        return before not in ("te", "het")
    return False


class ClauseTenses:
    """Tense lookups for many spans of one parsed document."""

    def __init__(self, doc: ParsedDoc, stative: frozenset[str] = frozenset()) -> None:
        self.doc = doc
        self.stative = stative
        self._starts = [t.start for t in doc.tokens]

    def at(self, start: int, end: int) -> str | None:
        """"past", "present", "future" or None for the clause around characters [start, end)."""
        doc = self.doc
        span = token_range(doc, start, end, self._starts)
        if span is None:
            return None
        first, last = span
        lo, hi = _clause(doc, first, last)
        sent = doc.sentences[doc.tokens[first].sent]
        sentence = doc.tokens[sent.first_token:sent.last_token]
        is_finite = _finite if any(_finite(t) for t in sentence) else _root_infinitive
        finite = [t for t in doc.tokens[lo:hi] if is_finite(t)]
        if finite:
            nearest = min(finite, key=lambda t: min(abs(t.i - first), abs(t.i - (last - 1))))
            return classify(doc, nearest, lo, hi, self.stative)
        # a verb cluster without its finite verb: follow the heads ("zal, als ..., op 12 juni plaatsvinden")
        for tok in doc.tokens[lo:hi]:
            if _infinitive(tok) or _participle(tok):
                seen: set[int] = set()
                head = tok.head
                while head is not None and head not in seen and len(seen) < 4:
                    seen.add(head)
                    h = doc.tokens[head]
                    if _finite(h):
                        return classify(doc, h, *_clause(doc, h.i, h.i + 1), self.stative)
                    head = h.head
        finite = [t for t in sentence if is_finite(t)]
        if not finite:
            return None
        nearest = min(finite, key=lambda t: min(abs(t.i - first), abs(t.i - (last - 1))))
        return classify(doc, nearest, *_clause(doc, nearest.i, nearest.i + 1), self.stative)


def clause_tense(doc: ParsedDoc, start: int, end: int, stative: frozenset[str] = frozenset()) -> str | None:
    """The tense of the clause around characters [start, end) of ``doc`` (see the module doc)."""
    return ClauseTenses(doc, stative).at(start, end)
