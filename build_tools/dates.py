"""Date expressions in an article, resolved against its publication date (used by `briefings new`).

Absolute forms ("Kamis (13/7/2023)", "Senin (5/6)", "13 Juli 2023", "July 13, 2023", "Juli 2023",
"pada 2007") and relative ones ("bulan lalu", "tahun lalu", "minggu lalu", "Selasa lalu",
"last month", "on Monday", "kemarin") in Indonesian and English. Month and weekday names come from
dateparser's locale data, and dateparser reads the named dates; the relative forms are small
deterministic rules of our own, so that a draft never depends on the day it is made (except where
the year has to be guessed, and then only through an explicit `today`).

Every result carries the precision the text supports: a year, a month, a day or an interval.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from .model import DateSpan, PartialDate

LANGUAGES = ("id", "en")
#: how many paragraphs from the top may give the publication date when none is given
LEAD_PARAGRAPHS = 3
_YEARS_BACK = 60
#: a day-and-month without a year up to this many days after publication is still to come
FUTURE_DAYS = 62

ENGLISH_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ENGLISH_MONTHS = tuple(calendar.month_name)[1:]
_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_KEYS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip


class DateError(ValueError):
    """A date given on the command line that is not a calendar date of the accepted forms."""


@dataclass(frozen=True)
class Names:
    """Month and weekday names (lower case) -> 1..12 and 0..6, from dateparser's locales."""

    months: dict[str, int]
    weekdays: dict[str, int]

    def month_pattern(self) -> str:
        return _alternatives(self.months)

    def weekday_pattern(self) -> str:
        return _alternatives(self.weekdays)


def _alternatives(names: dict[str, int]) -> str:
    ordered = sorted(names, key=len, reverse=True)  # longest first: "juni" before "jun"
    return "|".join(re.escape(n) for n in ordered)


@lru_cache(maxsize=1)
def names() -> Names:
    from dateparser.languages import default_loader

    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for code in LANGUAGES:
        info = default_loader.get_locale(code).info
        for number, key in enumerate(_MONTH_KEYS, start=1):
            for name in info[key]:
                # abbreviations only where they cannot be ordinary words ("mar", "mei" are fine)
                if name.isalpha() and len(name) >= 3:
                    months.setdefault(name.lower(), number)
        for number, key in enumerate(_DAY_NAMES):
            # full names only: "sen", "sel", "mo" are ordinary words or too short
            full = max(info[key], key=len)
            weekdays.setdefault(full.lower(), number)
    weekdays.setdefault("jum'at", 4)
    weekdays.setdefault("jumaat", 4)
    return Names(months, weekdays)


@dataclass(frozen=True)
class Found:
    """One date expression as written, before resolution (offsets into the article text)."""

    start: int
    end: int
    text: str
    kind: str  # numeric | named | year | month-delta | year-delta | week-delta | weekday | day-delta
    day: int = 0
    month: int = 0
    year: int = 0  # 0 when the text gives no year
    weekday: int | None = None  # 0 = Monday, as written next to the date
    delta: int = 0
    strict: bool = True  # for weekday: True = strictly before the reference ("Selasa lalu")


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


# -- finding -----------------------------------------------------------------------------------

