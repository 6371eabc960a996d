"""docs/PYTHON.md runs: its ```python blocks, in order, in one namespace, against real Frog.

A block right after ``<!-- not run ... -->`` is skipped (it needs data the project does
not ship). The blocks run in a temporary folder that holds the repository's examples/.
"""

from __future__ import annotations

import contextlib
import io
import os
import re

import pytest

from .conftest import REPO, require_frog

DOC = REPO / "docs" / "PYTHON.md"


def code_blocks(markdown: str) -> list[tuple[int, str]]:
    """(line number, code) of each ```python block that is to run."""
    blocks = []
    for m in re.finditer(r"^```python\n(.*?)^```$", markdown, re.M | re.S):
        before = markdown[:m.start()].rstrip("\n").rsplit("\n", 1)[-1]
        if before.startswith("<!-- not run"):
            continue
        blocks.append((markdown[:m.start()].count("\n") + 2, m.group(1)))
    return blocks


def test_the_blocks_are_found():
    blocks = code_blocks(DOC.read_text(encoding="utf-8"))
    assert len(blocks) >= 8
    assert any("kroniek.Annotator()" in code for _, code in blocks)
    assert not any("path/to/seed-gold" in code for _, code in blocks)  # the not-run block


@pytest.mark.frog
@pytest.mark.slow
def test_python_md_examples_run(tmp_path, monkeypatch):
    require_frog()
    (tmp_path / "examples").symlink_to(REPO / "examples")
    monkeypatch.chdir(tmp_path)
    namespace: dict = {"__name__": "python_md"}
    printed = io.StringIO()
    try:
        for line, code in code_blocks(DOC.read_text(encoding="utf-8")):
            with contextlib.redirect_stdout(printed):
                try:
                    exec(compile(code, f"{DOC}:{line}", "exec"), namespace)
                except Exception as exc:
                    raise AssertionError(f"docs/PYTHON.md block at line {line} failed: {exc!r}\n"
                                         f"printed so far:\n{printed.getvalue()}") from exc
    finally:
        nlp = namespace.get("nlp")
        if nlp is not None:
            nlp.close()
    assert (tmp_path / "notebook.db").exists()
    assert "E_INPUT_BAD_DATE" in printed.getvalue() and "E_QUERY_NO_ACTOR" in printed.getvalue()
