"""The search page: a form, filters and an empty result list that `assets/briefings-search.js`
fills from the Pagefind bundles in the browser. Without JavaScript the page says so and points
to the indexes."""

from __future__ import annotations

from . import urls
from .kind import PageKind, SiteData, single
from .page import Context, Page

#: the filters of the search page, in the order shown; values come from the search index itself
SEARCH_FILTERS = (
    ("kind", "Kind"), ("story", "Story"), ("actor", "Actor"), ("topic", "Topic"),
    ("outlet", "Outlet"), ("language", "Language"),
)  # fmt: skip


def render_search(_key: str, _data: SiteData, ctx: Context) -> Page:
    """The search form; `assets/briefings-search.js` runs the queries against the Pagefind bundles
    in the browser. Without JavaScript the page says so and points to the indexes."""
    page = Page(ctx.src_uri, "Search", "Search the briefings in their original language and in English.")
    page.scripts.append(urls.SEARCH_SCRIPT)  # loaded on this page only (the theme override)
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


_items, _uri = single(urls.SEARCH)
KIND = PageKind(name="search", items=_items, uri=_uri, render=render_search, section=True)
