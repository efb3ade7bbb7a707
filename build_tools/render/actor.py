"""The actor page: who they are, the briefings that feature them, all their quotes, their events."""

from __future__ import annotations

from ..link import SiteIndex
from ..model import Actor, Corpus
from . import html, urls
from .components import briefing_list, event_list, feed_links
from .page import Context, Page, english, localized


def render_actor(actor: Actor, corpus: Corpus, index: SiteIndex, ctx: Context) -> Page:
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


def _quotes(entries, corpus: Corpus, ctx: Context) -> str:
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
