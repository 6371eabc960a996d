"""Frog behind a small client class: start, stop, health check, timeouts, restart.

Each :class:`FrogParser` owns one long-lived ``frog -S PORT`` process on the loopback
interface and one open connection to it (a new connection per document is 15× slower;
one process per worker scales over cores when OpenMP is held to one thread). When the
process dies, closes the connection or does not answer within the document's timeout,
the parser kills it, starts a fresh one and retries the document, so a batch goes on.

This module is the only place in kroniek that knows Frog.
"""

from __future__ import annotations

import atexit
import collections
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import weakref
from pathlib import Path

from ..config import FrogConfig
from ..errors import ParserCrashed, ParserError, ParserTimeout, ParserUnavailable
from ..model import ParsedDoc
from .frog_install import DEFAULT_FROG_CONFIG, install_hint, missing_frog_files
from .frog_output import build_parsed_doc, wire_text

DEBIAN_HINT = f"install the Debian packages 'frog', 'frogdata' and 'uctodata' ({install_hint()})"
_READY = b"READY"

_live: weakref.WeakSet[FrogServer] = weakref.WeakSet()


@atexit.register
def _stop_all() -> None:
    # Frog processes take ~2 GB each; never leave them behind when Python exits.
    for server in list(_live):
        server.stop()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def find_frog(config: FrogConfig) -> str:
    """Path of the frog program, or ParserUnavailable naming the Debian packages."""
    binary = shutil.which(config.binary)
    if binary is None:
        raise ParserUnavailable(f"Frog is not installed (no {config.binary!r} on PATH): {DEBIAN_HINT}")
    cfg = Path(config.frog_config) if config.frog_config else DEFAULT_FROG_CONFIG
    if not cfg.exists():
        raise ParserUnavailable(f"Frog's data is missing ({cfg} does not exist): {DEBIAN_HINT}")
    missing = missing_frog_files(cfg)
    if missing:
        # Frog would only say "Initialization failed for: [tokenizer]"; name the files.
        packages = sorted({f.package for f in missing})
        shown = ", ".join(str(f.path) for f in missing[:3]) + (f" and {len(missing) - 3} more" if len(missing) > 3 else "")
        raise ParserUnavailable(f"Frog's data is incomplete: {shown} missing (from the Debian package"
                                f"{'s' if len(packages) > 1 else ''} {', '.join(packages)}): {install_hint(packages)}")
    return binary


class FrogServer:
    """One Frog process in server mode on a free loopback port."""

    def __init__(self, config: FrogConfig) -> None:
        self.config = config
        self.port: int | None = None
        self.process: subprocess.Popen[bytes] | None = None
        self._stderr: collections.deque[str] = collections.deque(maxlen=40)
        self._workdir: tempfile.TemporaryDirectory[str] | None = None

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stderr_tail(self, lines: int = 5) -> str:
        return " | ".join(list(self._stderr)[-lines:])

    def launch(self) -> None:
        """Start the process (returns at once; :meth:`wait_ready` waits for its port)."""
        binary = find_frog(self.config)
        self.port = _free_port()
        cmd = [binary, "-S", str(self.port)]
        if self.config.frog_config:
            cmd += ["-c", self.config.frog_config]
        if self.config.skip:
            cmd.append(f"--skip={self.config.skip}")
        env = dict(os.environ, OMP_NUM_THREADS=str(self.config.omp_threads), OMP_WAIT_POLICY="PASSIVE")
        self._stderr.clear()
        # Frog writes frog.*.debug files into its working folder: give it its own.
        self._workdir = tempfile.TemporaryDirectory(prefix="kroniek-frog-")
        self.process = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE, env=env, start_new_session=True,
                                        cwd=self._workdir.name)
        _live.add(self)
        threading.Thread(target=self._drain, args=(self.process,), daemon=True,
                         name=f"frog-stderr-{self.process.pid}").start()

    def _drain(self, process: subprocess.Popen[bytes]) -> None:
        # Frog logs a line per request; keep only the tail for error messages.
        assert process.stderr is not None
        for line in iter(process.stderr.readline, b""):
            self._stderr.append(line.decode("utf-8", "replace").rstrip())

    def wait_ready(self) -> socket.socket:
        """Wait until the server accepts a connection; return that connection.

        The probe connection is kept: Frog forks a worker per connection, and a worker
        whose client hangs up keeps a core busy for seconds before it notices.
        """
        deadline = time.monotonic() + self.config.start_timeout
        while time.monotonic() < deadline:
            if not self.alive():
                raise ParserError(f"Frog exited while starting (code {self.process.returncode if self.process else '?'}): "
                                  f"{self.stderr_tail()}", code="E_PARSER_START")
            try:
                return self.connect()
            except OSError:
                time.sleep(0.25)
        self.stop()
        raise ParserError(f"Frog did not accept connections within {self.config.start_timeout:.0f} s",
                          code="E_PARSER_START")

    def connect(self) -> socket.socket:
        assert self.port is not None
        sock = socket.create_connection(("127.0.0.1", self.port), timeout=1.0)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock

    def stop(self) -> None:
        process, self.process = self.process, None
        _live.discard(self)
        if process is None:
            return
        # Frog keeps nothing worth flushing, and it lingers for seconds after SIGTERM;
        # kill the whole group (the server and the worker it forked per connection).
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        except PermissionError:
            process.kill()  # the group is not ours to signal: at least the server goes
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            pass  # unkillable (a process in uninterruptible sleep): nothing more to do
        if process.stderr:
            process.stderr.close()
        if self._workdir is not None:
            self._workdir.cleanup()
            self._workdir = None


