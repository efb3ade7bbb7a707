"""The whole pipeline behind one call, without MkDocs: load -> validate -> link -> a `Site`.

`build_site(root, options, cache)` returns the problems of the run and, when there is no error,
the site: its pages (rendered one at a time, on demand), their feeds, their search documents, the
open data files and the site's stylesheet and scripts (minified). The command line, the MkDocs
plugin and the benchmarks all build
through it; `SiteBuild.timings` has the time of each stage it ran.
"""

from __future__ import annotations

import time
from collections.abc import Collection, Hashable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path

import rcssmin
import rjsmin

from .cache import Cache
from .data import DataFile, data_files
from .link import build_index
from .load import load_repository
from .model import Problem
from .related import RELATED_LIMIT
from .render.feeds import FeedFile, feed_files
from .render.kind import PageKind, SiteData
from .render.page import Context, Page
from .render.registry import PAGE_KINDS
from .render.search import SearchDocument, documents
from .render.urls import SCRIPT, SEARCH_SCRIPT, STYLESHEET, Links
from .validate import validate

ASSETS = resources.files(__package__) / "assets"
#: the files every page loads (the search page also loads `urls.SEARCH_SCRIPT`, its own)
EVERY_PAGE = (STYLESHEET, SCRIPT)
ASSET_FILES = (STYLESHEET, SCRIPT, SEARCH_SCRIPT)


@dataclass(frozen=True)
class BuildOptions:
    use_directory_urls: bool = True
    site_url: str | None = None
    """The published address, when known: feeds, citations and canonical links need it."""
    site_name: str = "Annotated news briefings"
    related_limit: int = RELATED_LIMIT

    @property
    def links(self) -> Links:
        return Links(self.use_directory_urls, self.site_url or None)


@dataclass(frozen=True)
class SitePage:
    """One page of the site before it is rendered: its kind, its key and its src_uri."""

    kind: PageKind
    key: str
    uri: str


@dataclass(frozen=True)
class Asset:
    path: str
    content: str


@dataclass
class Site:
    data: SiteData
    options: BuildOptions = field(default_factory=BuildOptions)

    @property
    def links(self) -> Links:
        return self.options.links

    @cached_property
    def entries(self) -> dict[str, SitePage]:
        """Every page, by src_uri, in the order of the registry."""
        return {
            page.uri: page
            for kind in PAGE_KINDS
            for page in (SitePage(kind, key, kind.uri(key)) for key in kind.items(self.data))
        }

    def pages(self, only: Collection[str] | None = None) -> Iterator[Page]:
        """The rendered pages (or those whose src_uri is in `only`), one at a time."""
        for uri, entry in self.entries.items():
            if only is None or uri in only:
                context = Context(self.links, uri, self.data.mentions, self.data.original_language)
                yield entry.kind.render(entry.key, self.data, context)

    def shows(self) -> dict[str, Hashable | None]:
        """What each page shows (None: always regenerated), for dirty rebuilds to compare."""
        return {
            uri: entry.kind.shows(entry.key, self.data) if entry.kind.shows else None
            for uri, entry in self.entries.items()
        }

    def feed_paths(self, uri: str) -> tuple[str, ...]:
        """The files of the feed that follows a page (none for most kinds)."""
        entry = self.entries[uri]
        if entry.kind.feed is None:
            return ()
        path = entry.kind.feed(entry.key, self.data, self.options.site_name).path
        return (f"{path}.atom.xml", f"{path}.rss.xml")

    def feeds(self, only: Collection[str] | None = None) -> Iterator[FeedFile]:
        """The feeds of every page (or of the pages in `only`), Atom and RSS."""
        specs = (
            entry.kind.feed(entry.key, self.data, self.options.site_name)
            for uri, entry in self.entries.items()
            if entry.kind.feed is not None and (only is None or uri in only)
        )
        return feed_files(specs, self.data, self.links, self.options.site_name)

    def search_documents(
        self, only: Collection[str] | None = None
    ) -> Iterator[tuple[str, list[SearchDocument]]]:
        """Each searchable page's documents, one per language, by src_uri."""
        for uri, entry in self.entries.items():
            if entry.kind.search is not None and (only is None or uri in only):
                fields = entry.kind.search(entry.key, self.data)
                yield uri, list(documents(self.links.url(uri), fields))

    def data_files(self) -> list[DataFile]:
        """The open data published under /data/ (`data`): tables, database, annotations."""
        return data_files(self.data, self.links)

    def section_pages(self) -> set[str]:
        """The pages the navigation may list; every other page stays out of it."""
        return {uri for uri, entry in self.entries.items() if entry.kind.section}

    @staticmethod
    def assets() -> list[Asset]:
        """The site's stylesheet and scripts, minified."""
        return [
            Asset(path, minified(path, (ASSETS / path.removeprefix("assets/")).read_text(encoding="utf-8")))
            for path in ASSET_FILES
        ]


def minified(path: str, source: str) -> str:
    """A stylesheet or script without its comments and spaces (rcssmin, rjsmin: both keep strings,
    regular expressions and template literals as they are)."""
    if path.endswith(".css"):
        return str(rcssmin.cssmin(source))
    if path.endswith(".js"):
        return str(rjsmin.jsmin(source))
    raise ValueError(f"no minifier for {path}")


@dataclass(frozen=True)
class SiteBuild:
    """The outcome of `build_site`: every problem, and the site when none is an error."""

    site: Site | None
    problems: tuple[Problem, ...]
    timings: dict[str, float]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)


def build_site(
    root: Path,
    options: BuildOptions | None = None,
    cache: Cache | None = None,
    previous: SiteData | None = None,
) -> SiteBuild:
    """Load, validate and link the repository at `root`; the site renders on demand. With the data of
    a previous build (a preview's), linking redoes only what the edits since can change."""
    options = options or BuildOptions()
    cache = cache if cache is not None else Cache()
    timings: dict[str, float] = {}
    started = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal started
        now = time.perf_counter()
        timings[stage] = now - started
        started = now

    loaded = load_repository(root, cache)
    lap("load")
    result = validate(loaded, cache)
    cache.forget_unused()
    lap("validate")
    if result.errors:
        return SiteBuild(None, result.problems, timings)
    before = (previous.corpus, previous.index) if previous is not None else None
    index = build_index(result.corpus, options.related_limit, before)
    lap("link")
    return SiteBuild(Site(SiteData(result.corpus, index), options), result.problems, timings)
