"""Pieces shared by several page kinds: briefing list items, quotes and events shown away from
their briefing (always naming it, its outlet and date, and linking to the passage), headers."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from typing import TypeVar

from ..link import EventEntry, QuoteEntry
from ..model import Briefing, Corpus, DateSpan, Localized, PartialDate, Quote
from . import html, urls
from .i18n import alternatives, date_html, language_html, ui_words
from .labels import ENGLISH, actor_name, outlet_name
from .memo import item_html, page_key
from .page import Context, Page
from .urls import FEED_FORMATS

T = TypeVar("T")
#: trailing punctuation a quote card drops (a quote often ends where the sentence goes on)
_TRAILING = " ,;:\u2013\u2014-"


def time_tag(span: DateSpan | PartialDate, ctx: Context) -> str:
    """A date or interval at its own precision, in the reading language, machine-readable."""
    if isinstance(span, PartialDate):
        span = DateSpan(span)
    start = _time(span.start, ctx)
    if span.end is None:
        return start
    return f'<span class="bf-interval">{start} \u2013 {_time(span.end, ctx)}</span>'


def _time(date: PartialDate, ctx: Context) -> str:
    return _time_html(date, ctx.ui)


@lru_cache(maxsize=8192)  # the same dates come back in every list
def _time_html(date: PartialDate, ui_language: str | None) -> str:
    return f'<time datetime="{date.iso()}" data-precision="{date.precision.value}">{date_html(date, ui_language)}</time>'


def precision_note(date: PartialDate, ctx: Context) -> str:
    """What a date does not say, in words (`day not stated`), or nothing for a full date."""
    if date.day:
        return ""
    key = "day-not-stated" if date.month else "month-not-stated"
    return f' <span class="bf-precision">({ctx.words(key)})</span>'


def titles(briefing: Briefing) -> Localized:
    """A briefing's title in its language and, if translated, in English."""
    texts = {briefing.language: briefing.title}
    english_title = briefing.title_in(ENGLISH)
    if english_title != briefing.title:
        texts[ENGLISH] = english_title
    return texts


def display_quote(text: str) -> str:
    """A quote as a card shows it: without the punctuation of the sentence around it."""
    return text.strip().rstrip(_TRAILING) or text


def outlet_link(outlet_id: str | None, corpus: Corpus, ctx: Context) -> str:
    """The outlet's name linked to its page, or that the article does not identify it."""
    if outlet_id is None:
        return f'<span class="bf-unidentified">{ctx.words("outlet-unidentified")}</span>'
    name = html.text(outlet_name(corpus, outlet_id))
    return ctx.link(urls.outlet(outlet_id), name, css="bf-outlet") if outlet_id in corpus.outlets else name


def briefing_source(briefing: Briefing, corpus: Corpus, ctx: Context, anchor: str | None = None) -> str:
    """`<title> · outlet · date`: where a quote or event comes from, linked to the passage."""
    link = ctx.link(
        urls.briefing(briefing.slug), alternatives(titles(briefing), original=ctx.original), anchor
    )
    return (
        f"{link} · {outlet_link(briefing.source.outlet, corpus, ctx)} · {time_tag(briefing.published, ctx)}"
    )


def briefing_item(briefing: Briefing, corpus: Corpus, ctx: Context) -> str:
    """`<li>`: the title, a one-sentence teaser, the outlet, date and language."""
    outlet = briefing.source.outlet
    key = ("item", page_key(ctx), outlet in corpus.outlets, outlet_name(corpus, outlet))
    return item_html(briefing, key, _briefing_item, briefing, corpus, ctx)


def _briefing_item(briefing: Briefing, corpus: Corpus, ctx: Context) -> str:
    title = ctx.link(urls.briefing(briefing.slug), alternatives(titles(briefing), original=ctx.original))
    teasers = {code: html.teaser(text) for code, text in briefing.summary.items()}
    meta = (
        f"{outlet_link(briefing.source.outlet, corpus, ctx)} · {time_tag(briefing.published, ctx)} · "
        f"{language_html(briefing.language, ctx.ui)}"
    )
    return (
        f'<li class="bf-item"><p class="bf-item-title">{title}</p>'
        f'<p class="bf-teaser">{alternatives(teasers, original=ctx.original)}</p>'
        f'<p class="bf-meta">{meta}</p></li>'
    )


