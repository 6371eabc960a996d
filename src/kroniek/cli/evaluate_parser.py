"""`kroniek eval parser`: the fast parser's agreement with Frog, and both on UD Dutch."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .base import ProgressBar, cache_dir_option, get_config, handle_errors
from .evaluate import eval_group

LABELS = {"token_f1": "tokens F1", "tag": "tag", "pos": "coarse POS", "lemma": "lemma", "uas": "UAS",
          "las": "LAS", "entity_f1": "entities F1", "sentence_f1": "sentences F1"}


@eval_group.command("parser")
@click.argument("texts", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--all", "all_texts", is_flag=True,
              help="Score every text, not only the tenth held back from training (for sources "
                   "never trained on, such as dev-nl).")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Score at most N texts.")
@click.option("--ud", "ud_files", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A UD Dutch CoNLL-U file (e.g. nl_alpino-ud-test.conllu) to score lemmas and tags on; repeatable.")
@click.option("--no-frog", is_flag=True, help="Do not start Frog: texts Frog has not parsed before "
                                                "(in the parse cache) are skipped, and UD is scored for the fast parser alone.")
@cache_dir_option
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.pass_context
@handle_errors
def eval_parser(ctx: click.Context, texts: tuple[Path, ...], all_texts: bool, limit: int | None,
                ud_files: tuple[Path, ...], no_frog: bool, cache_dir: Path | None, as_json: bool) -> None:
    """Agreement of the fast parser with Frog, and accuracy on UD Dutch.

    TEXTS are JSON-lines files, JSON files or folders of them with a "text" field (e.g.
    the DPG corpus's articles.jsonl, or dev-nl). Only texts held back from the fast
    parser's training are scored, unless --all. Frog's parses come through the parse
    cache (Frog starts only for texts it has not parsed before). Prints, over the
    tokens both parsers made at the same offsets: token F1, tag, coarse POS, lemma,
    UAS and LAS accuracy, entity F1 and sentence-start F1. With --ud, lemma, tag and
    coarse-tag accuracy against the treebank for each parser.
    """
    from ..errors import ParserUnavailable
    from ..eval.parser import Agreement, UdScore, read_conllu, read_texts
    from ..eval.parser_split import held_out
    from ..nlp.cache import CachingParser
    from ..nlp.fast import FastParser
    from ..nlp.frog import FrogParser

    if not texts and not ud_files:
        raise click.UsageError("give TEXTS to compare with Frog, or --ud files, or both")
    config = get_config(ctx)
    chosen = [t for t in read_texts(texts) if all_texts or held_out(t)][:limit]
    fast = FastParser(config.parser.model).start()
    frog = CachingParser(FrogParser(config.frog), cache_dir)
    report: dict[str, object] = {"model": fast.parser_name}
    try:
        if chosen:
            agreement, skipped = Agreement(), 0
            with ProgressBar(len(chosen), "comparing with Frog") as bar:
                for text in chosen:
                    bar(1)
                    if no_frog and not frog.cached(text):
                        skipped += 1
                        continue
                    agreement.add(frog.parse(text), fast.parse(text))
            report["agreement"] = {**agreement.figures(), "skipped_not_in_cache": skipped}
        if ud_files:
            ud: dict[str, dict[str, object]] = {}
            for path in ud_files:
                sentences = read_conllu(path)
                scores = {"fast": UdScore()}
                if not no_frog:
                    scores["frog"] = UdScore()
                with ProgressBar(len(sentences), f"scoring {path.name}") as bar:
                    for s in sentences:
                        bar(1)
                        scores["fast"].add(s, fast.parse(s.text))
                        if "frog" in scores:
                            try:
                                scores["frog"].add(s, frog.parse(s.text))
                            except ParserUnavailable:
                                del scores["frog"]  # no Frog here: the fast parser alone
                ud[path.name] = {name: sc.figures() for name, sc in scores.items()}
            report["ud"] = ud
    finally:
        frog.close()
        fast.close()
    if as_json:
        click.echo(json.dumps(report, indent=2))
        return
    click.echo(f"fast parser: {report['model']}")
    if "agreement" in report:
        a = report["agreement"]
        assert isinstance(a, dict)
        click.echo(f"agreement with Frog on {a['documents']} texts, {a['tokens']} Frog tokens"
                   + (f" ({a['skipped_not_in_cache']} skipped: not in the parse cache)" if a["skipped_not_in_cache"] else ""))
        for key, label in LABELS.items():
            click.echo(f"  {label:<14} {a[key]:5.1f}")
    for name, per_parser in (report.get("ud") or {}).items():  # type: ignore[union-attr]
        for parser_name, f in per_parser.items():
            click.echo(f"{name} [{parser_name}]: {f['words']} words, token recall {f['token_recall']:.1f}, "
                       f"lemma {f['lemma']:.1f}, tag {f['tag']:.1f}, coarse tag {f['pos']:.1f}")
