"""The briefing page: title, source box, summary, actors, quote cards, events, the annotated
article aligned with its translation, related briefings and the story thread."""

from __future__ import annotations

from collections.abc import Hashable

from ..link import SiteIndex
from ..model import Article, Briefing, Corpus, Quote
from ..related import Related
from . import cite, html, urls
from .components import actor_link, summary_block
from .kind import PageKind, SiteData
from .labels import ENGLISH, english, format_date, language_name, reason_text, story_title, topic_title
from .page import Context, Page, localized, time_tag
from .search import SearchFields


def render_briefing(slug: str, data: SiteData, ctx: Context) -> Page:
    briefing, corpus, index = data.corpus.briefings[slug], data.corpus, data.index
    translation = briefing.translations.get(ENGLISH)
    english_title = translation.title if translation else None
    page = Page(ctx.src_uri, english_title or briefing.title, english(briefing.summary)[:300])
    page.add(_header(briefing, english_title, corpus, ctx))
    if ENGLISH in briefing.translations and briefing.language != ENGLISH:
        page.add(_reading_choice(briefing))
    page.add(_source_box(briefing, corpus, ctx))
    page.add(_citation(briefing, ctx))
    page.heading("Summary")
    page.add(summary_block(briefing.summary))
    page.heading("Key actors")
    page.add(_actors(briefing, corpus, ctx))
    if briefing.quotes:
        page.heading("Quotes")
        page.add("".join(_quote_card(q, briefing, corpus, ctx) for q in briefing.quotes))
    if briefing.dates:
        page.heading("Events")
        page.add(_events(briefing, corpus, ctx))
    page.heading("Article")
    page.add(_article(briefing, briefing.article, ctx))
    page.heading("Related briefings")
    page.add(_related(index.related.get(briefing.slug, ()), corpus, ctx))
    if briefing.story:
        page.add(_thread(briefing, index, corpus, ctx))
    return page


def _header(briefing: Briefing, english_title: str | None, corpus: Corpus, ctx: Context) -> str:
    kicker = "Briefing"
    if briefing.story and briefing.story in corpus.stories:
        story = corpus.stories[briefing.story]
        kicker += " · story: " + ctx.link(urls.story(story.id), html.text(english(story.title)))
    translated = (
        f'<p class="bf-title-translation" lang="en">{html.text(english_title)}</p>' if english_title else ""
    )
    return (
        f'<header class="bf-header"><p class="bf-kicker">{kicker}</p>'
        f'<h1 id="title" lang="{html.text(briefing.language)}">{html.text(briefing.title)}</h1>'
        f"{translated}</header>"
    )


def _reading_choice(briefing: Briefing) -> str:
    """Original, English or both: buttons that the site's script reveals and remembers (without
    it, the page shows both, which is also the default)."""
    choices = (
        ("original", html.text(language_name(briefing.language))),
        ("en", "English"),
        ("both", "Side by side"),
    )
    buttons = "".join(
        f'<button type="button" class="bf-reading-choice" data-bf-mode="{mode}" '
        f'aria-pressed="{"true" if mode == "both" else "false"}">{label}</button>'
        for mode, label in choices
    )
    return (
        f'<div class="bf-reading" role="group" aria-label="Reading language" hidden>'
        f'<span class="bf-reading-label" aria-hidden="true">Read:</span>{buttons}</div>'
    )


def _citation(briefing: Briefing, ctx: Context) -> str:
    """BibTeX and CSL-JSON of the article as reported, in a closed <details>."""
    page_url = ctx.links.absolute(ctx.links.url(ctx.src_uri))
    formats = (("BibTeX", cite.bibtex(briefing, page_url)), ("CSL-JSON", cite.csl_json(briefing, page_url)))
    blocks = "".join(
        f'<div class="bf-cite-format" data-bf-copy="{name}"><p class="bf-cite-name">{name}</p>'
        f"<pre><code>{html.text(text)}</code></pre></div>"
        for name, text in formats
    )
    return f'<details class="bf-cite"><summary>Cite this briefing</summary>{blocks}</details>'


