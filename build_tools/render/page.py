"""A generated page: front matter written by a YAML dumper, then Markdown headings with fixed
labels (they feed the table of contents) and one-line raw HTML blocks built from escaped text."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import yaml
from markdown.extensions.toc import slugify

from ..model import DateSpan, Localized, PartialDate
from . import html
from .i18n import UI_LANGUAGES, ui
from .labels import ENGLISH, format_date
from .mentions import MentionFinder
from .structured import Structured, script_text
from .urls import FEED_FORMATS, Links

#: the longest description a page gives search engines and sharing cards (X cuts at 200)
DESCRIPTION_LIMIT = 200


@dataclass(frozen=True)
class Heading:
    """A section heading; `label` is always our own fixed text (or a year), never content.

    A heading in the page's own words in two languages (`html`, from `i18n.ui`) has a fixed
    `id` and is written as an HTML block, in the Markdown too (Markdown headings take their id
    from their text, which here depends on the languages); a plain one is a Markdown heading."""

    level: int
    label: str
    id: str | None = None
    html: str | None = None

    @property
    def markdown_syntax(self) -> bool:
        return self.html is None


@dataclass(frozen=True)
class TocEntry:
    level: int
    id: str
    label: str
    children: list[TocEntry]


@dataclass
class Page:
    """One generated page, kept as blocks so that its Markdown (what MkDocs would read) and its
    HTML (what the fast path hands MkDocs directly) come from the same source."""

    src_uri: str
    title: str
    description: str = ""
    blocks: list[Heading | str] = field(default_factory=list)
    #: (title, feed path without extension) of the feeds that follow this page, besides the site's
    feeds: list[tuple[str, str]] = field(default_factory=list)
    #: site paths of the scripts only this page loads (every page's are the plugin's `EVERY_PAGE`)
    scripts: list[str] = field(default_factory=list)
    #: what it tells other software: JSON-LD, the type and languages of its sharing card
    structured: Structured = field(default_factory=Structured)
    #: where a page that stands at a former address sends the reader (a relative URL)
    redirect: str = ""

    def heading(self, label: str, level: int = 2) -> None:
        """A Markdown heading with a plain label (a year, a month): its id comes from the label."""
        self.blocks.append(Heading(level, label))

    def section(self, anchor: str, label_html: str, level: int = 2) -> None:
        """A heading in the page's own words (`Context.words`), with a fixed id."""
        self.blocks.append(Heading(level, anchor, anchor, label_html))

    def add(self, block: str) -> None:
        """One raw HTML block; must be a single line starting with a block-level tag."""
        assert "\n" not in block and block.startswith("<"), block[:80]
        self.blocks.append(block)

    def meta(self) -> dict[str, object]:
        """The front matter, read by the theme and its override (`assets/overrides/main.html`)."""
        # the theme prints these into <title> and <meta> without escaping: encode them fully
        meta: dict[str, object] = {"title": html.text(" ".join(self.title.split()))}
        if self.description:
            meta["description"] = html.text(html.clip(self.description, DESCRIPTION_LIMIT))
        meta["social"] = self.structured.social()
        if self.structured.data:  # escaped for a <script> element by script_text
            meta["structured_data"] = script_text(self.structured.data)
        if self.scripts:
            meta["scripts"] = list(self.scripts)
        if self.redirect:  # read by the theme override: the page sends the reader there at once
            meta["redirect"] = self.redirect
        if self.feeds:  # read by the theme override (`<link rel="alternate">` in the head)
            meta["feeds"] = [
                {"href": f"{path}.{extension}", "type": media_type, "title": html.text(f"{title} ({kind})")}
                for title, path in self.feeds
                for (extension, media_type), kind in zip(FEED_FORMATS.items(), ("Atom", "RSS"), strict=True)
            ]
        return meta

    def markdown(self) -> str:
        front = yaml.safe_dump(self.meta(), allow_unicode=True, sort_keys=False, width=10_000)
        body = []
        for block in self.blocks:
            if isinstance(block, str):
                body.append(block)
            elif block.markdown_syntax:
                body.append(f"{'#' * block.level} {block.label}")
            else:
                body.append(_heading_html(block.level, block.id or "", block.html or ""))
        return f"---\n{front}---\n\n" + "\n\n".join(body) + "\n"

    def html(self) -> tuple[str, list[TocEntry]]:
        """The page body as Python-Markdown (toc extension, permalinks on) would render our
        Markdown, and the table of contents; without running Python-Markdown."""
        parts: list[str] = []
        toc: list[TocEntry] = []
        used: set[str] = set()
        for block in self.blocks:
            if isinstance(block, str):
                parts.append(block)
                continue
            if block.markdown_syntax:
                anchor, label = _unique(slugify(block.label, "-"), used), html.text(block.label)
            else:
                anchor, label = block.id or "", block.html or ""
                used.add(anchor)
            parts.append(_heading_html(block.level, anchor, label))
            toc.append(TocEntry(block.level, anchor, label, []))
        return "\n".join(parts), nest_toc(toc)

    def headings(self) -> tuple[Heading, ...]:
        return tuple(block for block in self.blocks if isinstance(block, Heading))


