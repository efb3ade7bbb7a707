"""Browser tests: the seed site built once, served on a free 127.0.0.1 port, read by Debian's
Chromium through Playwright.

Nothing is skipped: without Chromium or axe-core the tests fail and say how to install them
(`.ci/run` and `make test` do).
"""

from __future__ import annotations

import contextlib
import functools
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Route, sync_playwright

from build_tools.render.registry import PAGE_KINDS as PAGE_KINDS_REGISTRY

from ..conftest import REPO
from ..site_helpers import build_site, seed_site_object

#: Debian's Chromium; another build (e.g. a CI image's Chrome) can be named in BRIEFINGS_CHROMIUM
CHROMIUM = Path(os.environ.get("BRIEFINGS_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"

BRIEFING = "briefings/macron-opposes-nato-office-in-japan/"
OTHER_BRIEFING = "briefings/macron-blocks-nato-tokyo-liaison-office/"
#: kinds of the registry that the seed site has no page of: its lists are too short to be split
#: into year pages (tests/test_incremental.py renders them on a synthetic corpus)
NOT_ON_THE_SEED_SITE = {"archive-year", "timeline-year", "redirect"}
#: the pages the site's own docs/ adds, and the theme's 404 page
HAND_WRITTEN = {
    "contributing": "contributing/",
    "format": "format/",
    "data": "data/",
    "not-found": "404.html",
}


def _page_kinds() -> dict[str, str]:
    """One page of every kind a reader can reach: the first page of each kind of the registry,
    and the hand-written ones."""
    site = seed_site_object()
    first: dict[str, str] = {}
    for uri, entry in site.entries.items():
        first.setdefault(entry.kind.name, site.links.url(uri))
    missing = {kind.name for kind in PAGE_KINDS_REGISTRY} - first.keys()
    assert missing == NOT_ON_THE_SEED_SITE, missing
    return first | HAND_WRITTEN


PAGE_KINDS = _page_kinds()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="package")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("e2e") / "site"
    done = build_site(REPO, site)
    assert done.returncode == 0, done.stderr
    assert "WARNING" not in done.stderr, done.stderr
    return site


@contextlib.contextmanager
def serving(site: Path) -> Iterator[str]:
    """A built site over HTTP on a loopback port (file:// would hide what a server changes: MIME
    types, 404s); yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@contextlib.contextmanager
def built_and_served(root: Path) -> Iterator[str]:
    """`mkdocs build --strict` of the repository at `root`, then `serving` its site."""
    site = root / "site"
    done = build_site(root, site)
    assert done.returncode == 0, done.stderr
    with serving(site) as url:
        yield url


@pytest.fixture(scope="package")
def base_url(built_site: Path) -> Iterator[str]:
    with serving(built_site) as url:
        yield url


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.is_file():
        pytest.fail(
            f"{CHROMIUM} not found: the browser tests need Debian's Chromium "
            "(`apt-get install chromium`, as .ci/run does) or BRIEFINGS_CHROMIUM set to another build",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture(scope="package")
def axe_source() -> Path:
    if not AXE.is_file():
        pytest.fail(f"{AXE} not found: run `npm ci` (make test does)", pytrace=False)
    return AXE


@dataclass
class Reader:
    """A browser tab with everything it requested and every script error it met."""

    page: Page
    base_url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def open(self, path: str) -> Page:
        self.page.goto(self.base_url + path, wait_until="load")
        return self.page


def make_reader(context: BrowserContext, base_url: str) -> Reader:
    context.set_default_timeout(30_000)  # everything is local, but a loaded 2-core CI machine is slow
    page = context.new_page()
    reader = Reader(page, base_url)

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            reader.errors.append(f"{message.text} ({message.location.get('url')})")

    context.on("request", lambda request: reader.requests.append(request.url))
    page.on("pageerror", lambda error: reader.errors.append(str(error)))
    page.on("console", console)
    return reader


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    opened = browser.new_context(viewport={"width": 1280, "height": 900})
    yield opened
    opened.close()


@pytest.fixture
def reader(context: BrowserContext, base_url: str) -> Iterator[Reader]:
    opened = make_reader(context, base_url)
    yield opened
    assert not opened.errors, f"script errors: {opened.errors}"


def refuse_other_origins(context: BrowserContext, base_url: str) -> list[str]:
    """Requests for any other origin than the test server's: refused before they leave (so the
    tests never reach the network) and listed."""
    refused: list[str] = []
    origin = urlsplit(base_url).netloc

    def guard(route: Route) -> None:
        if urlsplit(route.request.url).netloc == origin:
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    return refused


@pytest.fixture
def outside(context: BrowserContext, base_url: str) -> list[str]:
    return refuse_other_origins(context, base_url)


RUN_AXE = """async () => {
  const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return result.violations.map(v => ({
    rule: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " :: " + n.failureSummary),
  }));
}"""


def violations(page: Page) -> str:
    """axe-core's findings for WCAG 2.2 A and AA and its best practices, one line per rule with its
    first nodes; empty when there are none. axe must have been injected into the page."""
    found = page.evaluate(RUN_AXE)
    return "\n".join(f"{v['rule']} ({v['impact']}): {v['help']}\n  " + "\n  ".join(v["nodes"]) for v in found)


def switch_scheme(page: Page, scheme: str) -> None:
    """Material's palette toggle, as a reader clicks it."""
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    page.wait_for_function(f"document.body.dataset.mdColorScheme === '{scheme}'")
