"""The MkDocs adapter: validate, link and render the briefings, add the pages in memory.

Nothing else in the package imports MkDocs. Pages are `File.generated` (nothing is written into
docs/); detail pages stay out of the navigation, which lists sections only. Validation problems
fail the build with the same `path:line:col` messages as `briefings validate`.

The plugin also brings its assets (a stylesheet and two scripts, added to `extra_css` and
`extra_javascript`), the Atom and RSS feeds of `render.feeds`, the search index (`search.py`,
built from the data: Pagefind runs beside MkDocs while it writes the pages), and a few theme
templates (`assets/overrides/`, searched after the site's own `custom_dir`): the feeds' `<link>`s
in the head and the header's search box. Shipping them with the plugin keeps any site that
enables it (and every test copy of mkdocs.yml) complete.

Under `mkdocs serve --dirty` a rebuild regenerates only what an edit changes: the pages
`render.affected` names and the feeds that follow them. The other generated files are handed to
MkDocs as unmodified (`File.is_modified`), so its dirty build leaves their output as it was, and
the search index is rebuilt in the background. Plain `mkdocs serve` and `mkdocs build` always
generate everything.

Detail pages take a fast path: their HTML is built from the same blocks as their Markdown
(`render.page.Page.html`), so MkDocs gets it without a Python-Markdown pass (the costliest part
of a build). Section pages, which the navigation lists by its own titles, take the normal path.
MkDocs reads every page before it writes any; a detail page's HTML waits for its turn compressed
(zlib, about a fifth of the size) and is dropped once written, so ten thousand briefings fit in
memory.
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .link import RELATED_LIMIT, SiteIndex, build_index
from .model import Corpus
from .render import Links, iter_site, urls
from .render.affected import affected_pages
from .render.feeds import site_feeds
from .render.page import Page as RenderedPage
from .render.page import TocEntry
from .render.search import SearchDocument, iter_search_documents, search_documents
from .report import format_all
from .search import SearchBundles, SearchIndexError, index_staged, stage_documents, write_search_bundles
from .validate import ValidationCache, validate_repository

log = logging.getLogger("mkdocs.plugins.briefings")

STYLESHEET = "assets/briefings.css"
SCRIPT = "assets/briefings.js"
SEARCH_SCRIPT = "assets/briefings-search.js"
ASSETS = resources.files(__package__) / "assets"
#: index pages the navigation may list; every other generated page stays out of it
SECTION_PAGES = {
    urls.HOME,
    urls.BRIEFINGS_INDEX,
    urls.ACTORS_INDEX,
    urls.STORIES_INDEX,
    urls.TOPICS_INDEX,
    urls.TIMELINE,
    urls.SEARCH,
}


class BriefingsConfig(base.Config):
    root = c.Optional(c.Dir(exists=True))
    """Repository root holding briefings/ and seeds/ (default: the folder of mkdocs.yml)."""
    related_limit = c.Type(int, default=RELATED_LIMIT)
    """How many related briefings each briefing shows at most."""
    search = c.Type(bool, default=True)
    """Build the Pagefind search index (the search page needs it)."""


@dataclass
class _Generated:
    """What a successful build generated, for the next `serve --dirty` rebuild to compare with."""

    corpus: Corpus
    index: SiteIndex
    links: Links
    config_digest: bytes
    pages: set[str] = field(default_factory=set)  # src_uris
    files: set[str] = field(default_factory=set)  # src_uris of the other files (feeds)


class _GeneratedFile(File):
    """A generated file that a dirty build may skip: unchanged since the previous build."""

    modified = True

    def is_modified(self) -> bool:
        return self.modified


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    def __init__(self) -> None:
        self.serving = False
        self.incremental = False
        self.last_good: tuple[Corpus, SiteIndex] | None = None
        self.cache: ValidationCache | None = None  # under serve: unchanged files are not parsed again
        self.building: _Generated | None = None
        self.previous: _Generated | None = None
        self.search = _SearchIndexer()
        self.affected: set[str] | None = None  # pages this build regenerates (None: all)
        self.search_documents: dict[str, list[SearchDocument]] = {}  # by page, kept under serve

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defining this hook keeps one plugin instance alive across `mkdocs serve` rebuilds."""
        self.serving = command == "serve"
        self.incremental = self.serving and dirty
        # a one-off build does not keep every parsed file for the rest of it
        self.cache = ValidationCache() if self.serving else None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(self.config.root or Path(config.config_file_path).parent).resolve()
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        for script in (SCRIPT, SEARCH_SCRIPT):
            if script not in [str(known) for known in config.extra_javascript]:
                config.extra_javascript.append(script)
        overrides = str(ASSETS / "overrides")
        if overrides not in config.theme.dirs:
            # after the site's own custom_dir (which comes first when set), before the theme's
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, overrides)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        corpus, index = self._validated()
        links = Links(config.use_directory_urls, config.site_url or None)
        building = _Generated(corpus, index, links, _config_digest(config))
        only = self.affected = self._affected(building)
        for page in iter_site(corpus, index, links, only):
            self._add_page(files, config, page)
            building.pages.add(page.src_uri)
        feed_paths = None if only is None else _feeds_of(only)
        for feed in site_feeds(corpus, index, links, config.site_name, feed_paths):
            self._add(files, config, _GeneratedFile.generated(config, feed.path, content=feed.content))
            building.files.add(feed.path)
        if only is not None and feed_paths is not None and self.previous is not None:
            # unchanged since the previous build: MkDocs keeps their output as it is
            kept_pages = self.previous.pages - only
            kept_files = {path for path in self.previous.files if _feed_of(path) not in feed_paths}
            for uri in kept_pages:
                self._add_unchanged(files, config, uri, InclusionLevel.NOT_IN_NAV)
            for path in kept_files:
                self._add_unchanged(files, config, path, InclusionLevel.UNDEFINED)
            building.pages |= kept_pages
            building.files |= kept_files
            if building.pages == self.previous.pages:
                # the same pages as before: the theme's sitemap and 404 page stay as they are
                for template in ("sitemap.xml", "404.html"):
                    config.theme.static_templates.discard(template)
            _remove_outputs(
                config, (self.previous.pages - building.pages) | (self.previous.files - building.files)
            )
            log.info(
                "briefings: %d of %d pages regenerated", len(building.pages - kept_pages), len(building.pages)
            )
        for asset in (STYLESHEET, SCRIPT, SEARCH_SCRIPT):
            content = (ASSETS / asset.removeprefix("assets/")).read_text(encoding="utf-8")
            self._add(files, config, File.generated(config, asset, content=content))
        self.building = building
        log.info("briefings: %d briefings, %d actors", len(corpus.briefings), len(corpus.actors))
        if self.config.search and not self.serving:
            # the index needs only the data: Pagefind runs while MkDocs writes the pages
            pages = iter_search_documents(corpus, index, links)
            self.search.start((document for _, docs in pages for document in docs), Path(config.site_dir))
        return files

    def _affected(self, building: _Generated) -> set[str] | None:
        """The pages to regenerate, or None for all of them."""
        previous = self.previous
        if not self.incremental or previous is None:
            return None
        if previous.links != building.links or previous.config_digest != building.config_digest:
            return None
        return affected_pages((previous.corpus, previous.index), (building.corpus, building.index))

    def _add_unchanged(
        self, files: Files, config: MkDocsConfig, src_uri: str, inclusion: InclusionLevel
    ) -> None:
        file = _GeneratedFile.generated(config, src_uri, content="", inclusion=inclusion)
        assert isinstance(file, _GeneratedFile)
        file.modified = False
        self._add(files, config, file)

    def _validated(self) -> tuple[Corpus, SiteIndex]:
        """The corpus and its indexes; under `serve`, a broken edit keeps the last good ones so the
        preview stays up while the errors are printed."""
        result = validate_repository(self.root, self.cache)
        if result.errors:
            count = len(result.errors)
            message = f"{count} problem{'s' if count != 1 else ''} in the briefings:\n" + format_all(
                result.errors, self.root
            )
            if self.serving and self.last_good is not None:
                log.error("%s\nStill serving the last good version until this is fixed.", message)
                return self.last_good
            raise PluginError(message)
        self.last_good = (result.corpus, build_index(result.corpus, self.config.related_limit))
        return self.last_good

    def _add_page(self, files: Files, config: MkDocsConfig, page: RenderedPage) -> None:
        if page.src_uri in SECTION_PAGES:
            self._add(files, config, File.generated(config, page.src_uri, content=page.markdown()))
            return
        file = File.generated(config, page.src_uri, content="", inclusion=InclusionLevel.NOT_IN_NAV)
        self._add(files, config, file)
        GeneratedPage(file, config, page)  # becomes file.page

    def _add(self, files: Files, config: MkDocsConfig, file: File) -> None:
        clash = files.get_file_from_path(file.src_uri)
        if clash is not None and clash.generated_by is None:
            raise PluginError(
                f"docs/{file.src_uri} clashes with a page the briefings plugin generates; rename it"
            )
        if clash is not None:
            files.remove(clash)
        files.append(file)

    def on_post_build(self, config: MkDocsConfig) -> None:
        built, self.building = self.building, None
        only, self.affected = self.affected, None
        if built is not None:
            self.previous = built
        if not self.config.search or built is None:
            return
        if not self.serving:  # started in on_files
            try:
                self.search.finish()
            except SearchIndexError as error:
                raise PluginError(str(error)) from error
            return
        documents = search_documents(built.corpus, built.index, built.links, only)
        if only is not None:  # the other pages' documents have not changed
            kept = {
                uri: docs
                for uri, docs in self.search_documents.items()
                if uri in built.pages and uri not in only
            }
            documents = {**kept, **documents}
        self.search_documents = documents
        # the preview reloads now; search follows a few seconds later
        every = [document for docs in documents.values() for document in docs]
        self.search.later(every, Path(config.site_dir))

    @event_priority(100)  # before any other plugin reads the page's content
    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):
        if isinstance(page, GeneratedPage):
            page.unpack()
        return context

    @event_priority(-100)  # after every other plugin has seen the page
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        if isinstance(page, GeneratedPage):
            page.pack()
        return output

    def on_build_error(self, error: Exception) -> None:
        self.search.finish_quietly()

    def on_shutdown(self) -> None:
        self.search.wait()

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder) -> LiveReloadServer:
        for folder in ("briefings", "seeds"):
            server.watch(str(self.root / folder))
        return server