def _source_box(briefing: Briefing, corpus: Corpus, ctx: Context) -> str:
    source = briefing.source
    rows = [
        ("Outlet", html.text(source.outlet)),
        (
            "Published",
            f'{time_tag(briefing.published)} <span class="bf-precision">(precision: {briefing.published.precision.value})</span>',
        ),
        (
            "Language",
            f"{html.text(language_name(briefing.language))} (<code>{html.text(briefing.language)}</code>)",
        ),
    ]
    if source.credits:
        rows.append(("Credits", ", ".join(html.text(c) for c in source.credits)))
    if source.url:
        rows.append(
            (
                "Original",
                f'<a class="bf-external" rel="nofollow noopener" href="{html.text(source.url)}">{html.text(source.url)}</a>',
            )
        )
    if briefing.topics:
        rows.append(
            (
                "Topics",
                ", ".join(
                    ctx.link(urls.topic(t), html.text(topic_title(corpus, t))) for t in briefing.topics
                ),
            )
        )
    cells = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows)
    return f'<aside class="bf-source" aria-label="Source"><dl>{cells}</dl></aside>'


def _actors(briefing: Briefing, corpus: Corpus, ctx: Context) -> str:
    items = []
    for role in briefing.actors:
        actor = corpus.actors.get(role.id)
        kind = f' <span class="bf-kind">{actor.kind.value}</span>' if actor else ""
        described = f" — {localized(role.role, tag='span')}" if role.role else ""
        items.append(f"<li>{actor_link(role.id, corpus, ctx)}{kind}{described}</li>")
    return f'<ul class="bf-actors">{"".join(items)}</ul>'


def quote_anchor(quote: Quote) -> str:
    return f"quote-{quote.id}"


def _quote_card(quote: Quote, briefing: Briefing, corpus: Corpus, ctx: Context) -> str:
    anchor = quote_anchor(quote)
    if quote.speaker:
        who = actor_link(quote.speaker, corpus, ctx)
    else:
        who = f'<span class="bf-attribution">{html.text(quote.attribution or "")}</span>'
    translations = localized(quote.translations, tag="p", css="bf-quote-translation")
    context = (
        f'<div class="bf-context">{localized(quote.context, markdown=True)}</div>' if quote.context else ""
    )
    return (
        f'<figure class="bf-quote" id="{anchor}">'
        f'<blockquote lang="{html.text(briefing.language)}"><p>{html.text(quote.text)}</p></blockquote>'
        f"{translations}"
        f"<figcaption>— {who} "
        f'<a class="bf-permalink" href="#{anchor}" title="Permalink to this quote" '
        f'aria-label="Permalink to this quote">#</a> '
        f'<a class="bf-in-article" href="#text-{quote.id}">in the article</a></figcaption>'
        f"{context}</figure>"
    )


def _events(briefing: Briefing, corpus: Corpus, ctx: Context) -> str:
    items = []
    for number, event in enumerate(briefing.dates, start=1):
        who = ", ".join(actor_link(a, corpus, ctx) for a in event.actors)
        items.append(
            f'<li class="bf-event" id="event-{number}">{time_tag(event.date)}'
            f'<div class="bf-event-text">{localized(event.event)}</div>'
            + (f'<span class="bf-event-actors">{who}</span>' if who else "")
            + "</li>"
        )
    return f'<ol class="bf-timeline">{"".join(items)}</ol>'


# -- the annotated article --------------------------------------------------------------------


def _article(briefing: Briefing, article: Article, ctx: Context) -> str:
    mentions = {role.id for role in briefing.actors}
    translation = briefing.translations.get(ENGLISH)
    marks = sorted(
        (start, end, quote.id, part == 0)
        for quote in briefing.quotes
        for part, (start, end) in enumerate(quote.anchor.spans)
    )
    rows = []
    for number, paragraph in enumerate(article.paragraphs, start=1):
        inside = [m for m in marks if m[0] < paragraph.end and m[1] > paragraph.start]
        original = _annotate(article.text, paragraph.start, paragraph.end, inside, mentions, ctx)
        english_text = ""
        if translation and number <= len(translation.body):
            english_text = (
                f'<p class="bf-translation" lang="en">{html.text(translation.body[number - 1])}</p>'
            )
        rows.append(
            f'<div class="bf-row" id="p{number}">'
            f'<p class="bf-original" lang="{html.text(briefing.language)}">{original}</p>{english_text}</div>'
        )
    label = "original and English side by side" if translation else "original"
    return f'<div class="bf-article" aria-label="Article text, {label}">{"".join(rows)}</div>'


def _annotate(
    text: str, start: int, end: int, marks: list[tuple[int, int, str, bool]], mentions: set[str], ctx: Context
) -> str:
    """Paragraph text with quotes highlighted (linked to their cards) and actor mentions linked."""
    out, cursor = [], start
    for mark_start, mark_end, quote_id, first in marks:
        mark_start, mark_end = max(mark_start, start), min(mark_end, end)
        if mark_start < cursor:  # overlapping quotes: the earlier highlight wins
            continue
        out.append(_with_mentions(text[cursor:mark_start], mentions, ctx))
        anchor = f' id="text-{quote_id}"' if first else ""
        out.append(
            f'<a class="bf-mark" href="#quote-{quote_id}"{anchor}><mark>{html.text(text[mark_start:mark_end])}</mark></a>'
        )
        cursor = mark_end
    out.append(_with_mentions(text[cursor:end], mentions, ctx))
    return "".join(out)


