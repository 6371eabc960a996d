"""Quality figures from Python: what ``kroniek eval events`` prints, as a dict.

The command calls :func:`evaluate_events` and prints its report, so the figures are
the same whichever way they are asked for (a test runs both).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .annotator import as_config
from .errors import EvalError

if TYPE_CHECKING:  # pragma: no cover
    from .config import Config


def evaluate_events(gold_dir: str | os.PathLike[str] | None = None, *,
                    eventdna: str | os.PathLike[str] | None = None,
                    meantime: str | os.PathLike[str] | None = None, limit: int | None = None,
                    cache_dir: str | os.PathLike[str] | None = None,
                    config: Config | str | os.PathLike[str] | None = None,
                    announce: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Score events against seed-format gold (``gold_dir``), EventDNA JSON lines and a
    MEANTIME folder; the report's keys are ``gold``, ``eventdna`` and ``meantime`` for
    what was given (the JSON of ``kroniek eval events --json``). ``announce`` is told
    when a corpus starts (the CLI writes it to stderr); parses go through the parse
    cache at ``cache_dir``.
    """
    from .eval.events import gold_files, score_eventdna, score_meantime, score_seed_gold
    from .eval.runner import Annotator as GoldAnnotator
    from .pipeline import Pipeline

    if not (gold_dir or eventdna or meantime):
        raise EvalError("nothing to score: give a gold folder, an EventDNA file or a MEANTIME folder")
    cfg = as_config(config)
    report: dict[str, Any] = {}
    with GoldAnnotator(cfg.frog, cache_dir, Pipeline(config=cfg), config=cfg) as annotate:
        if gold_dir:
            files = gold_files(Path(gold_dir))
            if not files:
                raise EvalError(f"no gold files with events in {gold_dir}")
            report["gold"] = {"files": len(files),
                              "settings": [s.to_dict() for s in score_seed_gold(files[:limit], annotate)]}
        if eventdna:
            if announce:
                announce("scoring EventDNA ...")
            report["eventdna"] = score_eventdna(Path(eventdna), annotate, limit).to_dict()
        if meantime:
            if announce:
                announce("scoring MEANTIME ...")
            report["meantime"] = score_meantime(Path(meantime), annotate, limit).to_dict()
    return report
