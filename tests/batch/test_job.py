"""The Spark job end to end: the same documents as `kroniek extract`, loaded into the store."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kroniek.batch.load import ParquetOutput
from kroniek.batch.tables import layout
from kroniek.cli import main
from kroniek.store import Store

from ..conftest import REPO, require_frog
from .conftest import build_corpus


@pytest.fixture(scope="module")
def run(spark, tmp_path_factory):
    """`kroniek extract` and `kroniek spark` on one corpus (Frog: one, then two processes)."""
    require_frog()
    root = tmp_path_factory.mktemp("spark-run")
    corpus = build_corpus(root)
    runner = CliRunner()
    extracted = runner.invoke(main, ["extract", str(corpus)])
    assert extracted.exit_code == 3, extracted.output  # finished, with rejects
    lines = [json.loads(line) for line in extracted.stdout.splitlines() if line.strip()]
    out = root / "out"
    result = runner.invoke(main, ["spark", str(corpus), str(out), "--partitions", "2"])
    assert result.exit_code == 3, result.output
    return {"corpus": corpus, "out": out, "extract": lines, "spark_output": result.output, "root": root}


@pytest.mark.frog
def test_parquet_output_holds_the_documents_of_kroniek_extract(run):
    expected = {d["id"]: d for d in run["extract"] if "error" not in d}
    got = {doc.id: doc for doc in ParquetOutput(run["out"]).documents()}
    assert len(expected) == 7  # 3 JSON lines, 2 seed files, 2 WARC pages
    assert sorted(got) == sorted(expected)
    for doc_id, doc in got.items():
        assert doc.to_dict() == expected[doc_id], doc_id
        assert not doc.bad_spans()
    assert sum(len(d.entities) for d in got.values()) > 5  # Frog really parsed


@pytest.mark.frog
def test_rejects_table_holds_the_rejects_of_kroniek_extract(run):
    expected = sorted((d["id"] or "", d["error"]["code"], d["origin"]) for d in run["extract"] if "error" in d)
    got = sorted((r.id or "", r.code, r.origin) for r, _month in ParquetOutput(run["out"]).rejects())
    assert got == expected
    assert {code for _id, code, _origin in got} == {"E_INPUT_NO_DATE", "E_INPUT_EMPTY_TEXT", "E_INPUT_JSON",
                                           "E_INPUT_FORMAT"}
    assert "4 rejected" in run["spark_output"]


@pytest.mark.frog
def test_tables_are_partitioned_by_publication_month(run):
    out: Path = run["out"]
    months = sorted(p.name for p in (out / "documents").iterdir() if p.is_dir())
    assert months == ["month=2017-XX", "month=2018-05", "month=2019-02", "month=2019-03", "month=2019-04"]
    assert [p.name for p in (out / "rejects").iterdir() if p.is_dir()] == ["month=unknown"]
    assert not (out / "_staging").exists()
    for t in layout():
        assert (out / t.name / "_SUCCESS").exists(), t.name


@pytest.mark.frog
def test_load_puts_the_run_into_the_store(run):
    db = run["root"] / "loaded.db"
    runner = CliRunner()
    result = runner.invoke(main, ["load", str(run["out"]), "--db", str(db)])
    assert result.exit_code == 3, result.output  # the run had rejects
    assert "7 added" in result.output
    expected = {d["id"]: d for d in run["extract"] if "error" not in d}
    with Store.open_reader(db) as store:
        assert store.count() == 7
        for doc_id, data in expected.items():
            assert store.get(doc_id).to_dict() == data
        assert {r["code"] for r in store.rejects()} == {"E_INPUT_NO_DATE", "E_INPUT_EMPTY_TEXT",
                                                        "E_INPUT_JSON", "E_INPUT_FORMAT"}
    again = runner.invoke(main, ["load", str(run["out"]), "--db", str(db)])
    assert "7 unchanged" in again.output


def documented_example() -> str:
    """The Python block of docs/SCALING.md that follows its 'example' marker."""
    doc = (REPO / "docs" / "SCALING.md").read_text(encoding="utf-8")
    after = doc.split("<!-- example: tests/batch/test_job.py runs this block -->", 1)[1]
    block = after.split("```python\n", 1)[1].split("```", 1)[0]
    assert 'out = "out"' in block
    return block


@pytest.mark.frog
def test_tables_open_in_duckdb_and_pandas_as_documented(run):
    import pandas as pd

    out = run["out"]
    scope: dict = {}
    exec(documented_example().replace('out = "out"', f"out = {str(out)!r}"), scope)  # noqa: S102  (our own documentation)
    assert scope["per_month"] == [("2017-XX", 1), ("2018-05", 1), ("2019-02", 1), ("2019-03", 2), ("2019-04", 2)]
    people = scope["people"]
    assert len(people) > 0 and set(people.columns) == {"name", "articles", "first"}
    evidence = scope["evidence"]
    assert len(evidence) == sum(1 for _ in ParquetOutput(out).datasets["mentions"].to_table().to_pylist())
    for m in evidence.itertuples():
        assert m.text_doc[m.start:m.end] == m.text  # offsets into the document's text
    # Every table opens, also one without rows (no step may have found a quote), with its columns.
    for t in layout():
        assert set(pd.read_parquet(out / t.name).columns) == set(t.column_names), t.name


# --------------------------------------------------------------------------- retries


class FailsOnFirstAttempt:
    """A parser that breaks its task the first time Spark runs it, and works the second."""

    name = "toy"

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def start(self):
        return self

    def parse(self, text: str):
        from pyspark import TaskContext

        from tests.helpers import toy_parse

        if TaskContext.get().attemptNumber() == 0 and "VALT" in text:
            Path(self.marker).write_text("failed once")
            raise RuntimeError("executor lost (on purpose)")
        return toy_parse(text, {"Jansen": "PER", "Utrecht": "LOC"})

    def health(self) -> bool:
        return True

    def close(self) -> None:
        pass


@pytest.mark.slow
def test_a_task_run_again_writes_no_duplicate_rows(spark, tmp_path):
    from pyspark import cloudpickle

    import tests.helpers
    from kroniek.batch.job import run_spark_job

    # The executors cannot import the tests package: send these classes along by value.
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    cloudpickle.register_pickle_by_value(tests.helpers)
    src = tmp_path / "in.jsonl"
    with src.open("w", encoding="utf-8") as f:
        for i in range(40):
            word = "VALT" if i == 30 else "staat"
            f.write(json.dumps({"id": f"a{i}", "date": f"2019-0{1 + i % 3}-0{1 + i % 9}",
                                "text": f"Jansen {word} in Utrecht. Artikel {i}."}) + "\n")
    marker = tmp_path / "failed"
    report = run_spark_job(spark, [str(src)], str(tmp_path / "out"),
                           lambda: FailsOnFirstAttempt(str(marker)), partitions=2)
    assert marker.exists(), "no task failed: the test did not test a retry"
    assert report.documents == 40 and report.rejected == 0
    output = ParquetOutput(tmp_path / "out")
    ids = [d.id for d in output.documents()]
    assert sorted(ids) == sorted(f"a{i}" for i in range(40))
    assert output.count("entities") == 80 and output.count("mentions") == 80
    # Run again over the same output: the tables are replaced, not appended to. A path
    # that is not there is a reject, as with `kroniek extract`.
    marker.unlink()
    again = run_spark_job(spark, [str(src), str(tmp_path / "weg.jsonl")], str(tmp_path / "out"),
                          lambda: FailsOnFirstAttempt(str(marker)), partitions=3)
    assert again.rejects == {"E_INPUT_NOT_FOUND": 1}
    assert ParquetOutput(tmp_path / "out").count("documents") == 40
    assert [r.origin for r, month in ParquetOutput(tmp_path / "out").rejects()] == [str(tmp_path / "weg.jsonl")]


def test_spark_with_the_fast_parser_gives_the_documents_of_extract(spark, tmp_path):
    """`--parser fast` on Spark: no Frog needed, the same documents as `kroniek extract --parser fast`."""
    corpus = build_corpus(tmp_path)
    runner = CliRunner()
    extracted = runner.invoke(main, ["extract", "--parser", "fast", str(corpus)])
    assert extracted.exit_code == 3, extracted.output
    expected = {d["id"]: d for d in map(json.loads, filter(str.strip, extracted.stdout.splitlines()))
                if "error" not in d}
    out = tmp_path / "out"
    result = runner.invoke(main, ["spark", "--parser", "fast", str(corpus), str(out), "--partitions", "2"])
    assert result.exit_code == 3, result.output
    got = {doc.id: doc for doc in ParquetOutput(out).documents()}
    assert sorted(got) == sorted(expected) and len(got) == 7
    for doc_id, doc in got.items():
        assert doc.to_dict() == expected[doc_id], doc_id
    assert sum(len(d.entities) for d in got.values()) > 5
