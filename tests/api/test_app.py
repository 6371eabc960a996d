"""The HTTP API over a real SQLite store: every endpoint, good and bad parameters.

Bad input must give a clear 4xx with kroniek's error object, never a 500; article text
comes back verbatim in JSON (the UI inserts it as text), and the page itself carries no
article text at all.
"""

from __future__ import annotations

import warnings

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient

from kroniek.api import create_app

from ..query.corpus import XSS_TEXT, XSS_TITLE, build


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = build(tmp_path_factory.mktemp("api") / "api.db")
    # raise_server_exceptions=False: a bug must show up as the 500 a user would get
    # The server answers only to the host names it serves (127.0.0.1 here).
    with TestClient(create_app(db), base_url="http://127.0.0.1", raise_server_exceptions=False) as c:
        yield c


def ok(client, path, **params):
    r = client.get(path, params=params)
    assert r.status_code == 200, (path, params, r.status_code, r.text)
    return r.json()


def refused(client, path, status, code="E_QUERY_PARAM", **params):
    r = client.get(path, params=params)
    assert r.status_code == status, (path, params, r.status_code, r.text)
    body = r.json()
    assert body["error"]["code"] == code and body["error"]["message"]
    return body


def test_summary(client):
    s = ok(client, "/api/summary")
    assert s["documents"] == 6 and s["events"] == 10 and s["first_day"] == "2018-05-30"


def test_actors(client):
    got = ok(client, "/api/actors", q="lav")
    assert got[0]["ref"] == "kb:SERGEY_LAVROV" and got[0]["events"] == 4
    assert len(ok(client, "/api/actors", limit=3)) == 3
    assert ok(client, "/api/actors", q="zzzz") == []
    refused(client, "/api/actors", 422, limit=0)
    refused(client, "/api/actors", 422, limit="veel")
    refused(client, "/api/actors", 422, q="x" * 201)


def test_actor(client):
    assert ok(client, "/api/actor", actor="RUS")["kind"] == "country"
    refused(client, "/api/actor", 404, "E_QUERY_NO_ACTOR", actor="Napoleon")
    refused(client, "/api/actor", 422)


def test_timeline(client):
    t = ok(client, "/api/timeline", actor="kb:SERGEY_LAVROV")
    assert t["actor"]["label"] == "Sergej Lavrov" and len(t["events"]) == 4
    first = t["events"][0]
    assert first["event"]["modality"] == "planned" and first["sentence"].startswith("Sergej Lavrov")
    assert len(ok(client, "/api/timeline", actor="Lavrov", **{"from": "2019"})["events"]) == 2
    assert len(ok(client, "/api/timeline", actor="Lavrov", type=["PROTEST", "AGREE"])["events"]) == 1
    assert len(ok(client, "/api/timeline", actor="Lavrov", type="consult,protest")["events"]) == 4
    assert len(ok(client, "/api/timeline", actor="Lavrov", modality="planned")["events"]) == 2
    refused(client, "/api/timeline", 422)  # no actor
    refused(client, "/api/timeline", 404, "E_QUERY_NO_ACTOR", actor="Napoleon")
    refused(client, "/api/timeline", 400, actor="Lavrov", **{"from": "2019-13"})
    refused(client, "/api/timeline", 400, actor="Lavrov", **{"from": "2020", "to": "2019"})
    refused(client, "/api/timeline", 400, actor="Lavrov", type="PARTY")
    refused(client, "/api/timeline", 400, actor="Lavrov", modality="misschien")
    refused(client, "/api/timeline", 422, actor="Lavrov", limit=-5)
    refused(client, "/api/timeline", 422, actor="Lavrov", limit=10**9)


def test_dyad(client):
    d = ok(client, "/api/dyad", a="Verenigde Staten", b="country:PRK")
    assert sorted(e["role"] for e in d["events"]) == ["a->b", "b->a"]
    refused(client, "/api/dyad", 422, a="RUS")
    refused(client, "/api/dyad", 404, "E_QUERY_NO_ACTOR", a="RUS", b="Atlantis")
    refused(client, "/api/dyad", 400, a="RUS", b="PRK", to="morgen")


def test_events(client):
    assert len(ok(client, "/api/events")["events"]) == 10
    page = ok(client, "/api/events", limit=3, offset=2)
    assert len(page["events"]) == 3 and page["truncated"]
    assert [e["doc_id"] for e in ok(client, "/api/events", place="Singapore")["events"]] == ["top-2018-06"]
    assert len(ok(client, "/api/events", medium="HET WEEKBLAD")["events"]) == 3
    refused(client, "/api/events", 422, offset=-1)
    refused(client, "/api/events", 404, "E_QUERY_NO_ACTOR", place="Atlantis")
    refused(client, "/api/events", 400, type="ASSAULT,BOMB")


def test_search(client):
    hits = ok(client, "/api/search", q="dijk")
    assert hits[0]["id"] == "dijk-2021-11" and any(p["hit"] for p in hits[0]["snippet"])
    assert ok(client, "/api/search", q='"onbekend woord"') == []
    assert ok(client, "/api/search", q="(((") == []
    refused(client, "/api/search", 422)
    refused(client, "/api/search", 422, q="")
    refused(client, "/api/search", 400, q='"half')


def test_network(client):
    net = ok(client, "/api/network")
    assert net["edges"][0]["weight"] == 3
    assert ok(client, "/api/network", actor="Verenigde Staten")["nodes"]
    assert ok(client, "/api/network", **{"from": "2030"})["edges"] == []
    refused(client, "/api/network", 422, limit=0)
    refused(client, "/api/network", 404, "E_QUERY_NO_ACTOR", actor="Atlantis")


