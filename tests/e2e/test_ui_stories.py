"""The story view in a real headless Chromium on a real SQLite store: the list of stories,
one story with each merged event's status arc and every report's sentence linked to its
evidence, in Dutch and English, by keyboard, and without serious axe violations.

The articles are written here: four outlets report one Dutch-Belgian summit (planned,
called off, held after all) and a sanction that follows it, so merging gives one story
of two merged events, the first with the arc planned → negated → asserted.
"""

from __future__ import annotations

import re

import pytest

from kroniek.corpus.sync import sync
from kroniek.model import Actor, Document, Entity, Event, SentenceRef, Span
from kroniek.store import Store

from .conftest import Server, screenshot
from .test_ui_analyst import english, run_axe, until

pytestmark = [pytest.mark.slow, pytest.mark.browser]

NLD = Actor("NLD", "NLD", None, None, None)
BEL = Actor("BEL", "BEL", None, None, None)

# (id, date, outlet, title, text, [(trigger, type, modality, event date)])
ARTICLES = [
    ("top-plan", "2021-03-02", "De Dagkrant", "Top in Brussel gepland",
     "Nederland en België houden op 15 maart een top in Brussel. Nederland wil dan over de havens praten.",
     [("top", "CONSULT", "planned", "2021-03-15")]),
    ("top-plan-2", "2021-03-05", "Het Weekblad", "Benelux-overleg op komst",
     "Volgende week overlegt Nederland met België over de havens.",
     [("overlegt", "CONSULT", "planned", "2021-03-15")]),
    ("top-af", "2021-03-12", "De Avondbode", "Top gaat niet door",
     "Nederland overlegt maandag toch niet met België: de top is afgeblazen.",
     [("overlegt", "CONSULT", "negated", "2021-03-15")]),
    ("top-toch", "2021-03-16", "De Dagkrant", "Top toch gehouden",
     "Nederland en België overlegden maandag toch in Brussel. Later beschuldigde Nederland België van dumping.",
     [("overlegden", "CONSULT", "asserted", "2021-03-15"), ("beschuldigde", "ACCUSE", "asserted", "2021-03-16")]),
]


def _span(text: str, phrase: str) -> Span:
    start = re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text).start()
    return Span(start, start + len(phrase), phrase)


def _sentence(text: str, pos: int) -> SentenceRef:
    start = text.rfind(". ", 0, pos)
    start = 0 if start < 0 else start + 2
    end = text.find(". ", pos)
    return SentenceRef(start, len(text) if end < 0 else end + 1)


def _document(doc_id, date, outlet, title, text, events) -> Document:
    ents = (Entity("e1", "Netherlands", "GPE", NLD, tuple(_all(text, "Nederland"))),
            Entity("e2", "Belgium", "GPE", BEL, tuple(_all(text, "België"))))
    evs = tuple(Event(f"v{i}", typ, None, "e1", "e2", None, None, day, mod, None, _span(text, trig),
                      _sentence(text, _span(text, trig).start), 0.8)
                for i, (trig, typ, mod, day) in enumerate(events, 1))
    return Document(id=doc_id, date=date, lang="nl", title=title, source=outlet, url=None, text=text,
                    entities=ents, events=evs)


def _all(text: str, phrase: str) -> list[Span]:
    return [Span(m.start(), m.end(), phrase) for m in re.finditer(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text)]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("stories") / "stories.db"
    with Store.open_writer(db) as store:
        for a in ARTICLES:
            doc = _document(*a)
            assert doc.bad_spans() == []
            store.save(doc)
        store.commit()
        sync(store)
    with Server(db) as s:
        yield s


def open_story(page, server) -> None:
    page.goto(server.url + "/#/stories")
    page.wait_for_selector("#story-list tr[data-story] a")
    page.click("#story-list tr[data-story] a")
    page.wait_for_selector("#story-events li.merged")


def test_the_story_list_leads_to_a_story_with_its_status_arc(server, page):
    page.goto(server.url + "/")
    page.wait_for_selector("#nav-stories")
    assert page.text_content("#nav-stories") == "Verhalen"
    page.click("#nav-stories")
    page.wait_for_selector("#story-list tr[data-story]")
    rows = page.query_selector_all("#story-list tr[data-story]")
    assert len(rows) == 1
    cells = [c.text_content() for c in rows[0].query_selector_all("td")]
    assert cells[1] == "2021-03-15 – 2021-03-16"
    assert cells[2:] == ["2", "4", "5"]  # merged events, articles, reports
    screenshot(page, "stories-list")
    rows[0].query_selector("a").click()
    page.wait_for_selector("#story-events li.merged")
    merged = page.query_selector_all("#story-events li.merged")
    assert len(merged) == 2
    summit = merged[0]
    # the arc in report order, each step with its first report's date and its count
    steps = [s.get_attribute("data-modality") for s in summit.query_selector_all(".arc-step")]
    assert steps == ["planned", "negated", "asserted"]
    arc = summit.text_content()
    assert "gepland (vanaf 2021-03-02, 2 berichten)" in arc
    assert "ontkend (vanaf 2021-03-12, 1 bericht)" in arc
    assert "gebeurd (vanaf 2021-03-16, 1 bericht)" in arc
    # every report's sentence, its trigger marked, with its outlet
    reports = summit.query_selector_all("ol.reports li.report")
    assert [r.get_attribute("data-doc") for r in reports] == ["top-plan", "top-plan-2", "top-af", "top-toch"]
    assert reports[2].query_selector("q").text_content() == \
        "Nederland overlegt maandag toch niet met België: de top is afgeblazen."
    assert reports[2].query_selector("q .trigger").text_content() == "overlegt"
    assert reports[0].query_selector("q .trigger").text_content() == "top"
    assert "De Avondbode" in reports[2].text_content()
    assert "Nederland → België" in summit.text_content()  # Dutch names of the KB's countries
    # the story's title names its actors in Dutch too (the server's label is in English)
    assert page.text_content("#story-title").startswith("België – Nederland: ")
    screenshot(page, "story-arc")
    # a report's link opens its article with that sentence highlighted
    reports[2].query_selector("a").click()
    page.wait_for_selector("#selected-sentence")
    assert page.text_content("#selected-sentence") == \
        "Nederland overlegt maandag toch niet met België: de top is afgeblazen."
    assert "#/doc/top-af/v1" in page.url


