"""kroniek: the chronicle inside dated news articles.

The Python API (docs/PYTHON.md)::

    import kroniek

    with kroniek.Annotator() as nlp:              # owns its Frog processes
        doc = nlp.annotate(text, date="2023-07-11")
    db = kroniek.open("kroniek.db")              # a database, as the CLI's --db
    db.ingest("examples/")
    db.timeline("Rutte").to_pandas()

Names are resolved lazily (PEP 562): ``import kroniek`` loads no parser, no web
framework, no schema validator; each name imports its module on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> module that defines it
_LAZY = {
    "Annotator": "kroniek.annotator",
    "Database": "kroniek.database",
    "open": "kroniek.database",
    "Config": "kroniek.config",
    "load_config": "kroniek.config",
    "Article": "kroniek.model",
    "Document": "kroniek.model",
    "Reject": "kroniek.model",
    "KroniekError": "kroniek.errors",
    "evaluate_events": "kroniek.evaluation",
}

__all__ = ["__version__", *_LAZY]

if TYPE_CHECKING:  # pragma: no cover
    from .annotator import Annotator
    from .config import Config, load_config
    from .database import Database, open
    from .errors import KroniekError
    from .evaluation import evaluate_events
    from .model import Article, Document, Reject


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'kroniek' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # next time without this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
