"""export.py: every format written from a real store and read back by another tool."""

from __future__ import annotations

import csv
import io
import json

import pytest

from kroniek import export as X
from kroniek import query as Q
from kroniek.model import Document

from .corpus import documents


def events(store, **kw):
    return list(Q.iter_events(store, **kw))


def test_jsonl_round_trips_the_documents(store):
    out = io.StringIO()
    assert X.write_jsonl(store, out) == 6
    docs = [Document.from_dict(json.loads(line)) for line in out.getvalue().splitlines()]
    assert {d.id: d for d in docs} == {d.id: d for d in documents()}
    out = io.StringIO()
    assert X.write_jsonl(store, out, Q.Period.parse("2018", "2018")) == 2


def test_csv_has_polecat_like_columns_and_one_row_per_event(store):
    out = io.StringIO()
    assert X.write_csv(events(store), out) == 10
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == [c for c, _ in X.EVENT_COLUMNS]
    visit = next(r for r in rows if r["event_id"] == "bezoek-2019-01:v1")
    assert (visit["actor_name"], visit["actor_kb_id"], visit["recipient_country"]) == (
        "Sergej Lavrov", "SERGEY_LAVROV", "PRK")
    assert visit["placename"] == "Moskou" and float(visit["latitude"]) == pytest.approx(55.76)
    assert visit["event_text"] == "Lavrov ontving in januari opnieuw Ri Yong-ho in Moskou."
    assert visit["event_type"] == "CONSULT" and visit["cameo_code"].startswith("04")  # CAMEO's consult root
    assert visit["event_first_day"] == "2019-01-01" and visit["event_last_day"] == "2019-01-31"
    xss = next(r for r in rows if r["story_id"] == "xss-2019-02")
    assert "<script>" in xss["event_text"]  # data stays data


def test_parquet_has_typed_columns(store, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "events.parquet"
    assert X.write_parquet(events(store, modalities=["planned"]), path, batch_rows=1) == 2
    table = pq.read_table(path)
    assert table.num_rows == 2 and table.column_names == [c for c, _ in X.EVENT_COLUMNS]
    assert str(table.schema.field("trigger_start").type) == "int64"
    assert set(table.column("modality").to_pylist()) == {"planned"}
    empty = tmp_path / "none.parquet"
    assert X.write_parquet([], empty) == 0 and pq.read_table(empty).num_rows == 0


def test_graphml_opens_as_a_directed_weighted_graph(store, tmp_path):
    nx = pytest.importorskip("networkx")
    path = tmp_path / "net.graphml"
    with open(path, "w", encoding="utf-8") as f:
        n = X.write_graphml(Q.network(store), f)
    g = nx.read_graphml(path)
    assert g.is_directed() and g.number_of_edges() == n
    assert g.nodes["kb:SERGEY_LAVROV"]["label"] == "Sergej Lavrov"
    edge = g.edges["kb:SERGEY_LAVROV", "kb:RI_YONG_HO"]
    assert edge["weight"] == 3.0 and edge["types"] == "CONSULT:3"


def test_jsonld_is_linked_data_in_the_simple_event_model(store):
    rdflib = pytest.importorskip("rdflib")
    out = io.StringIO()
    assert X.write_jsonld(events(store), out) == 10
    g = rdflib.Graph().parse(data=out.getvalue(), format="json-ld")
    SEM = rdflib.Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
    evs = set(g.subjects(rdflib.RDF.type, SEM.Event))
    assert len(evs) == 10
    visit = rdflib.URIRef("urn:kroniek:event:bezoek-2019-01:v1")
    assert (visit, SEM.hasActor, rdflib.URIRef("urn:kroniek:actor:kb:SERGEY_LAVROV")) in g
    assert g.value(visit, SEM.hasBeginTimeStamp).toPython().isoformat() == "2019-01-01"
    assert str(g.value(g.value(visit, SEM.hasPlace), rdflib.RDFS.label)) == "Moskou"
    assert len(set(g.subjects(rdflib.RDF.type, SEM.Actor))) == len(
        {o for e in evs for o in g.objects(e, SEM.hasActor)})
