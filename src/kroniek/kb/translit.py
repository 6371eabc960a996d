"""Dutch spellings of foreign names, made by transliteration rules.

English-language sources (and the Phoenix dictionaries) spell Russian, Ukrainian,
Arabic and Korean names the English way; Dutch news spells them the Dutch way:
Putin → Poetin, Khrushchev → Chroesjtsjov, Zelensky → Zelenski, Qaddafi → Kaddafi,
Kim Jong Un → Kim Jong-un. The rules are data (lexicons/nl/translit_rules.tsv: scheme,
pattern, replacement, applied in file order to the lower-cased name) and which scheme
applies to a person follows from the person's country (translit_countries.tsv).

A rule's output is written in upper case while the rules run, so a later rule never
rewrites what an earlier one produced (kh → ch must not then become tsj); the result
is lower-cased and capitalized at the end.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..errors import KroniekError
from .tables import lexicon_lines


@dataclass(frozen=True)
class Rule:
    pattern: re.Pattern[str]
    replacement: str


@dataclass(frozen=True)
class Transliterator:
    """Rules per scheme and the scheme of each country."""

    rules: dict[str, tuple[Rule, ...]]
    schemes: dict[str, str]  # country code -> scheme

    def scheme_for(self, country: str | None) -> str | None:
        return self.schemes.get(country or "")

    def dutch(self, name: str, scheme: str) -> str:
        """``name`` spelled by ``scheme``'s rules (unchanged when no rule applies)."""
        s = name.lower()
        for rule in self.rules.get(scheme, ()):
            s = rule.pattern.sub(rule.replacement, s)
        return _capitalize(s.lower())

    def variants(self, names: Iterable[str], country: str | None) -> list[str]:
        """Dutch spellings of ``names`` that differ from them, for a person of ``country``."""
        scheme = self.scheme_for(country)
        if scheme is None:
            return []
        out: list[str] = []
        seen = {n.casefold() for n in names}
        for n in names:
            d = self.dutch(n, scheme)
            if d.casefold() not in seen:
                seen.add(d.casefold())
                out.append(d)
        return out


def _capitalize(s: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in s.split(" "))


def load_transliterator() -> Transliterator:
    rules: dict[str, list[Rule]] = {}
    for where, cols in lexicon_lines("translit_rules.tsv", 3):
        scheme, pattern, replacement = cols
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            raise KroniekError(f"{where}: bad pattern {pattern!r}: {exc}", code="E_KB_FILE") from None
        rules.setdefault(scheme, []).append(Rule(compiled, replacement.upper()))
    schemes = {}
    for where, cols in lexicon_lines("translit_countries.tsv", 2):
        country, scheme = cols
        if scheme not in rules:
            raise KroniekError(f"{where}: no rules for scheme {scheme!r}", code="E_KB_FILE")
        schemes[country] = scheme
    return Transliterator({k: tuple(v) for k, v in rules.items()}, schemes)
