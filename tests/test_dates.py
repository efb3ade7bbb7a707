"""Date expressions found in article text and resolved against the publication date
(`build_tools/draft/dates.py` finds them, `build_tools/draft/resolve.py` resolves them)."""

from __future__ import annotations

from datetime import date

import pytest

from build_tools.draft.dates import find_dates
from build_tools.draft.resolve import (
    DateError,
    Reference,
    Resolved,
    find_publication,
    lead_reference,
    parse_published,
    resolve,
)
from build_tools.model import PartialDate, Precision

TODAY = date(2026, 1, 1)  # the day the year of "Senin (5/6)" is guessed from


def _resolved(text: str, published: str, day: date | None = None) -> list[str]:
    ref = Reference(parse_published(published), day)
    out = []
    for found in find_dates(text):
        resolved = resolve(found, ref)
        out.append(resolved.span.iso() if resolved.span else f"unresolved: {resolved.how}")
    return out


def _one(text: str, published: str, day: date | None = None) -> Resolved:
    [found] = find_dates(text)
    return resolve(found, Reference(parse_published(published), day))


# -- absolute dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Dilansir AFP, Kamis (13/7/2023), NATO", "2023-07-13", ["2023-07-13"]),
        ("kepada FT pada hari Senin (5/6).", "2023-06", ["2023-06-05"]),
        ("Rabu (5/6/24) pagi", "2024-06", ["2024-06-05"]),
        ("KTT pada 13 Juli 2023 di Vilnius", "2023-07-20", ["2023-07-13"]),
        ("Kamis, 13 Juli 2023", "2023-07-20", ["2023-07-13"]),
        ("sejak Juli 2023", "2023-09", ["2023-07"]),
        ("on 13 July 2023 and on July 13, 2023", "2023-07-20", ["2023-07-13", "2023-07-13"]),
        ("Monday, July 10", "2023-07-13", ["2023-07-10"]),
        ("pada 17 Agustus", "2023-08-20", ["2023-08-17"]),
        ("dibahas sejak 2007, pada 2018 dan pada tahun 2035", "2023", ["2007", "2018", "2035"]),
        ("since 2007, in 2018", "2023", ["2007", "2018"]),
    ],
)
def test_absolute_dates(text: str, published: str, expected: list[str]) -> None:
    assert _resolved(text, published) == expected


@pytest.mark.parametrize(
    "text",
    [
        "1.500 hulu ledak, 2035 rudal",  # a number, not a year
        "Juli",  # a month name alone says too little
        "you may go",  # "may" is a word, not a month
        "selama berbulan-bulan, beberapa tahun terakhir, tahun kedua",
        "hari senin",  # weekday names are capitalised
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text) == []


def test_a_day_that_is_not_in_the_calendar_is_left_unresolved() -> None:
    assert _resolved("pada Kamis (31/2)", "2023-03-01") == ["unresolved: not a date in the calendar"]


# -- years guessed ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("pada Sabtu (30/12) lalu", "2024-01-02", "2023-12-30"),  # long after publication: last year
        ("Senin (5/6)", "2023-06", "2023-06-05"),
        ("pada 20 Agustus", "2023-07-01", "2023-08-20"),  # soon after publication: still to come
        ("pada 20 Oktober", "2023-07-01", "2022-10-20"),  # more than 62 days after: last year
    ],
)
def test_a_missing_year_comes_from_the_publication(text: str, published: str, expected: str) -> None:
    assert _resolved(text, published) == [expected]


def test_how_says_the_year_was_added() -> None:
    assert _one("Senin (5/6)", "2023-06").how == "the year of publication (2023) added"
    assert _one("Senin (5/6/2023)", "2023-06").how == "the date written"


def test_year_of_a_day_without_one_comes_from_its_weekday() -> None:
    publication = find_publication(find_dates("kepada FT pada hari Senin (5/6)."), 10_000, TODAY)
    assert publication is not None
    assert publication.published == PartialDate(2023, 6)
    assert publication.day == date(2023, 6, 5)
    assert "falls on a Monday" in publication.note


