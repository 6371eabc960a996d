"""Commands that start the web UI: serve (the HTTP API and UI) and run (the examples, then the UI)."""

from __future__ import annotations

import ipaddress
import sys
from pathlib import Path

import click

from .base import (
    EXIT_OK,
    EXIT_PARTIAL,
    ProgressBar,
    db_option,
    fail,
    get_config,
    handle_errors,
    main,
    print_summary,
)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _serve(db: Path | None, host: str, port: int, allow_hosts: tuple[str, ...] = ()) -> None:
    try:
        import uvicorn
    except ImportError:
        fail("the web UI needs uvicorn and fastapi: pip install 'kroniek[web]'")
    from ..api import create_app
    from ..store import Store

    with Store.open_reader(db) as store:  # fail now, clearly, rather than on the first request
        path = store.path
    if not _is_loopback(host):
        click.secho(f"warning: serving on {host}: anyone who can reach this machine can read the "
                    "database", fg="yellow", err=True)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"kroniek UI on http://{shown}:{port}/  (database {path}; Ctrl-C stops)", err=True)
    # Requests must name a host this server serves (no DNS rebinding): the loopback
    # names, the address it listens on and what --allow-host adds.
    uvicorn.run(create_app(path, allowed_hosts=(host, *allow_hosts)), host=host, port=port, log_level="warning")


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. The default is reachable from this machine only.")
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True)
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Another host name the server answers to (repeatable), e.g. the machine's DNS "
                   "name. 127.0.0.1, localhost and the --host address are always allowed.")
@handle_errors
def serve(db: Path | None, host: str, port: int, allow_hosts: tuple[str, ...]) -> None:
    """Start the HTTP API (OpenAPI at /openapi.json) and the web UI on the database."""
    _serve(db, host, port, allow_hosts)


@main.command()
@db_option
@click.option("--examples", type=click.Path(exists=True, path_type=Path), default=Path("examples"),
              show_default=True, help="Articles to set the database up with.")
@click.option("--serve/--no-serve", "serve_ui", default=None,
              help="Start the web UI afterwards. Default: on a terminal yes; in a script or "
                   "pipe no (it would never return), with a hint how to start it.")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True)
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Parser processes. Default 1.")
@click.pass_context
@handle_errors
def run(ctx: click.Context, db: Path | None, examples: Path, serve_ui: bool, host: str, port: int,
        workers: int | None) -> None:
    """Set up the example database, print its chronicle, then start the web UI.

    Articles already in the database are not parsed again, so a second run starts the
    UI at once.
    """
    from ..chronicle import chronicle_lines
    from ..database import Database
    from ..jobs import estimate_records, read_options

    config = get_config(ctx)
    options = read_options(config)
    database = Database(db, config=config)
    path = database.path
    click.echo(f"database: {path}", err=True)
    with ProgressBar(estimate_records([examples], options), "ingesting") as bar:
        report = database.ingest(examples, workers=workers, progress=bar)
    print_summary(report, "ingest")
    for line in chronicle_lines(database.documents()):
        click.echo(line)
    if serve_ui is None:
        serve_ui = sys.stdin.isatty() and sys.stdout.isatty()
        if not serve_ui:
            click.echo(f"Browse it: kroniek serve --db {path}  (then open http://{host}:{port}/)", err=True)
    if serve_ui:
        _serve(path, host, port)
    sys.exit(EXIT_PARTIAL if report.rejected else EXIT_OK)
