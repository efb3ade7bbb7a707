"""Index pages: the briefing archive (split into year pages when long), actors, stories, topics.

They stay usable at ten thousand briefings: lists longer than a page are split by year.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from itertools import groupby

from ..model import Story, Topic
from . import html, urls
from .components import briefing_list, by_year, list_note, page_header
from .i18n import MONTHS_ID, alternatives, alternatives_html
from .kind import PageKind, SiteData, single
from .labels import ENGLISH, MONTHS, english
from .page import Context, Page

#: a list longer than this is split into one page per year
PAGE_SIZE = 300


def archive_is_split(data: SiteData) -> bool:
    return len(data.index.by_date) > PAGE_SIZE


def render_briefings_index(_key: str, data: SiteData, ctx: Context) -> Page:
    """All briefings newest first, one section per year; only the years' links when split."""
    page = Page(ctx.src_uri, "Briefings", "Every briefing, newest first.")
    page.add(page_header("", ctx.words("briefings"), ctx))
    page.add(list_note("briefings-count", len(data.index.by_date), "newest-first", ctx))
    years = data.briefings_by_year
    year_page = urls.archive if archive_is_split(data) else None
    by_year(page, years, lambda slugs: briefing_list(slugs, data.corpus, ctx), ctx, year_page)
    return page


def _archive_years(data: SiteData) -> list[str]:
    if not archive_is_split(data):
        return []
    return [str(year) for year in data.briefings_by_year]


def _year_slugs(year: str, data: SiteData) -> list[str]:
    return data.briefings_by_year.get(int(year), [])


def render_archive_year(year: str, data: SiteData, ctx: Context) -> Page:
    briefings = data.corpus.briefings
    page = Page(ctx.src_uri, f"Briefings of {year}", f"Every briefing published in {year}.")
    page.add(page_header(ctx.words("briefings"), year, ctx))
    slugs = _year_slugs(year, data)
    page.add(list_note("briefings-count", len(slugs), "newest-first", ctx))
    for month, in_month in groupby(slugs, key=lambda s: briefings[s].published.month):
        page.section(f"month-{month}", _month(month, ctx))
        page.add(briefing_list(list(in_month), data.corpus, ctx))
    return page


def _month(month: int, ctx: Context) -> str:
    if not month:
        return ctx.words("month-not-known")
    texts = {ENGLISH: html.text(MONTHS[month - 1])}
    if ctx.ui == "id":
        texts["id"] = html.text(MONTHS_ID[month - 1])
    return alternatives_html(texts, css="bf-ui")


def _archive_year_shows(year: str, data: SiteData) -> Hashable:
    return tuple(data.corpus.briefings[slug] for slug in _year_slugs(year, data))


def render_actors_index(_key: str, data: SiteData, ctx: Context) -> Page:
    page = Page(ctx.src_uri, "Actors", "People, organizations and states in the briefings.")
    page.add(page_header("", ctx.words("actors-index"), ctx))
    by_actor = data.index.by_actor
    for kind, label in (("person", "people"), ("organization", "organizations"), ("state", "states")):
        page.section(label, ctx.words(label))
        actors = sorted(
            (a for a in data.corpus.actors.values() if a.kind.value == kind), key=lambda a: a.name.casefold()
        )
        items = "".join(
            f"<li>{ctx.link(urls.actor(a.id), html.text(a.name))} "
            f'<span class="bf-meta">{ctx.words("briefings-count", n=len(by_actor.get(a.id, ())))}</span></li>'
            for a in actors
        )
        empty = f'<p class="bf-empty">{ctx.words("none-yet")}</p>'
        page.add(f'<ul class="bf-actor-index bf-columns">{items}</ul>' if items else empty)
    return page


def render_stories_index(_key: str, data: SiteData, ctx: Context) -> Page:
    page = Page(ctx.src_uri, "Stories", "Story threads followed across outlets.")
    page.add(page_header("", ctx.words("stories"), ctx))
    page.add(
        _named_list(data.corpus.stories.values(), urls.story, data.index.by_story, "bf-story-index", ctx)
    )
    return page


def render_topics_index(_key: str, data: SiteData, ctx: Context) -> Page:
    page = Page(ctx.src_uri, "Topics", "Briefings by topic.")
    page.add(page_header("", ctx.words("topics"), ctx))
    page.add(_named_list(data.corpus.topics.values(), urls.topic, data.index.by_topic, "bf-topic-index", ctx))
    return page


def _named_list(
    entries: Iterable[Story | Topic],
    uri: Callable[[str], str],
    postings: Mapping[str, tuple[str, ...]],
    css: str,
    ctx: Context,
) -> str:
    """Stories or topics by their English title, each with its number of briefings."""
    items = "".join(
        f"<li>{ctx.link(uri(e.id), alternatives(e.title, original=ctx.original))} "
        f'<span class="bf-meta">{ctx.words("briefings-count", n=len(postings.get(e.id, ())))}</span></li>'
        for e in sorted(entries, key=lambda e: english(e.title).casefold())
    )
    return f'<ul class="{css}">{items}</ul>' if items else f'<p class="bf-empty">{ctx.words("none-yet")}</p>'  # fmt: skip


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
