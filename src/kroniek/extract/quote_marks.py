"""Quotation marks paired into quoted spans, in every style Dutch news uses.

Dutch text quotes with „...” (or „..."), “...”, "...", ‘...’, '...', ‚...’ and «...»,
and, where a keyboard has no „ and ”, with two commas and two apostrophes: ,,...''
(common in Dutch newspapers). One style nests inside another („Hij riep ‘nooit meer’
en vertrok”). The single
marks double as apostrophes ("auto's", "Noord-Korea’s", "’s avonds"), so a mark is an
opener or a closer only where its neighbours say so: an opener stands before a word
with a space or the start of a line before it, a closer after a word with a space or
punctuation after it.

A quote that runs over several paragraphs leaves its closing mark off at the end of
each paragraph but the last and opens each next paragraph with the same mark again;
such a quote is one span. Any other mark left open at the end of a paragraph is not a
quote (a typo or a stray inch mark), so an error never swallows the rest of the text.
"""

from __future__ import annotations

from dataclasses import dataclass

# Opening mark -> the marks that may close it.
CLOSERS: dict[str, tuple[str, ...]] = {
    "„": ("”", "“", "\"", "''"),
    ",,": ("''", "”", "\"", "“"),   # ,,...'' typed for „...”
    "''": ("''", "”", "\""),
    "“": ("”", "\""),
    "\"": ("\"", "”", "''"),
    "”": ("”",),          # Dutch ”...” with the same mark on both sides
    "‘": ("’", "'"),
    "’": ("’",),          # ’...’ with the same mark on both sides
    "'": ("'", "’"),
    "‚": ("’", "‘"),
    "«": ("»",),
    "»": ("«",),          # »...« as some Dutch and German texts write it
}
QUOTE_CHARS = frozenset("„“\"”‘’'‚«»")
# Elisions written with an apostrophe at the start of a word: 's avonds, 't, 'n, 'k.
_ELISIONS = ("s", "t", "n", "k")
_BEFORE_OPENER = set("([{/—–-") | QUOTE_CHARS
_AFTER_CLOSER = set(".,;:!?)]}…—–-/") | QUOTE_CHARS


@dataclass(frozen=True)
class QuotedSpan:
    """What stands between a pair of quotation marks, whitespace at its edges left out.

    ``open`` and ``close`` are the offsets of the marks themselves (of their first
    character: ,, and '' are two); ``start``/``end`` those of the content. ``depth`` is
    0 for an outermost quote, 1 for a quote inside it, and so on. ``paragraphs``
    counts the paragraphs the quote runs over.
    """

    start: int
    end: int
    open: int
    close: int
    open_mark: str
    close_mark: str
    depth: int
    paragraphs: int = 1

    @property
    def close_end(self) -> int:
        """The offset just after the closing mark."""
        return self.close + len(self.close_mark)


def mark_positions(spans: tuple[QuotedSpan, ...]) -> frozenset[int]:
    """The character offsets that belong to quotation marks (a comma of ",," is no comma)."""
    out: set[int] = set()
    for s in spans:
        out.update(range(s.open, s.open + len(s.open_mark)))
        out.update(range(s.close, s.close_end))
    return frozenset(out)


@dataclass
class _Open:
    pos: int
    mark: str
    paragraphs: int = 1


def _is_elision(text: str, i: int) -> bool:
    """An apostrophe at ``i`` that starts an elided word ('s, 't, 'n, 'k)."""
    j = i + 1
    return (j < len(text) and text[j].lower() in _ELISIONS
            and (j + 1 == len(text) or not text[j + 1].isalnum()))


def _mark_at(text: str, i: int) -> str | None:
    """The quotation mark that may start at ``i``: one character, or ,, or ''."""
    two = text[i:i + 2]
    if two in (",,", "''"):
        return two
    return text[i] if text[i] in QUOTE_CHARS else None


def _role(text: str, i: int, mark: str, stack: list[_Open]) -> str | None:
    """"open", "close" or None (an apostrophe, a stray mark) for ``mark`` at ``i``."""
    c = mark
    prev = text[i - 1] if i > 0 else " "
    j = i + len(mark)
    nxt = text[j] if j < len(text) else " "
    left_open = prev.isspace() or prev in _BEFORE_OPENER  # a word may start here
    right_open = nxt.isspace() or nxt in _AFTER_CLOSER     # a word may end here
    top = stack[-1].mark if stack else None
    closes_top = top is not None and c in CLOSERS[top]
    closes_any = any(c in CLOSERS[o.mark] for o in stack)

    if c == ",,":
        return "open" if (prev.isspace() or prev in _BEFORE_OPENER) and not nxt.isspace() else None
    if c == "''":
        c = "\""  # two apostrophes stand for a straight double quote
        closes_top = top is not None and "''" in CLOSERS[top]
        closes_any = any("''" in CLOSERS[o.mark] for o in stack)
    if c == "«" and closes_top:
        return "close"  # »...«
    if c in ("„", "«"):
        return "open"
    if c in ("‘", "'", "’", "‚") and prev.isalnum() and nxt.isalnum():
        return None  # inside a word: auto's, Noord-Korea’s
    if c in ("‘", "'", "’") and left_open and _is_elision(text, i):
        return None  # 's avonds, 't, 'n
    if c in ("“", "‘"):
        if closes_any and not left_open and right_open:
            return "close"  # „...“ or ‚...‘ as in German typography
        return "open" if not nxt.isspace() else None
    if c == "‚":
        return "open" if left_open and not nxt.isspace() else None
    if c in ("”", "\"", "'", "’", "»"):
        if closes_any and not (left_open and not right_open):
            return "close"
        if left_open and not right_open and c != "’":
            return "open"
        if c == "’" and left_open and not right_open and not prev.isalnum():
            return "open"
        if closes_top:
            return "close"
        return None
    return None


def find_quoted_spans(text: str) -> tuple[QuotedSpan, ...]:
    """Every paired quotation in ``text``, outermost and nested, in order of opening."""
    spans: list[QuotedSpan] = []
    stack: list[_Open] = []
    skip: set[int] = set()
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c == "\n":
            j = i
            while j < n and text[j].isspace():
                j += 1
            if stack:
                outer = stack[0]
                m = len(outer.mark)
                if text.startswith(outer.mark, j) and (j + m < n and not text[j + m].isspace()):
                    # The same mark opens the next paragraph: the quote goes on.
                    del stack[1:]
                    outer.paragraphs += 1
                    skip.update(range(j, j + m))
                elif j < n:
                    stack.clear()
            i = j
            continue
        mark = _mark_at(text, i) if i not in skip else None
        if mark is not None:
            role = _role(text, i, mark, stack)
            if role == "open":
                stack.append(_Open(i, mark))
                i += len(mark)
                continue
            if role == "close":
                for k in range(len(stack) - 1, -1, -1):
                    if mark in CLOSERS[stack[k].mark]:
                        o = stack[k]
                        del stack[k:]
                        start, end = o.pos + len(o.mark), i
                        while start < end and text[start].isspace():
                            start += 1
                        while end > start and text[end - 1].isspace():
                            end -= 1
                        if any(ch.isalnum() for ch in text[start:end]):
                            spans.append(QuotedSpan(start, end, o.pos, i, o.mark, mark, k, o.paragraphs))
                        break
                i += len(mark)
                continue
        i += 1
    spans.sort(key=lambda s: (s.open, -s.close))
    return tuple(spans)