def _feed_of(path: str) -> str:
    """`feeds/actors/x.atom.xml` -> `feeds/actors/x`."""
    for extension in urls.FEED_FORMATS:
        if path.endswith("." + extension):
            return path[: -len(extension) - 1]
    return path


def _feeds_of(pages: set[str]) -> set[str]:
    """The feeds that follow the given pages, and the site's feed."""
    feeds = {urls.SITE_FEED}
    for uri in pages:
        folder, _, name = uri.partition("/")
        if folder == "actors" and name != "index.md":
            feeds.add(urls.actor_feed(name.removesuffix(".md")))
        elif folder == "stories" and name != "index.md":
            feeds.add(urls.story_feed(name.removesuffix(".md")))
    return feeds


def _config_digest(config: MkDocsConfig) -> bytes:
    """mkdocs.yml as it is now: an edit to it regenerates everything."""
    try:
        return hashlib.blake2b(Path(config.config_file_path).read_bytes(), digest_size=16).digest()
    except OSError:
        return b""


def _remove_outputs(config: MkDocsConfig, src_uris: Iterable[str]) -> None:
    """Delete what a previous dirty build published for pages and files that no longer exist."""
    for src_uri in src_uris:
        target = Path(File.generated(config, src_uri, content="").abs_dest_path)
        try:
            target.unlink()
            if target.name == "index.html":
                target.parent.rmdir()  # only if empty
        except OSError:
            pass


