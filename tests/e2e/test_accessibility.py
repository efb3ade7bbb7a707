"""Accessibility beyond a page as it loads (every page kind in both schemes: test_page_kinds.py):
the briefing in each reading mode with its citations open, and the system's dark preference."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import BRIEFING, Reader, switch_scheme, violations


def test_the_dark_scheme_follows_the_system_preference(reader: Reader) -> None:
    reader.page.emulate_media(color_scheme="dark")
    page = reader.open("")
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"


@pytest.mark.parametrize("mode", ["original", "en", "both"])
def test_briefing_has_no_violations_in_any_reading_mode_with_citations_open(
    reader: Reader, axe_source: Path, mode: str
) -> None:
    page = reader.open(BRIEFING)
    page.click(f".bf-reading [data-bf-mode='{mode}']")
    page.click(".bf-cite > summary")
    page.locator(".bf-cite-format .bf-copy").first.wait_for()
    page.add_script_tag(path=str(axe_source))
    assert violations(page) == "", "light scheme"
    switch_scheme(page, "slate")
    assert violations(page) == "", "dark scheme"
