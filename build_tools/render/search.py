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

from ..link import SiteIndex
from ..model import Actor, Briefing, Corpus, Localized, Story
from . import html, urls
from .page import english, format_date, language_name
from .urls import Links

ENGLISH = "en"


@dataclass(frozen=True)
class SearchDocument:
    url: str  # site-relative URL of the page, as `Links.url` gives it
    language: str
    html: str


@dataclass
class _Fields:
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


def search_documents(
    corpus: Corpus, index: SiteIndex, links: Links, only: set[str] | None = None
) -> dict[str, list[SearchDocument]]:
    """The search documents of every briefing, actor and story page, by the page's src_uri (or,
    with `only`, of the pages whose src_uri is in it)."""
    return dict(iter_search_documents(corpus, index, links, only))


def iter_search_documents(
    corpus: Corpus, index: SiteIndex, links: Links, only: set[str] | None = None
) -> Iterator[tuple[str, list[SearchDocument]]]:
    """`search_documents` one page at a time, so a build can write them out as they come
    instead of holding the text of every page at once."""
    pages = [
        *(
            (urls.briefing(slug), lambda slug=slug: _briefing(corpus.briefings[slug], corpus))
            for slug in index.by_date
        ),
        *((urls.actor(a.id), lambda a=a: _actor(a)) for a in corpus.actors.values()),
        *((urls.story(s.id), lambda s=s: _story(s, corpus, index)) for s in corpus.stories.values()),
    ]
    for uri, fields in pages:
        if only is None or uri in only:
            yield uri, list(_documents(links.url(uri), fields()))


def _briefing(briefing: Briefing, corpus: Corpus) -> _Fields:
    original = briefing.language
    translation = briefing.translations.get(ENGLISH)
    title = {original: briefing.title}
    if translation is not None and translation.title:
        title[ENGLISH] = translation.title
    fields = _Fields(title)
    fields.add_localized("", "", briefing.summary)
    fields.add("", "", ENGLISH, briefing.source.outlet)
    for role in briefing.actors:
        actor = corpus.actors.get(role.id)
        if actor is not None:
            fields.add("", "", ENGLISH, actor.name, *actor.aliases)
        fields.add_localized("", "", role.role)
    for quote in briefing.quotes:
        fields.add("quotes", "Quotes", original, quote.text)
        fields.add_localized("quotes", "Quotes", quote.translations)
        fields.add_localized("quotes", "Quotes", quote.context)
    for event in briefing.dates:
        fields.add_localized("events", "Events", event.event)
    if briefing.article is not None:
        article = briefing.article
        fields.add(
            "article", "Article", original, *(article.text[p.start : p.end] for p in article.paragraphs)
        )
    if translation is not None:
        fields.add("article", "Article", ENGLISH, *translation.body)

    story = corpus.stories.get(briefing.story) if briefing.story else None
    fields.meta = {
        "kind": "Briefing",
        "outlet": briefing.source.outlet,
        "date": format_date(briefing.published),
        "language": language_name(original),
    }
    fields.sort = {"date": briefing.published.iso()}
    fields.filters = {
        "kind": ["Briefing"],
        "outlet": [briefing.source.outlet],
        "language": [language_name(original)],
        "story": [english(story.title)] if story else [],
        "actor": [corpus.actors[r.id].name for r in briefing.actors if r.id in corpus.actors],
        "topic": [english(corpus.topics[t].title) for t in briefing.topics if t in corpus.topics],
    }
    return fields


def _actor(actor: Actor) -> _Fields:
    fields = _Fields({ENGLISH: actor.name})
    fields.add("", "", ENGLISH, *actor.aliases)
    fields.add_localized("", "", actor.description)
    for language in actor.description:
        if language != ENGLISH:
            fields.add("", "", language, actor.name, *actor.aliases)
    fields.meta = {"kind": "Actor", "actor_kind": actor.kind.value}
    fields.filters = {"kind": ["Actor"], "actor": [actor.name]}
    return fields


def _story(story: Story, corpus: Corpus, index: SiteIndex) -> _Fields:
    fields = _Fields(dict(story.title))
    fields.add_localized("", "", story.summary)
    slugs = index.by_story.get(story.id, ())
    fields.meta = {"kind": "Story", "briefings": str(len(slugs))}
    fields.filters = {"kind": ["Story"], "story": [english(story.title)]}
    return fields


def _documents(url: str, fields: _Fields) -> Iterator[SearchDocument]:
    languages = {ENGLISH} | set(fields.title)
    for _, _, by_language in fields.sections:
        languages.update(language for language, texts in by_language.items() if texts)
    for language in sorted(languages):
        yield SearchDocument(url, language, _html(fields, language))


def _html(fields: _Fields, language: str) -> str:
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
