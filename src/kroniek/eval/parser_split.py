"""Which texts the fast parser may learn from, and which are kept back to measure it.

One rule shared by the training script and ``kroniek eval parser``, so that the
agreement figures are always on text the model has not seen: a text is held out when
the first bytes of its SHA-256 fall in one tenth of the range. Texts whose quality
figures kroniek measures elsewhere (dev-nl, ned.testa) are held out by the caller too.
"""

from __future__ import annotations

import hashlib

# One text in HELD_OUT_MODULUS is held out.
HELD_OUT_MODULUS = 10


def held_out(text: str) -> bool:
    """True for the tenth of texts kept back from training, decided by the text alone."""
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()
    return int.from_bytes(digest[:8], "big") % HELD_OUT_MODULUS == 0
