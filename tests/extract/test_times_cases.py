"""The Dutch news cases of data/times_nl.tsv: each expression found at its exact offsets,
with its type, TIMEX3 value, weekday and mod.

The fast test recognizes the expression and normalizes it with the tense the case states;
the Frog test runs the whole step on Frog's parse, tense detection included.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from kroniek.extract.times import find_times
from kroniek.extract.timex import TimeTagger, normalize

from ..conftest import require_frog

CASES = Path(__file__).parent / "data" / "times_nl.tsv"
CLASSES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True)
class Case:
    line: int
    dct: str
    tense: str | None
    text: str
    start: int
    end: int
    type: str
    value: str
    weekday: int | None
    mod: str | None

    @property
    def id(self) -> str:
        return f"{self.line}:{self.text[self.start:self.end]}"


def load_cases() -> list[Case]:
    cases = []
    for lineno, line in enumerate(CASES.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        dct, tense, marked, typ, value, weekday, mod = line.split("\t")
        start, end = marked.index("["), marked.index("]") - 1
        text = marked.replace("[", "", 1).replace("]", "", 1)
        cases.append(Case(lineno, dct, None if tense == "none" else tense, text, start, end, typ, value,
                          None if weekday == "-" else int(weekday), None if mod == "-" else mod))
    return cases


ALL = load_cases()


@pytest.fixture(scope="module")
def tagger():
    return TimeTagger()


def test_the_case_file_is_big_and_covers_every_class_and_precision():
    assert len(ALL) >= 150
    assert {c.type for c in ALL} == set(CLASSES)
    assert {len(c.dct) for c in ALL} >= {4, 7, 10}
    assert sum(len(c.dct) == 7 for c in ALL) >= 20
    values = [c.value for c in ALL]
    for needed in ("PRESENT_REF", "PAST_REF", "FUTURE_REF", "2019-03-XX"):
        assert needed in values
    assert any(c.mod for c in ALL) and any(c.weekday for c in ALL)


@pytest.mark.parametrize("case", ALL, ids=lambda c: c.id)
def test_case_recognized_and_normalized(case, tagger):
    found = [m for m in tagger.recognize(case.text) if (m.start, m.end) == (case.start, case.end)]
    assert found, [m.text for m in tagger.recognize(case.text)]
    (m,) = found
    assert case.text[m.start:m.end] == m.text
    timex = normalize(m.expression, case.dct, case.tense)
    assert (timex.type, timex.value, timex.weekday, timex.mod) == (case.type, case.value, case.weekday, case.mod)


@pytest.fixture(scope="module")
def frog_times(frog, tagger):
    """Times of every case through Frog: the cases of one DCT parsed together as paragraphs
    (one parse per DCT keeps the test quick), each case's span shifted by its paragraph's offset."""
    require_frog()
    by_dct: dict[str, list[Case]] = {}
    for case in ALL:
        by_dct.setdefault(case.dct, []).append(case)
    found = {}
    for dct, cases in by_dct.items():
        offsets, pos = [], 0
        for case in cases:
            offsets.append(pos)
            pos += len(case.text) + 2
        text = "\n\n".join(c.text for c in cases)
        times = find_times(frog.parse(text), dct, tagger)
        for case, offset in zip(cases, offsets):
            assert text[offset:offset + len(case.text)] == case.text
            found[case.line] = (offset, [t for t in times if offset <= t.start < offset + len(case.text)], text)
    return found


@pytest.mark.frog
@pytest.mark.parametrize("case", ALL, ids=lambda c: c.id)
def test_case_through_frog(case, frog_times):
    offset, times, text = frog_times[case.line]
    found = [t for t in times if (t.start - offset, t.end - offset) == (case.start, case.end)]
    assert found, [(t.text, t.value) for t in times]
    (t,) = found
    assert text[t.start:t.end] == t.text == case.text[case.start:case.end]
    assert (t.type, t.value, t.weekday, t.mod) == (case.type, case.value, case.weekday, case.mod)
