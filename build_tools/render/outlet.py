"""The outlet page: what the outlet is and what identifies it in an article (names, datelines,
signatures), its briefings newest first, the agencies and outlets it credits, those that credit
it, the stories it covered, and a feed. The index page lists outlets by kind, and the briefings
whose article names no outlet."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable

from ..model import Corpus, Outlet, OutletKind
from . import html, structured, urls
from .components import briefing_list, feed_links, list_note, outlet_link, page_header
from .i18n import alternatives, language_html
from .kind import FeedSpec, PageKind, SiteData, single
from .labels import ENGLISH, english
from .page import Context, Page
from .search import Passage, SearchFields

#: index sections, in this order: kind -> the key of their heading
SECTIONS = {
    OutletKind.NEWS_AGENCY: "news-agencies",
    OutletKind.NEWSPAPER: "newspapers",
    OutletKind.ONLINE: "online-outlets",
    OutletKind.BROADCASTER: "broadcasters",
}


def render_outlet(outlet_id: str, data: SiteData, ctx: Context) -> Page:
    outlet, corpus, index = data.corpus.outlets[outlet_id], data.corpus, data.index
    page = Page(ctx.src_uri, outlet.name, html.clip(english(outlet.description), 300))
    page.feeds.append((outlet.name, urls.outlet_feed(outlet.id)))
    page.structured = structured.outlet(outlet_id, data, ctx)
    page.add(page_header(ctx.words(outlet.kind.value), html.text(outlet.name), ctx, _facts(outlet, ctx)))
    page.add(feed_links(urls.outlet_feed(outlet.id), "follow-outlet", ctx))
    slugs = index.by_outlet.get(outlet_id, ())
    page.section("briefings", ctx.words("briefings"))
    page.add(list_note("briefings-count", len(slugs), "newest-first", ctx))
    page.add(briefing_list(slugs, corpus, ctx))
    page.section("credits", ctx.words("outlet-credits"))
    page.add(_counted(_credited(slugs, corpus), corpus, ctx))
    crediting = index.credited_by.get(outlet_id, ())
    page.section("credited-by", ctx.words("credited-by"))
    page.add(_counted(Counter(corpus.briefings[s].source.outlet for s in crediting), corpus, ctx))
    page.section("stories", ctx.words("stories-covered"))
    page.add(_stories(slugs, corpus, ctx))
    return page


def _facts(outlet: Outlet, ctx: Context) -> str:
    facts = []
    if outlet.country:
        facts.append((ctx.words("country"), html.text(outlet.country)))
    if outlet.languages:
        facts.append((ctx.words("languages"), ", ".join(language_html(c, ctx.ui) for c in outlet.languages)))
    if outlet.website:
        link = f'<a class="bf-external" rel="nofollow noopener" href="{html.text(outlet.website)}">{html.text(outlet.website)}</a>'
        facts.append((ctx.words("website"), link))
    if outlet.wikidata:
        link = f"https://www.wikidata.org/wiki/{outlet.wikidata}"
        facts.append(
            (
                "Wikidata",
                f'<a class="bf-external" rel="nofollow noopener" href="{html.text(link)}">{html.text(outlet.wikidata)}</a>',
            )
        )
    for key, marks in (
        ("also-called", outlet.aliases),
        ("datelines", outlet.datelines),
        ("signatures", outlet.signatures),
    ):
        if marks:
            facts.append(
                (
                    ctx.words(key),
                    ", ".join(f'<code class="bf-mark-text">{html.text(m)}</code>' for m in marks),
                )
            )
    extra = f'<div class="bf-description">{alternatives(outlet.description, tag="p", original=ctx.original)}</div>'
    if facts:
        extra += (
            f'<div class="bf-source"><dl>{"".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts)}</dl></div>'
        )
    return extra


def _credited(slugs: Iterable[str], corpus: Corpus) -> Counter[str | None]:
    return Counter(credit for slug in slugs for credit in corpus.briefings[slug].source.credits)


def _counted(counts: Counter[str | None], corpus: Corpus, ctx: Context) -> str:
    """Outlets (or unidentified ones) with the number of briefings, the most frequent first."""
    if not counts:
        return f'<p class="bf-empty">{ctx.words("none-yet")}</p>'
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0] is None, item[0] or ""))
    items = "".join(
        f'<li>{outlet_link(outlet, corpus, ctx)} <span class="bf-meta">{ctx.words("briefings-count", n=n)}</span></li>'
        for outlet, n in ordered
    )
    return f'<ul class="bf-outlets">{items}</ul>'


def _stories(slugs: Iterable[str], corpus: Corpus, ctx: Context) -> str:
    counts: Counter[str] = Counter(story for s in slugs if (story := corpus.briefings[s].story))
    stories = sorted((s for s in counts if s in corpus.stories), key=lambda s: (-counts[s], s))
    if not stories:
        return f'<p class="bf-empty">{ctx.words("none-yet")}</p>'
    items = "".join(
        f"<li>{ctx.link(urls.story(s), alternatives(corpus.stories[s].title, original=ctx.original))} "
        f'<span class="bf-meta">{ctx.words("briefings-count", n=counts[s])}</span></li>'
        for s in stories
    )
    return f'<ul class="bf-outlets">{items}</ul>'


def outlet_search(outlet_id: str, data: SiteData) -> SearchFields:
    """The outlet's name and aliases (searched like a title) and its description."""
    outlet = data.corpus.outlets[outlet_id]
    return SearchFields(
        {ENGLISH: outlet.name},
        passages=(Passage("", dict(outlet.description)),),
        name=outlet.name,
        names=outlet.aliases,
        meta={"kind": "Outlet"},
        filters={"kind": ("Outlet",), "outlet": (outlet.name,)},
    )


