"""A small hand-made chronicle in a real SQLite store, for query, API and browser tests.

Texts are written for these tests. Spans are found in the text by phrase, so every
offset is right by construction (and checked with Document.bad_spans()).
"""

from __future__ import annotations

import re
from pathlib import Path

from kroniek.model import Actor, Document, Entity, Event, Quote, SentenceRef, Span, Time
from kroniek.corpus.sync import sync
from kroniek.store import Store

XSS_TEXT = ('De krant <script>window.__kroniekPwned = 1</script> meldde dat '
            '<img src=x onerror="window.__kroniekPwned = 2"> Lavrov protesteerde. '
            '<b>Vet</b> & "aanhalingstekens" blijven tekst.')
XSS_TITLE = "<b>Kop</b> met <script>window.__kroniekPwned = 3</script>"


def find(text: str, phrase: str, nth: int = 0) -> Span:
    hits = [m.start() for m in re.finditer(re.escape(phrase), text)]
    start = hits[nth]
    return Span(start, start + len(phrase), phrase)


def sentence_of(text: str, pos: int) -> SentenceRef:
    start = max(text.rfind(". ", 0, pos) + 2, 0) if text.rfind(". ", 0, pos) >= 0 else 0
    end = text.find(". ", pos)
    end = len(text) if end < 0 else end + 1
    return SentenceRef(start, end)


def entity(text: str, eid: str, name: str, typ: str, actor: Actor | None, *phrases: str) -> Entity:
    spans = []
    for p in phrases:
        spans.extend(Span(m.start(), m.end(), p) for m in re.finditer(r"(?<!\w)" + re.escape(p) + r"(?!\w)", text))
    return Entity(eid, name, typ, actor, tuple(sorted(set(spans), key=lambda s: s.start)))


def event(text: str, vid: str, typ: str, trigger: str, source: str | None, target: str | None, *,
          modality: str = "asserted", date: str | None = None, time: str | None = None,
          location: str | None = None, mode: str | None = None, reported_by: str | None = None,
          nth: int = 0) -> Event:
    t = find(text, trigger, nth)
    return Event(vid, typ, mode, source, target, location, time, date, modality, reported_by, t,
                 sentence_of(text, t.start), 0.8)


LAVROV = Actor("RUSGOV", "RUS", "GOV", "Minister of Foreign Affairs", "SERGEY_LAVROV")
RI = Actor("PRKGOV", "PRK", "GOV", "Minister of Foreign Affairs", "RI_YONG_HO")
RUS = Actor("RUS", "RUS", None, None, None)
PRK = Actor("PRK", "PRK", None, None, None)
USA = Actor("USA", "USA", None, None, None)


