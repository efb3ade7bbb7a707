"""The topic page: its briefings, newest first, one section per year."""

from __future__ import annotations

from collections.abc import Hashable

from . import urls
from .components import briefing_list, by_year, group_by_year, localized_header
from .kind import PageKind, SiteData
from .labels import english
from .page import Context, Page


def render_topic(topic_id: str, data: SiteData, ctx: Context) -> Page:
    topic = data.corpus.topics[topic_id]
    page = Page(ctx.src_uri, english(topic.title), f"Briefings about {english(topic.title)}.")
    page.add(localized_header("Topic", topic.title))
    groups = group_by_year(data.index.by_topic.get(topic_id, ()), data.corpus.briefings)
    by_year(page, groups, lambda slugs: briefing_list(slugs, data.corpus, ctx), ctx)
    return page


def topic_shows(topic_id: str, data: SiteData) -> Hashable:
    return tuple(data.corpus.briefings[slug] for slug in data.index.by_topic.get(topic_id, ()))


KIND = PageKind(
    name="topic",
    items=lambda data: data.corpus.topics,
    uri=urls.topic,
    render=render_topic,
    shows=topic_shows,
)
