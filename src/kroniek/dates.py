"""Publication dates: parsed, checked, and kept at the precision the source gives.

A crawled article often says only ``2018-05``; kroniek must never invent the day.
A publication date is therefore stored as a normalized ISO string of one of four
precisions: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or a full ISO time.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum

from .errors import InputError


class Precision(str, Enum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"
    TIME = "time"


_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
# "2019-04-11T10:05", "2019-04-11 10:05:33.123+02:00", "...Z"
_TIME = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
    r"(Z|[+-]\d{2}:?\d{2})?$"
)
# Years outside this window are almost always typos or epoch artefacts.
_MIN_YEAR, _MAX_YEAR = 1000, 2999


@dataclass(frozen=True)
class PubDate:
    """A publication date at its own precision."""

    value: str
    precision: Precision

    @property
    def first_day(self) -> dt.date:
        y = int(self.value[:4])
        if self.precision is Precision.YEAR:
            return dt.date(y, 1, 1)
        m = int(self.value[5:7])
        if self.precision is Precision.MONTH:
            return dt.date(y, m, 1)
        return dt.date(y, m, int(self.value[8:10]))

    @property
    def last_day(self) -> dt.date:
        first = self.first_day
        if self.precision is Precision.YEAR:
            return dt.date(first.year, 12, 31)
        if self.precision is Precision.MONTH:
            nxt = dt.date(first.year + (first.month == 12), first.month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return first


def _check_year(year: int, raw: str) -> None:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        raise InputError(f"impossible year in date {raw!r}", code="E_INPUT_BAD_DATE")


def parse_pub_date(raw: object) -> PubDate:
    """Parse a publication date; raise InputError with a stable code when it is bad.

    Accepts ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` and ISO date-times (with ``T`` or a
    space, optional seconds, fraction and zone). Single-digit months and days are
    padded. Impossible dates (2018-02-30, month 13) are rejected, not corrected.
    """
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        raise InputError("the record has no publication date", code="E_INPUT_NO_DATE")
    if isinstance(raw, bool) or not isinstance(raw, (str, int)):
        raise InputError(
            f"publication date must be a string, not {type(raw).__name__}",
            code="E_INPUT_BAD_DATE",
        )
    text = str(raw).strip()
    try:
        if m := _YEAR.match(text):
            year = int(m.group(1))
            _check_year(year, text)
            return PubDate(f"{year:04d}", Precision.YEAR)
        if m := _MONTH.match(text):
            year, month = int(m.group(1)), int(m.group(2))
            _check_year(year, text)
            dt.date(year, month, 1)
            return PubDate(f"{year:04d}-{month:02d}", Precision.MONTH)
        if m := _DAY.match(text):
            year, month, day = (int(g) for g in m.groups())
            _check_year(year, text)
            dt.date(year, month, day)
            return PubDate(f"{year:04d}-{month:02d}-{day:02d}", Precision.DAY)
        if m := _TIME.match(text):
            year = int(m.group(1))
            _check_year(year, text)
            iso = text.replace(" ", "T", 1)
            if iso.endswith("Z"):
                iso = iso[:-1] + "+00:00"
            dt.datetime.fromisoformat(iso)
            return PubDate(text.replace(" ", "T", 1), Precision.TIME)
    except ValueError as exc:
        raise InputError(f"impossible date {text!r}: {exc}", code="E_INPUT_BAD_DATE") from None
    raise InputError(
        f"malformed date {text[:40]!r}: expected YYYY, YYYY-MM, YYYY-MM-DD or an ISO date-time",
        code="E_INPUT_BAD_DATE",
    )


def precision_of(value: str) -> Precision:
    """Precision of an already normalized publication date string."""
    return parse_pub_date(value).precision


# TIMEX3 values (events' dates), as opposed to publication dates above.
_TIMEX_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_TIMEX_MONTH = re.compile(r"^(\d{4})-(\d{2})")
_TIMEX_YEAR = re.compile(r"^(\d{4})")
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def timex_range(value: str | None) -> tuple[str, str] | None:
    """First and last day a TIMEX3 date value can mean; None when it names no calendar date."""
    if not value:
        return None
    try:
        if m := _TIMEX_DAY.match(value):
            day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
            return day, day
        if m := _TIMEX_MONTH.match(value):
            y, mo = int(m.group(1)), int(m.group(2))
            if not 1 <= mo <= 12:
                return None
            last = 29 if mo == 2 and calendar.isleap(y) else _MONTH_DAYS[mo - 1]
            return f"{y:04d}-{mo:02d}-01", f"{y:04d}-{mo:02d}-{last:02d}"
    except ValueError:
        return None
    if m := _TIMEX_YEAR.match(value):
        return f"{m.group(1)}-01-01", f"{m.group(1)}-12-31"
    return None
