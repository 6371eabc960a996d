"""`kroniek eval`: quality figures against gold data. Each evaluator registers a subcommand here."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..config import Config
from .base import ProgressBar, main


@main.group("eval")
def eval_group() -> None:
    """Score kroniek against gold annotations (figures for docs/EVALUATION.md)."""


def score_with_frog(golds: list[Any], evaluate: Callable[[Iterable[Any], Any], Iterator[Any]],
                    make_annotator: Callable[[Any, Config], Any], config: Config,
                    cache_dir: Path | None) -> tuple[list[Any], Any]:
    """Score each gold document, parsed by Frog through the parse cache, with a progress bar.

    Returns the results and the caching parser (its hits and misses say what was parsed).
    """
    from ..nlp.backends import make_parser
    from ..nlp.cache import CachingParser

    parser = CachingParser(make_parser(config), cache_dir)
    results = []
    try:
        annotate = make_annotator(parser, config)
        with ProgressBar(len(golds), "scoring") as bar:
            for result in evaluate(golds, annotate):
                results.append(result)
                bar(1)
    finally:
        parser.close()
    return results, parser
