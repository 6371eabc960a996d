"""`kroniek eval ner`: named-entity recognition on CoNLL-2002 Dutch, before and after kroniek."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .base import ProgressBar, cache_dir_option, get_config, handle_errors, parser_option
from .evaluate import eval_group

@eval_group.command("ner")
@click.argument("conll", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Only the first N articles.")
@cache_dir_option
@parser_option
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.pass_context
@handle_errors
def ner(ctx: click.Context, conll: Path, limit: int | None, cache_dir: Path | None, as_json: bool) -> None:
    """Score entity recognition on a CoNLL-2002 file (e.g. ned.testa; docs/DATA.md says where to get it).

    Prints entity-level precision, recall and F1 per type (PER ORG LOC MISC) for Frog's
    own NER ("frog") and for kroniek's names ("kroniek": the parser's NER, the knowledge
    base and rules). kroniek's types map to CoNLL's: GPE is LOC, EVENT is MISC, and
    country adjectives and demonyms are MISC, as CoNLL-2002 annotates them. Each
    article is parsed once (the parse cache keeps it for the next run).
    """
    from ..eval.ner import CONLL_TYPE, TypedSpan, evaluate, frog_spans, read_conll
    from ..extract.names import recognize
    from ..kb import default_kb
    from ..nlp.backends import make_parser
    from ..nlp.cache import CachingParser

    config = get_config(ctx)
    path = conll
    docs = read_conll(path, limit)
    kb = default_kb(config.kb.user_files)

    def kroniek_spans(parsed):
        return [TypedSpan(n.start, n.end, CONLL_TYPE[n.type]) for n in recognize(parsed, kb)]

    parser = CachingParser(make_parser(config), cache_dir)
    try:
        with ProgressBar(len(docs), "parsing and scoring") as bar:
            scores = evaluate(docs, parser.parse, {"frog": frog_spans, "kroniek": kroniek_spans}, progress=bar)
    finally:
        parser.close()
    if as_json:
        click.echo(json.dumps({name: _as_dict(s) for name, s in scores.items()}, indent=2))
        return
    first = next(iter(scores.values()))
    click.echo(f"{path}: {first.documents} articles, {first.sentences} sentences, {first.tokens} tokens "
               f"(parses: {parser.hits} from cache, {parser.misses} new)")
    click.echo(f"{'system':<9} {'type':<8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'found':>6}")
    for name, s in scores.items():
        for t in s.per_type + (s.overall,):
            click.echo(f"{name:<9} {t.type:<8} {100 * t.precision:6.1f} {100 * t.recall:6.1f} "
                       f"{100 * t.f1:6.1f} {t.gold:6d} {t.predicted:6d}")


def _as_dict(s) -> dict:
    def one(t):
        return {"precision": round(t.precision, 4), "recall": round(t.recall, 4), "f1": round(t.f1, 4),
                "gold": t.gold, "predicted": t.predicted, "correct": t.correct}

    return {"overall": one(s.overall), **{t.type: one(t) for t in s.per_type},
            "documents": s.documents, "sentences": s.sentences, "tokens": s.tokens}
