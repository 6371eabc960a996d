"""Normalization without text: Expression + DCT + tense → TIMEX3."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kroniek.errors import InputError
from kroniek.extract.timex import Expression, Timex, normalize


def cal(**kw):
    return Expression("calendar", **kw)


def rel(**kw):
    return Expression("relative", **kw)


def test_weekday_follows_the_tense_at_day_precision():
    thursday = cal(weekday=4)
    assert normalize(thursday, "2018-05-30", "present") == Timex("DATE", "2018-05-31", 4)
    assert normalize(thursday, "2018-05-30", "past") == Timex("DATE", "2018-05-24", 4)
    assert normalize(cal(weekday=2), "2018-05-30", "past").value == "2018-05-29"
    assert normalize(cal(weekday=2), "2018-05-30", "future").value == "2018-06-05"


def test_weekday_under_a_month_or_year_is_never_an_invented_day():
    for tense in ("past", "present", "future", None):
        assert normalize(cal(weekday=4), "2018-05", tense) == Timex("DATE", "2018-05-XX", 4)
        assert normalize(cal(weekday=4), "2018", tense) == Timex("DATE", "2018-XX-XX", 4)
    assert normalize(cal(weekday=2, part="EV"), "2018-05", "past") == Timex("TIME", "2018-05-XXTEV", 2)


def test_the_dct_day_itself_and_strict_cues():
    # the article's own weekday is today, unless "afgelopen"/"komende" push it a week
    assert normalize(cal(weekday=3), "2018-05-30", "past").value == "2018-05-30"
    assert normalize(cal(weekday=3, shift=-1), "2018-05-30", "present").value == "2018-05-23"
    assert normalize(cal(weekday=3, shift=1), "2018-05-30", "past").value == "2018-06-06"
    assert normalize(cal(weekday=6, direction=-1), "2019-03-14", "present").value == "2019-03-09"


def test_without_tense_the_nearest_leaning_ahead():
    # Thursday: Tuesday two days back beats Tuesday five days ahead; Monday four ahead beats three back
    assert normalize(cal(weekday=2), "2019-03-14", None).value == "2019-03-12"
    assert normalize(cal(weekday=1), "2019-03-14", None).value == "2019-03-18"


def test_year_inferred_in_the_direction_of_the_tense():
    june12 = cal(month=6, day=12)
    assert normalize(june12, "2018-05", "future").value == "2018-06-12"
    assert normalize(june12, "2018-05-30", "past").value == "2017-06-12"
    assert normalize(june12, "2018-05-30", "present").value == "2018-06-12"
    assert normalize(cal(month=5, day=12), "2018-05", "past").value == "2018-05-12"
    assert normalize(cal(month=1), "2019-03-14", "present").value == "2019-01"
    assert normalize(cal(month=10), "2018-05-30", "present").value == "2018-10"
    assert normalize(cal(month=12), "2019-01-07", "past").value == "2018-12"
    assert normalize(cal(month=1, day=3), "2018-12-28", "present").value == "2019-01-03"


def test_a_weekday_with_a_date_picks_the_year_it_fits():
    assert normalize(cal(month=3, day=18, weekday=1), "2019-03", None) == Timex("DATE", "2019-03-18", 1)
    assert normalize(cal(month=3, day=18, weekday=7), "2019-03", None).value == "2018-03-18"


def test_29_february_without_a_year():
    assert normalize(cal(month=2, day=29), "2019-03-14", "past").value == "2020-02-29"


def test_explicit_years_decades_centuries():
    assert normalize(cal(year=2000), "2018-05").value == "2000"
    assert normalize(cal(year=2018, month=6, day=12, hour=20, minute=30), "2018").value == "2018-06-12T20:30"
    assert normalize(cal(decade=9), "2019-03-14", "past").value == "199"
    assert normalize(cal(decade=2), "2019-03-14", "present").value == "192"
    assert normalize(cal(decade=3), "2019-03-14", "future").value == "203"
    assert normalize(cal(decade=6, shift=-1), "2019-03-14").value == "196"
    assert normalize(cal(decade=199), "2019").value == "199"
    assert normalize(cal(century=18), "2019").value == "18"
    assert normalize(cal(year_shift=-1, month=6), "2019-03-14").value == "2018-06"


def test_seasons_quarters_halves_holidays():
    assert normalize(cal(season="SU"), "2019-03-14", "future").value == "2019-SU"
    assert normalize(cal(season="WI"), "2019-03-14", "past").value == "2018-WI"
    assert normalize(cal(quarter=1), "2019-05-02", "past").value == "2019-Q1"
    assert normalize(cal(half=2, year=2017), "2019").value == "2017-H2"
    assert normalize(cal(holiday="12-25"), "2018-12-20", "present").value == "2018-12-25"
    assert normalize(cal(holiday="easter+0"), "2019-03-14", "present").value == "2019-04-21"
    assert normalize(cal(holiday="12-31", part="EV"), "2018-12-28", None) == Timex("TIME", "2018-12-31TEV")


def test_relative_units_at_each_precision():
    assert normalize(rel(unit="day", shift=-1), "2018-05-30").value == "2018-05-29"
    assert normalize(rel(unit="day", shift=-1), "2018-05").value == "2018-05-XX"
    assert normalize(rel(unit="day", shift=1, part="MO"), "2018-05-31") == Timex("TIME", "2018-06-01TMO")
    assert normalize(rel(unit="week", shift=-1), "2018-05-30").value == "2018-W21"
    assert normalize(rel(unit="week", shift=1), "2018-12-28").value == "2019-W01"
    assert normalize(rel(unit="week", shift=-1), "2018-05").value == "2018-WXX"
    assert normalize(rel(unit="week", shift=-1, weekday=2), "2018-05-30") == Timex("DATE", "2018-05-22", 2)
    assert normalize(rel(unit="weekend", shift=0), "2018-05-30").value == "2018-W22-WE"
    assert normalize(rel(unit="month", shift=-1), "2019-01-07").value == "2018-12"
    assert normalize(rel(unit="month", shift=-1), "2019").value == "2019-XX"
    assert normalize(rel(unit="quarter", shift=-1), "2019-03-14").value == "2018-Q4"
    assert normalize(rel(unit="halfyear", shift=1), "2019-03-14").value == "2019-H2"
    assert normalize(rel(unit="year", shift=1), "2018-05").value == "2019"
    assert normalize(rel(unit="decade", shift=1), "2018-05").value == "202"
    assert normalize(rel(unit="century", shift=-1), "2018").value == "19"
    assert normalize(rel(unit="season", season="SP", shift=0), "2019-03-14").value == "2019-SP"
    assert normalize(rel(unit="season", season="SU", shift=-1), "2019-03-14").value == "2018-SU"
    assert normalize(rel(unit="season", season="SP", shift=1), "2019-03-14").value == "2020-SP"
    assert normalize(rel(unit="season", season="WI", shift=0), "2019-01-07", "present").value == "2018-WI"


def test_durations_sets_references_anchors():
    dur = Expression
    assert normalize(dur("duration", unit="year", amount=70.0), "2018-05") == Timex("DURATION", "P70Y")
    assert normalize(dur("duration", unit="year", amount=1.5), "2018-05").value == "P18M"
    assert normalize(dur("duration", unit="century", amount=0.5), "2018-05").value == "P50Y"
    assert normalize(dur("duration", unit="hour", amount=0.5), "2018-05").value == "PT30M"
    assert normalize(dur("duration", unit="week", amount=1.5), "2018-05").value == "P1.5W"
    assert normalize(dur("duration", unit="quarter", amount=2.0), "2018-05").value == "P6M"
    assert normalize(dur("duration", unit="week", amount=None), "2018-05").value == "PXW"
    assert normalize(dur("duration", unit="hour", amount=48.0, mod="MORE_THAN"), "2018") == \
        Timex("DURATION", "PT48H", None, "MORE_THAN")
    assert normalize(dur("set", unit="week", amount=1.0), "2018") == Timex("SET", "P1W")
    assert normalize(dur("set", weekday=6), "2018") == Timex("SET", "XXXX-WXX-6", 6)
    assert normalize(dur("set", part="MO"), "2018").value == "XXXX-XX-XXTMO"
    assert normalize(dur("reference", reference="PRESENT_REF"), "2018") == Timex("DATE", "PRESENT_REF")
    anchor = dur("anchor", first_year=1939, last_year=1945, anchor_year="last", mod="AFTER")
    assert normalize(anchor, "2018") == Timex("DATE", "1945", None, "AFTER")
    assert normalize(dur("anchor", first_year=1914, last_year=1918, anchor_year="all"), "2018").value == "191"
    assert normalize(dur("anchor", first_year=None, last_year=None, anchor_year="last"), "2018").value == "XXXX"


def test_a_bad_dct_is_an_input_error():
    with pytest.raises(InputError):
        normalize(cal(weekday=1), "2018-13")


days = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2080, 12, 31))


@given(day=days, weekday=st.integers(1, 7), tense=st.sampled_from(["past", "present", "future", None]))
def test_weekday_values_are_that_weekday_within_a_week(day, weekday, tense):
    t = normalize(cal(weekday=weekday), day.isoformat(), tense)
    got = dt.date.fromisoformat(t.value)
    assert got.isoweekday() == weekday == t.weekday
    assert abs((got - day).days) <= 6
    if tense == "past":
        assert got <= day
    if tense in ("future", "present"):
        assert got >= day


@given(day=days, month=st.integers(1, 12), dom=st.integers(1, 28),
       tense=st.sampled_from(["past", "future", None]))
def test_dates_without_a_year_land_within_a_year_on_the_right_side(day, month, dom, tense):
    got = dt.date.fromisoformat(normalize(cal(month=month, day=dom), day.isoformat(), tense).value)
    assert abs((got - day).days) <= 366
    if tense == "past":
        assert got <= day
    if tense == "future":
        assert got >= day


@given(day=days, shift=st.integers(-30, 30))
def test_relative_days_and_weeks_agree_with_date_arithmetic(day, shift):
    assert normalize(rel(unit="day", shift=shift), day.isoformat()).value == \
        (day + dt.timedelta(days=shift)).isoformat()
    y, w, _ = (day + dt.timedelta(weeks=shift)).isocalendar()
    assert normalize(rel(unit="week", shift=shift), day.isoformat()).value == f"{y:04d}-W{w:02d}"
