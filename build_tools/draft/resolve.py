"""Date expressions resolved against the publication date, with the precision the text supports.

Named and numeric dates keep what they say (a missing year comes from the publication, or from
the weekday written next to the day); relative forms ("bulan lalu", "minggu lalu", "Selasa lalu",
"last month", "kemarin") are small deterministic rules, so that a draft never depends on the day
it is made (except where the year has to be guessed, and then only through an explicit `today`).
Every result is a year, a month, a day or an interval.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..model import DateSpan, PartialDate
from .dates import Found

#: how many paragraphs from the top may give the publication date when none is given
LEAD_PARAGRAPHS = 3
_YEARS_BACK = 60
#: a day-and-month without a year up to this many days after publication is still to come
FUTURE_DAYS = 62

ENGLISH_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ENGLISH_MONTHS = tuple(calendar.month_name)[1:]


class DateError(ValueError):
    """A date given on the command line that is not a calendar date of the accepted forms."""


@dataclass(frozen=True)
class Resolved:
    found: Found
    span: DateSpan | None
    how: str  # a short explanation for the draft's comment
    warning: str | None = None


@dataclass(frozen=True)
class Reference:
    """What relative expressions are resolved against."""

    published: PartialDate
    #: the most precise known day: the publication day, or a dated report in the lead paragraphs
    day: date | None = None


@dataclass(frozen=True)
class Publication:
    published: PartialDate
    note: str  # why this value, for a comment; empty when given on the command line
    day: date | None = None

    @property
    def reference(self) -> Reference:
        return Reference(self.published, self.day)


def parse_published(text: str) -> PartialDate:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real calendar date; raises DateError."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text.strip())
    if not match:
        raise DateError(f"{text!r} is not a date YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else 0 for g in match.groups())
    if month and not 1 <= month <= 12:
        raise DateError(f"{text!r}: there is no month {month}")
    if day and not _is_date(year, month, day):
        raise DateError(f"{text!r} is not a date in the calendar")
    return PartialDate(year, month, day)


def _is_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def describe(day: date) -> str:
    return f"{day.day} {ENGLISH_MONTHS[day.month - 1]} {day.year}"


def find_publication(found: list[Found], lead_end: int, today: date) -> Publication | None:
    """The publication date the lead paragraphs support, when none is given.

    A date with its year ("Kamis (13/7/2023)") is taken as the day of publication. A day without a
    year ("Senin (5/6)") only dates the report: the publication is given to the month, and the year
    is the latest one up to `today` in which that day falls on the weekday written next to it.
    """
    lead = [f for f in found if f.start < lead_end and f.kind in ("numeric", "named") and f.day]
    for item in lead:
        if item.year and _is_date(item.year, item.month, item.day):
            day = date(item.year, item.month, item.day)
            note = f"from {item.text!r} in the first paragraphs; confirm"
            return Publication(PartialDate(day.year, day.month, day.day), note, day)
    for item in lead:
        year, how = _guess_year(item, today)
        if year:
            day = date(year, item.month, item.day)
            note = (
                f"the text gives no publication date; {item.text!r} in the first paragraphs is {describe(day)} "
                f"({how}), so the article appeared in or after that month; confirm"
            )
            return Publication(PartialDate(year, item.month), note, day)
    months = [f for f in found if f.start < lead_end and f.kind == "named" and f.year and not f.day]
    if months:
        item = months[0]
        note = f"from {item.text!r} in the first paragraphs; confirm"
        return Publication(PartialDate(item.year, item.month), note)
    return None


def _guess_year(item: Found, today: date) -> tuple[int, str]:
    for year in range(today.year, today.year - _YEARS_BACK, -1):
        if not _is_date(year, item.month, item.day) or date(year, item.month, item.day) > today:
            continue
        if item.weekday is None:
            return year, "the text gives no year; the latest such day up to today is assumed"
        if date(year, item.month, item.day).weekday() == item.weekday:
            weekday = ENGLISH_WEEKDAYS[item.weekday]
            return year, f"the latest year up to today in which it falls on a {weekday}"
    return 0, ""


def lead_reference(found: list[Found], lead_end: int, published: PartialDate) -> date | None:
    """The first full day dated in the lead paragraphs, read with the publication's year."""
    if published.day:
        return date(published.year, published.month, published.day)
    for item in found:
        if item.start < lead_end and item.kind in ("numeric", "named") and item.day:
            span = _absolute(item, published)
            if span is not None and span.start.day:
                return date(span.start.year, span.start.month, span.start.day)
    return None


