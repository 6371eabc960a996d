"""kroniek chronicle, timeline, stories, merge and export --merged on a real store."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from kroniek.cli import EXIT_FAILURE, EXIT_OK, main
from kroniek.store import Store

from .summit import documents


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "k.db"
    with Store.open_writer(path) as store:
        for d in documents():
            store.save(d)
    r = run("merge", "--db", path)  # a store written without ingest is merged by hand
    assert r.exit_code == EXIT_OK and "2 merged events, 1 stories, 1 near-duplicate links" in r.output
    return path


def test_chronicle_counts_events_not_articles(db):
    r = run("chronicle", "--db", db)
    assert r.exit_code == EXIT_OK, r.output
    lines = r.output.splitlines()
    assert lines[0].startswith("2018-06-12   CONSULT    Donald Trump → Kim Jong-un @ Singapore   "
                               "5 reports in 5 articles (NOS, NRC, Trouw)")
    assert "    dates reported: 2018-06-12 ×2, 2018-06 ×1, 2018-06-13 ×1" in lines
    assert ("    status: planned (from 2018-05-10, 2 reports) → negated (from 2018-05-24, 1 report) → "
            "asserted (from 2018-06-12, 2 reports)") in lines
    assert lines[-1].startswith("2018-06-19   CONSULT    Donald Trump → Kim Jong-un   1 report in 1 article")
    per_article = run("chronicle", "--db", db, "--mentions").output
    assert per_article.count("CONSULT") == 7
    with_sentences = run("chronicle", "--db", db, "--sentences").output
    assert "2018-05-24 NOS [negated]: “De ontmoeting in Singapore gaat niet door" in with_sentences


def test_stories_list_and_one(db):
    r = run("stories", "--db", db)
    assert r.exit_code == EXIT_OK
    line = r.output.splitlines()[0]
    assert line.startswith("2018-06-12 – 2018-06-19  Donald Trump – Kim Jong-un: ")
    sid = line.rsplit("[", 1)[1].rstrip("]")
    one = run("stories", sid, "--db", db)
    assert "6 reports in 6 articles" in one.output.splitlines()[0]
    data = json.loads(run("stories", sid, "--db", db, "--format", "json").output)
    assert [e["reports"] for e in data["events"]] == [5, 1]
    assert run("stories", "s-geen", "--db", db).exit_code == EXIT_FAILURE


def test_export_merged_jsonl_csv_parquet(db, tmp_path):
    r = run("export", "--format", "jsonl", "--merged", "--db", db)
    assert r.exit_code == EXIT_OK
    events = [json.loads(line) for line in r.output.splitlines() if line.startswith("{")]
    assert len(events) == 2
    summit = events[0]
    assert summit["dates"] == {"2018-06-12": 2, "2018-06": 1, "2018-06-13": 1}
    assert summit["status"][1] == {"from": "2018-05-24", "modality": "negated", "reports": 1}
    texts = {d.id: d.text for d in documents()}
    for m in summit["mentions"]:  # every merge can be checked against the text
        s = m["sentence"]
        assert m["trigger"]["text"] in texts[m["document"]][s["start"]:s["end"]]
    out = tmp_path / "m.csv"
    assert run("export", "--format", "csv", "--merged", "--db", db, "-o", out).exit_code == EXIT_OK
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert [r["reports"] for r in rows] == ["5", "1"]
    assert len(json.loads(rows[0]["mentions"])) == 5
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "m.parquet"
    assert run("export", "--format", "parquet", "--merged", "--db", db, "-o", out).exit_code == EXIT_OK
    table = pq.read_table(out).to_pylist()
    assert [len(r["mentions"]) for r in table] == [5, 1]
    assert run("export", "--format", "graphml", "--merged", "--db", db).exit_code == EXIT_FAILURE


def test_stale_store_is_noted(tmp_path):
    path = tmp_path / "stale.db"
    with Store.open_writer(path) as store:
        store.save(documents()[0])
    r = run("timeline", "Trump", "--db", path)
    assert "1 article(s) are not merged yet" in r.output
