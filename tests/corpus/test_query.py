"""Merged events and stories as the CLI and the API ask for them."""

from __future__ import annotations

import pytest

from kroniek.corpus import query as CQ
from kroniek.corpus.sync import sync
from kroniek.errors import QueryError, StoreError
from kroniek.query import Period
from kroniek.store import Store

from .summit import documents


@pytest.fixture
def store(tmp_path):
    with Store.open_writer(tmp_path / "k.db") as w:
        for d in documents():
            w.save(d)
        w.commit()
        sync(w)
    s = Store.open_reader(tmp_path / "k.db")
    yield s
    s.close()


def test_merged_events_with_reports_and_arc(store):
    page = CQ.merged_events(store, actor="Kim Jong-un")
    assert page.actor is not None and page.actor.kind == "name"
    summit, second = page.events
    assert summit.reports == 5 and summit.documents == 5 and summit.date == "2018-06-12"
    assert summit.arc == ("planned (from 2018-05-10, 2 reports) → negated (from 2018-05-24, 1 report) → "
                          "asserted (from 2018-06-12, 2 reports)")
    docs = {d.id: d for d in documents()}
    for r in summit.mentions:  # every report's sentence, from its own text
        text = docs[r.document].text
        assert text[r.sentence.start:r.sentence.end] == r.sentence_text
        assert text[r.trigger.start:r.trigger.end] == r.trigger.text
    assert [r.document for r in summit.mentions] == ["aankondiging", "voorbereiding", "afgezegd",
                                                     "gehouden", "terugblik"]
    assert second.reports == 1 and summit.story == second.story
    assert CQ.merged_event(store, summit.id) == summit


def test_filters(store):
    assert len(CQ.merged_events(store, period=Period.parse("2018-06-15", "2018-06-30")).events) == 1
    assert len(CQ.merged_events(store, modalities=["negated"]).events) == 1
    assert CQ.merged_events(store, types=["ASSAULT"]).events == ()
    page = CQ.merged_events(store, limit=1)
    assert len(page.events) == 1 and page.truncated
    with pytest.raises(QueryError):
        CQ.merged_events(store, types=["TOP"])
    with pytest.raises(QueryError):
        CQ.merged_events(store, actor="Napoleon")


def test_stories(store):
    (s,) = CQ.stories(store, actor="kb:DONALD_TRUMP")
    assert s.events == 2 and s.documents == 6 and "Trump" in s.label
    assert CQ.stories(store, period=Period.parse("2019")) == ()
    assert CQ.stories(store, actor="kb:DONALD_TRUMP", period=Period.parse("2018-06")) == (s,)
    detail = CQ.story(store, s.id)
    assert [e.reports for e in detail.events] == [5, 1]
    with pytest.raises(StoreError) as e:
        CQ.story(store, "s-nope")
    assert e.value.code == "E_STORE_NOT_FOUND"


def test_duplicates(store):
    assert CQ.duplicates(store, "afgezegd") == ("afgezegd-anp",)
    assert CQ.duplicates(store, "gehouden") == ()
