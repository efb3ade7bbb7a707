"""Turning the site's pages and files into MkDocs files and pages.

Generated pages take a fast path: their HTML is built from the same blocks as their Markdown
(`render.page.Page.html`), so MkDocs gets it without a Python-Markdown pass (the costliest part of
a build). That HTML is what Python-Markdown makes of the Markdown with the Markdown settings the
fast path was checked against (`FAST_PATH_MARKDOWN`, tested in tests/test_fast_path.py); with any
other settings in mkdocs.yml every page takes the normal path. Section pages take the fast path
too, with the title mkdocs.yml's `nav` gives them, as MkDocs would. MkDocs reads every page before it
writes any; a detail page's HTML waits for its turn compressed (zlib, about a fifth of the size),
as does its JSON-LD, and both are dropped once written, so ten thousand briefings fit in memory.
"""

from __future__ import annotations

import contextlib
import re
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc

from ..render.page import Heading, TocEntry, nest_toc
from ..render.page import Page as RenderedPage

if TYPE_CHECKING:  # the shape get_toc takes (a TypedDict of MkDocs' own)
    from mkdocs.structure.toc import _TocToken

#: the Markdown extensions and settings the fast path's HTML equals Python-Markdown's for
FAST_PATH_MARKDOWN: dict[str, dict[str, Any]] = {"toc": {"permalink": True}, "tables": {}, "fenced_code": {}}
_ID = re.compile(r' id="([^"]+)"')
#: from how many pages a build holds their HTML compressed until it is written
COMPRESS_FROM = 200
#: the page meta key of the JSON-LD (`render.page.Page.meta`)
STRUCTURED_DATA = "structured_data"


def fast_path_fits(config: MkDocsConfig) -> bool:
    """Whether the site's Markdown settings are those the fast path reproduces."""
    extensions = config.markdown_extensions
    if not all(isinstance(name, str) for name in extensions):
        return False
    return {name: dict(config.mdx_configs.get(name, {})) for name in extensions} == FAST_PATH_MARKDOWN


class GeneratedFile(File):
    """A generated file that a dirty build may skip: unchanged since the previous build."""

    modified = True
    #: a page's headings, kept for the normal path (see `complete_toc`)
    headings: tuple[Heading, ...] = ()

    def is_modified(self) -> bool:
        return self.modified


def complete_toc(page: Page) -> None:
    """Python-Markdown's table of contents of a generated page on the normal path, with the headings
    written as HTML blocks (which it passes through unlisted) in their places, as the fast path
    lists them; if the site's settings list fewer Markdown headings (`toc_depth`), left as it is."""
    file = page.file
    if not isinstance(file, GeneratedFile) or all(h.markdown_syntax for h in file.headings):
        return
    listed = list(_in_page_order(page.toc))
    if len(listed) != sum(h.markdown_syntax for h in file.headings):
        return
    markdown_links = iter(listed)
    entries = []
    for heading in file.headings:
        if heading.markdown_syntax:
            link = next(markdown_links)
            entries.append(TocEntry(link.level, link.id, link.title, []))
        else:
            entries.append(TocEntry(heading.level, heading.id or "", heading.html or "", []))
    page.toc = get_toc([_toc_token(entry) for entry in nest_toc(entries)])


class GeneratedPage(Page):
    """A page whose HTML the render stage already knows: no Markdown to read or convert.

    The HTML is built at once (the page's blocks are not kept) and held (compressed, in a build
    of many pages) until MkDocs writes the page: `content` is filled in just before the theme renders it (`unpack`, from the
    plugin's on_page_context, which runs before other plugins') and emptied after (`pack`)."""

    def __init__(
        self,
        file: File,
        config: MkDocsConfig,
        rendered: RenderedPage,
        title: str | None = None,
        compress: bool = True,
    ) -> None:
        super().__init__(title, file, config)
        body, toc = rendered.html()
        self._meta = rendered.meta()
        # the JSON-LD, a few kilobytes, waits compressed too (`unpack` puts it back in the meta)
        self._structured = _hold(str(self._meta.pop(STRUCTURED_DATA, "")), compress)
        self._toc = toc
        self._ids = set(_ID.findall(body))  # ids only come from our own markup
        self._body = _hold(body, compress)

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown = ""  # the Markdown exists (`briefings build --markdown`) but is not needed
        self.meta = self._meta

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content = ""  # see unpack
        self.toc = get_toc([_toc_token(entry) for entry in self._toc])
        self.present_anchor_ids = self._ids
        self.links_to_anchors = {}

    def unpack(self) -> None:
        self.content = _release(self._body)
        if self._structured:
            self.meta[STRUCTURED_DATA] = _release(self._structured)

    def pack(self) -> None:
        self.content = ""
        self.meta.pop(STRUCTURED_DATA, None)


