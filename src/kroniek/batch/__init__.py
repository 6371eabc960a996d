"""kroniek on Apache Spark: the same pipeline per partition, Parquet tables out, and back.

:func:`~kroniek.batch.job.run_spark_job` runs the job on a SparkSession
(:func:`~kroniek.batch.session.spark_session` makes one); :mod:`~kroniek.batch.tables`
derives the tables from the model; :class:`~kroniek.batch.load.ParquetOutput` reads a
run back (pyarrow only) and :func:`~kroniek.batch.load.load_into_store` puts it into
the embedded store. pyspark and pyarrow are imported only when used, so
``import kroniek.batch`` works without them.
"""

from .tables import (
    UNKNOWN_MONTH,
    layout,
    partition_month,
    rebuild_documents,
    table_names,
)

__all__ = ["UNKNOWN_MONTH", "layout", "partition_month", "rebuild_documents", "table_names"]
