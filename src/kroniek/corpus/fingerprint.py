"""Near-duplicate articles by SimHash over word shingles (Charikar's sketch, own code).

Two texts whose 64-bit fingerprints differ in at most ``MAX_DISTANCE`` bits are near
duplicates: a syndicated copy with another headline or a corrected version. Four 16-bit
bands make candidate lookup an index probe: by the pigeonhole principle two fingerprints
within 3 bits agree on at least one band.
"""

from __future__ import annotations

import hashlib
import re

BITS = 64
BANDS = 4
MAX_DISTANCE = 3
SHINGLE = 3
# Texts with fewer shingles than this are too short for a fingerprint to say anything:
# two one-line items could collide by chance.
MIN_SHINGLES = 12

_WORD = re.compile(r"\w+", re.UNICODE)


def _h64(s: str) -> int:
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "big")


def shingles(text: str, size: int = SHINGLE) -> list[str]:
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return [" ".join(words)] if words else []
    return [" ".join(words[i:i + size]) for i in range(len(words) - size + 1)]


def simhash(text: str) -> int | None:
    """The 64-bit SimHash of ``text`` (unsigned); None when the text is too short."""
    grams = shingles(text)
    if len(grams) < MIN_SHINGLES:
        return None
    weights = [0] * BITS
    for g in set(grams):  # a repeated phrase does not outweigh the rest
        h = _h64(g)
        for bit in range(BITS):
            weights[bit] += 1 if (h >> bit) & 1 else -1
    out = 0
    for bit in range(BITS):
        if weights[bit] > 0:
            out |= 1 << bit
    return out


def hamming(a: int, b: int) -> int:
    return (a ^ b).bit_count()


def bands(h: int) -> tuple[int, ...]:
    width = BITS // BANDS
    return tuple((h >> (width * k)) & ((1 << width) - 1) for k in range(BANDS))


def near_duplicate(a: int | None, b: int | None) -> bool:
    return a is not None and b is not None and hamming(a, b) <= MAX_DISTANCE


def to_signed(h: int) -> int:
    """SQLite integers are signed 64-bit."""
    return h - (1 << 64) if h >= 1 << 63 else h


def from_signed(h: int) -> int:
    return h + (1 << 64) if h < 0 else h
