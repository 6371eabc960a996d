"""A kroniek killed by SIGKILL leaves no Frog behind and loses at most seconds of work.

The soak test (marked slow) repeats that with kills at random moments, each followed
by a full re-run. By default it is short enough for a shared machine; set
KRONIEK_SOAK_RUNS=20 KRONIEK_SOAK_ARTICLES=30 for the full soak of issue 13.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kroniek.nlp.frog import WORKDIR_PREFIX

from .conftest import require_frog
from .nlp.test_frog_isolation import descendants

pytestmark = pytest.mark.frog

SUBJECTS = ["De minister", "Een woordvoerder van de gemeente", "De burgemeester", "Het kabinet",
            "De oppositieleider", "Een diplomaat"]
VERBS = ["reist naar Berlijn", "spreekt met de ambassadeur", "kondigt nieuwe maatregelen aan",
         "bezoekt een school in Utrecht", "ontmoet de premier van België", "opent een brug"]


def write_articles(path: Path, count: int, seed: int, length: tuple[int, int] = (3, 8)) -> list[str]:
    """Own test texts, different per seed so no parse is ever the same twice."""
    rng = random.Random(seed)
    ids = []
    with path.open("w", encoding="utf-8") as f:
        for n in range(count):
            sentences = [f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} op {rng.randint(1, 28)} maart."
                         for _ in range(rng.randint(*length))]
            ids.append(f"s{seed}-{n}")
            f.write(json.dumps({"id": ids[-1], "date": "2021-03-30", "title": f"Bericht {seed}.{n}",
                                "text": " ".join(sentences)}, ensure_ascii=False) + "\n")
    return ids


def kroniek(*args: str) -> list[str]:
    return [str(Path(sys.executable).with_name("kroniek")), *args]


def left_behind(kroniek_pid: int) -> list[int]:
    """Live processes working in a Frog folder of the given kroniek process."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            folder = os.readlink(entry / "cwd")
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if os.path.basename(folder).startswith(f"{WORKDIR_PREFIX}{kroniek_pid}-") and state != "Z":
            found.append(int(entry.name))
    return found


def stored(db: Path) -> list[str]:
    if not db.exists():
        return []
    with sqlite3.connect(db, timeout=30) as conn:
        try:
            return [r[0] for r in conn.execute("SELECT id FROM documents")]
        except sqlite3.OperationalError:
            return []  # killed before its first migration was committed


def frogs_under(pid: int) -> set[int]:
    found = set()
    for p in descendants(pid):
        try:
            if Path(f"/proc/{p}/comm").read_text().strip() == "frog":
                found.add(p)
        except OSError:
            pass
    return found


def alive(pids: set[int]) -> list[int]:
    out = []
    for p in pids:
        try:
            if Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z":
                out.append(p)
        except OSError:
            pass
    return out


class Ingest:
    """``kroniek ingest`` as a child process, with the Frog processes seen under it."""

    def __init__(self, cmd: list[str]) -> None:
        self.process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.pid = self.process.pid
        self.frogs: set[int] = set()

    def poll(self) -> int | None:
        self.frogs |= frogs_under(self.pid)
        return self.process.poll()


def kill_midway(cmd: list[str], db: Path, until: callable, timeout: float = 600) -> Ingest:
    """Start an ingest, SIGKILL it once ``until(ingest)`` holds."""
    ingest = Ingest(cmd)
    process = ingest.process
    deadline = time.monotonic() + timeout
    try:
        while ingest.poll() is None and not until(ingest):
            assert time.monotonic() < deadline, "the ingest did not get going"
            time.sleep(0.05)
    finally:
        # (If it finished first, the checks that follow hold all the same.)
        process.send_signal(signal.SIGKILL)
        process.wait()
    return ingest


def wait_for_no_frog(ingest: Ingest, seconds: float = 5.0) -> list[int]:
    """Frog processes of a killed ingest still running after ``seconds``: those seen
    under it, and any working in a Frog folder named after it."""
    deadline = time.monotonic() + seconds
    while (left := alive(ingest.frogs) + left_behind(ingest.pid)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def test_sigkill_mid_batch_leaves_no_frog_and_keeps_committed_work(tmp_path):
    require_frog()
    source, db = tmp_path / "a.jsonl", tmp_path / "k.db"
    # Long enough that the ingest outlasts a time-based commit (2 s) even on a quiet
    # machine, where Frog reads 30 short texts in under two seconds.
    ids = write_articles(source, 40, seed=random.randrange(10**9), length=(20, 30))
    cmd = kroniek("ingest", str(source), "--db", str(db), "--workers", "1")
    # Killed once something is committed while Frog works on the rest: that the first
    # documents show up at all, well before 50, is the commit by time.
    ingest = kill_midway(cmd, db, lambda i: bool(i.frogs) and len(stored(db)) >= 2)
    assert ingest.frogs, "no Frog was seen under kroniek"
    assert wait_for_no_frog(ingest) == [], "Frog outlived the killed kroniek"
    kept = stored(db)
    assert 2 <= len(kept) < len(ids)
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=900)
    assert sorted(stored(db)) == sorted(ids)


@pytest.mark.slow
def test_soak_random_kills_then_full_reruns(tmp_path):
    require_frog()
    runs = int(os.environ.get("KRONIEK_SOAK_RUNS", "3"))
    count = int(os.environ.get("KRONIEK_SOAK_ARTICLES", "12"))
    rng = random.Random(int(os.environ.get("KRONIEK_SOAK_SEED", str(random.randrange(10**9)))))
    db = tmp_path / "soak.db"
    expected: set[str] = set()
    for run in range(runs):
        source = tmp_path / f"run{run}.jsonl"
        expected |= set(write_articles(source, count, seed=rng.randrange(10**9)))
        cmd = kroniek("ingest", str(source), "--db", str(db), "--workers", "1")
        # A random moment: while Frog starts, or after some documents are stored.
        goal = rng.randrange(0, max(1, count // 2))
        started = time.monotonic()
        pause = rng.uniform(0, 3)
        before = len(stored(db))

        def moment(i: Ingest) -> bool:
            if goal == 0:
                return time.monotonic() - started > pause
            return len(stored(db)) - before >= goal
        ingest = kill_midway(cmd, db, moment)
        assert wait_for_no_frog(ingest) == [], f"run {run}: Frog outlived the killed kroniek"
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=900)
        ids = stored(db)
        assert len(ids) == len(set(ids)) and set(ids) == expected, f"run {run}: lost or doubled articles"
        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
