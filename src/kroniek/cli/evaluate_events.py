"""`kroniek eval events`: PLOVER events against seed-format gold, EventDNA and MEANTIME."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .base import cache_dir_option, fail, get_config, handle_errors, parser_option
from .evaluate import eval_group


def _prf_line(name: str, d: dict) -> str:
    return (f"  {name:<28} P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}  "
            f"(tp {d['tp']}, fp {d['fp']}, fn {d['fn']})")


@eval_group.command("events")
@click.argument("gold_dir", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--eventdna", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="EventDNA JSON lines (e.g. eventdna_nl/eventdna_dev.jsonl; see docs/DATA.md).")
@click.option("--meantime", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="MEANTIME factuality CoNLL folder (e.g. meantime_nl/factuality_conll_gold/nl; see docs/DATA.md).")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many documents per corpus.")
@cache_dir_option
@parser_option
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--details", is_flag=True, help="List missed and extra events of the gold files.")
@click.pass_context
@handle_errors
def eval_events(ctx: click.Context, gold_dir: Path | None, eventdna: Path | None, meantime: Path | None,
                limit: int | None, cache_dir: Path | None, as_json: bool, details: bool) -> None:
    """Score events: GOLD_DIR holds gold files in the seed's format (*.json with "events").

    Seed-format gold: events match on PLOVER type and the {source, target} country
    pair, then also on date; modality accuracy on matched events. EventDNA: trigger
    F1 and Time/Place argument F1. MEANTIME: event mention F1 and the certainty,
    polarity and tense accuracy of kroniek's modality on the gold mentions.
    """
    from ..evaluation import evaluate_events

    if not (gold_dir or eventdna or meantime):
        fail("give GOLD_DIR, --eventdna or --meantime", code=2)
    report = evaluate_events(gold_dir, eventdna=eventdna, meantime=meantime, limit=limit, cache_dir=cache_dir,
                             config=get_config(ctx), announce=lambda line: click.echo(line, err=True))
    if as_json:
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
        return
    for setting in report.get("gold", {}).get("settings", []):
        click.echo(f"gold files ({report['gold']['files']}), {setting['setting']}:")
        click.echo(_prf_line("events (type + countries)", setting["events"]))
        click.echo(_prf_line("... and date", setting["with_date"]))
        m = setting["modality"]
        click.echo(f"  modality accuracy            {m['accuracy']:.3f} ({m['correct']}/{m['total']})")
        if details:
            for line in setting["unmatched"]:
                click.echo(f"    {line}")
    if "eventdna" in report:
        e = report["eventdna"]
        click.echo(f"EventDNA ({e['documents']} documents):")
        click.echo(_prf_line("triggers", e["triggers"]))
        click.echo(_prf_line("Time arguments", e["time_arguments"]))
        click.echo(_prf_line("Place arguments", e["place_arguments"]))
    if "meantime" in report:
        m = report["meantime"]
        click.echo(f"MEANTIME Dutch ({m['documents']} documents):")
        click.echo(_prf_line("event mentions", m["event_mentions"]))
        for k in ("certainty", "polarity", "tense"):
            a = m[k]
            click.echo(f"  {k + ' accuracy':<28} {a['accuracy']:.3f} ({a['correct']}/{a['total']})")
