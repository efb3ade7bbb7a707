"""The home page: the latest briefings, the stories, the most featured actors."""

from __future__ import annotations

from . import html, urls
from .components import briefing_list, feed_links
from .indexes import stories_list
from .kind import FeedSpec, PageKind, SiteData, single
from .page import Context, Page

LATEST_ON_HOME = 10
MOST_FEATURED = 20


def render_home(_key: str, data: SiteData, ctx: Context) -> Page:
    corpus, index = data.corpus, data.index
    page = Page(
        ctx.src_uri, "Annotated news briefings", "How a story is reported across outlets and languages."
    )
    page.add(
        '<header class="bf-header"><h1 id="title">Annotated news briefings</h1>'
        '<p class="bf-lede">How a story is reported across outlets and languages: actors, verbatim quotes '
        "with translations, and dated events, checked against the articles.</p></header>"
    )
    page.heading("Latest briefings")
    page.add(briefing_list(index.by_date[:LATEST_ON_HOME], corpus, ctx))
    page.add(f"<p>{ctx.link(urls.BRIEFINGS_INDEX, 'All briefings →')}</p>")
    page.heading("Stories")
    page.add(stories_list(data, ctx))
    page.heading("Most featured actors")
    page.add(_most_featured(data, ctx))
    page.add(
        f"<p>{ctx.link(urls.ACTORS_INDEX, 'All actors →')} · {ctx.link(urls.TIMELINE, 'Timeline →')}</p>"
    )
    page.add(feed_links(urls.SITE_FEED, "Follow every briefing", ctx))
    return page


def _most_featured(data: SiteData, ctx: Context) -> str:
    by_actor = data.index.by_actor
    ranked = sorted(data.corpus.actors.values(), key=lambda a: (-len(by_actor.get(a.id, ())), a.name))
    items = "".join(
        f"<li>{ctx.link(urls.actor(a.id), html.text(a.name))} "
        f'<span class="bf-meta">{len(by_actor.get(a.id, ()))} briefings</span></li>'
        for a in ranked[:MOST_FEATURED]
    )
    return f'<ul class="bf-actor-index">{items}</ul>'


def site_feed(_key: str, data: SiteData, site_name: str) -> FeedSpec:
    return FeedSpec(
        path=urls.SITE_FEED,
        key="feed:all",
        title=site_name,
        subtitle="Every briefing, newest first.",
        page=urls.HOME,
        slugs=data.index.by_date,
    )


_items, _uri = single(urls.HOME)
KIND = PageKind(name="home", items=_items, uri=_uri, render=render_home, feed=site_feed, section=True)
