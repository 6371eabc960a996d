"""`kroniek eval gold GOLD_DIR`: entities, countries, times, events and quotes in one run."""

from __future__ import annotations

import dataclasses

import json
from pathlib import Path

import click

from .base import ProgressBar, cache_dir_option, get_config, handle_errors, parser_option
from .evaluate import eval_group


def _prf(name: str, d: dict) -> str:
    return (f"  {name:<28} P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}  "
            f"(tp {d['tp']}, fp {d['fp']}, fn {d['fn']})")


def _ratio(name: str, p: float, r: float, f: float, note: str = "") -> str:
    return f"  {name:<28} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  {note}".rstrip()


def _accuracy(name: str, d: dict) -> str:
    return f"  {name:<28} {d['accuracy']:.3f} ({d['correct']}/{d['total']})"


def _setting_lines(s: dict) -> list[str]:
    t, ev, q = s["times"], s["events"], s["quotes"]
    lines = [f"setting {s['setting']} ({s['files']} files):",
             _prf("entities", s["entities"]),
             _prf("actor countries", s["actor_countries"]),
             _ratio("times, strict spans", t["strict_p"], t["strict_r"], t["strict_f1"],
                    f"(gold {t['gold']}, kroniek {t['system']})"),
             _ratio("times, relaxed spans", t["relaxed_p"], t["relaxed_r"], t["relaxed_f1"]),
             _ratio(f"times, value ({s['setting']})", t["value_p"], t["value_r"], t["value_f1"],
                    f"(value accuracy on matches {t['value_accuracy']:.3f})"),
             _prf("events, dyad", ev["dyad"]),
             _prf("events, typed", ev["typed"]),
             _prf("events, typed + dated", ev["typed_dated"]),
             _accuracy("modality (typed matches)", ev["modality"]),
             _accuracy("direction (typed matches)", ev["direction"]),
             _accuracy("gold with an event in sent.", ev["gold_with_event_in_sentence"]),
             f"  {'repeats (not scored)':<28} gold {ev['repeats']['gold']}, kroniek {ev['repeats']['kroniek']}",
             _ratio("quotes (overlap)", q["overlap_p"], q["overlap_r"], q["overlap_f1"],
                    f"(gold {q['gold']}, kroniek {q['found']})"),
             _prf("quote speakers", s["quote_speakers"]),
             f"  {'type':<10} {'gold':>5} {'found':>6} {'tp':>4} {'P':>6} {'R':>6} {'F1':>6}"]
    for typ, d in ev["per_type"].items():
        lines.append(f"  {typ:<10} {d['tp'] + d['fn']:>5} {d['tp'] + d['fp']:>6} {d['tp']:>4} "
                     f"{d['precision']:>6.3f} {d['recall']:>6.3f} {d['f1']:>6.3f}")
    return lines


@eval_group.command("gold")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Only the first N gold files.")
@cache_dir_option
@parser_option
@click.option("--details", is_flag=True, help="List misses, extras and wrong values with their sentences.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON (with --details, the list too).")
@click.option("--rules-only", is_flag=True, help="Events from the pattern rules alone, without the learned layer.")
@click.option("--event-model", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="The learned layer's weights from this file (scripts/train_event_model.py), e.g. a "
                   "model trained without these gold files.")
@click.pass_context
@handle_errors
def eval_gold(ctx: click.Context, gold_dir: Path, limit: int | None, cache_dir: Path | None,
              details: bool, as_json: bool, rules_only: bool, event_model: Path | None) -> None:
    """Score everything against the gold files (*.json, seed format) in GOLD_DIR, in one run.

    Entities (shared text or name), actor countries, times (spans; values with the
    header date and with the full date), events (dyad: the country pair; typed: type
    and pair; typed and dated), modality and direction on typed matches, a per-type
    table, quotes (span overlap) and quote speakers. Setting "header" dates each text
    by its crawl header; "full" by its true date, for the files that give one.
    """
    from ..eval.gold import GoldReport, SettingScores, SETTINGS, gold_folder, load_gold_file, score_file
    from ..eval.runner import Annotator
    from ..pipeline import Pipeline

    config = get_config(ctx)
    if rules_only or event_model is not None:
        # the configuration's other event settings (actors, learned_sides) stay
        events = dataclasses.replace(config.events, learned=not rules_only,
                                     model=str(event_model) if event_model else config.events.model)
        config = config.replace(events=events)
    files = gold_folder(gold_dir)[:limit]
    report = GoldReport([SettingScores(name) for name in SETTINGS])
    with Annotator(config.frog, cache_dir, Pipeline(config=config), config=config) as annotate:
        with ProgressBar(len(files), "scoring gold files") as bar:
            for path in files:
                score_file(load_gold_file(path), annotate, report)
                bar(1)
    data = report.to_dict(details=details)
    if as_json:
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    click.echo(f"{len(files)} gold file(s) in {gold_dir}")
    for s in data["settings"]:
        click.echo("\n".join(_setting_lines(s)))
        for d in s.get("details", []):
            click.echo(f"    [{d['file']}] {d['section']} {d['kind']}: {d['what']}")
            if d["sentence"]:
                click.echo(f"        | {' '.join(d['sentence'].split())}")
