"""Expression + document creation time (DCT) + tense → TIMEX3 type, value, weekday, mod.

Pure functions, no parse and no text: :func:`normalize` is what the benchmark times and
what other steps can call. The rules, in the order they apply, are written out in
docs/TIMES.md; the comments here say why each one is as it is.

The DCT keeps its own precision (:class:`kroniek.dates.PubDate`). When it gives only a
month, anything finer than a month that is counted from it ("donderdag", "gisteren")
gets X for the digits the DCT cannot tell: "2018-05-XX", never an invented day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ...dates import Precision, PubDate, parse_pub_date
from . import calendar as cal
from .expression import Expression, Timex

# Duration unit → (designator, whether it sits after "T", and how a fraction of it is
# rewritten in the next smaller unit so the value keeps whole numbers: "anderhalf jaar" →
# P18M, "een halve eeuw" → P50Y).
_DURATION_UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "week": ("W", False), "weekend": ("WE", False), "month": ("M", False), "quarter": ("Q", False),
    "halfyear": ("M", False), "year": ("Y", False), "decade": ("DE", False), "century": ("CE", False),
}
_SMALLER = {"century": ("year", 100), "decade": ("year", 10), "year": ("month", 12),
            "quarter": ("month", 3), "halfyear": ("month", 6), "week": ("day", 7), "day": ("hour", 24),
            "hour": ("minute", 60), "minute": ("second", 60)}
# Units written as a count of another unit in TIMEX3: a quarter is three months.
_AS_MONTHS = {"quarter": 3, "halfyear": 6}

_TIME_UNITS = {"second", "minute", "hour"}


def as_pub_date(dct: PubDate | str) -> PubDate:
    return dct if isinstance(dct, PubDate) else parse_pub_date(dct)


def normalize(expr: Expression, dct: PubDate | str, tense: str | None = None) -> Timex:
    """The TIMEX3 attributes of ``expr`` written in an article dated ``dct``.

    ``tense`` is the tense of the expression's clause: "past", "present", "future" or
    None (no finite verb, or one that does not tell: "zou"). Words in the expression
    itself ("afgelopen", "jl.", "a.s.") outweigh it.
    """
    dct = as_pub_date(dct)
    return _BY_KIND[expr.kind](expr, dct, tense)


# --------------------------------------------------------------------------- helpers


def _direction(expr: Expression, tense: str | None, present: int) -> int:
    """-1 before the DCT, +1 after it, 0 whichever is nearer.

    Cues in the expression come first. A past or perfect verb places the date before the
    DCT, "zal"/"gaat" + infinitive after it. The present tense means "after" for weekdays
    (Dutch news writes scheduled events in the present: "reist donderdag") and "nearest"
    for dates, where it is used for both ("de top is op 12 juni").
    """
    if expr.direction is not None:
        return expr.direction
    if tense == "past":
        return -1
    if tense == "future":
        return 1
    if tense == "present":
        return present
    return 0


def _dct_day(dct: PubDate) -> dt.date:
    return dct.first_day


def _day_precise(dct: PubDate) -> bool:
    return dct.precision in (Precision.DAY, Precision.TIME)


def _masked_day(dct: PubDate) -> str:
    """A day the DCT cannot pin down: "2018-05-XX" under a month, "2018-XX-XX" under a year."""
    if dct.precision is Precision.MONTH:
        return f"{dct.value[:7]}-XX"
    return f"{dct.value[:4]}-XX-XX"


def _time_suffix(expr: Expression) -> str:
    if expr.hour is not None:
        return f"T{expr.hour:02d}:{(expr.minute or 0):02d}"
    if expr.part is not None:
        return f"T{expr.part}"
    return ""


def _date_type(expr: Expression) -> str:
    return "TIME" if expr.hour is not None or expr.part is not None else "DATE"


def _pick(candidates: list[tuple[cal.Interval, int]], dct: PubDate, direction: int,
          strict: bool = False) -> int:
    """The candidate (interval, key) that lies in ``direction`` from the DCT and nearest to it.

    ``strict`` leaves out candidates that overlap the DCT ("afgelopen dinsdag" on a
    Tuesday is a week ago). Direction 0 takes the nearest, leaning ahead (see
    :func:`_lean_ahead`). Returns the key of the chosen candidate.
    """
    span = (dct.first_day, dct.last_day)
    if direction > 0:
        fits = [c for c in candidates if (c[0][0] > span[1] if strict else c[0][1] >= span[0])]
        if fits:
            return min(fits, key=lambda c: c[0][0])[1]
    elif direction < 0:
        fits = [c for c in candidates if (c[0][1] < span[0] if strict else c[0][0] <= span[1])]
        if fits:
            return max(fits, key=lambda c: c[0][0])[1]
    return min(candidates, key=lambda c: (_lean_ahead(c[0], span), -c[0][0].toordinal()))[1]


def _lean_ahead(candidate: cal.Interval, span: cal.Interval) -> int:
    """Distance from the DCT, counted double for what lies wholly before it.

    Without a tense that says "past" or "future", news more often means the coming
    September than the one half a year ago; a date well behind the DCT still wins when
    the next one is more than twice as far ahead ("de cijfers over januari", in March).
    """
    d = cal.distance(candidate, span)
    return 2 * d if candidate[1] < span[0] else d


def _duration_value(amount: float | None, unit: str) -> str:
    if amount is not None and unit in _AS_MONTHS:
        amount, unit = amount * _AS_MONTHS[unit], "month"
    if amount is not None and amount != int(amount) and unit in _SMALLER:
        smaller, factor = _SMALLER[unit]
        if amount * factor == int(amount * factor):  # else keep the fraction: "P1.5W"
            amount, unit = amount * factor, smaller
    designator, is_time = _DURATION_UNITS[unit]
    if amount is None:
        number = "X"
    elif amount == int(amount):
        number = str(int(amount))
    else:
        number = f"{amount:g}"
    return f"P{'T' if is_time else ''}{number}{designator}"


# --------------------------------------------------------------------------- calendar


def _calendar(expr: Expression, dct: PubDate, tense: str | None) -> Timex:
    if expr.century is not None and expr.decade is None:
        return Timex("DATE", f"{expr.century:02d}", None, expr.mod)
    if expr.decade is not None:
        return Timex("DATE", _decade(expr, dct, tense), None, expr.mod)
    if expr.year is not None:
        return _with_year(expr, expr.year)
    if expr.year_shift is not None:
        return _with_year(expr, dct.first_day.year + expr.year_shift)
    if any(v is not None for v in (expr.month, expr.season, expr.quarter, expr.half, expr.holiday)):
        return _with_year(expr, _infer_year(expr, dct, tense))
    if expr.weekday is not None:
        return _weekday(expr, dct, tense)
    # a clock time or part of day alone: the article's day
    date = _dct_day(dct).isoformat() if _day_precise(dct) else _masked_day(dct)
    return Timex(_date_type(expr), date + _time_suffix(expr), None, expr.mod)


def _decade(expr: Expression, dct: PubDate, tense: str | None) -> str:
    assert expr.decade is not None
    if expr.decade >= 10:  # the century was written ("de jaren 1990", "jaren zestig van de vorige eeuw")
        return str(expr.decade)
    year = dct.first_day.year
    if expr.shift is not None:  # "de jaren zestig van de vorige eeuw"
        return str((year // 100 + expr.shift) * 10 + expr.decade)
    # "de jaren negentig": the most recent such decade, unless the clause looks ahead
    candidates = [(c * 100 + expr.decade * 10) for c in (year // 100 - 1, year // 100, year // 100 + 1)]
    if tense == "future" or expr.direction == 1:
        start = min(s for s in candidates if s + 9 >= year)
    else:
        start = max(s for s in candidates if s <= year)
    return str(start // 10)


def _with_year(expr: Expression, year: int) -> Timex:
    weekday = expr.weekday
    if expr.holiday is not None:
        day = cal.holiday_date(expr.holiday, year)
        return Timex(_date_type(expr), day.isoformat() + _time_suffix(expr), weekday, expr.mod)
    if expr.month is not None and expr.day is not None:
        value = f"{year:04d}-{expr.month:02d}-{expr.day:02d}"
        return Timex(_date_type(expr), value + _time_suffix(expr), weekday, expr.mod)
    if expr.month is not None:
        return Timex("DATE", f"{year:04d}-{expr.month:02d}", weekday, expr.mod)
    if expr.season is not None:
        return Timex("DATE", f"{year:04d}-{expr.season}", None, expr.mod)
    if expr.quarter is not None:
        return Timex("DATE", f"{year:04d}-Q{expr.quarter}", None, expr.mod)
    if expr.half is not None:
        return Timex("DATE", f"{year:04d}-H{expr.half}", None, expr.mod)
    return Timex("DATE", f"{year:04d}", None, expr.mod)


def _interval_in(expr: Expression, year: int) -> cal.Interval | None:
    """Where the expression falls if it lies in ``year``; None when it cannot (29 February)."""
    if expr.holiday is not None:
        day = cal.holiday_date(expr.holiday, year)
        return day, day
    if expr.month is not None and expr.day is not None:
        try:
            day = dt.date(year, expr.month, expr.day)
        except ValueError:
            return None
        return day, day
    if expr.month is not None:
        return cal.month_interval(year, expr.month)
    if expr.season is not None:
        return cal.season_interval(year, expr.season)
    if expr.quarter is not None:
        return cal.quarter_interval(year, expr.quarter)
    assert expr.half is not None
    return cal.half_interval(year, expr.half)


def _infer_year(expr: Expression, dct: PubDate, tense: str | None) -> int:
    """The year that puts a date written without one nearest the DCT in the tense's direction.

    With a weekday ("dinsdag 12 juni") only years where that date is that weekday count,
    if any of the three candidate years fits.
    """
    base = dct.first_day.year
    candidates = []
    for year in (base - 1, base, base + 1):
        interval = _interval_in(expr, year)
        if interval is not None:
            candidates.append((interval, year))
    if expr.weekday is not None and expr.day is not None:
        fitting = [c for c in candidates if c[0][0].isoweekday() == expr.weekday]
        candidates = fitting or candidates
    if not candidates:  # 29 February around no leap year: the nearest leap year
        year = base
        while cal.last_day_of_month(year, 2).day != 29:
            year += 1
        return year
    return _pick(candidates, dct, _direction(expr, tense, present=0))


def _weekday(expr: Expression, dct: PubDate, tense: str | None) -> Timex:
    assert expr.weekday is not None
    suffix = _time_suffix(expr)
    if not _day_precise(dct):
        return Timex(_date_type(expr), _masked_day(dct) + suffix, expr.weekday, expr.mod)
    today = _dct_day(dct)
    # "afgelopen dinsdag" / "komende dinsdag": strictly before or after the article's day
    strict = expr.shift in (-1, 1)
    direction = expr.shift if strict else _direction(expr, tense, present=1)
    before = today - dt.timedelta(days=(today.isoweekday() - expr.weekday) % 7 or (7 if strict else 0))
    after = today + dt.timedelta(days=(expr.weekday - today.isoweekday()) % 7 or (7 if strict else 0))
    if direction < 0:
        day = before
    elif direction > 0:
        day = after
    else:
        day = before if 2 * (today - before) < (after - today) else after
    return Timex(_date_type(expr), day.isoformat() + suffix, expr.weekday, expr.mod)


# --------------------------------------------------------------------------- relative


def _relative(expr: Expression, dct: PubDate, tense: str | None) -> Timex:
    unit, shift = expr.unit, expr.shift or 0
    assert unit is not None
    suffix = _time_suffix(expr)
    kind = _date_type(expr)
    today = _dct_day(dct)
    year = today.year
    if unit in _TIME_UNITS or unit == "day":
        days = shift if unit == "day" else 0
        if unit == "day" and shift == 0 and expr.part == "NI" and tense == "past":
            days = -1  # "vannacht is ... gekanteld": the night that began the evening before
        if not _day_precise(dct):
            return Timex(kind, _masked_day(dct) + suffix, None, expr.mod)
        return Timex(kind, (today + dt.timedelta(days=days)).isoformat() + suffix, None, expr.mod)
    if unit in ("week", "weekend"):
        if not _day_precise(dct):
            if expr.weekday is not None:
                return Timex(kind, _masked_day(dct) + suffix, expr.weekday, expr.mod)
            return Timex(kind, f"{year:04d}-WXX" + ("-WE" if unit == "weekend" else ""), None, expr.mod)
        target = today + dt.timedelta(weeks=shift)
        if expr.weekday is not None:
            day = cal.day_in_iso_week(target, expr.weekday)
            return Timex(kind, day.isoformat() + suffix, expr.weekday, expr.mod)
        return Timex(kind, cal.iso_week(target) + ("-WE" if unit == "weekend" else ""), None, expr.mod)
    if unit == "month":
        if dct.precision is Precision.YEAR:
            return Timex(kind, f"{year:04d}-XX", None, expr.mod)
        y, m = cal.add_months(year, today.month, shift)
        return Timex(kind, f"{y:04d}-{m:02d}", None, expr.mod)
    if unit in ("quarter", "halfyear"):
        size = 3 if unit == "quarter" else 6
        letter = "Q" if unit == "quarter" else "H"
        if dct.precision is Precision.YEAR:
            return Timex(kind, f"{year:04d}-{letter}X", None, expr.mod)
        index = year * (12 // size) + (today.month - 1) // size + shift
        y, n = divmod(index, 12 // size)
        return Timex(kind, f"{y:04d}-{letter}{n + 1}", None, expr.mod)
    if unit == "year":
        return Timex(kind, f"{year + shift:04d}", None, expr.mod)
    if unit == "decade":
        return Timex(kind, f"{year // 10 + shift:03d}", None, expr.mod)
    if unit == "century":
        return Timex(kind, f"{year // 100 + shift:02d}", None, expr.mod)
    if unit == "season":
        return Timex(kind, _relative_season(expr, dct, tense), None, expr.mod)
    raise ValueError(f"unknown unit {unit!r}")


def _relative_season(expr: Expression, dct: PubDate, tense: str | None) -> str:
    """"vorige zomer", "deze winter", "komend voorjaar": counted in seasons of that name."""
    assert expr.season is not None
    year = dct.first_day.year
    candidates = [(cal.season_interval(y, expr.season), y) for y in (year - 2, year - 1, year, year + 1)]
    shift = expr.shift or 0
    if shift == 0:
        # "dit voorjaar": this year's; "deze winter": the one nearest the DCT in the tense's direction
        if expr.season == "WI":
            chosen = _pick(candidates, dct, _direction(expr, tense, present=0))
        else:
            chosen = year
    elif shift > 0 and expr.upcoming:
        # "komend voorjaar": the first one that has not yet begun in the everyday sense;
        # seasons here start on the 1st of the month (meteorological), the everyday ones
        # (astronomical) about three weeks later
        chosen = min(y for interval, y in candidates
                     if interval[0] + dt.timedelta(days=20) >= dct.first_day)
    else:
        chosen = _pick(candidates, dct, shift, strict=True)
    return f"{chosen:04d}-{expr.season}"


# --------------------------------------------------------------------------- others


def _duration(expr: Expression, dct: PubDate, tense: str | None) -> Timex:
    assert expr.unit is not None
    return Timex("DURATION", _duration_value(expr.amount, expr.unit), None, expr.mod)


def _set(expr: Expression, dct: PubDate, tense: str | None) -> Timex:
    if expr.weekday is not None:
        return Timex("SET", f"XXXX-WXX-{expr.weekday}" + _time_suffix(expr), expr.weekday, expr.mod)
    if expr.season is not None:
        return Timex("SET", f"XXXX-{expr.season}", None, expr.mod)
    if expr.unit is None and expr.part is not None:
        return Timex("SET", f"XXXX-XX-XXT{expr.part}", None, expr.mod)
    assert expr.unit is not None
    return Timex("SET", _duration_value(expr.amount if expr.amount is not None else 1, expr.unit),
                 None, expr.mod)


def _reference(expr: Expression, dct: PubDate, tense: str | None) -> Timex:
    return Timex("DATE", expr.reference, None, expr.mod)


def _anchor(expr: Expression, dct: PubDate, tense: str | None) -> Timex:
    first, last = expr.first_year, expr.last_year
    if first is None or last is None:
        return Timex("DATE", "XXXX", None, expr.mod)
    if expr.anchor_year == "first":
        return Timex("DATE", f"{first:04d}", None, expr.mod)
    if expr.anchor_year == "last":
        return Timex("DATE", f"{last:04d}", None, expr.mod)
    # the whole event: the digits its years share (1914-1918 → "191", the 1910s)
    a, b = f"{first:04d}", f"{last:04d}"
    common = 0
    while common < 4 and a[common] == b[common]:
        common += 1
    return Timex("DATE", a[:common] if common >= 2 else "XXXX", None, expr.mod)


_BY_KIND: dict[str, Callable[[Expression, PubDate, str | None], Timex]] = {
    "calendar": _calendar,
    "relative": _relative,
    "duration": _duration,
    "set": _set,
    "reference": _reference,
    "anchor": _anchor,
}
