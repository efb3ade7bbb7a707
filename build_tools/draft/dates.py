"""Date expressions in an article, as written; `resolve.py` resolves them.

Absolute forms ("Kamis (13/7/2023)", "Senin (5/6)", "13 Juli 2023", "July 13, 2023", "Juli 2023",
"pada 2007") and relative ones ("bulan lalu", "tahun lalu", "minggu lalu", "Selasa lalu",
"last month", "on Monday", "kemarin") in Indonesian and English. Month and weekday names come from
dateparser's locale data, and dateparser reads the named dates; the relative forms are small
rules of our own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

LANGUAGES = ("id", "en")
_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_KEYS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip


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
    #: numeric | named | named-relative ("Juli lalu") | named-year-delta ("September tahun lalu") |
    #: year | month-delta | year-delta | week-delta | weekend | weekday | day-delta | n-delta
    kind: str
    day: int = 0
    month: int = 0
    year: int = 0  # 0 when the text gives no year
    weekday: int | None = None  # 0 = Monday, as written next to the date
    delta: int = 0  # -1 before, 0 this one, 1 after (n-delta: how many units)
    strict: bool = True  # for weekday: True = strictly before the reference ("Selasa lalu")
    unit: str = ""  # for n-delta: day | week | month | year


# -- finding -----------------------------------------------------------------------------------

_WORD_BEFORE = r"(?<![\w/.])"
_WORD_AFTER = r"(?![\w/])"
#: after a unit or a month: before, after, or this one ("bulan lalu", "Juli mendatang", "tahun ini")
_RELATIVE = r"lalu|kemarin|depan|mendatang|ini"
_NUMBERS = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
    "sembilan": 9, "sepuluh": 10, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
_UNITS = {
    "hari": "day", "pekan": "week", "minggu": "week", "bulan": "month", "tahun": "year",
    "day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month",
    "year": "year", "years": "year",
}  # fmt: skip


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
        # "Juli lalu", "awal Oktober lalu", "13 Juli lalu", "Januari mendatang", "September tahun lalu"
        (
            "named-relative",
            re.compile(
                rf"{_WORD_BEFORE}(?:(?:awal|akhir|pertengahan|medio)\s+(?:bulan\s+)?)?(?:bulan\s+)?"
                rf"(?:(?P<d>\d{{1,2}})\s+)?(?P<mn>{mo})\s+(?P<y>tahun\s+)?(?P<w>{_RELATIVE})\b",
                flags,
            ),
        ),
        # "last July", "next January"
        ("named-relative-en", re.compile(rf"\b(?P<w>last|next|this)\s+(?P<mn>{mo})\b", flags)),
        # "dua pekan lalu", "tiga hari yang lalu", "two weeks ago"
        (
            "n-delta",
            re.compile(
                rf"\b(?P<n>\d{{1,2}}|{'|'.join(_NUMBERS)})\s+(?P<unit>{'|'.join(_UNITS)})\s+"
                r"(?P<w>(?:yang\s+)?lalu|mendatang|lagi|ago|from\s+now)\b",
                flags,
            ),
        ),
        # "akhir pekan lalu", "last weekend"
        (
            "weekend",
            re.compile(
                rf"\b(?:akhir\s+(?:pekan|minggu)\s+(?P<w>{_RELATIVE})|(?P<en>last|next|this)\s+weekend)\b",
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
            re.compile(rf"\b(?:bulan|(?:last|next|this)\s+month)\b(?:\s+(?P<w>{_RELATIVE}))?", flags),
        ),
        (
            "year-delta",
            re.compile(rf"\b(?:tahun|(?:last|next|this)\s+year)\b(?:\s+(?P<w>{_RELATIVE}))?", flags),
        ),
        (
            "week-delta",
            re.compile(rf"\b(?:minggu|pekan|(?:last|next|this)\s+week)\b(?:\s+(?P<w>{_RELATIVE}))?", flags),
        ),
        (
            "weekday",
            re.compile(
                rf"\b(?:(?P<pre>pada\s+hari|pada|hari|on|last|next)\s+)?(?P<wd>{wd})\b(?:\s+(?P<w>lalu|kemarin|depan|mendatang))?",
                flags,
            ),
        ),
        (
            "day-delta",
            re.compile(r"\b(?P<w>kemarin|yesterday|besok|tomorrow|lusa|hari\s+ini|today)\b", flags),
        ),
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
    if kind in ("named-relative", "named-relative-en"):
        return _named_relative(kind, match, n)
    if kind == "n-delta":
        count = groups["n"].lower()
        number = int(count) if count.isdigit() else _NUMBERS[count]
        sign = 1 if groups["w"].lower() in ("mendatang", "lagi", "from now") else -1
        unit = _UNITS[groups["unit"].lower()]
        return Found(start, end, written, "n-delta", delta=sign * number, unit=unit) if number else None
    if kind == "weekend":
        delta = _delta_of((groups.get("en") or "").lower(), groups.get("w"))
        return None if delta is None else Found(start, end, written, "weekend", delta=delta)
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
        if after in ("depan", "mendatang") or pre == "next":
            return Found(start, end, written, "weekday", weekday=weekday, delta=1, strict=True)
        if pre:  # "pada hari Senin", "on Monday": the last such day up to the reference
            return Found(start, end, written, "weekday", weekday=weekday, delta=-1, strict=False)
        return None
    if kind == "day-delta":
        word = " ".join(groups["w"].lower().split())
        delta = {"kemarin": -1, "yesterday": -1, "lusa": 2, "hari ini": 0, "today": 0}.get(word, 1)
        return Found(start, end, written, "day-delta", delta=delta)
    raise AssertionError(kind)


def _sentence_middle(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip()
    return bool(before) and before[-1] not in '.!?\n\u201c"\u00ab'


def _delta_of(written: str, word: str | None) -> int | None:
    """-1, 0 or 1 for "last"/"lalu", "this"/"ini" and "next"/"depan"; None when neither is written."""
    for prefix, delta in (("last", -1), ("next", 1), ("this", 0)):
        if written.startswith(prefix):
            return delta
    if word is None:
        return None
    return {"depan": 1, "mendatang": 1, "ini": 0}.get(word.lower(), -1)


def _named_relative(kind: str, match: re.Match[str], n: Names) -> Found | None:
    """A month (and day) said relative to publication: "Juli lalu", "September tahun lalu"."""
    groups = match.groupdict()
    if not groups["mn"][0].isupper():
        return None
    month = n.months[groups["mn"].lower()]
    day = int(groups.get("d") or 0)
    delta = _delta_of(groups["w"].lower(), groups["w"])
    if delta is None or (day and not 1 <= day <= 31):
        return None
    found_kind = "named-year-delta" if groups.get("y") else "named-relative"
    return Found(match.start(), match.end(), match.group(), found_kind, day, month, delta=delta)


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