def _hold(text: str, compress: bool) -> str | bytes:
    return zlib.compress(text.encode("utf-8"), 1) if compress and text else text


def _release(held: str | bytes) -> str:
    return zlib.decompress(held).decode("utf-8") if isinstance(held, bytes) else held


def _nav_titles(entries: object) -> Iterator[tuple[str, str]]:
    """(path, title) of every page mkdocs.yml's `nav` names with a title: `- Home: index.md`."""
    if isinstance(entries, list):
        for entry in entries:
            yield from _nav_titles(entry)
    elif isinstance(entries, dict):
        for title, value in entries.items():
            if isinstance(value, str):
                yield value, str(title)
            else:
                yield from _nav_titles(value)


def _in_page_order(links: Iterable[AnchorLink]) -> Iterator[AnchorLink]:
    for link in links:
        yield link
        yield from _in_page_order(link.children)


def _toc_token(entry: TocEntry) -> _TocToken:
    return {
        "level": entry.level,
        "id": entry.id,
        "name": entry.label,
        "children": [_toc_token(child) for child in entry.children],
    }


class GeneratedFiles:
    """The files a build generates, collected first and handed to MkDocs together (`add_to`), so
    that a build that fails half-way leaves MkDocs' collection as it was."""

    def __init__(self, config: MkDocsConfig, fast: bool, pages: int) -> None:
        """`pages`: how many pages the build renders (a few, in a preview's rebuild, are not
        compressed: memory does not matter then, and compressing cost more than it saved)."""
        self.config, self.fast = config, fast
        self.compress = pages >= COMPRESS_FROM
        self.pending: list[File] = []
        self.nav_titles = dict(_nav_titles(config.nav or []))

    def page(self, page: RenderedPage, section: bool) -> None:
        inclusion = InclusionLevel.UNDEFINED if section else InclusionLevel.NOT_IN_NAV
        if not self.fast:
            generated = cast(  # File.generated makes an instance of the class it is called on
                GeneratedFile,
                GeneratedFile.generated(
                    self.config, page.src_uri, content=page.markdown(), inclusion=inclusion
                ),
            )
            generated.headings = page.headings()
            self.pending.append(generated)
            return
        file = GeneratedFile.generated(self.config, page.src_uri, content="", inclusion=inclusion)
        # becomes file.page, which the navigation then lists by the title mkdocs.yml gives it
        GeneratedPage(file, self.config, page, self.nav_titles.get(page.src_uri), self.compress)
        self.pending.append(file)

    def content(self, path: str, content: str | bytes) -> None:
        self.pending.append(GeneratedFile.generated(self.config, path, content=content))

    def unchanged(self, src_uri: str, section: bool) -> None:
        """A file a dirty build keeps as it was published last time."""
        page = src_uri.endswith(".md") and not section
        inclusion = InclusionLevel.NOT_IN_NAV if page else InclusionLevel.UNDEFINED
        file = GeneratedFile.generated(self.config, src_uri, content="", inclusion=inclusion)
        assert isinstance(file, GeneratedFile)
        file.modified = False
        self.pending.append(file)

    def add_to(self, files: Files) -> None:
        """Add every collected file, refusing to replace a hand-written one."""
        for file in self.pending:
            clash = files.get_file_from_path(file.src_uri)
            if clash is not None and clash.generated_by is None:
                raise PluginError(
                    f"docs/{file.src_uri} clashes with a page the briefings plugin generates; rename it"
                )
            if clash is not None:
                files.remove(clash)
            files.append(file)


def remove_outputs(config: MkDocsConfig, src_uris: Iterable[str]) -> None:
    """Delete what a previous dirty build published for pages and files that no longer exist."""
    for src_uri in src_uris:
        target = Path(File.generated(config, src_uri, content="").abs_dest_path)
        try:
            target.unlink()
        except FileNotFoundError:
            continue
        except OSError as error:
            raise PluginError(
                f"cannot remove {target}, which no longer belongs to the site: {error}"
            ) from error
        if target.name == "index.html":
            with contextlib.suppress(OSError):  # a folder that holds something else stays
                target.parent.rmdir()


class CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates compiled once for a preview: MkDocs makes a new Jinja environment
    for every rebuild, which compiled the thirty templates again (0.2 s of each rebuild). Jinja
    checks each template's source against what it was compiled from, so an edited template is
    compiled again."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()
