"""The web UI in a real headless Chromium, on real SQLite databases.

An analyst searches an actor, picks the suggestion, reads the timeline, opens an event
and sees its sentence highlighted in the article; markup inside an article stays text.
"""

from __future__ import annotations

import pytest

from kroniek.store import Store

from ..conftest import REPO, require_frog
from ..query.corpus import XSS_TEXT, XSS_TITLE, build, documents
from .conftest import Server, screenshot

pytestmark = [pytest.mark.slow, pytest.mark.browser]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = build(tmp_path_factory.mktemp("ui") / "ui.db")
    with Server(db) as s:
        yield s


def test_search_an_actor_see_the_timeline_open_an_event_see_its_sentence(server, page):
    page.goto(server.url + "/")
    page.wait_for_selector("#top-actors")
    page.fill("#actor-input", "Lav")
    suggestion = page.wait_for_selector("#suggestions li[data-ref='kb:SERGEY_LAVROV']")
    assert "Sergej Lavrov" in suggestion.text_content()
    suggestion.click()
    page.wait_for_selector("#timeline-events li")
    assert page.text_content("#timeline-title") == "Sergej Lavrov"
    items = page.query_selector_all("#timeline-events li")
    assert len(items) == 4
    classes = [i.get_attribute("class") for i in items]
    assert classes[0] == "event planned" and classes[2] == "event asserted"
    # planned events sit in their own lane of the timeline, apart from what happened
    assert page.query_selector_all("#timeline-svg .mark.planned") and page.query_selector_all("#timeline-svg .mark.asserted")
    page.wait_for_selector("#network-canvas canvas")
    page.wait_for_selector("#map-svg .place")
    screenshot(page, "timeline-lavrov")

    items[2].query_selector("a").click()  # "evidence in the article" of the January 2019 visit
    page.wait_for_selector("#selected-sentence")
    assert page.url.endswith("#/doc/bezoek-2019-01/v1")
    doc = next(d for d in documents() if d.id == "bezoek-2019-01")
    event = doc.events[0]
    assert page.text_content("#selected-sentence") == doc.text[event.sentence.start:event.sentence.end]
    assert page.text_content("#selected-sentence .trigger-selected") == "ontving"
    # every entity, time and trigger is highlighted at its offsets
    for span in page.query_selector_all("#article-text span[data-start]"):
        start, end = int(span.get_attribute("data-start")), int(span.get_attribute("data-end"))
        if span.get_attribute("id") != "selected-sentence":
            assert span.text_content() == doc.text[start:end]
    people = {s.text_content() for s in page.query_selector_all("#article-text .ent-PER")}
    assert people == {"Lavrov", "Ri Yong-ho"}
    assert page.text_content("#article-text") == doc.text
    screenshot(page, "event-sentence")


def test_planned_hypothetical_and_negated_events_look_different(server, page):
    page.goto(server.url + "/#/dyad/RUS/PRK")
    page.wait_for_selector("#timeline-events li")
    kinds = {li.get_attribute("class") for li in page.query_selector_all("#timeline-events li")}
    assert kinds == {"event planned", "event hypothetical", "event negated", "event asserted"}
    negated = page.query_selector("#timeline-events li.negated .etype")
    assert page.evaluate("e => getComputedStyle(e).textDecorationLine", negated) == "line-through"
    planned = page.query_selector("#timeline-events li.planned")
    asserted = page.query_selector("#timeline-events li.asserted")
    style = "e => getComputedStyle(e).borderLeftStyle + ' ' + getComputedStyle(e).backgroundColor"
    assert page.evaluate(style, planned) != page.evaluate(style, asserted)
    screenshot(page, "dyad-rus-prk")


def test_script_and_html_in_an_article_render_as_text(server, page):
    page.goto(server.url + "/#/doc/xss-2019-02/v1")
    page.wait_for_selector("#selected-sentence")
    assert page.evaluate("window.__kroniekPwned") is None
    assert page.text_content("#article-text") == XSS_TEXT
    assert page.text_content("#doc-title") == XSS_TITLE
    # no element came out of the article: its text holds only kroniek's own highlight spans
    assert page.query_selector_all("#view script, #view img, #view i") == []
    assert page.query_selector_all("#article-text *:not(span)") == []
    assert page.query_selector_all("#doc-title *") == []
    assert not page.query_selector("a[href^='javascript']")  # the article's url is not a link
    # the same text in the timeline and in search results stays text too
    page.goto(server.url + "/#/actor/kb%3ASERGEY_LAVROV")
    page.wait_for_selector("#timeline-events li")
    assert "<script>" in page.text_content("#timeline-events")
    page.goto(server.url + "/#/search/script")
    page.wait_for_selector("#search-results li")
    assert page.text_content("#search-results a") == XSS_TITLE
    assert page.query_selector_all("#search-results script, #search-results img") == []
    assert page.evaluate("window.__kroniekPwned") is None
    screenshot(page, "script-as-text")


def test_full_text_search_leads_to_the_article(server, page):
    page.goto(server.url + "/")
    page.fill("#text-input", "dijk")
    page.press("#text-input", "Enter")
    page.wait_for_selector("#search-results li")
    assert page.text_content("#search-results mark").lower() == "dijk"
    page.click("#search-results a")
    page.wait_for_selector("#article-text")
    assert page.text_content("#doc-title") == "Dijk wordt versterkt"


def test_unknown_actor_shows_a_message(server, page):
    page.goto(server.url + "/#/actor/Napoleon")
    page.wait_for_selector("#status[data-code='E_QUERY_NO_ACTOR'] .message")
    assert "Napoleon" in page.text_content("#status")
    assert "E_QUERY" not in page.text_content("#status")  # plain words; the code stays in data-code


@pytest.mark.frog
def test_a_real_article_parsed_by_frog_in_the_ui(frog, tmp_path, page):
    """Ingest an example article with the real Frog, then find its entities in the UI."""
    require_frog()
    from kroniek.ingest import read_path
    from kroniek.ingest.records import ReadOptions
    from kroniek.pipeline import Pipeline

    (article,) = list(read_path(REPO / "examples" / "navo-top-vilnius-2023-07.txt", ReadOptions()))
    doc = Pipeline().annotate(article, frog)
    assert doc.bad_spans() == []
    db = tmp_path / "frog.db"
    with Store.open_writer(db) as store:
        store.save(doc)
    person = next(e for e in doc.entities if e.type == "PER")
    with Server(db) as s:
        page.goto(s.url + "/")
        page.fill("#actor-input", person.name.split()[-1][:4])
        page.wait_for_selector("#suggestions li")
        assert person.name in page.text_content("#suggestions")
        page.fill("#text-input", person.name.split()[-1])
        page.press("#text-input", "Enter")
        page.click("#search-results a")
        page.wait_for_selector("#article-text .ent")
        assert page.text_content("#article-text") == doc.text
        marked = [(int(n.get_attribute("data-start")), n.text_content())
                  for n in page.query_selector_all("#article-text .ent")]
        expected = sorted((m.start, m.text) for e in doc.entities for m in e.mentions)
        assert marked == expected
        screenshot(page, "frog-article")
