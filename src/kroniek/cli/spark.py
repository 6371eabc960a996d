"""Commands for corpora larger than one machine: spark (annotate on Spark into Parquet), load."""

from __future__ import annotations

import dataclasses
import functools
import sys
from pathlib import Path
from typing import Any

import click

from .base import (
    EXIT_OK,
    EXIT_PARTIAL,
    ProgressBar,
    db_option,
    get_config,
    handle_errors,
    main,
    parser_option,
    read_options_decorator,
    read_options_from,
)


@main.command("spark")
@click.argument("inputs", nargs=-1, required=True)
@click.argument("output")
@click.option("--master", default=None,
              help="Spark master: local[*] (the default), local[N], spark://HOST:PORT, yarn, k8s://... "
                   "Under spark-submit, spark-submit's --master applies.")
@click.option("--partitions", type=click.IntRange(min=1), default=None,
              help="Partitions to spread the articles over (default: Spark's parallelism, one per core). "
                   "Each starts one Frog; aim at a few thousand articles per partition.")
@click.option("--conf", "confs", multiple=True, metavar="KEY=VALUE",
              help="A Spark setting (repeatable), e.g. --conf spark.executor.memory=6g.")
@read_options_decorator
@parser_option
@click.pass_context
@handle_errors
def spark_command(ctx: click.Context, inputs: tuple[str, ...], output: str, master: str | None,
                  partitions: int | None, confs: tuple[str, ...], **kw: Any) -> None:
    """Annotate INPUTS on Apache Spark and write Parquet tables to OUTPUT.

    INPUTS are files or folders (JSON lines, CSV, JSON, seed-format or plain text, WARC)
    on any storage Spark reads: local paths, hdfs://, s3a://. OUTPUT gets one folder per
    table (documents, entities, mentions, times, events, quotes, rejects), each
    partitioned by publication month (month=2019-04; month=2019-XX for a year alone,
    month=unknown for rejects without a date); an earlier run's tables there are
    replaced. Load them into the database with `kroniek load OUTPUT`.
    """
    from ..batch.job import run_spark_job
    from ..batch.session import (
        is_local,
        require_pyspark,
        spark_session,
        under_spark_submit,
    )
    from ..nlp.backends import make_parser, resolve_backend
    from ..nlp.frog import find_frog

    config = get_config(ctx)
    # "auto" is decided here, once, so every executor uses the same parser.
    config = config.replace(parser=dataclasses.replace(config.parser, backend=resolve_backend(config)))
    options = read_options_from(config, kw)
    conf = {}
    for item in confs:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{item!r} is not KEY=VALUE", param_hint="--conf")
        conf[key.strip()] = value.strip()
    require_pyspark()
    if config.parser.backend == "frog" and is_local(master) and not under_spark_submit():
        find_frog(config.frog)  # executors are this machine: say at once that Frog is missing
    spark = spark_session(master, conf=conf)
    click.echo(f"spark {spark.version}, master {spark.sparkContext.master}, output {output}", err=True)
    report = run_spark_job(spark, list(inputs), output, functools.partial(make_parser, config),
                           options, partitions, config)
    parts = ", ".join(f"{n} {name}" for name, n in report.rows.items() if name != "rejects")
    click.echo(f"spark: {report.documents} documents in {report.partitions} partitions from {report.files} "
               f"files ({parts}), {report.rejected} rejected, {report.seconds:.1f} s", err=True)
    click.echo("  stages: " + ", ".join(f"{name} {s:.1f} s" for name, s in report.stages.items()), err=True)
    for code, n in sorted(report.rejects.items()):
        click.echo(f"  {n} × {code}", err=True)
    sys.exit(EXIT_PARTIAL if report.rejected else EXIT_OK)


@main.command()
@click.argument("parquet_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@db_option
@click.pass_context
@handle_errors
def load(ctx: click.Context, parquet_dir: Path, db: Path | None) -> None:
    """Load the Parquet output of `kroniek spark` into the database.

    Documents the database already holds with the same content are left as they are;
    the run's rejects are added to `kroniek rejects`. Exit code 3 when the run had
    rejects.
    """
    from ..batch.load import ParquetOutput, load_into_store
    from ..store import Store

    config = get_config(ctx)
    output = ParquetOutput(parquet_dir)
    total = output.count("documents") + output.count("rejects")
    with Store.open_writer(db, batch_size=config.store.batch_size,
                           commit_seconds=config.store.commit_seconds) as store:
        click.echo(f"database: {store.path}", err=True)
        with ProgressBar(total, "loading") as bar:
            report = load_into_store(parquet_dir, store, progress=bar)
    parts = [f"{n} {status}" for status, n in sorted(report.statuses.items())]
    click.echo(f"load: {report.done} documents ({', '.join(parts) or 'none'}), {report.rejected} rejects, "
               f"{report.seconds:.1f} s", err=True)
    for code, n in sorted(report.rejects.items()):
        click.echo(f"  {n} × {code}: e.g. {report.reject_examples[code]}", err=True)
    sys.exit(EXIT_PARTIAL if report.rejected else EXIT_OK)
