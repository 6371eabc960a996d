"""`kroniek eval`: quality figures against gold data. Each evaluator registers a subcommand here."""

from __future__ import annotations

from .base import main


@main.group("eval")
def eval_group() -> None:
    """Score kroniek against gold annotations (figures for docs/EVALUATION.md)."""
