"""The kroniek command, end to end with the real Frog where it parses."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from kroniek.cli import EXIT_FAILURE, EXIT_OK, EXIT_PARTIAL, main
from kroniek.model import Document
from kroniek.schema import reject_line_validator, validator

from .conftest import REPO, require_frog
from .ingest.test_readers import EXPECTED_BAD, write_bad_batch

# Display names are the knowledge base's canonical (English) names where linked.
SEED_ENTITIES = ["Sergey Lavrov", "Russia", "North Korea", "CNN", "Moscow", "Ri Yong-ho", "Kim Jong-un",
                 "Donald Trump", "Vladimir Putin", "Kim Yong-chol", "Mike Pompeo"]


@pytest.fixture
def runner():
    return CliRunner()


def invoke(runner, *args, **kw):
    return runner.invoke(main, [str(a) for a in args], catch_exceptions=False, **kw)


def all_commands(group, prefix=()):
    import click

    for name, cmd in group.commands.items():
        yield prefix + (name,)
        if isinstance(cmd, click.Group):
            yield from all_commands(cmd, prefix + (name,))


def test_help_everywhere(runner):
    assert "extract" in invoke(runner, "--help").output
    for path in all_commands(main):
        result = invoke(runner, *path, "--help")
        assert result.exit_code == 0 and "Usage:" in result.output, path


def test_schema_command(runner):
    out = invoke(runner, "schema")
    assert json.loads(out.output)["title"] == "kroniek document"


def test_bad_config_exits_with_failure(runner, tmp_path):
    cfg = tmp_path / "k.toml"
    cfg.write_text("[frog]\nbogus = 1\n")
    result = runner.invoke(main, ["--config", str(cfg), "schema"])
    assert result.exit_code == EXIT_FAILURE and "E_CONFIG" in result.output


def test_missing_database_is_a_clear_error(runner, tmp_path):
    result = invoke(runner, "show", "x", "--db", tmp_path / "none.db")
    assert result.exit_code == EXIT_FAILURE and "no database" in result.output


@pytest.mark.frog
def test_extract_seed_article(runner, seed_path):
    require_frog()
    result = invoke(runner, "extract", seed_path)
    assert result.exit_code == EXIT_OK, result.output
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1
    data = json.loads(lines[0])
    validator().validate(data)
    doc = Document.from_dict(data)
    assert doc.bad_spans() == []
    assert doc.date == "2018-05" and doc.id == "lavrov-2018-05"
    names = {e.name for e in doc.entities}
    assert set(SEED_ENTITIES) <= names, set(SEED_ENTITIES) - names
    lavrov = next(e for e in doc.entities if e.name == "Sergey Lavrov")
    assert len(lavrov.mentions) >= 4 and lavrov.type == "PER"


@pytest.mark.frog
def test_extract_writes_reject_lines_in_place(runner, tmp_path):
    require_frog()
    p = tmp_path / "mix.jsonl"
    p.write_text('{"id": "a", "date": "2019-01-01", "text": "Rutte reist naar Brussel."}\n'
                 '{"id": "b", "date": "2019-13-01", "text": "Kapot."}\n', encoding="utf-8")
    result = invoke(runner, "extract", p)
    assert result.exit_code == EXIT_PARTIAL
    first, second = (json.loads(x) for x in result.stdout.splitlines())
    validator().validate(first)
    reject_line_validator().validate(second)
    assert second["error"]["code"] == "E_INPUT_BAD_DATE" and second["id"] == "b"
    out = tmp_path / "out.jsonl"
    out.write_text(result.stdout, encoding="utf-8")
    assert invoke(runner, "validate", out).exit_code == EXIT_OK


@pytest.mark.frog
def test_ingest_bad_batch_twice(runner, tmp_path):
    """Each bad record becomes a reject, the good ones are stored, and only once."""
    require_frog()
    db = tmp_path / "k.db"
    batch = tmp_path / "bad.jsonl"
    write_bad_batch(batch)
    examples = tmp_path / "examples"
    shutil.copytree(REPO / "examples", examples)
    first = invoke(runner, "--config", _small_limit(tmp_path), "ingest", batch, examples, "--db", db)
    assert first.exit_code == EXIT_PARTIAL, first.output
    assert "rejected" in first.output and "E_INPUT_TOO_LONG" in first.output
    conn = sqlite3.connect(db)
    stored = {r[0] for r in conn.execute("SELECT id FROM documents")}
    assert {"good1", "good2", "good3", "ex-brussel-1", "navo-top-vilnius-2023-07"} <= stored
    codes = {r[0]: r[1] for r in conn.execute("SELECT doc_id, code FROM rejects WHERE doc_id IS NOT NULL")}
    assert codes == EXPECTED_BAD
    assert conn.execute("SELECT count(*) FROM rejects WHERE message = ''").fetchone()[0] == 0
    n_docs = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    n_mentions = conn.execute("SELECT count(*) FROM mentions").fetchone()[0]
    conn.close()

    second = invoke(runner, "--config", _small_limit(tmp_path), "ingest", batch, examples, "--db", db)
    assert "unchanged" in second.output and "added" not in second.output
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == n_docs
    assert conn.execute("SELECT count(*) FROM mentions").fetchone()[0] == n_mentions
    conn.close()

    shown = invoke(runner, "show", "good2", "--db", db, "--json")
    assert json.loads(shown.output)["text"] == "Goed artikel 2."
    # The plain view lists each entity with every mention and its offsets (issue 15).
    vilnius = invoke(runner, "show", "navo-top-vilnius-2023-07", "--db", db).output
    entities = vilnius.split("entities:\n", 1)[1]
    assert "Volodymyr Zelensky" in entities and "“Zelensky”" in entities
    assert "“de Litouwse hoofdstad”" in entities.split("Vilnius (", 1)[1].split("\n", 1)[0]
    rejects = invoke(runner, "rejects", "--db", db, "--format", "json")
    assert {json.loads(x)["code"] for x in rejects.output.splitlines()} >= set(EXPECTED_BAD.values())
    chron = invoke(runner, "chronicle", "--db", db, "--mentions")
    assert "navo-top-vilnius-2023-07" in chron.output and "Zelensky" in chron.output


def _small_limit(tmp_path: Path) -> Path:
    cfg = tmp_path / "small.toml"
    cfg.write_text("[ingest]\nmax_chars = 1000\n")
    return cfg
