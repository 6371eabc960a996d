"""Notebook display of kroniek's records: short reprs, escaped HTML with marks, frames."""

from __future__ import annotations

import html
import re

from kroniek.display import document_html, marked_text
from kroniek.frames import DOCUMENT_EVENT_COLUMNS
from kroniek.model import Article, Reject

from .query.corpus import XSS_TEXT, build, documents


def _xss_doc():
    return next(d for d in documents() if d.text == XSS_TEXT)


def test_document_repr_is_one_short_line():
    doc = _xss_doc()
    r = repr(doc)
    assert r.startswith(f"<Document {doc.id!r} {doc.date}:") and "\n" not in r and len(r) < 200
    assert f"{len(doc.events)} events" in r
    assert "Reject(" in repr(Reject("x", "E_INPUT_NO_DATE", "no date"))
    a = Article(id="a1", text="Lange tekst " * 100, date="2020-01-02")
    assert repr(a).startswith("<Article 'a1' 2020-01-02 nl: 1200 chars; 'Lange tekst") and len(repr(a)) < 120


def test_html_escapes_the_article_and_keeps_its_text():
    doc = _xss_doc()
    out = doc._repr_html_()
    assert "<script>" not in out and "<img" not in out and "onerror=\"window" not in out
    assert "&lt;script&gt;" in out
    # Stripping the marks and unescaping gives the text back, character for character.
    text = html.unescape(re.sub(r"<[^>]+>", "", marked_text(doc).replace("<br>", "\n")))
    assert text == doc.text


def test_html_marks_event_triggers_and_quotes():
    for doc in documents():
        out = document_html(doc)
        for v in doc.events:
            assert re.search(r'<mark class="[^"]*k-event[^"]*" title="[^"]*' + v.type + r" " + v.id, out), v
        for q in doc.quotes:
            assert f"quote {q.id}" in out
        assert out.count("<mark") == out.count("</mark>")


def test_events_frame_one_row_an_event_with_names():
    doc = max(documents(), key=lambda d: len(d.events))
    df = doc.events_frame()
    assert list(df.columns) == [c for c, _ in DOCUMENT_EVENT_COLUMNS]
    assert len(df) == len(doc.events)
    names = {e.id: e.name for e in doc.entities}
    for row, v in zip(df.itertuples(), doc.events):
        assert row.type == v.type and row.source == names.get(v.source, v.source)
        assert doc.text[row.trigger_start:row.trigger_end] == row.trigger
        assert row.sentence == doc.text[v.sentence.start:v.sentence.end]


def test_query_results_show_as_tables(tmp_path):
    import kroniek

    db = kroniek.open(build(tmp_path / "d.db"))
    out = db.timeline("Lavrov")._repr_html_()
    assert out.count("<tr>") == 1 + 4 and "<script>" not in out
