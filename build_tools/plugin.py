"""The MkDocs adapter: validate, link and render the briefings, add the pages in memory.

Nothing else in the package imports MkDocs. Pages are `File.generated` (nothing is written into
docs/); detail pages stay out of the navigation, which lists sections only. Validation problems
fail the build with the same `path:line:col` messages as `briefings validate`.

The plugin also brings its assets (a stylesheet and two scripts, added to `extra_css` and
`extra_javascript`), the Atom and RSS feeds of `render.feeds`, the search index (`search.py`,
after the build), and a few theme templates (`assets/overrides/`, searched after the site's own
`custom_dir`): the feeds' `<link>`s in the head and the header's search box. Shipping them with the plugin keeps any site that
enables it (and every test copy of mkdocs.yml) complete.

Detail pages take a fast path: their HTML is built from the same blocks as their Markdown
(`render.page.Page.html`), so MkDocs gets it without a Python-Markdown pass (the costliest part
of a build). Section pages, which the navigation lists by its own titles, take the normal path.
"""

from __future__ import annotations

import logging
import re
from importlib import resources
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .link import RELATED_LIMIT, SiteIndex, build_index
from .model import Corpus
from .render import Links, render_site, urls
from .render.feeds import site_feeds
from .render.page import Page as RenderedPage
from .render.page import TocEntry
from .render.search import search_documents
from .report import format_all
from .search import SearchIndexError, write_search_bundles
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
    """Build the Pagefind search index after the site (the search page needs it)."""


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    def __init__(self) -> None:
        self.serving = False
        self.last_good: tuple[Corpus, SiteIndex] | None = None
        self.cache = ValidationCache()  # unchanged files are not parsed again on serve rebuilds

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defining this hook keeps one plugin instance alive across `mkdocs serve` rebuilds."""
        self.serving = command == "serve"

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
        for page in render_site(corpus, index, links):
            self._add_page(files, config, page)
        for feed in site_feeds(corpus, index, links, config.site_name):
            self._add(files, config, File.generated(config, feed.path, content=feed.content))
        for asset in (STYLESHEET, SCRIPT, SEARCH_SCRIPT):
            content = (ASSETS / asset.removeprefix("assets/")).read_text(encoding="utf-8")
            self._add(files, config, File.generated(config, asset, content=content))
        log.info("briefings: %d briefings, %d actors", len(corpus.briefings), len(corpus.actors))
        return files

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
        if not self.config.search or self.last_good is None:
            return
        corpus, index = self.last_good
        links = Links(config.use_directory_urls, config.site_url or None)
        try:
            bundles = write_search_bundles(search_documents(corpus, index, links), Path(config.site_dir))
        except SearchIndexError as error:
            raise PluginError(str(error)) from error
        log.info(
            "briefings: search index of %d documents in %s: %.1f MiB",
            bundles.documents, ", ".join(bundles.languages), bundles.bytes / 2**20,
        )  # fmt: skip

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder) -> LiveReloadServer:
        for folder in ("briefings", "seeds"):
            server.watch(str(self.root / folder))
        return server


_ID = re.compile(r' id="([^"]+)"')


class GeneratedPage(Page):
    """A page whose HTML the render stage already knows: no Markdown to read or convert."""

    def __init__(self, file: File, config: MkDocsConfig, rendered: RenderedPage) -> None:
        super().__init__(None, file, config)
        self._rendered: RenderedPage | None = rendered

    def read_source(self, config: MkDocsConfig) -> None:
        assert self._rendered is not None
        self.markdown = ""  # the Markdown exists (`briefings build --markdown`) but is not needed
        self.meta = self._rendered.meta()

    def render(self, config: MkDocsConfig, files: Files) -> None:
        assert self._rendered is not None
        body, toc = self._rendered.html()
        self.content = body
        self.toc = get_toc([_toc_token(entry) for entry in toc])  # type: ignore[misc]
        self.present_anchor_ids = set(_ID.findall(body))  # ids only come from our own markup
        self.links_to_anchors = {}
        self._rendered = None  # the blocks are no longer needed: keep one copy in memory


def _toc_token(entry: TocEntry) -> dict:
    return {
        "level": entry.level,
        "id": entry.id,
        "name": entry.label,
        "children": [_toc_token(child) for child in entry.children],
    }
