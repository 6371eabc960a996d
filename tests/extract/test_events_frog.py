"""Events from sentences written for kroniek, parsed by the real Frog (tests/extract/data/events_nl.tsv)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kroniek.model import Article
from kroniek.pipeline import Pipeline

pytestmark = pytest.mark.frog

CASES = Path(__file__).parent / "data" / "events_nl.tsv"
_EXPECTED = re.compile(r"^(?P<type>[A-Z]+) (?P<src>.+?)>(?P<tgt>.+?) (?P<mod>asserted|planned|hypothetical|negated)"
                       r"(?: date:(?P<date>\S+))?(?: by:(?P<by>.+))?$")


def cases():
    for n, line in enumerate(CASES.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        dct, sentence, expected = line.split("\t")
        yield pytest.param(dct, sentence, expected, id=f"line{n}")


def _mentions(doc, entity_id):
    if entity_id is None:
        return ["?"]
    ent = next(e for e in doc.entities if e.id == entity_id)
    return [m.text for m in ent.mentions] + [ent.name]


def _fits(doc, event, spec) -> bool:
    m = _EXPECTED.match(spec)
    assert m, f"bad expectation {spec!r}"
    if event.type != m["type"] or event.modality != m["mod"]:
        return False
    for role, want in ((event.source, m["src"]), (event.target, m["tgt"])):
        names = _mentions(doc, role)
        if not any(want == n or (want != "?" and want in n) for n in names):
            return False
    if m["by"] is not None and not any(m["by"] in n for n in _mentions(doc, event.reported_by)):
        return False
    return m["date"] is None or event.date == m["date"]


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def test_the_case_file_covers_every_plover_type():
    from kroniek.model import EVENT_TYPES

    covered = {_EXPECTED.match(spec)["type"] for case in cases() for spec in case.values[2].split(" ; ")
               if spec != "-"}
    assert set(EVENT_TYPES) <= covered, set(EVENT_TYPES) - covered


@pytest.mark.parametrize("dct, sentence, expected", list(cases()))
def test_sentence(frog, pipeline, dct, sentence, expected):
    doc = pipeline.annotate(Article(id="t", text=sentence, date=dct), frog)
    assert doc.bad_spans() == []
    wanted = [] if expected == "-" else expected.split(" ; ")
    got = list(doc.events)
    described = [f"{v.type} {_mentions(doc, v.source)[0]}>{_mentions(doc, v.target)[0]} {v.modality} {v.date}"
                 for v in got]
    for spec in wanted:
        assert any(_fits(doc, v, spec) for v in got), f"missing {spec!r}; got {described}"
    assert len(got) == len(wanted), f"expected {wanted}, got {described}"