class _SearchIndexer:
    """Writes the search bundles, Pagefind running in a background thread.

    A build stages the documents as soon as its pages are known (`start`, from on_files: Python
    work, done in the main thread, since a second Python thread would fight it for the GIL) and
    Pagefind then indexes them on the second core, limited to one thread, while MkDocs renders and
    writes the pages; `finish` (on_post_build) waits for it. Under serve (`later`) the newest
    request wins and nothing waits for it, so a reload never waits for the index."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pending: tuple[list[SearchDocument], Path] | None = None
        self._thread: threading.Thread | None = None
        self._build: threading.Thread | None = None
        self._build_error: Exception | None = None

    def now(self, documents: Iterable[SearchDocument], site_dir: Path) -> None:
        _report(write_search_bundles(documents, site_dir))

    def start(self, documents: Iterable[SearchDocument], site_dir: Path) -> None:
        self.finish_quietly()
        self._build_error = None
        try:
            staged = stage_documents(documents)
        except OSError as error:
            self._build_error = error
            return

        def work() -> None:
            try:
                _report(index_staged(staged, site_dir, threads=1))
            except (SearchIndexError, OSError) as error:
                self._build_error = error

        self._build = threading.Thread(target=work, name="briefings-search-build", daemon=True)
        self._build.start()

    def finish(self) -> None:
        """Wait for the index `start` began; raise what went wrong."""
        thread, self._build = self._build, None
        if thread is not None:
            thread.join()
        error, self._build_error = self._build_error, None
        if isinstance(error, SearchIndexError):
            raise error
        if error is not None:
            raise SearchIndexError(f"cannot write the search index: {error}") from error

    def finish_quietly(self) -> None:
        """After a failed build: let Pagefind end (it writes into a scratch folder) and drop its result."""
        try:
            self.finish()
        except SearchIndexError:
            pass

    def later(self, documents: list[SearchDocument], site_dir: Path) -> None:
        with self._lock:
            self._pending = (documents, site_dir)
            if self._thread is None:
                self._thread = threading.Thread(target=self._work, name="briefings-search", daemon=True)
                self._thread.start()

    def _work(self) -> None:
        while True:
            with self._lock:
                job, self._pending = self._pending, None
                if job is None:
                    self._thread = None
                    return
            documents, site_dir = job
            try:
                if site_dir.is_dir():
                    self.now(documents, site_dir)
            except (SearchIndexError, OSError) as error:
                log.error("briefings: the search index was not updated: %s", error)

    def wait(self) -> None:
        self.finish_quietly()
        thread = self._thread
        if thread is not None:
            thread.join(timeout=120)


def _report(bundles: SearchBundles) -> None:
    log.info(
        "briefings: search index of %d documents in %s: %.1f MiB",
        bundles.documents, ", ".join(bundles.languages), bundles.bytes / 2**20,
    )  # fmt: skip


_ID = re.compile(r' id="([^"]+)"')


class GeneratedPage(Page):
    """A page whose HTML the render stage already knows: no Markdown to read or convert.

    The HTML is built at once (the page's blocks are not kept) and held compressed until MkDocs
    writes the page: `content` is filled in just before the theme renders it
    (`BriefingsPlugin.on_page_context`, which runs before other plugins') and emptied after."""

    def __init__(self, file: File, config: MkDocsConfig, rendered: RenderedPage) -> None:
        super().__init__(None, file, config)
        body, toc = rendered.html()
        self._meta = rendered.meta()
        self._toc = toc
        self._ids = set(_ID.findall(body))  # ids only come from our own markup
        self._compressed = zlib.compress(body.encode("utf-8"), 1)

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown = ""  # the Markdown exists (`briefings build --markdown`) but is not needed
        self.meta = self._meta

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content = ""  # see on_page_context
        self.toc = get_toc([_toc_token(entry) for entry in self._toc])  # type: ignore[misc]
        self.present_anchor_ids = self._ids
        self.links_to_anchors = {}

    def unpack(self) -> None:
        self.content = zlib.decompress(self._compressed).decode("utf-8")

    def pack(self) -> None:
        self.content = ""


def _toc_token(entry: TocEntry) -> dict:
    return {
        "level": entry.level,
        "id": entry.id,
        "name": entry.label,
        "children": [_toc_token(child) for child in entry.children],
    }
