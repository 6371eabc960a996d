import datetime as dt

import pytest

from kroniek.extract.timex import calendar as cal


@pytest.mark.parametrize("year, expected", [(2000, "2000-04-23"), (2019, "2019-04-21"), (2024, "2024-03-31"),
                                            (2038, "2038-04-25")])
def test_easter(year, expected):
    assert cal.easter(year).isoformat() == expected


def test_holiday_rules():
    assert cal.holiday_date("sep-tue-3", 2019).isoformat() == "2019-09-17"  # Prinsjesdag
    assert cal.holiday_date("sep-tue-3", 2023).isoformat() == "2023-09-19"
    assert cal.holiday_date("easter+49", 2019).isoformat() == "2019-06-09"  # Pinksteren
    assert cal.holiday_date("04-27", 2019).isoformat() == "2019-04-27"


def test_weeks_months_seasons():
    assert cal.iso_week(dt.date(2018, 12, 31)) == "2019-W01"
    assert cal.iso_week(dt.date(2021, 1, 3)) == "2020-W53"
    assert cal.day_in_iso_week(dt.date(2019, 3, 14), 1).isoformat() == "2019-03-11"
    assert cal.add_months(2019, 1, -1) == (2018, 12) and cal.add_months(2019, 11, 3) == (2020, 2)
    assert cal.season_interval(2018, "WI") == (dt.date(2018, 12, 1), dt.date(2019, 2, 28))
    assert cal.season_of(dt.date(2019, 2, 10)) == (2018, "WI")
    assert cal.season_of(dt.date(2019, 7, 1)) == (2019, "SU")
    assert cal.last_day_of_month(2020, 2).day == 29


def test_distance_between_intervals():
    a = (dt.date(2019, 1, 1), dt.date(2019, 1, 31))
    assert cal.distance(a, (dt.date(2019, 1, 15), dt.date(2019, 3, 1))) == 0
    assert cal.distance(a, (dt.date(2019, 2, 10), dt.date(2019, 2, 10))) == 10
    assert cal.distance((dt.date(2019, 2, 10), dt.date(2019, 2, 10)), a) == 10
