"""The web UI as analysts use it, in a real headless Chromium on a real SQLite store:
a map with country outlines, a readable network, Dutch and English, queries as people
type them, errors in plain words, and an accessibility check with axe-core.

Each test leaves a screenshot in test-artifacts/ to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ..query.corpus import build
from .conftest import Server, screenshot

pytestmark = [pytest.mark.slow, pytest.mark.browser]

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = build(tmp_path_factory.mktemp("ui2") / "ui.db")
    with Server(db) as s:
        yield s


def until(page, condition: str, timeout: float = 10.0) -> None:
    """Wait until a JavaScript condition holds (polled from here: the page's CSP forbids
    the eval that Playwright's wait_for_function uses for a string)."""
    import time

    deadline = time.monotonic() + timeout
    while not page.evaluate(f"() => Boolean({condition})"):
        assert time.monotonic() < deadline, f"timed out waiting for {condition}"
        time.sleep(0.05)


def english(page):
    page.select_option("#lang-select", "en")
    until(page, "document.documentElement.lang === 'en'")


# -------------------------------------------------------------------- 1. the map

def test_map_draws_natural_earth_countries_and_places_sized_by_events(server, page):
    page.goto(server.url + "/#/actor/country:PRK")
    page.wait_for_selector("#map-svg .place")
    # country outlines: Natural Earth's 1:110m countries, drawn as paths
    assert len(page.query_selector_all("#map-svg path.country")) > 150
    places = {g.get_attribute("data-name"): g for g in page.query_selector_all("#map-svg .place")}
    # Dutch names the KB knows reach their coordinates: countries and capitals are all placed
    assert {"Pyongyang", "Moskou", "Noord-Korea", "Rusland", "Verenigde Staten"} <= set(places)
    assert page.query_selector("#map-unplaced") is None
    radius = {n: float(g.query_selector("circle").get_attribute("r")) for n, g in places.items()}
    assert radius["Pyongyang"] > radius["Moskou"] > radius["Noord-Korea"]  # 2 events, 1 event, none
    # where it is: Pyongyang east of Moscow and south of it on the projected map
    pyong = places["Pyongyang"].query_selector("circle")
    moskou = places["Moskou"].query_selector("circle")
    assert float(pyong.get_attribute("cx")) > float(moskou.get_attribute("cx"))
    assert float(pyong.get_attribute("cy")) > float(moskou.get_attribute("cy"))
    screenshot(page, "map-prk")
    # a click on a place lists the events located there
    places["Pyongyang"].query_selector("circle").click()
    page.wait_for_selector("#place-event-list li.event")
    assert len(page.query_selector_all("#place-event-list li.event")) == 2
    assert "Pyongyang" in page.text_content("#place-title")
    screenshot(page, "map-place-events")


# -------------------------------------------------------------------- 2. the network

NO_OVERLAP = """() => {
  const boxes = UI.cy.nodes().map(n => n.boundingBox({ includeLabels: true }));
  let overlaps = 0;
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j];
    if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlaps++;
  }
  return overlaps;
}"""


def test_network_is_a_force_layout_with_readable_labels_and_weighted_coloured_edges(server, page):
    page.goto(server.url + "/")
    page.wait_for_selector("#network[data-nodes] canvas")
    n = page.evaluate("UI.cy.nodes().length")
    assert n == int(page.get_attribute("#network", "data-nodes")) >= 5
    assert page.evaluate(NO_OVERLAP) == 0  # labels count as part of a node: none collide
    edges = page.evaluate("UI.cy.edges().map(e => [e.data('weight'), e.data('width'), e.data('colour'),"
                          " e.source().data('label'), e.target().data('label')])")
    by_pair = {(s, t): (w, width, colour) for w, width, colour, s, t in edges}
    # Lavrov → Ri Yong-ho: three CONSULT events (cooperation, green, the widest edge)
    w, width, colour = by_pair[("Sergej Lavrov", "Ri Yong-ho")]
    assert w == 3 and width == max(e[1] for e in edges) and colour == "#1e8449"
    assert by_pair[("Verenigde Staten", "Pyongyang")][2] == "#c0392b"  # ACCUSE: conflict, red
    # zoom and pan
    zoom = page.evaluate("UI.cy.zoom()")
    box = page.query_selector("#network-canvas").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, -400)
    until(page, f"UI.cy.zoom() > {zoom}")
    assert page.evaluate("UI.cy.userPanningEnabled() && UI.cy.userZoomingEnabled()")
    screenshot(page, "network-home")
    # filtered by type (and by the period in the header)
    page.select_option("#network-type", "ACCUSE")
    until(page, "UI.cy && UI.cy.edges().length === 1")
    page.goto("about:blank")
    page.goto(server.url + "/#/?from=2019&to=2019")
    page.wait_for_selector("#network[data-nodes] canvas")
    labels = set(page.evaluate("UI.cy.nodes().map(n => n.data('label'))"))
    assert labels == {"Sergej Lavrov", "Ri Yong-ho"}


# -------------------------------------------------------------------- 4. Dutch and English

def test_dutch_by_default_english_by_choice_for_words_and_actor_names(server, page):
    page.goto(server.url + "/#/actor/RUS")
    page.wait_for_selector("#timeline-events li")
    assert page.evaluate("document.documentElement.lang") == "nl"
    assert page.text_content("#timeline-title") == "Rusland"
    assert page.get_attribute("#actor-input", "placeholder").startswith("Actor: naam")
    assert "gebeurtenissen" in page.text_content("#view")
    screenshot(page, "lang-nl-rusland")
    english(page)
    page.wait_for_selector("#timeline-title:text-is('Russia')")
    assert page.get_attribute("#actor-input", "placeholder").startswith("Actor: name")
    assert "evidence in the article" in page.text_content("#timeline-events")
    # the network's country names follow the language too (KB Dutch names by id)
    page.goto(server.url + "/#/actor/USA")
    page.wait_for_selector("#timeline-title:text-is('United States')")
    screenshot(page, "lang-en-usa")
    page.reload()  # the choice is kept
    page.wait_for_selector("#timeline-title:text-is('United States')")


