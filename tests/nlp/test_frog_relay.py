"""The relay between kroniek and Frog, with a stand-in server (no Frog needed, fast)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kroniek.nlp.frog import RELAY

from .test_frog_isolation import descendants, listening_inodes, socket_inodes

# Answers every text ending in a line EOT with "OK" and a line READY, like frog -S.
STAND_IN = r"""
import socket, sys, time
time.sleep(float(sys.argv[2]) if len(sys.argv) > 2 else 0)  # Frog takes its time to start
srv = socket.socket(); srv.bind(("0.0.0.0", int(sys.argv[1]))); srv.listen()
conn, _ = srv.accept()
buf = b""
while data := conn.recv(65536):
    buf += data
    while b"\nEOT\n" in buf:
        _, buf = buf.split(b"\nEOT\n", 1)
        conn.sendall(b"OK\nREADY\n")
"""


def start_relay(parent: int, mode: str = "auto") -> tuple[subprocess.Popen[bytes], socket.socket]:
    ours, theirs = socket.socketpair()
    relay = subprocess.Popen([sys.executable, "-I", str(RELAY), str(parent), mode, "30",
                              sys.executable, "-c", STAND_IN, "{port}"], stdin=theirs.fileno())
    theirs.close()
    return relay, ours


def ask(sock: socket.socket) -> bytes:
    sock.sendall(b"Een zin.\nEOT\n")
    buf = b""
    while not buf.endswith(b"READY\n"):
        buf += sock.recv(100)
    return buf


def gone(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


def test_relay_carries_the_exchange_and_hides_the_port():
    relay, sock = start_relay(os.getpid())
    try:
        sock.settimeout(30)
        first = sock.recv(1)
        assert first in (b"+", b"-")
        assert ask(sock) == b"OK\nREADY\n" and ask(sock) == b"OK\nREADY\n"
        server = descendants(relay.pid)
        assert server
        ours = {**listening_inodes(Path("/proc/self/net/tcp")), **listening_inodes(Path("/proc/self/net/tcp6"))}
        listening = set().union(*(socket_inodes(p) for p in server)) & set(
            listening_inodes(Path(f"/proc/{server[0]}/net/tcp")))
        assert listening, "the stand-in does not listen"
        if first == b"+":  # a private namespace: its port is not in this machine's table
            assert not listening & set(ours)
        else:  # no namespaces on this kernel: the port is open, as the docs say
            assert listening & set(ours)
    finally:
        sock.close()
    assert relay.wait(timeout=10) == 0  # kroniek's end closed: the relay ends ...
    deadline = time.monotonic() + 5
    while not all(gone(p) for p in server) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert all(gone(p) for p in server)  # ... and takes the server along


@pytest.mark.parametrize("start_up", [0, 60], ids=["running", "while-starting"])
def test_relay_and_server_die_with_a_sigkilled_parent(start_up):
    # A parent that starts the relay, says its pid, and is then killed with SIGKILL:
    # once the server runs, and while it is still starting (Frog takes up to a minute).
    parent = subprocess.Popen([sys.executable, "-c", f"""
import socket, subprocess, sys, os, time
ours, theirs = socket.socketpair()
relay = subprocess.Popen([sys.executable, "-I", {str(RELAY)!r}, str(os.getpid()), "auto", "120",
                          sys.executable, "-c", {STAND_IN!r}, "{{port}}", "{start_up}"], stdin=theirs.fileno())
if not {start_up}:
    ours.recv(1)
print(relay.pid, flush=True)
time.sleep(600)
"""], stdout=subprocess.PIPE)
    relay_pid = int(parent.stdout.readline())
    deadline = time.monotonic() + 10
    while not (server := descendants(relay_pid)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 5
    while not all(gone(p) for p in [relay_pid, *server]) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert all(gone(p) for p in [relay_pid, *server]), "the relay or its server outlived kroniek"


def test_namespace_mode_refuses_when_the_kernel_refuses():
    # Simulated: an unshare that always fails. "namespace" must not fall back.
    code = f"""
import runpy, sys, ctypes
sys.argv = [{str(RELAY)!r}, "1", "namespace", "5", "true"]
mod = runpy.run_path({str(RELAY)!r}, run_name="relay")
mod["_libc"].unshare = lambda flags: -1
import os
mod["os"].getppid = lambda: 1
sys.exit(mod["main"](sys.argv[1:]))
"""
    ours, theirs = socket.socketpair()
    with ours:
        r = subprocess.run([sys.executable, "-c", code], stdin=theirs.fileno(), capture_output=True, timeout=30)
        theirs.close()
    assert r.returncode == 3 and b"cannot create the namespaces" in r.stderr
