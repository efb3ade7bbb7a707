"""The actor page: who they are, the briefings that feature them, all their quotes, their events."""

from __future__ import annotations

from collections.abc import Hashable, Iterable

from ..link import QuoteEntry
from ..model import Actor, Corpus
from . import html, urls
from .components import briefing_list, event_list, feed_links
from .kind import FeedSpec, PageKind, SiteData
from .labels import ENGLISH, english
from .page import Context, Page, localized
from .search import SearchFields


def render_actor(actor_id: str, data: SiteData, ctx: Context) -> Page:
    actor, corpus, index = data.corpus.actors[actor_id], data.corpus, data.index
    page = Page(ctx.src_uri, actor.name, english(actor.description))
    page.feeds.append((actor.name, urls.actor_feed(actor.id)))
    page.add(_header(actor))
    page.add(feed_links(urls.actor_feed(actor.id), "Follow this actor", ctx))
    page.heading("Briefings")
    page.add(briefing_list(index.by_actor.get(actor.id, ()), corpus, ctx))
    quotes = index.quotes_by_actor.get(actor.id, ())
    page.heading("Quotes")
    page.add(_quotes(quotes, corpus, ctx) if quotes else '<p class="bf-empty">No quotes yet.</p>')
    page.heading("Events")
    page.add(event_list(index.events_by_actor.get(actor.id, ()), corpus, ctx))
    return page


def _header(actor: Actor) -> str:
    facts = [f"<dt>Kind</dt><dd>{actor.kind.value}</dd>"]
    if actor.aliases:
        facts.append(f"<dt>Also called</dt><dd>{', '.join(html.text(a) for a in actor.aliases)}</dd>")
    if actor.wikidata:
        link = f"https://www.wikidata.org/wiki/{actor.wikidata}"
        facts.append(
            f'<dt>Wikidata</dt><dd><a class="bf-external" rel="nofollow noopener" href="{html.text(link)}">'
            f"{html.text(actor.wikidata)}</a></dd>"
        )
    return (
        f'<header class="bf-header"><p class="bf-kicker">Actor</p><h1 id="title">{html.text(actor.name)}</h1>'
        f'<div class="bf-description">{localized(actor.description)}</div>'
        f'<aside class="bf-source" aria-label="About"><dl>{"".join(facts)}</dl></aside></header>'
    )


def _quotes(entries: Iterable[QuoteEntry], corpus: Corpus, ctx: Context) -> str:
    cards = []
    for entry in entries:
        briefing = corpus.briefings[entry.briefing]
        quote = entry.quote
        back = ctx.link(urls.briefing(briefing.slug), html.text(briefing.source.outlet), f"quote-{quote.id}")
        cards.append(
            f'<figure class="bf-quote" id="{briefing.slug}--{quote.id}">'
            f'<blockquote lang="{html.text(briefing.language)}"><p>{html.text(quote.text)}</p></blockquote>'
            f"{localized(quote.translations, tag='p', css='bf-quote-translation')}"
            f"<figcaption>{back} · {html.text(briefing.published.iso())} "
            f'<a class="bf-permalink" href="{ctx.href(urls.briefing(briefing.slug), f"quote-{quote.id}")}" '
            f'title="Permalink to this quote" aria-label="Permalink to this quote">#</a></figcaption></figure>'
        )
    return f'<div class="bf-quotes">{"".join(cards)}</div>'


def actor_search(actor_id: str, data: SiteData) -> SearchFields:
    actor = data.corpus.actors[actor_id]
    fields = SearchFields({ENGLISH: actor.name})
    fields.add("", "", ENGLISH, *actor.aliases)
    fields.add_localized("", "", actor.description)
    for language in actor.description:
        if language != ENGLISH:
            fields.add("", "", language, actor.name, *actor.aliases)
    fields.meta = {"kind": "Actor", "actor_kind": actor.kind.value}
    fields.filters = {"kind": ["Actor"], "actor": [actor.name]}
    return fields


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
