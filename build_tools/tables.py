"""The rows of the open data tables, one function a table; `data` writes them out.

Each row has the properties of its table's schema (`schema/data/<table>.schema.json`), in the
same order. Ids join the tables: a quote's `briefing` is a briefing's `id`, its `speaker` an
actor's, its `outlet` an outlet's; a quote's id is `<briefing>#<quote>`, an event's
`<briefing>#event-<n>` (the anchors of the briefing page).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from .model import Actor, Briefing, Outlet, Quote, Story
from .render import urls
from .render.kind import SiteData
from .render.labels import ENGLISH
from .render.urls import Links
from .statements import quote_key

TABLES = ("briefings", "quotes", "actors", "outlets", "stories", "events")
DATA_DIR = "data"
Row = dict[str, Any]


@dataclass(frozen=True)
class Address:
    """Addresses as the data files write them: absolute when the site's address is known, else
    relative to the site's root."""

    links: Links

    def page(self, uri: str, anchor: str | None = None) -> str:
        url = self.links.url(uri)
        return self.file(url) + (f"#{anchor}" if anchor else "")

    def file(self, site_path: str) -> str:
        return self.links.absolute(site_path) or site_path


def article_file(article_path: str) -> str:
    """Where an article is published: seeds/x.txt -> data/articles/x.txt."""
    return f"{DATA_DIR}/articles/{article_path.removeprefix('seeds/')}"


def rows_of(table: str, data: SiteData, address: Address) -> list[Row]:
    if table in BRIEFING_TABLES:
        return [row for b in ordered(data) for row in BRIEFING_TABLES[table](b, data, address)]
    return list(REGISTRY_TABLES[table](data, address))


def ordered(data: SiteData) -> list[Briefing]:
    """Briefings oldest first (then by slug): a stable order for every table."""
    return sorted(data.corpus.briefings.values(), key=lambda b: (b.published, b.slug))


def statements_of(b: Briefing, data: SiteData) -> tuple[str, ...]:
    """The statement of each of a briefing's quotes: what its quote rows take from other briefings."""
    groups = data.index.statements
    return tuple(groups.get(quote_key(b.slug, q.id), quote_key(b.slug, q.id)) for q in b.quotes)


def _briefing_rows(b: Briefing, data: SiteData, address: Address) -> Iterator[Row]:
    anchor = b.outlet_anchor
    english_title = b.title_in(ENGLISH)
    yield {
        "id": b.slug,
        "title": b.title,
        "title_en": english_title if english_title != b.title or b.language == ENGLISH else None,
        "language": b.language,
        "published": b.published.iso(),
        "precision": b.published.precision.value,
        "outlet": b.source.outlet,
        "outlet_identified_by": b.source.identified.by.value,
        "outlet_identified_text": b.source.identified.text,
        "outlet_identified_start": anchor.start if anchor else None,
        "outlet_identified_end": anchor.end if anchor else None,
        "credits": list(b.source.credits),
        "url": b.source.url,
        "story": b.story,
        "topics": list(b.topics),
        "actors": [role.id for role in b.actors],
        "summary": dict(b.summary),
        "quotes": len(b.quotes),
        "events": len(b.dates),
        "related": list(b.related),
        "article": b.article.path,
        "article_file": address.file(article_file(b.article.path)),
        "page": address.page(urls.briefing(b.slug)),
    }


def _quote_rows(b: Briefing, data: SiteData, address: Address) -> Iterator[Row]:
    for q, statement in zip(b.quotes, statements_of(b, data), strict=True):
        yield _quote(b, q, statement, data, address)


