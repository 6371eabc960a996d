"""`kroniek eval quotes GOLD_DIR`: quote F1 and speaker accuracy against gold files."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .base import cache_dir_option, get_config, handle_errors, parser_option
from .evaluate import eval_group, score_with_frog


def _row(label: str, c) -> str:
    ep, er, ef = c.exact_prf
    op, orr, of = c.overlap_prf
    sp, sr, sf = c.speaker_prf
    return (f"{label:<9} {c.gold:>5} {c.found:>6}   {ep:5.2f} {er:5.2f} {ef:5.2f}   "
            f"{op:5.2f} {orr:5.2f} {of:5.2f}   {sp:5.2f} {sr:5.2f} {sf:5.2f}   "
            f"{c.speaker_accuracy:8.2f} {c.phrase_accuracy:8.2f}")


@eval_group.command("quotes")
@click.argument("gold_dir", type=click.Path(path_type=Path))
@cache_dir_option
@parser_option
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--show", is_flag=True, help="List every gold and found quote with how it matched.")
@click.pass_context
@handle_errors
def quotes(ctx: click.Context, gold_dir: Path, cache_dir: Path | None, as_json: bool, show: bool) -> None:
    """Score quotes against gold files in the seed's format (*.json in GOLD_DIR).

    Quote precision, recall and F1 by exact span and by overlap, over all quotes and
    per kind (direct, indirect); speaker P/R/F1 (a quote counts when it overlaps its
    gold quote and its speaker entity has the gold speaker among its names or
    mentions); and speaker accuracy over the matched quotes: by the speaker entity's
    mentions, and by the words the speaker was read from. Texts are
    parsed with Frog through the parse cache, so a second run parses nothing.
    """
    from ..eval.quotes import QuoteEvaluation, evaluate_quotes, gold_files, load_gold_file, pipeline_annotator

    config = get_config(ctx)
    golds = [load_gold_file(p) for p in gold_files(gold_dir)]
    results, parser = score_with_frog(golds, evaluate_quotes, pipeline_annotator, config, cache_dir)
    evaluation = QuoteEvaluation(tuple(results))
    if as_json:
        click.echo(json.dumps(evaluation.to_dict(), indent=2))
        return
    click.echo(f"quotes: {len(golds)} gold file(s) in {gold_dir}, parses cached: "
               f"{parser.hits} hit(s), {parser.misses} parsed")
    click.echo(f"{'kind':<9} {'gold':>5} {'found':>6}   {'exact P/R/F1':<17}   {'overlap P/R/F1':<17}   "
               f"{'speaker P/R/F1':<17}   {'speaker':>8} {'phrase':>8}")
    click.echo(_row("all", evaluation.overall))
    for kind in ("direct", "indirect"):
        click.echo(_row(kind, evaluation.kind(kind)))
    if show:
        for doc in results:
            click.echo(f"\n{doc.id}")
            for m in doc.matches:
                g = m.gold.text if m.gold else "-"
                f = m.found.text if m.found else "-"
                state = ("exact" if m.exact else "overlap") if m.gold and m.found else \
                    ("missed" if m.gold else "extra")
                spk = ""
                if m.gold and m.found:
                    spk = f" speaker {'ok' if m.speaker_ok else 'WRONG'} (gold {m.gold.speaker!r}, " \
                          f"read from {m.found.speaker_span.text if m.found.speaker_span else None!r})"
                click.echo(f"  [{state}]{spk}\n    gold:  {g[:100]!r}\n    found: {f[:100]!r}")
