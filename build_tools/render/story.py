"""The story page: the thread's summary, its coverage (each briefing, numbered, with its outlet,
date and language, oldest first), the story across outlets (`compare`: who carried which actors
and statements, the same statement in each outlet's words, who credits whom), and the merged
timeline of their events."""

from __future__ import annotations

from collections.abc import Hashable

from ..compare import compare_story, statement_keys
from ..model import Corpus
from . import html, structured, urls
from .compare import add_comparison, column_number
from .components import (
    event_list,
    feed_links,
    list_note,
    outlet_link,
    page_header,
    summary_block,
    time_tag,
    titles,
)
from .i18n import alternatives, language_html
from .kind import FeedSpec, PageKind, SiteData
from .labels import ENGLISH, english
from .page import Context, Page
from .search import Passage, SearchFields


def render_story(story_id: str, data: SiteData, ctx: Context) -> Page:
    story, corpus, index = data.corpus.stories[story_id], data.corpus, data.index
    page = Page(ctx.src_uri, english(story.title), html.clip(html.plain_text(english(story.summary)), 300))
    page.structured = structured.story(story_id, data, ctx)
    page.feeds.append((f"Story: {english(story.title)}", urls.story_feed(story.id)))
    page.add(
        page_header(ctx.words("story"), alternatives(story.title, original=ctx.original, css="bf-title"), ctx)
    )
    page.add(feed_links(urls.story_feed(story.id), "follow-story", ctx))
    page.section("summary", ctx.words("summary"))
    page.add(summary_block(story.summary, ctx))
    slugs = index.by_story.get(story.id, ())
    page.section("coverage", ctx.words("coverage"))
    page.add(list_note("briefings-count", len(slugs), "oldest-first", ctx))
    page.add(_coverage(slugs, corpus, ctx))
    add_comparison(page, compare_story(story.id, corpus, index), corpus, ctx)
    events = index.events_by_story.get(story.id, ())
    page.section("timeline", ctx.words("timeline"))
    page.add(list_note("events-count", len(events), "in-date-order", ctx))
    page.add(event_list(events, corpus, ctx))
    return page


def _coverage(slugs: tuple[str, ...], corpus: Corpus, ctx: Context) -> str:
    """The thread's briefings, oldest first: when, which outlet, in which language, what."""
    if not slugs:
        return f'<p class="bf-empty">{ctx.words("none-yet")}</p>'
    items = []
    for number, slug in enumerate(slugs, start=1):
        b = corpus.briefings[slug]
        meta = (
            f"{column_number(number)} {time_tag(b.published, ctx)} \u00b7 "
            f"{outlet_link(b.source.outlet, corpus, ctx)} \u00b7 {language_html(b.language, ctx.ui)} "
            f"\u00b7 {ctx.words('quotes-count', n=len(b.quotes))}"
        )
        title = ctx.link(urls.briefing(slug), alternatives(titles(b), original=ctx.original))
        items.append(
            f'<li class="bf-item"><p class="bf-meta">{meta}</p><p class="bf-item-title">{title}</p></li>'
        )
    return f'<ol class="bf-coverage">{"".join(items)}</ol>'


def story_search(story_id: str, data: SiteData) -> SearchFields:
    """The story's title and its summary (at the page's `summary` section)."""
    story = data.corpus.stories[story_id]
    original = next((language for language in story.title if language != ENGLISH), None)
    summary = {language: html.plain_text(text) for language, text in story.summary.items()}
    return SearchFields(
        dict(story.title),
        original,
        passages=(Passage("summary", summary),),
        meta={"kind": "Story", "briefings": str(len(data.index.by_story.get(story_id, ())))},
        filters={"kind": ("Story",), "story": (english(story.title),)},
    )


def story_shows(story_id: str, data: SiteData) -> Hashable:
    index, briefings = data.index, data.corpus.briefings
    events = index.events_by_story.get(story_id, ())
    return (
        tuple(briefings[slug] for slug in index.by_story.get(story_id, ())),
        events,
        tuple(briefings[slug] for slug in sorted({e.briefing for e in events})),
        statement_keys(story_id, data.corpus, index),  # links may join through other stories
    )


def story_feed(story_id: str, data: SiteData, site_name: str) -> FeedSpec:
    title = english(data.corpus.stories[story_id].title)
    return FeedSpec(
        path=urls.story_feed(story_id),
        key=f"feed:story:{story_id}",
        title=f"Story: {title} ({site_name})",
        subtitle=f"Briefings of the story {title}.",
        page=urls.story(story_id),
        slugs=data.index.by_story.get(story_id, ()),
    )


KIND = PageKind(
    name="story",
    items=lambda data: data.corpus.stories,
    uri=urls.story,
    render=render_story,
    shows=story_shows,
    search=story_search,
    feed=story_feed,
)
