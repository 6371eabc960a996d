"""Merging event mentions across articles: one event however reported, two meetings a week
apart kept apart, the status arc in report order, the same result in any order."""

from __future__ import annotations

import dataclasses
import itertools
import random

from kroniek.corpus import MentionIn, Side, build_stories, merge_mentions
from kroniek.corpus.merge import actor_key, date_range, merged_id, status_arc

US = Side(actor_key("Donald Trump", "DONALD_TRUMP", "USA"), "Donald Trump", "DONALD_TRUMP", "USAGOV", "USA")
KP = Side(actor_key("Kim Jong-un", "KIM_JONG_UN", "PRK"), "Kim Jong-un", "KIM_JONG_UN", "PRKGOV", "PRK")
RU = Side(actor_key("Rusland", None, "RUS"), "Rusland", None, "RUS", "RUS")


def m(doc: str, day: str, modality: str, date: str | None, typ: str = "CONSULT", src=US, tgt=KP,
      outlet: str = "NOS", trigger: str = "ontmoeting") -> MentionIn:
    return MentionIn(doc, "v1", day, day, day, outlet, typ, None, modality, date, src, tgt, None,
                     trigger, 0, 10)


SUMMIT = [
    m("a", "2018-05-10", "planned", "2018-06-12"),
    m("b", "2018-05-11", "planned", "2018-06", outlet="NRC"),
    m("c", "2018-05-24", "negated", None),
    m("d", "2018-06-12", "asserted", "2018-06-12", outlet="NRC"),
    m("e", "2018-06-14", "asserted", "2018-06-13", src=KP, tgt=US, outlet="Trouw"),
    m("f", "2018-06-20", "asserted", "2018-06-19"),
]


def groups(events) -> set[frozenset[str]]:
    return {frozenset(x.doc_id for x in e.mentions) for e in events}


def test_one_event_several_modalities_and_a_second_meeting_a_week_later():
    events = merge_mentions(SUMMIT)
    assert groups(events) == {frozenset("abcde"), frozenset("f")}
    summit = next(e for e in events if e.reports == 5)
    assert summit.date == "2018-06-12"
    # The day in dispute stays visible.
    assert {(d.value, d.reports) for d in summit.dates} == {("2018-06-12", 2), ("2018-06-13", 1), ("2018-06", 1)}
    assert summit.conflicting_dates
    assert [(s.start, s.modality, s.reports) for s in summit.status] == [
        ("2018-05-10", "planned", 2), ("2018-05-24", "negated", 1), ("2018-06-12", "asserted", 2)]
    assert summit.outlets == ("NOS", "NRC", "Trouw")
    assert (summit.first_reported, summit.last_reported) == ("2018-05-10", "2018-06-14")
    # The majority's direction (Trump → Kim), though one report had it the other way round.
    assert summit.source == US and summit.target == KP
    assert summit.id == merged_id(summit.mentions)


def test_any_order_gives_the_same_events():
    want = merge_mentions(SUMMIT)
    for perm in itertools.permutations(SUMMIT):
        assert merge_mentions(perm) == want
    # Incremental: merging what a first batch gave with a second batch's mentions is the
    # same as merging all at once, because a block's events depend only on its mentions.
    first = merge_mentions(SUMMIT[3:])
    again = merge_mentions([x for e in first for x in e.mentions] + SUMMIT[:3])
    assert again == want


def test_blocks_keep_types_and_pairs_apart():
    events = merge_mentions([
        m("a", "2018-06-12", "asserted", "2018-06-12"),
        m("b", "2018-06-12", "asserted", "2018-06-12", typ="ASSAULT"),
        m("c", "2018-06-12", "asserted", "2018-06-12", tgt=RU),
        m("d", "2018-06-12", "asserted", "2018-06-12", typ="AGREE"),
        m("e", "2018-06-12", "asserted", "2018-06-12", typ="COOPERATE"),  # same family as AGREE
    ])
    assert groups(events) == {frozenset("a"), frozenset("b"), frozenset("c"), frozenset("de")}


def test_mentions_without_actors_are_never_merged():
    events = merge_mentions([m("a", "2018-06-12", "asserted", "2018-06-12", src=None, tgt=None),
                             m("b", "2018-06-12", "asserted", "2018-06-12", src=None, tgt=None)])
    assert len(events) == 2


def test_undated_reports_join_by_modality_window():
    # An undated report that it happened looks back a week from its article, a plan ahead.
    events = merge_mentions([
        m("held", "2018-06-12", "asserted", "2018-06-12"),
        m("late", "2018-06-15", "asserted", None),
        m("plan", "2018-03-01", "planned", None),
        m("old", "2018-01-02", "asserted", None),
    ])
    assert groups(events) == {frozenset({"held", "late", "plan"}), frozenset({"old"})}


def test_status_arc_folds_runs():
    arc = status_arc([m("a", "2018-05-01", "planned", None), m("b", "2018-05-02", "planned", None),
                      m("c", "2018-05-03", "asserted", None)])
    assert [(s.modality, s.reports) for s in arc] == [("planned", 2), ("asserted", 1)]


def test_stories_group_a_pair_within_a_month():
    events = merge_mentions(SUMMIT + [m("g", "2018-11-20", "asserted", "2018-11-19"),
                                      m("h", "2018-11-21", "asserted", "2018-11-19")])
    stories = build_stories(events)
    assert len(stories) == 2
    first = min(stories, key=lambda s: s.first_day)
    assert len(first.events) == 2 and first.documents == 6
    assert first.label.startswith("Donald Trump – Kim Jong-un")
    assert build_stories(reversed(events)) == stories


