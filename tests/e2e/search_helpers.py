"""What the search tests share: driving the search page, reading its results, and the query set
with the result each query should give first."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from playwright.sync_api import Page

from .conftest import BRIEFING, OTHER_BRIEFING, Reader

A, B = "/" + BRIEFING, "/" + OTHER_BRIEFING


@dataclass(frozen=True)
class Expected:
    """A query and the result it should give first: a page, or a place on it (`path#anchor`)."""

    query: str
    first: str
    what: str

    def matches(self, href: str) -> bool:
        path, _, anchor = self.first.partition("#")
        found = urlsplit(href)
        return found.path == path and (not anchor or found.fragment == anchor)


#: the ranking query set: Indonesian and English, quote phrases, passages, names, word forms
RANKING_QUERIES = [
    Expected("geografi itu keras kepala", f"{A}#quote-geography-is-stubborn", "quote phrase (id)"),
    Expected("kesalahan besar", f"{B}#quote-big-mistake", "quote phrase (id)"),
    Expected("konfrontasi blok", f"{B}#quote-no-bloc-confrontation", "quote phrase (id)"),
    Expected("hulu ledak nuklir", f"{A}#quote-china-warheads-2035", "quote phrase (id)"),
    Expected("harus berdiri bersama", f"{A}#quote-security-is-global", "quote phrase (id)"),
    Expected("ketegangan NATO-China", f"{B}#quote-nato-china-tensions", "quote phrase (id)"),
    Expected("spektrum dan geografi", f"{B}#quote-spectrum-and-geography", "quote phrase (id)"),
    Expected("kemitraan strategis", f"{A}#quote-deepening-strategic-partnership", "quote phrase (id)"),
    Expected("geography is stubborn", f"{A}#quote-geography-is-stubborn", "quote phrase (en)"),
    Expected("big mistake", f"{B}#quote-big-mistake", "quote phrase (en)"),
    Expected("bloc confrontation", f"{B}#quote-no-bloc-confrontation", "quote phrase (en)"),
    Expected("nuclear warheads", f"{A}#quote-china-warheads-2035", "quote phrase (en)"),
    Expected("we really must stand together", f"{A}#quote-security-is-global", "quote phrase (en)"),
    Expected("global military alliance", f"{A}#quote-not-a-global-alliance", "quote phrase (en)"),
    Expected(
        "Indo-Pacific is not the North Atlantic", f"{A}#quote-indo-pacific-not-north-atlantic", "quote (en)"
    ),
    Expected("keamanan siber", f"{A}#p10", "paragraph words (id)"),
    Expected("maritime security", f"{A}#p10", "paragraph words (en)"),
    Expected("diplomat sekutu", f"{A}#p8", "paragraph words (id)"),
    Expected("angered diplomats", f"{A}#p8", "paragraph words, inflected (en)"),
    Expected("selusin pusat penghubung", f"{B}#p7", "paragraph words (id)"),
    Expected("dozen liaison centres", f"{B}#p7", "paragraph words (en)"),
    Expected("Brussel", f"{B}#p6", "paragraph word (id)"),
    Expected("saingan global", f"{A}#p15", "paragraph words (id)"),
    Expected("main global rival", f"{A}#p15", "paragraph words (en)"),
    Expected("Lituania", f"{A}#event-2", "event word (id)"),
    Expected("forecast", f"{A}#event-6", "event word (en)"),
    Expected("Kishida", "/actors/fumio-kishida/", "name"),
    Expected("Stoltenberg", "/actors/jens-stoltenberg/", "name"),
    Expected("Mao Ning", "/actors/mao-ning/", "name"),
    Expected("Shinzo Abe", "/actors/shinzo-abe/", "name"),
    Expected("Emmanuel Macron", "/actors/emmanuel-macron/", "name"),
    Expected("Financial Times", "/actors/financial-times/", "name"),
    Expected("Prancis", "/actors/france/", "alias (id)"),
    Expected("Macron menentang", A, "title phrase (id)"),
    Expected("opposition stalls", B, "title phrase, inflected (en)"),
    Expected("memveto", B, "affixed form, absent (memvetonya)"),
    Expected("pemblokiran", A, "affixed form, absent (memblokir)"),
    Expected("kebuntuan", B, "affixed form"),
    Expected("deadlocked", B, "inflected form (en)"),
    Expected("warhead", A, "stem (en)"),
]


def search(page: Page, query: str) -> list[str]:
    """Type a query on the search page, submit it, and return the result links' paths."""
    return [urlsplit(href).path for href in search_links(page, query)]


def search_links(page: Page, query: str) -> list[str]:
    """Type a query, submit it, and return the result links as written (path and fragment)."""
    page.fill("#bf-query", query)
    page.press("#bf-query", "Enter")
    wait_for_results(page)
    return result_links(page)


def wait_for_results(page: Page) -> None:
    page.wait_for_function(
        "() => { const s = document.querySelector('.bf-search-status').textContent;"
        " return /result|No results/.test(s); }"
    )


def result_links(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        ".bf-search-result .bf-search-title a", "links => links.map(a => a.getAttribute('href'))"
    )


def result_paths(page: Page) -> list[str]:
    return [urlsplit(href).path for href in result_links(page)]


def open_search(reader: Reader, address: str = "search/", reading: str | None = None) -> Page:
    """The search page, ready to search; in `reading` language (`en`, `original`, `both`) if given."""
    page = reader.open(address)
    if reading is not None:
        page.evaluate("mode => localStorage.setItem('briefings.reading', mode)", reading)
        page.reload()
    page.locator("form.bf-search[data-bf-ready]").wait_for()
    return page


def precision(page: Page, queries: list[Expected]) -> tuple[float, float, list[str]]:
    """Precision at 1 and at 3 over `queries`, and a line per query for the report."""
    at_1 = at_3 = 0
    rows = []
    for expected in queries:
        links = search_links(page, expected.query)
        rank = next((n for n, href in enumerate(links, start=1) if expected.matches(href)), None)
        at_1 += rank == 1
        at_3 += rank is not None and rank <= 3
        first = links[0] if links else "-"
        rows.append(
            f"{'ok ' if rank == 1 else 'top3' if rank and rank <= 3 else 'MISS'} rank {rank}  "
            f"{expected.query!r:42} {expected.what:34} first: {first}"
        )
    return at_1 / len(queries), at_3 / len(queries), rows
