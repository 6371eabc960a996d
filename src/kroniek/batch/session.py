"""Starting (or joining) a Spark session for kroniek's job.

Under ``spark-submit`` the session exists already, with the master and settings the
user gave there; otherwise kroniek starts one, ``local[*]`` unless told otherwise.
Two things a local run needs that Spark does not guess: its Python workers must be
this Python (the one kroniek is installed in), and on machines whose host name does
not resolve Spark must bind to the loopback interface (``SPARK_LOCAL_IP``).
"""

from __future__ import annotations

import os
import shutil
import sys
from typing import Any

from ..errors import BatchError

DEFAULT_MASTER = "local[*]"


def is_local(master: str | None) -> bool:
    return master is None or master.startswith("local")


def under_spark_submit() -> bool:
    # spark-submit starts the JVM first and tells the Python driver where it listens.
    return "PYSPARK_GATEWAY_PORT" in os.environ


def require_pyspark() -> None:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise BatchError("pyspark is not installed: pip install 'kroniek[spark]'",
                         code="E_SPARK_MISSING") from None
    if not under_spark_submit() and not os.environ.get("JAVA_HOME") and shutil.which("java") is None:
        raise BatchError("Spark needs Java, and there is no 'java' on PATH: install it "
                         "(Debian: apt-get install default-jre-headless) or set JAVA_HOME",
                         code="E_SPARK_MISSING")


def spark_session(master: str | None = None, app_name: str = "kroniek",
                  conf: dict[str, Any] | None = None):
    """A SparkSession: the running one under spark-submit, else a new one on ``master``."""
    require_pyspark()
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name)
    if master is None and not under_spark_submit():
        master = DEFAULT_MASTER
    if master is not None:
        builder = builder.master(master)
    if is_local(master) and not under_spark_submit():
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        # PySpark starts its workers with $PYSPARK_PYTHON, else whatever 'python3' is on
        # PATH, which need not have kroniek installed.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = builder.config("spark.ui.showConsoleProgress", "true")
    for key, value in (conf or {}).items():
        builder = builder.config(key, str(value))
    try:
        session = builder.getOrCreate()
    except Exception as exc:  # noqa: BLE001  pyspark raises several kinds when the JVM does not come up
        raise BatchError(f"Spark did not start ({type(exc).__name__}: {exc}); is Java installed?",
                         code="E_SPARK_JOB") from None
    session.sparkContext.setLogLevel("WARN")
    return session


__all__ = ["DEFAULT_MASTER", "is_local", "require_pyspark", "spark_session", "under_spark_submit"]