_WORD_BEFORE = r"(?<![\w/.])"
_WORD_AFTER = r"(?![\w/])"


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    n = names()
    wd, mo = n.weekday_pattern(), n.month_pattern()
    flags = re.IGNORECASE
    return [
        # "Kamis (13/7/2023)", "Senin (5/6)", "(13/7)", "pada hari Senin (5/6)"
        (
            "numeric",
            re.compile(
                rf"{_WORD_BEFORE}(?:(?P<wd>{wd}),?\s*)?\(\s*(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})(?:/(?P<y>\d{{4}}|\d{{2}}))?\s*\)",
                flags,
            ),
        ),
        # "Kamis, 13 Juli 2023", "13 Juli 2023", "13 July", "Juli 2023"
        (
            "named",
            re.compile(
                rf"{_WORD_BEFORE}(?:(?P<wd>{wd}),?\s+)?(?:(?P<d>\d{{1,2}})\s+)?(?P<mn>{mo})\.?(?:,?\s+(?P<y>\d{{4}}))?{_WORD_AFTER}",
                flags,
            ),
        ),
        # "July 13, 2023", "Monday, July 13"
        (
            "named-us",
            re.compile(
                rf"{_WORD_BEFORE}(?:(?P<wd>{wd}),?\s+)?(?P<mn>{mo})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*(?P<y>\d{{4}}))?{_WORD_AFTER}",
                flags,
            ),
        ),
        (
            "year",
            re.compile(
                r"\b(?:pada|sejak|tahun|hingga|sampai|awal|akhir|pertengahan|medio|in|since|by|until|during|early|late|mid-?)"
                r"(?:\s+(?:tahun|year))?\s+(?P<y>(?:1[89]|20)\d{2})(?![\w/.,]\d|[\w/])",
                flags,
            ),
        ),
        (
            "month-delta",
            re.compile(r"\b(?:bulan|last\s+month|next\s+month)\b(?:\s+(?P<w>lalu|kemarin|depan))?", flags),
        ),
        (
            "year-delta",
            re.compile(r"\b(?:tahun|last\s+year|next\s+year)\b(?:\s+(?P<w>lalu|kemarin|depan))?", flags),
        ),
        (
            "week-delta",
            re.compile(
                r"\b(?:minggu|pekan|last\s+week|next\s+week)\b(?:\s+(?P<w>lalu|kemarin|depan))?", flags
            ),
        ),
        (
            "weekday",
            re.compile(
                rf"\b(?:(?P<pre>pada\s+hari|pada|hari|on|last|next)\s+)?(?P<wd>{wd})\b(?:\s+(?P<w>lalu|kemarin|depan))?",
                flags,
            ),
        ),
        ("day-delta", re.compile(r"\b(?P<w>kemarin|yesterday|besok|tomorrow)\b", flags)),
    ]


def find_dates(text: str) -> list[Found]:
    """Every date expression of `text`, in order; a longer expression hides those inside it."""
    n = names()
    found: list[Found] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for kind, pattern in _patterns():
        for match in pattern.finditer(text):
            item = _interpret(kind, match, n, text)
            if item is not None and free(item.start, item.end):
                found.append(item)
                taken.append((item.start, item.end))
    return sorted(found, key=lambda f: f.start)


def _interpret(kind: str, match: re.Match[str], n: Names, text: str) -> Found | None:
    groups = match.groupdict()
    start, end, written = match.start(), match.end(), match.group()
    weekday = n.weekdays.get(groups["wd"].lower()) if groups.get("wd") else None
    if kind == "numeric":
        year = int(groups["y"]) if groups["y"] else 0
        if 0 < year < 100:
            year += 2000
        return Found(start, end, written, "numeric", int(groups["d"]), int(groups["m"]), year, weekday)
    if kind in ("named", "named-us"):
        if weekday is not None and not groups["wd"][0].isupper():
            return None
        if not groups["mn"][0].isupper():  # "may", "mars" as ordinary words
            return None
        if not groups["d"] and not groups["y"]:
            return None  # a month name alone says too little
        day, month, year = _read_named(groups)
        if month == 0:
            return None
        return Found(start, end, written, "named", day, month, year, weekday)
    if kind == "year":
        return Found(start, end, written, "year", year=int(groups["y"]))
    if kind in ("month-delta", "year-delta", "week-delta"):
        delta = _delta_of(written.lower(), groups.get("w"))
        if delta is None:
            return None
        if kind == "week-delta" and written[:1] == "M" and _sentence_middle(text, start):
            return None  # "Minggu lalu" in mid-sentence is last Sunday, not last week
        return Found(start, end, written, kind, delta=delta)
    if kind == "weekday":
        pre = (groups.get("pre") or "").lower()
        after = (groups.get("w") or "").lower()
        word = groups["wd"]
        if not word[0].isupper():
            return None  # "minggu lalu" is last week; weekday names are capitalised
        if after in ("lalu", "kemarin") or pre == "last":
            return Found(start, end, written, "weekday", weekday=weekday, delta=-1, strict=True)
        if after == "depan" or pre == "next":
            return Found(start, end, written, "weekday", weekday=weekday, delta=1, strict=True)
        if pre:  # "pada hari Senin", "on Monday": the last such day up to the reference
            return Found(start, end, written, "weekday", weekday=weekday, delta=-1, strict=False)
        return None
    if kind == "day-delta":
        word = groups["w"].lower()
        return Found(start, end, written, "day-delta", delta=-1 if word in ("kemarin", "yesterday") else 1)
    raise AssertionError(kind)


