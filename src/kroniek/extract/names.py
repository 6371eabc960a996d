"""Names in a parsed text: the parser's NER, the knowledge base's gazetteer and rules.

Frog's NER finds about half the names in Dutch news and labels many wrongly
("Amerikaanse" as a location, "Barak" as a location). This module combines three
sources of evidence into one list of typed name spans:

1. the parser's NER spans, trimmed of words that are not part of a name;
2. knowledge-base matches: known countries, places, organisations and people
   (longest match first), and country adjectives and demonyms;
3. rules over capitalization and context (lexicons/nl): a capitalized adjective
   inside a sentence is a reference to a place or people; a run of capitalized
   words that begins with a known first name is a person; one that ends in an
   organisation word ("Bank", "Partij") is an organisation.

Finally the names of one document are made consistent: a name gets the same type at
every occurrence, and occurrences the parser missed are added.

A :class:`Name`'s ``kind`` tells names proper ("name") from country adjectives
("adjective": Russische) and demonyms ("demonym": Russen).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..kb import KnowledgeBase
from ..kb.names import name_key, strip_genitive
from ..kb.records import AliasRef
from ..kb.tables import lexicon_words
from ..model import ParsedDoc, Token

# Frog's NER labels → kroniek's entity types (Frog has no GPE: the KB decides).
FROG_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "EVE": "EVENT", "PRO": "MISC", "MISC": "MISC"}

# Coarse tags of words that never begin or end a name (prepositions, articles,
# conjunctions, punctuation, pronouns, adverbs, verbs, interjections).
EDGE_POS = frozenset({"VZ", "LID", "VG", "LET", "VNW", "BW", "WW", "TSW"})
# The longest name the gazetteer looks for, in tokens.
MAX_TOKENS = 12


@dataclass(frozen=True)
class Name:
    """A name in the text: tokens ``first``..``last`` (exclusive), character offsets, type."""

    first: int
    last: int
    start: int
    end: int
    text: str
    type: str           # PER ORG LOC GPE EVENT MISC
    kind: str = "name"  # name | adjective | demonym
    source: str = "parser"  # parser | kb | rule | document
    kb_id: str | None = None


@dataclass(frozen=True)
class Lexicons:
    """The word lists the rules use (lexicons/nl)."""

    first_names: frozenset[str]
    org_words: frozenset[str]
    loc_words: frozenset[str]
    not_names: frozenset[str]
    particles: frozenset[str]


@lru_cache(maxsize=1)
def load_lexicons() -> Lexicons:
    return Lexicons(
        first_names=lexicon_words("first_names.txt"),
        org_words=lexicon_words("org_words.txt"),
        loc_words=lexicon_words("loc_words.txt"),
        not_names=lexicon_words("not_names.txt"),
        particles=lexicon_words("name_particles.txt"),
    )


def is_cap(tok: Token) -> bool:
    """Whether a token looks like a name word: a capital or a digit first."""
    c = tok.text[:1]
    return c.isupper() or (c.isdigit() and len(tok.text) > 1 and any(x.isalpha() for x in tok.text))


def _span_text(doc: ParsedDoc, toks: Sequence[Token], i: int, j: int) -> str:
    return doc.text[toks[i].start:toks[j - 1].end]


# --------------------------------------------------------------------------- sources


def parser_names(doc: ParsedDoc) -> list[Name]:
    """The parser's BIO spans, within sentences, trimmed of non-name words at the edges."""
    out: list[Name] = []
    for s in range(len(doc.sentences)):
        toks = doc.sentence_tokens(s)
        start = -1
        label = ""
        for k in range(len(toks) + 1):
            tag = toks[k].ner if k < len(toks) else "O"
            prefix, _, lab = tag.partition("-")
            if start >= 0 and (prefix != "I" or lab != label):
                name = _trimmed(doc, toks, start, k, label)
                if name is not None:
                    out.append(name)
                start = -1
            if prefix == "B" or (prefix == "I" and start < 0):
                start, label = k, lab
    return out


_BREAKS = frozenset("( ) [ ] , ; : \" “ ” „ « » / |".split())