def test_year_without_a_weekday_is_the_latest_up_to_today() -> None:
    publication = find_publication(find_dates("pada (5/6) lalu"), 10_000, TODAY)
    assert publication is not None
    assert publication.published == PartialDate(2025, 6)
    assert "the latest such day up to today" in publication.note


# -- the publication date --------------------------------------------------------------------------


def test_publication_is_a_full_date_of_the_lead() -> None:
    text = "JAKARTA - Kamis (13/7/2023), NATO bertemu. Lalu pada 20 Juli 2023 lagi."
    publication = find_publication(find_dates(text), len(text), TODAY)
    assert publication is not None
    assert publication.published == PartialDate(2023, 7, 13)
    assert publication.note == "from 'Kamis (13/7/2023)' in the first paragraphs; confirm"


def test_publication_from_a_month_and_year() -> None:
    publication = find_publication(find_dates("Sejak Juli 2023, NATO"), 100, TODAY)
    assert publication is not None
    assert publication.published == PartialDate(2023, 7)
    assert publication.day is None


def test_no_date_in_the_lead_gives_no_publication() -> None:
    text = "Intro tanpa tanggal.\nKamis (13/7/2023) jauh di bawah."
    assert find_publication(find_dates(text), text.index("\n"), TODAY) is None


def test_lead_reference_reads_a_dated_report_with_the_publication_year() -> None:
    found = find_dates("kata dia kepada FT pada hari Senin (5/6).")
    assert lead_reference(found, 100, PartialDate(2023, 6)) == date(2023, 6, 5)
    assert lead_reference(found, 100, PartialDate(2023, 6, 7)) == date(2023, 6, 7)
    assert lead_reference(found, 5, PartialDate(2023, 6)) is None  # after the lead


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("13/7/2023", "is not a date YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2023-13", "there is no month 13"),
        ("2023-02-30", "is not a date in the calendar"),
    ],
)
def test_parse_published_refuses(text: str, message: str) -> None:
    with pytest.raises(DateError, match=message):
        parse_published(text)


def test_parse_published_keeps_the_precision() -> None:
    assert parse_published("2023").precision is Precision.YEAR
    assert parse_published("2023-07").precision is Precision.MONTH
    assert parse_published(" 2023-07-13 ").precision is Precision.DAY


# -- relative dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Bulan lalu, juru bicara", "2023-06", ["2023-05"]),
        ("bulan lalu", "2023-01-10", ["2022-12"]),
        ("bulan depan", "2023-12-10", ["2024-01"]),
        ("tahun lalu", "2023-06", ["2022"]),
        ("tahun depan", "2023", ["2024"]),
        ("kemarin", "2023-07-13", ["2023-07-12"]),
        ("besok", "2023-12-31", ["2024-01-01"]),
        ("Last month the alliance met", "2023-06-05", ["2023-05"]),
        ("last year", "2023-06-05", ["2022"]),
        ("yesterday", "2023-03-01", ["2023-02-28"]),
    ],
)
def test_relative_dates(text: str, published: str, expected: list[str]) -> None:
    assert _resolved(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("bulan lalu", "2023", ["unresolved: needs the month of publication (pass --published YYYY-MM)"]),
        (
            "minggu lalu",
            "2023-06",
            ["unresolved: needs the day of publication (pass --published YYYY-MM-DD)"],
        ),
        ("kemarin", "2023-06", ["unresolved: needs the day of publication (pass --published YYYY-MM-DD)"]),
    ],
)
def test_relative_dates_need_a_precise_enough_publication(
    text: str, published: str, expected: list[str]
) -> None:
    assert _resolved(text, published) == expected


def test_a_month_is_resolved_from_a_dated_report_when_the_publication_is_a_year() -> None:
    assert _resolved("bulan lalu", "2023", date(2023, 6, 5)) == ["2023-05"]


