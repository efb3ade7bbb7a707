"""The briefing page, built for reading: the news first, then the article, then the details.

Top to bottom: the title, a byline (outlet, date, language, the original's link), the reading
language, the gist (the summary), what they said (a few key quotes), what comes next (dated
events after publication, if any), then the article itself, original beside translation. After
it, for whoever wants more: every quote as a card (the anchors other pages and search link to),
who is who, the dates in the article, related briefings, the story thread, and the article's
details with its citation. On a phone the article begins within about two screens.
"""

from __future__ import annotations

from collections.abc import Hashable

from ..link import SiteIndex
from ..model import Briefing, Corpus, DatedEvent, Quote
from ..related import Related
from . import cite, html, structured, urls
from .article import quote_paragraph, render_article
from .components import (
    actor_link,
    display_quote,
    outlet_link,
    page_header,
    precision_note,
    quote_texts,
    summary_block,
    time_tag,
    titles,
)
from .i18n import alternatives, language_html, ui_words
from .kind import PageKind, SiteData
from .labels import ENGLISH, briefing_outlet, english, language_name, outlet_name, story_title, topic_title
from .page import Context, Page
from .reasons import reason_html
from .search import QUOTE_WEIGHT, Passage, SearchFields, speakers

#: quotes shown before the article, one per speaker where possible
KEY_QUOTES = 3


def render_briefing(slug: str, data: SiteData, ctx: Context) -> Page:
    briefing, corpus = data.corpus.briefings[slug], data.corpus
    ctx = ctx.with_original(briefing.language)
    page = Page(
        ctx.src_uri, briefing.title_in(ENGLISH), html.clip(html.plain_text(english(briefing.summary)), 300)
    )
    page.structured = structured.briefing(slug, data, ctx)
    page.add(_header(briefing, data, ctx))
    page.section("summary", ctx.words("summary"))
    page.add(summary_block(briefing.summary, ctx))
    if briefing.topics:
        page.add(_topics(briefing, corpus, ctx))
    if briefing.quotes:
        page.section("key-quotes", ctx.words("key-quotes"))
        page.add(_key_quotes(briefing, corpus, ctx))
    page.section("article", ctx.words("article"))
    page.add(render_article(briefing, ctx))
    upcoming = [(n, e) for n, e in enumerate(briefing.dates, start=1) if e.date.start > briefing.published]
    if upcoming:
        page.section("whats-next", ctx.words("whats-next"))
        page.add(_events(upcoming, corpus, ctx, anchored=False))
    if briefing.quotes:
        page.section("quotes", ctx.words("quotes"))
        page.add(
            f'<div class="bf-quotes">{"".join(_quote_card(q, briefing, corpus, ctx) for q in briefing.quotes)}</div>'
        )
    page.section("actors", ctx.words("actors"))
    page.add(_actors(briefing, corpus, ctx))
    if briefing.dates:
        page.section("events", ctx.words("events"))
        page.add(_events(list(enumerate(briefing.dates, start=1)), corpus, ctx, anchored=True))
    page.section("related", ctx.words("related"))
    page.add(_related(data.index.related.get(slug, ()), corpus, ctx))
    if briefing.story:
        page.add(_thread(briefing, data.index, ctx))
    page.section("about", ctx.words("about"))
    page.add(_source_box(briefing, corpus, ctx))
    page.add(_citation(briefing, corpus, ctx))
    return page


def _header(briefing: Briefing, data: SiteData, ctx: Context) -> str:
    kicker = ctx.words("briefing")
    story = data.corpus.stories.get(briefing.story or "")
    if story is not None:
        thread = data.index.by_story.get(story.id, ())
        link = ctx.link(urls.story(story.id), alternatives(story.title, original=ctx.original))
        position = ctx.words("story-position", n=thread.index(briefing.slug) + 1, total=len(thread))
        kicker += f" · {ctx.words('story')}: {link} · {position}"
    title = alternatives(titles(briefing), original=briefing.language, css="bf-title")
    original_link = ""
    if briefing.source.url:
        original_link = (
            f' · <a class="bf-external" rel="nofollow noopener" href="{html.text(briefing.source.url)}">'
            f"{ctx.words('original-article')}</a>"
        )
    byline = (
        f'<p class="bf-byline">{outlet_link(briefing.source.outlet, data.corpus, ctx)} · {time_tag(briefing.published, ctx)}'
        f"{precision_note(briefing.published, ctx)} · {language_html(briefing.language, ctx.ui)}{original_link}"
        f' · <a href="#article">{ctx.words("article")} \u2193</a></p>'
    )
    return page_header(kicker, title, ctx, byline)


