"""The seed article's nine gold events (../shared/data/seed), with the real Frog."""

from __future__ import annotations

import json

import pytest

from kroniek.eval.events import SeedScores, _score_one
from kroniek.model import Article
from kroniek.pipeline import Pipeline

pytestmark = pytest.mark.frog


@pytest.mark.parametrize("setting", ["header", "full"])
def test_seed_events(frog, seed_path, setting):
    gold = json.loads((seed_path.parent / "lavrov-2018-05.gold.json").read_text(encoding="utf-8"))
    dct = gold["header_date"] if setting == "header" else gold["dct_true"]
    doc = Pipeline().annotate(Article(id="seed", text=gold["text"], date=dct), frog)
    assert doc.bad_spans() == []
    scores = SeedScores(setting)
    _score_one(doc, gold["events"], scores)
    assert scores.events.tp == 9, scores.unmatched          # every gold event: type and country pair
    assert scores.with_date.tp == 9, scores.unmatched       # ... and its date where gold has one
    assert scores.modality.correct == 9                     # planned, hypothetical, asserted as gold says
    assert scores.events.fp <= 3, scores.unmatched          # no more than three others
    by_id = {e.id: e for e in doc.entities}
    reported = {(v.trigger.text, by_id[v.reported_by].name) for v in doc.events if v.reported_by}
    assert ("reist", "CNN") in reported and ("uitgenodigd", "CNN") in reported
