"""`kroniek eval events` and kroniek.evaluate_events give the same figures (one implementation)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import kroniek
from kroniek.cli import main
from kroniek.errors import EvalError

from .conftest import REPO, require_frog


def test_nothing_to_score_is_an_error():
    with pytest.raises(EvalError) as exc:
        kroniek.evaluate_events()
    assert exc.value.code == "E_EVAL_GOLD"


def test_a_folder_without_gold_is_an_error(tmp_path):
    with pytest.raises(EvalError):
        kroniek.evaluate_events(tmp_path, cache_dir=tmp_path / "cache")


@pytest.mark.frog
def test_cli_and_api_give_the_same_figures(tmp_path):
    require_frog()
    gold = REPO / "tests" / "data" / "gold"  # the project's own gold: runs in any clone
    cache = tmp_path / "parses"  # the CLI parses once; the API reads the same cache
    r = CliRunner().invoke(main, ["eval", "events", str(gold), "--cache-dir", str(cache), "--json"])
    assert r.exit_code == 0, r.output
    from_cli = json.loads(r.stdout)
    from_api = kroniek.evaluate_events(gold, cache_dir=cache)
    assert from_api == from_cli
    assert from_api["gold"]["files"] >= 1 and from_api["gold"]["settings"]
