"""Named-entity recognition scored on CoNLL-2002 Dutch (``ned.testa``).

The gold files give tokens, one a line, with IOB2 tags PER ORG LOC MISC, a blank line
between sentences and ``-DOCSTART-`` between articles. For each article this module
builds a text (tokens joined with spaces, sentences separated by a blank line, so the
parser keeps the gold sentence breaks), lets the parser analyse it, asks a recognizer
for typed character spans, and maps those spans back onto the gold tokens. Scoring is
CoNLL's: an entity counts only when its type and both its boundaries are right.

kroniek's types map onto CoNLL's four (:data:`CONLL_TYPE`): GPE and LOC are LOC, EVENT
and MISC are MISC. CoNLL-2002 also tags nationality adjectives and demonyms
("Belgische", "Fransen") as MISC; kroniek recognizes those as country references
(kind ``adjective`` / ``demonym``), and they are scored as MISC for that reason.

Licence: CoNLL-2002 may be used for research only. Nothing derived from it is shipped:
this module reads it in place and reports figures.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..model import ParsedDoc, Sentence, Token
from .metrics import prf

CONLL_TYPES = ("PER", "ORG", "LOC", "MISC")
CONLL_TYPE = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "EVENT": "MISC", "MISC": "MISC"}


@dataclass(frozen=True)
class ConllSentence:
    tokens: tuple[str, ...]
    tags: tuple[str, ...]


@dataclass(frozen=True)
class ConllDocument:
    sentences: tuple[ConllSentence, ...]


@dataclass(frozen=True)
class TypedSpan:
    """A recognized name as character offsets into a text, with its CoNLL type."""

    start: int
    end: int
    type: str


@dataclass(frozen=True)
class GoldText:
    """One CoNLL article as text, with the character span of every gold token."""

    text: str
    # Where the parser's pieces of the text start (the text is parsed piece by piece).
    chunk_starts: tuple[int, ...]
    # (sentence index, token index in sentence) for each token, in text order.
    token_ids: tuple[tuple[int, int], ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]


@dataclass(frozen=True)
class TypeScore:
    type: str
    gold: int
    predicted: int
    correct: int

    @property
    def precision(self) -> float:
        return prf(self.correct, self.predicted, self.gold)[0]

    @property
    def recall(self) -> float:
        return prf(self.correct, self.predicted, self.gold)[1]

    @property
    def f1(self) -> float:
        return prf(self.correct, self.predicted, self.gold)[2]


@dataclass(frozen=True)
class NerScores:
    overall: TypeScore
    per_type: tuple[TypeScore, ...]
    documents: int
    sentences: int
    tokens: int


def read_conll(path: str | Path, limit: int | None = None) -> tuple[ConllDocument, ...]:
    """Articles of a CoNLL-2002 file (``WORD POS TAG`` lines); ``limit`` caps the articles."""
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(f"CoNLL file {str(p)!r} does not exist", code="E_INPUT_NOT_FOUND") from None
    docs: list[ConllDocument] = []
    sents: list[ConllSentence] = []
    toks: list[str] = []
    tags: list[str] = []

    def end_sentence() -> None:
        if toks:
            sents.append(ConllSentence(tuple(toks), tuple(tags)))
            toks.clear()
            tags.clear()

    def end_document() -> None:
        end_sentence()
        if sents:
            docs.append(ConllDocument(tuple(sents)))
            sents.clear()

    for n, line in enumerate(lines, 1):
        parts = line.split()
        if not parts:
            end_sentence()
            continue
        if parts[0] == "-DOCSTART-":
            end_document()
            if limit is not None and len(docs) >= limit:
                return tuple(docs)
            continue
        if len(parts) < 2 or not (parts[-1] == "O" or parts[-1][:2] in ("B-", "I-")):
            raise InputError(f"{p}:{n}: expected 'WORD [POS] TAG', got {line[:60]!r}",
                             code="E_INPUT_INVALID")
        toks.append(parts[0])
        tags.append(parts[-1])
    end_document()
    return tuple(docs[:limit] if limit is not None else docs)


# Characters of text the parser gets at once. Whole CoNLL articles run to 20,000
# characters; Frog's time and memory grow faster than linearly with that, so an article
# is parsed in pieces of whole sentences and the pieces' analyses are joined.
CHUNK_CHARS = 2000
# A gold "sentence" can be a table of hundreds of tokens; the parser gets it in lines of
# at most this many tokens (entities are rarely that long, so almost none are cut).
MAX_LINE_TOKENS = 80


def gold_text(doc: ConllDocument) -> GoldText:
    """The article's text: tokens joined by spaces, sentences by a blank line."""
    parts: list[str] = []
    ids: list[tuple[int, int]] = []
    starts: list[int] = []
    ends: list[int] = []
    chunks: list[int] = [0]
    pos = 0
    for s, sent in enumerate(doc.sentences):
        if s:
            parts.append("\n\n")
            pos += 2
            if pos - chunks[-1] >= CHUNK_CHARS:
                chunks.append(pos)
        for k, tok in enumerate(sent.tokens):
            if k:
                sep = "\n\n" if k % MAX_LINE_TOKENS == 0 else " "
                parts.append(sep)
                pos += len(sep)
            parts.append(tok)
            ids.append((s, k))
            starts.append(pos)
            ends.append(pos + len(tok))
            pos += len(tok)
    return GoldText("".join(parts), tuple(chunks), tuple(ids), tuple(starts), tuple(ends))


