"""Spark's prerequisites and failures become kroniek errors with codes."""

import pytest

from kroniek.batch import session
from kroniek.batch.job import _job_error
from kroniek.errors import BatchError


def test_missing_java_is_named(monkeypatch):
    pytest.importorskip("pyspark")
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.delenv("PYSPARK_GATEWAY_PORT", raising=False)
    monkeypatch.setattr(session.shutil, "which", lambda name: None)
    with pytest.raises(BatchError) as err:
        session.require_pyspark()
    assert err.value.code == "E_SPARK_MISSING" and "default-jre-headless" in err.value.message


def test_a_task_that_found_no_frog_fails_the_job_with_the_parsers_code():
    text = ("py4j.protocol.Py4JJavaError: An error occurred\n  File \"worker.py\", line 1\n"
            "kroniek.errors.ParserUnavailable: [E_PARSER_MISSING] Frog is not installed (no 'frog' on PATH)\n"
            "\tat org.apache.spark.api.python.BasePythonRunner")
    err = _job_error(RuntimeError(text))
    assert err.code == "E_PARSER_MISSING" and err.message.startswith("Frog is not installed")
    other = _job_error(RuntimeError("Traceback\nZeroDivisionError: division by zero\n\tat org.apache"))
    assert other.code == "E_SPARK_JOB" and "ZeroDivisionError" in other.message


def test_local_masters():
    assert session.is_local(None) and session.is_local("local[2]") and session.is_local("local[2,2]")
    assert not session.is_local("spark://head:7077") and not session.is_local("yarn")
