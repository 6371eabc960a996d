"""Executors read whole files with the same readers as `kroniek extract` (no Spark needed here)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kroniek.batch.inputs import display_name, read_file_bytes
from kroniek.ingest import ReadOptions, format_of, read_paths

from .conftest import build_corpus


def test_display_name_gives_local_paths_back():
    assert display_name("file:/data/nieuws%20april.jsonl") == "/data/nieuws april.jsonl"
    assert display_name("hdfs://nn:8020/news/a.warc.gz") == "hdfs://nn:8020/news/a.warc.gz"


@pytest.mark.parametrize("name", ["nieuws.jsonl", "haven-2018-05.txt", "jaaroverzicht.txt", "crawl.warc.gz",
                                  "extra.csv", "los.json"])
def test_bytes_give_what_the_path_reader_gives(tmp_path, name):
    corpus = build_corpus(tmp_path)
    (corpus / "extra.csv").write_text("id,date,text\nc1,2019-01-05,Eerste rij.\nc2,,Geen datum.\n",
                                      encoding="utf-8")
    (corpus / "los.json").write_text(json.dumps([{"id": "j1", "date": "2019", "text": "Los."}, 5]),
                                     encoding="utf-8")
    path = corpus / name
    options = ReadOptions()
    expected = list(read_paths([path], options))
    got = list(read_file_bytes(f"file:{path}", path.read_bytes(), format_of(Path(name)), options))
    assert got == expected and got