def parse_in_chunks(gt: GoldText, parse: Callable[[str], ParsedDoc]) -> ParsedDoc:
    """One ParsedDoc of the whole text, parsed piece by piece (:data:`CHUNK_CHARS`)."""
    bounds = list(gt.chunk_starts) + [len(gt.text) + 2]
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    parser = "unknown"
    unaligned = 0
    for a, b in zip(bounds, bounds[1:]):
        piece = parse(gt.text[a:b - 2])
        parser, unaligned = piece.parser, unaligned + piece.unaligned
        t0, s0 = len(tokens), len(sentences)
        for t in piece.tokens:
            tokens.append(dataclasses.replace(
                t, i=t.i + t0, start=t.start + a, end=t.end + a, sent=t.sent + s0,
                head=None if t.head is None else t.head + t0))
        for sent in piece.sentences:
            sentences.append(Sentence(sent.start + a, sent.end + a, sent.first_token + t0, sent.last_token + t0))
    return ParsedDoc(gt.text, tuple(tokens), tuple(sentences), parser, unaligned)


def bio_entities(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(first, last exclusive, type) of the entities in an IOB2 (or IOB1) tag sequence."""
    out: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for k, tag in enumerate(list(tags) + ["O"]):
        prefix, _, lab = tag.partition("-")
        if start >= 0 and (prefix != "I" or lab != label):
            out.append((start, k, label))
            start = -1
        if prefix == "B" or (prefix == "I" and start < 0):
            start, label = k, lab
    return out


def gold_entities(doc: ConllDocument) -> set[tuple[int, int, int, str]]:
    """(sentence, first token, last token exclusive, type) of the article's gold entities."""
    return {(s, a, b, t) for s, sent in enumerate(doc.sentences) for a, b, t in bio_entities(sent.tags)}


def project_spans(gold: GoldText, spans: Iterable[TypedSpan]) -> set[tuple[int, int, int, str]]:
    """Predicted character spans as gold-token entities.

    A span covers the gold tokens it overlaps; one that starts or ends inside a token
    still claims the whole token (and is then usually wrong at a boundary anyway). A
    span across a sentence break is cut at the break, keeping its first part.
    """
    out = set()
    for span in spans:
        first = bisect.bisect_right(gold.ends, span.start)
        last = bisect.bisect_left(gold.starts, span.end)
        if first >= last:
            continue
        s0 = gold.token_ids[first][0]
        k = first
        while k < last and gold.token_ids[k][0] == s0:
            k += 1
        out.add((s0, gold.token_ids[first][1], gold.token_ids[k - 1][1] + 1, span.type))
    return out


def score(pairs: Iterable[tuple[set[tuple[int, int, int, str]], set[tuple[int, int, int, str]]]]) -> tuple[TypeScore, tuple[TypeScore, ...]]:
    gold_n: Counter[str] = Counter()
    pred_n: Counter[str] = Counter()
    correct_n: Counter[str] = Counter()
    for gold, pred in pairs:
        gold_n.update(e[3] for e in gold)
        pred_n.update(e[3] for e in pred)
        correct_n.update(e[3] for e in gold & pred)
    per_type = tuple(TypeScore(t, gold_n[t], pred_n[t], correct_n[t]) for t in CONLL_TYPES)
    overall = TypeScore("overall", sum(gold_n.values()), sum(pred_n.values()), sum(correct_n.values()))
    return overall, per_type


Recognizer = Callable[[ParsedDoc], Iterable[TypedSpan]]


def evaluate(docs: Sequence[ConllDocument], parse: Callable[[str], ParsedDoc],
             recognizers: dict[str, Recognizer],
             progress: Callable[[int], None] | None = None) -> dict[str, NerScores]:
    """Scores of each recognizer over ``docs``; each text is parsed once for all of them."""
    pairs: dict[str, list[tuple[set, set]]] = {name: [] for name in recognizers}
    sentences = tokens = 0
    for doc in docs:
        gt = gold_text(doc)
        parsed = parse_in_chunks(gt, parse)
        gold = gold_entities(doc)
        for name, recognize in recognizers.items():
            pairs[name].append((gold, project_spans(gt, recognize(parsed))))
        sentences += len(doc.sentences)
        tokens += len(gt.starts)
        if progress:
            progress(1)
    out = {}
    for name, ps in pairs.items():
        overall, per_type = score(ps)
        out[name] = NerScores(overall, per_type, len(docs), sentences, tokens)
    return out


def frog_spans(parsed: ParsedDoc) -> list[TypedSpan]:
    """The parser's own NER tags as spans ("before": no kroniek rules at all)."""
    frog_types = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "EVE": "MISC", "PRO": "MISC", "MISC": "MISC"}
    out = []
    for s in range(len(parsed.sentences)):
        toks = parsed.sentence_tokens(s)
        for a, b, label in bio_entities([t.ner for t in toks]):
            if label in frog_types:
                out.append(TypedSpan(toks[a].start, toks[b - 1].end, frog_types[label]))
    return out