def _with_mentions(segment: str, allowed: set[str], ctx: Context) -> str:
    out, cursor = [], 0
    for mention in ctx.mentions.find(segment, allowed):
        out.append(html.text(segment[cursor : mention.start]))
        label = html.text(segment[mention.start : mention.end])
        out.append(ctx.link(urls.actor(mention.actor), label, css="bf-mention"))
        cursor = mention.end
    out.append(html.text(segment[cursor:]))
    return "".join(out)


# -- related and thread ------------------------------------------------------------------------


def _related(related: tuple[Related, ...], corpus: Corpus, ctx: Context) -> str:
    if not related:
        return '<p class="bf-empty">No related briefings yet.</p>'
    items = []
    for entry in related:
        other = corpus.briefings[entry.slug]
        reasons = "; ".join(reason_text(reason, corpus) for reason in entry.reasons)
        items.append(
            f"<li>{ctx.link(urls.briefing(other.slug), html.text(other.title_in(ENGLISH)))} "
            f'<span class="bf-meta">{html.text(other.source.outlet)} · {time_tag(other.published)}</span> '
            f'<span class="bf-reason">{html.text(reasons)}</span></li>'
        )
    return f'<ul class="bf-related">{"".join(items)}</ul>'


def _thread(briefing: Briefing, index: SiteIndex, corpus: Corpus, ctx: Context) -> str:
    thread = index.by_story.get(briefing.story or "", ())
    position = thread.index(briefing.slug)
    links = []
    if position > 0:
        previous = thread[position - 1]
        links.append(ctx.link(urls.briefing(previous), "← Previous in this story", css="bf-prev"))
    links.append(
        ctx.link(urls.story(briefing.story or ""), f"Story ({position + 1} of {len(thread)})", css="bf-story")
    )
    if position + 1 < len(thread):
        links.append(ctx.link(urls.briefing(thread[position + 1]), "Next in this story →", css="bf-next"))
    return f'<nav class="bf-thread" aria-label="Story thread">{" ".join(links)}</nav>'


# -- search, dirty rebuilds, the kind -----------------------------------------------------------


def briefing_search(slug: str, data: SiteData) -> SearchFields:
    briefing, corpus = data.corpus.briefings[slug], data.corpus
    original = briefing.language
    translation = briefing.translations.get(ENGLISH)
    title = {original: briefing.title}
    if translation is not None and translation.title:
        title[ENGLISH] = translation.title
    fields = SearchFields(title)
    fields.add_localized("", "", briefing.summary)
    fields.add("", "", ENGLISH, briefing.source.outlet)
    for role in briefing.actors:
        actor = corpus.actors.get(role.id)
        if actor is not None:
            fields.add("", "", ENGLISH, actor.name, *actor.aliases)
        fields.add_localized("", "", role.role)
    for quote in briefing.quotes:
        fields.add("quotes", "Quotes", original, quote.text)
        fields.add_localized("quotes", "Quotes", quote.translations)
        fields.add_localized("quotes", "Quotes", quote.context)
    for event in briefing.dates:
        fields.add_localized("events", "Events", event.event)
    fields.add("article", "Article", original, *briefing.article.paragraph_texts())
    if translation is not None:
        fields.add("article", "Article", ENGLISH, *translation.body)
    fields.meta = {
        "kind": "Briefing",
        "outlet": briefing.source.outlet,
        "date": format_date(briefing.published),
        "language": language_name(original),
    }
    fields.sort = {"date": briefing.published.iso()}
    fields.filters = {
        "kind": ["Briefing"],
        "outlet": [briefing.source.outlet],
        "language": [language_name(original)],
        "story": [story_title(corpus, briefing.story)] if briefing.story else [],
        "actor": [corpus.actors[r.id].name for r in briefing.actors if r.id in corpus.actors],
        "topic": [topic_title(corpus, t) for t in briefing.topics if t in corpus.topics],
    }
    return fields


def briefing_shows(slug: str, data: SiteData) -> Hashable:
    """The briefing, what its related list shows of the others (not their scores, which any new
    briefing shifts a little), and its place in its story's thread."""
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
