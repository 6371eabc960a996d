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
                   main, parser_option, print_summary, read_options_decorator, read_options_from)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@read_options_decorator
@parser_option
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Parser workers (Frog: about 2 GB of memory each). Default 1.")
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
    from ..annotator import Annotator
    from ..jobs import estimate_records, run_extract

    config = get_config(ctx)
    options = read_options_from(config, kw)
    annotator = Annotator(config, workers=workers)
    pipeline = annotator.pipeline
    out = sys.stdout

    def emit(item: Document | Reject) -> None:
        data = item.to_error_line() if isinstance(item, Reject) else item.to_dict()
        out.write(json.dumps(data, ensure_ascii=False, indent=2 if pretty else None) + "\n")
        out.flush()

    with annotator, ProgressBar(estimate_records(paths, options), "extracting") as bar:
        report = run_extract(paths, annotator.pool, options, emit, pipeline=pipeline, progress=bar)
    print_summary(report, "extract")
    sys.exit(EXIT_PARTIAL if report.rejected else EXIT_OK)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@read_options_decorator
@parser_option
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Parser workers (Frog: about 2 GB of memory each). Default 1.")
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
    from ..database import Database
    from ..jobs import estimate_records

    config = get_config(ctx)
    options = read_options_from(config, kw)
    database = Database(db, config=config)
    click.echo(f"database: {database.path}", err=True)
    with ProgressBar(estimate_records(paths, options), "ingesting") as bar:
        report = database.ingest(list(paths), workers=workers, progress=bar, **options.__dict__)
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
    from ..database import Database

    doc = Database(db).get(doc_id)
    if as_json:
        click.echo(json.dumps(doc.to_dict(), ensure_ascii=False, indent=2))
        return
    for line in chronicle_lines([doc]):
        click.echo(line)
    # Every entity with all its mentions (names, role nouns, pronouns and short names
    # that coreference joined), each with its character offsets.
    click.echo("entities:")
    for e in doc.entities:
        code = e.actor.code if e.actor is not None and e.actor.code else "-"
        mentions = ", ".join(f"“{m.text}” {m.start}-{m.end}" for m in e.mentions)
        click.echo(f"    {e.id:<4} {e.type:<5} {e.name} ({code}): {mentions}")
    click.echo("")
    click.echo(doc.text)


@main.command()
@db_option
@click.option("--code", default=None, help="Only rejects with this error code.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True)
@handle_errors
def rejects(db: Path | None, code: str | None, fmt: str) -> None:
    """List the records that could not be processed, with their reasons."""
    from ..database import Database

    rows = Database(db).rejects(code)
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
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="At most this many events (--mentions: documents).")
@click.option("--mentions", is_flag=True, help="The per-article view: each document with its own events.")
@click.option("--sentences", is_flag=True, help="Print every report's sentence under its event.")
@handle_errors
def chronicle(db: Path | None, limit: int | None, mentions: bool, sentences: bool) -> None:
    """Print the chronicle of the stored articles in date order: each real-world event once,
    with its report count and status arc (--mentions: article by article)."""
    from ..chronicle import chronicle_lines
    from ..database import Database

    if not mentions:
        from ..corpus import query as CQ
        from .corpus import merged_lines, warn_if_stale

        with Database(db).reader() as store:
            warn_if_stale(store)
            events = list(CQ.iter_merged_events(store))
        if not events:
            click.echo("the database holds no events yet")
        for line in merged_lines(events[:limit] if limit else events, sentences):
            click.echo(line)
        return
    docs = Database(db).documents(limit)
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

