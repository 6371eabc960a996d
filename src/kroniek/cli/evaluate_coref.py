"""`kroniek eval coref`: cross-document event coreference against MEANTIME Dutch."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .base import cache_dir_option, get_config, handle_errors, parser_option
from .evaluate import eval_group


@eval_group.command("coref")
@click.argument("mentions", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("conll_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many documents.")
@cache_dir_option
@parser_option
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.pass_context
@handle_errors
def eval_coref(ctx: click.Context, mentions: Path, conll_dir: Path, limit: int | None,
               cache_dir: Path | None, as_json: bool) -> None:
    """Score kroniek's merged events as cross-document event coreference.

    MENTIONS is MEANTIME's gold event mentions with their cross-document instances
    (meantime_nl/cdcr_prep/nl/event_mentions.json); CONLL_DIR the CoNLL texts they point
    into (meantime_nl/factuality_conll_gold/nl). Prints MUC, B³, CEAF-e and CoNLL F1,
    with the all-singletons baseline.
    """
    from ..eval.coref import score_meantime_coref
    from ..eval.runner import Annotator
    from ..pipeline import Pipeline

    config = get_config(ctx)
    with Annotator(config.frog, cache_dir, Pipeline(config=config), config=config) as annotate:
        s = score_meantime_coref(mentions, conll_dir, annotate, limit)
    if as_json:
        click.echo(json.dumps(s.to_dict(), indent=2, ensure_ascii=False))
        return
    click.echo(f"MEANTIME Dutch: {s.documents} documents, {s.gold_mentions} gold event mentions in "
               f"{s.gold_chains} instances ({s.cross_document_chains} across documents)")
    click.echo(f"  kroniek: {s.kroniek_events} events merged into {s.merged_events}; "
               f"{s.matched_mentions} of the gold mentions matched")
    for name, m in (("MUC", s.muc), ("B³", s.b_cubed), ("CEAF-e", s.ceaf_e)):
        click.echo(f"  {name:<8} P {m.precision:.3f}  R {m.recall:.3f}  F1 {m.f1:.3f}")
    b = s.singletons_baseline
    click.echo(f"  CoNLL F1 {s.conll_f1:.3f}   (all singletons: MUC {b['muc_f1']:.3f}, B³ {b['b_cubed_f1']:.3f}, "
               f"CEAF-e {b['ceaf_e_f1']:.3f}, CoNLL {b['conll_f1']:.3f})")


@eval_group.command("merge")
@click.argument("labels", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--details", is_flag=True, help="List every wrong merge and every missed one.")
@handle_errors
def eval_merge(labels: Path, gold_dir: Path, as_json: bool, details: bool) -> None:
    """Pairwise merge precision and recall on a story set: LABELS groups the gold events of
    GOLD_DIR's seed-format files (dev-nl) into real-world events by hand; kroniek's merging
    runs on the same gold events (tests/eval/data/story_set.json is one such set)."""
    from ..eval.coref import score_story_set

    s = score_story_set(labels, gold_dir)
    if as_json:
        click.echo(json.dumps(s.to_dict(), indent=2, ensure_ascii=False))
        return
    click.echo(f"story set: {s.documents} articles, {s.mentions} event mentions, {s.gold_events} real-world "
               f"events; kroniek merged them into {s.merged_events}")
    click.echo(f"  pairwise  P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  "
               f"({s.pairs_correct} of {s.pairs_merged} merged pairs right, {s.pairs_expected} expected)")
    click.echo(f"  CoNLL F1  {s.conll_f1:.3f}")
    if details:
        for line in s.errors:
            click.echo(f"    {line}")
