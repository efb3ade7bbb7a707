"""Search documents: what the search index holds for each page, one document per language.

The index is built from the data, not from the published HTML, so it holds the briefing content
and none of the page chrome (navigation, source box labels, buttons). Each page gives one document
per language it has text in: the English one (English title, summary, translated quotes and
article) and one in the article's own language (original title, summary, quotes and article), so
the search engine stems each text with the rules of its language. `search.py` writes one index per
language; the search page queries them together and shows each page once.

The documents are small HTML files for Pagefind, built with `html.text` like every page: the
headings carry the ids of the page's own sections (`quotes`, `article`), which Pagefind turns into
links to the passage that matched. Metadata (outlet, date, kind) and filters (story, actor, topic,
outlet, language, kind) are the same in every language of a page.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..model import Localized
from . import html
from .labels import ENGLISH


@dataclass(frozen=True)
class SearchDocument:
    url: str  # site-relative URL of the page, as `Links.url` gives it
    language: str
    html: str


@dataclass
class SearchFields:
    """What a page puts in the index, before it is split by language."""

    title: Localized
    sections: list[tuple[str, str, dict[str, list[str]]]] = field(default_factory=list)
    """(heading id, heading label, texts by language), in page order; an empty id is the lead."""
    meta: dict[str, str] = field(default_factory=dict)
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: dict[str, str] = field(default_factory=dict)

    def add(self, section: str, label: str, language: str, *texts: str) -> None:
        for known_id, _, by_language in self.sections:
            if known_id == section:
                by_language.setdefault(language, []).extend(t for t in texts if t)
                return
        self.sections.append((section, label, {language: [t for t in texts if t]}))

    def add_localized(self, section: str, label: str, texts: Localized | None) -> None:
        for language, value in (texts or {}).items():
            self.add(section, label, language, value)


def documents(url: str, fields: SearchFields) -> Iterator[SearchDocument]:
    languages = {ENGLISH} | set(fields.title)
    for _, _, by_language in fields.sections:
        languages.update(language for language, texts in by_language.items() if texts)
    for language in sorted(languages):
        yield SearchDocument(url, language, _html(fields, language))


def _html(fields: SearchFields, language: str) -> str:
    """One page's text in one language, with the page's metadata and filters."""
    title = fields.title.get(language) or fields.title.get(ENGLISH) or next(iter(fields.title.values()))
    parts = [f'<!DOCTYPE html><html lang="{html.text(language)}"><head><meta charset="utf-8"></head><body>']
    parts.append(f"<h1>{html.text(title)}</h1>")
    for section, label, by_language in fields.sections:
        texts = by_language.get(language, [])
        if not texts:
            continue
        if section:
            parts.append(f'<h2 id="{section}">{html.text(label)}</h2>')
        parts.extend(f"<p>{html.text(text)}</p>" for text in texts)
    parts.append("<div data-pagefind-ignore>")
    parts.extend(_tagged("data-pagefind-meta", name, [value]) for name, value in fields.meta.items())
    parts.extend(_tagged("data-pagefind-filter", name, values) for name, values in fields.filters.items())
    parts.extend(_tagged("data-pagefind-sort", name, [value]) for name, value in fields.sort.items())
    parts.append("</div></body></html>")
    return "".join(parts)


def _tagged(attribute: str, name: str, values: Iterable[str]) -> str:
    return "".join(f'<span {attribute}="{name}">{html.text(value)}</span>' for value in values if value)