def test_the_story_view_in_english(server, page):
    open_story(page, server)
    english(page)
    page.wait_for_selector("#story-events li.merged .arc-step")
    until(page, "document.querySelector('#story-events .arc-step').textContent.startsWith('planned')")
    arc = page.text_content("#story-events li.merged .arc")
    assert arc == "planned (from 2021-03-02, 2 reports) → negated (from 2021-03-12, 1 report) → " \
                  "happened (from 2021-03-16, 1 report)"
    assert page.text_content("#nav-stories") == "Stories"
    assert "Netherlands → Belgium" in page.text_content("#story-events li.merged")
    assert page.text_content("#story-title").startswith("Belgium – Netherlands: ")
    screenshot(page, "story-arc-en")


def test_an_unknown_story_says_what_to_do(server, page):
    page.goto(server.url + "/#/story/no-such-story")
    page.wait_for_selector("#status .message")
    message = page.text_content("#status")
    assert "verhaal" in message and "Not Found" not in message
    assert page.query_selector("#status a[href='#/stories']") is not None


def test_an_empty_store_has_no_stories_and_says_why(tmp_path, page):
    db = tmp_path / "empty.db"
    Store.open_writer(db).close()
    with Server(db) as s:
        page.goto(s.url + "/#/stories")
        page.wait_for_selector("#stories-empty")
        assert "periode ruimer" in page.text_content("#stories-empty")


def test_keyboard_reaches_a_story_and_its_evidence(server, page):
    page.goto(server.url + "/#/stories")
    page.wait_for_selector("#story-list tr[data-story] a")
    page.focus("#nav-stories")
    # Tab walks from the header into the view; the story's link is reached and Enter opens it
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('#story-list') !== null"):
            break
    assert page.evaluate("document.activeElement.closest('#story-list tr[data-story]') !== null")
    page.keyboard.press("Enter")
    page.wait_for_selector("#story-events li.merged")
    # the story's heading has the focus: the next Tabs go through the story, not the header
    until(page, "document.activeElement.id === 'story-title'")
    seen = []
    for _ in range(6):
        page.keyboard.press("Tab")
        seen.append(page.evaluate("document.activeElement.closest('li.report') ? "
                                  "document.activeElement.closest('li.report').dataset.doc : null"))
    assert seen[:4] == ["top-plan", "top-plan-2", "top-af", "top-toch"]
    page.keyboard.press("Shift+Tab")  # back from the footer to the last report's evidence
    assert page.evaluate("document.activeElement.closest('li.report').dataset.doc") == "top-toch"
    screenshot(page, "story-keyboard")
    page.keyboard.press("Enter")
    page.wait_for_selector("#selected-sentence")
    assert "#/doc/" in page.url


@pytest.mark.parametrize("route", ["/#/stories", "/#/story/"])
def test_no_serious_accessibility_violations_on_the_story_views(server, browser, route):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, bypass_csp=True)
    page = context.new_page()
    try:
        if route == "/#/story/":
            open_story(page, server)
        else:
            page.goto(server.url + route)
            page.wait_for_selector("#story-list")
        page.wait_for_timeout(300)
        violations = run_axe(page)
        assert violations == [], violations
    finally:
        context.close()


def test_an_actors_page_leads_to_its_own_stories(server, page):
    page.goto(server.url + "/#/actor/NLD")
    page.wait_for_selector("#timeline-title")
    page.click("a[href^='#/stories?actor=']")
    page.wait_for_selector("#story-list tr[data-story]")
    assert page.text_content("#stories-title") == "Verhalen met Nederland"
    assert len(page.query_selector_all("#story-list tr[data-story]")) == 1
    # an actor the database does not know: said in plain words, never all stories instead
    page.goto(server.url + "/#/stories?actor=Atlantis")
    page.wait_for_selector("#status .message")
    assert "“Atlantis”" in page.text_content("#status .message")
    assert page.query_selector("#story-list") is None


def test_articles_without_an_outlet_are_not_shown_as_a_question_mark(tmp_path, page):
    db = tmp_path / "nosource.db"
    with Store.open_writer(db) as store:
        for doc_id, date, _outlet, title, text, events in ARTICLES[:2]:
            store.save(_document(doc_id, date, None, title, text, events))
        store.commit()
        sync(store)
    with Server(db) as s:
        page.goto(s.url + "/#/stories")
        page.wait_for_selector("#story-list tr[data-story] a")
        page.click("#story-list tr[data-story] a")
        page.wait_for_selector("#story-events li.merged .outlets")
        line = page.text_content("#story-events li.merged .outlets")
        assert "?" not in line and "geen bron genoemd" in line
