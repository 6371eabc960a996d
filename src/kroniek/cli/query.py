"""Commands that ask the store: timeline, dyad, events, actors, search, export."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import click

from .base import EXIT_OK, ProgressBar, db_option, handle_errors, main

FORMATS = ("table", "json", "csv")


def period_options(fn):
    fn = click.option("--to", "end", default=None, metavar="DATE",
                      help="Period end: YYYY, YYYY-MM or YYYY-MM-DD (its last day counts).")(fn)
    fn = click.option("--from", "start", default=None, metavar="DATE",
                      help="Period start: YYYY, YYYY-MM or YYYY-MM-DD.")(fn)
    return fn


def filter_options(fn):
    fn = click.option("--modality", "modalities", multiple=True,
                      help="Only these modalities: asserted, planned, hypothetical, negated (repeatable).")(fn)
    fn = click.option("--type", "types", multiple=True,
                      help="Only these PLOVER event types, e.g. CONSULT (repeatable or comma-separated).")(fn)
    return fn


def format_option(fn):
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                        help="table for reading, json (one object) or csv (one event a row).")(fn)


def limit_option(default: int):
    return click.option("--limit", type=click.IntRange(1, 10000), default=default, show_default=True,
                        help="At most this many events.")


def _event_lines(events, dyad=None) -> list[str]:
    lines = []
    for e in events:
        v = e.event
        when = v.date if e.dated_by == "event" else f"~{e.doc_date}"
        flag = "" if v.modality == "asserted" else f" [{v.modality}]"
        src = e.source.name if e.source else "?"
        tgt = e.target.name if e.target else "?"
        where = f" @ {e.location.name}" if e.location else ""
        lines.append(f"{when:<12} {v.type:<10} {src} → {tgt}{where}{flag}   ({e.doc_id}#{v.id})")
        sentence = " ".join(e.sentence.split())
        lines.extend(textwrap.wrap(f"“{sentence}”", 96, initial_indent="    ", subsequent_indent="     "))
    return lines


def _print_events(result, fmt: str, header: str) -> None:
    from ..export import EVENT_COLUMNS, event_row

    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        import csv

        w = csv.DictWriter(sys.stdout, fieldnames=[c for c, _ in EVENT_COLUMNS] + ["role"], lineterminator="\n")
        w.writeheader()
        for e in result.events:
            w.writerow({**event_row(e), "role": e.role})
        return
    click.echo(header)
    if not result.events:
        click.echo("no events")
    for line in _event_lines(result.events):
        click.echo(line)
    if result.truncated:
        click.echo("(more events left out: raise --limit or narrow the period)", err=True)


@main.command()
@click.argument("actor")
@db_option
@period_options
@filter_options
@format_option
@limit_option(1000)
@click.option("--mentions", is_flag=True,
              help="Every article's report of an event on its own line (the per-article view).")
@click.option("--sentences", is_flag=True, help="Merged view: print every report's sentence too.")
@handle_errors
def timeline(actor: str, db: Path | None, start: str | None, end: str | None, types, modalities,
             fmt: str, limit: int, mentions: bool, sentences: bool) -> None:
    """The events of ACTOR in date order: each real-world event once, with how many
    articles report it and its status over time (--mentions: every report on its own).

    ACTOR is typed as people do: a country code or a country's Dutch or English name
    (USA, "Verenigde Staten"), a KB id, or a name, which stands for the KB entry its
    entities are linked to (Trump is kb:DONALD_TRUMP; other readings are offered as
    "did you mean"). Say which with kb:ID, country:RUS or name:Lavrov. An event counts
    when the actor is its source or its target.
    """
    from ..database import Database

    if not mentions:
        from .corpus import print_merged, warn_if_stale

        database = Database(db)
        with database.reader() as store:
            warn_if_stale(store)
        page = database.merged_events(actor, start, end, types=types, modalities=modalities, limit=limit)
        m = page.actor
        _did_you_mean(m)
        reports = sum(e.reports for e in page.events)
        print_merged(page, fmt, f"{m.label} ({m.kind} {m.value}: {m.entities} entities in {m.documents} "
                                f"articles): {len(page.events)} events from {reports} reports", sentences)
        return
    t = Database(db).timeline(actor, start, end, types=types, modalities=modalities, limit=limit)
    m = t.actor
    _did_you_mean(m)
    _print_events(t, fmt, f"{m.label} ({m.kind} {m.value}: {m.entities} entities in {m.documents} "
                          f"articles): {len(t.events)} events")


def _did_you_mean(*matches) -> None:
    """Say what else an ambiguous name could mean, and how to ask for it (on stderr:
    the table, JSON or CSV on stdout stays as it was)."""
    for m in matches:
        if m.alternatives:
            others = ", ".join(f"{a.label} ({a.ref})" for a in m.alternatives)
            click.echo(f"{m.query!r} is read as {m.label} ({m.ref}); did you mean {others}?", err=True)


@main.command()
@click.argument("a")
@click.argument("b")
@db_option
@period_options
@filter_options
@format_option
@limit_option(1000)
@handle_errors
def dyad(a: str, b: str, db: Path | None, start: str | None, end: str | None, types, modalities,
         fmt: str, limit: int) -> None:
    """Events between A and B (actors or countries, typed as for timeline), both directions."""
    from ..database import Database

    d = Database(db).dyad(a, b, start, end, types=types, modalities=modalities, limit=limit)
    _did_you_mean(d.a, d.b)
    _print_events(d, fmt, f"{d.a.label} → {d.b.label}: {d.count('a->b')} events; "
                          f"{d.b.label} → {d.a.label}: {d.count('b->a')} events")


@main.command()
@db_option
@period_options
@filter_options
@click.option("--place", default=None, help="Only events located at this place (name, KB id or country).")
@click.option("--medium", default=None, help="Only events from articles of this source (any case).")
@format_option
@limit_option(100)
@click.option("--offset", type=click.IntRange(min=0, max=2**62), default=0, help="Skip this many events first.")
@handle_errors
def events(db: Path | None, start: str | None, end: str | None, types, modalities, place: str | None,
           medium: str | None, fmt: str, limit: int, offset: int) -> None:
    """Events by type, modality, period, place and source medium."""
    from ..database import Database

    page = Database(db).events(start, end, types=types, modalities=modalities, place=place, medium=medium,
                               limit=limit, offset=offset)
    _print_events(page, fmt, f"{len(page.events)} events")


@main.command()
@click.argument("query", required=False, default="")
@db_option
@click.option("--limit", type=click.IntRange(1, 10000), default=20, show_default=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@handle_errors
def actors(query: str, db: Path | None, limit: int, fmt: str) -> None:
    """Actors whose name (a word of it), KB id or country code starts with QUERY, with counts.

    Without QUERY: the actors with the most events. The first column is what to give
    `kroniek timeline`.
    """
    from ..database import Database

    rows = Database(db).actors(query, limit)
    if fmt == "json":
        click.echo(json.dumps([r.to_dict() for r in rows], ensure_ascii=False, indent=2))
    elif fmt == "csv":
        import csv

        w = csv.DictWriter(sys.stdout, fieldnames=list(rows[0].to_dict()) if rows else ["ref"],
                           lineterminator="\n")
        w.writeheader()
        w.writerows(r.to_dict() for r in rows)
    else:
        if not rows:
            click.echo("no actor matches")
        for r in rows:
            click.echo(f"{r.ref:<32} {r.type or 'country':<7} {r.country or '-':<4} "
                       f"{r.documents:>6} articles {r.events:>6} events")


@main.command()
@click.argument("text")
@db_option
@period_options
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@click.option("--format", "fmt", type=click.Choice(("table", "json")), default="table", show_default=True)
@handle_errors
def search(text: str, db: Path | None, start: str | None, end: str | None, limit: int, fmt: str) -> None:
    """Full-text search over article titles and texts, best matches first.

    Plain words must all occur (any case, accents ignored); FTS5 syntax (OR, NOT,
    "a phrase", prefix*) is understood when the query uses it.
    """
    from ..database import Database

    hits = Database(db).search(text, start, end, limit=limit)
    if fmt == "json":
        click.echo(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        click.echo("no article matches")
    for h in hits:
        click.echo(f"{h.date:<11} {h.id}  {h.title or ''}")
        click.echo(textwrap.indent(textwrap.fill(" ".join(h.snippet_text.split()), 92), "    "))


@main.command()
@click.option("--format", "fmt", type=click.Choice(("jsonl", "csv", "parquet", "graphml", "jsonld")),
              required=True, help="jsonl: documents (whole, of the period; --type and --modality "
                                  "do not apply); csv, parquet: one event a row; "
                                  "graphml: actor network; jsonld: events in SEM.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write (default: standard output; Parquet needs a file).")
@click.option("--merged", is_flag=True,
              help="Merged events (jsonl, csv or parquet): one real-world event a line with all its mentions.")
@db_option
@period_options
@filter_options
@handle_errors
def export(fmt: str, output: Path | None, merged: bool, db: Path | None, start: str | None, end: str | None,
           types, modalities) -> None:
    """Write the store out for other tools (see docs/CLI.md for each format's shape)."""
    from .. import export as X
    from .. import query as Q
    from ..errors import ExportError
    from ..store import Store

    if fmt == "parquet" and output is None:
        raise ExportError("Parquet is binary: give a file with --output")
    period = Q.Period.parse(start, end)
    if merged:
        _export_merged(fmt, output, db, period, types, modalities)
        return
    with Store.open_reader(db) as store:
        if fmt == "jsonl":
            total = store.count("documents")
        elif fmt == "graphml":
            total = 1  # one query makes the whole network: one step
        else:
            total = store.count("events")
        try:
            out = open(output, "w", encoding="utf-8", newline="") if output and fmt != "parquet" else sys.stdout
        except OSError as exc:
            raise ExportError(f"cannot write {output}: {exc.strerror}") from None
        try:
            with ProgressBar(total, f"exporting {fmt}") as bar:
                def counted(events):
                    for e in events:
                        bar(1)
                        yield e

                if fmt == "jsonl":
                    n = X.write_jsonl(store, out, period, progress=bar)
                elif fmt == "graphml":
                    n = X.write_graphml(Q.network(store, period, None, types, modalities, limit=None), out)
                    bar(1)
                else:
                    events = counted(Q.iter_events(store, period, types, modalities))
                    if fmt == "csv":
                        n = X.write_csv(events, out)
                    elif fmt == "jsonld":
                        n = X.write_jsonld(events, out)
                    else:
                        n = X.write_parquet(events, output)
        finally:
            if out is not sys.stdout:
                out.close()
    what = {"jsonl": "documents", "graphml": "edges"}.get(fmt, "events")
    click.echo(f"export: {n} {what} written{' to ' + str(output) if output else ''}", err=True)
    sys.exit(EXIT_OK)


def _export_merged(fmt: str, output: Path | None, db: Path | None, period, types, modalities) -> None:
    from ..corpus import export as MX
    from ..corpus import query as CQ
    from ..errors import ExportError
    from ..store import Store
    from .corpus import warn_if_stale

    if fmt not in ("jsonl", "csv", "parquet"):
        raise ExportError(f"--merged writes jsonl, csv or parquet, not {fmt}")
    with Store.open_reader(db) as store:
        warn_if_stale(store)
        events = CQ.iter_merged_events(store, period, types, modalities)
        if fmt == "parquet":
            n = MX.write_merged_parquet(events, output)
        else:
            try:
                out = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
            except OSError as exc:
                raise ExportError(f"cannot write {output}: {exc.strerror}") from None
            try:
                n = (MX.write_merged_jsonl if fmt == "jsonl" else MX.write_merged_csv)(events, out)
            finally:
                if out is not sys.stdout:
                    out.close()
    click.echo(f"export: {n} merged events written{' to ' + str(output) if output else ''}", err=True)
    sys.exit(EXIT_OK)
