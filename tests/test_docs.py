"""Documentation checked against the code: commands, error codes, configuration keys."""

import dataclasses
import re

import click

from kroniek.cli import main
from kroniek.config import Config
from kroniek.errors import CODES

from .conftest import REPO


def read(name: str) -> str:
    return (REPO / name).read_text(encoding="utf-8")


def test_every_command_is_documented():
    doc = read("docs/CLI.md")
    for name, cmd in main.commands.items():
        assert f"`kroniek {name}" in doc, f"docs/CLI.md does not document `kroniek {name}`"
        if isinstance(cmd, click.Group):
            for sub in cmd.commands:
                assert f"`kroniek {name} {sub}" in doc, f"docs/CLI.md lacks `kroniek {name} {sub}`"


def test_exit_codes_are_documented():
    doc = read("docs/CLI.md")
    for code in range(5):
        assert re.search(rf"^\| {code} \|", doc, re.M), code


def test_error_codes_match_the_code():
    documented = set(re.findall(r"`(E_[A-Z_]+)`", read("docs/ERRORS.md")))
    assert documented == set(CODES)


def test_configuration_keys_are_documented():
    doc = read("docs/CONFIG.md")

    def keys(obj, prefix=""):
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            if dataclasses.is_dataclass(value):
                yield from keys(value, f"{prefix}{f.name}.")
            else:
                yield f"{prefix}{f.name}"

    for key in keys(Config()):
        assert f"`{key}`" in doc, f"docs/CONFIG.md does not document {key}"


def test_readme_holds_the_two_commands_and_ci_runs_the_tests():
    readme = read("README.md")
    assert "make run" in readme and "make test" in readme
    assert "make test" in read(".ci/run")
    makefile = read("Makefile")
    assert re.search(r"^run:", makefile, re.M) and re.search(r"^test:", makefile, re.M)


def test_nothing_user_facing_points_outside_the_repository():
    # The project stands alone: a clone of kroniek without its developers' data folder
    # beside it must find every document, contract and fixture it is told about.
    files = [REPO / "README.md", REPO / "CONTRIBUTING.md", *sorted((REPO / "docs").glob("*.md")),
             *sorted((REPO / "examples").iterdir()), *sorted((REPO / "src" / "kroniek").rglob("*.py")),
             *sorted((REPO / "src" / "kroniek" / "api" / "static").rglob("*.*"))]
    offenders = [str(f.relative_to(REPO)) for f in files
                 if f.is_file() and "../shared" in f.read_text(encoding="utf-8", errors="replace")]
    assert offenders == []
