"""The home page, a front page: the stories with their latest briefing, the latest briefings with
a teaser each, and a few of the most featured actors."""

from __future__ import annotations

from ..model import Briefing
from . import html, urls
from .components import briefing_list, briefing_source, feed_links, page_header
from .i18n import alternatives
from .kind import FeedSpec, PageKind, SiteData, single
from .page import Context, Page

ARROW = " \u2192"
LATEST_ON_HOME = 8
STORIES_ON_HOME = 6
MOST_FEATURED = 6

LEDE = {
    "en": "How a story is reported across outlets and languages: actors, verbatim quotes with "
    "translations, and dated events, checked against the articles.",
    "id": "Bagaimana sebuah berita dilaporkan lintas media dan bahasa: para tokoh, kutipan apa "
    "adanya beserta terjemahannya, dan peristiwa bertanggal, diperiksa terhadap artikelnya.",
}


def render_home(_key: str, data: SiteData, ctx: Context) -> Page:
    corpus, index = data.corpus, data.index
    page = Page(
        ctx.src_uri, "Annotated news briefings", "How a story is reported across outlets and languages."
    )
    lede = (
        f'<p class="bf-lede">{alternatives(LEDE if ctx.ui == "id" else {"en": LEDE["en"]}, css="bf-ui")}</p>'
    )
    page.add(page_header("", "Annotated news briefings", ctx, lede))
    page.section("stories", ctx.words("stories"))
    page.add(_stories(data, ctx))
    page.add(f'<p class="bf-more">{ctx.link(urls.STORIES_INDEX, ctx.words("all-stories") + ARROW)}</p>')
    page.section("latest", ctx.words("latest-briefings"))
    page.add(briefing_list(index.by_date[:LATEST_ON_HOME], corpus, ctx))
    page.add(f'<p class="bf-more">{ctx.link(urls.BRIEFINGS_INDEX, ctx.words("all-briefings") + ARROW)}</p>')
    page.section("actors", ctx.words("most-featured"))
    page.add(_most_featured(data, ctx))
    page.add(f'<p class="bf-more">{ctx.link(urls.ACTORS_INDEX, ctx.words("all-actors") + ARROW)}</p>')
    page.add(feed_links(urls.SITE_FEED, "follow-all", ctx))
    return page


def _stories(data: SiteData, ctx: Context) -> str:
    """The stories whose latest briefing is newest first, each with that briefing."""
    corpus, by_story = data.corpus, data.index.by_story
    latest = {story_id: corpus.briefings[slugs[-1]] for story_id, slugs in by_story.items() if slugs}
    ordered = sorted(corpus.stories.values(), key=lambda s: (s.id not in latest, _newest(latest, s.id), s.id))
    items = []
    for story in ordered[:STORIES_ON_HOME]:
        title = ctx.link(urls.story(story.id), alternatives(story.title, original=ctx.original))
        count = ctx.words("briefings-count", n=len(by_story.get(story.id, ())))
        newest = (
            f'<p class="bf-meta">{ctx.words("latest")}: {briefing_source(latest[story.id], corpus, ctx)}</p>'
            if story.id in latest
            else ""
        )
        items.append(
            f'<li class="bf-item"><p class="bf-item-title">{title} <span class="bf-meta">{count}</span></p>{newest}</li>'
        )
    return (
        f'<ul class="bf-story-index">{"".join(items)}</ul>'
        if items
        else f'<p class="bf-empty">{ctx.words("none-yet")}</p>'
    )


def _newest(latest: dict[str, Briefing], story_id: str) -> tuple[int, int, int]:
    if story_id not in latest:
        return (0, 0, 0)
    date = latest[story_id].published
    return (-date.year, -date.month, -date.day)


def _most_featured(data: SiteData, ctx: Context) -> str:
    by_actor = data.index.by_actor
    ranked = sorted(data.corpus.actors.values(), key=lambda a: (-len(by_actor.get(a.id, ())), a.name))
    items = "".join(
        f"<li>{ctx.link(urls.actor(a.id), html.text(a.name))} "
        f'<span class="bf-meta">{ctx.words("briefings-count", n=len(by_actor.get(a.id, ())))}</span></li>'
        for a in ranked[:MOST_FEATURED]
    )
    return f'<ul class="bf-actor-index bf-columns">{items}</ul>'


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
