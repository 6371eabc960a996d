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


class Crooked:
    """A buggy step: its quote's offsets do not give its text."""

    name = "crooked"
    requires = ("parse",)
    provides = ("quotes",)

    def __call__(self, work):
        from kroniek.model import Quote

        return {"quotes": (Quote(id="q1", start=0, end=3, text="niet dit", kind="direct",
                                 speaker=None),)}


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


def test_a_document_with_bad_offsets_is_rejected_not_stored():
    doc = Pipeline([Crooked()]).annotate_item(article("Een tekst."), ToyParser().parse("Een tekst."))
    assert isinstance(doc, Reject) and doc.code == "E_EXTRACT"
    assert "text[0:3]='Een' != 'niet dit'" in doc.message


def test_user_knowledge_base_files_reach_the_steps(tmp_path):
    """The configuration's [kb] user_files reach every pipeline (ingest, Spark, eval)."""
    from kroniek.batch.annotate import AnnotatePartition
    from kroniek.config import Config, KbConfig

    mine = tmp_path / "mine.tsv"
    mine.write_text("id\tname\ttype\tcountry\tsector\taliases\n"
                    "WS_AA\tWaterschap Aa en Maas\tORG\tNLD\tGOV\tAa en Maas\n", encoding="utf-8")
    config = Config(kb=KbConfig(user_files=(str(mine),)))
    text = "Waterschap Aa en Maas versterkt de dijk."
    parser = ToyParser(ner={"Waterschap Aa en Maas": "ORG"}).start()
    doc = Pipeline(config=config).annotate(article(text), parser)
    assert [e.actor.kb_id for e in doc.entities if e.actor] == ["WS_AA"]
    rows = list(AnnotatePartition(lambda: ToyParser(ner={"Waterschap Aa en Maas": "ORG"}),
                                  config=config)([article(text)]))
    assert any('"WS_AA"' in row for table, _, row in rows if table == "entities")
    without = list(AnnotatePartition(lambda: ToyParser(ner={"Waterschap Aa en Maas": "ORG"}))([article(text)]))
    assert not any('"WS_AA"' in row for table, _, row in without if table == "entities")


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


def test_annotator_id_follows_steps_and_user_files(tmp_path):
    from kroniek.config import Config, KbConfig
    from kroniek.pipeline import annotator_id

    assert Pipeline().annotator == Pipeline().annotator
    assert Pipeline().annotator.startswith("kroniek ")
    assert Pipeline([Boom()]).annotator != Pipeline().annotator
    mine = tmp_path / "mine.csv"
    mine.write_text("id,name,type,country\nX1,Zorro Plomp,PER,NLD\n", encoding="utf-8")
    with_file = Pipeline(config=Config(kb=KbConfig(user_files=(str(mine),)))).annotator
    assert with_file != Pipeline().annotator
    before = annotator_id([mine])
    mine.write_text("id,name,type,country\nX1,Zorro Plomp,PER,BEL\n", encoding="utf-8")
    assert annotator_id([mine]) != before  # an edited knowledge-base file counts


def test_ingest_annotates_again_what_another_kroniek_stored(tmp_path):
    """Skipping stored articles must not keep an older kroniek's annotations forever."""
    import json

    from kroniek.ingest import ReadOptions
    from kroniek.jobs import run_ingest
    from kroniek.store import Store

    src = tmp_path / "a.jsonl"
    src.write_text("\n".join(json.dumps({"id": f"d{n}", "date": "2019-01", "text": f"Tekst {n}."})
                             for n in range(3)) + "\n", encoding="utf-8")

    def ingest(pipeline):
        with Store.open_writer(tmp_path / "k.db") as store, ParserPool(lambda: ToyParser(), 1) as pool:
            return dict(run_ingest([src], store, pool, ReadOptions(), pipeline).statuses)

    assert ingest(Pipeline([Boom()])) == {"added": 3}
    assert ingest(Pipeline([Boom()])) == {"unchanged": 3}
    assert ingest(Pipeline()) == {"reannotated": 3}
    assert ingest(Pipeline()) == {"unchanged": 3}


def test_the_annotator_names_the_parser():
    from kroniek.config import Config, FrogConfig, ParserConfig

    fast = Pipeline(config=Config(parser=ParserConfig(backend="fast"))).annotator
    frog = Pipeline(config=Config(parser=ParserConfig(backend="frog"))).annotator
    assert fast.startswith("kroniek ") and fast.endswith(" parser fast-nl-1.1")
    assert frog.endswith(" parser frog") and fast.split()[1] == frog.split()[1]
    # auto without Frog installed is the fast parser
    auto = Pipeline(config=Config(frog=FrogConfig(binary="/nonexistent/frog"))).annotator
    assert auto == fast
