"""Index pages: home, the briefing archive (by year), actors, stories, topics, the timeline and
the search page.

They stay usable at ten thousand briefings: lists longer than a page are split by year.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby

from ..link import EventEntry, SiteIndex
from ..model import Corpus, Topic
from . import html, urls
from .components import briefing_list, event_list, feed_links, group_by_year, localized_header
from .page import Context, Page, english

LATEST_ON_HOME = 10
#: a list longer than this is split into one page per year
PAGE_SIZE = 300


def render_home(corpus: Corpus, index: SiteIndex, ctx: Context) -> Page:
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
    page.add(_stories(corpus, index, ctx))
    page.heading("Most featured actors")
    page.add(_actors(corpus, index, ctx, limit=20))
    page.add(
        f"<p>{ctx.link(urls.ACTORS_INDEX, 'All actors →')} · {ctx.link(urls.TIMELINE, 'Timeline →')}</p>"
    )
    page.add(feed_links(urls.SITE_FEED, "Follow every briefing", ctx))
    return page


def render_briefings_index(corpus: Corpus, index: SiteIndex, ctx: Context) -> list[Page]:
    """All briefings newest first, one section per year; split into year pages when long."""
    page = Page(ctx.src_uri, "Briefings", "Every briefing, newest first.")
    page.add('<header class="bf-header"><h1 id="title">Briefings</h1></header>')
    years = group_by_year(index.by_date, corpus.briefings)
    pages = [page]
    if len(index.by_date) <= PAGE_SIZE:
        for year, slugs in years.items():
            page.heading(str(year))
            page.add(briefing_list(slugs, corpus, ctx))
        return pages
    items = []
    for year, slugs in years.items():
        items.append(
            f'<li>{ctx.link(urls.archive(year), str(year))} <span class="bf-meta">{len(slugs)} briefings</span></li>'
        )
        year_ctx = Context(ctx.links, urls.archive(year), ctx.mentions)
        year_page = Page(year_ctx.src_uri, f"Briefings of {year}", f"Every briefing published in {year}.")
        year_page.add(f'<header class="bf-header"><h1 id="title">Briefings of {year}</h1></header>')
        for month, in_month in groupby(slugs, key=lambda s: corpus.briefings[s].published.month):
            year_page.heading(_month_label(month), 2)
            year_page.add(briefing_list(list(in_month), corpus, year_ctx))
        pages.append(year_page)
    page.add(f'<ul class="bf-years">{"".join(items)}</ul>')
    return pages


def _month_label(month: int) -> str:
    import calendar

    return calendar.month_name[month] if month else "Month not known"


def render_actors_index(corpus: Corpus, index: SiteIndex, ctx: Context) -> Page:
    page = Page(ctx.src_uri, "Actors", "People, organizations and states in the briefings.")
    page.add('<header class="bf-header"><h1 id="title">Actors</h1></header>')
    for kind, label in (("person", "People"), ("organization", "Organizations"), ("state", "States")):
        page.heading(label)
        actors = sorted(
            (a for a in corpus.actors.values() if a.kind.value == kind), key=lambda a: a.name.casefold()
        )
        items = "".join(
            f"<li>{ctx.link(urls.actor(a.id), html.text(a.name))} "
            f'<span class="bf-meta">{len(index.by_actor.get(a.id, ()))} briefings</span></li>'
            for a in actors
        )
        page.add(f'<ul class="bf-actor-index">{items}</ul>' if items else '<p class="bf-empty">None yet.</p>')
    return page


def _actors(corpus: Corpus, index: SiteIndex, ctx: Context, limit: int) -> str:
    ranked = sorted(corpus.actors.values(), key=lambda a: (-len(index.by_actor.get(a.id, ())), a.name))[
        :limit
    ]
    items = "".join(
        f"<li>{ctx.link(urls.actor(a.id), html.text(a.name))} "
        f'<span class="bf-meta">{len(index.by_actor.get(a.id, ()))} briefings</span></li>'
        for a in ranked
    )
    return f'<ul class="bf-actor-index">{items}</ul>'


def _stories(corpus: Corpus, index: SiteIndex, ctx: Context) -> str:
    stories = sorted(corpus.stories.values(), key=lambda s: english(s.title).casefold())
    items = "".join(
        f"<li>{ctx.link(urls.story(s.id), html.text(english(s.title)))} "
        f'<span class="bf-meta">{len(index.by_story.get(s.id, ()))} briefings</span></li>'
        for s in stories
    )
    return f'<ul class="bf-story-index">{items}</ul>' if items else '<p class="bf-empty">None yet.</p>'


def render_stories_index(corpus: Corpus, index: SiteIndex, ctx: Context) -> Page:
    page = Page(ctx.src_uri, "Stories", "Story threads followed across outlets.")
    page.add('<header class="bf-header"><h1 id="title">Stories</h1></header>')
    page.add(_stories(corpus, index, ctx))
    return page


def render_topics_index(corpus: Corpus, index: SiteIndex, ctx: Context) -> Page:
    page = Page(ctx.src_uri, "Topics", "Briefings by topic.")
    page.add('<header class="bf-header"><h1 id="title">Topics</h1></header>')
    items = "".join(
        f"<li>{ctx.link(urls.topic(t.id), html.text(english(t.title)))} "
        f'<span class="bf-meta">{len(index.by_topic.get(t.id, ()))} briefings</span></li>'
        for t in sorted(corpus.topics.values(), key=lambda t: english(t.title).casefold())
    )
    page.add(f'<ul class="bf-topic-index">{items}</ul>' if items else '<p class="bf-empty">None yet.</p>')
    return page


def render_topic(topic: Topic, corpus: Corpus, index: SiteIndex, ctx: Context) -> Page:
    page = Page(ctx.src_uri, english(topic.title), f"Briefings about {english(topic.title)}.")
    page.add(localized_header("Topic", topic.title))
    for year, slugs in group_by_year(index.by_topic.get(topic.id, ()), corpus.briefings).items():
        page.heading(str(year))
        page.add(briefing_list(slugs, corpus, ctx))
    return page


def render_timeline(corpus: Corpus, index: SiteIndex, ctx: Context) -> list[Page]:
    """Every dated event in order; one section per year, split into year pages when long."""
    page = Page(ctx.src_uri, "Timeline", "Every dated event of every briefing, in order.")
    page.add(
        '<header class="bf-header"><h1 id="title">Timeline</h1>'
        '<p class="bf-lede">Dates are shown with the precision the sources support: a year-only date '
        "is a year, not 1 January.</p></header>"
    )
    by_year = _events_by_year(index.timeline)
    if len(index.timeline) <= PAGE_SIZE:
        for year, entries in by_year.items():
            page.heading(str(year))
            page.add(event_list(entries, corpus, ctx))
        return [page]
    pages = [page]
    items = []
    for year, entries in by_year.items():
        year_ctx = Context(ctx.links, urls.timeline_year(year), ctx.mentions)
        items.append(
            f'<li>{ctx.link(year_ctx.src_uri, str(year))} <span class="bf-meta">{len(entries)} events</span></li>'
        )
        year_page = Page(year_ctx.src_uri, f"Timeline: {year}", f"Dated events of {year}.")
        year_page.add(f'<header class="bf-header"><h1 id="title">Timeline: {year}</h1></header>')
        year_page.add(event_list(entries, corpus, year_ctx))
        pages.append(year_page)
    page.add(f'<ul class="bf-years">{"".join(items)}</ul>')
    return pages


def _events_by_year(entries: Iterable[EventEntry]) -> dict[int, list[EventEntry]]:
    groups: dict[int, list[EventEntry]] = {}
    for entry in entries:
        groups.setdefault(entry.event.date.start.year, []).append(entry)
    return groups


#: the filters of the search page, in the order shown; values come from the search index itself
SEARCH_FILTERS = (
    ("kind", "Kind"), ("story", "Story"), ("actor", "Actor"), ("topic", "Topic"),
    ("outlet", "Outlet"), ("language", "Language"),
)  # fmt: skip


def render_search(corpus: Corpus, index: SiteIndex, ctx: Context) -> Page:
    """The search form; `assets/briefings-search.js` runs the queries against the Pagefind bundles
    in the browser. Without JavaScript the page says so and points to the indexes."""
    page = Page(ctx.src_uri, "Search", "Search the briefings in their original language and in English.")
    page.add(
        '<header class="bf-header"><h1 id="title">Search</h1>'
        '<p class="bf-lede">Briefings, actors and stories, in the language of each article and in English. '
        "Word forms are matched by their root in both languages: "
        '<span lang="id">pembukaan</span> finds <span lang="id">buka</span>, deadlocked finds deadlock.</p>'
        "</header>"
    )
    bundles = ctx.links.file_href(ctx.src_uri, urls.SEARCH_BUNDLES)
    filters = "".join(
        f'<div class="bf-search-filter"><label for="bf-filter-{name}">{label}</label>'
        f'<select id="bf-filter-{name}" name="{name}" data-bf-filter="{name}"><option value="">Any</option></select></div>'
        for name, label in SEARCH_FILTERS
    )
    page.add(
        f'<form class="bf-search" role="search" aria-label="Search the briefings" method="get" data-bf-bundles="{bundles}" '
        f'data-bf-root="{ctx.links.file_href(ctx.src_uri, "")}">'
        '<div class="bf-search-box"><label for="bf-query">Words to find</label>'
        '<input id="bf-query" name="q" type="search" autocomplete="off" spellcheck="false">'
        '<button type="submit" class="md-button md-button--primary">Search</button></div>'
        f'<details class="bf-search-filters" hidden><summary>Narrow the results</summary>'
        f'<div class="bf-search-filter-grid">{filters}</div></details>'
        "</form>"
    )
    page.add('<p class="bf-search-status" role="status" aria-live="polite"></p>')
    page.add('<ol class="bf-search-results"></ol>')
    page.add(
        '<div class="bf-search-more-box"><button type="button" class="md-button bf-search-more" hidden>More results</button></div>'
    )
    page.add(
        "<noscript><p>Search runs in your browser and needs JavaScript. Without it, browse the "
        f"{ctx.link(urls.BRIEFINGS_INDEX, 'briefings')}, {ctx.link(urls.STORIES_INDEX, 'stories')}, "
        f"{ctx.link(urls.ACTORS_INDEX, 'actors')} or {ctx.link(urls.TOPICS_INDEX, 'topics')}.</p></noscript>"
    )
    return page