def _trimmed(doc: ParsedDoc, toks: Sequence[Token], i: int, j: int, label: str) -> Name | None:
    if label not in FROG_TYPES:
        return None
    # A name does not run across a bracket or a comma: "Garzelli ( Ita" is "Garzelli".
    for k in range(i + 1, j):
        if toks[k].text in _BREAKS:
            j = k
            break
    while i < j and (toks[i].pos in EDGE_POS or not (is_cap(toks[i]) or toks[i].pos == "SPEC")):
        i += 1
    while j > i and (toks[j - 1].pos in EDGE_POS and toks[j - 1].text not in (".", "&")):
        j -= 1
    while j > i and toks[j - 1].pos == "LET":
        j -= 1
    if i >= j or not any(is_cap(t) for t in toks[i:j]):
        return None
    kind = "adjective" if all(t.pos == "ADJ" for t in toks[i:j]) else "name"
    typ = "MISC" if kind == "adjective" else FROG_TYPES[label]
    return Name(toks[i].i, toks[j - 1].i + 1, toks[i].start, toks[j - 1].end,
                _span_text(doc, toks, i, j), typ, kind, "parser")


def gazetteer_names(doc: ParsedDoc, kb: KnowledgeBase) -> list[tuple[Name, tuple[AliasRef, ...]]]:
    """Longest knowledge-base matches that start with a capitalized word, left to right."""
    out: list[tuple[Name, tuple[AliasRef, ...]]] = []
    for s in range(len(doc.sentences)):
        toks = doc.sentence_tokens(s)
        n = len(toks)
        i = 0
        while i < n:
            tok = toks[i]
            if not is_cap(tok):
                i += 1
                continue
            word = name_key(tok.text)
            bare = strip_genitive(word)
            if word not in kb.first_words and (bare is None or bare not in kb.first_words) \
                    and not _glued_start(doc, toks, i, kb):
                i += 1
                continue
            found = None
            for j in range(min(n, i + MAX_TOKENS), i, -1):
                last = toks[j - 1]
                if j - i > 1 and last.pos in EDGE_POS:
                    continue
                text = _span_text(doc, toks, i, j)
                refs = kb.refs(text)
                if not refs:
                    stripped = strip_genitive(text)
                    if stripped:
                        refs = tuple(r for r in kb.refs(stripped) if r.form in ("name", "surname"))
                if refs and _case_ok(text, refs, kb):
                    found = (j, refs)
                    break
            if found is None:
                i += 1
                continue
            j, refs = found
            out.append((_kb_name(doc, toks, i, j, refs, kb), refs))
            i = j
    return out


def _glued_start(doc: ParsedDoc, toks: Sequence[Token], i: int, kb: KnowledgeBase) -> bool:
    # "N'Djamena" tokenized as "N'" + "Djamena": the word is the glued run of tokens.
    j = i + 1
    while j < len(toks) and toks[j].start == toks[j - 1].end:
        j += 1
    return j > i + 1 and name_key(_span_text(doc, toks, i, j)) in kb.first_words


def _case_ok(text: str, refs: tuple[AliasRef, ...], kb: KnowledgeBase) -> bool:
    """Short acronyms must be written in capitals: "VS" is the United States, "vs" is not."""
    if all(r.caps for r in refs):
        return text.isupper()
    return True


def _kb_name(doc: ParsedDoc, toks: Sequence[Token], i: int, j: int, refs: tuple[AliasRef, ...],
             kb: KnowledgeBase) -> Name:
    ref = refs[0]
    entry = kb.entries[ref.entry]
    if ref.form in ("adjective", "demonym"):
        typ, kind = "MISC", ref.form
    else:
        typ, kind = entry.type, "name"
    return Name(toks[i].i, toks[j - 1].i + 1, toks[i].start, toks[j - 1].end, _span_text(doc, toks, i, j),
                typ, kind, "kb", entry.id)


# --------------------------------------------------------------------------- combining


