"""Small readings of a parse that the speech rules share: verb forms, noun phrases, clauses.

Frog's part-of-speech tags and lemmas are reliable; its dependency heads are not
(a speech verb's subject is often missing or doubled), so the rules here read word
order and tags, the way a Dutch grammar describes verb-second main clauses and
verb-final subordinate clauses, and use no dependency arcs.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..model import ParsedDoc, Token

# Coarse tags that make up a noun phrase: article, adjective, numeral, noun, name.
_NP_BODY = {"ADJ", "N", "SPEC", "TW"}
_NP_HEAD = {"N", "SPEC"}
# Sentence-internal punctuation that ends a clause.
_CLAUSE_PUNCT = {",", ";", ":", "(", ")", "—", "–"}


def features(tok: Token) -> frozenset[str]:
    """The features inside a tag's parentheses: WW(pv,tgw,met-t) -> {pv, tgw, met-t}."""
    i = tok.tag.find("(")
    if i < 0:
        return frozenset()
    return frozenset(f.strip() for f in tok.tag[i + 1:].rstrip(")").split(",") if f.strip())


def is_finite(tok: Token) -> bool:
    return tok.pos == "WW" and "pv" in features(tok)


def is_verb(tok: Token) -> bool:
    return tok.pos == "WW"


def is_punct(tok: Token) -> bool:
    return tok.pos == "LET" or not any(ch.isalnum() for ch in tok.text)


def is_determiner(tok: Token) -> bool:
    if tok.pos == "LID":
        return True
    f = features(tok)
    return tok.pos == "VNW" and ("det" in f or "bez" in f) and "pron" not in f


def is_personal_pronoun(tok: Token) -> bool:
    return tok.pos == "VNW" and "pers" in features(tok)


def is_subordinator(tok: Token) -> bool:
    """A word that opens a subordinate clause (omdat, nadat, dat as conjunction, ...)."""
    return tok.pos == "VG" and "onder" in features(tok)


def is_relative(tok: Token) -> bool:
    return tok.pos == "VNW" and "betr" in features(tok)


def is_neuter_singular_noun(tok: Token) -> bool:
    f = features(tok)
    return tok.pos == "N" and "onz" in f and "ev" in f


def _name_like(doc: ParsedDoc, k: int) -> bool:
    """A capitalized word inside a sentence: part of a name, whatever the tagger made of it
    ("het Dreigingsbeeld Terrorisme Nederland", which Frog may tag a participle)."""
    tok = doc.tokens[k]
    return (tok.text[:1].isupper() and tok.text.replace("-", "").isalpha()
            and k != doc.sentences[tok.sent].first_token and tok.pos not in ("LET", "VZ", "VG", "LID", "VNW"))


def _np_body(doc: ParsedDoc, k: int) -> bool:
    tok = doc.tokens[k]
    return (tok.pos in _NP_BODY or (tok.pos == "WW" and "prenom" in features(tok))  # "de gepensioneerde rechter"
            or _name_like(doc, k))


def _np_head(doc: ParsedDoc, k: int) -> bool:
    return doc.tokens[k].pos in _NP_HEAD or _name_like(doc, k)


@dataclass(frozen=True)
class Phrase:
    """Tokens ``[first, last)`` of a parse; ``head`` is the index of its main word."""

    first: int
    last: int
    head: int


class TokenIndex:
    """Character offsets to token indices for one parse."""

    def __init__(self, doc: ParsedDoc) -> None:
        self.doc = doc
        self.starts = [t.start for t in doc.tokens]
        self.ends = [t.end for t in doc.tokens]

    def first_at_or_after(self, char: int) -> int:
        """Index of the first token that starts at or after ``char`` (len(tokens) if none)."""
        return bisect.bisect_left(self.starts, char)

    def last_before(self, char: int) -> int:
        """Index of the last token that ends at or before ``char`` (-1 if none)."""
        return bisect.bisect_right(self.ends, char) - 1

    def inside(self, start: int, end: int) -> range:
        """Indices of the tokens lying within characters ``[start, end)``."""
        return range(self.first_at_or_after(start), self.last_before(end) + 1)


def sentence_bounds(doc: ParsedDoc, i: int) -> tuple[int, int]:
    """Token range ``[first, last)`` of the sentence holding token ``i``."""
    s = doc.sentences[doc.tokens[i].sent]
    return s.first_token, s.last_token


# Role nouns whose portfolio follows with "voor" as well as "van".
_PORTFOLIO_HOLDERS = frozenset({"minister", "staatssecretaris", "commissaris", "eurocommissaris", "gezant"})


