"""Every page kind, loaded once: it asks nothing of any other host, and axe-core finds no
violation in the light scheme nor, after the reader's switch with the palette toggle, the dark one.

Before this suite, axe found on every page Material's search dialog without a name (that
dialog is gone: the site has its own search page) and (light)
the footer's copyright line at 4.47:1, and on our pages links told apart by colour alone and
(dark) quote highlights at 4.15:1.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import PAGE_KINDS, Reader, material_looks_up_a_sitemap, switch_scheme, violations


@pytest.mark.parametrize("kind", sorted(PAGE_KINDS))
def test_page_kind_is_self_contained_and_accessible(
    reader: Reader, outside: list[str], axe_source: Path, kind: str
) -> None:
    failed: list[str] = []
    reader.page.on("response", lambda r: r.status >= 400 and failed.append(r.url))
    page = reader.open(PAGE_KINDS[kind])
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    page.add_script_tag(path=str(axe_source))
    assert violations(page) == "", "light scheme"
    switch_scheme(page, "slate")
    assert violations(page) == "", "dark scheme"

    page.wait_for_load_state("networkidle")
    assert outside == []
    own = [url for url in reader.requests if not url.startswith("data:")]
    assert all(url.startswith(reader.base_url) for url in own), own
    assert {"assets/briefings.js", "assets/briefings.css", "assets/briefings-search.js"} <= {
        url.removeprefix(reader.base_url) for url in own
    }
    assert [url for url in failed if not material_looks_up_a_sitemap(url)] == [], failed
