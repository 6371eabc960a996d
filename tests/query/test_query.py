"""query.py over a real SQLite store built from hand-made documents (tests/query/corpus.py)."""

from __future__ import annotations

import pytest

from kroniek import query as Q
from kroniek.errors import QueryError
from kroniek.store import Store

from .corpus import documents


def keys(events):
    return [(e.doc_id, e.event.id) for e in events]


def test_actor_is_found_by_name_kb_id_and_country(store):
    # a mention text, any case: it stands for the KB entry its entities are linked to
    by_name = Q.resolve_actor(store, "lavrov")
    assert (by_name.ref, by_name.label, by_name.documents) == ("kb:SERGEY_LAVROV", "Sergej Lavrov", 3)
    by_kb = Q.resolve_actor(store, "SERGEY_LAVROV")
    assert by_kb.kind == "kb" and by_kb.entities == 3
    assert Q.resolve_actor(store, "rus").kind == "country"
    assert Q.resolve_actor(store, "name:Rusland").ref == "name:Rusland"
    assert Q.resolve_actor(store, "country:prk").value == "PRK"


def test_unknown_actor_is_a_clear_error(store):
    with pytest.raises(QueryError) as err:
        Q.resolve_actor(store, "Napoleon")
    assert err.value.code == "E_QUERY_NO_ACTOR"
    with pytest.raises(QueryError):
        Q.resolve_actor(store, "  ")


def test_timeline_holds_events_where_the_actor_is_source_or_target_in_date_order(store):
    t = Q.timeline(store, "kb:RI_YONG_HO")
    assert keys(t.events) == [("reis-2018-05", "v1"), ("reis-2018-05", "v2"), ("bezoek-2019-01", "v1")]
    assert {e.role for e in t.events} == {"target"}
    lavrov = Q.timeline(store, "Lavrov")
    assert [e.first_day for e in lavrov.events] == sorted(e.first_day for e in lavrov.events)
    assert {e.role for e in lavrov.events} == {"source"}
    first = lavrov.events[0]
    assert first.event.modality == "planned" and first.target.name == "Ri Yong-ho"
    assert first.location.name == "Pyongyang" and first.time.value == "2018-05-31"


def test_sentence_and_trigger_offsets_hold(store):
    docs = {d.id: d for d in documents()}
    for e in Q.search_events(store, limit=1000).events:
        text = docs[e.doc_id].text
        assert text[e.event.sentence.start:e.event.sentence.end] == e.sentence
        assert text[e.event.trigger.start:e.event.trigger.end] == e.event.trigger.text


def test_country_timeline_counts_an_event_between_two_of_its_actors_once(store):
    t = Q.timeline(store, "country:RUS")
    assert len(keys(t.events)) == len(set(keys(t.events)))
    assert ("reis-2018-05", "v4") in keys(t.events)  # Moskou is a Russian actor


def test_period_uses_the_event_date_else_the_article_date(store):
    june = Q.Period.parse("2018-06", "2018-06")
    assert (june.first, june.last) == ("2018-06-01", "2018-06-30")
    got = {k: e for k, e in zip(keys(Q.search_events(store, period=june).events),
                                Q.search_events(store, period=june).events)}
    assert ("top-2018-06", "v1") in got and ("top-2018-06", "v2") in got
    assert ("top-2018-06", "v3") in got  # dated "2018": the whole year overlaps June
    assert got[("top-2018-06", "v3")].first_day == "2018-01-01"
    assert ("reis-2018-05", "v1") not in got
    # no event date: the article's date (2020, a whole year) decides
    e2020 = Q.search_events(store, period=Q.Period.parse("2020-07-01", "2020-07-01")).events
    assert keys(e2020) == [("overleg-2020", "v1")] and e2020[0].dated_by == "article"
    assert e2020[0].last_day == "2020-12-31"
    # the undated events of 2018-05-30 fall on their article's day; "2018" overlaps it too
    day = Q.search_events(store, period=Q.Period.parse("2018-05-30", "2018-05-30")).events
    assert set(keys(day)) == {("reis-2018-05", "v3"), ("reis-2018-05", "v4"), ("top-2018-06", "v3")}


@pytest.mark.parametrize("start,end", [("2018-13", None), ("gisteren", None), ("2019", "2018"),
                                       (None, "2018-02-30"), ("2018-05-01T10:00", None)])
def test_bad_periods_are_refused(start, end):
    with pytest.raises(QueryError) as err:
        Q.Period.parse(start, end)
    assert err.value.code == "E_QUERY_PARAM"


@pytest.mark.parametrize("value", ["2018-05-31", "2018-05", "2018-05-XX", "2018", "2018-W22", "2018-SU",
                                   "2018-02", "2016-02-XX", "2018-12", "2018-05-31T14:00",
                                   "XXXX-05-31", "PRESENT_REF", None, "2018-13"])
def test_sql_period_rule_agrees_with_timex_range(db_path, value):
    import sqlite3

    conn = sqlite3.connect(db_path)
    first, last = conn.execute(
        f"SELECT {Q.EVENT_FIRST_DAY}, {Q.EVENT_LAST_DAY} FROM (SELECT ? AS date) v, "
        "(SELECT '1999-01-01' AS date_first, '1999-12-31' AS date_last) d", (value,)).fetchone()
    exact = Q.timex_range(value)
    if exact is None and value != "2018-13":
        assert (first, last) == ("1999-01-01", "1999-12-31")
    elif exact is not None:
        assert first == exact[0]
        # SQL ends a month on "-31": after every real day of it, before the next month
        assert exact[1] <= last < _next_month(exact[1])


