"""kroniek's word lists and patterns, one folder per language (``lexicons/nl/``).

The files are data: one entry a line, ``#`` comments and blank lines ignored. This
module only finds and reads them; each user of a list checks its own columns.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources


def lexicon_text(name: str, lang: str = "nl") -> tuple[str, str]:
    """(text, display path) of ``lexicons/<lang>/<name>``; FileNotFoundError when absent."""
    ref = resources.files("kroniek") / "lexicons" / lang / name
    return ref.read_text(encoding="utf-8"), f"lexicons/{lang}/{name}"


def content_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, line) of every line that is neither blank nor a ``#`` comment."""
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            yield n, line