def resolve(item: Found, ref: Reference) -> Resolved:
    """The date or interval an expression stands for, to the precision it supports."""
    if item.kind in ("numeric", "named"):
        return _resolve_absolute(item, ref)
    if item.kind == "year":
        return Resolved(item, DateSpan(PartialDate(item.year)), "the year written")
    unit = item.unit or _UNIT_OF.get(item.kind, "")
    if unit == "year" or item.kind == "named-year-delta":
        return _in_year(item, ref.published)
    if unit == "month" or item.kind == "named-relative":
        base = _month_base(ref)
        if base is None:
            return Resolved(item, None, "needs the month of publication (pass --published YYYY-MM)")
        return _named_month(item, ref, base) if item.kind == "named-relative" else _month(item, base)
    day = ref.day
    if day is None and ref.published.day:
        day = date(ref.published.year, ref.published.month, ref.published.day)
    if day is None:
        return Resolved(item, None, "needs the day of publication (pass --published YYYY-MM-DD)")
    return _from_day(item, day, unit)


_UNIT_OF = {"year-delta": "year", "month-delta": "month", "week-delta": "week", "day-delta": "day"}


def _relative(delta: int, unit: str) -> str:
    if delta == 0:
        return f"the same {unit}"
    if abs(delta) == 1:
        return f"the {unit} before" if delta < 0 else f"the {unit} after"
    return f"{abs(delta)} {unit}s {'before' if delta < 0 else 'after'}"


def _in_year(item: Found, published: PartialDate) -> Resolved:
    """A year relative to publication ("tahun lalu"), or a month of it ("September tahun lalu")."""
    year = published.year + item.delta
    how = f"{_relative(item.delta, 'year')} ({published.year})"
    if item.kind != "named-year-delta":
        return Resolved(item, DateSpan(PartialDate(year)), how)
    if item.day and not _is_date(year, item.month, item.day):
        return Resolved(item, None, "not a date in the calendar")
    return Resolved(
        item, DateSpan(PartialDate(year, item.month, item.day)), f"{ENGLISH_MONTHS[item.month - 1]} of {how}"
    )


def _month(item: Found, base: tuple[int, int]) -> Resolved:
    year, month = divmod(base[0] * 12 + base[1] - 1 + item.delta, 12)
    how = f"{_relative(item.delta, 'month')} ({_iso(*base)})"
    return Resolved(item, DateSpan(PartialDate(year, month + 1)), how)


def _named_month(item: Found, ref: Reference, base: tuple[int, int]) -> Resolved:
    """A month said relative to publication: "Juli lalu" is the last July up to it, "Januari
    mendatang" the next January after it."""
    year, month = base
    written = (item.month, item.day or 0)
    now = (month, ref.day.day if ref.day and item.day else 0)
    if item.delta < 0 and written > now:
        year -= 1
    elif item.delta > 0 and written <= now:
        year += 1
    if item.day and not _is_date(year, item.month, item.day):
        return Resolved(item, None, "not a date in the calendar")
    which = {-1: "the last", 0: "the", 1: "the next"}[item.delta]
    side = {-1: "up to", 0: "in the year of", 1: "after"}[item.delta]
    how = f"{which} {ENGLISH_MONTHS[item.month - 1]} {side} publication ({_iso(*base)})"
    return Resolved(item, DateSpan(PartialDate(year, item.month, item.day)), how)


