"""Index pages: the briefing archive (split into year pages when long), actors, stories, topics.

They stay usable at ten thousand briefings: lists longer than a page are split by year.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from itertools import groupby

from . import html, urls
from .components import briefing_list, by_year, group_by_year
from .kind import PageKind, SiteData, single
from .labels import english, month_label
from .page import Context, Page

#: a list longer than this is split into one page per year
PAGE_SIZE = 300


def archive_is_split(data: SiteData) -> bool:
    return len(data.index.by_date) > PAGE_SIZE


def render_briefings_index(_key: str, data: SiteData, ctx: Context) -> Page:
    """All briefings newest first, one section per year; only the years' links when split."""
    page = Page(ctx.src_uri, "Briefings", "Every briefing, newest first.")
    page.add('<header class="bf-header"><h1 id="title">Briefings</h1></header>')
    years = group_by_year(data.index.by_date, data.corpus.briefings)
    year_page = urls.archive if archive_is_split(data) else None
    by_year(page, years, lambda slugs: briefing_list(slugs, data.corpus, ctx), ctx, year_page)
    return page


def _archive_years(data: SiteData) -> list[str]:
    if not archive_is_split(data):
        return []
    return [str(year) for year in group_by_year(data.index.by_date, data.corpus.briefings)]


def _year_slugs(year: str, data: SiteData) -> list[str]:
    briefings = data.corpus.briefings
    return [slug for slug in data.index.by_date if briefings[slug].published.year == int(year)]


def render_archive_year(year: str, data: SiteData, ctx: Context) -> Page:
    briefings = data.corpus.briefings
    page = Page(ctx.src_uri, f"Briefings of {year}", f"Every briefing published in {year}.")
    page.add(f'<header class="bf-header"><h1 id="title">Briefings of {year}</h1></header>')
    for month, in_month in groupby(_year_slugs(year, data), key=lambda s: briefings[s].published.month):
        page.heading(month_label(month), 2)
        page.add(briefing_list(list(in_month), data.corpus, ctx))
    return page


def _archive_year_shows(year: str, data: SiteData) -> Hashable:
    return tuple(data.corpus.briefings[slug] for slug in _year_slugs(year, data))


def render_actors_index(_key: str, data: SiteData, ctx: Context) -> Page:
    page = Page(ctx.src_uri, "Actors", "People, organizations and states in the briefings.")
    page.add('<header class="bf-header"><h1 id="title">Actors</h1></header>')
    by_actor = data.index.by_actor
    for kind, label in (("person", "People"), ("organization", "Organizations"), ("state", "States")):
        page.heading(label)
        actors = sorted(
            (a for a in data.corpus.actors.values() if a.kind.value == kind), key=lambda a: a.name.casefold()
        )
        items = "".join(
            f"<li>{ctx.link(urls.actor(a.id), html.text(a.name))} "
            f'<span class="bf-meta">{len(by_actor.get(a.id, ()))} briefings</span></li>'
            for a in actors
        )
        page.add(f'<ul class="bf-actor-index">{items}</ul>' if items else '<p class="bf-empty">None yet.</p>')
    return page


def stories_list(data: SiteData, ctx: Context) -> str:
    stories = sorted(data.corpus.stories.values(), key=lambda s: english(s.title).casefold())
    items = "".join(
        f"<li>{ctx.link(urls.story(s.id), html.text(english(s.title)))} "
        f'<span class="bf-meta">{len(data.index.by_story.get(s.id, ()))} briefings</span></li>'
        for s in stories
    )
    return f'<ul class="bf-story-index">{items}</ul>' if items else '<p class="bf-empty">None yet.</p>'


def render_stories_index(_key: str, data: SiteData, ctx: Context) -> Page:
    page = Page(ctx.src_uri, "Stories", "Story threads followed across outlets.")
    page.add('<header class="bf-header"><h1 id="title">Stories</h1></header>')
    page.add(stories_list(data, ctx))
    return page


def render_topics_index(_key: str, data: SiteData, ctx: Context) -> Page:
    page = Page(ctx.src_uri, "Topics", "Briefings by topic.")
    page.add('<header class="bf-header"><h1 id="title">Topics</h1></header>')
    items = "".join(
        f"<li>{ctx.link(urls.topic(t.id), html.text(english(t.title)))} "
        f'<span class="bf-meta">{len(data.index.by_topic.get(t.id, ()))} briefings</span></li>'
        for t in sorted(data.corpus.topics.values(), key=lambda t: english(t.title).casefold())
    )
    page.add(f'<ul class="bf-topic-index">{items}</ul>' if items else '<p class="bf-empty">None yet.</p>')
    return page


def _single(name: str, uri: str, render: Callable[[str, SiteData, Context], Page]) -> PageKind:
    items, to_uri = single(uri)
    return PageKind(name=name, items=items, uri=to_uri, render=render, section=True)


BRIEFINGS_INDEX = _single("briefings-index", urls.BRIEFINGS_INDEX, render_briefings_index)
ARCHIVE_YEAR = PageKind(
    name="archive-year",
    items=_archive_years,
    uri=lambda year: urls.archive(int(year)),
    render=render_archive_year,
    shows=_archive_year_shows,
)
ACTORS_INDEX = _single("actors-index", urls.ACTORS_INDEX, render_actors_index)
STORIES_INDEX = _single("stories-index", urls.STORIES_INDEX, render_stories_index)
TOPICS_INDEX = _single("topics-index", urls.TOPICS_INDEX, render_topics_index)
