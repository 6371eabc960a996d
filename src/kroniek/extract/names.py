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

from ..dates import parse_pub_date
from ..errors import InputError
from ..kb import KnowledgeBase
from ..kb.names import name_key, strip_genitive
from ..kb.records import AliasRef, fit_case
from ..kb.tables import lexicon_lines, lexicon_words
from ..model import ParsedDoc, Token

# Frog's NER labels → kroniek's entity types (Frog has no GPE: the KB decides).
FROG_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "EVE": "EVENT", "PRO": "MISC", "MISC": "MISC"}

# Coarse tags of words that never begin or end a name (prepositions, articles,
# conjunctions, punctuation, pronouns, adverbs, verbs, interjections).
EDGE_POS = frozenset({"VZ", "LID", "VG", "LET", "VNW", "BW", "WW", "TSW"})
# Words that are never a name by themselves, whatever a folded alias says (article "Een"
# against the broadcaster "Eén").
FUNCTION_POS = frozenset({"VZ", "LID", "VG", "VNW"})
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

    cues: dict[str, str]   # common noun -> type of the name right after it
    first_names: frozenset[str]
    org_words: frozenset[str]
    loc_words: frozenset[str]
    not_names: frozenset[str]   # never the first word of a name found by a rule
    particles: frozenset[str]
    titles: frozenset[str]


