"""The actor page: who they are, the briefings that feature them, all their quotes, their events.

Every list is newest first and says so; every quote and event names the briefing it comes from
(title, outlet, date) and links to it there."""

from __future__ import annotations

from collections.abc import Hashable

from ..model import Actor
from . import html, structured, urls
from .components import briefing_list, event_list, feed_links, list_note, page_header, quote_entries
from .i18n import alternatives
from .kind import FeedSpec, PageKind, SiteData
from .labels import ENGLISH, english
from .page import Context, Page
from .search import Passage, SearchFields


def render_actor(actor_id: str, data: SiteData, ctx: Context) -> Page:
    actor, corpus, index = data.corpus.actors[actor_id], data.corpus, data.index
    page = Page(ctx.src_uri, actor.name, html.clip(english(actor.description), 300))
    page.feeds.append((actor.name, urls.actor_feed(actor.id)))
    page.structured = structured.actor(actor_id, data, ctx)
    page.add(_header(actor, ctx))
    page.add(feed_links(urls.actor_feed(actor.id), "follow-actor", ctx))
    slugs = index.by_actor.get(actor_id, ())
    page.section("briefings", ctx.words("briefings"))
    page.add(list_note("briefings-count", len(slugs), "newest-first", ctx))
    page.add(briefing_list(slugs, corpus, ctx))
    quotes = index.quotes_by_actor.get(actor_id, ())
    page.section("quotes", ctx.words("quotes"))
    page.add(list_note("quotes-count", len(quotes), "newest-first", ctx))
    page.add(quote_entries(quotes, corpus, ctx, speaker=False))
    events = index.events_by_actor.get(actor_id, ())
    page.section("events", ctx.words("timeline"))
    page.add(list_note("events-count", len(events), "in-date-order", ctx))
    page.add(event_list(events, corpus, ctx))
    return page


def _header(actor: Actor, ctx: Context) -> str:
    facts = []
    if actor.aliases:
        facts.append(
            f"<dt>{ctx.words('also-called')}</dt><dd>{', '.join(html.text(a) for a in actor.aliases)}</dd>"
        )
    if actor.wikidata:
        link = f"https://www.wikidata.org/wiki/{actor.wikidata}"
        facts.append(
            f'<dt>Wikidata</dt><dd><a class="bf-external" rel="nofollow noopener" href="{html.text(link)}">'
            f"{html.text(actor.wikidata)}</a></dd>"
        )
    extra = (
        f'<div class="bf-description">{alternatives(actor.description, tag="p", original=ctx.original)}</div>'
    )
    if facts:
        extra += f'<div class="bf-source"><dl>{"".join(facts)}</dl></div>'
    return page_header(ctx.words(actor.kind.value), html.text(actor.name), ctx, extra)


def actor_search(actor_id: str, data: SiteData) -> SearchFields:
    """The actor's name and aliases (searched like a title) and its description."""
    actor = data.corpus.actors[actor_id]
    return SearchFields(
        {ENGLISH: actor.name},
        passages=(Passage("", dict(actor.description)),),
        name=actor.name,
        names=actor.aliases,
        meta={"kind": "Actor", "actor_kind": actor.kind.value},
        filters={"kind": ("Actor",), "actor": (actor.name,)},
    )


def actor_shows(actor_id: str, data: SiteData) -> Hashable:
    """The briefings featuring the actor, its quotes and events, and the briefings they are from."""
    index, briefings = data.index, data.corpus.briefings
    quotes = index.quotes_by_actor.get(actor_id, ())
    events = index.events_by_actor.get(actor_id, ())
    sources = {e.briefing for e in quotes} | {e.briefing for e in events}
    return (
        tuple(briefings[slug] for slug in index.by_actor.get(actor_id, ())),
        quotes,
        events,
        tuple(briefings[slug] for slug in sorted(sources)),
    )


def actor_feed(actor_id: str, data: SiteData, site_name: str) -> FeedSpec:
    actor = data.corpus.actors[actor_id]
    return FeedSpec(
        path=urls.actor_feed(actor_id),
        key=f"feed:actor:{actor_id}",
        title=f"{actor.name} ({site_name})",
        subtitle=f"Briefings featuring {actor.name}.",
        page=urls.actor(actor_id),
        slugs=data.index.by_actor.get(actor_id, ()),
    )


KIND = PageKind(
    name="actor",
    items=lambda data: data.corpus.actors,
    uri=urls.actor,
    render=render_actor,
    shows=actor_shows,
    search=actor_search,
    feed=actor_feed,
)