def _topics(briefing: Briefing, corpus: Corpus, ctx: Context) -> str:
    links = " ".join(
        ctx.link(urls.topic(t), alternatives(corpus.topics[t].title, original=ctx.original), css="bf-tag")
        if t in corpus.topics
        else html.text(t)
        for t in briefing.topics
    )
    return f'<p class="bf-tags"><span class="bf-tags-label">{ctx.words("topics")}:</span> {links}</p>'


def _key_quotes(briefing: Briefing, corpus: Corpus, ctx: Context) -> str:
    """A few quotes before the article: the first by each speaker, in the article's order."""
    chosen: list[Quote] = []
    speakers: set[str | None] = set()
    for quote in sorted(briefing.quotes, key=lambda q: q.anchor.start):
        if (quote.speaker or quote.attribution) not in speakers:
            chosen.append(quote)
            speakers.add(quote.speaker or quote.attribution)
    chosen = chosen[:KEY_QUOTES]
    items = "".join(
        f'<figure class="bf-quote bf-key-quote">{quote_texts(q, briefing.language, ctx)}'
        f"<figcaption>\u2014 {_who(q, corpus, ctx)} "
        f'<a class="bf-in-article" href="#text-{q.id}">{ctx.words("in-article")}</a></figcaption></figure>'
        for q in chosen
    )
    more = ""
    if len(briefing.quotes) > len(chosen):
        more = f'<p class="bf-more"><a href="#quotes">{ctx.words("all-quotes", n=len(briefing.quotes))} \u2193</a></p>'
    return f'<div class="bf-key-quotes">{items}</div>{more}'


def _who(quote: Quote, corpus: Corpus, ctx: Context) -> str:
    if quote.speaker:
        return actor_link(quote.speaker, corpus, ctx)
    return f'<span class="bf-attribution">{html.text(quote.attribution or "")}</span>'


def quote_anchor(quote: Quote) -> str:
    return f"quote-{quote.id}"


def _quote_card(quote: Quote, briefing: Briefing, corpus: Corpus, ctx: Context) -> str:
    anchor = quote_anchor(quote)
    context = ""
    if quote.context:
        context = f'<div class="bf-context">{alternatives(quote.context, markdown=True, tag="div", original=ctx.original)}</div>'
    paragraph = quote_paragraph(briefing, quote)
    return (
        f'<figure class="bf-quote" id="{anchor}">{quote_texts(quote, briefing.language, ctx)}{context}'
        f"<figcaption>\u2014 {_who(quote, corpus, ctx)} "
        f'<a class="bf-permalink" href="#{anchor}" title="{html.text(ui_words("quote-link", ENGLISH))}">'
        f'<span aria-hidden="true">#</span><span class="bf-visually-hidden">{ctx.words("quote-link")}</span></a> '
        f'<a class="bf-in-article" href="#text-{quote.id}" data-bf-paragraph="p{paragraph}">{ctx.words("in-article")}</a>'
        "</figcaption></figure>"
    )


def _actors(briefing: Briefing, corpus: Corpus, ctx: Context) -> str:
    items = []
    for role in briefing.actors:
        described = f" \u2014 {alternatives(role.role, original=ctx.original)}" if role.role else ""
        items.append(f"<li>{actor_link(role.id, corpus, ctx)}{described}</li>")
    return f'<ul class="bf-actors">{"".join(items)}</ul>'