def briefing_list(slugs: Iterable[str], corpus: Corpus, ctx: Context, css: str = "bf-briefings") -> str:
    items = "".join(briefing_item(corpus.briefings[s], corpus, ctx) for s in slugs)
    return f'<ul class="{css}">{items}</ul>' if items else f'<p class="bf-empty">{ctx.words("none-yet")}</p>'


def list_note(count_key: str, count: int, order_key: str, ctx: Context) -> str:
    """`7 quotes, newest first`: how many, and in which order, under a list's heading."""
    return f'<p class="bf-list-note">{ctx.words(count_key, n=count)} \u00b7 {ctx.words(order_key)}</p>'


def actor_link(actor_id: str, corpus: Corpus, ctx: Context) -> str:
    return ctx.link(urls.actor(actor_id), html.text(actor_name(corpus, actor_id)), css="bf-actor")


def quote_texts(quote: Quote, language: str, ctx: Context) -> str:
    """A quote as said (`<blockquote>`, in the article's language) and its translations, each an
    alternative of the reading language, trimmed of the sentence's punctuation."""
    translations = {code: text for code, text in quote.translations.items() if code != language}
    said_role = ' class="bf-alt bf-orig"' if ENGLISH in translations else ""
    parts = [
        f'<blockquote{said_role} lang="{html.text(language)}"><p>{html.text(display_quote(quote.text))}</p></blockquote>'
    ]
    for code in sorted(translations, key=lambda c: (c != ENGLISH, c)):
        role = "bf-en" if code == ENGLISH else "bf-other"
        text = html.text(display_quote(translations[code]))
        parts.append(f'<p class="bf-quote-translation bf-alt {role}" lang="{html.text(code)}">{text}</p>')
    return "".join(parts)


def quote_entries(entries: Iterable[QuoteEntry], corpus: Corpus, ctx: Context, *, speaker: bool) -> str:
    """Quotes away from their briefing, each naming it (title, outlet, date), linking to the quote
    there, with a permalink to it that the site's script can copy."""
    cards = []
    for entry in entries:
        briefing = corpus.briefings[entry.briefing]
        quote = entry.quote
        anchor = f"quote-{quote.id}"
        who = f"{actor_link(quote.speaker, corpus, ctx)} \u00b7 " if speaker and quote.speaker else ""
        permalink = (
            f'<a class="bf-permalink" href="{ctx.href(urls.briefing(briefing.slug), anchor)}" '
            f'title="{html.text(ui_words("quote-link", ENGLISH))}"><span aria-hidden="true">#</span>'
            f'<span class="bf-visually-hidden">{ctx.words("quote-link")}</span></a>'
        )
        cards.append(
            f'<figure class="bf-quote" id="{briefing.slug}--{quote.id}">{quote_texts(quote, briefing.language, ctx)}'
            f"<figcaption>{who}{ctx.words('quote-from')} {briefing_source(briefing, corpus, ctx, anchor)} {permalink}"
            "</figcaption></figure>"
        )
    if not cards:
        return f'<p class="bf-empty">{ctx.words("no-quotes")}</p>'
    return f'<div class="bf-quotes">{"".join(cards)}</div>'


def event_list(
    entries: Iterable[EventEntry], corpus: Corpus, ctx: Context, *, show_source: bool = True
) -> str:
    """An ordered timeline: date at its precision, the event, who, and the briefing it is from."""
    page = page_key(ctx)
    items = []
    for entry in entries:
        briefing = corpus.briefings[entry.briefing]
        outlet = briefing.source.outlet
        names = tuple(actor_name(corpus, a) for a in entry.event.actors)
        key = (
            "event",
            page,
            entry.index,
            show_source,
            names,
            outlet in corpus.outlets,
            outlet_name(corpus, outlet),
        )
        items.append(item_html(briefing, key, _event_item, entry, briefing, corpus, ctx, show_source))
    if not items:
        return f'<p class="bf-empty">{ctx.words("no-events")}</p>'
    return f'<ol class="bf-timeline">{"".join(items)}</ol>'


