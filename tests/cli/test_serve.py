"""kroniek serve and kroniek run, as real processes."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from click.testing import CliRunner

from kroniek.cli import EXIT_FAILURE, EXIT_OK, main
from kroniek.cli.serve import _is_loopback

from ..conftest import require_frog
from ..e2e.conftest import _free_port
from ..query.corpus import build

KRONIEK = [sys.executable, "-c", "from kroniek.cli import main; main()"]


def test_loopback_addresses():
    assert _is_loopback("127.0.0.1") and _is_loopback("localhost") and _is_loopback("::1")
    assert not _is_loopback("0.0.0.0") and not _is_loopback("192.0.2.1")


def test_serve_refuses_a_missing_database(tmp_path):
    r = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "geen.db")])
    assert r.exit_code == EXIT_FAILURE and "no database" in r.output


def _wait_for(url: str, proc: subprocess.Popen, seconds: float = 30) -> bytes:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"the server stopped: {proc.stderr.read().decode()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                return r.read()
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"no answer from {url}")


def test_serve_answers_on_127_0_0_1_by_default(tmp_path):
    db = build(tmp_path / "s.db")
    port = _free_port()
    proc = subprocess.Popen(KRONIEK + ["serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        body = _wait_for(f"http://127.0.0.1:{port}/api/summary", proc)
        assert json.loads(body)["documents"] == 6
        assert b"<title>kroniek</title>" in _wait_for(f"http://127.0.0.1:{port}/", proc)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert f"http://127.0.0.1:{port}/" in proc.stderr.read().decode()


def _status(url: str, host: str) -> tuple[int, dict]:
    request = urllib.request.Request(url, headers={"Host": host})
    try:
        with urllib.request.urlopen(request, timeout=5) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def test_serve_answers_only_the_host_names_it_serves(tmp_path):
    # A DNS-rebinding page sends its own host name: refused in kroniek's error form;
    # --allow-host adds a name.
    db = build(tmp_path / "s.db")
    port = _free_port()
    proc = subprocess.Popen(KRONIEK + ["serve", "--db", str(db), "--port", str(port),
                                       "--allow-host", "kroniek.lan"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/api/summary"
    try:
        _wait_for(url, proc)
        status, body = _status(url, "evil.example")
        assert status == 400 and body["error"]["code"] == "E_HTTP_HOST"
        assert _status(url, f"kroniek.lan:{port}")[0] == 200
        assert _status(url, f"localhost:{port}")[0] == 200
        status, body = _status(f"http://127.0.0.1:{port}/api/nowhere", f"127.0.0.1:{port}")
        assert status == 404 and body["error"]["code"] == "E_HTTP_NOT_FOUND"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.frog
def test_run_sets_up_the_examples_and_prints_the_chronicle(tmp_path):
    require_frog()
    examples = tmp_path / "examples"
    examples.mkdir()
    (examples / "kort-2024-01.txt").write_text(
        " date 2024-01-15 Minister Hanna Verbeek bezocht dinsdag de haven van Rotterdam.\n",
        encoding="utf-8")
    db = tmp_path / "run.db"
    r = CliRunner().invoke(main, ["run", "--no-serve", "--examples", str(examples), "--db", str(db)])
    assert r.exit_code == EXIT_OK, r.output
    assert "2024-01-15  kort-2024-01" in r.output
    again = CliRunner().invoke(main, ["run", "--no-serve", "--examples", str(examples), "--db", str(db)])
    assert "1 unchanged" in again.output  # not parsed a second time