def noun_phrase_at(doc: ParsedDoc, i: int, limit: int | None = None, *, of_phrase: bool = True) -> Phrase | None:
    """The noun phrase that starts at token ``i``: "de Russische minister van Buitenlandse Zaken".

    A personal pronoun alone is a phrase too. One "van ..." complement is taken in
    ("woordvoerder van het ministerie"); other prepositions end the phrase.
    """
    toks = doc.tokens
    if i >= len(toks):
        return None  # the preposition ended the text
    limit = sentence_bounds(doc, i)[1] if limit is None else limit
    if i >= limit:
        return None
    if is_personal_pronoun(toks[i]):
        return Phrase(i, i + 1, i)
    j = i
    while j < limit and is_determiner(toks[j]):
        j += 1
    body_start = j
    head = None
    named = False
    while j < limit and (_np_body(doc, j) or (toks[j].pos == "LET" and toks[j].text == "-" and j > body_start)):
        is_name = toks[j].pos == "SPEC" or _name_like(doc, j)
        if named and not is_name:
            break  # a name ends the phrase: "Trump [vorig jaar]"
        named = named or is_name
        if _np_head(doc, j):
            head = j
        j += 1
    if head is None:
        return None
    # Trailing adjectives or numerals after the last noun are not part of it.
    j = head + 1
    while j < limit and _np_head(doc, j):
        head = j
        j += 1
    if of_phrase and j + 1 < limit and toks[j].pos == "VZ" and (toks[j].lemma.casefold() == "van" or (
            toks[j].lemma.casefold() == "voor" and toks[head].lemma.casefold() in _PORTFOLIO_HOLDERS)):
        inner = noun_phrase_at(doc, j + 1, limit, of_phrase=False)
        # "minister voor Buitenlandse Handel en Ontwikkelingssamenwerking Lilianne Ploumen":
        # a portfolio of two capitalized parts, and the holder's name after it.
        while inner is not None and toks[head].lemma.casefold() in _PORTFOLIO_HOLDERS and inner.last + 1 < limit \
                and toks[inner.last].text == "en" and toks[inner.last + 1].text[:1].isupper():
            more = noun_phrase_at(doc, inner.last + 1, limit, of_phrase=False)
            if more is None:
                break
            inner = Phrase(inner.first, more.last, inner.head)
        if inner is not None:
            return Phrase(i, inner.last, head)
    return Phrase(i, j, head)


def noun_phrase_ending_at(doc: ParsedDoc, j: int, floor: int | None = None, *,
                          of_phrase: bool = True) -> Phrase | None:
    """The noun phrase whose last token is ``j`` (the mirror of :func:`noun_phrase_at`)."""
    toks = doc.tokens
    floor = sentence_bounds(doc, j)[0] if floor is None else floor
    if j < floor:
        return None
    if is_personal_pronoun(toks[j]):
        return Phrase(j, j + 1, j)
    if not _np_head(doc, j):
        return None
    head = j
    k = j
    while k - 1 >= floor and _np_body(doc, k - 1):
        k -= 1
    while k - 1 >= floor and is_determiner(toks[k - 1]):
        k -= 1
    # "minister van Buitenlandse Zaken", "directeur van de KNSA": go on before "van"
    # when a noun stands there.
    if of_phrase and k - 2 >= floor and toks[k - 1].lemma.casefold() == "van" and toks[k - 1].pos == "VZ" \
            and _np_head(doc, k - 2):
        outer = noun_phrase_ending_at(doc, k - 2, floor, of_phrase=False)
        if outer is not None:
            return Phrase(outer.first, j + 1, outer.head)
    # The head of "de Russische minister" is its first noun; of "minister Lavrov" the name.
    nouns = [x for x in range(k, j + 1) if _np_head(doc, x)]
    head = nouns[0] if nouns else j
    names = [x for x in nouns if toks[x].pos == "SPEC"]
    if names:
        head = names[0]
    return Phrase(k, j + 1, head)


def clause_punct(tok: Token) -> bool:
    return tok.text in _CLAUSE_PUNCT or (tok.pos == "LET" and tok.text in _CLAUSE_PUNCT)


def finite_verb_for(doc: ParsedDoc, v: int) -> int:
    """The finite verb of the clause of verb ``v``: itself, or the auxiliary before it.

    "heeft ... gezegd", "wil niet zeggen": the nearest finite verb before a participle
    or infinitive, within the clause; ``v`` itself when there is none.
    """
    toks = doc.tokens
    if is_finite(toks[v]):
        return v
    first, _ = sentence_bounds(doc, v)
    k = v - 1
    while k >= first and not clause_punct(toks[k]):
        if is_finite(toks[k]):
            return k
        if is_subordinator(toks[k]):
            break
        k -= 1
    return v
