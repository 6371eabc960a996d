"""How closely one parser agrees with another (the fast parser with Frog), and how
either does on UD Dutch.

Agreement is measured on tokens matched by their character offsets, so a
tokenization difference costs the token's figures instead of shifting every later
token: token F1 says how many spans agree; tag, coarse POS, lemma, UAS and LAS are
accuracies over the tokens both parsers made (a head agrees when it is the token at
the same offsets, or both are roots); entities score by exact span and type, and
sentences by where they start.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import EvalError
from ..model import ParsedDoc
from .metrics import prf

FIELDS = ("tag", "pos", "lemma", "uas", "las")


@dataclass
class Agreement:
    """Counts of one comparison; :meth:`figures` turns them into percentages."""

    documents: int = 0
    reference_tokens: int = 0
    system_tokens: int = 0
    matched: int = 0
    same: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    entities: tuple[int, int, int] = (0, 0, 0)        # hits, found, reference
    sentences: tuple[int, int, int] = (0, 0, 0)

    def add(self, reference: ParsedDoc, system: ParsedDoc) -> None:
        self.documents += 1
        self.reference_tokens += len(reference.tokens)
        self.system_tokens += len(system.tokens)
        ref_at = {(t.start, t.end): t for t in reference.tokens}
        sys_span = [(t.start, t.end) for t in system.tokens]
        ref_span = [(t.start, t.end) for t in reference.tokens]
        for t in system.tokens:
            r = ref_at.get((t.start, t.end))
            if r is None:
                continue
            self.matched += 1
            self.same["tag"] += t.tag == r.tag
            self.same["pos"] += t.pos == r.pos
            self.same["lemma"] += t.lemma == r.lemma
            head_ok = (sys_span[t.head] if t.head is not None else None) == (
                ref_span[r.head] if r.head is not None else None)
            self.same["uas"] += head_ok
            self.same["las"] += head_ok and t.deprel == r.deprel
        self.entities = _add(self.entities, entity_spans(reference), entity_spans(system))
        self.sentences = _add(self.sentences, {s.start for s in reference.sentences},
                              {s.start for s in system.sentences})

    def figures(self) -> dict[str, float | int]:
        """Percentages (one decimal) and counts."""
        _, _, token_f1 = prf(self.matched, self.system_tokens, self.reference_tokens)
        out: dict[str, float | int] = {"documents": self.documents, "tokens": self.reference_tokens,
                                       "token_f1": _pct(token_f1)}
        for name in FIELDS:
            out[name] = _pct(self.same[name] / self.matched if self.matched else 0.0)
        out["entity_f1"] = _pct(prf(*self.entities)[2])
        out["sentence_f1"] = _pct(prf(*self.sentences)[2])
        return out


def _pct(x: float) -> float:
    return round(100 * x, 1)


def _add(counts: tuple[int, int, int], reference: set, system: set) -> tuple[int, int, int]:
    hits, found, gold = counts
    return hits + len(reference & system), found + len(system), gold + len(reference)


def entity_spans(doc: ParsedDoc) -> set[tuple[int, int, str]]:
    """(start, end, type) of every entity in a parse's BIO tags."""
    spans: set[tuple[int, int, str]] = set()
    current: list | None = None
    for t in doc.tokens:
        prefix, _, typ = t.ner.partition("-")
        if current is not None and prefix == "I" and typ == current[2] and t.sent == current[3]:
            current[1] = t.end
            continue
        if current is not None:
            spans.add((current[0], current[1], current[2]))
            current = None
        if prefix in ("B", "I") and typ:
            current = [t.start, t.end, typ, t.sent]
    if current is not None:
        spans.add((current[0], current[1], current[2]))
    return spans


def read_texts(paths: Iterable[Path]) -> Iterator[str]:
    """Texts of JSON-lines files, JSON files and folders of JSON files (a ``text`` field)."""
    for path in paths:
        files = sorted(path.glob("*.json")) if path.is_dir() else [path]
        for f in files:
            try:
                raw = f.read_text(encoding="utf-8")
            except OSError as exc:
                raise EvalError(f"{f}: cannot be read: {exc}", code="E_INPUT_NOT_FOUND") from None
            lines = raw.splitlines() if f.suffix in (".jsonl", ".ndjson") else [raw]
            for n, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                try:
                    data = json.loads(line)
                except ValueError as exc:
                    raise EvalError(f"{f}:{n}: not JSON: {exc}", code="E_INPUT_JSON") from None
                text = data.get("text") if isinstance(data, dict) else None
                if isinstance(text, str) and text.strip():
                    yield text


# --------------------------------------------------------------------------- UD Dutch


@dataclass(frozen=True)
class UdWord:
    start: int
    end: int
    lemma: str
    xpos: str


@dataclass(frozen=True)
class UdSentence:
    text: str
    words: tuple[UdWord, ...]


def read_conllu(path: Path) -> list[UdSentence]:
    """Sentences of a CoNLL-U file with the offsets of their words in ``# text``.

    Multi-word token lines and empty nodes are skipped (Dutch UD has almost none); a
    word is found by searching its form from the end of the previous one.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise EvalError(f"{path}: cannot be read: {exc}", code="E_INPUT_NOT_FOUND") from None
    out: list[UdSentence] = []
    text: str | None = None
    words: list[UdWord] = []
    pos = 0
    for line in [*lines, ""]:
        if line.startswith("# text = "):
            text, words, pos = line[len("# text = "):], [], 0
        elif line and not line.startswith("#"):
            cols = line.split("\t")
            if len(cols) < 5 or not cols[0].isdigit() or text is None:
                continue
            at = text.find(cols[1], pos)
            if at < 0:
                continue
            pos = at + len(cols[1])
            words.append(UdWord(at, pos, cols[2], cols[4]))
        elif not line and text is not None:
            out.append(UdSentence(text, tuple(words)))
            text = None
    return out


def ud_tag(frog_tag: str) -> str:
    """Frog's ``N(soort,ev,basis,zijd,stan)`` in UD Dutch's XPOS form ``N|soort|ev|basis|zijd|stan``."""
    head, _, rest = frog_tag.partition("(")
    feats = [f for f in rest.rstrip(")").split(",") if f]
    return "|".join([head, *feats])


def ud_lemma(lemma: str) -> str:
    """A UD (Alpino) lemma without its compound marks (``klooster_orde``), lower case."""
    return lemma.replace("_", "").lower()


@dataclass
class UdScore:
    """Accuracy on UD Dutch: tokens by offsets, then lemma, full tag and coarse tag."""

    words: int = 0
    matched: int = 0
    lemma: int = 0
    tag: int = 0
    pos: int = 0

    def add(self, sentence: UdSentence, parsed: ParsedDoc) -> None:
        at = {(t.start, t.end): t for t in parsed.tokens}
        for w in sentence.words:
            self.words += 1
            t = at.get((w.start, w.end))
            if t is None:
                continue
            self.matched += 1
            self.lemma += t.lemma.lower() == ud_lemma(w.lemma)
            self.tag += ud_tag(t.tag) == w.xpos
            self.pos += t.pos == w.xpos.split("|", 1)[0]

    def figures(self) -> dict[str, float | int]:
        def pct(n: int) -> float:
            return _pct(n / self.matched if self.matched else 0.0)

        return {"words": self.words, "token_recall": _pct(self.matched / self.words if self.words else 0.0),
                "lemma": pct(self.lemma), "tag": pct(self.tag), "pos": pct(self.pos)}
