#!/usr/bin/env python3
"""Train the learned event layer (kroniek/extract/event_model.py) from gold files.

    .venv/bin/pip install -e ".[train]"          # scikit-learn, for training only
    .venv/bin/python scripts/train_event_model.py $DATA/train-nl \\
        -o src/kroniek/models/events_nl.json

Each gold file (the seed format, docs/GOLD_FORMAT.md) is parsed by Frog (through
kroniek's parse cache), annotated by the pipeline with the rules alone, and cut into
sentence views; a gold event labels the sentence its ``sentence`` lies in with its type,
and the actor mentions of that sentence whose country is its source or target country.
One logistic regression per PLOVER type (balanced classes) learns the types; two more
learn sources and targets over mentions; one per modality learns the modality of each
gold trigger from the rules' modality and the words of its clause. The weights go into one JSON file, with what
it was trained on.

For figures on text the model has not seen, train on one folder and score another
(``kroniek eval gold DIR --event-model FILE``); docs/EVALUATION.md gives both directions.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kroniek.config import Config, EventsConfig  # noqa: E402
from kroniek.eval.gold import gold_folder, load_gold_file  # noqa: E402
from kroniek.eval.runner import Annotator  # noqa: E402
from kroniek.extract.event_model import (  # noqa: E402
    MODALITIES, EventModel, LinearModel, Thresholds, mention_features, sentence_features)
from kroniek.extract.events import modality_rows, views_for_training  # noqa: E402
from kroniek.model import Article  # noqa: E402
from kroniek.pipeline import Pipeline, Work  # noqa: E402

PLOVER = ("AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "REQUEST", "ACCUSE",
          "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
MIN_POSITIVES = 3  # a type with fewer gold sentences gets no model


def examples(folders: list[str], cache: str | None):
    """(sentence features, gold types, mention rows) for every sentence of every gold file."""
    rules = Pipeline(config=Config(events=EventsConfig(learned=False, actors="all")))
    sentences, mentions, modalities = [], [], []
    with Annotator(cache_dir=cache, pipeline=rules) as annotate:
        for folder in folders:
            for path in gold_folder(folder):
                gold = load_gold_file(path)
                date = dict(gold.dates).get("header") or gold.dates[0][1]
                parsed = annotate.parser.parse(gold.text)
                # the steps one by one: the events step reads the attributions, which the
                # document does not keep
                work = Work(Article(id=gold.id, text=gold.text, date=date), parsed)
                for step in rules.steps:
                    work.annotations.update(step(work))
                a = work.annotations
                views = views_for_training(parsed, a["entities"], a["events"], a.get("attributions", ()))
                for si, view in enumerate(views):
                    sent = parsed.sentences[si]
                    events = [g for g in gold.events if g.sentence_span is not None
                              and g.sentence_span[0] < sent.end and sent.start < g.sentence_span[1]]
                    sentences.append((sentence_features(view), {g.type for g in events}))
                    for g in events:
                        token = _trigger_token(view, g.trigger)
                        if token is not None and g.modality in MODALITIES:
                            modalities.append((modality_rows(parsed, a.get("times", ()), date, token), g.modality))
                    for typ in {g.type for g in events}:
                        of_type = [g for g in events if g.type == typ]
                        for m in view.mentions:
                            mentions.append((mention_features(view, m, typ),
                                             any(_same_side(g.source, g.source_country, m) for g in of_type),
                                             any(_same_side(g.target, g.target_country, m) for g in of_type)))
                print(f"{gold.id}: {len(views)} sentences, {len(gold.events)} events", file=sys.stderr)
    return sentences, mentions, modalities


def _same_side(actor: str | None, country: str | None, m) -> bool:
    """Whether a mention stands for a gold side: the same country, or an international body
    (its key an IGO code) for a named gold actor of no country (GUIDELINES: an
    international organisation has none)."""
    if m.country.startswith("IGO"):
        return country is None and actor is not None
    return country == m.country


def _trigger_token(view, trigger: str | None) -> int | None:
    """The token of a gold trigger in its sentence: a verb first, then a noun, then any word of it."""
    words = {w.lower().strip(",.'\"") for w in (trigger or "").split()}
    found = [t for t in view.tokens if t.text.lower() in words]
    for pos in ("WW", "N"):
        for t in found:
            if t.pos == pos:
                return t.i
    return found[0].i if found else None


def fit(features, labels, c: float, balanced: bool) -> LinearModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform(features)
    model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced" if balanced else None).fit(x, labels)
    names = vec.get_feature_names_out()
    # weights too small to move a probability (|w| < 0.01) are left out of the file
    weights = {str(n): float(w) for n, w in zip(names, model.coef_[0]) if abs(w) >= 0.01}
    return LinearModel(weights, float(model.intercept_[0]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="+", help="folders of gold files to learn from")
    ap.add_argument("-o", "--out", default=str(ROOT / "src/kroniek/models/events_nl.json"))
    ap.add_argument("--cache-dir", default=None, help="parse cache folder (default: kroniek's)")
    ap.add_argument("--type-c", type=float, default=0.3, help="inverse regularisation of the type models")
    ap.add_argument("--role-c", type=float, default=1.0, help="inverse regularisation of the role models")
    ap.add_argument("--modality-c", type=float, default=1.0, help="inverse regularisation of the modality models")
    args = ap.parse_args(argv)
    try:
        import sklearn
    except ImportError:
        print("training needs scikit-learn: .venv/bin/pip install -e '.[train]'", file=sys.stderr)
        return 2
    sentences, mentions, modalities = examples(args.folders, args.cache_dir)
    feats = [f for f, _ in sentences]
    types = {}
    for typ in PLOVER:
        labels = [typ in t for _, t in sentences]
        if sum(labels) >= MIN_POSITIVES:
            types[typ] = fit(feats, labels, args.type_c, balanced=True)
    mfeats = [f for f, _, _ in mentions]
    source = fit(mfeats, [s for _, s, _ in mentions], args.role_c, balanced=False)
    target = fit(mfeats, [t for _, _, t in mentions], args.role_c, balanced=False)
    mod_feats = [f for f, _ in modalities]
    modality = {m: fit(mod_feats, [g == m for _, g in modalities], args.modality_c, balanced=False)
                for m in MODALITIES if sum(g == m for _, g in modalities) >= MIN_POSITIVES}
    about = {"trained_on": [Path(f).name for f in args.folders], "sentences": len(sentences),
             "mention_rows": len(mentions), "modality_rows": len(modalities), "type_c": args.type_c, "role_c": args.role_c, "modality_c": args.modality_c,
             "scikit_learn": sklearn.__version__, "date": datetime.date.today().isoformat()}
    model = EventModel(types, source, target, Thresholds(), about, modality)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(model.to_json() + "\n", encoding="utf-8")
    print(f"wrote {out}: {len(types)} type models, {len(sentences)} sentences, {len(mentions)} mention rows",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
