"""Near-duplicate articles: MinHash over word shingles with LSH banding (own code).

Two articles are near duplicates when the Jaccard similarity of their word 3-shingle
sets is at least ``MIN_JACCARD``: a syndicated copy with another headline or a line
added, a corrected version. A 64-value MinHash signature cut into 16 bands of 4 makes
candidate lookup an index probe (a pair at Jaccard 0.8 shares a band with probability
above 0.999); each candidate is then checked on the exact shingle sets, so a chance
band collision never links two articles.
"""

from __future__ import annotations

import hashlib
import re

SHINGLE = 3
HASHES = 64
BANDS = 16
ROWS = HASHES // BANDS
MIN_JACCARD = 0.8
# Texts with fewer shingles than this say too little: two one-line items could match by chance.
MIN_SHINGLES = 12

_WORD = re.compile(r"\w+", re.UNICODE)
_PRIME = (1 << 61) - 1
_MASK = (1 << 64) - 1


def _h64(s: str, salt: bytes = b"") -> int:
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8, salt=salt).digest(), "big")


# Fixed (seeded by their index, not random) so that every run and every machine agrees.
_PERMS = tuple((_h64(f"a{k}") % (_PRIME - 1) + 1, _h64(f"b{k}") % _PRIME) for k in range(HASHES))


def shingles(text: str, size: int = SHINGLE) -> frozenset[str]:
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return frozenset([" ".join(words)]) if words else frozenset()
    return frozenset(" ".join(words[i:i + size]) for i in range(len(words) - size + 1))


def minhash(grams: frozenset[str]) -> tuple[int, ...] | None:
    """The MinHash signature of a shingle set; None when it is too small to say anything."""
    if len(grams) < MIN_SHINGLES:
        return None
    hs = [_h64(g) % _PRIME for g in grams]
    return tuple(min((a * h + b) % _PRIME for h in hs) for a, b in _PERMS)


def band_keys(signature: tuple[int, ...]) -> tuple[int, ...]:
    """One signed 64-bit key per band (SQLite integers are signed)."""
    out = []
    for k in range(BANDS):
        h = _h64(",".join(map(str, signature[k * ROWS:(k + 1) * ROWS]))) & _MASK
        out.append(h - (1 << 64) if h >= 1 << 63 else h)
    return tuple(out)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def near_duplicate(a: str, b: str) -> bool:
    """Whether two texts are near duplicates (the exact check behind the band lookup)."""
    ga, gb = shingles(a), shingles(b)
    return min(len(ga), len(gb)) >= MIN_SHINGLES and jaccard(ga, gb) >= MIN_JACCARD
