"""One reading language for the whole page: on every page kind, the original, English or both
govern every bilingual text and the page's own words (issue: briefings that read like briefings).

In English reading no text of the other language is visible anywhere; in original reading no
English alternative is; side by side shows the contributors' texts in both and the page's own
words in English. Headings speak the reading language.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from build_tools.render.i18n import UI

from .conftest import HAND_WRITTEN, PAGE_KINDS, Reader

#: pages with bilingual text: every generated page kind (the search page's examples are words to
#: search for, in each language, whatever the reading)
BILINGUAL = sorted(kind for kind in PAGE_KINDS if kind not in HAND_WRITTEN and kind != "search")


def _words(language: str) -> set[str]:
    """Every entry of the page's own words in one language."""
    words: set[str] = set()
    for entry in UI.values():
        value = entry.get(language)
        words.update(value if isinstance(value, tuple) else [value] if value else [])
    return words


ENGLISH_WORDS = _words("en")
INDONESIAN_WORDS = _words("id")

#: the languages of the visible text nodes of the page's content (the nearest explicit `lang`)
VISIBLE_LANGUAGES = """() => {
  const found = {};
  const content = document.querySelector('.md-content');
  const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.textContent.trim()) continue;
    const element = node.parentElement;
    if (!element.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) continue;
    if (element.closest('.bf-visually-hidden, .md-source-file, .bf-copy')) continue;
    const owner = element.closest('[lang]');
    const lang = owner === document.documentElement ? 'page' : owner.lang;
    (found[lang] = found[lang] || []).push(node.textContent.trim().slice(0, 60));
  }
  return found;
}"""


def open_in(reader: Reader, path: str, mode: str) -> Page:
    reader.page.add_init_script(
        f"try {{ localStorage.setItem('briefings.reading', '{mode}') }} catch (e) {{}}"
    )
    return reader.open(path)


def headings(page: Page) -> list[str]:
    """The section headings of the content, without their permalinks."""
    return page.eval_on_selector_all(
        ".md-content h2",
        "hs => hs.map(h => [...h.childNodes].filter(n => !(n.classList && n.classList.contains('headerlink')))"
        ".map(n => n.nodeType === 3 || n.checkVisibility() ? n.textContent : '').join('').trim())",
    )


@pytest.mark.parametrize("kind", BILINGUAL)
def test_english_reading_shows_no_other_language(reader: Reader, kind: str) -> None:
    page = open_in(reader, PAGE_KINDS[kind], "en")
    found = page.evaluate(VISIBLE_LANGUAGES)
    assert set(found) <= {"page", "en"}, {k: v[:5] for k, v in found.items() if k not in ("page", "en")}
    for heading in headings(page):
        assert heading in ENGLISH_WORDS or heading.isdigit(), heading


@pytest.mark.parametrize("kind", BILINGUAL)
def test_original_reading_shows_no_english_alternative(reader: Reader, kind: str) -> None:
    page = open_in(reader, PAGE_KINDS[kind], "original")
    hidden = page.eval_on_selector_all(
        ".bf-en, .bf-other", "es => es.filter(e => e.checkVisibility()).length"
    )
    assert hidden == 0
    # what is on screen in English is a text written only in English (a quote's context note)
    found = page.evaluate(VISIBLE_LANGUAGES)
    only_english = page.eval_on_selector_all(
        ".md-content [lang='en']:not(.bf-alt)", "es => es.filter(e => e.checkVisibility()).length"
    )
    assert bool(found.get("en")) == bool(only_english)
    for heading in headings(page):
        assert heading in INDONESIAN_WORDS or heading.isdigit(), heading


@pytest.mark.parametrize("kind", BILINGUAL)
def test_side_by_side_shows_both_texts_and_english_words(reader: Reader, kind: str) -> None:
    page = open_in(reader, PAGE_KINDS[kind], "both")
    visible = page.eval_on_selector_all(
        ".bf-alt", "es => es.filter(e => e.checkVisibility()).map(e => [e.className, e.lang])"
    )
    ui_originals = [v for v in visible if "bf-ui" in v[0] and "bf-orig" in v[0]]
    assert ui_originals == []
    originals = page.locator(".bf-alt.bf-orig:not(.bf-ui)").count()
    if originals:  # a page with texts in two languages shows both of them
        assert any("bf-orig" in v[0] for v in visible) and any("bf-en" in v[0] for v in visible)
    for heading in headings(page):
        assert heading in ENGLISH_WORDS or heading.isdigit(), heading


