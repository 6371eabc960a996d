"""The ``kroniek`` command (click). The only package that prints, draws progress bars or exits.

Each module registers its commands on :data:`main`; importing them here builds the CLI.
Exit codes are in :mod:`kroniek.cli.base` and docs/CLI.md.
"""

from .base import EXIT_FAILURE, EXIT_INTERNAL, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, main
from . import (  # noqa: F401  (importing registers the commands)
    corpus, doctor, documents, evaluate, evaluate_coref, evaluate_entities, evaluate_events,
    evaluate_gold, evaluate_ner, evaluate_parser, evaluate_quotes, evaluate_times, kb, query, serve, spark
)

__all__ = ["EXIT_FAILURE", "EXIT_INTERNAL", "EXIT_OK", "EXIT_PARTIAL", "EXIT_USAGE", "main"]
