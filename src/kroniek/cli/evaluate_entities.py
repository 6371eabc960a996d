"""`kroniek eval entities GOLD_DIR`: actor-country precision, recall and F1 over entities."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .base import cache_dir_option, get_config, handle_errors, parser_option
from .evaluate import eval_group, score_with_frog


@eval_group.command("entities")
@click.argument("gold_dir", type=click.Path(path_type=Path))
@cache_dir_option
@parser_option
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--show", is_flag=True, help="List every gold entity with a country and what kroniek gave it.")
@click.pass_context
@handle_errors
def entities(ctx: click.Context, gold_dir: Path, cache_dir: Path | None, as_json: bool, show: bool) -> None:
    """Score the countries of kroniek's entities against gold files (*.json in GOLD_DIR).

    kroniek's entities are matched one to one to gold entities by overlapping
    mentions. Precision: of kroniek's entities with a country, those matched to a
    gold entity of that country; recall: of the gold entities with a country, those
    kroniek gave it. Texts are parsed with Frog through the parse cache.
    """
    from ..eval.entities import evaluate_entities, load_gold_entities, pipeline_entity_annotator
    from ..eval.quotes import gold_files

    config = get_config(ctx)
    golds = [load_gold_entities(p) for p in gold_files(gold_dir)]
    results, parser = score_with_frog(golds, evaluate_entities, pipeline_entity_annotator, config, cache_dir)
    total = sum((r.counts for r in results), type(results[0].counts)()) if results else None
    if as_json:
        click.echo(json.dumps({"documents": len(results), "country": total.to_dict() if total else {}}, indent=2))
        return
    p, r, f = total.prf
    click.echo(f"entities: {len(golds)} gold file(s) in {gold_dir}, parses cached: "
               f"{parser.hits} hit(s), {parser.misses} parsed")
    click.echo(f"actor country   P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (hits {total.hits}, found with a country "
               f"{total.found}, gold with a country {total.gold}, gold found at all {total.matched})")
    if show:
        for doc in results:
            click.echo(f"\n{doc.id}")
            for m in doc.matches:
                if m.gold is not None and m.gold.country is not None:
                    state = "ok" if m.found_country == m.gold.country else "WRONG"
                    got = f"{m.found.name!r} {m.found_country}" if m.found else "missed"
                    click.echo(f"  [{state}] {m.gold.name!r} {m.gold.country} <- {got}")
                elif m.gold is None and m.found_country is not None:
                    click.echo(f"  [extra] {m.found.name!r} {m.found_country}")
