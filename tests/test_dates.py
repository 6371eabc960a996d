import datetime as dt

import pytest

from kroniek.dates import Precision, parse_pub_date
from kroniek.errors import InputError


@pytest.mark.parametrize("raw, value, precision", [
    ("2018", "2018", Precision.YEAR),
    ("2018-05", "2018-05", Precision.MONTH),
    ("2018-5", "2018-05", Precision.MONTH),
    ("2018-05-30", "2018-05-30", Precision.DAY),
    (" 2018-05-30 ", "2018-05-30", Precision.DAY),
    ("2019-04-11T10:05:00", "2019-04-11T10:05:00", Precision.TIME),
    ("2019-04-11 10:05", "2019-04-11T10:05", Precision.TIME),
    ("2019-04-11T10:05:00Z", "2019-04-11T10:05:00Z", Precision.TIME),
    ("2019-04-11T10:05:00.123+02:00", "2019-04-11T10:05:00.123+02:00", Precision.TIME),
    (2018, "2018", Precision.YEAR),
])
def test_valid_dates_keep_their_precision(raw, value, precision):
    d = parse_pub_date(raw)
    assert (d.value, d.precision) == (value, precision)


@pytest.mark.parametrize("raw, code", [
    (None, "E_INPUT_NO_DATE"),
    ("", "E_INPUT_NO_DATE"),
    ("   ", "E_INPUT_NO_DATE"),
    ("2018-02-30", "E_INPUT_BAD_DATE"),
    ("2018-13", "E_INPUT_BAD_DATE"),
    ("2018-00-10", "E_INPUT_BAD_DATE"),
    ("0001", "E_INPUT_BAD_DATE"),
    ("30-05-2018", "E_INPUT_BAD_DATE"),
    ("gisteren", "E_INPUT_BAD_DATE"),
    ("2019-04-11T25:00", "E_INPUT_BAD_DATE"),
    (True, "E_INPUT_BAD_DATE"),
    ([2018], "E_INPUT_BAD_DATE"),
])
def test_bad_dates_raise_with_stable_codes(raw, code):
    with pytest.raises(InputError) as info:
        parse_pub_date(raw)
    assert info.value.code == code


def test_bounds_of_each_precision():
    assert parse_pub_date("2018").first_day == dt.date(2018, 1, 1)
    assert parse_pub_date("2018").last_day == dt.date(2018, 12, 31)
    assert parse_pub_date("2016-02").last_day == dt.date(2016, 2, 29)
    assert parse_pub_date("2018-12").last_day == dt.date(2018, 12, 31)
    assert parse_pub_date("2018-05-30").first_day == parse_pub_date("2018-05-30").last_day
    assert parse_pub_date("2019-04-11T10:05").first_day == dt.date(2019, 4, 11)
