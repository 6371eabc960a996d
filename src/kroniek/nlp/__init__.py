"""The parsing seam: one protocol, one backend per language.

Everything after parsing reads a :class:`~kroniek.model.ParsedDoc` (sentences, tokens
with character offsets, lemma, POS, NER, dependencies) and never a backend's own
format. Frog (:mod:`kroniek.nlp.frog`) is the Dutch backend.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from ..model import ParsedDoc


@runtime_checkable
class Parser(Protocol):
    """What the pipeline needs of a parser."""

    name: str

    def start(self) -> "Parser":
        """Acquire resources (start processes, load models); returns self."""

    def parse(self, text: str) -> ParsedDoc:
        """Analyse one text; raise :class:`~kroniek.errors.ParserError` on failure."""

    def health(self) -> bool:
        """True when the parser answers."""

    def close(self) -> None:
        """Release resources; the parser may be started again."""


__all__ = ["Parser"]