def test_the_briefing_headings_change_with_the_mode(reader: Reader) -> None:
    page = open_in(reader, PAGE_KINDS["briefing"], "original")
    assert headings(page)[:2] == ["Ringkasan", "Apa kata mereka"]
    page.get_by_role("button", name="Inggris").click()
    assert headings(page)[:2] == ["Summary", "What they said"]
    assert page.locator("h1#title").inner_text() == "Macron Opposes a NATO Liaison Office in Japan"


#: the navigation's titles as the reader sees them, in the drawer on a phone and the sidebar on a desktop
NAV_TITLES = """() => [...document.querySelectorAll('.md-nav--primary > .md-nav__list > .md-nav__item > .md-nav__link .md-ellipsis')]
  .map(e => [...e.childNodes].filter(n => n.nodeType === 3 || n.checkVisibility()).map(n => n.textContent).join('').trim())"""


#: the page title the header shows once the reader scrolls past the heading
HEADER_TITLE = """() => [...document.querySelector("[data-md-component='header-topic'] .md-ellipsis").childNodes]
  .filter(n => n.nodeType === 3 || getComputedStyle(n).display !== 'none').map(n => n.textContent).join('').trim()"""


def test_the_navigation_search_box_and_header_title_follow_the_reading(reader: Reader) -> None:
    """The theme's own words (mkdocs.yml's navigation, the header's search box, the table of
    contents' title) and the title it repeats in the header switch with the page's words, and
    back; side by side, the header keeps the original title."""
    page = open_in(reader, PAGE_KINDS["briefing"], "original")
    titles = page.evaluate(NAV_TITLES)
    assert titles[:3] == ["Beranda", "Taklimat", "Rangkaian berita"], titles
    assert "Format anotasi" in page.locator(".md-nav--primary").inner_text()
    toc_title = page.locator(".md-nav--secondary > .md-nav__title")
    assert toc_title.inner_text().strip() == "Daftar isi"
    assert page.evaluate(HEADER_TITLE) == "Macron Menentang Kantor Penghubung NATO di Jepang"
    box = page.locator(".bf-header-search__input")
    assert (box.get_attribute("placeholder"), box.get_attribute("aria-label")) == ("Cari", "Cari taklimat")
    page.get_by_role("button", name="Inggris").click()
    assert page.evaluate(NAV_TITLES)[:3] == ["Home", "Briefings", "Stories"]
    assert toc_title.inner_text().strip() == "Table of contents"
    assert page.evaluate(HEADER_TITLE) == "Macron Opposes a NATO Liaison Office in Japan"
    assert (box.get_attribute("placeholder"), box.get_attribute("aria-label")) == (
        "Search",
        "Search the briefings",
    )
    page.locator(".bf-reading [data-bf-mode='original']").first.click()
    assert page.evaluate(NAV_TITLES)[:3] == ["Beranda", "Taklimat", "Rangkaian berita"]
    page.locator(".bf-reading [data-bf-mode='both']").first.click()  # the page's words in English
    assert page.evaluate(HEADER_TITLE) == "Macron Menentang Kantor Penghubung NATO di Jepang"
    assert page.evaluate(NAV_TITLES)[:3] == ["Home", "Briefings", "Stories"]
    assert box.get_attribute("placeholder") == "Search"


@pytest.mark.parametrize("kind", ["actors-index", "home", "briefing"])
def test_every_table_of_contents_title_follows_the_reading(reader: Reader, kind: str) -> None:
    """A section page has two (the sidebar's, and a copy in the navigation for phones); each
    follows the reading, the one on screen included."""
    page = open_in(reader, PAGE_KINDS[kind], "original")
    worded = page.eval_on_selector_all(
        ".md-nav--secondary > .md-nav__title",
        "titles => titles.map(t => [...t.querySelectorAll('span[lang=id]')].map(s => s.textContent).join(''))",
    )
    assert worded and all(text == "Daftar isi" for text in worded), worded
    on_screen = page.eval_on_selector_all(
        ".md-nav--secondary > .md-nav__title",
        "titles => titles.filter(t => t.checkVisibility()).map(t => [...t.childNodes]"
        ".filter(n => n.nodeType === 3 || n.checkVisibility()).map(n => n.textContent).join('').trim())",
    )
    assert on_screen == ["Daftar isi"], on_screen


def test_the_not_found_page_words_its_navigation_as_its_text(reader: Reader) -> None:
    """The 404 page has no reading buttons; read in the original language, its navigation and
    search box follow its own words."""
    page = open_in(reader, PAGE_KINDS["not-found"], "original")
    assert page.locator("h1#title").inner_text() == "Halaman tidak ditemukan"
    assert page.evaluate(NAV_TITLES)[:3] == ["Beranda", "Taklimat", "Rangkaian berita"]
    assert page.locator(".bf-header-search__input").get_attribute("placeholder") == "Cari"
