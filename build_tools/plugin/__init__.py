"""The MkDocs adapter: build the site with `site.build_site`, hand its pages and files to MkDocs.

Nothing else in the package imports MkDocs. Pages are `File.generated` (nothing is written into
docs/); only section pages are in the navigation. Validation problems fail the build with the
same `path:line:col` messages as `briefings validate`. The plugin also adds its assets, the feeds,
the search index (`search.SearchIndexer`: Pagefind runs beside MkDocs while it writes the pages)
and a few theme templates (`assets/overrides/`, searched after the site's own `custom_dir`).

Under `mkdocs serve --dirty` a rebuild regenerates only what an edit changes (`incremental`); MkDocs
is told only of those pages and of the sections (the navigation needs them), so its dirty build
leaves the other output as it was. The open data (/data/) follows the pages a moment later, in the
background (`later`), as the search index does. Under serve, an edit that breaks anything
(validation, or a crash of any stage) prints what went wrong and keeps the last good site on
screen; the next good edit is shown as usual.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..cache import Cache
from ..data import DataCache
from ..incremental import BuiltState, RebuildPlan, plan_rebuild
from ..related import RELATED_LIMIT
from ..render.i18n import chrome_words
from ..render.search import SearchDocument
from ..report import format_all
from ..search import SearchIndexer, SearchIndexError
from ..site import ASSETS, EVERY_PAGE, BuildOptions, Site, build_site
from . import heap
from .later import Later, write_data
from .pages import (
    CompiledTemplates,
    GeneratedFiles,
    GeneratedPage,
    complete_toc,
    fast_path_fits,
    remove_outputs,
)
from .watch import NativeWatch

log = logging.getLogger("mkdocs.plugins.briefings")


class BriefingsConfig(base.Config):
    root = c.Optional(c.Dir(exists=True))
    """Repository root holding briefings/ and seeds/ (default: the folder of mkdocs.yml)."""
    related_limit = c.Type(int, default=RELATED_LIMIT)
    """How many related briefings each briefing shows at most."""
    search = c.Type(bool, default=True)
    """Build the Pagefind search index (the search page needs it)."""


@dataclass(frozen=True)
class _Build:
    """The build under way: its site, the state it leaves for the next one, and its plan."""

    site: Site
    state: BuiltState
    plan: RebuildPlan


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    def __init__(self) -> None:
        self.serving = False
        self.incremental = False
        self.cache: Cache | None = None  # under serve: unchanged files are not read again
        self.last_good: _Build | None = None
        self.building: _Build | None = None
        self.search = SearchIndexer(log)
        self.watch = NativeWatch()
        self.search_documents: dict[str, list[SearchDocument]] = {}  # by page, kept under serve
        self.data = DataCache()  # /data/: made again only when the corpus changes
        self.later = Later("the open data was not updated", log)
        self.templates = CompiledTemplates()  # under serve: the theme's, compiled once

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defining this hook keeps one plugin instance alive across `mkdocs serve` rebuilds."""
        self.serving = command == "serve"
        self.incremental = self.serving and dirty
        self.cache = Cache() if self.serving else None  # a one-off build keeps nothing

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(self.config.root or Path(config.config_file_path).parent).resolve()
        self.fast = fast_path_fits(config)
        # every page's stylesheet and script; a page's own scripts are in its `scripts` meta,
        # which the theme override loads (the search page's)
        for stylesheet in (a for a in EVERY_PAGE if a.endswith(".css")):
            if stylesheet not in config.extra_css:
                config.extra_css.append(stylesheet)
        for script in (a for a in EVERY_PAGE if a.endswith(".js")):
            if script not in [str(known) for known in config.extra_javascript]:
                config.extra_javascript.append(script)
        config.extra["briefings_words"] = chrome_words()  # read by the theme override
        overrides = str(ASSETS / "overrides")
        if overrides not in config.theme.dirs:
            # after the site's own custom_dir (which comes first when set), before the theme's
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, overrides)
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        if self.incremental and self.last_good is not None:
            heap.hold()  # no collection in the wait for the page (`heap`)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        options = BuildOptions(
            config.use_directory_urls, config.site_url or None, config.site_name, self.config.related_limit
        )
        site = self._site(options)
        started = time.perf_counter()
        try:
            build = self._add(files, config, site)
        except Exception as error:
            if not (self.serving and self.last_good is not None):
                raise
            log.error(
                "briefings: the site could not be built (%r); still serving the last good version", error
            )
            build = self._add(files, config, self.last_good.site, keep_all=True)
        self.building = build
        log.debug("briefings: plan and render %.2f s", time.perf_counter() - started)
        corpus = build.site.data.corpus
        log.info("briefings: %d briefings, %d actors", len(corpus.briefings), len(corpus.actors))
        if self.config.search and not self.serving:
            documents = build.site.search_documents()
            self.search.start((document for _, docs in documents for document in docs), Path(config.site_dir))
        return files

    def _site(self, options: BuildOptions) -> Site:
        """The site; under `serve`, a broken edit keeps the last good one so the preview stays up
        while the errors are printed."""
        previous = self.last_good.site.data if self.serving and self.last_good is not None else None
        if previous is not None and self.last_good is not None and self.last_good.site.options != options:
            previous = None  # another related limit: score everything again
        try:
            built = build_site(self.root, options, self.cache, previous)
        except Exception as error:  # a bug, not a problem in the briefings: those come back in `built`
            if not (self.serving and self.last_good is not None):
                raise
            log.error(
                "briefings: the site could not be built (%r); still serving the last good version", error
            )
            return self.last_good.site
        log.debug(
            "briefings: %s", ", ".join(f"{stage} {seconds:.2f} s" for stage, seconds in built.timings.items())
        )
        if built.site is not None:
            return built.site
        count = len(built.errors)
        message = f"{count} problem{'s' if count != 1 else ''} in the briefings:\n" + format_all(
            built.errors, self.root
        )
        if self.serving and self.last_good is not None:
            log.error("%s\nStill serving the last good version until this is fixed.", message)
            return self.last_good.site
        raise PluginError(message)

    def _add(self, files: Files, config: MkDocsConfig, site: Site, keep_all: bool = False) -> _Build:
        previous = self.last_good.state if self.incremental and self.last_good else None
        plan, state = plan_rebuild(previous, site, _configuration(config))
        if keep_all and previous is not None:  # the output of the last good build stays as it is
            plan = RebuildPlan(
                frozenset(), frozenset(state.shows), frozenset(), _feed_files(state), frozenset()
            )
        # the same pages as before: the theme's sitemap and 404 page, which list every page, stay as
        # they are, and so MkDocs need not be told of the pages kept (nothing links to their
        # source files; at 10,000 briefings, MkDocs' per-page work on them took a second)
        same_pages = previous is not None and not plan.everything and set(state.shows) == set(previous.shows)
        adder = GeneratedFiles(config, self.fast, len(plan.pages))
        sections = site.section_pages()
        for page in site.pages(plan.pages):
            adder.page(page, page.src_uri in sections)
        for uri in plan.kept_pages:
            if uri in sections or not same_pages:  # the navigation needs its pages
                adder.unchanged(uri, uri in sections)
        for feed in site.feeds(plan.feeds_of):
            adder.content(feed.path, feed.content)
        for path in () if same_pages else plan.kept_feeds:
            adder.unchanged(path, section=False)
        for asset in site.assets():
            adder.content(asset.path, asset.content)
        if not (self.incremental and self.last_good is not None):  # else on_post_build, `later`
            for file in self.data.build(site.data, site.links).files:
                adder.content(file.path, file.content)
        adder.add_to(files)
        if not plan.everything:
            if same_pages:
                for template in ("sitemap.xml", "404.html"):
                    config.theme.static_templates.discard(template)
            remove_outputs(config, plan.removed)
            log.info("briefings: %d of %d pages regenerated", len(plan.pages), len(state.shows))
        return _Build(site, state, plan)

    def on_post_build(self, config: MkDocsConfig) -> None:
        build, self.building = self.building, None
        if build is None:
            return
        if self.serving and self.last_good is None:  # the preview's first build
            heap.keep_what_is_alive()
        elif self.incremental:  # the open data follows the pages, in the background, then a collection
            site = build.site

            def after_the_reload() -> None:
                try:
                    write_data(self.data, site.data, site.links, Path(config.site_dir))
                finally:
                    heap.collect_after()

            self.later.run(after_the_reload)
        self.last_good = build
        if not self.config.search:
            return
        if not self.serving:  # started in on_files
            try:
                self.search.finish()
            except SearchIndexError as error:
                raise PluginError(str(error)) from error
            return
        documents = dict(build.site.search_documents(build.plan.pages))
        kept = {uri: docs for uri, docs in self.search_documents.items() if uri in build.plan.kept_pages}
        self.search_documents = {**kept, **documents}
        # the preview reloads now; search follows a few seconds later
        every = [document for docs in self.search_documents.values() for document in docs]
        self.search.later(every, Path(config.site_dir))

    def on_env(self, env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        if self.serving:
            env.bytecode_cache = self.templates
        return env

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        complete_toc(page)
        return html

    @event_priority(100)  # before any other plugin reads the page's content
    def on_page_context(self, context: Any, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        if isinstance(page, GeneratedPage):
            page.unpack()
        return context

    @event_priority(-100)  # after every other plugin has seen the page
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        if isinstance(page, GeneratedPage):
            page.pack()
        return output

    def on_build_error(self, error: Exception) -> None:
        self.building = None
        heap.release()
        self.search.finish_quietly()

    def on_shutdown(self) -> None:
        self.watch.stop()
        self.later.wait()
        self.search.wait()

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        self.watch.start(server, (self.root / folder for folder in ("briefings", "seeds")))
        return server


def _configuration(config: MkDocsConfig) -> Hashable:
    """mkdocs.yml as it is now: an edit to it regenerates everything."""
    try:
        return hashlib.blake2b(Path(config.config_file_path).read_bytes(), digest_size=16).digest()
    except OSError:
        return b""


def _feed_files(state: BuiltState) -> frozenset[str]:
    return frozenset(path for paths in state.feeds.values() for path in paths)
