"""Real DPG articles ingested (Frog, the whole pipeline) in two orders and batchings give
the same merged events, stories and near-duplicate links."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kroniek.cli import main
from kroniek.store import Store

from ..conftest import SHARED, require_frog
from .test_sync import snapshot

DPG = SHARED / "dpgmedia2019_nl" / "articles.jsonl"
# Trump and Kim before the Hanoi summit (two articles), Maduro and Guaidó (two),
# Putin, and the Caribbean countries of the Kingdom: pairs that recur.
IDS = ("10649079", "10649080", "10670884", "10674429", "10672775", "10591880")


def _write(path, records) -> str:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return str(path)


@pytest.mark.frog
@pytest.mark.slow
def test_two_orders_give_the_same_merged_events(tmp_path):
    require_frog()
    if not DPG.exists():
        pytest.skip(f"no DPG corpus at {DPG}")
    records = {}
    with DPG.open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if str(r.get("id")) in IDS:
                records[str(r["id"])] = r
    assert set(records) == set(IDS)
    forward = [records[i] for i in IDS]
    runner = CliRunner()
    snaps = []
    for name, batches in (("a", [forward]), ("b", [forward[::-1][:3], forward[::-1][3:]])):
        db = tmp_path / f"{name}.db"
        for k, batch in enumerate(batches):
            r = runner.invoke(main, ["ingest", _write(tmp_path / f"{name}{k}.jsonl", batch), "--db", str(db),
                                     "--workers", "1"])
            assert r.exit_code == 0, r.output
        with Store.open_reader(db) as store:
            snaps.append(snapshot(store))
            assert store.count("merged_events") > 0
    assert snaps[0] == snaps[1]