def _events(events: list[tuple[int, DatedEvent]], corpus: Corpus, ctx: Context, *, anchored: bool) -> str:
    """The briefing's dated events; `anchored` gives each its `event-N` id (other pages link to
    them), which a second list of the same events on the page must not repeat."""
    items = []
    for number, event in events:
        who = ", ".join(actor_link(a, corpus, ctx) for a in event.actors)
        attribute = f' id="event-{number}"' if anchored else ""
        items.append(
            f'<li class="bf-event"{attribute}>{time_tag(event.date, ctx)}'
            f'<div class="bf-event-text">{alternatives(event.event, tag="p", original=ctx.original)}</div>'
            + (f'<p class="bf-event-actors">{who}</p>' if who else "")
            + "</li>"
        )
    return f'<ol class="bf-timeline">{"".join(items)}</ol>'


def _related(related: tuple[Related, ...], corpus: Corpus, ctx: Context) -> str:
    if not related:
        return f'<p class="bf-empty">{ctx.words("no-related")}</p>'
    items = []
    for entry in related:
        other = corpus.briefings[entry.slug]
        reasons = "; ".join(reason_html(reason, corpus, ctx) for reason in entry.reasons)
        title = ctx.link(urls.briefing(other.slug), alternatives(titles(other), original=ctx.original))
        meta = f"{outlet_link(other.source.outlet, corpus, ctx)} \u00b7 {time_tag(other.published, ctx)}"
        items.append(
            f'<li class="bf-item"><p class="bf-item-title">{title}</p><p class="bf-meta">{meta}</p>'
            f'<p class="bf-reason">{reasons}</p></li>'
        )
    return f'<ul class="bf-related">{"".join(items)}</ul>'


def _thread(briefing: Briefing, index: SiteIndex, ctx: Context) -> str:
    thread = index.by_story.get(briefing.story or "", ())
    position = thread.index(briefing.slug)
    links = []
    if position > 0:
        previous = ctx.words("previous-in-story")
        links.append(ctx.link(urls.briefing(thread[position - 1]), f"← {previous}", css="bf-prev"))
    count = ctx.words("story-position", n=position + 1, total=len(thread))
    links.append(ctx.link(urls.story(briefing.story or ""), count, css="bf-story"))
    if position + 1 < len(thread):
        following = ctx.words("next-in-story")
        links.append(ctx.link(urls.briefing(thread[position + 1]), f"{following} →", css="bf-next"))
    return (
        f'<nav class="bf-thread" aria-label="{html.text(ui_words("story", ENGLISH))}">{" ".join(links)}</nav>'
    )


def _source_box(briefing: Briefing, corpus: Corpus, ctx: Context) -> str:
    source = briefing.source
    rows = [
        (ctx.words("outlet"), _outlet_identified(briefing, corpus, ctx)),
        (ctx.words("published"), time_tag(briefing.published, ctx) + precision_note(briefing.published, ctx)),
        (ctx.words("language"), language_html(briefing.language, ctx.ui)),
    ]
    if source.credits:
        rows.append((ctx.words("credits"), ", ".join(outlet_link(c, corpus, ctx) for c in source.credits)))
    if source.url:
        link = f'<a class="bf-external" rel="nofollow noopener" href="{html.text(source.url)}">{html.text(source.url)}</a>'
        rows.append((ctx.words("original-article"), link))
    cells = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows)
    return f'<div class="bf-source"><dl>{cells}</dl></div>'


def _outlet_identified(briefing: Briefing, corpus: Corpus, ctx: Context) -> str:
    """The outlet, and what in the article identifies it: "Islam Times (known by its signature
    [IT/r])", or that the article does not say."""
    identified = briefing.source.identified
    how = ctx.words(f"identified-{identified.by.value}")
    if identified.text is None:
        return f"{outlet_link(briefing.source.outlet, corpus, ctx)} ({how})"
    mark = f'<code class="bf-mark-text">{html.text(identified.text)}</code>'
    return f"{outlet_link(briefing.source.outlet, corpus, ctx)} ({how}: {mark})"


def _citation(briefing: Briefing, corpus: Corpus, ctx: Context) -> str:
    """BibTeX and CSL-JSON of the article as reported, in a closed <details>."""
    page_url = ctx.links.absolute(ctx.links.url(ctx.src_uri))
    outlet = outlet_name(corpus, briefing.source.outlet) if briefing.source.outlet else None
    credits = tuple(outlet_name(corpus, c) for c in briefing.source.credits)
    formats = (
        ("BibTeX", cite.bibtex(briefing, page_url, outlet, credits)),
        ("CSL-JSON", cite.csl_json(briefing, page_url, outlet, credits)),
    )
    blocks = "".join(
        f'<div class="bf-cite-format" data-bf-copy="{name}"><p class="bf-cite-name">{name}</p>'
        f"<pre><code>{html.text(text)}</code></pre></div>"
        for name, text in formats
    )
    return f'<details class="bf-cite"><summary>{ctx.words("cite")}</summary>{blocks}</details>'


