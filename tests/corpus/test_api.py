"""The API's merged-event and story endpoints (JSON only; the UI builds on them)."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient

from kroniek.api import create_app
from kroniek.corpus.sync import sync
from kroniek.store import Store

from .summit import documents


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "k.db"
    with Store.open_writer(path) as store:
        for d in documents():
            store.save(d)
        store.commit()
        sync(store)
    with TestClient(create_app(path), base_url="http://127.0.0.1", raise_server_exceptions=False) as c:
        yield c


def test_merged_stories_and_story(client):
    page = client.get("/api/merged", params={"actor": "kb:KIM_JONG_UN"}).json()
    summit = page["events"][0]
    assert summit["reports"] == 5 and [s["modality"] for s in summit["status"]] == ["planned", "negated", "asserted"]
    texts = {d.id: d.text for d in documents()}
    for r in summit["mentions"]:
        assert texts[r["document"]][r["sentence"]["start"]:r["sentence"]["end"]] == r["sentence_text"]
    assert client.get(f"/api/merged/{summit['id']}").json()["id"] == summit["id"]
    (story,) = client.get("/api/stories").json()
    detail = client.get(f"/api/stories/{story['id']}").json()
    assert detail["story"]["id"] == story["id"] and len(detail["events"]) == 2
    assert client.get("/api/duplicates/afgezegd").json() == ["afgezegd-anp"]


def test_errors_are_json_with_codes(client):
    r = client.get("/api/stories/s-geen")
    assert r.status_code == 404 and r.json()["error"]["code"] == "E_STORE_NOT_FOUND"
    r = client.get("/api/merged", params={"type": "FEEST"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "E_QUERY_PARAM"
    r = client.get("/api/merged", params={"actor": "Napoleon"})
    assert r.status_code == 404
