"""Helpers for tests that build real sites: run MkDocs, read pages, collect links and ids."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from build_tools.link import build_index
from build_tools.model import Corpus
from build_tools.render.kind import SiteData
from build_tools.site import BuildOptions, Site

#: mkdocs.yml reads site_url from this variable (the publishing workflow sets it)
SITE_URL_VARIABLE = "BRIEFINGS_SITE_URL"
#: the address the tests publish the seed site at (`published_site` in conftest.py)
PUBLISHED_ADDRESS = "https://example.github.io/briefings/"
#: a page of the seed site that a preview serves once its first build is done
SEED_BRIEFING_PAGE = "briefings/macron-opposes-nato-office-in-japan/"


@contextlib.contextmanager
def umask(mask: int) -> Iterator[None]:
    """This process's umask (inherited by the builds it starts), restored afterwards."""
    previous = os.umask(mask)
    try:
        yield
    finally:
        os.umask(previous)


def run_python(
    args: list[str], cwd: Path, timeout: float = 300, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """This interpreter in a subprocess (without MkDocs' 2.0 banner), output captured."""
    return subprocess.run(
        [sys.executable, *args],
        check=False,
        cwd=cwd,
        env={**(os.environ if env is None else env), "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def build_site(
    root: Path, site_dir: Path, tool: str = "mkdocs", *, site_url: str | None = None
) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` (or a drop-in fork's) in a subprocess, as a maintainer would run it:
    a local build with no site_url, or with `site_url` as the publishing workflow sets it."""
    env = {name: value for name, value in os.environ.items() if name != SITE_URL_VARIABLE}
    if site_url is not None:
        env[SITE_URL_VARIABLE] = site_url
    return run_python(
        ["-m", tool, "build", "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(site_dir)], root, env=env
    )


@dataclass
class ParsedPage:
    ids: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    tags: list[tuple[str, dict[str, str | None]]] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


class _Collector(HTMLParser):
    def __init__(self, page: ParsedPage) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.page.tags.append((tag, attributes))
        if attributes.get("id"):
            self.page.ids.append(attributes["id"])
        if tag == "a" and attributes.get("href") is not None:
            self.page.links.append(attributes["href"])

    def handle_data(self, data):
        self.page.text.append(data)


def parse_page(path: Path) -> ParsedPage:
    page = ParsedPage()
    collector = _Collector(page)
    collector.feed(path.read_text(encoding="utf-8"))
    collector.close()
    return page


def content_of(html_text: str) -> str:
    """The page's main content: Material's article element, without the theme's chrome."""
    start = html_text.index('<article class="md-content__inner md-typeset">')
    end = html_text.index("</article>", start)
    return html_text[start:end]


def site_of(corpus: Corpus, **options: object) -> Site:
    """The site of a corpus (from `validate_repository`, possibly edited), with build options."""
    return Site(SiteData(corpus, build_index(corpus)), BuildOptions(**options))  # type: ignore[arg-type]


def seed_site_object() -> Site:
    """The site of the repository's own briefings (the seed site), not yet rendered."""
    from build_tools.site import build_site as build_pipeline

    from .conftest import REPO

    built = build_pipeline(REPO)
    assert built.site is not None, built.errors
    return built.site


# -- the live preview ------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.25)
    return False


#: `python -m mkdocs`, where Ctrl-C stops it even when the tests were started with SIGINT ignored
#: (a shell's background job, `nohup`): Python keeps an ignored SIGINT ignored in its children
_MKDOCS_WITH_CTRL_C = (
    "import runpy, signal; signal.signal(signal.SIGINT, signal.default_int_handler); "
    "runpy.run_module('mkdocs', run_name='__main__', alter_sys=True)"
)


@contextlib.contextmanager
def mkdocs_serve(
    root: Path, *options: str, page: str = SEED_BRIEFING_PAGE
) -> Iterator[tuple[str, subprocess.Popen, Path]]:
    """`mkdocs serve` on `root` with its own temporary folder, stopped with Ctrl-C (SIGINT) as a
    maintainer stops it; ready once `page` answers."""
    port = free_port()
    temp = root.parent / "serve-tmp"
    temp.mkdir()
    log = (root / "serve.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-c", _MKDOCS_WITH_CTRL_C, "serve", *options, "--dev-addr", f"127.0.0.1:{port}",
         "-f", str(root / "mkdocs.yml")],
        cwd=root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(temp)},
        stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/"
    try:
        assert wait_for(lambda: fetch(url + page) is not None, 60), "server did not start"
        yield url, process, temp
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        log.close()
