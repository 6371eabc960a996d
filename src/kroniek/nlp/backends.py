"""Choosing and making the parser: Frog or kroniek's fast parser.

Every place that needs a parser (ingest, extract, the evaluations, the Python API)
asks :func:`make_parser`, so ``--parser`` and ``[parser] backend`` mean the same
everywhere, and "auto" is decided in one place: Frog where it is installed, else the
fast parser, which pip installs with kroniek.
"""

from __future__ import annotations

from pathlib import Path

from ..config import PARSER_BACKENDS, Config
from ..errors import ConfigError, ParserUnavailable
from . import Parser


def frog_available(config: Config) -> bool:
    """Whether Frog and its data are installed as the configuration names them."""
    from .frog import find_frog

    try:
        find_frog(config.frog)
    except ParserUnavailable:
        return False
    return True


def resolve_backend(config: Config, choice: str | None = None) -> str:
    """"frog" or "fast": ``choice`` (a --parser option) first, then the configuration;
    "auto" is Frog when it is installed, else the fast parser."""
    backend = choice or config.parser.backend
    if backend not in PARSER_BACKENDS:
        raise ConfigError(f"the parser must be one of {', '.join(PARSER_BACKENDS)}, got {backend!r}")
    if backend == "auto":
        return "frog" if frog_available(config) else "fast"
    return backend


def parser_label(config: Config, choice: str | None = None) -> str:
    """Who parses, in words stored with each document: "frog" or "fast-nl-VERSION"."""
    if resolve_backend(config, choice) == "frog":
        return "frog"
    from .fast import DEFAULT_MODEL, model_version

    model = Path(config.parser.model).expanduser() if config.parser.model else DEFAULT_MODEL
    return f"fast-nl-{model_version(model)}"


def make_parser(config: Config, choice: str | None = None, cache_dir: str | Path | None = None) -> Parser:
    """A new, unstarted parser of the chosen backend; behind a parse cache when
    ``cache_dir`` is given (cache entries are keyed on the backend and its model)."""
    backend = resolve_backend(config, choice)
    parser: Parser
    if backend == "fast":
        from .fast import FastParser

        parser = FastParser(config.parser.model)
    else:
        from .frog import FrogParser

        parser = FrogParser(config.frog)
    if cache_dir is not None:
        from .cache import CachingParser

        return CachingParser(parser, Path(cache_dir))
    return parser
