"""The MkDocs adapter: validate, link and render the briefings, add the pages in memory.

Nothing else in the package imports MkDocs. Pages are `File.generated` (nothing is written into
docs/); detail pages stay out of the navigation, which lists sections only. Validation problems
fail the build with the same `path:line:col` messages as `briefings validate`.
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from .link import RELATED_LIMIT, build_index
from .render import Links, render_site, urls
from .report import format_all
from .validate import validate_repository

log = logging.getLogger("mkdocs.plugins.briefings")

STYLESHEET = "assets/briefings.css"
#: index pages the navigation may list; every other generated page stays out of it
SECTION_PAGES = {
    urls.HOME,
    urls.BRIEFINGS_INDEX,
    urls.ACTORS_INDEX,
    urls.STORIES_INDEX,
    urls.TOPICS_INDEX,
    urls.TIMELINE,
}


class BriefingsConfig(base.Config):
    root = c.Optional(c.Dir(exists=True))
    """Repository root holding briefings/ and seeds/ (default: the folder of mkdocs.yml)."""
    related_limit = c.Type(int, default=RELATED_LIMIT)
    """How many related briefings each briefing shows at most."""


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    def __init__(self) -> None:
        self.serving = False
        self.last_good: list[tuple[str, str, bool]] | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defining this hook keeps one plugin instance alive across `mkdocs serve` rebuilds."""
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(self.config.root or Path(config.config_file_path).parent).resolve()
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        pages = self._generate(config)
        for src_uri, content, in_nav in pages:
            self._add(files, config, src_uri, content, in_nav)
        css = (resources.files(__package__) / "assets" / "briefings.css").read_text(encoding="utf-8")
        self._add(files, config, STYLESHEET, css, True)
        return files

    def _generate(self, config: MkDocsConfig) -> list[tuple[str, str, bool]]:
        """(src_uri, Markdown, in navigation) of every page; under `serve`, a broken edit keeps
        the last good pages so the preview stays up while the errors are printed."""
        result = validate_repository(self.root)
        if result.errors:
            count = len(result.errors)
            message = f"{count} problem{'s' if count != 1 else ''} in the briefings:\n" + format_all(
                result.errors, self.root
            )
            if self.serving and self.last_good is not None:
                log.error("%s\nStill serving the last good version until this is fixed.", message)
                return self.last_good
            raise PluginError(message)
        index = build_index(result.corpus, self.config.related_limit)
        pages = render_site(result.corpus, index, Links(config.use_directory_urls))
        self.last_good = [(p.src_uri, p.markdown(), p.src_uri in SECTION_PAGES) for p in pages]
        log.info("briefings: %d pages from %d briefings", len(pages), len(result.corpus.briefings))
        return self.last_good

    def _add(self, files: Files, config: MkDocsConfig, src_uri: str, content: str, in_nav: bool) -> None:
        clash = files.get_file_from_path(src_uri)
        if clash is not None and clash.generated_by is None:
            raise PluginError(f"docs/{src_uri} clashes with a page the briefings plugin generates; rename it")
        if clash is not None:
            files.remove(clash)
        inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, src_uri, content=content, inclusion=inclusion))

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder) -> LiveReloadServer:
        for folder in ("briefings", "seeds"):
            server.watch(str(self.root / folder))
        return server
