"""A fresh `pip install` of kroniek carries the fast parser's model and extracts without Frog.

The wheel is built from this checkout and installed into a new virtual environment;
kroniek's dependencies come from the test environment (a .pth file stands in for the
index, so the test runs offline), kroniek itself only from the wheel.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from .conftest import REPO


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=240, **kw)


@pytest.mark.slow
def test_the_wheel_installs_the_model_and_extracts_without_frog(tmp_path):
    wheels = tmp_path / "wheels"
    built = run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", wheels, REPO])
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = wheels.glob("kroniek-*.whl")
    venv = tmp_path / "venv"
    assert run([sys.executable, "-m", "venv", venv]).returncode == 0
    python = venv / "bin" / "python"
    site = Path(run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip())
    # The dependencies (spaCy, click, ...) from this environment, after the venv's own folder.
    (site / "zz_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    installed = run([python, "-m", "pip", "install", "--no-deps", "--no-index", "-q", wheel])
    assert installed.returncode == 0, installed.stderr[-2000:]

    probe = ("import kroniek, pathlib; from kroniek.nlp.fast import DEFAULT_MODEL, FastParser; "
             "p = FastParser(); d = p.parse('Minister Hoekstra reist dinsdag naar Parijs.'); "
             "print(kroniek.__file__); print(DEFAULT_MODEL); print(d.parser, len(d.tokens))")
    out = run([python, "-c", probe], cwd=tmp_path)
    assert out.returncode == 0, out.stderr[-2000:]
    module, model, parsed = out.stdout.strip().splitlines()
    assert module.startswith(str(site)) and model.startswith(str(site)), out.stdout
    assert parsed.startswith("fast-nl-") and parsed.endswith(" 7")

    article = tmp_path / "a.jsonl"
    article.write_text(json.dumps({"id": "a1", "date": "2024-01-02", "text": "Premier Rutte reist dinsdag naar Parijs."})
                       + "\n", encoding="utf-8")
    env = dict(os.environ, PATH=str(venv / "bin"), KRONIEK_CACHE=str(tmp_path / "cache"), OMP_NUM_THREADS="1")
    env.pop("KRONIEK_CONFIG", None)
    extracted = run([venv / "bin" / "kroniek", "extract", article], env=env, cwd=tmp_path)
    assert extracted.returncode == 0, extracted.stderr[-2000:]
    assert json.loads(extracted.stdout.splitlines()[0])["id"] == "a1"
