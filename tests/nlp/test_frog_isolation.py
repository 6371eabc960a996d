"""Frog is reachable by kroniek alone, and no Frog outlives the kroniek that started it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kroniek.config import FrogConfig
from kroniek.errors import ParserError
from kroniek.nlp.frog import WORKDIR_PREFIX, FrogParser, sweep_orphans

from ..conftest import require_frog


def descendants(pid: int) -> list[int]:
    """Every live (not zombie) process below ``pid``."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z":
            parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    out, todo = [], [pid]
    while todo:
        kids = parents.get(todo.pop(), [])
        out += kids
        todo += kids
    return out


def listening_inodes(net_tcp: Path) -> dict[str, str]:
    """Socket inode -> local address of every listening TCP socket in a namespace's table."""
    out = {}
    for line in net_tcp.read_text().splitlines()[1:]:
        fields = line.split()
        if fields[3] == "0A":  # TCP_LISTEN
            out[fields[9]] = fields[1]
    return out


def socket_inodes(pid: int) -> set[str]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    return inodes


@pytest.mark.frog
def test_frog_listens_where_only_kroniek_reaches_it():
    require_frog()
    try:
        parser = FrogParser(FrogConfig(isolation="namespace")).start()
    except ParserError as exc:
        if "namespaces" in exc.message:
            pytest.skip(f"this kernel refuses unprivileged namespaces: {exc.message}")
        raise
    with parser:
        assert parser.server.isolated is True
        frogs = [p for p in descendants(parser.pid) if Path(f"/proc/{p}/comm").read_text().strip() == "frog"]
        assert frogs, "no Frog process under the relay"
        ours = {**listening_inodes(Path("/proc/self/net/tcp")), **listening_inodes(Path("/proc/self/net/tcp6"))}
        theirs = listening_inodes(Path(f"/proc/{frogs[0]}/net/tcp"))
        frog_sockets = set().union(*(socket_inodes(p) for p in frogs))
        # Frog does listen (on 0.0.0.0: it cannot do otherwise) ...
        assert frog_sockets & set(theirs), "Frog has no listening socket"
        # ... but in a network namespace of its own, whose only interface is loopback:
        # not one of its sockets is in this machine's table, on any address.
        assert not frog_sockets & set(ours), "Frog's port is open in kroniek's network namespace"
        interfaces = [line.split(":")[0].strip() for line in
                      Path(f"/proc/{frogs[0]}/net/dev").read_text().splitlines()[2:]]
        assert interfaces == ["lo"]
        assert [t.text for t in parser.parse("Het werkt nog steeds.").tokens][-1] == "."


def test_unknown_isolation_is_a_config_error():
    from kroniek.config import config_from_dict
    from kroniek.errors import ConfigError

    with pytest.raises(ConfigError):
        config_from_dict({"frog": {"isolation": "firewall"}})


def test_start_up_sweep_kills_what_a_dead_kroniek_left(tmp_path):
    # A process in a Frog folder whose kroniek is gone is killed; one whose kroniek
    # lives (here: this test) is left alone.
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    orphan_dir = tmp_path / f"{WORKDIR_PREFIX}{gone.pid}-abc"
    live_dir = tmp_path / f"{WORKDIR_PREFIX}{os.getpid()}-abc"
    orphan_dir.mkdir()
    live_dir.mkdir()
    orphan = subprocess.Popen(["sleep", "60"], cwd=orphan_dir)
    alive = subprocess.Popen(["sleep", "60"], cwd=live_dir)
    try:
        killed = sweep_orphans()
        assert orphan.pid in killed and alive.pid not in killed
        assert orphan.wait(timeout=5) == -signal.SIGKILL
        time.sleep(0.1)
        assert alive.poll() is None
    finally:
        for p in (orphan, alive):
            if p.poll() is None:
                p.kill()
                p.wait()
