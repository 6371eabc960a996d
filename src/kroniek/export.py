"""Writing the store out for other tools: JSON lines, CSV, Parquet, GraphML, JSON-LD.

- ``jsonl``: one document a line, the contract of SCHEMA.md (what ``kroniek extract``
  writes), for re-reading by kroniek or any JSON tool.
- ``csv`` and ``parquet``: one event a row with POLECAT-like columns (:data:`EVENT_COLUMNS`):
  who (actor), to whom (recipient), what (PLOVER type, mode, and the CAMEO code it maps
  to for users of older datasets), when, where, and the evidence (article, trigger and
  sentence offsets), plus kroniek's modality.
- ``graphml``: the actor network (query.network) for Gephi, yEd or networkx.
- ``jsonld``: events as Linked Data in the Simple Event Model (SEM) vocabulary.

Every function writes to a file object (or a path for Parquet) and returns the number of
records written; the CLI chooses where they go.
"""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote

from .cameo import cameo_for
from .errors import ExportError
from .gazetteer import Gazetteer
from .query import EntityRef, EventRecord, Network, Period, _doc_period_sql
from .store import Store

FORMATS = ("jsonl", "csv", "parquet", "graphml", "jsonld")

# The columns of an event row. Names follow POLECAT's public data where it has the
# field (actor/recipient, event type and mode, placename, story date, publication,
# headline); kroniek adds modality, the date's origin and the evidence offsets.
EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "string"), ("event_date", "string"), ("event_first_day", "string"),
    ("event_last_day", "string"), ("date_source", "string"), ("event_type", "string"),
    ("event_mode", "string"), ("cameo_code", "string"), ("modality", "string"), ("confidence", "double"),
    ("actor_name", "string"), ("actor_type", "string"), ("actor_code", "string"),
    ("actor_country", "string"), ("actor_sector", "string"), ("actor_title", "string"),
    ("actor_kb_id", "string"),
    ("recipient_name", "string"), ("recipient_type", "string"), ("recipient_code", "string"),
    ("recipient_country", "string"), ("recipient_sector", "string"), ("recipient_title", "string"),
    ("recipient_kb_id", "string"),
    ("placename", "string"), ("place_country", "string"), ("latitude", "double"), ("longitude", "double"),
    ("reported_by", "string"), ("story_id", "string"), ("story_date", "string"),
    ("publication", "string"), ("headline", "string"), ("trigger", "string"),
    ("trigger_start", "int64"), ("trigger_end", "int64"), ("sentence_start", "int64"),
    ("sentence_end", "int64"), ("event_text", "string"),
)


def event_row(e: EventRecord, gazetteer: Gazetteer | None = None) -> dict[str, Any]:
    """One event as a flat row of :data:`EVENT_COLUMNS`."""
    gazetteer = gazetteer or Gazetteer.default()
    v = e.event
    coords = gazetteer.lookup(e.location.name) if e.location else None
    row: dict[str, Any] = {
        "event_id": f"{e.doc_id}:{v.id}", "event_date": v.date, "event_first_day": e.first_day,
        "event_last_day": e.last_day, "date_source": e.dated_by, "event_type": v.type,
        "event_mode": v.mode, "cameo_code": cameo.code if (cameo := cameo_for(v.type, v.mode)) else None,
        "modality": v.modality, "confidence": v.confidence,
    }
    for prefix, ref in (("actor", e.source), ("recipient", e.target)):
        a = ref.actor if ref else None
        row.update({f"{prefix}_name": ref.name if ref else None, f"{prefix}_type": ref.type if ref else None,
                    f"{prefix}_code": a.code if a else None, f"{prefix}_country": a.country if a else None,
                    f"{prefix}_sector": a.sector if a else None, f"{prefix}_title": a.role if a else None,
                    f"{prefix}_kb_id": a.kb_id if a else None})
    loc_actor = e.location.actor if e.location else None
    row.update({
        "placename": e.location.name if e.location else None,
        "place_country": (loc_actor.country if loc_actor else None) or (coords.country if coords else None),
        "latitude": coords.lat if coords else None, "longitude": coords.lon if coords else None,
        "reported_by": e.reported_by.name if e.reported_by else None,
        "story_id": e.doc_id, "story_date": e.doc_date, "publication": e.medium, "headline": e.doc_title,
        "trigger": v.trigger.text, "trigger_start": v.trigger.start, "trigger_end": v.trigger.end,
        "sentence_start": v.sentence.start, "sentence_end": v.sentence.end, "event_text": e.sentence,
    })
    return row