def _from_day(item: Found, day: date, unit: str) -> Resolved:
    anchor = f"{describe(day)}, a {ENGLISH_WEEKDAYS[day.weekday()]}"
    if unit == "week" or item.kind == "weekend":
        monday = day - timedelta(days=day.weekday()) + timedelta(weeks=item.delta)
        which = {-1: "previous", 0: "same", 1: "next"}.get(item.delta, f"{item.delta:+d}")
        if item.kind == "weekend":
            span = DateSpan(_partial(monday + timedelta(days=5)), _partial(monday + timedelta(days=6)))
            return Resolved(item, span, f"the weekend of the {which} week, from {anchor}")
        span = DateSpan(_partial(monday), _partial(monday + timedelta(days=6)))
        return Resolved(item, span, f"the {which} week, Monday to Sunday, from {anchor}")
    if item.kind == "weekday":
        return _weekday(item, day, anchor)
    target = day + timedelta(days=item.delta)
    how = (
        f"the day of publication, {anchor}" if item.delta == 0 else f"{_relative(item.delta, 'day')} {anchor}"
    )
    return Resolved(item, DateSpan(_partial(target)), how)


def _weekday(item: Found, day: date, anchor: str) -> Resolved:
    assert item.weekday is not None
    if item.delta < 0:
        back = (day.weekday() - item.weekday) % 7 or (7 if item.strict else 0)
        target = day - timedelta(days=back)
    else:
        target = day + timedelta(days=(item.weekday - day.weekday()) % 7 or 7)
    side = "before" if item.delta < 0 else "after"
    if not item.strict:
        side = "up to"
    return Resolved(item, DateSpan(_partial(target)), f"the {ENGLISH_WEEKDAYS[item.weekday]} {side} {anchor}")


def _iso(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _month_base(ref: Reference) -> tuple[int, int] | None:
    if ref.published.month:
        return ref.published.year, ref.published.month
    if ref.day is not None:
        return ref.day.year, ref.day.month
    return None


def _partial(day: date) -> PartialDate:
    return PartialDate(day.year, day.month, day.day)


def _absolute(item: Found, published: PartialDate) -> DateSpan | None:
    year = item.year or _year_from(item, published)
    if item.day and not _is_date(year, item.month, item.day):
        return None
    if not 1 <= item.month <= 12:
        return None
    return DateSpan(PartialDate(year, item.month, item.day))


def _year_from(item: Found, published: PartialDate) -> int:
    """The publication's year; the year before when the day would come long after publication
    ("Sabtu (30/12)" in an article of 2 January), not when it is a date soon to come."""
    year = published.year
    if not published.month or not _is_date(year, item.month, item.day or 1):
        return year
    last = calendar.monthrange(year, published.month)[1]
    limit = date(year, published.month, published.day or last)
    return year - 1 if (date(year, item.month, item.day or 1) - limit).days > FUTURE_DAYS else year


def _resolve_absolute(item: Found, ref: Reference) -> Resolved:
    span = _absolute(item, ref.published)
    if span is None:
        return Resolved(item, None, "not a date in the calendar")
    how = "the date written" if item.year else f"the year of publication ({span.start.year}) added"
    warning = None
    start = span.start
    if item.weekday is not None and start.day:
        actual = date(start.year, start.month, start.day).weekday()
        if actual != item.weekday:
            written = item.text.split("(")[0].split(",")[0].strip()
            warning = (
                f"{item.text!r}: {describe(date(start.year, start.month, start.day))} was a "
                f"{ENGLISH_WEEKDAYS[actual]}, not a {ENGLISH_WEEKDAYS[item.weekday]} ({written}); "
                "the draft keeps the date written, check it"
            )
    return Resolved(item, span, how, warning)
