"""Runs one ``frog -S`` server where only kroniek can reach it, and dies with kroniek.

Frog's server mode listens on every network interface (``frog -S PORT`` takes no
address). kroniek therefore never talks to that port itself: it starts this script as a
small standalone program (stdlib only, no ``import kroniek``) with one end of a socket
pair as its standard input, and the script

1. moves itself into new user, network and PID namespaces (unprivileged Linux
   namespaces), so Frog's port lives on a private loopback interface no other program
   can reach, and Frog runs as PID 1 of its own PID namespace: when it dies, every
   worker it forked dies with it;
2. starts Frog with ``PR_SET_PDEATHSIG`` = SIGKILL, so Frog dies when this script dies,
   however it dies;
3. copies bytes between the socket pair and Frog's port, and exits as soon as kroniek's
   end closes (the kernel closes it when kroniek dies, even by SIGKILL) or its parent
   changes (a second watch, should the socket pair leak elsewhere).

When the kernel refuses unprivileged namespaces (``--isolation auto``), Frog runs in
the ordinary namespaces instead: it still dies with kroniek, but its port is open on
every interface; the first byte of the answer tells kroniek which case it got.

Usage: ``frog_relay.py PARENT_PID auto|namespace|none START_TIMEOUT FROG_ARGV... {port}...``;
``{port}`` in the arguments is replaced by the port Frog is to listen on.
"""

from __future__ import annotations

import ctypes
import fcntl
import os
import select
import signal
import socket
import struct
import subprocess
import sys
import time

PR_SET_PDEATHSIG = 1
CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000
CLONE_NEWPID = 0x20000000
SIOCGIFFLAGS = 0x8913
SIOCSIFFLAGS = 0x8914
IFF_UP = 0x1

ISOLATED = b"+"
NOT_ISOLATED = b"-"
EXIT_NO_NAMESPACE = 3
EXIT_FROG_GONE = 4

_libc = ctypes.CDLL(None, use_errno=True)


def _write(path: str, text: str) -> None:
    with open(path, "w") as f:
        f.write(text)


def isolate() -> bool:
    """Enter new user, network and PID namespaces with the loopback interface up."""
    uid, gid = os.getuid(), os.getgid()
    # Without a PID namespace Frog still dies with this script (PDEATHSIG); only its
    # per-connection worker then waits to see the connection close.
    if (_libc.unshare(CLONE_NEWUSER | CLONE_NEWNET | CLONE_NEWPID) != 0
            and _libc.unshare(CLONE_NEWUSER | CLONE_NEWNET) != 0):
        return False
    # Map our own user to root inside the namespace: that grants CAP_NET_ADMIN there
    # (to bring the loopback interface up) and nothing outside it.
    _write("/proc/self/setgroups", "deny")
    _write("/proc/self/uid_map", f"0 {uid} 1")
    _write("/proc/self/gid_map", f"0 {gid} 1")
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        request = struct.pack("16sH", b"lo", 0) + bytes(22)
        flags = struct.unpack("16sH", fcntl.ioctl(s, SIOCGIFFLAGS, request)[:18])[1]
        fcntl.ioctl(s, SIOCSIFFLAGS, struct.pack("16sH", b"lo", flags | IFF_UP) + bytes(22))
    return True


def _die_with_parent() -> None:
    # Runs in the Frog child between fork and exec: SIGKILL it when this script dies.
    _libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def kroniek_gone(channel: socket.socket, parent: int) -> bool:
    """True when kroniek has died or closed its end (Frog's start takes up to minutes)."""
    if os.getppid() != parent:
        return True
    readable, _, _ = select.select([channel], [], [], 0)
    if not readable:
        return False
    try:
        return channel.recv(1, socket.MSG_PEEK) == b""
    except OSError:
        return True


def relay(channel: socket.socket, conn: socket.socket, parent: int, frog: subprocess.Popen[bytes]) -> None:
    """Copy bytes both ways until either side closes, kroniek is gone or Frog dies.

    One thread with select, not a thread per direction: a process that has entered a
    new PID namespace may not start threads.
    """
    peer = {channel: conn, conn: channel}
    while True:
        readable, _, _ = select.select([channel, conn], [], [], 0.5)
        for source in readable:
            try:
                data = source.recv(1 << 16)
                if not data:
                    return
                peer[source].sendall(data)
            except OSError:
                return
        if os.getppid() != parent or frog.poll() is not None:
            return


def main(argv: list[str]) -> int:
    parent, mode, start_timeout, frog_argv = int(argv[0]), argv[1], float(argv[2]), argv[3:]
    if os.getppid() != parent:
        return 1  # kroniek died before we got going
    channel = socket.socket(fileno=os.dup(0))
    isolated = isolate() if mode != "none" else False
    if not isolated and mode == "namespace":
        err = ctypes.get_errno()
        sys.stderr.write(f"cannot create the namespaces Frog is to run in: {os.strerror(err)}\n")
        return EXIT_NO_NAMESPACE
    port = _free_port()
    frog = subprocess.Popen([a.replace("{port}", str(port)) for a in frog_argv], stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, preexec_fn=_die_with_parent)
    deadline = time.monotonic() + start_timeout
    while True:
        if frog.poll() is not None:
            return EXIT_FROG_GONE
        if kroniek_gone(channel, parent):
            return 0  # killed while Frog was starting: do not wait for it
        try:
            conn = socket.create_connection(("127.0.0.1", port), timeout=1.0)
            break
        except OSError:
            if time.monotonic() > deadline:
                return EXIT_FROG_GONE
            time.sleep(0.25)
    conn.settimeout(None)
    conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    channel.sendall(ISOLATED if isolated else NOT_ISOLATED)
    # Returning exits this script, which takes Frog along (PDEATHSIG); kroniek sees its
    # end close and starts a fresh server if it still wants one.
    relay(channel, conn, parent, frog)
    return 0


if __name__ == "__main__":
    code = main(sys.argv[1:])
    sys.stderr.flush()
    os._exit(code)
