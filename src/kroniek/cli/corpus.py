"""The chronicle across articles: merged events with their report counts and status arc,
stories, and `kroniek merge` to bring a database's merged events up to date."""

from __future__ import annotations

import csv
import json
import sys
import textwrap
from pathlib import Path

import click

from .base import EXIT_OK, db_option, handle_errors, main


def warn_if_stale(store) -> None:
    from ..corpus.sync import pending

    n = pending(store)
    if n:
        click.echo(f"note: {n} article(s) are not merged yet; run `kroniek merge --db {store.path}`", err=True)


def merged_lines(events, sentences: bool = False) -> list[str]:
    lines = []
    for e in events:
        when = e.date or f"~{e.first_day}"
        src = e.source.name if e.source else "?"
        tgt = e.target.name if e.target else "?"
        where = f" @ {e.location}" if e.location else ""
        outlets = f" ({', '.join(e.outlets)})" if e.outlets else ""
        lines.append(f"{when:<12} {e.type:<10} {src} → {tgt}{where}   {e.reports} report"
                     f"{'s' * (e.reports != 1)} in {e.documents} article{'s' * (e.documents != 1)}"
                     f"{outlets}   [{e.id}]")
        if len(e.dates) > 1:
            lines.append("    dates reported: " + ", ".join(f"{d.value} ×{d.reports}" for d in e.dates))
        if len(e.status) > 1 or e.status[0].modality != "asserted":
            lines.append("    status: " + e.arc)
        if sentences:
            for r in e.mentions:
                flag = "" if r.modality == "asserted" else f" [{r.modality}]"
                lines.extend(textwrap.wrap(f"{r.doc_date} {r.medium or r.document}{flag}: "
                                           f"“{' '.join(r.sentence_text.split())}”", 96,
                                           initial_indent="    ", subsequent_indent="      "))
    return lines


def print_merged(page, fmt: str, header: str, sentences: bool = False) -> None:
    from ..corpus.export import MERGED_COLUMNS, merged_json, merged_row

    if fmt == "json":
        data = {"actor": page.actor.to_dict() if page.actor else None, "period": page.period.to_dict(),
                "events": [merged_json(e) for e in page.events], "truncated": page.truncated}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        w = csv.DictWriter(sys.stdout, fieldnames=list(MERGED_COLUMNS), lineterminator="\n")
        w.writeheader()
        for e in page.events:
            w.writerow(merged_row(e))
        return
    click.echo(header)
    if not page.events:
        click.echo("no events")
    for line in merged_lines(page.events, sentences):
        click.echo(line)
    if page.truncated:
        click.echo("(more events left out: raise --limit or narrow the period)", err=True)


@main.command()
@db_option
@click.option("--rebuild", is_flag=True, help="Forget the merged events and merge every article again.")
@handle_errors
def merge(db: Path | None, rebuild: bool) -> None:
    """Bring the merged events, near duplicates and stories up to date.

    `kroniek ingest` and `kroniek load` do this after each batch; run it by hand after
    changing a database some other way, or with --rebuild to start from nothing.
    """
    from ..corpus.sync import sync
    from ..store import Store

    with Store.open_writer(db) as store:
        r = sync(store, rebuild=rebuild)
    click.echo(f"merge: {r.changed} articles merged again, {r.removed} removed; {r.merged_events} merged events, "
               f"{r.stories} stories, {r.duplicates} near-duplicate links ({r.seconds:.1f} s)", err=True)
    sys.exit(EXIT_OK)


@main.command()
@click.argument("story_id", required=False)
@db_option
@click.option("--actor", default=None, help="Only stories with an event of this actor.")
@click.option("--from", "start", default=None, metavar="DATE", help="Period start: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--to", "end", default=None, metavar="DATE", help="Period end (its last day counts).")
@click.option("--limit", type=click.IntRange(1, 10000), default=50, show_default=True)
@click.option("--format", "fmt", type=click.Choice(("table", "json")), default="table", show_default=True)
@handle_errors
def stories(story_id: str | None, db: Path | None, actor: str | None, start: str | None, end: str | None,
            limit: int, fmt: str) -> None:
    """Story threads (most reported first), or with STORY_ID one story: its events, their
    status arcs and every report's sentence."""
    from ..corpus.export import merged_json
    from ..database import Database

    database = Database(db)
    with database.reader() as store:
        warn_if_stale(store)
    if story_id:
        detail = database.story(story_id)
    else:
        found = database.stories(actor, start, end, limit=limit)
    if story_id:
        s = detail.story
        if fmt == "json":
            click.echo(json.dumps({"story": s.to_dict(), "events": [merged_json(e) for e in detail.events]},
                                  ensure_ascii=False, indent=2))
            return
        click.echo(f"{s.label}  [{s.id}]  {s.first_day} – {s.last_day}: {s.events} events, "
                   f"{s.reports} reports in {s.documents} articles")
        for line in merged_lines(detail.events, sentences=True):
            click.echo(line)
        return
    if fmt == "json":
        click.echo(json.dumps([s.to_dict() for s in found], ensure_ascii=False, indent=2))
        return
    if not found:
        click.echo("no stories")
    for s in found:
        click.echo(f"{s.first_day} – {s.last_day}  {s.label}  ({s.events} events, {s.reports} reports, "
                   f"{s.documents} articles)  [{s.id}]")
