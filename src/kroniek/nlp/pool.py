"""A fixed set of parsers shared by worker threads: one parser per worker."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

from . import Parser


class ParserPool:
    """``size`` parsers made by ``factory``, started together, lent one at a time.

    The parsers start on first use (or on :meth:`start`), so a job that finds nothing
    to parse (everything already stored) never pays for starting them.
    """

    def __init__(self, factory: Callable[[], Parser], size: int = 1) -> None:
        if size < 1:
            raise ValueError("a parser pool needs at least one parser")
        self.size = size
        self._factory = factory
        self.parsers: list[Parser] = []
        self._idle: queue.Queue[Parser] = queue.Queue()
        self._lock = threading.Lock()

    @property
    def started(self) -> bool:
        return bool(self.parsers)

    def start(self) -> ParserPool:
        with self._lock:
            if not self.parsers:
                self._start()
        return self

    def _start(self) -> None:
        parsers = [self._factory() for _ in range(self.size)]
        try:
            # Launch every process first (if the parser can), then wait for all:
            # start-up takes seconds each and overlaps.
            for p in parsers:
                launch = getattr(p, "launch", None)
                if launch:
                    launch()
            with ThreadPoolExecutor(self.size) as ex:
                list(ex.map(lambda p: p.start(), parsers))
        except BaseException:
            for p in parsers:
                p.close()
            raise
        for p in parsers:
            self._idle.put(p)
        self.parsers = parsers

    @contextmanager
    def lease(self) -> Iterator[Parser]:
        if not self.parsers:
            self.start()
        parser = self._idle.get()
        try:
            yield parser
        finally:
            self._idle.put(parser)

    def close(self) -> None:
        with self._lock:
            for p in self.parsers:
                p.close()
            self.parsers = []
            self._idle = queue.Queue()

    def __enter__(self) -> ParserPool:
        return self  # started on first use

    def __exit__(self, *exc: object) -> None:
        self.close()