class FrogParser:
    """The Frog backend of the :class:`~kroniek.nlp.Parser` protocol."""

    name = "frog"

    def __init__(self, config: FrogConfig | None = None) -> None:
        self.config = config or FrogConfig()
        self.server = FrogServer(self.config)
        # What decides the parse, for caches: Frog's configuration and skipped modules.
        self.cache_identity = f"frog:{self.config.frog_config or DEFAULT_FROG_CONFIG}:skip={self.config.skip or ''}"
        self._sock: socket.socket | None = None
        self._buffer = b""
        self.restarts = 0
        self.documents = 0

    # -- lifecycle -------------------------------------------------------------------

    def launch(self) -> None:
        """Start the process without waiting (lets a pool start several at once)."""
        if not self.server.alive():
            self.server.launch()

    def start(self) -> FrogParser:
        self.launch()
        self._sock = self.server.wait_ready()
        self._buffer = b""
        return self

    def close(self) -> None:
        if self._sock is not None:
            try:
                self._sock.close()
            except OSError:
                pass
            self._sock = None
        self.server.stop()

    def restart(self) -> None:
        self.restarts += 1
        self.close()
        self.start()

    def __enter__(self) -> FrogParser:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def pid(self) -> int | None:
        return self.server.pid

    def health(self, timeout: float = 30.0) -> bool:
        """True when the process answers a one-sentence parse in time."""
        try:
            doc = self._parse_once("Dit is een test.", timeout)
        except ParserError:
            return False
        return len(doc.tokens) == 5

    # -- parsing ---------------------------------------------------------------------

    def timeout_for(self, text: str) -> float:
        return self.config.doc_timeout + self.config.doc_timeout_per_kchar * len(text) / 1000

    def parse(self, text: str) -> ParsedDoc:
        """Parse one text; on a crash or hang restart Frog and retry (``config.retries`` times)."""
        last: ParserError | None = None
        for _attempt in range(self.config.retries + 1):
            if self._sock is not None and not self.server.alive():
                self.close()  # died between documents
                self.restarts += 1
            if self._sock is None:
                self.start()
            try:
                doc = self._parse_once(text, self.timeout_for(text))
                self.documents += 1
                return doc
            except (ParserTimeout, ParserCrashed) as exc:
                last = exc
                self.close()  # the next attempt (or document) gets a fresh process
                self.restarts += 1
        assert last is not None
        raise type(last)(f"{last.message} (after {self.config.retries + 1} attempts)", code=last.code)

    def _parse_once(self, text: str, timeout: float) -> ParsedDoc:
        if self._sock is None:
            self.start()
        wire = wire_text(text)
        raw = self._exchange(wire.text.encode("utf-8") + b"\nEOT\n", timeout)
        try:
            return build_parsed_doc(text, wire, raw.decode("utf-8", "replace"), parser=self.name)
        except ParserError:
            raise
        except Exception as exc:
            # An answer kroniek cannot map back onto the text (a bug in the alignment,
            # or output of another Frog version): this document fails, the batch goes on.
            raise ParserError(f"Frog's answer could not be read: {type(exc).__name__}: {exc}",
                              code="E_PARSER_OUTPUT") from exc

    def _exchange(self, payload: bytes, timeout: float) -> bytes:
        sock = self._sock
        assert sock is not None
        deadline = time.monotonic() + timeout
        try:
            sock.settimeout(timeout)
            sock.sendall(payload)
            buf = self._buffer
            while True:
                end = _find_ready(buf)
                if end is not None:
                    answer, self._buffer = buf[:end], buf[end:]
                    return answer
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError
                sock.settimeout(remaining)
                chunk = sock.recv(1 << 16)
                if not chunk:
                    raise ConnectionResetError("Frog closed the connection")
                buf += chunk
        except TimeoutError:
            raise ParserTimeout(f"Frog (pid {self.pid}) gave no answer within {timeout:.0f} s") from None
        except OSError as exc:
            tail = self.server.stderr_tail(2)
            raise ParserCrashed(f"Frog (pid {self.pid}) failed: {exc}" + (f"; {tail}" if tail else "")) from None


def _find_ready(buf: bytes) -> int | None:
    """Index just past the ``READY`` line that ends an answer, or None if it has not come yet."""
    if buf.startswith(_READY + b"\n"):
        return len(_READY) + 1
    i = buf.find(b"\n" + _READY + b"\n")
    return None if i < 0 else i + len(_READY) + 2
