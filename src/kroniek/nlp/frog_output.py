"""Frog's wire format: what kroniek sends to a Frog server and how its answer becomes a ParsedDoc.

Pure functions, no processes, so they are tested without Frog.

Sending: Frog reads text until a line ``EOT``; in server mode it ignores paragraph
breaks, so a heading ("Belangrijke handelspartner") would run into the next sentence.
:func:`wire_text` therefore sends a copy of the text in which control characters are
blanked, a line that reads ``EOT`` is defused, and a full stop is inserted where a line
break ends a line without final punctuation (a sentence boundary Frog honours). The
copy remembers where it inserted characters, so offsets found in it map back to the
original.

Receiving: one token a line, ten tab-separated columns (index, word, lemma, morphology,
tag, confidence, NER, chunk, head, relation), a blank line between sentences, and
``READY`` at the end. Multi-word units come joined with ``_`` in every column; they
are split back into words, the first word keeping the unit's head and the others
attached to it with the relation ``mwp``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..errors import ParserError
from ..model import ParsedDoc, Sentence, Token
from .align import align

_FINAL_PUNCT = set(".!?…:;\"'”’»)")
# A single line break ends a sentence only after a short line (a heading, a caption);
# longer lines are more likely hard-wrapped prose.
SHORT_LINE = 60


@dataclass(frozen=True)
class WireText:
    """The text as sent to Frog, and the way back to the original's offsets.

    ``inserted`` holds the (sorted) positions in ``text`` of characters that are not in
    the original: boundary marks and defusing characters. Every other character stands
    for the original character at the same position minus the insertions before it.
    """

    text: str
    inserted: tuple[int, ...] = ()

    def original_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The original offsets of wire ``[start, end)``; None when it is all inserted."""
        if not self.inserted:
            return start, end
        ins = self.inserted
        lo, hi = bisect.bisect_left(ins, start), bisect.bisect_left(ins, end)
        if hi - lo >= end - start:
            return None
        # First and last wire positions in the span that are not inserted.
        s, k = start, lo
        while k < len(ins) and ins[k] == s:
            s, k = s + 1, k + 1
        e, k = end - 1, hi - 1
        while k >= lo and ins[k] == e:
            e, k = e - 1, k - 1
        s_orig = s - bisect.bisect_left(ins, s)
        e_orig = e - bisect.bisect_left(ins, e)
        return s_orig, e_orig + 1


def _clean(text: str) -> str:
    """Same-length copy without characters that would upset Frog's reading."""
    chars = list(text)
    for i, c in enumerate(chars):
        o = ord(c)
        if c in "\n\t":
            continue
        if o < 32 or o == 127 or 0x80 <= o < 0xA0 or c in "\u2028\u2029":
            chars[i] = " "
        elif 0xD800 <= o <= 0xDFFF:
            chars[i] = "\ufffd"
    return "".join(chars)


_EOT_LINE = re.compile(r"(?m)^[ \t]*EOT[ \t]*$")
_LINE_BREAK = re.compile(r"\n[ \t\n]*")
# What is inserted where a line break ends a sentence: a full stop on its own is a
# boundary for Frog's tokenizer even after an abbreviation-like word.
BOUNDARY = " ."


def wire_text(text: str) -> WireText:
    """What Frog should read for ``text``, with the map back to ``text``'s offsets."""
    clean = _clean(text)
    insert_at: dict[int, str] = {}
    # A line reading EOT would end Frog's input: add a full stop after it.
    for m in _EOT_LINE.finditer(clean):
        insert_at[m.end()] = BOUNDARY
    # Line breaks as sentence boundaries.
    for m in _LINE_BREAK.finditer(clean):
        line_start = clean.rfind("\n", 0, m.start()) + 1
        prev_line = clean[line_start:m.start()].rstrip()
        if not prev_line or prev_line[-1] in _FINAL_PUNCT or m.end() >= len(clean):
            continue
        if m.group().count("\n") >= 2 or len(prev_line) <= SHORT_LINE:
            insert_at[m.start()] = BOUNDARY
    if not insert_at:
        return WireText(clean)
    parts: list[str] = []
    inserted: list[int] = []
    prev = 0
    length = 0
    for pos in sorted(insert_at):
        parts.append(clean[prev:pos])
        length += pos - prev
        mark = insert_at[pos]
        inserted.extend(range(length, length + len(mark)))
        parts.append(mark)
        length += len(mark)
        prev = pos
    parts.append(clean[prev:])
    return WireText("".join(parts), tuple(inserted))


@dataclass(frozen=True)
class _Row:
    form: str
    lemma: str
    tag: str
    ner: str
    chunk: str
    head: int  # 1-based index in the sentence, 0 for root
    deprel: str


def _split_unit(cols: list[str]) -> list[_Row]:
    """One output line → one row per word (multi-word units split)."""
    cols = cols + [""] * (10 - len(cols))
    _, word, lemma, _morph, tag, _conf, ner, chunk, head, deprel = cols[:10]
    try:
        head_i = int(head) if head.strip() else 0
    except ValueError:
        head_i = 0
    deprel = deprel.strip() or "dep"
    tags = tag.split("_")
    words = word.split("_")
    n = len(tags)
    if n > 1 and len(words) == n:
        def parts(value: str, default: str) -> list[str]:
            p = value.split("_")
            return p if len(p) == n else [value if i == 0 else default for i in range(n)]
        lemmas, ners, chunks = parts(lemma, ""), parts(ner, "O"), parts(chunk, "O")
        return [_Row(words[k], lemmas[k] or words[k], tags[k], ners[k] or "O", chunks[k] or "O",
                     head_i if k == 0 else -1, deprel if k == 0 else "mwp") for k in range(n)]
    return [_Row(word, lemma or word, tag, ner or "O", chunk or "O", head_i, deprel)]


