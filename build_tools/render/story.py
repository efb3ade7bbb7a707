"""The story page: the thread's summary, its briefings in date order (compare the outlets), and
the merged timeline of their events."""

from __future__ import annotations

from collections.abc import Hashable

from ..model import Corpus
from . import html, urls
from .components import event_list, feed_links, localized_header, summary_block
from .kind import FeedSpec, PageKind, SiteData
from .labels import ENGLISH, english
from .page import Context, Page, time_tag
from .search import SearchFields


def render_story(story_id: str, data: SiteData, ctx: Context) -> Page:
    story, corpus, index = data.corpus.stories[story_id], data.corpus, data.index
    page = Page(ctx.src_uri, english(story.title), english(story.summary))
    page.feeds.append((f"Story: {english(story.title)}", urls.story_feed(story.id)))
    page.add(localized_header("Story", story.title))
    page.add(feed_links(urls.story_feed(story.id), "Follow this story", ctx))
    page.heading("Summary")
    page.add(summary_block(story.summary))
    page.heading("Coverage")
    page.add(_coverage(index.by_story.get(story.id, ()), corpus, ctx))
    page.heading("Timeline")
    page.add(event_list(index.events_by_story.get(story.id, ()), corpus, ctx))
    return page


def _coverage(slugs: tuple[str, ...], corpus: Corpus, ctx: Context) -> str:
    """A table of the thread's briefings, oldest first, so outlets can be compared."""
    if not slugs:
        return '<p class="bf-empty">No briefings yet.</p>'
    rows = []
    for slug in slugs:
        b = corpus.briefings[slug]
        title = b.title_in(ENGLISH)
        rows.append(
            f"<tr><td>{time_tag(b.published)}</td><td>{html.text(b.source.outlet)}</td>"
            f"<td>{html.text(b.language)}</td>"
            f"<td>{ctx.link(urls.briefing(slug), html.text(title))}</td>"
            f"<td>{len(b.quotes)}</td></tr>"
        )
    head = "<tr><th>Published</th><th>Outlet</th><th>Language</th><th>Briefing</th><th>Quotes</th></tr>"
    return f'<table class="bf-coverage"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def story_search(story_id: str, data: SiteData) -> SearchFields:
    story = data.corpus.stories[story_id]
    fields = SearchFields(dict(story.title))
    fields.add_localized("", "", story.summary)
    slugs = data.index.by_story.get(story_id, ())
    fields.meta = {"kind": "Story", "briefings": str(len(slugs))}
    fields.filters = {"kind": ["Story"], "story": [english(story.title)]}
    return fields


def story_shows(story_id: str, data: SiteData) -> Hashable:
    index, briefings = data.index, data.corpus.briefings
    events = index.events_by_story.get(story_id, ())
    return (
        tuple(briefings[slug] for slug in index.by_story.get(story_id, ())),
        events,
        tuple(briefings[slug] for slug in sorted({e.briefing for e in events})),
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
