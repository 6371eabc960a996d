"""How names are compared: folding, keys, Dutch adjective inflection, genitives.

Two spellings are the same name when their keys are equal: case folded, accents
removed (Israël = Israel, Curaçao = Curacao), quote and dash variants merged, and
runs of whitespace reduced to one space. Keys are what the knowledge base indexes.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_QUOTES = dict.fromkeys(map(ord, "‘’‚‛′`´"), "'")
_DASHES = dict.fromkeys(map(ord, "‐‑‒–—−"), "-")
_SPACE = re.compile(r"\s+")
_VOWELS = "aeiou"


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The comparison key of a name ("Noord‑Korea’s" and "noord-korea's" share one)."""
    if name.isascii() and "`" not in name:
        return " ".join(name.casefold().split())
    s = unicodedata.normalize("NFKD", name.translate(_QUOTES).translate(_DASHES))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return _SPACE.sub(" ", s.casefold()).strip()


def inflect_adjective(base: str) -> str:
    """The inflected (-e) form of a Dutch adjective: Russisch → Russische, Chinees → Chinese.

    A long vowel written double before one final consonant is written single once the
    syllable opens (Chinees → Chinese, Portugees → Portugese); Amerikaans keeps its
    double vowel because two consonants follow.
    """
    if base.endswith("e"):
        return base
    if len(base) >= 4 and base[-1] not in _VOWELS and base[-2] == base[-3] and base[-2] in _VOWELS \
            and base[-4] != base[-2]:
        # a vowel before it starts a syllable of its own: Indiaas → Indiase, Zaïrees → Zaïrese
        return base[:-2] + base[-1] + "e"
    return base + "e"


_GENITIVE = re.compile(r"(?:['’]s|['’]|s)$")


def strip_genitive(word: str) -> str | None:
    """The word without a genitive ending (Poetins → Poetin, Korea’s → Korea), or None."""
    m = _GENITIVE.search(word)
    if not m or len(word) - len(m.group()) < 3:
        return None
    return word[:m.start()]


def title_case(name: str) -> str:
    """Phoenix's upper-case names as display names: KIM_JONG_IL → Kim Jong Il, MCDONALD's kept readable."""
    words = []
    for word in name.replace("_", " ").split():
        parts = word.split("-")
        words.append("-".join(p[:1].upper() + p[1:].lower() if p.isupper() or p.islower() else p
                              for p in parts))
    return " ".join(words)