def _quote(b: Briefing, q: Quote, statement: str, data: SiteData, address: Address) -> Row:
    return {
        "id": quote_key(b.slug, q.id),
        "briefing": b.slug,
        "quote": q.id,
        "speaker": q.speaker,
        "attribution": q.attribution,
        "language": b.language,
        "text": q.text,
        "exact": q.anchor.exact,
        "start": q.anchor.start,
        "end": q.anchor.end,
        "spans": [list(span) for span in q.anchor.spans],
        "prefix": q.anchor.prefix,
        "suffix": q.anchor.suffix,
        "translations": dict(q.translations),
        "text_en": q.translations.get(ENGLISH),
        "context": dict(q.context) if q.context else None,
        "same_statement": [link.key() for link in q.same_statement],
        "statement": statement,
        "story": b.story,
        "outlet": b.source.outlet,
        "published": b.published.iso(),
        "page": address.page(urls.briefing(b.slug), f"quote-{q.id}"),
    }


def _actors(data: SiteData, address: Address) -> Iterator[Row]:
    index = data.index
    for actor in sorted(data.corpus.actors.values(), key=lambda a: a.id):
        yield _actor(actor, len(index.by_actor.get(actor.id, ())), len(index.quotes_by_actor.get(actor.id, ())),
                     address.page(urls.actor(actor.id)))  # fmt: skip


def _actor(actor: Actor, briefings: int, quotes: int, page: str) -> Row:
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind.value,
        "description": dict(actor.description),
        "aliases": list(actor.aliases),
        "wikidata": actor.wikidata,
        "briefings": briefings,
        "quotes": quotes,
        "page": page,
    }


def _outlets(data: SiteData, address: Address) -> Iterator[Row]:
    index = data.index
    for outlet in sorted(data.corpus.outlets.values(), key=lambda o: o.id):
        yield _outlet(outlet, len(index.by_outlet.get(outlet.id, ())), len(index.credited_by.get(outlet.id, ())),
                      address.page(urls.outlet(outlet.id)))  # fmt: skip


def _outlet(outlet: Outlet, briefings: int, credited_in: int, page: str) -> Row:
    return {
        "id": outlet.id,
        "name": outlet.name,
        "kind": outlet.kind.value,
        "description": dict(outlet.description),
        "country": outlet.country,
        "languages": list(outlet.languages),
        "website": outlet.website,
        "wikidata": outlet.wikidata,
        "aliases": list(outlet.aliases),
        "datelines": list(outlet.datelines),
        "signatures": list(outlet.signatures),
        "briefings": briefings,
        "credited_in": credited_in,
        "page": page,
    }


def _stories(data: SiteData, address: Address) -> Iterator[Row]:
    for story in sorted(data.corpus.stories.values(), key=lambda s: s.id):
        yield _story(story, data.index.by_story.get(story.id, ()), address.page(urls.story(story.id)))


def _story(story: Story, briefings: tuple[str, ...], page: str) -> Row:
    return {
        "id": story.id,
        "title": dict(story.title),
        "summary": dict(story.summary),
        "briefings": list(briefings),
        "page": page,
    }


def _event_rows(b: Briefing, data: SiteData, address: Address) -> Iterator[Row]:
    for number, event in enumerate(b.dates, start=1):
        span = event.date
        yield {
            "id": f"{b.slug}#event-{number}",
            "briefing": b.slug,
            "number": number,
            "date": span.iso(),
            "start": span.start.iso(),
            "end": (span.end or span.start).iso(),
            "precision": span.start.precision.value,
            "event": dict(event.event),
            "actors": list(event.actors),
            "story": b.story,
            "page": address.page(urls.briefing(b.slug), f"event-{number}"),
        }


#: tables of a row or more per briefing, each row made from that briefing alone (and the
#: statement groups of its quotes): `data.RowMemo` keeps them between a preview's rebuilds
BRIEFING_TABLES: dict[str, Callable[[Briefing, SiteData, Address], Iterator[Row]]] = {
    "briefings": _briefing_rows, "quotes": _quote_rows, "events": _event_rows,
}  # fmt: skip
#: tables of the registry, with counts over the whole corpus
REGISTRY_TABLES: dict[str, Callable[[SiteData, Address], Iterator[Row]]] = {
    "actors": _actors, "outlets": _outlets, "stories": _stories,
}  # fmt: skip
