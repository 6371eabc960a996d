"""What every kroniek command shares: the main group, exit codes, common options, errors.

The ``kroniek.cli`` package is the only place that prints, draws progress bars or exits.

Exit codes (docs/CLI.md):
  0  success
  1  unexpected internal error (a bug: please report it)
  2  usage error (bad option or argument)
  3  finished, but some records were rejected (see ``kroniek rejects``)
  4  kroniek error: parser missing, database locked, bad configuration, nothing found
"""

from __future__ import annotations

import dataclasses

import functools
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from .. import __version__
from ..config import Config, load_config
from ..errors import KroniekError
from ..ingest import FORMATS, CsvColumns
from ..progress import Eta, format_eta

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE, EXIT_PARTIAL, EXIT_FAILURE = 0, 1, 2, 3, 4


def fail(message: str, code: int = EXIT_FAILURE) -> None:
    click.secho(f"kroniek: {message}", fg="red", err=True)
    sys.exit(code)


def handle_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn kroniek's errors into a one-line message and exit code 4."""
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except KroniekError as exc:
            fail(str(exc))
        except BrokenPipeError:
            # `kroniek extract ... | head`: the reader left; not an error.
            sys.stderr.close()
            sys.exit(EXIT_OK)
    return wrapper


def get_config(ctx: click.Context) -> Config:
    return ctx.obj["config"]


def db_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
                        envvar="KRONIEK_DB",
                        help="Database file (default: kroniek.db in your data folder, or $KRONIEK_DB).")(fn)


def cache_dir_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--cache-dir`` of the evaluators: where Frog's parses of gold texts are kept."""
    return click.option("--cache-dir", "--cache", "cache_dir", type=click.Path(file_okay=False, path_type=Path),
                        default=None, help="Parse cache folder (default: kroniek's cache folder, "
                                           "or $KRONIEK_CACHE).")(fn)


def _choose_parser(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    # The choice goes into the configuration every part of kroniek reads
    # (kroniek.nlp.backends), so one option covers pools, caches and evaluators.
    if value is not None:
        config = get_config(ctx)
        ctx.obj["config"] = config.replace(parser=dataclasses.replace(config.parser, backend=value))


def parser_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--parser frog|fast|auto``: which parser reads the articles (docs/FAST_PARSER.md)."""
    return click.option("--parser", type=click.Choice(("auto", "frog", "fast")), default=None,
                        expose_value=False, callback=_choose_parser,
                        help="Parser: frog, fast (kroniek's own, no Frog needed) or auto "
                             "(Frog when installed, else fast). Default: the configuration's "
                             "parser.backend (auto).")(fn)


def read_options_decorator(fn: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option("--date", "pub_date", default=None,
                     help="Publication date (YYYY, YYYY-MM or YYYY-MM-DD) of plain .txt files without a header."),
        click.option("--format", "fmt", type=click.Choice(("auto",) + FORMATS), default="auto",
                     show_default=True, help="Input format; auto decides by file extension and content."),
        click.option("--lang", default=None, help="Language of records that do not say (default nl)."),
        click.option("--encoding", default=None, help="Text encoding of the input (default utf-8)."),
        click.option("--max-chars", type=click.IntRange(min=1), default=None,
                     help="Reject texts longer than this many characters (default 500000)."),
        click.option("--text-col", default=None, help="CSV: column holding the text."),
        click.option("--date-col", default=None, help="CSV: column holding the publication date."),
        click.option("--id-col", default=None, help="CSV: column holding the id."),
        click.option("--title-col", default=None, help="CSV: column holding the title."),
        click.option("--delimiter", default=None, help="CSV: field delimiter (default: sniffed)."),
    ]
    for opt in reversed(options):
        fn = opt(fn)
    return fn


def read_options_from(config: Config, kw: dict[str, Any]):
    from ..jobs import read_options

    cols = CsvColumns(text=kw.pop("text_col"), date=kw.pop("date_col"), id=kw.pop("id_col"),
                      title=kw.pop("title_col"), delimiter=kw.pop("delimiter"))
    return read_options(config, date=kw.pop("pub_date"), format=kw.pop("fmt"), lang=kw.pop("lang"),
                        encoding=kw.pop("encoding"), max_chars=kw.pop("max_chars"), csv=cols)


class ProgressBar:
    """A progress bar on stderr when it is a terminal; silent otherwise.

    The callable it gives is ``update(items, chars=0, free=False)``: the ETA is reckoned
    in characters per second from the first finished document on (kroniek.progress),
    so Frog's start-up and one long article do not make it absurd.
    """

    WIDTH = 30

    def __init__(self, total: int | None, label: str, clock: Callable[[], float] = time.monotonic) -> None:
        self.total = total
        self.label = label
        self.eta = Eta(total, clock)
        self._clock = clock
        self._shown = -1.0
        self._active = sys.stderr.isatty()

    def line(self) -> str:
        done = self.eta.items
        if self.total:
            filled = min(self.WIDTH, self.WIDTH * done // self.total)
            return (f"{self.label}  [{'#' * filled}{'-' * (self.WIDTH - filled)}]  {done}/{self.total}  "
                    f"{format_eta(self.eta.seconds_left())}")
        return f"{self.label}  {done}"

    def update(self, items: int = 1, chars: int = 0, free: bool = False) -> None:
        self.eta.update(items, chars, free)
        now = self._clock()
        if self._active and (now - self._shown >= 0.2 or self.eta.items == self.total):
            self._shown = now
            click.echo(f"\r{self.line()}\x1b[K", file=sys.stderr, nl=False)

    def __enter__(self) -> Callable[..., None]:
        return self.update

    def __exit__(self, *exc: object) -> None:
        if self._active and self._shown >= 0:
            click.echo(f"\r{self.line()}\x1b[K", file=sys.stderr)


def print_summary(report, action: str) -> None:
    parts = [f"{n} {status}" for status, n in sorted(report.statuses.items())]
    click.echo(f"{action}: {report.done} done ({', '.join(parts) or 'nothing'}), "
               f"{report.rejected} rejected, {report.seconds:.1f} s", err=True)
    for code, n in sorted(report.rejects.items()):
        click.echo(f"  {n} × {code}: e.g. {report.reject_examples[code]}", err=True)
    corpus = getattr(report, "corpus", None)
    if corpus is not None and (corpus.changed or corpus.removed):
        click.echo(f"  across articles: {corpus.merged_events} merged events, {corpus.stories} stories, "
                   f"{corpus.duplicates} near-duplicate links ({corpus.pairs} actor pairs merged again, "
                   f"{corpus.seconds:.1f} s)", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="kroniek")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              envvar="KRONIEK_CONFIG", help="TOML configuration file (see docs/CONFIG.md).")
@click.pass_context
def main(ctx: click.Context, config_path: Path | None) -> None:
    """kroniek: the chronicle inside dated news articles.

    Reads articles (seed format, plain text, JSON lines, CSV), finds who did what to
    whom, when and where, and who said so, with the evidence for each fact.
    """
    ctx.ensure_object(dict)
    try:
        ctx.obj["config"] = load_config(config_path)
    except KroniekError as exc:
        fail(str(exc))


