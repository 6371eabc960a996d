"""Commands over articles and documents: extract, ingest, show, rejects, chronicle, schema, validate, doctor."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

import click

from .. import __version__
from ..model import Document, Reject
from .base import (EXIT_OK, EXIT_FAILURE, EXIT_PARTIAL, ProgressBar, db_option, get_config, handle_errors,
                   main, print_summary, read_options_decorator, read_options_from)


def pipeline_for(config):
    """The standard pipeline with the user's knowledge-base files; a broken file stops
    the command here (E_KB_FILE) rather than rejecting every article."""
    from ..kb import default_kb
    from ..pipeline import Pipeline

    if config.kb.user_files:
        default_kb(config.kb.user_files)
    return Pipeline(config=config)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@read_options_decorator
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Parser processes (about 2 GB of memory each). Default 1.")
@click.option("--pretty", is_flag=True, help="Indent the JSON (one document spans several lines).")
@click.pass_context
@handle_errors
def extract(ctx: click.Context, paths: tuple[str, ...], workers: int | None, pretty: bool,
            **kw: Any) -> None:
    """Annotate articles and write one JSON document a line to standard output.

    PATHS are files or folders ('-' reads JSON lines from standard input). Nothing is
    stored. A record that cannot be processed is written as
    {"id": ..., "error": {"code": ..., "message": ...}} in its place.
    """
    from ..jobs import estimate_records, parser_pool, run_extract

    config = get_config(ctx)
    options = read_options_from(config, kw)
    pipeline = pipeline_for(config)
    out = sys.stdout

    def emit(item: Document | Reject) -> None:
        data = item.to_error_line() if isinstance(item, Reject) else item.to_dict()
        out.write(json.dumps(data, ensure_ascii=False, indent=2 if pretty else None) + "\n")
        out.flush()

    with parser_pool(config, workers) as pool, ProgressBar(estimate_records(paths, options), "extracting") as bar:
        report = run_extract(paths, pool, options, emit, pipeline=pipeline, progress=bar)
    print_summary(report, "extract")
    sys.exit(EXIT_PARTIAL if report.rejected else EXIT_OK)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@read_options_decorator
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Parser processes (about 2 GB of memory each). Default 1.")
@click.pass_context
@handle_errors
def ingest(ctx: click.Context, paths: tuple[str, ...], db: Path | None, workers: int | None,
           **kw: Any) -> None:
    """Annotate articles and store them in the database.

    Articles already stored with the same content are skipped (not parsed again), unless
    another version of kroniek annotated them: then they are annotated again. An
    article whose id is stored with other content replaces it. Rejected records are
    kept with their reasons (see `kroniek rejects`).
    """
    from ..jobs import estimate_records, parser_pool, run_ingest
    from ..store import Store

    config = get_config(ctx)
    options = read_options_from(config, kw)
    pipeline = pipeline_for(config)
    with Store.open_writer(db, batch_size=config.store.batch_size,
                           commit_seconds=config.store.commit_seconds) as store:
        click.echo(f"database: {store.path}", err=True)
        with parser_pool(config, workers) as pool, \
                ProgressBar(estimate_records(paths, options), "ingesting") as bar:
            report = run_ingest(paths, store, pool, options, pipeline=pipeline, progress=bar)
    print_summary(report, "ingest")
    sys.exit(EXIT_PARTIAL if report.rejected else EXIT_OK)


@main.command()
@click.argument("doc_id")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the document as JSON (SCHEMA.md).")
@handle_errors
def show(doc_id: str, db: Path | None, as_json: bool) -> None:
    """Show one stored document with its annotations."""
    from ..chronicle import chronicle_lines
    from ..store import Store

    with Store.open_reader(db) as store:
        doc = store.get(doc_id)
    if as_json:
        click.echo(json.dumps(doc.to_dict(), ensure_ascii=False, indent=2))
        return
    for line in chronicle_lines([doc]):
        click.echo(line)
    click.echo(doc.text)


@main.command()
@db_option
@click.option("--code", default=None, help="Only rejects with this error code.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True)
@handle_errors
def rejects(db: Path | None, code: str | None, fmt: str) -> None:
    """List the records that could not be processed, with their reasons."""
    from ..store import Store

    with Store.open_reader(db) as store:
        rows = store.rejects(code)
    if fmt == "json":
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False))
    elif fmt == "csv":
        w = csv.DictWriter(sys.stdout, fieldnames=["id", "origin", "code", "message", "created_at"])
        w.writeheader()
        w.writerows(rows)
    else:
        if not rows:
            click.echo("no rejects")
        for r in rows:
            click.echo(f"{r['code']:<20} {r['origin'] or '-'}  {r['id'] or '-'}: {r['message']}")


@main.command()
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many documents.")
@handle_errors
def chronicle(db: Path | None, limit: int | None) -> None:
    """Print the chronicle of the stored documents, in date order."""
    from ..chronicle import chronicle_lines
    from ..store import Store

    with Store.open_reader(db) as store:
        ids = store.ids()[:limit] if limit else store.ids()
        docs = [store.get(i) for i in ids]
    if not docs:
        click.echo("the database holds no documents yet")
    for line in chronicle_lines(docs):
        click.echo(line)


@main.command()
@handle_errors
def schema() -> None:
    """Print the JSON Schema of kroniek's documents."""
    from ..schema import document_schema

    click.echo(json.dumps(document_schema(), indent=2))


@main.command()
@click.argument("file", type=click.File("r", encoding="utf-8"))
@handle_errors
def validate(file) -> None:
    """Check JSON lines (from `kroniek extract`) against the schema and their offsets.

    Exit code 0 when every line is valid, 3 when some are not.
    """
    from ..model import Document as Doc
    from ..schema import reject_line_validator, validator

    doc_v, rej_v = validator(), reject_line_validator()
    bad = good = 0
    for n, line in enumerate(file, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            click.echo(f"line {n}: not JSON: {exc.msg}")
            bad += 1
            continue
        v = rej_v if isinstance(data, dict) and "error" in data else doc_v
        errors = [f"{'/'.join(map(str, e.absolute_path)) or '(document)'}: {e.message}"
                  for e in v.iter_errors(data)]
        if not errors and v is doc_v:
            errors = Doc.from_dict(data).bad_spans()
        if errors:
            bad += 1
            for e in errors[:5]:
                click.echo(f"line {n}: {e}")
        else:
            good += 1
    click.echo(f"{good} valid, {bad} invalid", err=True)
    sys.exit(EXIT_PARTIAL if bad else EXIT_OK)


@main.command()
@click.pass_context
@handle_errors
def doctor(ctx: click.Context) -> None:
    """Check that kroniek's parts are installed and answer (Frog, database folder)."""
    from ..nlp.frog import FrogParser, find_frog
    from ..store import default_db_path

    config = get_config(ctx)
    click.echo(f"kroniek {__version__}, Python {sys.version.split()[0]}")
    click.echo(f"default database: {default_db_path()}")
    binary = find_frog(config.frog)
    click.echo(f"frog: {binary}")
    with FrogParser(config.frog) as parser:
        ok = parser.health()
    click.echo(f"frog answers: {'yes' if ok else 'NO'}")
    sys.exit(EXIT_OK if ok else EXIT_FAILURE)

