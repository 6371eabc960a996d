"""`kroniek kb`: check a knowledge-base file, look a name up."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .base import EXIT_FAILURE, EXIT_OK, get_config, handle_errors, main


@main.group("kb")
def kb_group() -> None:
    """The actor knowledge base: check your own files, look names up (docs/KB.md)."""


@kb_group.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@handle_errors
def check(files: tuple[Path, ...]) -> None:
    """Check actor tables (CSV or TSV) in the format of docs/KB.md.

    Reads each FILE as kroniek would and reports the first problem with its file and
    line number (exit code 4), or how many actors and rows each file holds (exit 0).
    """
    from ..kb import load_kb
    from ..kb.tables import read_actor_file

    kb = load_kb(files)  # the files as they join kroniek's own tables
    for f in files:
        rows = read_actor_file(f, kb.countries)
        click.echo(f"{f}: {len({r.id for r in rows})} actors in {len(rows)} rows, ok")
    sys.exit(EXIT_OK)


@kb_group.command("lookup")
@click.argument("name")
@click.option("--date", "date", default=None, help="Article date (YYYY, YYYY-MM or YYYY-MM-DD): the actor on that date.")
@click.option("--kb", "kb_files", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="An extra actor table (repeatable), read after those in the configuration.")
@click.option("--limit", type=click.IntRange(min=1), default=5, show_default=True, help="At most this many candidates.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object a candidate.")
@click.pass_context
@handle_errors
def lookup(ctx: click.Context, name: str, date: str | None, kb_files: tuple[Path, ...], limit: int,
           as_json: bool) -> None:
    """What NAME refers to: knowledge-base entries, best first, with their actor on --date.

    NAME may be a name in any spelling kroniek knows (Poetin, Putin, Noord-Korea,
    Noord-Koreaanse, Russen), or a role phrase with a country ("de Amerikaanse
    president"), which gives the office holder on --date.
    """
    from ..kb import date_range, default_kb

    config = get_config(ctx)
    kb = default_kb(tuple(config.kb.user_files) + tuple(str(f) for f in kb_files))
    days = date_range(date)
    if date and days is None:
        raise click.BadParameter(f"{date!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", param_hint="--date")
    results = []
    seen = set()
    for m in kb.lookup(name, date):
        if m.entry.id in seen:
            continue
        seen.add(m.entry.id)
        if len(results) >= limit:
            break
        actor = m.entry.actor(*days) if days else m.entry.actor()
        results.append({"kb_id": m.entry.id, "name": m.entry.name, "type": m.entry.type, "kind": m.entry.kind,
                        "as": m.ref.form + (" (fuzzy)" if m.fuzzy else ""), "actor": actor.to_dict(),
                        "source": m.entry.source})
    if not results:
        holder = _role_holder(kb, name, date)
        if holder is not None:
            results.append(holder)
    if not results:
        click.echo(f"kroniek: no knowledge-base entry for {name!r}", err=True)
        sys.exit(EXIT_FAILURE)
    for r in results:
        if as_json:
            click.echo(json.dumps(r, ensure_ascii=False))
            continue
        a = r["actor"]
        role = f", {a['role']}" if a.get("role") else ""
        click.echo(f"{r['kb_id']}: {r['name']} ({r['type']}, as {r['as']}) -> {a['code'] or '-'}"
                   f" [country {a['country'] or '-'}, sector {a['sector'] or '-'}{role}]")


def _role_holder(kb, phrase: str, date: str | None) -> dict | None:
    """A role phrase ("de Amerikaanse president") resolved on ``date``, as a lookup result."""
    from ..extract.actors import link_span
    from ..model import ParsedDoc, Sentence, Token

    words = phrase.split()
    tokens, pos = [], 0
    for k, w in enumerate(words):
        start = phrase.index(w, pos)
        pos = start + len(w)
        tag = "LID" if w.casefold() in ("de", "het", "een") else ("ADJ" if w[:1].isupper() else "N")
        tokens.append(Token(k, start, pos, w, w, w.casefold(), tag, f"{tag}()", "O", None, "dep", 0))
    doc = ParsedDoc(phrase, tuple(tokens), (Sentence(0, len(phrase), 0, len(tokens)),), "lookup")
    actor = link_span(doc, 0, len(tokens), date, kb)
    if actor is None:
        return None
    entry = kb.entry(actor.kb_id) if actor.kb_id else None
    return {"kb_id": actor.kb_id or "-", "name": entry.name if entry else phrase, "type": entry.type if entry else "-",
            "kind": entry.kind if entry else "role", "as": "role phrase", "actor": actor.to_dict(),
            "source": entry.source if entry else "lexicon"}