def _sentence_middle(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip()
    return bool(before) and before[-1] not in '.!?\n\u201c"\u00ab'


def _delta_of(written: str, word: str | None) -> int | None:
    if written.startswith("last"):
        return -1
    if written.startswith("next"):
        return 1
    if word is None:
        return None
    return 1 if word.lower() == "depan" else -1


def _read_named(groups: dict[str, str | None]) -> tuple[int, int, int]:
    """Day, month and year of a named date, read by dateparser (0 where the text has none)."""
    import dateparser

    day = int(groups["d"]) if groups["d"] else 0
    year = int(groups["y"]) if groups["y"] else 0
    words = f"{day or 1} {groups['mn']} {year or 2000}"
    parsed = dateparser.parse(
        words, languages=list(LANGUAGES), settings={"DATE_ORDER": "DMY", "STRICT_PARSING": True}
    )
    if parsed is None:
        return 0, 0, 0
    return day, parsed.month, year


# -- resolving -------------------------------------------------------------------------------------


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
    if item.kind in ("numeric", "named"):
        return _resolve_absolute(item, ref)
    if item.kind == "year":
        return Resolved(item, DateSpan(PartialDate(item.year)), "the year written")
    published = ref.published
    if item.kind == "year-delta":
        year = published.year + item.delta
        return Resolved(
            item, DateSpan(PartialDate(year)), f"{_relative(item.delta, 'year')} ({published.year})"
        )
    if item.kind == "month-delta":
        base = _month_base(ref)
        if base is None:
            return Resolved(item, None, "needs the month of publication (pass --published YYYY-MM)")
        year, month = divmod(base[0] * 12 + base[1] - 1 + item.delta, 12)
        return Resolved(
            item, DateSpan(PartialDate(year, month + 1)), f"{_relative(item.delta, 'month')} ({_iso(*base)})"
        )
    day = ref.day
    if day is None and published.day:
        day = date(published.year, published.month, published.day)
    if day is None:
        return Resolved(item, None, "needs the day of publication (pass --published YYYY-MM-DD)")
    anchor = f"{describe(day)}, a {ENGLISH_WEEKDAYS[day.weekday()]}"
    if item.kind == "week-delta":
        monday = day - timedelta(days=day.weekday()) + timedelta(weeks=item.delta)
        span = DateSpan(_partial(monday), _partial(monday + timedelta(days=6)))
        which = "previous" if item.delta < 0 else "next"
        return Resolved(item, span, f"the {which} week, Monday to Sunday, from {anchor}")
    if item.kind == "weekday":
        assert item.weekday is not None
        if item.delta < 0:
            back = (day.weekday() - item.weekday) % 7 or (7 if item.strict else 0)
            target = day - timedelta(days=back)
        else:
            target = day + timedelta(days=(item.weekday - day.weekday()) % 7 or 7)
        side = "before" if item.delta < 0 else "after"
        if not item.strict:
            side = "up to"
        return Resolved(
            item, DateSpan(_partial(target)), f"the {ENGLISH_WEEKDAYS[item.weekday]} {side} {anchor}"
        )
    if item.kind == "day-delta":
        target = day + timedelta(days=item.delta)
        return Resolved(
            item, DateSpan(_partial(target)), f"the day {'before' if item.delta < 0 else 'after'} {anchor}"
        )
    raise AssertionError(item.kind)


def _relative(delta: int, unit: str) -> str:
    return f"the {unit} before" if delta < 0 else f"the {unit} after"


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