# --------------------------------------------------------------------------- writers


def write_jsonl(store: Store, out: IO[str], period: Period | None = None,
                progress: Callable[[int], None] | None = None) -> int:
    """Documents whose date range overlaps ``period`` (all without one), in date order.

    ``progress(1)`` is called after each document (a progress bar's update).
    """
    dsql, params = _doc_period_sql(period)
    ids = [r[0] for r in store.conn.execute(
        "SELECT d.id FROM documents d" + (f" WHERE {dsql}" if dsql else "") + " ORDER BY d.date_first, d.id",
        params)]
    for doc_id in ids:
        out.write(json.dumps(store.get(doc_id).to_dict(), ensure_ascii=False) + "\n")
        if progress is not None:
            progress(1)
    return len(ids)


def write_csv(events: Iterable[EventRecord], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=[c for c, _ in EVENT_COLUMNS], lineterminator="\n")
    writer.writeheader()
    gazetteer = Gazetteer.default()
    n = 0
    for e in events:
        writer.writerow(event_row(e, gazetteer))
        n += 1
    return n


def require_pyarrow():
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ExportError("Parquet export needs pyarrow: pip install 'kroniek[parquet]'") from None
    return pa, pq


def write_parquet_rows(rows: Iterable[dict[str, Any]], path: str | Path, schema: Any, batch_rows: int) -> int:
    """Rows (dicts of the schema's columns) to a Parquet file, a batch at a time; the count."""
    pa, pq = require_pyarrow()
    try:
        writer = pq.ParquetWriter(str(path), schema)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc}") from None
    n = 0
    with writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= batch_rows:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        # An empty export still writes a file with the schema.
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
        n += len(batch)
    return n


def write_parquet(events: Iterable[EventRecord], path: str | Path, batch_rows: int = 10_000) -> int:
    """Event rows to a Parquet file (needs pyarrow: ``pip install 'kroniek[parquet]'``)."""
    pa, _ = require_pyarrow()
    types = {"string": pa.string(), "double": pa.float64(), "int64": pa.int64()}
    schema = pa.schema([(name, types[t]) for name, t in EVENT_COLUMNS])
    gazetteer = Gazetteer.default()
    return write_parquet_rows((event_row(e, gazetteer) for e in events), path, schema, batch_rows)


_GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"


def write_graphml(net: Network, out: IO[str]) -> int:
    """The actor network as directed GraphML; node and edge attributes declared as keys."""
    ET.register_namespace("", _GRAPHML_NS)
    root = ET.Element(f"{{{_GRAPHML_NS}}}graphml")
    keys = [("label", "node", "string"), ("type", "node", "string"), ("country", "node", "string"),
            ("kb_id", "node", "string"), ("events", "node", "int"),
            ("weight", "edge", "double"), ("types", "edge", "string"), ("modalities", "edge", "string")]
    for name, domain, typ in keys:
        ET.SubElement(root, f"{{{_GRAPHML_NS}}}key", {"id": f"{domain[0]}_{name}", "for": domain,
                                                        "attr.name": name, "attr.type": typ})
    graph = ET.SubElement(root, f"{{{_GRAPHML_NS}}}graph", {"id": "kroniek", "edgedefault": "directed"})

    def data(el: ET.Element, key: str, value: Any) -> None:
        if value is not None:
            ET.SubElement(el, f"{{{_GRAPHML_NS}}}data", {"key": key}).text = str(value)

    for node in net.nodes:
        el = ET.SubElement(graph, f"{{{_GRAPHML_NS}}}node", {"id": node.key})
        data(el, "n_label", node.label)
        data(el, "n_type", node.type)
        data(el, "n_country", node.country)
        data(el, "n_kb_id", node.kb_id)
        data(el, "n_events", node.events)
    for k, edge in enumerate(net.edges):
        el = ET.SubElement(graph, f"{{{_GRAPHML_NS}}}edge",
                           {"id": f"x{k}", "source": edge.source, "target": edge.target})
        data(el, "e_weight", float(edge.weight))
        data(el, "e_types", " ".join(f"{t.name}:{t.count}" for t in edge.types))
        data(el, "e_modalities", " ".join(f"{m.name}:{m.count}" for m in edge.modalities))
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
    return len(net.edges)


# --------------------------------------------------------------------------- JSON-LD

