"""No failed request and no console error on any page kind in the two other sites people meet: the
published build (with the `site_url` the publishing workflow gives it, so every address it writes
is absolute) and the live preview (`mkdocs serve`, with its reload script and a search index made
after the pages). The other browser tests read a local build."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser

from ..conftest import REPO
from ..site_helpers import PUBLISHED_ADDRESS, fetch, mkdocs_serve, wait_for
from .conftest import PAGE_KINDS, make_reader, refuse_other_origins, serving


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("preview") / "repo"
    root.mkdir()
    for folder in ("briefings", "seeds", "docs"):
        shutil.copytree(REPO / folder, root / folder)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    with mkdocs_serve(root) as (url, _, _):
        # the preview writes its search index after the pages: a reader who searches waits for it
        assert wait_for(lambda: fetch(url + "pagefind/en/pagefind-entry.json") is not None, 120)
        yield url


@pytest.fixture(scope="module")
def published(published_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The published build at its address's path, as GitHub Pages serves it (its 404 page, served
    at any depth, refers to the assets by that path)."""
    host = tmp_path_factory.mktemp("pages")
    path = urlsplit(PUBLISHED_ADDRESS).path.strip("/")
    (host / path).symlink_to(published_site, target_is_directory=True)
    with serving(host) as url:
        yield f"{url}{path}/"


def reloading(url: str) -> bool:
    """The preview's long-polled reload request, which leaving a page cancels."""
    return urlsplit(url).path.startswith("/livereload/")


@pytest.mark.parametrize("site", ["published", "preview"])
def test_every_page_kind_loads_without_a_failed_request_or_a_console_error(
    browser: Browser, request: pytest.FixtureRequest, site: str
) -> None:
    base_url: str = request.getfixturevalue(site)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        reader = make_reader(context, base_url)
        elsewhere = refuse_other_origins(context, base_url)  # nothing leaves the machine
        failed: list[str] = []
        reader.page.on("response", lambda r: r.status >= 400 and failed.append(f"{r.status} {r.url}"))
        reader.page.on(
            "requestfailed",
            lambda r: (
                (reloading(r.url) and r.failure == "net::ERR_ABORTED")
                or failed.append(f"{r.failure} {r.url}")
            ),
        )
        for kind, path in sorted(PAGE_KINDS.items()):
            reader.open(path + ("?q=nuklir" if kind == "search" else ""))
            if kind == "search":  # the results come from the index, fetched in pieces
                reader.page.locator(".bf-search-results li").first.wait_for()
            reader.page.wait_for_timeout(300)
            assert (failed, elsewhere, reader.errors) == ([], [], []), kind
    finally:
        context.close()
