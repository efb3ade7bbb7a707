"""Every page kind on a phone (360 and 390 px) and on a desktop (1366 px), loaded once: it asks
nothing of any other host, it is never wider than the screen, every control is a target of at
least 24 x 24 px (WCAG 2.2 target size), and axe-core (WCAG 2.2 AA rules and best practices) finds
no violation in the light scheme nor, after the reader's switch with the palette toggle, the dark.

Before this suite, axe found on every page Material's search dialog without a name (that
dialog is gone: the site has its own search page) and (light) the footer's copyright line at
4.47:1, and on our pages links told apart by colour alone and (dark) quote highlights at 4.15:1.
Before the phone layout, the story page was 534 px wide on a 390 px screen and a quote's "#"
permalink was 7 x 15 px.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import PAGE_KINDS, Reader, switch_scheme, violations

WIDTHS = (360, 390, 1366)
#: our controls: every button and every link that is not part of running text
CONTROLS = (
    ".bf-reading-choice, .bf-copy, .bf-permalink, .bf-in-article, .bf-tag, .bf-thread a, .bf-feeds a, "
    ".md-typeset a.headerlink, .bf-search-box button, .bf-search-more, .bf-cite > summary"
)
SMALL_TARGETS = f"""() => [...document.querySelectorAll({CONTROLS!r})]
  .filter(e => e.checkVisibility())
  .map(e => [e.className + ' ' + e.textContent.trim().slice(0, 30), e.getBoundingClientRect()])
  .filter(([_, box]) => box.width < 23.5 || box.height < 23.5)
  .map(([name, box]) => name + ' ' + Math.round(box.width) + 'x' + Math.round(box.height))"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", sorted(PAGE_KINDS))
def test_page_kind_fits_the_screen_and_is_accessible(
    reader: Reader, outside: list[str], axe_source: Path, kind: str, width: int
) -> None:
    failed: list[str] = []
    reader.page.set_viewport_size({"width": width, "height": 900})
    reader.page.on("response", lambda r: r.status >= 400 and failed.append(r.url))
    page = reader.open(PAGE_KINDS[kind])
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "wider than the screen"
    assert page.evaluate(SMALL_TARGETS) == []
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    page.add_script_tag(path=str(axe_source))
    assert violations(page) == "", "light scheme"
    switch_scheme(page, "slate")
    assert violations(page) == "", "dark scheme"

    page.wait_for_load_state("networkidle")
    assert outside == []
    own = [url for url in reader.requests if not url.startswith("data:")]
    assert all(url.startswith(reader.base_url) for url in own), own
    requested = {url.removeprefix(reader.base_url) for url in own}
    assert {"assets/briefings.js", "assets/briefings.css"} <= requested
    assert ("assets/briefings-search.js" in requested) == (kind == "search")  # its own page only
    assert failed == []  # not even Material's look-up of a sitemap beside each feed (rel="alternate feed")
