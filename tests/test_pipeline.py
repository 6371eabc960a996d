import pytest

from kroniek.errors import PipelineError
from kroniek.model import Document, Reject
from kroniek.nlp.pool import ParserPool
from kroniek.pipeline import Pipeline, annotate_stream

from .helpers import ToyParser, article


class Needs:
    name = "needs-times"
    requires = ("parse", "times")
    provides = ("events",)

    def __call__(self, work):
        return {"events": ()}


class Boom:
    name = "boom"
    requires = ("parse",)
    provides = ("quotes",)

    def __call__(self, work):
        if "boem" in work.article.text:
            raise ZeroDivisionError("kapot")
        return {"quotes": ()}


class Liar:
    name = "liar"
    requires = ("parse",)
    provides = ("quotes",)

    def __call__(self, work):
        return {"events": ()}


def test_step_order_is_checked_when_built():
    with pytest.raises(PipelineError, match="requires times"):
        Pipeline([Needs()])


def test_undeclared_annotations_are_refused():
    doc = Pipeline([Liar()]).annotate_item(article("Tekst."), ToyParser().parse("Tekst."))
    assert isinstance(doc, Reject) and doc.code == "E_PIPELINE_ORDER"


def test_annotate_builds_a_document():
    parser = ToyParser(ner={"Sergej Lavrov": "PER", "Lavrov": "PER"}).start()
    doc = Pipeline().annotate(article("Sergej Lavrov reist. Lavrov zwijgt."), parser)
    # Linked entities carry the knowledge base's canonical name (SCHEMA.md).
    assert isinstance(doc, Document) and [e.name for e in doc.entities] == ["Sergey Lavrov"]
    assert doc.date == "2018-05" and doc.bad_spans() == []


def test_stream_keeps_order_passes_rejects_and_survives_failures():
    items = [article("Een.", id="1"), Reject("x", "E_INPUT_JSON", "kapot", "f:2"),
             article("Twee faalt.", id="2"), article("Drie boem.", id="3"), article("Vier.", id="4")]
    pool = ParserPool(lambda: ToyParser(fail_on="faalt"), size=2)
    with pool:
        out = list(annotate_stream(items, pool, Pipeline([Boom()])))
    assert [(o.id, type(o).__name__) for o in out] == [
        ("1", "Document"), ("x", "Reject"), ("2", "Reject"), ("3", "Reject"), ("4", "Document")]
    assert out[2].code == "E_PARSER_CRASH" and out[3].code == "E_EXTRACT" and "kapot" in out[3].message


def test_stream_uses_every_parser():
    pool = ParserPool(lambda: ToyParser(), size=3)
    with pool:
        list(annotate_stream((article(f"Tekst {n}.", id=str(n)) for n in range(30)), pool))
        assert sum(p.calls for p in pool.parsers) == 30