# -- search, dirty rebuilds, the kind -----------------------------------------------------------


def briefing_search(slug: str, data: SiteData) -> SearchFields:
    """The summary, the article paragraph by paragraph, the quotes (with their context) and the
    dated events, each at its id on the page. No list of actors or roles: their names are found
    where the article says them, and the actor filter narrows by them."""
    briefing, corpus = data.corpus.briefings[slug], data.corpus
    body = briefing.translations[ENGLISH].body if ENGLISH in briefing.translations else ()
    paragraphs = tuple(
        Passage(f"p{n}", {briefing.language: text} | ({ENGLISH: body[n - 1]} if n <= len(body) else {}))
        for n, text in enumerate(briefing.article.paragraph_texts(), start=1)
    )
    summary = Passage(
        "summary", {language: html.plain_text(text) for language, text in briefing.summary.items()}
    )
    quotes = tuple(_quote_passage(quote, briefing) for quote in briefing.quotes)
    events = tuple(Passage(f"event-{n}", dict(e.event)) for n, e in enumerate(briefing.dates, start=1))
    filters = {
        "kind": ("Briefing",),
        "outlet": (briefing_outlet(corpus, briefing),),
        "language": (language_name(briefing.language),),
        "story": (story_title(corpus, briefing.story),) if briefing.story else (),
        "actor": tuple(corpus.actors[r.id].name for r in briefing.actors if r.id in corpus.actors),
        "topic": tuple(topic_title(corpus, t) for t in briefing.topics if t in corpus.topics),
    }
    meta = {
        "kind": "Briefing",
        "outlet": briefing_outlet(corpus, briefing),
        "date": briefing.published.iso(),
        "speakers": speakers([_speaker(quote, corpus) for quote in briefing.quotes]),
    }
    return SearchFields(
        titles(briefing),
        briefing.language,
        passages=(summary, *paragraphs, *quotes, *events),
        meta=meta,
        filters=filters,
    )


def _quote_passage(quote: Quote, briefing: Briefing) -> Passage:
    """A quote at its card: what was said in each language, its context as a note."""
    texts = {language: display_quote(text) for language, text in quote.translations.items()}
    texts[briefing.language] = display_quote(quote.text)
    notes = {language: html.plain_text(text) for language, text in (quote.context or {}).items()}
    return Passage(quote_anchor(quote), texts, QUOTE_WEIGHT, notes)


def _speaker(quote: Quote, corpus: Corpus) -> str:
    speaker = corpus.actors.get(quote.speaker or "")
    return speaker.name if speaker else html.clip(quote.attribution or "", 80)


def briefing_shows(slug: str, data: SiteData) -> Hashable:
    """The briefing, what its related list shows of the others (not their scores, which any new
    briefing shifts a little), its place in its story's thread and the story's title."""
    briefing, corpus, index = data.corpus.briefings[slug], data.corpus, data.index
    related = tuple(
        (entry.reasons, entry.editorial, corpus.briefings[entry.slug])
        for entry in index.related.get(slug, ())
    )
    return (briefing, related, _thread_place(briefing, index))


def _thread_place(briefing: Briefing, index: SiteIndex) -> tuple[int, int, str, str]:
    """Position in the story, its length, and the previous and next briefings."""
    thread = index.by_story.get(briefing.story or "", ())
    if briefing.slug not in thread:
        return (0, 0, "", "")
    at = thread.index(briefing.slug)
    return (at, len(thread), thread[at - 1] if at else "", thread[at + 1] if at + 1 < len(thread) else "")


KIND = PageKind(
    name="briefing",
    items=lambda data: data.index.by_date,
    uri=urls.briefing,
    render=render_briefing,
    shows=briefing_shows,
    search=briefing_search,
)
