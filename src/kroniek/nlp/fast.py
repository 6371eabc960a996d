"""kroniek's fast Dutch parser: a small spaCy pipeline trained on Frog's parses.

It gives the same tags, lemmas, dependency labels and entity types as Frog
(docs/FAST_PARSER.md), at many times Frog's speed, from pip-installed packages alone:
the model ships inside kroniek (``kroniek/models/nl_fast``) and loads offline.
spaCy is imported only when a FastParser starts, so kroniek's other commands do not
pay for it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import ParserError, ParserUnavailable
from ..model import ParsedDoc
from .fast_convert import from_spacy_doc

DEFAULT_MODEL = Path(__file__).resolve().parent.parent / "models" / "nl_fast"


def model_version(path: Path) -> str:
    """The model's version from its meta.json, or ParserUnavailable when it is not a model."""
    meta = path / "meta.json"
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ParserUnavailable(f"the fast parser's model is missing: {path} has no meta.json "
                                "(reinstall kroniek, or set parser.model to a model folder "
                                "written by scripts/train_fast_parser.py)") from None
    except (OSError, ValueError) as exc:
        raise ParserUnavailable(f"the fast parser's model at {path} cannot be read: {exc}") from None
    version = data.get("version") if isinstance(data, dict) else None
    if not isinstance(version, str) or not version:
        raise ParserUnavailable(f"{meta} names no model version: not a kroniek fast-parser model")
    return version


class FastParser:
    """The fast backend of the :class:`~kroniek.nlp.Parser` protocol."""

    name = "fast"

    def __init__(self, model: str | Path | None = None) -> None:
        self.model_path = Path(model).expanduser() if model else DEFAULT_MODEL
        self.version = model_version(self.model_path)
        # What decides the parse, for caches: the model (its folder and version), never
        # mixed with Frog's entries.
        self.cache_identity = f"fast-nl:{self.version}:{self.model_path.resolve()}"
        self.parser_name = f"fast-nl-{self.version}"
        self._nlp: Any = None
        self.documents = 0

    def start(self) -> FastParser:
        if self._nlp is None:
            try:
                import spacy
            except ImportError as exc:  # pragma: no cover - spaCy is a dependency of kroniek
                raise ParserUnavailable(f"the fast parser needs spaCy 3.8 ({exc}): pip install 'spacy>=3.8,<3.9'") from None
            try:
                self._nlp = spacy.load(self.model_path)
            except OSError as exc:
                raise ParserUnavailable(f"the fast parser's model at {self.model_path} cannot be loaded: {exc}") from None
            except Exception as exc:  # a model of another spaCy version, a broken file
                raise ParserError(f"the fast parser's model at {self.model_path} failed to load: "
                                  f"{type(exc).__name__}: {exc}", code="E_PARSER_START") from None
        return self

    def parse(self, text: str) -> ParsedDoc:
        if self._nlp is None:
            self.start()
        try:
            doc = self._nlp(text)
            parsed = from_spacy_doc(text, doc, self.parser_name)
        except Exception as exc:
            # One document the model cannot handle fails alone; the batch goes on.
            raise ParserError(f"the fast parser failed: {type(exc).__name__}: {exc}",
                              code="E_PARSER_OUTPUT") from exc
        self.documents += 1
        return parsed

    def health(self) -> bool:
        try:
            return len(self.parse("Dit is een test.").tokens) == 5
        except ParserError:
            return False

    def close(self) -> None:
        self._nlp = None

    def __enter__(self) -> FastParser:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()
