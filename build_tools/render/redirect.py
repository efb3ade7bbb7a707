"""The page at a renamed briefing's former address: it sends the reader on to the briefing.

A briefing renamed (its file, hence its address) lists its former slugs under `renamed_from`;
each keeps a page that links to the new address and, through the theme override, redirects there
at once (`<meta http-equiv="refresh">`, kept out of search engines' indexes), so links and
bookmarks to the old address keep working."""

from __future__ import annotations

from collections.abc import Hashable

from . import urls
from .components import page_header, titles
from .i18n import alternatives
from .kind import PageKind, SiteData
from .labels import ENGLISH
from .page import Context, Page


def render_redirect(old: str, data: SiteData, ctx: Context) -> Page:
    briefing = data.corpus.briefings[data.index.renamed[old]]
    ctx = ctx.with_original(briefing.language)
    target = urls.briefing(briefing.slug)
    page = Page(ctx.src_uri, briefing.title_in(ENGLISH), "This briefing has moved.")
    page.redirect = ctx.href(target)
    link = ctx.link(target, alternatives(titles(briefing), original=ctx.original))
    page.add(page_header(ctx.words("briefing"), ctx.words("moved"), ctx))
    page.add(f'<p class="bf-lede">{ctx.words("moved-to")} {link}</p>')
    return page


def redirect_shows(old: str, data: SiteData) -> Hashable:
    briefing = data.corpus.briefings[data.index.renamed[old]]
    return (briefing.slug, briefing.title, briefing.title_in(ENGLISH), briefing.language)


KIND = PageKind(
    name="redirect",
    items=lambda data: sorted(data.index.renamed),
    uri=urls.briefing,
    render=render_redirect,
    shows=redirect_shows,
)
