"""Reading a run's Parquet tables back, and loading them into the store (pyarrow, no Spark)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kroniek.batch.load import ParquetOutput, load_into_store
from kroniek.batch.tables import document_rows, layout, reject_row
from kroniek.cli import main
from kroniek.errors import BatchError
from kroniek.model import Reject
from kroniek.store import Store

from .test_tables import rich_document

pa = pytest.importorskip("pyarrow")
ds = pytest.importorskip("pyarrow.dataset")


def write_output(root: Path, docs, rejects=(), drop_column: str | None = None) -> Path:
    """Tables laid out as `kroniek spark` writes them (hive month partitions), with pyarrow."""
    rows = {t.name: [] for t in layout()}
    for doc, month in docs:
        for name, rs in document_rows(doc, month, origin=f"in.jsonl:{doc.id}").items():
            rows[name] += rs
    rows["rejects"] += [reject_row(r) for r in rejects]
    for t in layout():
        names = list(t.column_names)
        columns = {n: [r[i] for r in rows[t.name]] for i, n in enumerate(names)}
        if drop_column and drop_column in columns:
            del columns[drop_column]
        types = {"n": pa.int64(), "start": pa.int64(), "end": pa.int64(), "weekday": pa.int64(),
                 "trigger_start": pa.int64(), "trigger_end": pa.int64(), "sentence_start": pa.int64(),
                 "sentence_end": pa.int64(), "confidence": pa.float64()}
        schema = pa.schema([(n, types.get(n, pa.string())) for n in columns])
        table = pa.table(columns, schema=schema)
        ds.write_dataset(table, root / t.name, format="parquet", partitioning=["month"],
                         partitioning_flavor="hive", existing_data_behavior="overwrite_or_ignore")
    return root


def test_documents_and_rejects_come_back(tmp_path):
    a, b = rich_document("a"), rich_document("b")
    r = Reject(id=None, code="E_INPUT_JSON", message="malformed JSON", origin="in.jsonl:9")
    out = write_output(tmp_path / "out", [(a, "2019-04"), (b, "2019-XX")], [r])
    output = ParquetOutput(out)
    assert output.months() == ["2019-04", "2019-XX"]
    assert [d.to_dict() for d in output.documents()] == [a.to_dict(), b.to_dict()]
    assert [(rej, month) for rej, month in output.rejects()] == [(r, "unknown")]


def test_load_into_a_real_store(tmp_path):
    a = rich_document("a")
    out = write_output(tmp_path / "out", [(a, "2019-04")],
                       [Reject(id="x", code="E_INPUT_NO_DATE", message="geen datum", origin="in.jsonl:2")])
    with Store.open_writer(tmp_path / "k.db") as store:
        report = load_into_store(out, store)
    assert report.statuses == {"added": 1} and report.rejects == {"E_INPUT_NO_DATE": 1}
    with Store.open_reader(tmp_path / "k.db") as store:
        assert store.get("a").to_dict() == a.to_dict()
        assert [x["code"] for x in store.rejects()] == ["E_INPUT_NO_DATE"]
        origin = store.conn.execute("SELECT origin FROM documents WHERE id = 'a'").fetchone()[0]
    assert origin == "in.jsonl:a"


def test_a_folder_that_is_not_a_run_is_refused(tmp_path):
    with pytest.raises(BatchError) as err:
        ParquetOutput(tmp_path)
    assert err.value.code == "E_PARQUET_INPUT"
    result = CliRunner().invoke(main, ["load", str(tmp_path), "--db", str(tmp_path / "k.db")])
    assert result.exit_code == 4 and "E_PARQUET_INPUT" in result.output


def test_tables_that_do_not_fit_the_model_are_refused(tmp_path):
    out = write_output(tmp_path / "out", [(rich_document("a"), "2019-04")], drop_column="kb_id")
    with pytest.raises(BatchError, match=r"entities.*missing columns \['kb_id'\]") as err:
        ParquetOutput(out)
    assert err.value.code == "E_PARQUET_INPUT"
