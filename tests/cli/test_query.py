"""kroniek timeline, dyad, events, actors, search and export on a real store."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from kroniek.cli import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, main

from ..query.corpus import build


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build(tmp_path_factory.mktemp("cli") / "cli.db")


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_timeline_table_json_and_csv(db):
    r = run("timeline", "Lavrov", "--db", db, "--mentions")
    assert r.exit_code == EXIT_OK, r.output
    assert r.output.startswith("Sergej Lavrov (name Lavrov: 3 entities in 3 articles): 4 events")
    assert "[planned]" in r.output and "(bezoek-2019-01#v1)" in r.output
    data = json.loads(run("timeline", "kb:SERGEY_LAVROV", "--db", db, "--format", "json", "--mentions").output)
    assert data["actor"]["kind"] == "kb" and len(data["events"]) == 4
    rows = list(csv.DictReader(io.StringIO(run("timeline", "Lavrov", "--db", db, "--format", "csv",
                                                "--from", "2019", "--mentions").output)))
    assert [r["event_id"] for r in rows] == ["bezoek-2019-01:v1", "xss-2019-02:v1"]
    assert {r["role"] for r in rows} == {"source"}
    r = run("timeline", "Lavrov", "--db", db, "--type", "PROTEST", "--modality", "asserted", "--mentions")
    assert r.output.count("(xss-2019-02#v1)") == 1 and "CONSULT" not in r.output


def test_timeline_merges_reports_of_one_event(db):
    # The trip and the talks of one article on one day are one event, reported twice.
    r = run("timeline", "Lavrov", "--db", db)
    assert r.exit_code == EXIT_OK, r.output
    assert r.output.startswith("Sergej Lavrov (name Lavrov: 3 entities in 3 articles): 3 events from 4 reports")
    assert "2 reports in 1 article (De Dagkrant)" in r.output
    assert "status: planned (from 2018-05-30, 2 reports)" in r.output
    data = json.loads(run("timeline", "kb:SERGEY_LAVROV", "--db", db, "--format", "json").output)
    assert [len(e["mentions"]) for e in data["events"]] == [2, 1, 1]
    rows = list(csv.DictReader(io.StringIO(run("timeline", "Lavrov", "--db", db, "--format", "csv").output)))
    assert [r["reports"] for r in rows] == ["2", "1", "1"]


def test_errors_have_codes_and_exit_codes(db, tmp_path):
    r = run("timeline", "Napoleon", "--db", db)
    assert r.exit_code == EXIT_FAILURE and "E_QUERY_NO_ACTOR" in r.output
    r = run("timeline", "Lavrov", "--db", db, "--from", "2019-02-30")
    assert r.exit_code == EXIT_FAILURE and "E_QUERY_PARAM" in r.output
    r = run("dyad", "RUS", "PRK", "--db", db, "--type", "PARTY")
    assert r.exit_code == EXIT_FAILURE and "unknown event type" in r.output
    assert run("timeline", "--db", db).exit_code == EXIT_USAGE
    r = run("timeline", "Lavrov", "--db", tmp_path / "geen.db")
    assert r.exit_code == EXIT_FAILURE and "no database" in r.output


def test_dyad_events_actors_search(db):
    r = run("dyad", "Verenigde Staten", "country:PRK", "--db", db)
    assert r.exit_code == EXIT_OK and r.output.splitlines()[0] == (
        "Verenigde Staten → PRK: 1 events; PRK → Verenigde Staten: 1 events")
    r = run("events", "--db", db, "--place", "Singapore")
    assert "AGREE" in r.output and r.output.startswith("1 events")
    r = run("actors", "ri", "--db", db)
    assert r.output.split()[0] == "kb:RI_YONG_HO"
    assert json.loads(run("actors", "--db", db, "--format", "json", "--limit", "2").output)[0]["events"] == 4
    r = run("search", "dijk", "--db", db)
    assert "dijk-2021-11" in r.output and "[dijk]" in r.output
    assert run("search", "nergensvoorkomend", "--db", db).output.strip() == "no article matches"


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "graphml", "jsonld", "parquet"])
def test_export_writes_each_format(db, tmp_path, fmt):
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    out = tmp_path / f"out.{fmt}"
    r = run("export", "--format", fmt, "--db", db, "--output", out)
    assert r.exit_code == EXIT_OK, r.output
    assert out.stat().st_size > 200
    expected = {"jsonl": "6 documents", "graphml": "edges"}.get(fmt, "10 events")
    assert expected in r.output


def test_export_to_stdout_and_filters(db):
    r = run("export", "--format", "csv", "--db", db, "--modality", "negated")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [row["event_id"] for row in rows] == ["reis-2018-05:v4"]
    r = run("export", "--format", "parquet", "--db", db)
    assert r.exit_code == EXIT_FAILURE and "--output" in r.output


def test_export_to_an_unwritable_file_fails_with_its_code(db, tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("x")
    for fmt in ("csv", "jsonl", "parquet"):
        if fmt == "parquet":
            pytest.importorskip("pyarrow")
        r = run("export", "--format", fmt, "--db", db, "--output", blocked / "out")
        assert r.exit_code == EXIT_FAILURE and "E_EXPORT" in r.output, (fmt, r.output)


def test_search_with_a_prefix(db):
    assert "dijk-2021-11" in run("search", "dij*", "--db", db).output