def parse_frog_tsv(raw: str) -> list[list[_Row]]:
    """Frog's tab-separated answer → sentences of rows (head still sentence-relative)."""
    sentences: list[list[_Row]] = []
    current: list[tuple[int, list[_Row]]] = []  # (frog index, rows of that line)

    def flush() -> None:
        if not current:
            return
        # Renumber: Frog index of a line -> 1-based position of its first word after splitting.
        first_pos: dict[int, int] = {}
        pos = 0
        for idx, rows in current:
            first_pos[idx] = pos + 1
            pos += len(rows)
        out: list[_Row] = []
        for idx, rows in current:
            for k, r in enumerate(rows):
                if r.head == -1:  # later word of a multi-word unit: attach to its first word
                    head = first_pos[idx]
                else:
                    head = first_pos.get(r.head, 0) if r.head else 0
                out.append(_Row(r.form, r.lemma, r.tag, r.ner, r.chunk, head, r.deprel))
        sentences.append(out)
        current.clear()

    for line in raw.split("\n"):
        if not line.strip():
            flush()
            continue
        if line.strip() == "READY":
            break
        cols = line.split("\t")
        if len(cols) < 2:
            raise ParserError(f"unexpected line in Frog's output: {line[:80]!r}", code="E_PARSER_OUTPUT")
        try:
            idx = int(cols[0])
        except ValueError:
            raise ParserError(f"unexpected token index in Frog's output: {line[:80]!r}",
                              code="E_PARSER_OUTPUT") from None
        current.append((idx, _split_unit(cols)))
    flush()
    return sentences


def coarse_pos(tag: str) -> str:
    i = tag.find("(")
    return tag[:i] if i > 0 else tag


_CLOSING = set("”’\"'»)]")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def _fix_boundaries(text: str, spans: list[tuple[int, int]], sent_ids: list[int]) -> list[int]:
    """Sentence ids corrected where the tokenizer ignored the text's layout.

    A closing quote glued to the end of a sentence belongs to it, not to the next
    sentence; and no sentence runs across a paragraph break (a blank line).
    """
    ids = list(sent_ids)
    for k in range(1, len(ids)):
        start, end = spans[k]
        prev_end = spans[k - 1][1]
        if ids[k] != ids[k - 1]:
            if text[start:end] and set(text[start:end]) <= _CLOSING and start == prev_end:
                # Glued closing mark: pull it back into the previous sentence.
                ids[k] = ids[k - 1]
        elif _PARAGRAPH_BREAK.search(text, prev_end, start):
            shift_from = ids[k]
            for j in range(k, len(ids)):
                ids[j] += 1 if ids[j] >= shift_from else 0
    # Renumber densely in order of appearance.
    renum: dict[int, int] = {}
    return [renum.setdefault(x, len(renum)) for x in ids]


def build_parsed_doc(text: str, wire: WireText, raw: str, parser: str = "frog") -> ParsedDoc:
    """Align Frog's rows to ``wire`` and map them back to ``text`` to build a ParsedDoc."""
    sentences_rows = parse_frog_tsv(raw)
    forms = [r.form for rows in sentences_rows for r in rows]
    alignment = align(wire.text, forms)
    # Flat list of kept tokens: (row, start, end, frog sentence, position in that sentence).
    kept: list[tuple[_Row, int, int, int, int]] = []
    flat = 0
    for s_no, rows in enumerate(sentences_rows):
        for pos, r in enumerate(rows, 1):
            span = wire.original_span(*alignment.spans[flat])
            flat += 1
            if span is None:
                continue  # a boundary mark wire_text inserted
            start, end = span
            # Trim whitespace: a token never starts or ends with it.
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start == end:
                continue
            kept.append((r, start, end, s_no, pos))
    sent_ids = _fix_boundaries(text, [(k[1], k[2]) for k in kept], [k[3] for k in kept])
    # Frog heads are sentence-relative positions; map (frog sentence, position) -> doc index.
    index_of = {(k[3], k[4]): i for i, k in enumerate(kept)}
    tokens: list[Token] = []
    for i, (r, start, end, s_no, _pos) in enumerate(kept):
        head = index_of.get((s_no, r.head)) if r.head else None
        if head is not None and sent_ids[head] != sent_ids[i]:
            head = None  # a boundary fix separated the token from its head
        tokens.append(Token(i=i, start=start, end=end, text=text[start:end], form=r.form,
                            lemma=r.lemma, pos=coarse_pos(r.tag), tag=r.tag, ner=r.ner,
                            head=head, deprel=r.deprel, sent=sent_ids[i], chunk=r.chunk))
    sentences: list[Sentence] = []
    first = 0
    for i in range(1, len(tokens) + 1):
        if i == len(tokens) or sent_ids[i] != sent_ids[first]:
            sentences.append(Sentence(start=tokens[first].start, end=tokens[i - 1].end,
                                      first_token=first, last_token=i))
            first = i
    return ParsedDoc(text=text, tokens=tuple(tokens), sentences=tuple(sentences), parser=parser,
                     unaligned=len(alignment.unaligned))
