"""Pieces shared by several page kinds: briefing list items, actor links, event lists."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TypeVar

from ..link import EventEntry
from ..model import Briefing, Corpus
from . import html, urls
from .labels import ENGLISH, actor_name, english
from .page import Context, Page, localized, time_tag

T = TypeVar("T")
from .urls import FEED_FORMATS


def briefing_item(briefing: Briefing, ctx: Context, extra: str = "") -> str:
    """`<li>` with the English title (or the original), outlet, date and language."""
    title = briefing.title_in(ENGLISH)
    label = html.text(title)
    original = (
        f' <span class="bf-original-title" lang="{html.text(briefing.language)}">{html.text(briefing.title)}</span>'
        if title != briefing.title
        else ""
    )
    meta = (
        f'<span class="bf-meta">{html.text(briefing.source.outlet)} · {time_tag(briefing.published)}'
        f" · {html.text(briefing.language)}</span>"
    )
    return f"<li>{ctx.link(urls.briefing(briefing.slug), label)}{original} {meta}{extra}</li>"


def briefing_list(slugs: Iterable[str], corpus: Corpus, ctx: Context, css: str = "bf-briefings") -> str:
    items = "".join(briefing_item(corpus.briefings[s], ctx) for s in slugs)
    return f'<ul class="{css}">{items}</ul>' if items else '<p class="bf-empty">None yet.</p>'


def actor_link(actor_id: str, corpus: Corpus, ctx: Context) -> str:
    return ctx.link(urls.actor(actor_id), html.text(actor_name(corpus, actor_id)), css="bf-actor")


def event_list(
    entries: Iterable[EventEntry], corpus: Corpus, ctx: Context, *, show_source: bool = True
) -> str:
    """An ordered timeline: date at its precision, the event in every language, who, where from."""
    items = []
    for entry in entries:
        event = entry.event
        who = ", ".join(actor_link(a, corpus, ctx) for a in event.actors)
        source = ""
        if show_source:
            briefing = corpus.briefings[entry.briefing]
            anchor = f"event-{entry.index + 1}"
            source = (
                f'<span class="bf-event-source">from '
                f"{ctx.link(urls.briefing(briefing.slug), html.text(briefing.source.outlet), anchor)}</span>"
            )
        items.append(
            f'<li class="bf-event" data-date="{event.date.iso()}">{time_tag(event.date)}'
            f'<div class="bf-event-text">{localized(event.event)}</div>'
            + (f'<span class="bf-event-actors">{who}</span>' if who else "")
            + f"{source}</li>"
        )
    return (
        f'<ol class="bf-timeline">{"".join(items)}</ol>'
        if items
        else '<p class="bf-empty">No dated events.</p>'
    )


def group_by_year(slugs: Iterable[str], briefings: Mapping[str, Briefing]) -> dict[int, list[str]]:
    groups: dict[int, list[str]] = {}
    for slug in slugs:
        groups.setdefault(briefings[slug].published.year, []).append(slug)
    return groups


def summary_block(texts: Mapping[str, str]) -> str:
    return f'<div class="bf-summary">{localized(texts, markdown=True)}</div>'


def feed_links(feed_path: str, label: str, ctx: Context) -> str:
    """Visible links to a feed in each format (`label` is our own fixed text)."""
    atom, rss = (
        f'<a href="{ctx.links.file_href(ctx.src_uri, f"{feed_path}.{extension}")}" type="{media_type}">{name}</a>'
        for (extension, media_type), name in zip(FEED_FORMATS.items(), ("Atom feed", "RSS feed"), strict=True)
    )
    return f'<p class="bf-feeds">{label}: {atom} · {rss}</p>'


def localized_header(kicker: str, titles: Mapping[str, str]) -> str:
    """`<header>` with the English title as the page's h1 and the other languages under it."""
    others = "".join(
        f'<p class="bf-title-translation" lang="{html.text(code)}">{html.text(text)}</p>'
        for code, text in sorted(titles.items())
        if code != "en"
    )
    return (
        f'<header class="bf-header"><p class="bf-kicker">{kicker}</p>'
        f'<h1 id="title" lang="en">{html.text(english(titles))}</h1>{others}</header>'
    )


def by_year(
    page: Page,
    groups: Mapping[int, Sequence[T]],
    list_html: Callable[[Sequence[T]], str],
    ctx: Context,
    year_page: Callable[[int], str] | None = None,
    unit: str = "briefings",
) -> None:
    """One section per year on `page`; or, when the list is split into year pages (`year_page`
    gives their src_uris), only a link to each year with its count."""
    if year_page is None:
        for year, entries in groups.items():
            page.heading(str(year))
            page.add(list_html(entries))
        return
    items = "".join(
        f'<li>{ctx.link(year_page(year), str(year))} <span class="bf-meta">{len(entries)} {unit}</span></li>'
        for year, entries in groups.items()
    )
    page.add(f'<ul class="bf-years">{items}</ul>')
