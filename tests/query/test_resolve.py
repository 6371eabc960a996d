"""Queries as people type them: ISO codes, Dutch and English country names, names that
stand for a KB entry, full names in titles, "did you mean" (query.resolve_actor)."""

from __future__ import annotations

import pytest

from kroniek import query as Q
from kroniek.errors import QueryError


@pytest.mark.parametrize("typed", ["USA", "usa", "country:USA", "Verenigde Staten", "United States",
                                   "verenigde   staten", "VS", "country:Verenigde Staten"])
def test_a_country_is_found_by_code_or_by_its_dutch_or_english_name(store, typed):
    m = Q.resolve_actor(store, typed)
    assert (m.ref, m.label, m.label_nl) == ("country:USA", "United States", "Verenigde Staten")


def test_a_three_letter_code_means_the_country_in_a_dyad_as_with_the_prefix(store):
    plain = Q.dyad(store, "USA", "PRK")
    prefixed = Q.dyad(store, "country:USA", "country:PRK")
    assert len(plain.events) == len(prefixed.events) > 0
    assert (plain.a.title("nl"), plain.b.title("en")) == ("Verenigde Staten", "North Korea")


def test_a_name_and_the_kb_id_it_is_linked_to_give_the_same_scope_and_title(store):
    by_name = Q.timeline(store, "Ri Yong-ho")
    by_id = Q.timeline(store, "kb:RI_YONG_HO")
    assert by_name.actor.ref == by_id.actor.ref == "kb:RI_YONG_HO"
    assert by_name.actor.label == by_id.actor.label == "Ri Yong-ho"
    assert [(e.doc_id, e.event.id) for e in by_name.events] == [(e.doc_id, e.event.id) for e in by_id.events]


def test_a_country_title_is_its_full_name_in_either_language(store):
    m = Q.resolve_actor(store, "rus")
    assert (m.title("en"), m.title("nl")) == ("Russia", "Rusland")


def test_an_unknown_actor_says_what_the_store_holds_that_is_near(store):
    with pytest.raises(QueryError) as err:
        Q.resolve_actor(store, "Lavrof")
    assert err.value.code == "E_QUERY_NO_ACTOR"
    assert "did you mean Sergej Lavrov?" in err.value.message


def test_the_name_prefix_keeps_the_literal_name(store):
    assert Q.resolve_actor(store, "name:Rusland").ref == "name:Rusland"


def test_a_name_linked_to_several_kb_entries_offers_the_others(tmp_path):
    from kroniek.model import Actor, Document
    from kroniek.store import Store

    from .corpus import entity

    docs = []
    for n, (kb, full) in enumerate([("KIM_JONG_UN", "Kim Jong-un"), ("KIM_JONG_UN", "Kim Jong-un"),
                                    ("KIM_YO_JONG", "Kim Yo-jong")]):
        text = f"{full} sprak. Kim zweeg daarna."
        docs.append(Document(id=f"kim-{n}", date="2019-02-0{}".format(n + 1), lang="nl", title=None,
                             source=None, url=None, text=text,
                             entities=(entity(text, "e1", full, "PER", Actor("PRKGOV", "PRK", "GOV", None, kb),
                                              full, "Kim"),)))
    db = tmp_path / "kim.db"
    with Store.open_writer(db) as s:
        for d in docs:
            s.save(d)
    with Store.open_reader(db) as s:
        m = Q.resolve_actor(s, "Kim")
        assert (m.ref, m.label, m.documents) == ("kb:KIM_JONG_UN", "Kim Jong-un", 2)
        assert [(a.ref, a.label, a.entities) for a in m.alternatives] == [("kb:KIM_YO_JONG", "Kim Yo-jong", 1)]
        assert Q.resolve_actor(s, "kb:KIM_YO_JONG").alternatives == ()
