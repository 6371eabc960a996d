"""How long a batch has left to run: an estimate by characters, not by documents.

A batch's first document waits for Frog to start (tens of seconds) and documents differ
in length a hundredfold, so "seconds per document so far × documents left" is wildly
wrong at the start (an ETA of 14 minutes at 1/80 for a run of 42 s). :class:`Eta` starts
its clock when the first document is done, measures throughput in characters per
second from then on (a running average, which smooths the bursts several workers give),
and counts documents skipped as already stored as free.

Pure computation with an injectable clock; the CLI's progress bar draws it.
"""

from __future__ import annotations

import time
from collections.abc import Callable


class Eta:
    """Seconds left for ``total`` items, from what :meth:`update` has been told."""

    # Below this much measured time the rate is noise (two workers finishing together).
    MIN_SECONDS = 0.5

    def __init__(self, total: int | None, clock: Callable[[], float] = time.monotonic) -> None:
        self.total = total
        self.clock = clock
        self.items = 0
        self._worked_items = 0
        self._worked_chars = 0
        self._start: float | None = None
        self._chars_since_start = 0

    def update(self, items: int = 1, chars: int = 0, free: bool = False) -> None:
        """``items`` more done, holding ``chars`` characters; ``free``: skipped, no work."""
        self.items += items
        if free:
            return
        self._worked_items += items
        self._worked_chars += chars
        if self._start is None:
            self._start = self.clock()  # start-up (and the first document) lie behind us
        else:
            self._chars_since_start += max(chars, 1)

    def seconds_left(self) -> float | None:
        """The estimate, or None while there is too little to go on (or no total)."""
        if self.total is None or self._start is None:
            return None
        left = max(self.total - self.items, 0)
        if left == 0:
            return 0.0
        elapsed = self.clock() - self._start
        if elapsed < self.MIN_SECONDS or self._chars_since_start == 0:
            return None
        rate = self._chars_since_start / elapsed
        chars_per_item = max(self._worked_chars / self._worked_items, 1.0)
        return left * chars_per_item / rate


def format_eta(seconds: float | None) -> str:
    if seconds is None:
        return "ETA --:--"
    s = int(round(seconds))
    h, rest = divmod(s, 3600)
    return f"ETA {h}:{rest // 60:02d}:{rest % 60:02d}" if h else f"ETA {rest // 60:02d}:{rest % 60:02d}"