def test_random_orders_of_many_mentions():
    rng = random.Random(7)
    pool = [m(f"d{k}", f"2018-0{1 + k % 6}-1{k % 10}", rng.choice(["planned", "asserted", "negated"]),
              rng.choice([None, f"2018-0{1 + k % 6}-1{k % 10}", f"2018-0{1 + k % 6}"]),
              src=rng.choice([US, KP, RU]), tgt=rng.choice([US, KP, RU])) for k in range(200)]
    want = merge_mentions(pool)
    for _ in range(5):
        rng.shuffle(pool)
        assert merge_mentions(pool) == want
    assert sum(e.reports for e in want) == len(pool)


def test_one_trigger_in_one_article_is_one_event():
    fr = Side(actor_key("Frankrijk", None, "FRA"), "Frankrijk", None, "FRA", "FRA")
    de = Side(actor_key("Duitsland", None, "DEU"), "Duitsland", None, "DEU", "DEU")
    base = dict(outlet=None, trigger="strafmaatregelen", tgt=RU)
    proposal = [dataclasses.replace(m("a", "2020-10-07", "planned", None, typ="SANCTION", src=src, **base),
                                    event_id=f"v{k}", trigger_start=100) for k, src in enumerate((fr, de))]
    sought = dataclasses.replace(m("b", "2020-10-08", "planned", None, typ="SANCTION", src=de, **base))
    events = merge_mentions(proposal + [sought])
    assert len(events) == 1 and events[0].reports == 3
    # Not across articles, and not without a shared trigger.
    apart = [dataclasses.replace(x, trigger_start=-1) for x in proposal]
    assert len(merge_mentions(apart)) == 2


def test_an_iso_week_is_its_seven_days():
    assert date_range("2020-W42") == ("2020-10-12", "2020-10-18")
    events = merge_mentions([m("a", "2020-10-09", "planned", "2020-W42"),
                             m("b", "2020-10-14", "asserted", "2020-10-14"),
                             m("c", "2020-03-02", "asserted", None)])
    assert groups(events) == {frozenset("ab"), frozenset("c")}


def _in(doc: str, k: int, typ: str, modality: str, date: str | None, trigger: str, src=US, tgt=KP):
    return dataclasses.replace(m(doc, "2018-06-12", modality, date, typ=typ, src=src, tgt=tgt, trigger=trigger),
                               event_id=f"v{k}")


def test_one_article_merges_two_triggers_only_on_evidence():
    # Undated and of another type: a threat and a refusal in one article are two events,
    # though both fall in one family and take the same article date.
    apart = merge_mentions([_in("a", 0, "THREATEN", "asserted", None, "dreigt"),
                            _in("a", 1, "REJECT", "asserted", None, "weigert")])
    assert len(apart) == 2
    # A dated mention beside an undated one of the same article is background, not a report.
    assert len(merge_mentions([_in("a", 0, "CONSULT", "asserted", "2018-06-12", "ontmoetten"),
                               _in("a", 1, "CONSULT", "asserted", None, "overleg")])) == 2
    # The same day, the same word again, or an undated restatement of type and modality: one.
    assert len(merge_mentions([_in("a", 0, "CONSULT", "asserted", "2018-06-12", "ontmoetten"),
                               _in("a", 1, "CONSULT", "asserted", "2018-06-12", "top")])) == 1
    assert len(merge_mentions([_in("a", 0, "CONSULT", "asserted", "2018-06", "onderhandelingen"),
                               _in("a", 1, "CONSULT", "asserted", None, "onderhandelen")])) == 1
    assert len(merge_mentions([_in("a", 0, "CONSULT", "planned", None, "top"),
                               _in("a", 1, "CONSULT", "planned", None, "ontmoeting")])) == 1
    # Across articles the article date still counts: another outlet's undated report joins.
    assert len(merge_mentions([_in("a", 0, "CONSULT", "asserted", "2018-06-12", "ontmoetten"),
                               _in("b", 0, "CONSULT", "asserted", None, "overleg")])) == 1


def test_one_article_rule_keeps_order_freedom():
    pool = [_in("a", 0, "CONSULT", "asserted", "2018-06-12", "ontmoetten"),
            _in("a", 1, "CONSULT", "asserted", None, "overleg"),
            _in("a", 2, "CONSULT", "asserted", "2018-06-12", "top"),
            _in("b", 0, "CONSULT", "asserted", None, "gesprek"),
            _in("c", 0, "CONSULT", "asserted", "2018-06-13", "ontmoeting")]
    want = merge_mentions(pool)
    for perm in itertools.permutations(pool):
        assert merge_mentions(list(perm)) == want


def test_a_pair_of_one_country_is_compared_by_its_actors():
    ss = lambda name: Side(actor_key(name, None, "SSD"), name, None, "SSD", "SSD")  # noqa: E731
    kiir, machar, dinka = ss("Salva Kiir"), ss("Riek Machar"), ss("Dinka")
    deal = _in("a", 0, "AGREE", "asserted", "2018-06-27", "getekend", src=kiir, tgt=machar)
    backing = _in("b", 0, "SUPPORT", "asserted", "2018-06-27", "steunt", src=dinka, tgt=kiir)
    assert deal.own_pair != backing.own_pair and len(merge_mentions([deal, backing])) == 2
    # Between states the country still stands for its leader.
    assert _in("a", 0, "CONSULT", "asserted", None, "top").own_pair == "country:PRK|country:USA"