def documents() -> list[Document]:
    docs = []

    text = ("Sergej Lavrov, de Russische minister van Buitenlandse Zaken, reist donderdag naar Pyongyang. "
            "Daar spreekt hij met zijn Noord-Koreaanse ambtgenoot Ri Yong-ho. "
            "Volgens het Kremlin kan Rusland later economische hulp aan Noord-Korea bieden. "
            "Lavrov zei: \u201eWe willen de dialoog steunen.\u201d "
            "Moskou sloot nieuwe sancties tegen Noord-Korea uit.")
    docs.append(Document(
        id="reis-2018-05", date="2018-05-30", lang="nl", title="Lavrov reist naar Pyongyang",
        source="De Dagkrant", url=None, text=text,
        entities=(
            entity(text, "e1", "Sergej Lavrov", "PER", LAVROV, "Sergej Lavrov", "Lavrov"),
            entity(text, "e2", "Pyongyang", "LOC", Actor(None, "PRK", None, None, None), "Pyongyang"),
            entity(text, "e3", "Ri Yong-ho", "PER", RI, "Ri Yong-ho"),
            entity(text, "e4", "Kremlin", "ORG", RUS, "Kremlin"),
            entity(text, "e5", "Rusland", "GPE", RUS, "Rusland"),
            entity(text, "e6", "Noord-Korea", "GPE", PRK, "Noord-Korea"),
            entity(text, "e7", "Moskou", "LOC", RUS, "Moskou"),
        ),
        times=(Time("t1", *_se(find(text, "donderdag")), "DATE", "2018-05-31", 4, None),),
        events=(
            event(text, "v1", "CONSULT", "reist", "e1", "e3", modality="planned", date="2018-05-31",
                  time="t1", location="e2", mode="visit"),
            event(text, "v2", "CONSULT", "spreekt", "e1", "e3", modality="planned", date="2018-05-31",
                  location="e2"),
            event(text, "v3", "AID", "bieden", "e5", "e6", modality="hypothetical", reported_by="e4"),
            event(text, "v4", "SANCTION", "sloot", "e7", "e6", modality="negated"),
        ),
        quotes=(Quote("q1", *_se(find(text, "We willen de dialoog steunen.")), "direct", "e1"),),
    ))

    text = ("Noord-Korea en de Verenigde Staten ondertekenden dinsdag in Singapore een verklaring. "
            "Rusland prees het akkoord. "
            "Later beschuldigden de Verenigde Staten Pyongyang van vertraging.")
    docs.append(Document(
        id="top-2018-06", date="2018-06-13", lang="nl", title="Verklaring in Singapore",
        source="Het Weekblad", url="https://example.org/top", text=text,
        entities=(
            entity(text, "e1", "Noord-Korea", "GPE", PRK, "Noord-Korea"),
            entity(text, "e2", "Verenigde Staten", "GPE", USA, "Verenigde Staten"),
            entity(text, "e3", "Singapore", "LOC", None, "Singapore"),
            entity(text, "e4", "Rusland", "GPE", RUS, "Rusland"),
            entity(text, "e5", "Pyongyang", "GPE", PRK, "Pyongyang"),
        ),
        times=(Time("t1", *_se(find(text, "dinsdag")), "DATE", "2018-06-12", 2, None),),
        events=(
            event(text, "v1", "AGREE", "ondertekenden", "e1", "e2", date="2018-06-12", time="t1",
                  location="e3"),
            event(text, "v2", "SUPPORT", "prees", "e4", None, date="2018-06"),
            event(text, "v3", "ACCUSE", "beschuldigden", "e2", "e5", date="2018"),
        ),
    ))

    text = ("Lavrov ontving in januari opnieuw Ri Yong-ho in Moskou. "
            "De twee ministers spraken over ontwapening.")
    docs.append(Document(
        id="bezoek-2019-01", date="2019-01", lang="nl", title="Ri Yong-ho in Moskou",
        source="De Dagkrant", url=None, text=text,
        entities=(
            entity(text, "e1", "Sergej Lavrov", "PER", LAVROV, "Lavrov"),
            entity(text, "e2", "Ri Yong-ho", "PER", RI, "Ri Yong-ho"),
            entity(text, "e3", "Moskou", "LOC", RUS, "Moskou"),
        ),
        times=(Time("t1", *_se(find(text, "januari")), "DATE", "2019-01", None, None),),
        events=(event(text, "v1", "CONSULT", "ontving", "e1", "e2", date="2019-01", time="t1",
                      location="e3", mode="visit"),),
    ))

    text = XSS_TEXT
    docs.append(Document(
        id="xss-2019-02", date="2019-02-01", lang="nl", title=XSS_TITLE,
        source="<i>Bron</i>", url="javascript:alert(1)", text=text,
        entities=(entity(text, "e1", "Sergej Lavrov", "PER", LAVROV, "Lavrov"),),
        events=(event(text, "v1", "PROTEST", "protesteerde", "e1", None, date="2019-02-01"),),
    ))

    text = "Een woordvoerder in Moskou zei dat Rusland overleg met Noord-Korea overweegt."
    docs.append(Document(
        id="overleg-2020", date="2020", lang="nl", title=None, source="De Dagkrant", url=None, text=text,
        entities=(
            entity(text, "e1", "Moskou", "LOC", RUS, "Moskou"),
            entity(text, "e2", "Rusland", "GPE", RUS, "Rusland"),
            entity(text, "e3", "Noord-Korea", "GPE", PRK, "Noord-Korea"),
        ),
        events=(event(text, "v1", "CONSULT", "overleg", "e2", "e3", modality="hypothetical"),),
    ))

    text = ("Het waterschap versterkt de dijk bij Zwolle. De aannemer begint in maart en "
            "verwacht het werk voor de winter af te ronden.")
    docs.append(Document(
        id="dijk-2021-11", date="2021-11-02", lang="nl", title="Dijk wordt versterkt",
        source="Het Weekblad", url=None, text=text,
        entities=(entity(text, "e1", "Zwolle", "LOC", None, "Zwolle"),),
    ))
    for d in docs:
        assert d.bad_spans() == [], (d.id, d.bad_spans())
    return docs


def _se(span: Span) -> tuple[int, int, str]:
    return span.start, span.end, span.text


def build(path: Path) -> Path:
    with Store.open_writer(path) as store:
        for d in documents():
            store.save(d)
        store.commit()
        sync(store)  # what ingest does after a batch: merged events and stories
    return path
