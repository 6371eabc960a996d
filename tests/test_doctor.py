"""`kroniek doctor`: every check, with a broken Frog installation built in a folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kroniek.cli import EXIT_FAILURE, EXIT_OK, main
from kroniek.config import FrogConfig
from kroniek.doctor import check_database, check_frog_data, healthy, run_checks
from kroniek.errors import ParserUnavailable
from kroniek.nlp.frog import find_frog
from kroniek.nlp.frog_install import frog_files, missing_frog_files

from .conftest import require_frog


def fake_frog_install(tmp_path: Path, with_rules: bool) -> tuple[Path, Path]:
    """A Frog configuration folder and an ucto folder, with or without the tokenizer rules."""
    frog_dir, ucto_dir = tmp_path / "frog" / "nld", tmp_path / "ucto"
    frog_dir.mkdir(parents=True)
    ucto_dir.mkdir()
    (frog_dir / "frog.cfg").write_text(
        "version=0.12\n[[tagger]]\nsettings=\"tagger.settings\"\n[[tokenizer]]\nrulesFile=\"tokconfig-nld\"\n"
        "[[mblem]]\ntreeFile=mblem.tree\n", encoding="utf-8")
    (frog_dir / "tagger.settings").write_text("e <utt>\nl tagger.lex\np dddwfWawa\n", encoding="utf-8")
    (frog_dir / "tagger.lex").write_text("x\n", encoding="utf-8")
    (frog_dir / "mblem.tree").write_text("x\n", encoding="utf-8")
    if with_rules:
        (ucto_dir / "tokconfig-nld").write_text("[EOSMARKERS]\n%include standard-eos\n", encoding="utf-8")
        (ucto_dir / "standard-eos.eos").write_text(".\n", encoding="utf-8")
    return frog_dir / "frog.cfg", ucto_dir


def test_the_files_a_configuration_names_are_followed_through_settings_and_includes(tmp_path):
    cfg, ucto = fake_frog_install(tmp_path, with_rules=True)
    names = {f.path.name: f for f in frog_files(cfg, ucto)}
    assert set(names) == {"frog.cfg", "tagger.settings", "tagger.lex", "tokconfig-nld", "standard-eos.eos", "mblem.tree"}
    assert names["tokconfig-nld"].package == "uctodata"
    assert names["tagger.lex"].package == "frogdata"
    assert missing_frog_files(cfg, ucto) == []


def test_missing_tokenizer_rules_are_named_with_their_package(tmp_path):
    cfg, ucto = fake_frog_install(tmp_path, with_rules=False)
    missing = missing_frog_files(cfg, ucto)
    assert [f.path.name for f in missing] == ["tokconfig-nld"]
    assert missing[0].package == "uctodata"
    assert "[tokenizer] rulesFile" in missing[0].named_by


def test_a_missing_model_file_names_frogdata(tmp_path):
    cfg, ucto = fake_frog_install(tmp_path, with_rules=True)
    (cfg.parent / "tagger.lex").unlink()
    (missing,) = missing_frog_files(cfg, ucto)
    assert missing.package == "frogdata" and missing.named_by == "tagger.settings (l)"


def test_doctor_says_which_package_to_install(tmp_path):
    cfg = tmp_path / "nowhere" / "frog.cfg"
    check = check_frog_data(FrogConfig(frog_config=str(cfg)))
    assert not check.ok and check.required
    assert "frogdata" in check.detail and "apt-get install" in check.fix


def test_find_frog_refuses_incomplete_data_with_the_package_named(tmp_path, monkeypatch):
    if shutil.which("frog") is None:
        pytest.skip("needs a frog program on PATH")
    cfg, ucto = fake_frog_install(tmp_path, with_rules=False)
    monkeypatch.setattr("kroniek.nlp.frog_install.UCTO_CONFIG_DIR", ucto)
    with pytest.raises(ParserUnavailable) as err:
        find_frog(FrogConfig(frog_config=str(cfg)))
    assert "uctodata" in str(err.value) and "tokconfig-nld" in str(err.value)
    assert err.value.code == "E_PARSER_MISSING"


def test_database_check(tmp_path):
    assert check_database(tmp_path / "new.db").ok
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database at all" * 100)
    check = check_database(bad)
    assert not check.ok and check.fix


def test_doctor_cli_fails_with_exit_4_and_the_fix(tmp_path):
    conf = tmp_path / "kroniek.toml"
    conf.write_text(f'[parser]\nbackend = "frog"\n[frog]\nfrog_config = "{tmp_path / "missing" / "frog.cfg"}"\n',
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["--config", str(conf), "doctor", "--db", str(tmp_path / "k.db"), "--json"])
    assert result.exit_code == EXIT_FAILURE, result.output
    report = json.loads(result.output)
    assert report["ok"] is False
    by_name = {c["name"]: c for c in report["checks"]}
    assert by_name["frog data"]["ok"] is False and "apt-get install" in by_name["frog data"]["fix"]
    assert by_name["frog parses"]["ok"] is False  # not tried on a broken installation


@pytest.mark.frog
def test_doctor_parses_a_sentence_with_the_real_frog(tmp_path):
    require_frog()
    checks = run_checks(tmp_path / "k.db", FrogConfig(), parse=True)
    assert healthy(checks), [c for c in checks if not c.ok]
    (parse,) = [c for c in checks if c.name == "frog parses"]
    assert parse.ok and "tokens" in parse.detail
    result = CliRunner().invoke(main, ["doctor", "--db", str(tmp_path / "k.db"), "--no-parse"])
    assert result.exit_code == EXIT_OK and "kroniek is ready" in result.output
