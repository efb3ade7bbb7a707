"""Render stage: typed data and indexes -> one Markdown document per page.

One small function per page kind; contributor text passes through `html.text` (plain) or
`html.markdown` (Markdown fields) and nowhere else. Nothing here knows MkDocs.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..link import SiteIndex
from ..model import Corpus
from . import urls
from .actor import render_actor
from .briefing import render_briefing
from .indexes import (
    render_actors_index,
    render_briefings_index,
    render_home,
    render_search,
    render_stories_index,
    render_timeline,
    render_topic,
    render_topics_index,
)
from .mentions import MentionFinder
from .page import Context, Page
from .story import render_story
from .urls import Links

__all__ = ["Links", "Page", "iter_site", "render_site"]


def render_site(corpus: Corpus, index: SiteIndex, links: Links, only: set[str] | None = None) -> list[Page]:
    """Every generated page (or, with `only`, the pages whose src_uri is in it)."""
    return list(iter_site(corpus, index, links, only))


def iter_site(corpus: Corpus, index: SiteIndex, links: Links, only: set[str] | None = None) -> Iterator[Page]:
    """`render_site` one page at a time, so that a caller need not hold every page at once."""

    mentions = MentionFinder(corpus.actors.values())

    def ctx(src_uri: str) -> Context:
        return Context(links, src_uri, mentions)

    def wanted(src_uri: str) -> bool:
        return only is None or src_uri in only

    for slug in index.by_date:
        if wanted(uri := urls.briefing(slug)):
            yield render_briefing(corpus.briefings[slug], corpus, index, ctx(uri))
    for actor_id, actor in corpus.actors.items():
        if wanted(uri := urls.actor(actor_id)):
            yield render_actor(actor, corpus, index, ctx(uri))
    for story_id, story in corpus.stories.items():
        if wanted(uri := urls.story(story_id)):
            yield render_story(story, corpus, index, ctx(uri))
    for topic_id, topic in corpus.topics.items():
        if wanted(uri := urls.topic(topic_id)):
            yield render_topic(topic, corpus, index, ctx(uri))
    singles = {
        urls.HOME: render_home,
        urls.ACTORS_INDEX: render_actors_index,
        urls.STORIES_INDEX: render_stories_index,
        urls.TOPICS_INDEX: render_topics_index,
        urls.SEARCH: render_search,
    }
    for uri, render in singles.items():
        if wanted(uri):
            yield render(corpus, index, ctx(uri))
    if wanted(urls.BRIEFINGS_INDEX):
        yield from render_briefings_index(corpus, index, ctx(urls.BRIEFINGS_INDEX))
    if wanted(urls.TIMELINE):
        yield from render_timeline(corpus, index, ctx(urls.TIMELINE))