@lru_cache(maxsize=1)
def load_lexicons() -> Lexicons:
    cues = {noun.casefold(): typ for _, (noun, typ, *_) in lexicon_lines("context_cues.tsv", 2) if noun != "noun"}
    return Lexicons(
        cues=cues,
        first_names=lexicon_words("first_names.txt"),
        org_words=lexicon_words("org_words.txt"),
        loc_words=lexicon_words("loc_words.txt"),
        not_names=lexicon_words("not_names.txt"),
        particles=lexicon_words("name_particles.txt"),
        titles=lexicon_words("titles.txt"),
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
                for a, b in _person_pieces(toks, start, k, label):
                    for c, d in _relation_pieces(toks, a, b):
                        name = _trimmed(doc, toks, c, d, label)
                        if name is not None:
                            out.append(name)
                start = -1
            if prefix == "B" or (prefix == "I" and start < 0):
                start, label = k, lab
    return out


_BREAKS = frozenset("( ) [ ] , ; : \" “ ” „ « » / |".split())


def _person_pieces(toks: Sequence[Token], i: int, j: int, label: str) -> list[tuple[int, int]]:
    """A person span the NER ran across a conjunction ("Poetin en Erdogan") is two people:
    no person's name holds "en" or "of"."""
    if label != "PER":
        return [(i, j)]
    pieces, a = [], i
    for k in range(i, j):
        if toks[k].pos == "VG" and toks[k].text.casefold() in {"en", "of"}:
            pieces.append((a, k))
            a = k + 1
    pieces.append((a, j))
    return [(x, y) for x, y in pieces if y > x]


@lru_cache(maxsize=1)
def _name_breaks() -> frozenset[str]:
    """Lower-case nouns no name holds: relations between people and one-word roles."""
    roles = {cols[0].casefold() for _, cols in lexicon_lines("roles.tsv", 5)
             if cols[0] != "phrase" and " " not in cols[0]}
    return lexicon_words("relation_nouns.txt") | frozenset(roles)


def _relation_pieces(toks: Sequence[Token], i: int, j: int) -> list[tuple[int, int]]:
    """A span the NER ran over a relation or role noun ("Trumps voorganger Obama") is
    two names, one on either side of it."""
    pieces, a = [], i
    for k in range(i + 1, j - 1):
        if toks[k].text.islower() and toks[k].text in _name_breaks():
            pieces.append((a, k))
            a = k + 1
    pieces.append((a, j))
    return [(x, y) for x, y in pieces if y > x]


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
    # "Minister Wopke Hoekstra", "Majoor Marco Kroon" opening a sentence: the title is no part of the name.
    while j - i >= 2 and toks[i].text.casefold() in load_lexicons().titles and is_cap(toks[i + 1]):
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


def gazetteer_names(doc: ParsedDoc, kb: KnowledgeBase,
                    date: str | None = None) -> list[tuple[Name, tuple[AliasRef, ...]]]:
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
                if not refs and last.pos != "ADJ":  # "Antwerps" is an adjective, not Antwerp's
                    stripped = strip_genitive(text)
                    if stripped:
                        refs = tuple(r for r in kb.refs(stripped) if r.form in ("name", "surname"))
                if refs and last.text[:1].islower() and j - i > 1 and not any(r.lower_tail for r in refs):
                    refs = ()
                refs = fit_case(text, refs)
                if refs:
                    found = (j, refs)
                    break
            if found is None:
                i += 1
                continue
            j, refs = found
            if j - i == 1 and tok.pos in FUNCTION_POS:
                i += 1  # "Een petitie" is no broadcaster Eén, "De" no place
                continue
            if j - i == 1 and _sentence_initial(doc, tok) and not _proper_tag(tok) \
                    and not any(r.form in ("adjective", "demonym") for r in refs) \
                    and not _in_office(refs, kb, date) and not _capital_or_country(tok, refs, kb):
                i += 1  # "Een", "Bergen", "Namen" opening a sentence: a capital says nothing there
                continue
            out.append((_kb_name(doc, toks, i, j, refs, kb), refs))
            i = j
    return out


def _capital_or_country(tok: Token, refs: tuple[AliasRef, ...], kb: KnowledgeBase) -> bool:
    """Whether a sentence's first word is a country, or a seat of government as its
    subject ("Seoel liet weten"). Short words are left out ("Man" is an island too)."""
    if len(tok.text) < 4:
        return False
    return any(r.strong and r.form == "name" and (kb.entries[r.entry].kind == "country" or (
        kb.entries[r.entry].seat_of and tok.deprel == "su")) for r in refs)


def _glued_start(doc: ParsedDoc, toks: Sequence[Token], i: int, kb: KnowledgeBase) -> bool:
    # "N'Djamena" tokenized as "N'" + "Djamena": the word is the glued run of tokens.
    j = i + 1
    while j < len(toks) and toks[j].start == toks[j - 1].end:
        j += 1
    return j > i + 1 and name_key(_span_text(doc, toks, i, j)) in kb.first_words


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


def recognize(doc: ParsedDoc, kb: KnowledgeBase, lex: Lexicons | None = None,
              date: str | None = None) -> tuple[Name, ...]:
    """Typed name spans of ``doc``, in text order, without overlaps (``date``: the article's)."""
    lex = lex or load_lexicons()
    parsed = parser_names(doc)
    gaz = gazetteer_names(doc, kb, date)
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
                and (_proper_noun_inside(doc, first, last) or _in_office(refs, kb, date)):
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
    names = _portfolios(doc, names, lex, kb)
    names = _split_at_first_names(doc, names, lex)
    names = _adjective_prefixes(doc, names)
    names = _context_cues(doc, names, lex)
    names = _head_words(doc, names, lex)
    names = _first_names(doc, names, lex, kb)
    names = _repeats(doc, names, lex)
    return tuple(_consistent(doc, names, kb))


def _ends_in(word: str, words: frozenset[str]) -> bool:
    """``word`` is in ``words``, or ends in one of its *-entries ("Wetstraat" in "*straat")."""
    w = word.casefold()
    if w in words:
        return True
    return any(("*" + w[k:]) in words for k in range(1, len(w) - 2))


def _head_words(doc: ParsedDoc, names: list[Name], lex: Lexicons) -> list[Name]:
    """The last word of a name says what it is: "... Bank", "... Partij" an organisation,
    "...straat", "... Zee" a place (lexicons/nl/org_words.txt, loc_words.txt)."""
    out = []
    for n in names:
        if n.kind == "name" and n.source != "kb":
            last = doc.tokens[n.last - 1].text
            typ = "ORG" if _ends_in(last, lex.org_words) else "LOC" if _ends_in(last, lex.loc_words) else None
            if typ is not None and typ != n.type and not (typ == "LOC" and n.type == "GPE") \
                    and not (n.last - n.first == 1 and last.casefold() in lex.org_words):
                n = Name(n.first, n.last, n.start, n.end, n.text, typ, n.kind, "rule", n.kb_id)
        out.append(n)
    return out


def _first_names(doc: ParsedDoc, names: list[Name], lex: Lexicons, kb: KnowledgeBase) -> list[Name]:
    """A name of two words or more that begins with a known first name is a person's,
    whatever the parser labelled it ("Frans Steenhoudt", "Ief Vertommen")."""
    out = []
    for n in names:
        if n.kind == "name" and n.source != "kb" and n.type != "PER" and n.last - n.first >= 2:
            first = doc.tokens[n.first].text
            key = first.casefold()
            if (key in lex.first_names or name_key(first) in kb.first_names) and is_cap(doc.tokens[n.first + 1]):
                n = Name(n.first, n.last, n.start, n.end, n.text, "PER", n.kind, "rule", n.kb_id)
        out.append(n)
    return out


_PLACE_PREPOSITIONS = frozenset(["in", "naar", "uit", "te", "nabij", "vanuit"])


def _context_cues(doc: ParsedDoc, names: list[Name], lex: Lexicons) -> list[Name]:
    """The word before a name says what it is: "het bedrijf Floralux" (ORG), "de zanger
    Arno" (PER); a one-word name after "in"/"naar"/"uit" that the parser took for a
    person or thing is a place ("in Hal")."""
    out = []
    toks = doc.tokens
    for n in names:
        if n.kind == "name" and n.source not in ("kb",) and n.first > 0 and toks[n.first - 1].sent == toks[n.first].sent:
            before = toks[n.first - 1].text.casefold()
            cue = lex.cues.get(before) or lex.cues.get(before.rsplit("-", 1)[-1])
            if cue is not None and cue != n.type and not (cue == "LOC" and n.type == "GPE"):
                n = Name(n.first, n.last, n.start, n.end, n.text, cue, n.kind, "rule", n.kb_id)
            elif before in _PLACE_PREPOSITIONS and n.last - n.first == 1 and n.type in ("PER", "MISC"):
                n = Name(n.first, n.last, n.start, n.end, n.text, "LOC", n.kind, "rule", n.kb_id)
        out.append(n)
    return out


def _split_at_first_names(doc: ParsedDoc, names: list[Name], lex: Lexicons) -> list[Name]:
    """ "ACW-voorzitter Theo Rombouts": a role compound the parser ran into a person's name
    is cut off where a first name begins; the person is the rest."""
    out = []
    toks = doc.tokens
    for n in names:
        cut = None
        if n.kind == "name" and n.source != "kb":
            for k in range(n.first + 1, n.last - 1):
                before = toks[k - 1].text
                if toks[k].text.casefold() in lex.first_names and "-" in before and before.rsplit("-", 1)[1][:1].islower():
                    cut = k
                    break
        if cut is None:
            out.append(n)
            continue
        out.append(Name(n.first, cut, n.start, toks[cut - 1].end, doc.text[n.start:toks[cut - 1].end], "MISC",
                        n.kind, "rule"))
        out.append(Name(cut, n.last, toks[cut].start, n.end, doc.text[toks[cut].start:n.end], "PER", n.kind, "rule"))
    return out


def _adjective_prefixes(doc: ParsedDoc, names: list[Name]) -> list[Name]:
    """ "Kleine Zavel", "Grote Markt": a capitalized adjective that is no country's,
    right before a name, is the first word of that name."""
    out: list[Name] = []
    for n in names:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "adjective" and prev.source != "kb" and n.kind == "name" \
                and prev.last == n.first and not _sentence_initial(doc, doc.tokens[prev.first]):
            out[-1] = Name(prev.first, n.last, prev.start, n.end, doc.text[prev.start:n.end], n.type, "name", "rule",
                           n.kb_id)
            continue
        out.append(n)
    return out


def _repeats(doc: ParsedDoc, names: list[Name], lex: Lexicons) -> list[Name]:
    """Names the parser found once are names wherever they recur in the document, and a
    person's surname alone is that person ("Rosenfeld" after "Paul Rosenfeld")."""
    known: dict[str, str] = {}
    for n in names:
        if n.kind != "name" or len(n.text) < 3:
            continue
        known.setdefault(n.text, n.type)
        words = n.text.split()
        if n.type == "PER" and len(words) >= 2 and len(words[-1]) >= 3 and words[-1][:1].isupper():
            known.setdefault(words[-1], "PER")
    if not known:
        return names
    covered = {k for n in names for k in range(n.first, n.last)}
    longest = max(len(k.split()) for k in known)
    added: list[Name] = []
    toks = doc.tokens
    for tok in toks:
        if tok.i in covered or not is_cap(tok) or tok.text.casefold() in lex.not_names:
            continue
        if _sentence_initial(doc, tok) and not _initial_surname(doc, tok, known):
            continue
        for size in range(longest, 0, -1):
            last = tok.i + size
            if last > len(toks) or toks[last - 1].sent != tok.sent or any(k in covered for k in range(tok.i, last)):
                continue
            text = doc.text[tok.start:toks[last - 1].end]
            typ = known.get(text)
            if typ is not None:
                added.append(Name(tok.i, last, tok.start, toks[last - 1].end, text, typ, "name", "document"))
                covered.update(range(tok.i, last))
                break
    return sorted(names + added, key=lambda n: n.first)


def _initial_surname(doc: ParsedDoc, tok: Token, known: dict[str, str]) -> bool:
    """A person's surname first in a sentence and followed by its verb ("Haftar zegt",
    "Haftar wordt gesteund"): the person, though any first word is capitalised."""
    nxt = doc.tokens[tok.i + 1] if tok.i + 1 < len(doc.tokens) else None
    return (known.get(tok.text) == "PER" and len(tok.text) >= 4 and nxt is not None
            and nxt.sent == tok.sent and nxt.tag.startswith("WW(pv"))


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
    covered = {k for n in names for k in range(n.first, n.last)}
    toks = doc.tokens
    for k, n in enumerate(names):
        if k in skip:
            continue
        if n.kind == "adjective" and n.last == n.first + 1 and n.text.casefold() in lex.first_names:
            nxt = names[k + 1] if k + 1 < len(names) else None
            if nxt is not None and nxt.first == n.last and nxt.kind == "name" and nxt.type in ("PER", "MISC", "LOC"):
                out.append(Name(n.first, nxt.last, n.start, nxt.end, doc.text[n.start:nxt.end], "PER", "name", "rule"))
                skip.add(k + 1)
                continue
            end = n.last
            while end < len(toks) and toks[end].sent == toks[n.first].sent and end not in covered \
                    and is_cap(toks[end]) and toks[end].pos not in EDGE_POS \
                    and toks[end].text.casefold() not in lex.not_names:
                end += 1
            if end > n.last:
                out.append(Name(n.first, end, n.start, toks[end - 1].end, doc.text[n.start:toks[end - 1].end], "PER",
                                "name", "rule"))
                continue
        out.append(n)
    return out


def _with_particles(doc: ParsedDoc, names: list[Name], lex: Lexicons) -> list[Name]:
    """Flemish and Dutch surnames with particles: "De Puydt", "Van de Wouwer", "Van der Plaetsen".

    The particles before a name join it when the first of them is capitalized (a lower-case
    "van" is usually the preposition). "Van" makes a person; "De" joins a person's name
    inside a sentence (at its start it is the article).
    """
    out = []
    toks = doc.tokens
    covered = {k for m in names for k in range(m.first, m.last)}
    for n in names:
        if n.kind == "name" and n.source != "kb":
            k = n.first - 1
            while k >= 0 and toks[k].sent == toks[n.first].sent and toks[k].text.casefold() in lex.particles \
                    and k not in covered:
                k -= 1
            a = next((p for p in range(k + 1, n.first) if toks[p].text[:1].isupper()), n.first)
            if a < n.first:
                lead = toks[a].text.casefold()
                typ = "PER" if lead.startswith("van") else n.type
                # "De Puydt" inside a sentence; "De Pacers" opening one is an article and a name.
                if lead.startswith("van") or (typ == "PER" and not _sentence_initial(doc, toks[a])):
                    n = Name(a, n.last, toks[a].start, n.end, doc.text[toks[a].start:n.end], typ, n.kind, "rule",
                             n.kb_id)
        out.append(n)
    return out


def _covered(names: list[Name], but: Name) -> set[int]:
    return {k for m in names if m is not but for k in range(m.first, m.last)}


@lru_cache(maxsize=1)
def _role_heads() -> frozenset[str]:
    return _name_breaks() | lexicon_words("role_nouns.txt")


def _role_compound(word: str) -> bool:
    """A hyphenated role written with its organisation or party: "MIVD-baas",
    "VVD-leider", "NAVO-chef"."""
    head, dash, tail = word.rpartition("-")
    return bool(dash) and bool(head) and tail.islower() and tail in _role_heads()


def _merge_adjacent(doc: ParsedDoc, names: list[Name], lex: Lexicons) -> list[Name]:
    """A one-word name right before another name is part of it: the parser split them
    ("Air" + "Katanga", "Rudy" + "De Brandt"); the first part's type holds unless the
    last word says organisation or the first is a first name."""
    out: list[Name] = []
    for n in names:
        prev = out[-1] if out else None
        if prev is not None and prev.last == n.first and prev.last - prev.first == 1 and _role_compound(prev.text):
            out[-1] = n  # "MIVD-baas Onno Eichelsheim": the role before the name is no part of it
            continue
        if prev is not None and prev.kind == "name" and n.kind == "name" and prev.last == n.first \
                and prev.last - prev.first == 1 and prev.text.casefold() not in lex.titles \
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


PORTFOLIO_HEADS = frozenset(["minister", "ministerie", "ministeries", "departement", "staatssecretaris",
                              "kabinet", "schepen", "commissie", "commissaris", "directie", "dienst"])


def _person_starts(doc: ParsedDoc, j: int, kb: KnowledgeBase) -> bool:
    """Whether a full name of a person the knowledge base knows starts at token ``j``."""
    toks = doc.tokens
    for end in range(j + 2, min(len(toks), j + 5) + 1):
        if toks[end - 1].sent != toks[j].sent:
            break
        for r in kb.refs(doc.text[toks[j].start:toks[end - 1].end]):
            if r.strong and kb.entries[r.entry].kind == "person":
                return True
    return False


def _apposed_name(toks: Sequence[Token], j: int) -> bool:
    """Whether a name of two or more words the parser hangs on the noun before it starts
    at ``j`` ("minister van Defensie Oleksiy Reznikov": app, mwp)."""
    return toks[j].pos == "SPEC" and toks[j].deprel == "app" and j + 1 < len(toks) \
        and toks[j + 1].pos == "SPEC" and toks[j + 1].deprel == "mwp"


def _portfolios(doc: ParsedDoc, names: list[Name], lex: Lexicons, kb: KnowledgeBase) -> list[Name]:
    """ "minister van Buitenlandse Zaken": capitalized words after "minister/ministerie
    van" name the ministry (an organisation), whatever the parser labelled them; a name
    that runs on into a person ("Justitie Marc Verwilghen") is split at the first name."""
    toks = doc.tokens
    by_first = {n.first: n for n in names}
    out = list(names)
    for van in toks:
        if van.text.casefold() not in ("van", "voor") or van.i == 0 or van.i + 1 >= len(toks):
            continue
        head = toks[van.i - 1]
        if head.sent != van.sent or head.text.casefold().split("-")[-1] not in PORTFOLIO_HEADS:
            continue
        k = van.i + 1
        n = by_first.get(k)
        if n is not None and n.source == "kb":
            continue
        # the portfolio's words: capitalized, or "en" between capitalized ones
        j = k
        while j < len(toks) and toks[j].sent == van.sent and (
                is_cap(toks[j]) or (toks[j].text == "en" and j + 1 < len(toks) and is_cap(toks[j + 1]))):
            if j > k and (toks[j].text.casefold() in lex.first_names or _person_starts(doc, j, kb)
                          or _apposed_name(toks, j)):
                break  # "Justitie Marc Verwilghen", "Buitenlandse Zaken Heiko Maas": the person starts here
            if j > k and toks[j - 1].text.casefold() == "zaken" and toks[j].text != "en":
                break  # "Buitenlandse Zaken Taro Kono": a portfolio in Zaken ends there
            j += 1
        if j == k:
            continue
        portfolio = Name(k, j, toks[k].start, toks[j - 1].end, doc.text[toks[k].start:toks[j - 1].end], "ORG", "name", "rule")
        new = [x for x in out if x.last <= k or x.first >= j]
        for x in out:
            if x.first < j <= x.last - 1 and x.first >= k:
                # the rest of a name that ran on past the portfolio: a person if it starts with a first name
                rest_t = "PER" if toks[j].text.casefold() in lex.first_names or _apposed_name(toks, j) else x.type
                new.append(Name(j, x.last, toks[j].start, x.end, doc.text[toks[j].start:x.end], rest_t, x.kind, "rule"))
        new.append(portfolio)
        out = sorted(new, key=lambda x: x.first)
    return out


def _proper_tag(tok: Token) -> bool:
    return tok.pos == "SPEC" or tok.tag.startswith("N(eigen")


def _proper_noun_inside(doc: ParsedDoc, first: int, last: int) -> bool:
    toks = doc.tokens[first:last]
    if _sentence_initial(doc, toks[0]):
        return False
    return all(_proper_tag(t) for t in toks)


def _in_office(refs: tuple[AliasRef, ...], kb: KnowledgeBase, date: str | None) -> bool:
    """Whether a name is the surname of someone holding an office on ``date``.

    Opening a sentence a capital says nothing ("Bot brak."), but news opens sentences
    with the surnames of the people in office ("Macron reist ..."), which the parser
    often tags as common nouns.
    """
    if not date:
        return False
    try:
        pub = parse_pub_date(date)
    except InputError:
        return False
    first, last = pub.first_day.isoformat(), pub.last_day.isoformat()
    for r in refs:
        e = kb.entries[r.entry]
        if r.form in ("surname", "name") and e.kind == "person" and any(
                t.dated and t.office and t.overlap(first, last) for t in e.tenures):
            return True
    return False


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
        words = key.split()
        if nm.type == "PER" and len(words) >= 2:
            # "Garzelli" alone is the person "Stefano Garzelli" named elsewhere.
            votes.setdefault(words[-1], Counter())["PER"] += 2
    out = []
    for nm in names:
        if nm.kind == "name" and nm.source != "kb":
            key = name_key(nm.text)
            best = kb_type.get(key) or votes.get(key, Counter({nm.type: 1})).most_common(1)[0][0]
            if best != nm.type:
                nm = Name(nm.first, nm.last, nm.start, nm.end, nm.text, best, nm.kind, "document", nm.kb_id)
        out.append(nm)
    return out
