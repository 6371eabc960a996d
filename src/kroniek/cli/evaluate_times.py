"""`kroniek eval times`: time expressions against TIMEX3 gold (seed format and TimeML)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .base import ProgressBar, cache_dir_option, get_config, handle_errors, parser_option
from .evaluate import eval_group

_COLUMNS = (("gold", "gold", "d"), ("system", "sys", "d"), ("strict_p", "P", "p"), ("strict_r", "R", "p"),
            ("strict_f1", "F1", "p"), ("relaxed_p", "P", "p"), ("relaxed_r", "R", "p"),
            ("relaxed_f1", "F1", "p"), ("type_accuracy", "type", "p"), ("value_accuracy", "value", "p"),
            ("value_f1", "val F1", "p"))


def _table(settings: dict[str, dict[str, float | int]]) -> list[str]:
    head = f"{'setting':<8} {'docs':>4}  " + " ".join(f"{label:>6}" for _, label, _ in _COLUMNS)
    groups = [" "] * len(head)
    for column, label in ((2, "strict spans"), (5, "relaxed spans"), (8, "on relaxed matches")):
        at = 15 + 7 * column + 2
        groups[at:at + len(label)] = label
    lines = ["".join(groups).rstrip(), head]
    for name, fig in settings.items():
        cells = [f"{fig[key]:>6d}" if kind == "d" else f"{100 * fig[key]:>6.1f}" for key, _, kind in _COLUMNS]
        lines.append(f"{name:<8} {fig['documents']:>4}  " + " ".join(cells))
    return lines


@eval_group.command("times")
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@cache_dir_option
@parser_option
@click.option("--no-cache", is_flag=True, help="Parse every text with Frog, keep nothing.")
@click.option("--details", is_flag=True, help="List every miss, spurious time and wrong value.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.pass_context
@handle_errors
def eval_times(ctx: click.Context, gold: tuple[Path, ...], cache_dir: Path | None, no_cache: bool,
               details: bool, as_json: bool) -> None:
    """Score time expressions against TIMEX3 gold.

    GOLD are files or folders: seed-format gold (*.json, docs/GOLD_FORMAT.md; e.g. tests/data/gold/) and
    TimeML (*.tml, e.g. TempEval-3's te3-platinum; docs/DATA.md). A seed file is scored
    in each setting it gives ("full": the true date; "header": the crawl header's date);
    TimeML against its creation time ("dct"). Reports precision, recall and F1 of spans
    (strict: identical; relaxed: overlapping), and type and value accuracy on matches.
    """
    from ..eval.times import evaluate_times, gold_files, load_gold
    from ..extract.times import find_times
    from ..extract.timex import TimeTagger
    from ..nlp.backends import make_parser
    from ..nlp.cache import CachingParser

    config = get_config(ctx)
    docs = [load_gold(p) for p in gold_files(gold)]
    tagger = TimeTagger()
    inner = make_parser(config)
    parser = inner if no_cache else CachingParser(inner, cache_dir)
    try:
        with ProgressBar(len(docs), "scoring times") as bar:
            report = evaluate_times(docs, parser.parse, lambda parsed, dct: find_times(parsed, dct, tagger),
                                    progress=bar)
    finally:
        parser.close()
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2))
        return
    for line in _table({name: c.figures() for name, c in report.by_setting().items()}):
        click.echo(line)
    if details:
        for r in report.results:
            click.echo(f"\n{r.doc_id} [{r.setting}, DCT {r.dct}]")
            for m in r.matches:
                if not (m.value_ok and m.type_ok and m.strict):
                    click.echo(f"  {'ok ' if m.value_ok else 'BAD'} {m.gold.text!r} gold {m.gold.type} {m.gold.value}"
                               f" | kroniek {m.system.text!r} {m.system.type} {m.system.value}"
                               f"{' wd ' + str(m.system.weekday) if m.system.weekday else ''}")
            for g in r.missed:
                click.echo(f"  MISS {g.text!r} {g.type} {g.value}")
            for s in r.spurious:
                click.echo(f"  EXTRA {s.text!r} {s.type} {s.value}")
