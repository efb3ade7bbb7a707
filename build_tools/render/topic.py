"""The topic page: its briefings, newest first, one section per year, and its feed."""

from __future__ import annotations

from collections.abc import Hashable

from . import urls
from .components import briefing_list, by_year, feed_links, group_by_year, list_note, page_header
from .i18n import alternatives
from .kind import FeedSpec, PageKind, SiteData
from .labels import english
from .page import Context, Page


def render_topic(topic_id: str, data: SiteData, ctx: Context) -> Page:
    topic = data.corpus.topics[topic_id]
    page = Page(ctx.src_uri, english(topic.title), f"Briefings about {english(topic.title)}.")
    page.feeds.append((f"Topic: {english(topic.title)}", urls.topic_feed(topic_id)))
    page.add(
        page_header(ctx.words("topic"), alternatives(topic.title, original=ctx.original, css="bf-title"), ctx)
    )
    page.add(feed_links(urls.topic_feed(topic_id), "follow-topic", ctx))
    slugs = data.index.by_topic.get(topic_id, ())
    page.add(list_note("briefings-count", len(slugs), "newest-first", ctx))
    groups = group_by_year(slugs, data.corpus.briefings)
    by_year(page, groups, lambda in_year: briefing_list(in_year, data.corpus, ctx), ctx)
    return page


def topic_shows(topic_id: str, data: SiteData) -> Hashable:
    return tuple(data.corpus.briefings[slug] for slug in data.index.by_topic.get(topic_id, ()))


def topic_feed(topic_id: str, data: SiteData, site_name: str) -> FeedSpec:
    title = english(data.corpus.topics[topic_id].title)
    return FeedSpec(
        path=urls.topic_feed(topic_id),
        key=f"feed:topic:{topic_id}",
        title=f"Topic: {title} ({site_name})",
        subtitle=f"Briefings about {title}.",
        page=urls.topic(topic_id),
        slugs=data.index.by_topic.get(topic_id, ()),
    )


KIND = PageKind(
    name="topic",
    items=lambda data: data.corpus.topics,
    uri=urls.topic,
    render=render_topic,
    shows=topic_shows,
    feed=topic_feed,
)
