"""The Spark job: input files → annotated documents → Parquet tables by publication month.

Two stages, each an ordinary Spark write, so Spark's output commit protocol decides
what lands and a task that fails and is run again leaves no rows behind:

1. **annotate**: records are read and spread over the partitions
   (:mod:`.inputs`); each task annotates its partition with its own parser pool
   (:mod:`.annotate`) and the rows of every table go, once, into a staging dataset
   (``OUTPUT/_staging``, partitioned by table).
2. **tables**: each table is selected from the staging data, typed with the schema
   derived from the model (:mod:`.tables`) and written to ``OUTPUT/<table>/month=YYYY-MM/``
   (overwriting an earlier run's table). The staging data is removed at the end.

Ids are the inputs' own (or derived from file and line) and the ids inside a
document are made by its steps, so the same input gives the same rows. Cross-article
work (near-duplicates, merging the reports of one event) belongs after stage 2 as
Spark operations over these tables: nothing about an article is held outside Spark.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from ..config import Config
from ..errors import CODES, BatchError, KroniekError
from ..ingest.records import ReadOptions
from ..nlp import Parser
from .annotate import STAGING_SCHEMA, AnnotatePartition
from .inputs import list_inputs, read_items
from .corpus import open_tables
from .merged import write_merged_tables
from .tables import MONTH, Table, layout

STAGING = "_staging"


@dataclass(frozen=True)
class SparkReport:
    output: str
    partitions: int
    files: int
    rows: dict[str, int] = field(default_factory=dict)        # table → rows written
    rejects: dict[str, int] = field(default_factory=dict)     # error code → rejected records
    seconds: float = 0.0
    # Seconds per stage: "annotate" (read, parse, extract, stage) and "tables" (split, write).
    stages: dict[str, float] = field(default_factory=dict)

    @property
    def documents(self) -> int:
        return self.rows.get("documents", 0)

    @property
    def rejected(self) -> int:
        return sum(self.rejects.values())


def spark_schema(t: Table):
    """The Spark schema of a table, from its columns (month last)."""
    from pyspark.sql import types as T

    scalar = {str: T.StringType(), int: T.LongType(), float: T.DoubleType(), bool: T.BooleanType()}
    fields = [T.StructField(k, T.LongType() if k == "n" else T.StringType(), True) for k in t.keys]
    for c in t.columns:
        typ = scalar[c.type]
        fields.append(T.StructField(c.name, T.ArrayType(typ, True) if c.array else typ, True))
    fields.append(T.StructField(MONTH, T.StringType(), True))
    return T.StructType(fields)


def _hadoop_fs(spark, path: str):
    sc = spark.sparkContext
    hpath = sc._jvm.org.apache.hadoop.fs.Path(path)
    return hpath.getFileSystem(sc._jsc.hadoopConfiguration()), hpath


def _has_data_files(spark, path: str) -> bool:
    fs, hpath = _hadoop_fs(spark, path)
    if not fs.exists(hpath):
        return False
    it = fs.listFiles(hpath, True)
    while it.hasNext():
        name = it.next().getPath().getName()
        if name.endswith(".parquet") and not name.startswith(("_", ".")):
            return True
    return False


def _job_error(exc: Exception) -> KroniekError:
    """A failed Spark job as one kroniek error: the task's own error when it was kroniek's."""
    text = str(exc)
    for code in ("E_PARSER_MISSING", "E_PARSER_START"):
        if f"[{code}]" in text:
            line = next((ln for ln in text.splitlines() if f"[{code}]" in ln), code)
            return BatchError(line.split(f"[{code}]", 1)[1].strip() or code, code=code)
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    cause = next((ln for ln in reversed(lines) if "Error" in ln or "Exception" in ln), lines[-1] if lines else "")
    return BatchError(f"the Spark job failed: {cause[:500]}", code="E_SPARK_JOB")


def _read_staging(spark, staging: str):
    if not _has_data_files(spark, staging):  # no input records at all
        return spark.createDataFrame([], STAGING_SCHEMA)
    return spark.read.parquet(staging)


def _write_table(spark, staged, t: Table, output: str) -> None:
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    schema = spark_schema(t)
    columns = schema.fields[:-1]  # month is the staging row's own column
    df = (staged.where(F.col("table") == t.name)
          .select(F.from_json("row", T.StructType(columns)).alias("r"), MONTH)
          .select(*[F.col(f"r.{f.name}") for f in columns], MONTH))
    target = f"{output.rstrip('/')}/{t.name}"
    df.write.mode("overwrite").partitionBy(MONTH).parquet(target)
    if not _has_data_files(spark, target):
        # No rows at all (no quotes anywhere): one empty file keeps the table's schema,
        # so DuckDB, pandas and `kroniek load` open it like any other.
        spark.createDataFrame([], schema).coalesce(1).write.mode("overwrite").parquet(target)


def write_tables(spark, staging: str, output: str) -> tuple[dict[str, int], dict[str, int]]:
    """Stage 2: every table out of the staging data, partitioned by month.

    Returns the rows per table and the rejects per error code. The tables are written
    by concurrent Spark jobs: each is small next to annotating, and on a few cores
    their start-up and commit would otherwise add up one after the other.
    """
    from pyspark.sql import functions as F

    staged = _read_staging(spark, staging)
    counts: dict[str, int] = Counter()
    rejects: dict[str, int] = Counter()
    code = F.when(F.col("table") == "rejects", F.get_json_object("row", "$.code"))
    for r in staged.groupBy("table", code.alias("code")).count().collect():
        counts[r["table"]] += r["count"]
        if r["code"] is not None:
            rejects[r["code"]] += r["count"]
    unknown = set(rejects) - set(CODES)
    if unknown:
        raise BatchError(f"rejects carry unknown codes {sorted(unknown)}", code="E_SPARK_JOB")
    with ThreadPoolExecutor(max_workers=len(layout()), thread_name_prefix="write-table") as pool:
        for future in [pool.submit(_write_table, spark, staged, t, output) for t in layout()]:
            future.result()
    return {t.name: counts.get(t.name, 0) for t in layout()}, dict(rejects)


def run_spark_job(spark, inputs: Sequence[str], output: str, parser_factory: Callable[[], Parser],
                  options: ReadOptions | None = None, partitions: int | None = None,
                  config: Config | None = None) -> SparkReport:
    """Annotate the articles under ``inputs`` and write the Parquet tables to ``output``."""
    from py4j.protocol import Py4JJavaError

    options = options or ReadOptions()
    started = time.perf_counter()
    sc = spark.sparkContext
    partitions = partitions or sc.defaultParallelism
    files, missing = list_inputs(spark, inputs, options.format)
    staging = f"{output.rstrip('/')}/{STAGING}"
    try:
        items = read_items(spark, files, missing, options, partitions)
        rows = items.mapPartitions(AnnotatePartition(parser_factory, config=config))
        spark.createDataFrame(rows, STAGING_SCHEMA).write.mode("overwrite").partitionBy("table").parquet(staging)
        annotated = time.perf_counter()
        counts, rejects = write_tables(spark, staging, output)
        # Across articles: the store's merging (kroniek.corpus) over the tables just written.
        counts.update(write_merged_tables(spark, open_tables(spark, output), output))
    except Py4JJavaError as exc:
        raise _job_error(exc) from None
    except Exception as exc:
        # PySpark wraps a task's Python error in its own exception classes.
        if type(exc).__module__.startswith(("pyspark", "py4j")):
            raise _job_error(exc) from None
        raise
    fs, hpath = _hadoop_fs(spark, staging)
    fs.delete(hpath, True)
    done = time.perf_counter()
    return SparkReport(output=output, partitions=partitions, files=len(files), rows=counts,
                       rejects=rejects, seconds=done - started,
                       stages={"annotate": annotated - started, "tables": done - annotated})


__all__ = ["SparkReport", "run_spark_job", "spark_schema", "write_tables"]
