"""Search results as issue 13 asks for them: the passage that matched as the excerpt, with the
query words marked; a link that opens that passage (a quote, an article paragraph, an event) and a
page that shows it on arrival; quotes shown as quotes; titles in the reader's reading language and
each excerpt labelled with its own; the page's own words in the reading language; results as the
reader types; and a ranking measured by precision at 1 and 3 over a query set."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

from .conftest import Reader
from .search_helpers import RANKING_QUERIES, A, B, open_search, precision, search_links

#: phrases of quotes, in the original and in English, and the quote each must open first
QUOTE_PHRASES = [
    ("geografi itu keras kepala", f"{A}#quote-geography-is-stubborn"),
    ("geography is stubborn", f"{A}#quote-geography-is-stubborn"),
    ("kesalahan besar", f"{B}#quote-big-mistake"),
    ("big mistake", f"{B}#quote-big-mistake"),
    ("tidak menerima konfrontasi blok", f"{B}#quote-no-bloc-confrontation"),
    ("does not accept bloc confrontation", f"{B}#quote-no-bloc-confrontation"),
    ("hulu ledak nuklir", f"{A}#quote-china-warheads-2035"),
    ("1,500 nuclear warheads", f"{A}#quote-china-warheads-2035"),
]
#: words of one article paragraph (or event), and the passage each must open first
PASSAGE_WORDS = [
    ("keamanan siber dan maritim", f"{A}#p10"),
    ("cyber and maritime security", f"{A}#p10"),
    ("selusin pusat penghubung", f"{B}#p7"),
    ("dozen liaison centres", f"{B}#p7"),
    ("Brussel", f"{B}#p6"),
    ("Lituania", f"{A}#event-2"),
]
#: actors' names, and the page that must be among the first three results
ACTOR_NAMES = [
    ("Kishida", "/actors/fumio-kishida/"),
    ("Stoltenberg", "/actors/jens-stoltenberg/"),
    ("Mao Ning", "/actors/mao-ning/"),
    ("Shinzo Abe", "/actors/shinzo-abe/"),
    ("Macron", "/actors/emmanuel-macron/"),
    ("NATO", "/actors/nato/"),
    ("China", "/actors/china/"),
    ("Financial Times", "/actors/financial-times/"),
]
#: what the ranking reaches on the query set (tests/e2e/search_helpers.py), a little below it
PRECISION_AT_1 = 0.92
PRECISION_AT_3 = 0.97


def _words(text: str) -> str:
    """Lower-case words without punctuation, to compare an excerpt with a phrase."""
    return " ".join(re.findall(r"[\w-]+", text.lower().replace(",", "")))


def _first(page: Page) -> tuple[str, str, str, list[str]]:
    """The first result's link, facts, excerpt and marked words."""
    result = page.locator(".bf-search-result").first
    href = result.locator(".bf-search-title a").get_attribute("href") or ""
    marks = result.locator(".bf-search-excerpt mark").all_inner_texts()
    excerpt = result.locator(".bf-search-excerpt").inner_text()
    return href, result.locator(".bf-search-meta").inner_text(), excerpt, marks


@pytest.mark.parametrize(("phrase", "expected"), QUOTE_PHRASES)
def test_a_quote_phrase_opens_that_quote_first(reader: Reader, phrase: str, expected: str) -> None:
    page = open_search(reader, reading="en")
    links = search_links(page, phrase)
    href, facts, excerpt, marks = _first(page)
    assert href == expected, links
    assert facts.startswith("Quote · "), facts
    assert _words(phrase) in _words(excerpt), excerpt
    assert {_words(mark) for mark in marks} >= {w for w in _words(phrase).split() if len(w) > 3}, marks


@pytest.mark.parametrize(("words", "expected"), PASSAGE_WORDS)
def test_words_of_a_paragraph_open_that_paragraph(reader: Reader, words: str, expected: str) -> None:
    page = open_search(reader, reading="en")
    search_links(page, words)
    href, facts, excerpt, marks = _first(page)
    assert href == expected
    assert facts.startswith("Briefing · ")
    assert marks and all(_words(mark) in _words(excerpt) for mark in marks)


@pytest.mark.parametrize(("name", "actor"), ACTOR_NAMES)
def test_an_actor_name_puts_the_actor_page_in_the_first_three(reader: Reader, name: str, actor: str) -> None:
    page = open_search(reader)
    links = search_links(page, name)
    assert actor in [urlsplit(link).path for link in links[:3]], links


def test_precision_at_1_and_3_over_the_query_set(reader: Reader) -> None:
    page = open_search(reader)
    at_1, at_3, rows = precision(page, RANKING_QUERIES)
    print(f"\nsearch ranking over {len(RANKING_QUERIES)} queries: precision at 1 {at_1:.3f}, at 3 {at_3:.3f}")
    print("\n".join(rows))
    assert at_1 >= PRECISION_AT_1 and at_3 >= PRECISION_AT_3


