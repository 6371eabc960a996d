"""Between kroniek's ParsedDoc and spaCy's Doc, both ways, for the fast Dutch parser.

Training (scripts/train_fast_parser.py) turns Frog's parses into spaCy Docs; parsing
(:mod:`kroniek.nlp.fast`) turns the model's Docs back into ParsedDocs with Frog's
vocabularies, so every extractor reads the same labels from either backend.

Two things do not map one to one, and this module is where that is handled:

* Frog often leaves several roots in one sentence (fragments, headlines, lists); in a
  spaCy tree every root starts a new sentence. Extra roots are therefore attached to
  the sentence's main root under the label :data:`EXTRA_ROOT` for training, and turned
  back into roots (head None, ``ROOT``) when reading the model's answer.
* spaCy keeps whitespace runs as tokens of their own; kroniek's tokens never hold
  whitespace, so they are dropped, and a head that pointed at one is followed on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..model import ParsedDoc, Sentence, Token
from .frog_output import coarse_pos

if TYPE_CHECKING:  # spaCy is imported by the callers; keep this module cheap to import
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

# Dependency label of a Frog root that is not the sentence's main root (training only).
EXTRA_ROOT = "xroot"
# spaCy's own label for a root, and Frog's.
SPACY_ROOT = "ROOT"
FROG_ROOT = "ROOT"


def _main_root(roots: list[int], heads: list[int | None], first: int, last: int) -> int:
    """The root whose subtree is largest (ties: the first), for one sentence."""
    size = {r: 0 for r in roots}
    for i in range(first, last):
        j: int | None = i
        seen = 0
        while j is not None and heads[j] is not None and seen <= last - first:
            j = heads[j]
            seen += 1
        if j in size:
            size[j] += 1
    return max(roots, key=lambda r: (size[r], -r))


def to_spacy_doc(parsed: ParsedDoc, vocab: Vocab) -> Doc:
    """A spaCy Doc with Frog's tokens, tags, lemmas, one tree per sentence and entities.

    Words are Frog's tokens; a token is followed by a space when the text has any gap
    after it (the exact whitespace is not needed to learn from).
    """
    from spacy.tokens import Doc, Span

    tokens = parsed.tokens
    words = [t.text for t in tokens]
    spaces = [i + 1 < len(tokens) and tokens[i + 1].start > t.end for i, t in enumerate(tokens)]
    heads: list[int | None] = [t.head for t in tokens]
    deps = [t.deprel if t.head is not None else SPACY_ROOT for t in tokens]
    sent_starts: list[bool] = [False] * len(tokens)
    for s in parsed.sentences:
        if s.last_token <= s.first_token:
            continue
        sent_starts[s.first_token] = True
        roots = [i for i in range(s.first_token, s.last_token) if heads[i] is None]
        if not roots:  # a cycle in the input: make the first token the root
            roots = [s.first_token]
            heads[s.first_token] = None
        main = _main_root(roots, heads, s.first_token, s.last_token)
        for r in roots:
            if r != main:
                heads[r] = main
                deps[r] = EXTRA_ROOT
        deps[main] = SPACY_ROOT
    spacy_heads = [i if h is None else h for i, h in enumerate(heads)]
    doc = Doc(vocab, words=words, spaces=spaces, tags=[t.tag for t in tokens],
              lemmas=[t.lemma for t in tokens], heads=spacy_heads, deps=deps,
              sent_starts=sent_starts)
    doc.ents = _entity_spans(parsed, doc, Span)
    return doc


def _entity_spans(parsed: ParsedDoc, doc: Doc, span_cls: Any) -> list[Any]:
    """Entities from Frog's BIO tags; an I- without a B- of its type opens an entity."""
    spans = []
    start: int | None = None
    label = ""
    for i, t in enumerate([*parsed.tokens, None]):
        tag = t.ner if t is not None else "O"
        prefix, _, typ = tag.partition("-")
        sent_break = t is not None and start is not None and t.sent != parsed.tokens[start].sent
        if start is not None and (prefix != "I" or typ != label or sent_break):
            spans.append(span_cls(doc, start, i, label=label))
            start = None
        if prefix in ("B", "I") and typ and start is None:
            start, label = i, typ
    return spans


def from_spacy_doc(text: str, doc: Doc, parser: str) -> ParsedDoc:
    """A ParsedDoc over ``text`` from a Doc the model made of that same text.

    Offsets come from spaCy's character indices, which refer to ``text`` itself
    (spaCy's tokenizer never changes the string), so ``text[start:end]`` is the token.
    """
    keep = [tok for tok in doc if not tok.is_space and tok.text.strip()]
    index = {tok.i: n for n, tok in enumerate(keep)}
    ner = _bio(doc)
    # Sentence numbers of kept tokens, dense and in order.
    sent_of: dict[int, int] = {}
    for s_no, sent in enumerate(doc.sents):
        for tok in sent:
            sent_of[tok.i] = s_no
    renum: dict[int, int] = {}
    sent_ids = [renum.setdefault(sent_of[tok.i], len(renum)) for tok in keep]
    tokens: list[Token] = []
    for n, tok in enumerate(keep):
        head, deprel = _head_of(tok, index)
        start = tok.idx
        end = start + len(tok.text)
        tag = tok.tag_ or "SPEC(symb)"
        tokens.append(Token(i=n, start=start, end=end, text=text[start:end], form=tok.text,
                            lemma=tok.lemma_ or tok.text, pos=coarse_pos(tag), tag=tag,
                            ner=ner[tok.i], head=head, deprel=deprel, sent=sent_ids[n]))
    return ParsedDoc(text=text, tokens=tuple(tokens), sentences=tuple(_sentences(tokens)),
                     parser=parser)


def _head_of(tok: Any, index: dict[int, int]) -> tuple[int | None, str]:
    """Frog-style (head, deprel) of a spaCy token: roots and extra roots have no head."""
    dep = tok.dep_
    if tok.head.i == tok.i or dep in (SPACY_ROOT, EXTRA_ROOT) or not dep:
        return None, FROG_ROOT
    head = tok.head
    # A whitespace token as head: follow its own head to a kept token.
    hops = 0
    while head.i not in index and head.head.i != head.i and hops < 50:
        head = head.head
        hops += 1
    if head.i not in index:
        return None, FROG_ROOT
    return index[head.i], dep


def _bio(doc: Doc) -> list[str]:
    tags = ["O"] * len(doc)
    for ent in doc.ents:
        for k, tok in enumerate(ent):
            tags[tok.i] = f"{'B' if k == 0 else 'I'}-{ent.label_}"
    return tags


def _sentences(tokens: list[Token]) -> list[Sentence]:
    out: list[Sentence] = []
    first = 0
    for i in range(1, len(tokens) + 1):
        if i == len(tokens) or tokens[i].sent != tokens[first].sent:
            out.append(Sentence(start=tokens[first].start, end=tokens[i - 1].end,
                                first_token=first, last_token=i))
            first = i
    return out
