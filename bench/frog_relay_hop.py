"""What the relay between kroniek and Frog costs per document (issue 13).

Frog is reached through ``kroniek/nlp/frog_relay.py`` (for a private network namespace
and for dying with kroniek). This measures the extra hop alone: a stand-in server
(``frog -S`` is far too slow to show it) answers each text with an answer of Frog's
size (about 12 bytes of Frog output per character of text), once over a direct TCP
connection and once through the relay, and prints the milliseconds per exchange of
each, best of R runs of N exchanges.

    python bench/frog_relay_hop.py [--chars 2500] [--n 300] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

RELAY = Path(__file__).resolve().parent.parent / "src" / "kroniek" / "nlp" / "frog_relay.py"

# The stand-in server: reads until a line EOT, answers ANSWER bytes then READY.
SERVER = r"""
import socket, sys
port, size = int(sys.argv[1]), int(sys.argv[2])
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("0.0.0.0", port)); srv.listen()
conn, _ = srv.accept()
answer = (b"x" * 79 + b"\n") * (size // 80) + b"READY\n"
buf = b""
while True:
    data = conn.recv(1 << 16)
    if not data:
        break
    buf += data
    while b"\nEOT\n" in buf:
        _, buf = buf.split(b"\nEOT\n", 1)
        conn.sendall(answer)
"""


def exchange(sock: socket.socket, payload: bytes) -> None:
    sock.sendall(payload)
    buf = b""
    while not buf.endswith(b"READY\n"):
        buf += sock.recv(1 << 16)


def timed(sock: socket.socket, payload: bytes, n: int, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for _ in range(n):
            exchange(sock, payload)
        best = min(best, (time.perf_counter() - started) / n)
    return best * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", type=int, default=2500)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    payload = b"w" * args.chars + b"\nEOT\n"
    size = 12 * args.chars

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-c", SERVER, str(port), str(size)])
    for _ in range(100):
        try:
            direct = socket.create_connection(("127.0.0.1", port))
            break
        except OSError:
            time.sleep(0.05)
    direct.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    ms_direct = timed(direct, payload, args.n, args.repeat)
    direct.close()
    server.kill()

    ours, theirs = socket.socketpair()
    relay = subprocess.Popen([sys.executable, "-I", str(RELAY), str(os.getpid()), "auto", "30",
                              sys.executable, "-c", SERVER, "{port}", str(size)], stdin=theirs.fileno())
    theirs.close()
    isolated = ours.recv(1) == b"+"
    ms_relay = timed(ours, payload, args.n, args.repeat)
    ours.close()
    relay.wait(timeout=10)
    print(f"text {args.chars} characters, answer {size} bytes, {args.n} exchanges, best of {args.repeat}")
    print(f"direct TCP        {ms_direct:.3f} ms per exchange")
    print(f"through the relay {ms_relay:.3f} ms per exchange  (namespace: {'yes' if isolated else 'no'})")
    print(f"relay adds        {ms_relay - ms_direct:.3f} ms per document")


if __name__ == "__main__":
    main()
