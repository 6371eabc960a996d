"""kroniek.Annotator against the real Frog: one article, many records, and the same
Documents as `kroniek extract` (which runs through it)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import kroniek
from kroniek.cli import main
from kroniek.errors import InputError, KroniekError
from kroniek.model import Article, Document, Reject

from .conftest import REPO, require_frog

TEXT = ("Minister Hoekstra sprak woensdag in Kyiv met president Zelensky over nieuwe steun. "
        "\"Nederland blijft helpen\", zei Hoekstra na het gesprek.")


def test_bad_input_raises_without_starting_a_parser():
    nlp = kroniek.Annotator()
    for kwargs, code in (({"text": "Tekst.", "date": "2023-02-30"}, "E_INPUT_BAD_DATE"),
                         ({"text": "   ", "date": "2023-02-03"}, "E_INPUT_EMPTY_TEXT"),
                         ({"text": "Tekst.", "date": None}, "E_INPUT_NO_DATE"),
                         ({"text": "Text.", "date": "2023", "lang": "xx"}, "E_INPUT_LANG")):
        with pytest.raises(InputError) as exc:
            nlp.annotate(**kwargs)
        assert exc.value.code == code
    assert "not started" in repr(nlp)
    with pytest.raises(KroniekError) as exc:
        kroniek.Annotator(workers=0)
    assert exc.value.code == "E_CONFIG"


@pytest.mark.frog
def test_annotate_and_annotate_many(tmp_path):
    require_frog()
    with kroniek.Annotator(cache_dir=tmp_path / "parses") as nlp:
        doc = nlp.annotate(TEXT, date="2023-05-10", id="kyiv", title="Steun")
        assert isinstance(doc, Document) and doc.id == "kyiv" and doc.title == "Steun"
        assert doc.bad_spans() == [] and doc.entities and doc.quotes
        assert "running" in repr(nlp)
        records = [Article(id="art", text=TEXT, date="2023-05-10"),
                   {"id": "nodate", "text": "Geen datum."},
                   {"id": "dict", "published_at": "2023-05-11", "text": TEXT},
                   REPO / "examples" / "waterschap-dijk-2021-11.txt",
                   object()]
        out = list(nlp.annotate_many(records))
    assert [type(o).__name__ for o in out] == ["Document", "Reject", "Document", "Document", "Reject"]
    assert [o.id for o in out[:4]] == ["art", "nodate", "dict", "waterschap-dijk-2021-11"]
    assert out[1].code == "E_INPUT_NO_DATE" and out[4].code == "E_INPUT_FIELD"
    # The same text and date give the same annotations, whichever way they came in.
    assert out[0].to_dict() == {**doc.to_dict(), "id": "art", "title": None}
    # One dict's date is a day later: "woensdag" is read against it.
    assert out[2].date == "2023-05-11"
    assert not nlp._pool  # closed by the with block


@pytest.mark.frog
@pytest.mark.slow
def test_extract_cli_gives_the_annotators_documents(tmp_path):
    require_frog()
    path = REPO / "examples" / "navo-top-vilnius-2023-07.txt"
    r = CliRunner().invoke(main, ["extract", str(path)])
    assert r.exit_code == 0, r.output
    cli_doc = json.loads(r.stdout.splitlines()[0])
    with kroniek.Annotator() as nlp:
        (api_doc,) = nlp.annotate_many(path)
    assert not isinstance(api_doc, Reject)
    assert api_doc.to_dict() == cli_doc
