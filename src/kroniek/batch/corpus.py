"""Cross-article work on a Spark run: the tables as Spark DataFrames, and what spans articles.

The job writes each article's annotations without looking at any other article.
What needs many articles at once (the same text under several ids, the reports of
one event in many papers) runs afterwards, as Spark operations over the Parquet
tables, so it scales the way the job does and holds nothing outside Spark.
:func:`open_tables` is where such a step starts; :func:`same_content` is the first.
"""

from __future__ import annotations

from .tables import layout


def open_tables(spark, output: str) -> dict:
    """Every table of a run as a Spark DataFrame (with its ``month`` column)."""
    return {t.name: spark.read.option("basePath", f"{output.rstrip('/')}/{t.name}")
            .parquet(f"{output.rstrip('/')}/{t.name}") for t in layout()}


def same_content(tables: dict):
    """Texts stored under more than one id: ``content_hash``, ``ids`` (sorted), ``n``.

    The embedded store keeps one of each (its content identity); a Spark run keeps them
    all, and this says which to drop or to merge.
    """
    from pyspark.sql import functions as F

    return (tables["documents"].groupBy("content_hash")
            .agg(F.sort_array(F.collect_list("id")).alias("ids"), F.count("*").alias("n"))
            .where(F.col("n") > 1))


__all__ = ["open_tables", "same_content"]