# -- weeks: intervals ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("konferensi minggu lalu", "2023-06-05", "2023-05-29/2023-06-04"),
        ("pada pekan lalu", "2023-07-13", "2023-07-03/2023-07-09"),
        ("pekan depan", "2023-07-13", "2023-07-17/2023-07-23"),
        ("pekan lalu", "2024-01-03", "2023-12-25/2023-12-31"),  # across the year
        ("last week", "2023-06-05", "2023-05-29/2023-06-04"),
    ],
)
def test_weeks_are_monday_to_sunday_intervals(text: str, published: str, expected: str) -> None:
    resolved = _one(text, published)
    assert resolved.span is not None
    assert resolved.span.iso() == expected
    assert resolved.span.end is not None
    assert resolved.span.start.precision is Precision.DAY


def test_a_week_is_resolved_from_a_dated_report_when_the_publication_is_a_month() -> None:
    assert _resolved("minggu lalu", "2023-06", date(2023, 6, 5)) == ["2023-05-29/2023-06-04"]


def test_minggu_in_mid_sentence_is_a_sunday_not_a_week() -> None:
    assert _resolved("Dia datang pada Minggu lalu", "2023-07-13") == ["2023-07-09"]
    assert _resolved("Minggu lalu, NATO bertemu", "2023-07-13") == ["2023-07-03/2023-07-09"]


# -- weekdays --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("pada hari Selasa lalu", "2023-07-13", "2023-07-11"),
        ("pada Kamis lalu", "2023-07-13", "2023-07-06"),  # strictly before: not the day itself
        ("pada Kamis", "2023-07-13", "2023-07-13"),  # up to: the day itself
        ("Jumat depan", "2023-07-13", "2023-07-14"),
        ("Kamis depan", "2023-07-13", "2023-07-20"),
        ("pada hari Jum'at", "2023-07-13", "2023-07-07"),
        ("he said on Monday", "2023-07-13", "2023-07-10"),
        ("last Tuesday", "2023-07-13", "2023-07-11"),
        ("next Friday", "2023-07-13", "2023-07-14"),
    ],
)
def test_weekdays(text: str, published: str, expected: str) -> None:
    resolved = _one(text, published)
    assert resolved.span is not None
    assert resolved.span.iso() == expected
    assert resolved.span.start.precision is Precision.DAY


def test_a_bare_weekday_name_is_not_resolved() -> None:
    assert find_dates("Senin adalah hari kerja") == []


def test_a_weekday_that_contradicts_its_date_is_a_warning_and_the_date_is_kept() -> None:
    resolved = _one("Senin (13/7/2023)", "2023-07-13")
    assert resolved.span is not None
    assert resolved.span.iso() == "2023-07-13"
    assert resolved.warning == (
        "'Senin (13/7/2023)': 13 July 2023 was a Thursday, not a Monday (Senin); "
        "the draft keeps the date written, check it"
    )
    assert _one("Kamis (13/7/2023)", "2023-07-13").warning is None


# -- precision -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "precision"),
    [
        ("pada 2007", "2023-07-13", Precision.YEAR),
        ("tahun lalu", "2023-07-13", Precision.YEAR),
        ("sejak Juli 2023", "2023-07-13", Precision.MONTH),
        ("bulan lalu", "2023-07-13", Precision.MONTH),
        ("13 Juli 2023", "2023-07-13", Precision.DAY),
        ("kemarin", "2023-07-13", Precision.DAY),
    ],
)
def test_precision_is_what_the_text_supports(text: str, published: str, precision: Precision) -> None:
    resolved = _one(text, published)
    assert resolved.span is not None
    assert resolved.span.end is None
    assert resolved.span.start.precision is precision


def test_a_longer_expression_hides_those_inside_it() -> None:
    [found] = find_dates("pada hari Senin (5/6) lalu")
    assert found.text == "Senin (5/6)"
    assert found.kind == "numeric"
    assert found.weekday == 0


