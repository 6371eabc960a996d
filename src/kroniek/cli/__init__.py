"""The ``kroniek`` command (click). The only package that prints, draws progress bars or exits.

Each module registers its commands on :data:`main`; importing them here builds the CLI.
Exit codes are in :mod:`kroniek.cli.base` and docs/CLI.md.
"""

from .base import EXIT_FAILURE, EXIT_INTERNAL, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, main
from . import (documents, evaluate, evaluate_entities, evaluate_events, evaluate_ner, evaluate_quotes,  # noqa: F401
               evaluate_times, kb, query, serve, spark)

__all__ = ["EXIT_FAILURE", "EXIT_INTERNAL", "EXIT_OK", "EXIT_PARTIAL", "EXIT_USAGE", "main"]
