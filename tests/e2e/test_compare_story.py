"""The story across outlets in a browser, on the seed story with three held-out briefings
(tests/fixtures/outlets/): five columns fit a phone because the tables scroll in their own
focusable region (the page never gets wider than the screen), the row labels stay in view, the
page passes axe in both schemes, and the reading language governs the comparison too."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from ..heldout import STORY, heldout_repository
from .conftest import Reader, built_and_served, make_reader, switch_scheme, violations
from .test_reading_language import ENGLISH_WORDS, INDONESIAN_WORDS, VISIBLE_LANGUAGES, headings

PAGE = f"stories/{STORY}/"


@pytest.fixture(scope="module")
def heldout_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = heldout_repository(tmp_path_factory.mktemp("compare") / "repo")
    with built_and_served(root) as url:
        yield url


@pytest.fixture
def story_reader(browser: Browser, heldout_url: str) -> Iterator[Reader]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    reader = make_reader(context, heldout_url)
    yield reader
    context.close()
    assert not reader.errors, f"script errors: {reader.errors}"


@pytest.mark.parametrize("width", [360, 390, 1366])
def test_the_comparison_fits_the_screen_and_is_accessible(
    story_reader: Reader, axe_source: Path, width: int
) -> None:
    story_reader.page.set_viewport_size({"width": width, "height": 900})
    page = story_reader.open(PAGE)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    regions = page.locator(".bf-scroll")
    assert regions.count() == 2
    wide = page.evaluate(
        "[...document.querySelectorAll('.bf-scroll')].map(r => r.scrollWidth > r.clientWidth)"
    )
    assert wide == ([True, True] if width < 500 else [False, False])  # on a phone, the table scrolls
    page.add_script_tag(path=str(axe_source))
    assert violations(page) == "", "light scheme"
    switch_scheme(page, "slate")
    assert violations(page) == "", "dark scheme"


def test_a_row_label_stays_in_view_while_the_columns_scroll(story_reader: Reader) -> None:
    story_reader.page.set_viewport_size({"width": 390, "height": 900})
    page = story_reader.open(PAGE)
    region = page.locator(".bf-scroll").first
    label = region.locator("th[scope=row]").first
    before = label.bounding_box()
    region.evaluate("r => r.scrollLeft = r.scrollWidth")
    after = label.bounding_box()
    assert before and after and abs(before["x"] - after["x"]) < 1
    last_column = region.locator("thead th").last.bounding_box()
    assert last_column and last_column["x"] + last_column["width"] <= 391


def _open_in(reader: Reader, mode: str) -> None:
    reader.page.add_init_script(
        f"try {{ localStorage.setItem('briefings.reading', '{mode}') }} catch (e) {{}}"
    )
    reader.open(PAGE)


def test_english_reading_shows_each_outlet_in_english(story_reader: Reader) -> None:
    _open_in(story_reader, "en")
    page = story_reader.page
    found = page.evaluate(VISIBLE_LANGUAGES)
    assert set(found) <= {"page", "en"}, {k: v[:5] for k, v in found.items() if k not in ("page", "en")}
    cards = page.locator(".bf-statement").first.locator(".bf-report")
    assert cards.count() == 4
    assert all("geography is stubborn" in t.lower() for t in cards.all_inner_texts())
    for heading in headings(page):
        assert heading in ENGLISH_WORDS, heading


def test_original_reading_shows_each_outlet_in_its_own_words(story_reader: Reader) -> None:
    _open_in(story_reader, "original")
    page = story_reader.page
    texts = page.locator(".bf-statement").first.locator(".bf-report").all_inner_texts()
    assert [text.split("\n")[0] for text in texts] == [
        "Whatever people say, geography is stubborn",  # Example Wire writes in English
        "Apapun kata orang, geografi itu keras kepala",
        "Quoi qu'on en dise, la géographie est têtue",
        "geografi itu keras kepala",
    ]
    hidden = page.eval_on_selector_all(
        ".bf-en, .bf-other", "es => es.filter(e => e.checkVisibility()).length"
    )
    assert hidden == 0
    for heading in headings(page):
        assert heading in INDONESIAN_WORDS, heading
