"""Calendar arithmetic the normalizer needs: months, ISO weeks, seasons, Easter, holidays."""

from __future__ import annotations

import datetime as dt

Interval = tuple[dt.date, dt.date]

# TIMEX3 season codes and the months they start in (meteorological seasons; winter
# belongs to the year of its December).
SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def last_day_of_month(year: int, month: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def month_interval(year: int, month: int) -> Interval:
    return dt.date(year, month, 1), last_day_of_month(year, month)


def season_interval(year: int, season: str) -> Interval:
    start_month = SEASON_START_MONTH[season]
    start = dt.date(year, start_month, 1)
    end_year, end_month = add_months(year, start_month, 2)
    return start, last_day_of_month(end_year, end_month)


def season_of(day: dt.date) -> tuple[int, str]:
    """The season (and the year TIMEX3 gives it) that ``day`` falls in."""
    if day.month in (1, 2):
        return day.year - 1, "WI"
    for code, start in (("WI", 12), ("FA", 9), ("SU", 6), ("SP", 3)):
        if day.month >= start:
            return day.year, code
    raise AssertionError("unreachable")


def quarter_interval(year: int, quarter: int) -> Interval:
    first = 3 * (quarter - 1) + 1
    return dt.date(year, first, 1), last_day_of_month(year, first + 2)


def half_interval(year: int, half: int) -> Interval:
    first = 6 * (half - 1) + 1
    return dt.date(year, first, 1), last_day_of_month(year, first + 5)


def easter(year: int) -> dt.date:
    """Easter Sunday (Gregorian), by the anonymous Gregorian algorithm."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


_MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
               "sep": 9, "oct": 10, "nov": 11, "dec": 12}
_WEEKDAY_ABBR = {"mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7}


def holiday_date(rule: str, year: int) -> dt.date:
    """The date of a named day in ``year``; ``rule`` as in time_holidays.txt."""
    if rule.startswith("easter"):
        return easter(year) + dt.timedelta(days=int(rule[len("easter"):]))
    if rule[:2].isdigit():
        month, day = rule.split("-")
        return dt.date(year, int(month), int(day))
    month_name, weekday_name, nth = rule.split("-")  # "sep-tue-3": the third Tuesday of September
    first = dt.date(year, _MONTH_ABBR[month_name], 1)
    offset = (_WEEKDAY_ABBR[weekday_name] - first.isoweekday()) % 7
    return first + dt.timedelta(days=offset + 7 * (int(nth) - 1))


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def day_in_iso_week(day: dt.date, weekday: int) -> dt.date:
    """The date with ISO ``weekday`` in the ISO week of ``day``."""
    return day + dt.timedelta(days=weekday - day.isoweekday())


def distance(a: Interval, b: Interval) -> int:
    """Days between two intervals; 0 when they overlap."""
    if a[1] < b[0]:
        return (b[0] - a[1]).days
    if b[1] < a[0]:
        return (a[0] - b[1]).days
    return 0
