"""Nothing a reader does asks another host for anything: searching (index and worker come from
the site) and switching the colour scheme. Each page kind as it loads: test_page_kinds.py."""

from __future__ import annotations

from .conftest import Reader


def test_search_and_the_palette_toggle_stay_on_the_site(reader: Reader, outside: list[str]) -> None:
    page = reader.open("")
    page.fill("input.md-search__input", "Macron")
    # the search worker builds its index in the page first: slow on a busy 2-core machine
    page.locator(".md-search-result__item").first.wait_for(timeout=45_000)
    page.keyboard.press("Escape")
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    page.wait_for_load_state("networkidle")
    requested = [url.removeprefix(reader.base_url) for url in reader.requests]
    assert "search/search_index.json" in requested
    assert any(url.startswith("assets/javascripts/workers/search.") for url in requested), requested
    assert outside == []
    assert all(url.startswith(reader.base_url) for url in reader.requests), reader.requests
