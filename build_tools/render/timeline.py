"""The timeline: every dated event of every briefing, in order; one page per year when long."""

from __future__ import annotations

from collections.abc import Hashable

from ..link import EventEntry
from . import urls
from .components import by_year, event_list, list_note, page_header
from .i18n import alternatives
from .indexes import PAGE_SIZE
from .kind import PageKind, SiteData, single
from .page import Context, Page


def timeline_is_split(data: SiteData) -> bool:
    return len(data.index.timeline) > PAGE_SIZE


def render_timeline(_key: str, data: SiteData, ctx: Context) -> Page:
    """One section per year, or only the years' links when the timeline is split."""
    page = Page(ctx.src_uri, "Timeline", "Every dated event of every briefing, in order.")
    lede = {
        "en": "Dates are shown with the precision the sources support: a year-only date is a year, not 1 January.",
        "id": "Tanggal ditampilkan sepresisi yang didukung sumbernya: tanggal yang hanya berupa tahun "
        "adalah tahun itu, bukan 1 Januari.",
    }
    shown = lede if ctx.ui == "id" else {"en": lede["en"]}
    page.add(
        page_header(
            "", ctx.words("timeline"), ctx, f'<p class="bf-lede">{alternatives(shown, css="bf-ui")}</p>'
        )
    )
    page.add(list_note("events-count", len(data.index.timeline), "in-date-order", ctx))
    year_page = urls.timeline_year if timeline_is_split(data) else None
    groups = data.events_by_year
    by_year(
        page, groups, lambda entries: event_list(entries, data.corpus, ctx), ctx, year_page, "events-count"
    )
    return page


def _years(data: SiteData) -> list[str]:
    return [str(year) for year in data.events_by_year] if timeline_is_split(data) else []


def _year_events(year: str, data: SiteData) -> list[EventEntry]:
    return data.events_by_year.get(int(year), [])


def render_timeline_year(year: str, data: SiteData, ctx: Context) -> Page:
    page = Page(ctx.src_uri, f"Timeline: {year}", f"Dated events of {year}.")
    page.add(page_header(ctx.words("timeline"), year, ctx))
    page.add(event_list(_year_events(year, data), data.corpus, ctx))
    return page


def _year_shows(year: str, data: SiteData) -> Hashable:
    entries = tuple(_year_events(year, data))
    return entries, tuple(data.corpus.briefings[slug] for slug in sorted({e.briefing for e in entries}))


_items, _uri = single(urls.TIMELINE)
TIMELINE = PageKind(name="timeline", items=_items, uri=_uri, render=render_timeline, section=True)
TIMELINE_YEAR = PageKind(
    name="timeline-year",
    items=_years,
    uri=lambda year: urls.timeline_year(int(year)),
    render=render_timeline_year,
    shows=_year_shows,
)
