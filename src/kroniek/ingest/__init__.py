"""Readers: files of articles in, Articles (or Rejects with reasons) out.

No reader raises on a bad record: each record becomes an Article or a Reject, and the
rest of the batch goes on. :func:`read_paths` is the one entry point the CLI, the
pipeline and the Spark job use.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..model import Article, Reject
from .csvfile import read_csv
from .jsonl import read_json, read_jsonl
from .records import SUPPORTED_LANGS, CsvColumns, ReadOptions, make_article
from .textfile import read_text_file
from .warc import is_warc, read_warc

FORMATS = ("seed", "txt", "jsonl", "json", "csv", "warc")
_BY_SUFFIX = {".txt": "txt", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
              ".csv": "csv", ".tsv": "csv"}


def format_of(path: Path, requested: str = "auto") -> str | None:
    """The reader for ``path``: the requested one, else by extension ('txt' covers seed)."""
    if requested != "auto":
        return requested
    if is_warc(path):
        return "warc"
    return _BY_SUFFIX.get(path.suffix.lower())


def read_path(path: Path | str, options: ReadOptions) -> Iterator[Article | Reject]:
    """Read one file (or '-' for JSON lines on standard input)."""
    if str(path) == "-":
        yield from read_jsonl("-", options)
        return
    path = Path(path)
    fmt = format_of(path, options.format)
    if fmt == "seed":
        yield from read_text_file(path, options, seed=True)
    elif fmt == "txt":
        yield from read_text_file(path, options, seed=None)
    elif fmt == "jsonl":
        yield from read_jsonl(path, options)
    elif fmt == "json":
        yield from read_json(path, options)
    elif fmt == "csv":
        yield from read_csv(path, options)
    elif fmt == "warc":
        yield from read_warc(path, options)
    else:
        yield Reject(id=None, code="E_INPUT_FORMAT", origin=str(path),
                     message=f"unknown input format for {path.name!r}; use .txt, .jsonl, .json, "
                             ".csv, .tsv, .warc or .warc.gz, or name the format with --format")


def expand_paths(paths: Iterable[Path | str], requested: str = "auto") -> Iterator[Path | str]:
    """Files named directly, and the readable files inside named directories (sorted)."""
    for p in paths:
        if str(p) == "-":
            yield "-"
            continue
        p = Path(p)
        if p.is_dir():
            for child in sorted(c for c in p.rglob("*") if c.is_file()):
                if not any(part.startswith(".") for part in child.relative_to(p).parts) and (
                        requested != "auto" or format_of(child) is not None):
                    yield child
        else:
            yield p


def read_paths(paths: Iterable[Path | str], options: ReadOptions | None = None) -> Iterator[Article | Reject]:
    options = options or ReadOptions()
    for p in expand_paths(paths, options.format):
        if p != "-" and not Path(p).exists():
            yield Reject(id=None, code="E_INPUT_NOT_FOUND", origin=str(p), message=f"no such file: {p}")
            continue
        yield from read_path(p, options)


__all__ = ["FORMATS", "SUPPORTED_LANGS", "CsvColumns", "ReadOptions", "expand_paths",
           "make_article", "read_path", "read_paths"]