@pytest.mark.parametrize("reading", ["en", "original"])
def test_a_result_opens_its_passage_marked_and_in_view(reader: Reader, reading: str) -> None:
    for query, anchor, selector in (
        ("geography is stubborn", "quote-geography-is-stubborn", "figure.bf-quote"),
        ("cyber and maritime security", "p10", ".bf-row"),
    ):
        page = open_search(reader, reading=reading)
        search_links(page, query)
        page.locator(".bf-search-result .bf-search-title a").first.click()
        page.wait_for_url(f"**#{anchor}")
        target = page.locator(f"{selector}#{anchor}")
        page.wait_for_function(
            "id => { const r = document.getElementById(id).getBoundingClientRect();"
            " return r.top >= 0 && r.top < window.innerHeight / 2; }",
            arg=anchor,
        )
        header = page.locator(".md-header").bounding_box()
        box = target.bounding_box()
        assert header and box and box["y"] >= header["y"] + header["height"] - 1, (box, header)
        assert target.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
        assert target.is_visible()


def test_titles_follow_the_reading_language_and_excerpts_name_their_own(reader: Reader) -> None:
    page = open_search(reader, reading="en")
    search_links(page, "memveto")  # Indonesian: only the original text says it
    result = page.locator(".bf-search-result").first
    assert result.locator(".bf-search-title a").inner_text() == (
        "Macron's Opposition Stalls NATO's Planned Liaison Office in Tokyo"
    )
    assert result.locator(".bf-search-lang").inner_text() == "INDONESIAN"
    assert result.locator(".bf-search-excerpt").get_attribute("lang") == "id"

    page = open_search(reader, reading="original")
    search_links(page, "deadlocked")  # English: only the translation says it
    result = page.locator(".bf-search-result").first
    assert result.locator(".bf-search-title a").inner_text() == (
        "Penentangan Macron Hambat Rencana Kantor Penghubung NATO di Tokyo"
    )
    assert result.locator(".bf-search-lang").inner_text() == "INGGRIS"
    assert result.locator(".bf-search-excerpt").get_attribute("lang") == "en"
    # seed 002, known by its signature (issue 16)
    assert result.locator(".bf-search-meta").inner_text() == "Taklimat · Islam Times · Juni 2023"


def test_one_language_of_titles_in_every_result_list(reader: Reader) -> None:
    """Titles no longer switch language with the index that matched ("veto" was Indonesian,
    "Kishida" English): every title is the reader's."""
    page = open_search(reader, reading="original")
    for query in ("memveto", "Kishida", "NATO", "warheads"):
        search_links(page, query)
        titles = page.locator(".bf-search-result .bf-search-title a").all_inner_texts()
        briefing_titles = [t for t in titles if "Macron" in t]
        assert briefing_titles and all(
            t.startswith(("Macron Menentang", "Penentangan Macron")) for t in briefing_titles
        ), (query, titles)


def test_the_search_page_speaks_the_reading_language(reader: Reader) -> None:
    page = open_search(reader, "search/?q=NATO", reading="original")
    page.wait_for_function("() => /hasil/.test(document.querySelector('.bf-search-status').innerText)")
    assert page.locator("h1").inner_text() == "Pencarian"
    assert page.locator("label[for=bf-query]").inner_text() == "Kata yang dicari"
    assert page.locator(".bf-search-status").inner_text() == "10 hasil teratas; selebihnya di bawah."
    assert page.locator("#bf-filter-kind option").first.text_content() == "Semua"  # options: text
    page.click(".bf-search-filters > summary")
    page.locator("#bf-filter-kind option[value='Briefing']").wait_for(state="attached")
    assert page.locator("#bf-filter-kind option[value='Briefing']").text_content() == "Taklimat"
    assert page.locator("#bf-filter-language option[value='Indonesian']").text_content() == "Indonesia"
    # the reading control on the page switches it all at once, options included
    page.click(".bf-reading [data-bf-mode='en']")
    assert page.locator("h1").inner_text() == "Search"
    assert page.locator(".bf-search-status").inner_text() == "The best 10 results; more below."
    assert page.locator("#bf-filter-kind option[value='Briefing']").text_content() == "Briefing"
    assert page.locator(".bf-search-result .bf-search-meta").first.inner_text().split(" · ")[0] in {
        "Briefing", "Quote", "Actor", "Story",
    }  # fmt: skip


def test_results_come_as_the_reader_types(reader: Reader) -> None:
    page = open_search(reader)
    page.locator("#bf-query").press_sequentially("kebuntuan", delay=40)  # no Enter
    page.wait_for_function("() => document.querySelectorAll('.bf-search-result').length > 0")
    assert (
        urlsplit(page.locator(".bf-search-result .bf-search-title a").first.get_attribute("href") or "").path
        == B
    )
    assert page.url.endswith("search/?q=kebuntuan")


def test_an_index_without_every_query_word_adds_nothing(reader: Reader) -> None:
    """Pagefind leaves out a word its index lacks: the English index alone would answer
    "diplomat sekutu" with every page that says "diplomat" (an actor's description)."""
    page = open_search(reader)
    assert search_links(page, "diplomat sekutu") == [f"{A}#p8"]
    assert search_links(page, "diplomat \u2013 sekutu") == [f"{A}#p8"]  # a dash is no word to look for


def test_a_title_match_opens_the_page_and_shows_its_summary(reader: Reader) -> None:
    page = open_search(reader, reading="en")
    links = search_links(page, "stalls")  # only B's English title says it
    assert links == [B]
    _, _, excerpt, marks = _first(page)
    assert marks == [] and "According to the Financial Times" in excerpt
