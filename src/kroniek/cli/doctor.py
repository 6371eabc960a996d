"""`kroniek doctor`: what this machine has of what kroniek needs, and how to fix the rest."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .base import EXIT_FAILURE, EXIT_OK, db_option, get_config, main, parser_option


@main.command("doctor")
@db_option
@parser_option
@click.option("--no-parse", is_flag=True, help="Skip parsing a sentence with Frog and the fast parser (a few seconds).")
@click.option("--json", "as_json", is_flag=True, help="The checks as JSON.")
@click.pass_context
def doctor(ctx: click.Context, db: Path | None, no_parse: bool, as_json: bool) -> None:
    """Check the parser (Frog or the fast one), a real parse, the database, and Java and Chromium.

    Each line says what was found; a failed check says the command that fixes it.
    Java (for `kroniek spark`) and Chromium (for the browser tests) are optional.
    Exit code 0 when everything kroniek needs works, 4 when something required fails.
    """
    from ..doctor import healthy, run_checks
    from ..store import default_db_path

    config = get_config(ctx)
    checks = run_checks(db or default_db_path(), config.frog, parse=not no_parse, parser=config.parser)
    ok = healthy(checks)
    if as_json:
        click.echo(json.dumps({"ok": ok, "checks": [c.to_dict() for c in checks]}, indent=2))
    else:
        for c in checks:
            mark = click.style("ok  ", fg="green") if c.ok else click.style(
                "FAIL" if c.required else "warn", fg="red" if c.required else "yellow")
            click.echo(f"{mark} {c.name}: {c.detail}")
            if not c.ok and c.fix:
                click.echo(f"     fix: {c.fix}")
        click.echo("kroniek is ready." if ok else "kroniek cannot run until the failed checks are fixed.")
    sys.exit(EXIT_OK if ok else EXIT_FAILURE)
