"""Cross-article steps run as Spark operations over a run's tables."""

from __future__ import annotations

import functools
import json

import pytest

import tests.helpers
from kroniek.batch.corpus import open_tables, same_content
from kroniek.batch.job import run_spark_job
from kroniek.batch.tables import layout


@pytest.mark.slow  # starts Spark
def test_same_text_under_two_ids_is_found(spark, tmp_path):
    from pyspark import cloudpickle

    cloudpickle.register_pickle_by_value(tests.helpers)  # the executors cannot import tests
    text = "Burgemeester Halsema opende in Amsterdam een nieuw museum."
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in [
        {"id": "nu-1", "date": "2019-05-01", "text": text},
        {"id": "ad-7", "date": "2019-05-01", "text": text},
        {"id": "ad-8", "date": "2019-05-02", "text": text},  # another day: other content
    ]) + "\n", encoding="utf-8")
    factory = functools.partial(tests.helpers.ToyParser, {"Halsema": "PER", "Amsterdam": "LOC"})
    run_spark_job(spark, [str(src)], str(tmp_path / "out"), factory, partitions=2)
    tables = open_tables(spark, str(tmp_path / "out"))
    assert set(tables) == {t.name for t in layout()}
    assert "month" in tables["entities"].columns
    rows = [(r["ids"], r["n"]) for r in same_content(tables).collect()]
    assert rows == [(["ad-7", "nu-1"], 2)]
