"""Frog behind a small client class: start, stop, health check, timeouts, restart.

Each :class:`FrogParser` owns one long-lived ``frog -S PORT`` process, reachable by
kroniek alone (through :mod:`.frog_relay`), and one open connection to it (a new
connection per document is 15× slower;
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
import sys
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
RELAY = Path(__file__).with_name("frog_relay.py")
WORKDIR_PREFIX = "kroniek-frog-"
_READY = b"READY"

_live: weakref.WeakSet[FrogServer] = weakref.WeakSet()


@atexit.register
def _stop_all() -> None:
    # Frog processes take ~2 GB each; never leave them behind when Python exits.
    for server in list(_live):
        server.stop()


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
    """One Frog process in server mode, reached through a socket pair to its relay.

    Frog's ``-S PORT`` listens on every interface, so kroniek starts Frog through
    :mod:`kroniek.nlp.frog_relay`: in private namespaces where the port is unreachable
    from outside, and tied to kroniek's life (see docs/RELIABILITY.md).
    """

    def __init__(self, config: FrogConfig) -> None:
        self.config = config
        self.process: subprocess.Popen[bytes] | None = None
        # True when Frog's port is in a private network namespace; None before it is up.
        self.isolated: bool | None = None
        self._channel: socket.socket | None = None
        self._stderr: collections.deque[str] = collections.deque(maxlen=40)
        self._workdir: tempfile.TemporaryDirectory[str] | None = None

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stderr_tail(self, lines: int = 5) -> str:
        return " | ".join(list(self._stderr)[-lines:])

    def frog_command(self) -> list[str]:
        cmd = [find_frog(self.config), "-S", "{port}"]
        if self.config.frog_config:
            cmd += ["-c", self.config.frog_config]
        if self.config.skip:
            cmd.append(f"--skip={self.config.skip}")
        return cmd

    def launch(self) -> None:
        """Start the process (returns at once; :meth:`wait_ready` waits for Frog)."""
        cmd = self.frog_command()
        sweep_orphans()
        mode = self.config.isolation  # auto, namespace or none: the relay's own words
        env = dict(os.environ, OMP_NUM_THREADS=str(self.config.omp_threads), OMP_WAIT_POLICY="PASSIVE")
        self._stderr.clear()
        self.isolated = None
        # Frog writes frog.*.debug files into its working folder: give it its own. The
        # folder's name holds kroniek's pid, which is how sweep_orphans knows its owner.
        self._workdir = tempfile.TemporaryDirectory(prefix=f"{WORKDIR_PREFIX}{os.getpid()}-")
        ours, theirs = socket.socketpair()
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-I", str(RELAY), str(os.getpid()), mode, str(self.config.start_timeout), *cmd],
                stdin=theirs.fileno(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
                start_new_session=True, cwd=self._workdir.name)
        finally:
            theirs.close()
        self._channel = ours
        _live.add(self)
        threading.Thread(target=self._drain, args=(self.process,), daemon=True,
                         name=f"frog-stderr-{self.process.pid}").start()

    def _drain(self, process: subprocess.Popen[bytes]) -> None:
        # Frog logs a line per request; keep only the tail for error messages.
        assert process.stderr is not None
        try:
            for line in iter(process.stderr.readline, b""):
                self._stderr.append(line.decode("utf-8", "replace").rstrip())
        except (ValueError, OSError):
            pass  # stop() closed the pipe while a read was under way: nothing more to keep

    def wait_ready(self) -> socket.socket:
        """Wait until Frog accepts work; return the connection to it.

        The relay keeps one connection to Frog open for good: Frog forks a worker per
        connection, and a worker whose client hangs up keeps a core busy for seconds.
        """
        assert self._channel is not None
        channel = self._channel
        if self.isolated is not None:
            return channel  # already up (start() called twice)
        deadline = time.monotonic() + self.config.start_timeout + 5
        while time.monotonic() < deadline:
            channel.settimeout(0.25)
            try:
                first = channel.recv(1)
            except TimeoutError:
                if not self.alive():
                    break
                continue
            except OSError:
                break
            if first in (b"+", b"-"):
                self.isolated = first == b"+"
                channel.settimeout(None)
                return channel
            break
        if self.process is not None and (code := self.process.poll()) is not None:
            time.sleep(0.1)  # let the stderr reader catch Frog's last words
            self.stop()
            raise ParserError(f"Frog exited while starting (code {code}): {self.stderr_tail()}",
                              code="E_PARSER_START")
        self.stop()
        raise ParserError(f"Frog did not accept connections within {self.config.start_timeout:.0f} s",
                          code="E_PARSER_START")

    def stop(self) -> None:
        process, self.process = self.process, None
        _live.discard(self)
        if self._channel is not None:
            self._channel.close()
            self._channel = None
        if process is None:
            return
        # Frog keeps nothing worth flushing, and it lingers for seconds after SIGTERM;
        # kill the whole group (relay, Frog and the worker Frog forked per connection).
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        except PermissionError:
            process.kill()  # the group is not ours to signal: at least the relay goes
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            pass  # unkillable (a process in uninterruptible sleep): nothing more to do
        if process.stderr:
            process.stderr.close()
        if self._workdir is not None:
            self._workdir.cleanup()
            self._workdir = None


def sweep_orphans(proc: Path = Path("/proc")) -> list[int]:
    """Kill Frog servers (and their relays) left by a kroniek that no longer runs.

    Each runs in a folder named after the kroniek process that started it; a process
    whose owner is gone is an orphan (only possible if it was killed in the instant
    between starting the relay and the relay's first look at its parent). Returns the
    pids killed.
    """
    killed: list[int] = []
    me = os.getuid()
    for entry in proc.iterdir() if proc.is_dir() else ():
        if not entry.name.isdigit():
            continue
        try:
            if entry.stat().st_uid != me:
                continue
            folder = os.readlink(entry / "cwd")
        except OSError:
            continue
        owner = _workdir_owner(folder)
        if owner is None or _pid_alive(owner):
            continue
        try:
            os.kill(int(entry.name), signal.SIGKILL)
            killed.append(int(entry.name))
        except OSError:
            pass
    return killed


def _workdir_owner(folder: str) -> int | None:
    name = os.path.basename(folder.removesuffix(" (deleted)"))
    if not name.startswith(WORKDIR_PREFIX):
        return None
    pid = name[len(WORKDIR_PREFIX):].split("-", 1)[0]
    return int(pid) if pid.isdigit() else None


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


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