def _event_item(
    entry: EventEntry, briefing: Briefing, corpus: Corpus, ctx: Context, show_source: bool
) -> str:
    event = entry.event
    who = ", ".join(actor_link(a, corpus, ctx) for a in event.actors)
    source = ""
    if show_source:
        anchor = f"event-{entry.index + 1}"
        source = f'<p class="bf-event-source">{ctx.words("from")} {briefing_source(briefing, corpus, ctx, anchor)}</p>'
    return (
        f'<li class="bf-event" data-date="{event.date.iso()}">{time_tag(event.date, ctx)}'
        f'<div class="bf-event-text">{alternatives(event.event, tag="p", original=ctx.original)}</div>'
        + (f'<p class="bf-event-actors">{who}</p>' if who else "")
        + f"{source}</li>"
    )


def group_by_year(slugs: Iterable[str], briefings: Mapping[str, Briefing]) -> dict[int, list[str]]:
    groups: dict[int, list[str]] = {}
    for slug in slugs:
        groups.setdefault(briefings[slug].published.year, []).append(slug)
    return groups


def summary_block(texts: Mapping[str, str], ctx: Context) -> str:
    return f'<div class="bf-summary">{alternatives(texts, markdown=True, tag="div", original=ctx.original)}</div>'


def feed_links(feed_path: str, label_key: str, ctx: Context) -> str:
    """Visible links to a feed in each format."""
    atom, rss = (
        f'<a href="{ctx.links.file_href(ctx.src_uri, f"{feed_path}.{extension}")}" type="{media_type}">{name}</a>'
        for (extension, media_type), name in zip(FEED_FORMATS.items(), ("Atom", "RSS"), strict=True)
    )
    return f'<p class="bf-feeds">{ctx.words(label_key)}: {atom} · {rss}</p>'


def page_header(kicker_html: str, title_html: str, ctx: Context, extra: str = "") -> str:
    """`<header>` with a kicker, the page's h1 (already in the reading language) and the reading
    language control."""
    kicker = f'<p class="bf-kicker">{kicker_html}</p>' if kicker_html else ""
    return f'<header class="bf-header">{kicker}<h1 id="title">{title_html}</h1>{extra}{reading_choice(ctx)}</header>'


def reading_choice(ctx: Context, original: str | None = None) -> str:
    """Original, English or both: buttons that the site's script reveals and remembers (without
    it, the page shows both)."""
    language = original or ctx.original
    if language is None or language == ENGLISH:
        return ""
    choices = (("original", language_html(language, ctx.ui)), ("en", language_html(ENGLISH, ctx.ui)),
               ("both", ctx.words("side-by-side")))  # fmt: skip
    buttons = "".join(
        f'<button type="button" class="bf-reading-choice" data-bf-mode="{mode}" aria-pressed="false">{label}</button>'
        for mode, label in choices
    )
    return (
        f'<div class="bf-reading" role="group" aria-label="{html.text(_reading_label(ctx))}" hidden>'
        f'<span class="bf-reading-label" aria-hidden="true">{ctx.words("read")}:</span>{buttons}</div>'
    )


def _reading_label(ctx: Context) -> str:
    from .i18n import ui_words

    english = ui_words("reading-language", ENGLISH)
    return f"{english} / {ui_words('reading-language', ctx.ui)}" if ctx.ui else english


def by_year(
    page: Page,
    groups: Mapping[int, Sequence[T]],
    list_html: Callable[[Sequence[T]], str],
    ctx: Context,
    year_page: Callable[[int], str] | None = None,
    count_key: str = "briefings-count",
) -> None:
    """One section per year on `page`; or, when the list is split into year pages (`year_page`
    gives their src_uris), only a link to each year with its count."""
    if year_page is None:
        for year, entries in groups.items():
            page.heading(str(year))
            page.add(list_html(entries))
        return
    items = "".join(
        f'<li>{ctx.link(year_page(year), str(year))} <span class="bf-meta">{ctx.words(count_key, n=len(entries))}</span></li>'
        for year, entries in groups.items()
    )
    page.add(f'<ul class="bf-years">{items}</ul>')
