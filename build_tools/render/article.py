"""The annotated article: the original beside its translation, paragraph by paragraph.

Quotes are highlighted in the original (where they were found) and, where the translation of a
quote can be found in the translated paragraph, there too; each highlight links to its quote
card. The first mention of each actor in a paragraph links to the actor's page (every mention
would be noise: NATO three times in a paragraph). On a narrow screen in side-by-side reading,
each paragraph's language is labelled.
"""

from __future__ import annotations

from ..anchor import find_quote, normalize
from ..model import Briefing, Quote
from . import html, urls
from .labels import ENGLISH
from .page import Context

#: (start, end, quote id, whether the mark is the quote's first part)
Mark = tuple[int, int, str, bool]


def render_article(briefing: Briefing, ctx: Context) -> str:
    article = briefing.article
    translation = briefing.translations.get(ENGLISH)
    body = translation.body if translation else ()
    actors = {role.id for role in briefing.actors}
    marks = sorted(
        (start, end, quote.id, part == 0)
        for quote in briefing.quotes
        for part, (start, end) in enumerate(quote.anchor.spans)
    )
    translated_marks = _translated_marks(briefing, body)
    original_tag = _language_tag(briefing.language)
    rows = []
    for number, paragraph in enumerate(article.paragraphs, start=1):
        inside = [m for m in marks if m[0] < paragraph.end and m[1] > paragraph.start]
        original = _annotate(article.text, paragraph.start, paragraph.end, inside, actors, ctx, anchors=True)
        role = " bf-alt bf-orig" if body else ""
        cells = [
            f'<p class="bf-original{role}" lang="{html.text(briefing.language)}">{original_tag}{original}</p>'
        ]
        if number <= len(body):
            text = body[number - 1]
            english = _annotate(text, 0, len(text), translated_marks.get(number - 1, []), set(), ctx)
            cells.append(
                f'<p class="bf-translation bf-alt bf-en" lang="en">{_language_tag(ENGLISH)}{english}</p>'
            )
        rows.append(f'<div class="bf-row" id="p{number}">{"".join(cells)}</div>')
    return f'<div class="bf-article">{"".join(rows)}</div>'


def _language_tag(code: str) -> str:
    """A small `ID` / `EN` label, shown only on narrow screens in side-by-side reading."""
    return f'<span class="bf-lang-tag" aria-hidden="true">{html.text(code.upper())}</span>'


def _translated_marks(briefing: Briefing, body: tuple[str, ...]) -> dict[int, list[Mark]]:
    """Where each quote's English translation is found in the translated paragraph that holds the
    original (paragraph index -> marks); a translation worded differently is not marked."""
    paragraphs = briefing.article.paragraphs
    marks: dict[int, list[Mark]] = {}
    for quote in briefing.quotes:
        index = next((i for i, p in enumerate(paragraphs) if p.start <= quote.anchor.start < p.end), None)
        translated = quote.translations.get(ENGLISH)
        if index is None or index >= len(body) or not translated:
            continue
        spans = _find(body[index], translated)
        marks.setdefault(index, []).extend((start, end, quote.id, False) for start, end in spans)
    return {index: sorted(found) for index, found in marks.items()}


def _find(paragraph: str, quote_text: str) -> tuple[tuple[int, int], ...]:
    search = find_quote(normalize(paragraph), quote_text.strip().rstrip(" ,;:"))
    return search.anchors[0].spans if len(search.anchors) == 1 else ()


def _annotate(
    text: str,
    start: int,
    end: int,
    marks: list[Mark],
    actors: set[str],
    ctx: Context,
    *,
    anchors: bool = False,
) -> str:
    """Text with quotes highlighted (linked to their cards) and first mentions of actors linked."""
    out, cursor = [], start
    linked: set[str] = set()
    for mark_start, mark_end, quote_id, first in marks:
        mark_start, mark_end = max(mark_start, start), min(mark_end, end)
        if mark_start < cursor:  # overlapping quotes: the earlier highlight wins
            continue
        out.append(_with_mentions(text[cursor:mark_start], actors, linked, ctx))
        anchor = f' id="text-{quote_id}"' if first and anchors else ""
        out.append(
            f'<a class="bf-mark" href="#quote-{quote_id}"{anchor}><mark>{html.text(text[mark_start:mark_end])}</mark></a>'
        )
        cursor = mark_end
    out.append(_with_mentions(text[cursor:end], actors, linked, ctx))
    return "".join(out)


def _with_mentions(segment: str, actors: set[str], linked: set[str], ctx: Context) -> str:
    """The segment with the first mention of each actor (not yet linked in this paragraph) linked."""
    out, cursor = [], 0
    for mention in ctx.mentions.find(segment, actors - linked):
        if mention.actor in linked:
            continue
        out.append(html.text(segment[cursor : mention.start]))
        label = html.text(segment[mention.start : mention.end])
        out.append(ctx.link(urls.actor(mention.actor), label, css="bf-mention"))
        linked.add(mention.actor)
        cursor = mention.end
    out.append(html.text(segment[cursor:]))
    return "".join(out)


def quote_paragraph(briefing: Briefing, quote: Quote) -> int:
    """The number (from 1) of the paragraph a quote starts in."""
    paragraphs = briefing.article.paragraphs
    return next((i for i, p in enumerate(paragraphs, start=1) if p.start <= quote.anchor.start < p.end), 1)