def _next_month(day: str) -> str:
    y, m = int(day[:4]), int(day[5:7])
    return f"{y + (m == 12):04d}-{m % 12 + 1:02d}-01"


def test_dyad_holds_both_directions(store):
    d = Q.dyad(store, "Verenigde Staten", "country:PRK")
    assert {(k, e.role) for k, e in zip(keys(d.events), d.events)} == {
        (("top-2018-06", "v1"), "b->a"), (("top-2018-06", "v3"), "a->b")}
    assert d.count("a->b") == 1 and d.count("b->a") == 1
    rus_prk = Q.dyad(store, "RUS", "PRK")
    assert len(rus_prk.events) == 6 and {e.role for e in rus_prk.events} == {"a->b"}
    assert Q.dyad(store, "PRK", "RUS").count("b->a") == 6


def test_filters_by_type_modality_place_and_medium(store):
    assert {e.event.type for e in Q.search_events(store, types=["consult"]).events} == {"CONSULT"}
    planned = Q.search_events(store, modalities=["planned", "negated"]).events
    assert {e.event.modality for e in planned} == {"planned", "negated"} and len(planned) == 3
    assert keys(Q.search_events(store, place="Singapore").events) == [("top-2018-06", "v1")]
    weekly = Q.search_events(store, medium="het weekblad").events
    assert {e.medium for e in weekly} == {"Het Weekblad"} and len(weekly) == 3
    t = Q.timeline(store, "Lavrov", types=["PROTEST"])
    assert keys(t.events) == [("xss-2019-02", "v1")]


def test_bad_filters_are_refused(store):
    for kw in ({"types": ["PARTY"]}, {"modalities": ["maybe"]}, {"limit": 0}, {"offset": -1}):
        with pytest.raises(QueryError):
            Q.search_events(store, **kw)


def test_limit_reports_truncation(store):
    page = Q.search_events(store, limit=2)
    assert len(page.events) == 2 and page.truncated
    rest = Q.search_events(store, limit=100, offset=2)
    assert not rest.truncated and len(rest.events) == store.count("events") - 2


def test_full_text_search_marks_hits_and_keeps_markup_as_text(store):
    hits = Q.search_articles(store, "dijk")
    assert [h.id for h in hits] == ["dijk-2021-11"]
    assert any(p.hit and p.text.lower() == "dijk" for p in hits[0].snippet)
    xss = Q.search_articles(store, "script")
    assert xss[0].id == "xss-2019-02" and "<script>" in xss[0].title
    assert Q.search_articles(store, "(((") == []
    with pytest.raises(QueryError):
        Q.search_articles(store, "")


def test_actor_suggestions_with_counts(store):
    got = Q.actors(store, "lav")
    assert got[0].ref == "kb:SERGEY_LAVROV" and got[0].documents == 3 and got[0].events == 4
    assert Q.actors(store, "ri")[0].name == "Ri Yong-ho"  # a word of the name
    countries = [a for a in Q.actors(store, "pr") if a.kind == "country"]
    assert countries and countries[0].ref == "country:PRK"
    assert Q.actors(store, "100%_") == []


def test_network_weights_and_actor_filter(store):
    net = Q.network(store)
    edge = next(e for e in net.edges if (e.source, e.target) == ("kb:SERGEY_LAVROV", "kb:RI_YONG_HO"))
    assert edge.weight == 3 and edge.types[0].name == "CONSULT"
    assert {m.name for m in edge.modalities} == {"planned", "asserted"}
    only = Q.network(store, actor="Verenigde Staten")
    assert {(e.source, e.target) for e in only.edges} == {
        ("name:noord-korea", "name:verenigde staten"), ("name:verenigde staten", "name:pyongyang")}
    in_2019 = Q.network(store, Q.Period.parse("2019", "2019"))
    assert [e.weight for e in in_2019.edges] == [1]


def test_places_have_coordinates_when_known(store):
    got = {p.name: p for p in Q.places(store)}
    assert got["Moskou"].lat == pytest.approx(55.76) and got["Moskou"].events == 1
    assert got["Pyongyang"].events == 2
    assert got["Zwolle"].lat is not None and got["Zwolle"].events == 0
    lavrov = {p.name for p in Q.places(store, actor="Lavrov")}
    assert "Zwolle" not in lavrov and "Moskou" in lavrov


def test_summary(store):
    s = Q.summary(store)
    assert (s.documents, s.events, s.first_day, s.last_day) == (6, 10, "2018-05-30", "2021-11-02")


def test_store_needs_the_query_migration(corpus_db):
    with Store.open_reader(corpus_db) as s:
        names = {r[0] for r in s.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"events_source", "events_target", "mentions_text"} <= names


def test_timeline_uses_indexes_not_scans(store):
    """The query plan for an actor's events goes through the entity and event indexes."""
    plan = " ".join(r[-1] for r in store.conn.execute(
        "EXPLAIN QUERY PLAN SELECT v.rowid FROM entities a JOIN events v "
        "ON v.doc_id = a.doc_id AND v.source = a.id WHERE a.kb_id = 'X'"))
    assert "SCAN v" not in plan and "SCAN events" not in plan