# -------------------------------------------------------------------- 5. queries as typed

@pytest.mark.parametrize("typed", ["USA", "Verenigde Staten", "United States"])
def test_a_country_is_found_as_people_type_it_with_its_full_name_as_title(server, page, typed):
    page.goto(server.url + "/")
    page.wait_for_selector("#top-actors")
    page.fill("#actor-input", typed)
    page.fill("#dyad-input", "PRK")
    page.press("#dyad-input", "Enter")
    page.wait_for_selector("#timeline-events li")
    assert page.text_content("#timeline-title") == "Verenigde Staten ⇄ Noord-Korea"
    assert len(page.query_selector_all("#timeline-events li.event")) == 2
    if typed == "USA":
        screenshot(page, "dyad-usa-prk")


def test_suggestions_offer_the_country_for_its_dutch_name_and_keys_pick_it(server, page):
    page.goto(server.url + "/")
    page.wait_for_selector("#top-actors")
    page.click("#actor-input")
    page.keyboard.type("Verenigde")
    page.wait_for_selector("#suggestions li[data-ref='country:USA']")
    assert page.get_attribute("#actor-input", "aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    assert page.get_attribute("#actor-input", "aria-activedescendant") == "suggestion-0"
    page.keyboard.press("Enter")
    page.wait_for_selector("#timeline-title:text-is('Verenigde Staten')")


# -------------------------------------------------------------------- 6. errors in plain words

def test_errors_say_what_happened_and_what_to_do_and_the_boxes_follow_the_page(server, page):
    page.goto(server.url + "/")
    page.wait_for_selector("#top-actors")
    page.fill("#text-input", '"')
    page.press("#text-input", "Enter")
    page.wait_for_selector("#status .message")
    text = page.text_content("#status")
    assert "aanhalingstekens" in text and "unterminated" not in text and "E_" not in text
    assert page.get_attribute("#status", "data-code") in ("E_STORE_QUERY", "E_QUERY_PARAM")
    assert page.input_value("#text-input") == '"'  # the failed query, to correct it
    screenshot(page, "error-bad-search")
    page.goto(server.url + "/#/actor/Lavrof")
    page.wait_for_selector("#status .did-you-mean a")
    assert page.input_value("#text-input") == ""  # no query of an earlier page stays behind
    assert page.input_value("#actor-input") == "Lavrof"
    assert "Sergej Lavrov" in page.text_content("#status .did-you-mean")
    screenshot(page, "error-did-you-mean")
    page.click("#status .did-you-mean a")
    page.wait_for_selector("#timeline-title:text-is('Sergej Lavrov')")
    assert page.text_content("#status") == ""
    page.goto(server.url + "/#/doc/no-such-article")
    page.wait_for_selector("#status .message")
    assert "Not Found" not in page.text_content("#status")
    assert "niet" in page.text_content("#status .message")
    page.goto(server.url + "/#/actor/RUS?from=1990&to=1990")
    page.wait_for_selector("#timeline-events li.empty")
    assert "periode ruimer" in page.text_content("#timeline-events")


def test_an_empty_database_says_how_to_fill_it(tmp_path, page):
    from kroniek.store import Store

    db = tmp_path / "empty.db"
    Store.open_writer(db).close()
    with Server(db) as s:
        page.goto(s.url + "/")
        page.wait_for_selector("#empty-db")
        assert "kroniek ingest" in page.text_content("#empty-db")


# -------------------------------------------------------------------- 7. accessibility

def run_axe(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => {
      const r = await axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')) }));
    }""")
    return [v for v in result if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("route", ["/", "/#/actor/kb:SERGEY_LAVROV", "/#/dyad/RUS/PRK", "/#/doc/reis-2018-05/v1",
                                   "/#/actor/Napoleon"])
def test_no_serious_accessibility_violations(server, browser, route):
    # axe is injected as a script: the page's CSP (rightly) forbids that, so this context bypasses it
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, bypass_csp=True)
    page = context.new_page()
    try:
        page.goto(server.url + route)
        page.wait_for_selector("#top-actors, #timeline-events li, #article-text, #status .message")
        page.wait_for_timeout(300)
        violations = run_axe(page)
        assert violations == [], violations
    finally:
        context.close()


def test_keyboard_reaches_the_timeline_and_walks_it(server, page):
    page.goto(server.url + "/#/actor/kb:SERGEY_LAVROV")
    page.wait_for_selector("#timeline-svg a.timeline-mark")
    assert len(page.query_selector_all("#timeline-svg a.timeline-mark[tabindex='0']")) == 1
    page.focus("#timeline-svg a.timeline-mark[tabindex='0']")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.dataset.index") == "2"
    page.keyboard.press("ArrowLeft")
    assert page.evaluate("document.activeElement.dataset.index") == "1"
    page.keyboard.press("End")
    assert page.evaluate("document.activeElement.dataset.index") == "3"
    screenshot(page, "timeline-keyboard")
    page.keyboard.press("Enter")
    page.wait_for_selector("#selected-sentence")
    assert "#/doc/" in page.url


def test_the_libraries_run_under_the_pages_csp_without_console_errors(server, page):
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
    page.goto(server.url + "/#/actor/kb:SERGEY_LAVROV")
    page.wait_for_selector("#network[data-nodes] canvas")
    page.wait_for_selector("#map-svg path.country")
    assert problems == []