# -- months and units said relative to publication -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "expected", "precision"),
    [
        ("Juli lalu, junta itu", "2024-08-14", "2024-07", Precision.MONTH),
        ("pada bulan Juli lalu", "2024-08-14", "2024-07", Precision.MONTH),
        ("Desember lalu", "2024-01-10", "2023-12", Precision.MONTH),  # the last December
        ("awal Oktober lalu", "2024-10-22", "2024-10", Precision.MONTH),  # this month, earlier
        ("pada 13 Juli lalu", "2024-08-14", "2024-07-13", Precision.DAY),
        ("pada 13 Juli lalu", "2024-07-10", "2023-07-13", Precision.DAY),  # not yet this year
        ("Januari mendatang", "2024-10-22", "2025-01", Precision.MONTH),
        ("Desember mendatang", "2024-10-22", "2024-12", Precision.MONTH),
        ("Maret ini", "2024-10-22", "2024-03", Precision.MONTH),
        ("September tahun lalu", "2024-06-18", "2023-09", Precision.MONTH),
        ("5 Mei tahun depan", "2024-06-18", "2025-05-05", Precision.DAY),
        ("last July", "2024-08-14", "2024-07", Precision.MONTH),
        ("tahun ini", "2024-10-22", "2024", Precision.YEAR),
        ("bulan ini", "2024-10-22", "2024-10", Precision.MONTH),
        ("bulan mendatang", "2024-12-22", "2025-01", Precision.MONTH),
        ("hari ini", "2024-10-22", "2024-10-22", Precision.DAY),
        ("lusa", "2024-10-31", "2024-11-02", Precision.DAY),
        ("tiga hari lalu", "2024-03-01", "2024-02-27", Precision.DAY),
        ("three days ago", "2024-03-01", "2024-02-27", Precision.DAY),
        ("dua bulan lalu", "2024-01-15", "2023-11", Precision.MONTH),
        ("lima tahun lalu", "2024-01-15", "2019", Precision.YEAR),
        ("Senin mendatang", "2024-06-18", "2024-06-24", Precision.DAY),
    ],
)
def test_relative_months_and_units(text: str, published: str, expected: str, precision: Precision) -> None:
    resolved = _one(text, published)
    assert resolved.span is not None, resolved.how
    assert resolved.span.iso() == expected
    assert resolved.span.end is None
    assert resolved.span.start.precision is precision


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("akhir pekan lalu", "2024-06-18", "2024-06-15/2024-06-16"),  # Saturday and Sunday
        ("akhir pekan ini", "2024-06-18", "2024-06-22/2024-06-23"),
        ("last weekend", "2024-06-18", "2024-06-15/2024-06-16"),
        ("dua pekan lalu", "2024-06-18", "2024-06-03/2024-06-09"),
        ("pekan ini", "2024-06-18", "2024-06-17/2024-06-23"),
        ("pekan mendatang", "2024-06-18", "2024-06-24/2024-06-30"),
    ],
)
def test_weekends_and_weeks_are_intervals(text: str, published: str, expected: str) -> None:
    resolved = _one(text, published)
    assert resolved.span is not None
    assert resolved.span.iso() == expected


def test_how_says_what_a_relative_month_is() -> None:
    assert _one("Juli lalu", "2024-08-14").how == "the last July up to publication (2024-08)"
    assert _one("Januari mendatang", "2024-10").how == "the next January after publication (2024-10)"
    assert _one("September tahun lalu", "2024-06").how == "September of the year before (2024)"
    assert _one("akhir pekan lalu", "2024-06-18").how.startswith("the weekend of the previous week")


def test_a_relative_month_needs_the_month_of_publication() -> None:
    assert _resolved("Juli lalu", "2024") == [
        "unresolved: needs the month of publication (pass --published YYYY-MM)"
    ]
    assert _resolved("Juli lalu", "2024", date(2024, 8, 14)) == ["2024-07"]


@pytest.mark.parametrize("text", ["selama 65 tahun hubungan", "juli lalu", "beberapa hari lalu"])
def test_not_relative_dates(text: str) -> None:
    assert find_dates(text) == []