def recognize(doc: ParsedDoc, kb: KnowledgeBase, lex: Lexicons | None = None) -> tuple[Name, ...]:
    """Typed name spans of ``doc``, in text order, without overlaps."""
    lex = lex or load_lexicons()
    parsed = parser_names(doc)
    gaz = gazetteer_names(doc, kb)
    taken: dict[int, Name] = {}  # token index -> chosen name covering it

    def take(name: Name) -> None:
        for k in range(name.first, name.last):
            taken[k] = name

    def free(first: int, last: int) -> bool:
        return all(k not in taken for k in range(first, last))

    # Strong knowledge-base matches first, longest first: a full name the KB knows is
    # more reliable than the parser's boundaries.
    strong = [(nm, refs) for nm, refs in gaz if any(r.strong for r in refs)]
    for nm, refs in sorted(strong, key=lambda x: -(x[0].last - x[0].first)):
        covering = [p for p in parsed if p.first <= nm.first and p.last >= nm.last
                    and (p.last - p.first) > (nm.last - nm.first)]
        if covering and nm.kind == "name":
            continue  # the parser saw a longer name around it ("Kim Jong-un" around "Kim")
        if free(nm.first, nm.last):
            take(nm)
    weak = {(nm.first, nm.last): (nm, refs) for nm, refs in gaz if not any(r.strong for r in refs)}
    in_parsed = {k for p in parsed for k in range(p.first, p.last)}
    for (first, last), (nm, refs) in weak.items():
        # A name the knowledge base knows only as a surname ("Poetin") counts when the
        # parser tags it as a proper noun inside a sentence, even where its NER missed it.
        if not any(k in in_parsed for k in range(first, last)) and free(first, last) \
                and _proper_noun_inside(doc, first, last):
            take(nm)
    for p in parsed:
        hit = weak.get((p.first, p.last))
        if hit is not None and free(p.first, p.last):
            nm, refs = hit
            take(Name(p.first, p.last, p.start, p.end, p.text, nm.type, nm.kind, "kb", nm.kb_id))
            continue
        # What is left of the parser's span beside names already taken ("Britse Concorde").
        for a, b in _free_runs(p.first, p.last, taken):
            piece = _piece(doc, p, a, b)
            if piece is not None:
                take(piece)
    _capitalized_adjectives(doc, taken, take)
    names = sorted({id(n): n for n in taken.values()}.values(), key=lambda n: n.first)
    names = _first_name_adjectives(doc, names, lex)
    names = _with_particles(doc, names, lex)
    names = _merge_adjacent(doc, names, lex)
    names = _portfolios(doc, names)
    return tuple(_consistent(doc, names, kb))


def _free_runs(first: int, last: int, taken: dict[int, Name]) -> list[tuple[int, int]]:
    runs, start = [], None
    for k in range(first, last + 1):
        if k < last and k not in taken:
            start = k if start is None else start
        elif start is not None:
            runs.append((start, k))
            start = None
    return runs


def _piece(doc: ParsedDoc, p: Name, a: int, b: int) -> Name | None:
    if (a, b) == (p.first, p.last):
        return p
    toks = doc.tokens
    while a < b and (toks[a].pos in EDGE_POS or not is_cap(toks[a])):
        a += 1
    while b > a and toks[b - 1].pos in EDGE_POS:
        b -= 1
    if a >= b or all(t.pos == "ADJ" for t in toks[a:b]):
        return None
    return Name(a, b, toks[a].start, toks[b - 1].end, doc.text[toks[a].start:toks[b - 1].end], p.type,
                p.kind, p.source)


def _sentence_initial(doc: ParsedDoc, tok: Token) -> bool:
    first = doc.sentences[tok.sent].first_token
    k = tok.i - 1
    while k >= first and doc.tokens[k].pos == "LET":
        k -= 1  # after an opening quote or bracket a sentence starts anew
    return k < first


def _capitalized_adjectives(doc: ParsedDoc, taken: dict[int, Name], take) -> None:
    """Dutch capitalizes only adjectives made from names: inside a sentence "Vlaamse",
    "Brusselse" refer to a place or people even where the knowledge base lacks them."""
    for tok in doc.tokens:
        if tok.i in taken or tok.pos != "ADJ" or not tok.text[:1].isupper() or _sentence_initial(doc, tok):
            continue
        take(Name(tok.i, tok.i + 1, tok.start, tok.end, tok.text, "MISC", "adjective", "rule"))


def _first_name_adjectives(doc: ParsedDoc, names: list[Name], lex: Lexicons) -> list[Name]:
    """ "Frans Verberckmoes": a word that is both a country adjective and a first name,
    followed by a capitalized name, is the first name of a person."""
    out: list[Name] = []
    skip = set()
    for k, n in enumerate(names):
        if k in skip:
            continue
        nxt = names[k + 1] if k + 1 < len(names) else None
        if n.kind == "adjective" and n.last == n.first + 1 and n.text.casefold() in lex.first_names \
                and nxt is not None and nxt.first == n.last and nxt.kind == "name" and nxt.type in ("PER", "MISC", "LOC"):
            out.append(Name(n.first, nxt.last, n.start, nxt.end, doc.text[n.start:nxt.end], "PER", "name", "rule"))
            skip.add(k + 1)
            continue
        out.append(n)
    return out


