"""Map a tokenizer's token forms back to character offsets in the original text.

Tokenizers rewrite text: Frog joins multi-word units with ``_`` ("Sergej_Lavrov"),
may normalize quotes, dashes and compatibility characters, and drops characters it
does not keep (zero-width spaces). :func:`align` walks the text once, left to right,
and finds each form at or just after the cursor under a character folding that makes
those rewrites equal; a form that cannot be found gets a best-effort span and is
counted, so callers can report how sound an alignment was.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

# Characters a tokenizer may silently drop: zero-width and formatting characters.
IGNORABLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f")

# Families of characters tokenizers treat as interchangeable.
_FOLD_TABLE = {
    **dict.fromkeys("\"“”„‟«»〝〞＂", '"'),
    **dict.fromkeys("'‘’‚‛‹›`´′", "'"),
    **dict.fromkeys("-‐‑‒–—―−﹘﹣－", "-"),
}

# How far past the cursor a form is looked for before giving up on it.
SEARCH_WINDOW = 200


@lru_cache(maxsize=4096)
def fold_char(c: str) -> str:
    """A character's comparison key: quote and dash families merged, NFKC, case folded."""
    mapped = _FOLD_TABLE.get(c)
    if mapped is not None:
        return mapped
    folded = unicodedata.normalize("NFKC", c).casefold()
    return "".join(_FOLD_TABLE.get(x, x) for x in folded)


@lru_cache(maxsize=4096)
def fold(s: str) -> str:
    """A string's comparison key (composed first, so 'e' + combining acute equals 'é')."""
    return "".join(fold_char(c) for c in unicodedata.normalize("NFC", s))


def _cluster_end(text: str, j: int) -> int:
    """End of the character at ``j`` with the combining marks that follow it."""
    k = j + 1
    while k < len(text) and unicodedata.combining(text[k]):
        k += 1
    return k


@dataclass(frozen=True)
class Alignment:
    spans: tuple[tuple[int, int], ...]
    # Indexes of forms that were not found and got a best-effort span.
    unaligned: tuple[int, ...]


def _match_at(text: str, i: int, key: str, joined: bool) -> int | None:
    """End of the match of folded form ``key`` starting exactly at ``text[i]``, or None.

    ``joined``: the form joins words with '_', so '_' also matches a run of whitespace.
    """
    j, k, n = i, 0, len(key)
    while k < n:
        if j >= len(text):
            return None
        c = text[j]
        if joined and key[k] == "_" and c.isspace():
            while j < len(text) and text[j].isspace():
                j += 1
            k += 1
            continue
        nxt = _cluster_end(text, j)
        fc = fold(text[j:nxt]) if nxt > j + 1 else fold_char(c)
        if fc and key.startswith(fc, k):
            k += len(fc)
            j = nxt
            continue
        if nxt > j + 1 and (fc := fold_char(c)) and key.startswith(fc, k):
            k += len(fc)  # the tokenizer split a combining mark off its base
            j += 1
            continue
        if j > i and (c in IGNORABLE or not fc):
            j += 1
            continue
        return None
    return j


def _skip(text: str, i: int, chars: frozenset[str] | None = None) -> int:
    """Index of the first character at or after ``i`` that is not whitespace (or in ``chars``)."""
    while i < len(text) and (text[i].isspace() or (chars is not None and text[i] in chars)):
        i += 1
    return i


def align(text: str, forms: Sequence[str]) -> Alignment:
    """Spans ``(start, end)`` of each form in ``text``, in order, never overlapping."""
    spans: list[tuple[int, int]] = []
    unaligned: list[int] = []
    cursor = 0
    for n, form in enumerate(forms):
        key = fold(form)
        joined = "_" in form
        start = _skip(text, cursor)
        end = _match_at(text, start, key, joined) if key else None
        if end is None and key and start < len(text) and text[start] in IGNORABLE:
            # The tokenizer dropped a zero-width character here.
            start = _skip(text, start, IGNORABLE)
            end = _match_at(text, start, key, joined)
        if end is None and key:
            first = key[0]
            limit = min(len(text), start + SEARCH_WINDOW)
            for p in range(start + 1, limit):
                fc = fold_char(text[p])
                if fc and (fc[0] == first) and (end := _match_at(text, p, key, joined)) is not None:
                    start = p
                    break
        if end is None:
            # Not found: take as many non-space characters as the form is long, so the
            # token still points at the right place; the next form searches on from there.
            unaligned.append(n)
            end = start
            while end < len(text) and end - start < max(1, len(form)) and not text[end].isspace():
                end += 1
        spans.append((start, end))
        cursor = end
    return Alignment(tuple(spans), tuple(unaligned))