SEM_CONTEXT: dict[str, Any] = {
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "geo": "http://www.w3.org/2003/01/geo/wgs84_pos#",
    "kroniek": "urn:kroniek:vocab:",
    "sem:hasBeginTimeStamp": {"@type": "xsd:date"},
    "sem:hasEndTimeStamp": {"@type": "xsd:date"},
    "geo:lat": {"@type": "xsd:double"},
    "geo:long": {"@type": "xsd:double"},
    "kroniek:confidence": {"@type": "xsd:double"},
    "kroniek:start": {"@type": "xsd:integer"},
    "kroniek:end": {"@type": "xsd:integer"},
}


def _actor_iri(ref: EntityRef) -> str:
    if ref.actor and ref.actor.kb_id:
        return "urn:kroniek:actor:kb:" + quote(ref.actor.kb_id, safe="")
    return "urn:kroniek:actor:name:" + quote(ref.name.lower(), safe="")


def _place_iri(ref: EntityRef) -> str:
    return "urn:kroniek:place:" + quote(ref.name.lower(), safe="")


def jsonld_nodes(events: Iterable[EventRecord], gazetteer: Gazetteer | None = None) -> Iterator[dict[str, Any]]:
    """SEM nodes: each event (sem:Event) and, once each, its actors, places and types."""
    gazetteer = gazetteer or Gazetteer.default()
    seen: set[str] = set()
    for e in events:
        v = e.event
        iri = f"urn:kroniek:event:{quote(e.doc_id, safe='')}:{quote(v.id, safe='')}"
        type_iri = f"urn:kroniek:plover:{v.type}"
        node: dict[str, Any] = {
            "@id": iri, "@type": "sem:Event",
            "rdfs:label": f"{v.type}: {e.source.name if e.source else '?'} → {e.target.name if e.target else '?'}",
            "sem:eventType": {"@id": type_iri},
            "sem:hasBeginTimeStamp": e.first_day, "sem:hasEndTimeStamp": e.last_day,
            "kroniek:modality": v.modality, "kroniek:confidence": v.confidence,
            "kroniek:dateSource": e.dated_by,
            "kroniek:evidence": {
                "@type": "kroniek:Evidence",
                "kroniek:document": {"@id": "urn:kroniek:document:" + quote(e.doc_id, safe="")},
                "kroniek:sentence": e.sentence,
                "kroniek:trigger": v.trigger.text,
                "kroniek:start": v.trigger.start, "kroniek:end": v.trigger.end,
            },
        }
        if v.date:
            node["kroniek:timex"] = v.date
        if v.mode:
            node["kroniek:mode"] = v.mode
        actors = []
        for role, ref in (("source", e.source), ("target", e.target)):
            if ref is None:
                continue
            a = _actor_iri(ref)
            actors.append({"@id": a})
            node[f"kroniek:{role}"] = {"@id": a}
            if a not in seen:
                seen.add(a)
                actor: dict[str, Any] = {"@id": a, "@type": "sem:Actor", "rdfs:label": ref.name}
                if ref.actor:
                    for k in ("code", "country", "sector", "role", "kb_id"):
                        if getattr(ref.actor, k):
                            actor[f"kroniek:{k}"] = getattr(ref.actor, k)
                yield actor
        if actors:
            node["sem:hasActor"] = actors
        if e.location:
            p = _place_iri(e.location)
            node["sem:hasPlace"] = {"@id": p}
            if p not in seen:
                seen.add(p)
                place: dict[str, Any] = {"@id": p, "@type": "sem:Place", "rdfs:label": e.location.name}
                coords = gazetteer.lookup(e.location.name)
                if coords:
                    place["geo:lat"], place["geo:long"] = coords.lat, coords.lon
                yield place
        if type_iri not in seen:
            seen.add(type_iri)
            yield {"@id": type_iri, "@type": "sem:EventType", "rdfs:label": v.type}
        yield node


def write_jsonld(events: Iterable[EventRecord], out: IO[str]) -> int:
    """One JSON-LD document: the SEM context and a @graph of nodes, written as it goes."""
    out.write('{"@context": ' + json.dumps(SEM_CONTEXT) + ',\n "@graph": [')
    n = 0
    for k, node in enumerate(jsonld_nodes(events)):
        out.write(("\n  " if k == 0 else ",\n  ") + json.dumps(node, ensure_ascii=False))
        n += node.get("@type") == "sem:Event"
    out.write("\n]}\n")
    return n
