"""The story page: the thread's summary, its briefings in date order (compare the outlets), and
the merged timeline of their events."""

from __future__ import annotations

from ..link import SiteIndex
from ..model import Corpus, Story
from . import html, urls
from .components import event_list, feed_links, localized_header, summary_block
from .page import Context, Page, english, time_tag


def render_story(story: Story, corpus: Corpus, index: SiteIndex, ctx: Context) -> Page:
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


def _coverage(slugs, corpus: Corpus, ctx: Context) -> str:
    """A table of the thread's briefings, oldest first, so outlets can be compared."""
    if not slugs:
        return '<p class="bf-empty">No briefings yet.</p>'
    rows = []
    for slug in slugs:
        b = corpus.briefings[slug]
        title = b.translations["en"].title if "en" in b.translations else b.title
        rows.append(
            f"<tr><td>{time_tag(b.published)}</td><td>{html.text(b.source.outlet)}</td>"
            f"<td>{html.text(b.language)}</td>"
            f"<td>{ctx.link(urls.briefing(slug), html.text(title or b.title))}</td>"
            f"<td>{len(b.quotes)}</td></tr>"
        )
    head = "<tr><th>Published</th><th>Outlet</th><th>Language</th><th>Briefing</th><th>Quotes</th></tr>"
    return f'<table class="bf-coverage"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'