def nest_toc(entries: list[TocEntry]) -> list[TocEntry]:
    """Headings in page order as a table of contents: a deeper heading under the one before it."""
    toc: list[TocEntry] = []
    for entry in entries:
        if toc and entry.level > toc[-1].level:
            toc[-1].children.append(entry)
        else:
            toc.append(entry)
    return toc


def _heading_html(level: int, anchor: str, label: str) -> str:
    """A heading as Python-Markdown's toc extension writes it, with its permalink."""
    return (
        f'<h{level} id="{anchor}">{label}'
        f'<a class="headerlink" href="#{anchor}" title="Permanent link">&para;</a></h{level}>'
    )


def _unique(anchor: str, used: set[str]) -> str:
    """Python-Markdown's toc makes repeated ids unique the same way: `id`, `id_1`, `id_2`..."""
    candidate, number = anchor, 0
    while candidate in used:
        number += 1
        candidate = f"{anchor}_{number}"
    used.add(candidate)
    return candidate


@dataclass(frozen=True)
class Context:
    """What every page renderer needs besides its own data."""

    links: Links
    src_uri: str
    mentions: MentionFinder = field(default_factory=lambda: MentionFinder(()))
    original: str | None = None
    """The page's original language: a briefing's own, else the corpus' most common one."""

    @property
    def ui(self) -> str | None:
        """The language the page's own words are also written in, besides English."""
        return self.original if self.original in UI_LANGUAGES else None

    def words(self, key: str, **fields: object) -> str:
        """The page's own words (`i18n.UI[key]`) as HTML, in English and the page's language."""
        return ui(key, self.ui, **fields)

    def with_original(self, language: str) -> Context:
        return replace(self, original=language)

    def href(self, to_uri: str, anchor: str | None = None) -> str:
        return self.links.href(self.src_uri, to_uri, anchor)

    def link(self, to_uri: str, label_html: str, anchor: str | None = None, css: str = "") -> str:
        cls = f' class="{css}"' if css else ""
        return f'<a{cls} href="{self.href(to_uri, anchor)}">{label_html}</a>'


def localized(texts: Localized, *, markdown: bool = False, tag: str = "div", css: str = "") -> str:
    """Every language of a text, English first, each marked with its `lang`."""
    parts = []
    for code in sorted(texts, key=lambda c: (c != ENGLISH, c)):
        body = html.markdown(texts[code]) if markdown else html.text(texts[code])
        parts.append(f'<{tag} class="bf-lang {css}" lang="{html.text(code)}">{body}</{tag}>')
    return "".join(parts)


def time_tag(span: DateSpan | PartialDate) -> str:
    """A date or interval shown at its own precision, machine-readable in `datetime`."""
    if isinstance(span, PartialDate):
        span = DateSpan(span)
    start = _time(span.start)
    if span.end is None:
        return start
    return f'<span class="bf-interval">{start} \u2013 {_time(span.end)}</span>'


def _time(date: PartialDate) -> str:
    precision = date.precision.value
    return f'<time datetime="{date.iso()}" data-precision="{precision}">{html.text(format_date(date))}</time>'
