"""Nothing a reader does asks another host for anything: searching (index and worker come from
the site) and switching the colour scheme. Each page kind as it loads: test_page_kinds.py."""

from __future__ import annotations

from .conftest import Reader


def test_search_and_the_palette_toggle_stay_on_the_site(reader: Reader, outside: list[str]) -> None:
    page = reader.open("")
    page.fill(".bf-header-search__input", "Macron")
    page.press(".bf-header-search__input", "Enter")
    page.locator(".bf-search-result").first.wait_for()
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    page.wait_for_load_state("networkidle")
    requested = [url.removeprefix(reader.base_url) for url in reader.requests]
    assert "pagefind/bundles.json" in requested
    for language in ("en", "id"):  # each language's index, worker and stemmer come from the site
        assert f"pagefind/{language}/pagefind-worker.js" in requested, requested
        assert f"pagefind/{language}/wasm.{language}.pagefind" in requested, requested
    assert outside == []
    assert all(url.startswith(reader.base_url) for url in reader.requests), reader.requests
