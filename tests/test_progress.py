"""The ingest ETA is sane from the first documents: by characters, start-up excluded."""

from __future__ import annotations

from kroniek.progress import Eta, format_eta


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_frog_start_up_does_not_inflate_the_eta():
    # The run: 80 articles, the first waits 40 s for Frog, then 0.2 s each
    # (a run of ~56 s). Seconds per document so far would say 79 × 40 s at 1/80.
    clock = Clock()
    eta = Eta(80, clock)
    clock.now = 40.0
    eta.update(1, 2000)
    assert eta.seconds_left() is None  # nothing measured yet: no made-up figure
    truth = []
    for n in range(2, 81):
        clock.now += 0.2
        eta.update(1, 2000)
        truth.append((80 - n) * 0.2)
        if n >= 4:
            assert abs(eta.seconds_left() - truth[-1]) <= 0.25 * truth[-1] + 0.5, (n, eta.seconds_left())
    assert eta.seconds_left() == 0.0


def test_eta_goes_by_characters_not_documents():
    # Short and long articles alternate; time is proportional to length. After a
    # run of short ones a document count would promise far too little.
    clock = Clock()
    eta = Eta(40, clock)
    lengths = [500] * 10 + [5000] * 30
    eta.update(1, lengths[0])
    for n, chars in enumerate(lengths[1:20], 2):
        clock.now += chars / 1000  # 1,000 characters a second
        eta.update(1, chars)
    left = sum(lengths[20:]) / 1000
    # By characters seen so far (mean ~2,600 a document) it is in the right range;
    # by documents (0.5 s each for the first ten) it would be 10 s.
    assert 0.5 * left <= eta.seconds_left() <= 1.5 * left


def test_skipped_documents_cost_nothing():
    clock = Clock()
    eta = Eta(20, clock)
    for _ in range(10):
        eta.update(1, 3000, free=True)  # already stored: skipped at once
    assert eta.seconds_left() is None
    eta.update(1, 1000)
    clock.now += 1.0
    eta.update(1, 1000)
    assert abs(eta.seconds_left() - 8.0) < 0.01  # 8 left at 1,000 characters a second


def test_unknown_total_and_the_format():
    assert Eta(None).seconds_left() is None
    assert format_eta(None) == "ETA --:--"
    assert format_eta(42.4) == "ETA 00:42"
    assert format_eta(3725) == "ETA 1:02:05"


def test_progress_bar_line_shows_the_character_eta():
    from kroniek.cli.base import ProgressBar

    clock = Clock()
    bar = ProgressBar(80, "ingesting", clock=clock)
    with bar as update:
        clock.now = 40.0
        update(1, 2000)
        assert bar.line().endswith("1/80  ETA --:--")
        clock.now = 41.0
        update(1, 2000)
        assert bar.line().endswith("2/80  ETA 01:18")
