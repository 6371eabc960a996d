"""Input files into Spark: the same readers as ``kroniek extract``, on any Spark storage.

The driver lists the files (local folders, HDFS, S3: whatever Hadoop's file systems
reach); executors read them with Spark's readers and turn each record into an Article
or a Reject with kroniek's own readers, so ids, dates and reject reasons are those of
``kroniek extract``. JSON-lines files are split by lines over many tasks (a national
archive is often one huge file); other files (seed text, CSV, JSON, WARC) are read whole,
one task per file or group of files.

The records are then dealt out over the job's partitions by their place in the input,
not at random, so a task Spark runs again gets the same records.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from ..ingest import format_of
from ..ingest.csvfile import read_csv_bytes
from ..ingest.jsonl import read_json_bytes, read_jsonl_line
from ..ingest.records import ReadOptions
from ..ingest.textfile import read_text_bytes
from ..ingest.warc import read_warc_stream
from ..model import Article, Reject


@dataclass(frozen=True)
class InputFile:
    uri: str        # as Hadoop names it: file:/data/a.jsonl, hdfs://nn/news/b.warc.gz
    format: str     # one of kroniek.ingest.FORMATS


def display_name(uri: str) -> str:
    """A local file's plain path (as in ``kroniek extract``'s origins); other URIs as they are."""
    if uri.startswith("file:"):
        return unquote(urlsplit(uri).path)
    return uri


def list_inputs(spark, inputs: Sequence[str], requested: str = "auto") -> tuple[list[InputFile], list[Reject]]:
    """The files under ``inputs`` with their formats, and Rejects for paths that are not there.

    Folders are read recursively; names starting with '.' or '_' are passed over (Spark's
    and Hadoop's own bookkeeping), and so are files of no known format when the format
    is ``auto`` (as ``kroniek extract`` does with folders).
    """
    sc = spark.sparkContext
    jvm = sc._jvm
    hadoop_conf = sc._jsc.hadoopConfiguration()
    files: list[InputFile] = []
    rejects: list[Reject] = []
    for raw in inputs:
        path = jvm.org.apache.hadoop.fs.Path(raw)
        fs = path.getFileSystem(hadoop_conf)
        if not fs.exists(path):
            rejects.append(Reject(id=None, code="E_INPUT_NOT_FOUND", origin=raw, message=f"no such file: {raw}"))
            continue
        status = fs.getFileStatus(path)
        if not status.isDirectory():
            uri = status.getPath().toString()
            fmt = format_of(PurePosixPath(urlsplit(uri).path), requested)
            if fmt is None:
                rejects.append(Reject(id=None, code="E_INPUT_FORMAT", origin=raw,
                                      message=f"unknown input format for {raw!r}; use .txt, .jsonl, .json, "
                                              ".csv, .tsv, .warc or .warc.gz, or name the format with --format"))
            else:
                files.append(InputFile(uri, fmt))
            continue
        root = status.getPath().toUri().getPath().rstrip("/")
        found = []
        it = fs.listFiles(path, True)
        while it.hasNext():
            st = it.next()
            uri = st.getPath().toString()
            rel = st.getPath().toUri().getPath()[len(root):].lstrip("/")
            if any(part.startswith((".", "_")) for part in rel.split("/")):
                continue
            fmt = format_of(PurePosixPath(rel), requested)
            if fmt is not None:
                found.append(InputFile(uri, fmt))
        files.extend(sorted(found, key=lambda f: f.uri))
    return files, rejects


def read_file_bytes(uri: str, data: bytes, fmt: str, options: ReadOptions) -> Iterator[Article | Reject]:
    """Records of one whole file, by its format (executor side)."""
    name = display_name(uri)
    path = PurePosixPath(name)
    if fmt in ("seed", "txt"):
        yield from read_text_bytes(data, path, options, seed=True if fmt == "seed" else None)
    elif fmt == "csv":
        yield from read_csv_bytes(data, path, options)
    elif fmt == "json":
        yield from read_json_bytes(data, path, options)
    elif fmt == "warc":
        yield from read_warc_stream(io.BytesIO(data), name, options)
    elif fmt == "jsonl":
        stem = path.stem
        for lineno, raw in enumerate(io.BytesIO(data), 1):
            item = read_jsonl_line(raw, lineno, name, stem, options)
            if item is not None:
                yield item
    else:
        yield Reject(id=None, code="E_INPUT_FORMAT", origin=name, message=f"no reader for format {fmt!r}")


def read_items(spark, files: Iterable[InputFile], extra: Sequence[Reject], options: ReadOptions,
               partitions: int):
    """An RDD of Articles and Rejects spread over ``partitions`` partitions."""
    sc = spark.sparkContext
    parts = []
    whole = []
    for f in files:
        if f.format == "jsonl":
            name = display_name(f.uri)
            stem = PurePosixPath(name).stem
            # Bytes, not str: a line that is not UTF-8 must become a Reject, not fail the task.
            lines = sc.textFile(f.uri, minPartitions=partitions, use_unicode=False).zipWithIndex()
            parts.append(lines.map(lambda li, name=name, stem=stem: read_jsonl_line(li[0], li[1] + 1, name, stem, options))
                         .filter(lambda item: item is not None))
        else:
            whole.append(f)
    if whole:
        formats = {f.uri: f.format for f in whole}
        blobs = sc.binaryFiles(",".join(f.uri for f in whole), minPartitions=partitions)
        parts.append(blobs.flatMap(lambda ud: read_file_bytes(ud[0], ud[1], _format_for(formats, ud[0], options),
                                                              options)))
    if extra:
        parts.append(sc.parallelize(list(extra), 1))
    if not parts:
        return sc.emptyRDD().partitionBy(partitions)
    items = parts[0] if len(parts) == 1 else sc.union(parts)
    # Deal the records out in turn by their place in the input: every partition gets
    # as many (a hash leaves one partition a third longer than another on small
    # inputs, and the job waits for the longest), and the place is the same each
    # time the input is read, so a task run again gets the same records.
    return (items.zipWithIndex().map(lambda item_index: (item_index[1], item_index[0]))
            .partitionBy(partitions, lambda index: index).values())


def _format_for(formats: dict[str, str], uri: str, options: ReadOptions) -> str:
    # binaryFiles may spell a URI differently from the listing (file:/a vs file:///a).
    if uri in formats:
        return formats[uri]
    return format_of(PurePosixPath(urlsplit(uri).path), options.format) or "txt"


__all__ = ["InputFile", "display_name", "list_inputs", "read_file_bytes", "read_items"]