def _with_particles(doc: ParsedDoc, names: list[Name], lex: Lexicons) -> list[Name]:
    """Flemish and Dutch surnames with capitalized particles: "De Puydt", "Van de Wouwer"."""
    out = []
    toks = doc.tokens
    for n in names:
        if n.kind == "name" and n.type in ("PER", "MISC", "ORG", "LOC") and n.source != "kb":
            a = n.first
            while a - 1 >= 0 and toks[a - 1].sent == toks[n.first].sent and toks[a - 1].text[:1].isupper() \
                    and toks[a - 1].text.casefold() in lex.particles and (a - 1) not in _covered(names, n):
                a -= 1
            # "Van de Wouwer": lower-case particles after a capitalized one belong too.
            if a < n.first and a > 0 and toks[a - 1].sent == toks[a].sent and toks[a - 1].text.casefold() in lex.particles \
                    and toks[a - 1].text[:1].isupper():
                a -= 1
            if a < n.first and not (n.type != "PER" and toks[a].text in ("De", "Het")):
                n = Name(a, n.last, toks[a].start, n.end, doc.text[toks[a].start:n.end], "PER" if n.type == "MISC" else n.type,
                         n.kind, "rule", n.kb_id)
        out.append(n)
    return out


def _covered(names: list[Name], but: Name) -> set[int]:
    return {k for m in names if m is not but for k in range(m.first, m.last)}


def _merge_adjacent(doc: ParsedDoc, names: list[Name], lex: Lexicons) -> list[Name]:
    """A one-word name right before another name is part of it: the parser split them
    ("Air" + "Katanga", "Rudy" + "De Brandt"); the first part's type holds unless the
    last word says organisation or the first is a first name."""
    out: list[Name] = []
    for n in names:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "name" and n.kind == "name" and prev.last == n.first \
                and prev.last - prev.first == 1 \
                and doc.tokens[prev.first].sent == doc.tokens[n.first].sent \
                and not (prev.source == "kb" and n.source == "kb") and doc.text[prev.end:n.start].strip() == "":
            typ = prev.type
            if doc.tokens[n.last - 1].text.casefold() in lex.org_words:
                typ = "ORG"
            elif prev.type != "PER" and n.type == "PER" and prev.text.casefold() in lex.first_names:
                typ = "PER"
            elif prev.text.casefold() in lex.first_names or (prev.type == "PER" and n.type == "PER"):
                typ = "PER"
            out[-1] = Name(prev.first, n.last, prev.start, n.end, doc.text[prev.start:n.end], typ, "name", "rule")
            continue
        out.append(n)
    return out


_PORTFOLIO_HEADS = frozenset(["minister", "ministerie", "ministeries", "departement", "staatssecretaris",
                              "kabinet", "schepen", "commissie", "commissaris", "directie", "dienst"])


def _portfolios(doc: ParsedDoc, names: list[Name]) -> list[Name]:
    """"minister van Buitenlandse Zaken": a capitalized name after "minister/ministerie van"
    is the ministry (an organisation), whatever the parser labelled it."""
    out = []
    toks = doc.tokens
    for n in names:
        k = n.first - 1
        if n.kind == "name" and n.source != "kb" and k >= 1 and toks[k].text.casefold() == "van" \
                and toks[k - 1].sent == toks[k].sent and toks[k - 1].text.casefold().split("-")[-1] in _PORTFOLIO_HEADS:
            n = Name(n.first, n.last, n.start, n.end, n.text, "ORG", n.kind, "rule", n.kb_id)
        out.append(n)
    return out


def _proper_noun_inside(doc: ParsedDoc, first: int, last: int) -> bool:
    toks = doc.tokens[first:last]
    if toks[0].i == doc.sentences[toks[0].sent].first_token:
        return False
    return all(t.pos == "SPEC" or t.tag.startswith("N(eigen") for t in toks)


def _consistent(doc: ParsedDoc, names: list[Name], kb: KnowledgeBase) -> list[Name]:
    """One type per name string in a document (the knowledge base's, else the majority)."""
    votes: dict[str, Counter[str]] = {}
    kb_type: dict[str, str] = {}
    for nm in names:
        if nm.kind != "name":
            continue
        key = name_key(nm.text)
        votes.setdefault(key, Counter())[nm.type] += 1
        if nm.source == "kb":
            kb_type[key] = nm.type
    out = []
    for nm in names:
        if nm.kind == "name" and nm.source != "kb":
            key = name_key(nm.text)
            best = kb_type.get(key) or votes[key].most_common(1)[0][0]
            if best != nm.type:
                nm = Name(nm.first, nm.last, nm.start, nm.end, nm.text, best, nm.kind, "document", nm.kb_id)
        out.append(nm)
    return out
