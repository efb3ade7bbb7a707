"""The search page: a form, filters and an empty result list that `assets/briefings-search.js`
fills from the Pagefind bundles in the browser. Without JavaScript the page says so and points
to the indexes.

Like every page it speaks the reader's reading language: its own words are alternatives
(`Context.words`), and the words the script writes (statuses, kinds, month and language names)
are rendered here, in a hidden `.bf-search-words` box the script copies them from, so that they
follow the reading language through the stylesheet as the rest of the page does."""

from __future__ import annotations

import json

from . import html, urls
from .components import page_header
from .i18n import MONTHS_ID, alternatives_html, language_html, ui_words
from .kind import PageKind, SiteData, single
from .labels import ENGLISH, MONTHS, language_name
from .page import Context, Page
from .search import RANKING

#: the filters of the search page, in the order shown, each labelled by its own catalogue entry;
#: their values come from the search index itself
SEARCH_FILTERS = ("kind", "story", "actor", "topic", "outlet", "language")
SEPARATOR = " \u00b7 "
#: words the script writes: key -> fields it fills (a count is rendered in the singular and the plural)
SCRIPT_WORDS: dict[str, tuple[str, ...]] = {
    "briefing": (), "quote": (), "actor": (), "story": (), "outlet": (),
    "person": (), "organization": (), "state": (),
    "briefings-count": ("n",), "search-any": (), "search-loading": (), "search-searching": (),
    "search-count": ("n",), "search-best": ("n",), "search-none": (), "search-failed": ("error",),
    "search-unavailable": ("error",), "search-no-filters": ("error",),
}  # fmt: skip


def render_search(_key: str, data: SiteData, ctx: Context) -> Page:
    """The search form; `assets/briefings-search.js` runs the queries against the Pagefind bundles
    in the browser."""
    page = Page(ctx.src_uri, "Search", "Search the briefings in their original language and in English.")
    page.scripts.append(urls.SEARCH_SCRIPT)  # loaded on this page only (the theme override)
    examples = (
        ' <span lang="id">pembukaan</span> \u2192 <span lang="id">buka</span>,'
        ' <span lang="en">deadlocked</span> \u2192 <span lang="en">deadlock</span>.'
    )
    page.add(
        page_header(
            "", ctx.words("search"), ctx, f'<p class="bf-lede">{ctx.words("search-lede")}{examples}</p>'
        )
    )
    page.add(_form(ctx))
    page.add('<p class="bf-search-status" role="status" aria-live="polite"></p>')
    page.add('<ol class="bf-search-results"></ol>')
    page.add(
        '<div class="bf-search-more-box"><button type="button" class="md-button bf-search-more" hidden>'
        f"{ctx.words('search-more')}</button></div>"
    )
    page.add(_script_words(data, ctx))
    indexes = (
        ctx.link(urls.BRIEFINGS_INDEX, ctx.words("briefings")),
        ctx.link(urls.STORIES_INDEX, ctx.words("stories")),
        ctx.link(urls.ACTORS_INDEX, ctx.words("actors-index")),
        ctx.link(urls.TOPICS_INDEX, ctx.words("topics")),
    )
    page.add(f"<noscript><p>{ctx.words('search-noscript')} {SEPARATOR.join(indexes)}</p></noscript>")
    return page


def _form(ctx: Context) -> str:
    """The query box and the filters; the form is named by the page's heading (which follows the
    reading language, as an attribute could not)."""
    bundles = ctx.links.file_href(ctx.src_uri, urls.SEARCH_BUNDLES)
    root = ctx.links.file_href(ctx.src_uri, "")
    ranking = html.text(json.dumps(RANKING, separators=(",", ":")))
    filters = "".join(
        f'<div class="bf-search-filter"><label for="bf-filter-{name}">{ctx.words(name)}</label>'
        f'<select id="bf-filter-{name}" name="{name}" data-bf-filter="{name}">'
        f'<option value="">{html.text(ui_words("search-any", ENGLISH))}</option></select></div>'
        for name in SEARCH_FILTERS
    )
    return (
        f'<form class="bf-search" role="search" aria-labelledby="title" method="get" data-bf-bundles="{bundles}" '
        f'data-bf-root="{root}" data-bf-ranking="{ranking}">'
        f'<div class="bf-search-box"><label for="bf-query">{ctx.words("search-words")}</label>'
        '<input id="bf-query" name="q" type="search" autocomplete="off" spellcheck="false">'
        f'<button type="submit" class="md-button md-button--primary">{ctx.words("search-button")}</button></div>'
        f'<details class="bf-search-filters" hidden><summary>{ctx.words("search-narrow")}</summary>'
        f'<div class="bf-search-filter-grid">{filters}</div></details>'
        "</form>"
    )


def _script_words(data: SiteData, ctx: Context) -> str:
    """The words `briefings-search.js` writes, each in the page's languages; `{field}`s are left
    for the script to fill. Language names carry the filter value they stand for."""
    entries = []
    for key, fields in SCRIPT_WORDS.items():
        placeholders = {name: f"{{{name}}}" for name in fields}
        entries.append(f'<span data-bf-word="{key}">{ctx.words(key, **placeholders)}</span>')
        if "n" in fields:
            entries.append(f'<span data-bf-word="{key}-1">{ctx.words(key, **placeholders | {"n": 1})}</span>')
    for number, month in enumerate(MONTHS, start=1):
        texts = {ENGLISH: month} | ({"id": MONTHS_ID[number - 1]} if ctx.ui == "id" else {})
        names = alternatives_html({code: html.text(text) for code, text in texts.items()}, css="bf-ui")
        entries.append(f'<span data-bf-word="month-{number}">{names}</span>')
    languages = {ENGLISH} | {briefing.language for briefing in data.corpus.briefings.values()}
    for code in sorted(languages):
        entries.append(
            f'<span data-bf-word="language-{html.text(code)}" data-bf-value="{html.text(language_name(code))}">'
            f"{language_html(code, ctx.ui)}</span>"
        )
    return f'<div class="bf-search-words" hidden>{"".join(entries)}</div>'


_items, _uri = single(urls.SEARCH)
KIND = PageKind(name="search", items=_items, uri=_uri, render=render_search, section=True)