def outlet_shows(outlet_id: str, data: SiteData) -> Hashable:
    """Its briefings, and the briefings that credit it (their outlets are named)."""
    briefings, index = data.corpus.briefings, data.index
    return (
        tuple(briefings[s] for s in index.by_outlet.get(outlet_id, ())),
        tuple(briefings[s].source for s in index.credited_by.get(outlet_id, ())),
    )


def outlet_feed(outlet_id: str, data: SiteData, site_name: str) -> FeedSpec:
    outlet = data.corpus.outlets[outlet_id]
    return FeedSpec(
        path=urls.outlet_feed(outlet_id),
        key=f"feed:outlet:{outlet_id}",
        title=f"{outlet.name} ({site_name})",
        subtitle=f"Briefings of articles published by {outlet.name}.",
        page=urls.outlet(outlet_id),
        slugs=data.index.by_outlet.get(outlet_id, ()),
    )


KIND = PageKind(
    name="outlet",
    items=lambda data: data.corpus.outlets,
    uri=urls.outlet,
    render=render_outlet,
    shows=outlet_shows,
    search=outlet_search,
    feed=outlet_feed,
)


def render_outlets_index(_key: str, data: SiteData, ctx: Context) -> Page:
    page = Page(ctx.src_uri, "Outlets", "The outlets whose articles are annotated, and those they credit.")
    page.add(page_header("", ctx.words("outlets"), ctx))
    index = data.index
    for kind, key in SECTIONS.items():
        outlets = sorted(
            (o for o in data.corpus.outlets.values() if o.kind is kind), key=lambda o: o.name.casefold()
        )
        if not outlets:
            continue
        page.section(key, ctx.words(key))
        items = "".join(
            f'<li>{ctx.link(urls.outlet(o.id), html.text(o.name))} <span class="bf-meta">'
            f"{ctx.words('briefings-count', n=len(index.by_outlet.get(o.id, ())))} \u00b7 "
            f"{ctx.words('credited-in', n=len(index.credited_by.get(o.id, ())))}</span></li>"
            for o in outlets
        )
        page.add(f'<ul class="bf-columns">{items}</ul>')
    unidentified = [s for s in index.by_date if data.corpus.briefings[s].source.outlet is None]
    page.section("unidentified", ctx.words("unidentified-briefings"))
    page.add(list_note("briefings-count", len(unidentified), "newest-first", ctx))
    page.add(briefing_list(unidentified, data.corpus, ctx))
    return page


_items, _uri = single(urls.OUTLETS_INDEX)
OUTLETS_INDEX = PageKind(
    name="outlets-index", items=_items, uri=_uri, render=render_outlets_index, section=True
)