def test_places(client):
    got = {p["name"]: p for p in ok(client, "/api/places")}
    assert got["Moskou"]["lat"] == pytest.approx(55.76)
    assert ok(client, "/api/places", actor="Lavrov")
    refused(client, "/api/places", 400, to="2018-02-30")


def test_document(client):
    doc = ok(client, "/api/documents/reis-2018-05")
    assert doc["id"] == "reis-2018-05" and len(doc["events"]) == 4
    refused(client, "/api/documents/bestaat-niet", 404, "E_STORE_NOT_FOUND")


def test_article_markup_comes_back_as_data_not_as_page(client):
    r = client.get("/api/documents/xss-2019-02")
    assert r.headers["content-type"].startswith("application/json")
    assert r.json()["text"] == XSS_TEXT and r.json()["title"] == XSS_TITLE
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "__kroniekPwned" not in page.text  # the page is static: no article text in it
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert page.headers["x-content-type-options"] == "nosniff"


def test_ui_files_and_openapi(client):
    for name in ("app.js", "app.css", "i18n.js", "vendor/d3-geo/d3-geo.min.js",
                 "vendor/topojson-client/topojson-client.min.js", "vendor/cytoscape/cytoscape.min.js",
                 "vendor/world-atlas/countries-110m.json"):
        assert client.get(f"/static/{name}").status_code == 200, name
    spec = ok(client, "/openapi.json")
    paths = set(spec["paths"])
    assert {"/api/summary", "/api/actors", "/api/actor", "/api/timeline", "/api/dyad", "/api/events",
            "/api/search", "/api/network", "/api/places", "/api/documents/{doc_id}", "/api/names",
            "/api/merged", "/api/merged/{merged_id}", "/api/stories", "/api/stories/{story_id}",
            "/api/duplicates/{doc_id}"} == paths
    assert client.get("/nergens").status_code == 404
    # the UI never writes article data with innerHTML or friends
    js = client.get("/static/app.js").text
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in js


def test_every_endpoint_survives_hostile_parameters(client):
    """Odd values in every parameter give a 2xx or a 4xx with an error object, never a 500."""
    spec = ok(client, "/openapi.json")
    nasty = ["", "'", '"', "%_\\", "<script>", "a" * 150, "2018-02-30", "-1", "NEAR(", "kb:", "🙂\u0000",
             "9" * 30, str(2**63), str(2**62 + 1)]
    for path, item in spec["paths"].items():
        params = [p["name"] for p in item["get"].get("parameters", []) if p["in"] == "query"]
        url = path.replace("{doc_id}", "x")
        for name in params:
            for value in nasty:
                base = {"actor": "Lavrov", "a": "RUS", "b": "PRK", "q": "dijk"}
                base = {k: v for k, v in base.items() if k in params}
                r = client.get(url, params={**base, name: value})
                assert r.status_code < 500, (url, name, value, r.status_code, r.text)
                if r.status_code >= 400:
                    assert r.json()["error"]["code"].startswith("E_"), (url, name, value, r.text)


def test_missing_database_is_a_503_with_a_message(tmp_path):
    with TestClient(create_app(tmp_path / "geen.db"), base_url="http://127.0.0.1",
                    raise_server_exceptions=False) as c:
        r = c.get("/api/summary")
    assert r.status_code == 503 and r.json()["error"]["code"] == "E_STORE_OPEN"


def test_countries_resolve_as_typed_and_dutch_names_are_served(client):
    for typed in ("USA", "Verenigde Staten", "United States"):
        m = ok(client, "/api/actor", actor=typed)
        assert (m["kind"], m["value"], m["label"], m["label_nl"]) == ("country", "USA", "United States",
                                                                       "Verenigde Staten")
    names = ok(client, "/api/names")
    assert names["NLD"] == "Nederland" and names["THE_HAGUE_NLD"] == "Den Haag" and names["NATO"] == "NAVO"
    places = {p["name"]: p for p in ok(client, "/api/places")}
    assert places["Verenigde Staten"]["lat"] is not None and places["Pyongyang"]["precision"] == "place"


def test_only_the_hosts_it_serves(client, tmp_path):
    # DNS rebinding: a page on evil.example whose name now points at 127.0.0.1 sends
    # "Host: evil.example"; it must not read the database.
    r = client.get("/api/summary", headers={"Host": "evil.example"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "E_HTTP_HOST"
    assert client.get("/", headers={"Host": "evil.example:8765"}).status_code == 400
    for host in ("127.0.0.1:8765", "localhost:8765", "LOCALHOST", "[::1]:8765"):
        assert client.get("/api/summary", headers={"Host": host}).status_code == 200, host
    db = client.app.state.db_path
    with TestClient(create_app(db, allowed_hosts=("kroniek.lan",)), base_url="http://kroniek.lan") as other:
        assert other.get("/api/summary").status_code == 200
        assert other.get("/api/summary", headers={"Host": "evil.example"}).status_code == 400


@pytest.mark.parametrize("method, path, status, code", [
    ("GET", "/api/nothing", 404, "E_HTTP_NOT_FOUND"),
    ("GET", "/api/documents/../x", 404, "E_HTTP_NOT_FOUND"),
    ("GET", "/api/documents/%2e%2e/%2e%2e/etc/passwd", 404, "E_HTTP_NOT_FOUND"),
    ("GET", "/static/../../pyproject.toml", 404, "E_HTTP_NOT_FOUND"),
    ("POST", "/api/summary", 405, "E_HTTP_METHOD"),
    ("DELETE", "/api/documents/d1", 405, "E_HTTP_METHOD"),
])
def test_every_error_has_kroniek_form(client, method, path, status, code):
    r = client.request(method, path)
    assert r.status_code == status, (path, r.text)
    body = r.json()
    assert set(body) == {"error"} and body["error"]["code"] == code and body["error"]["message"]
