"""Quote anchoring, part of the validate stage: each quote of a briefing found verbatim in its
article (elisions allowed), at the occurrence it names, or a problem that shows the closest
passage and how it differs.

The searches are remembered in the run's cache by article digest and quote text, so a preview
rebuild searches again only for quotes that changed.
"""

from __future__ import annotations

from collections.abc import Callable

from .anchor import NormalizedText, QuoteSearch, find_quote, quote_parts
from .cache import Cache
from .explain import clip_around, first_difference, quote_differences
from .limits import MAX_OCCURRENCE, SUGGESTIONS_PER_FILE
from .model import Article, BriefingRecord, Quote, QuoteRecord, TextQuoteAnchor
from .positions import line_at, position_at
from .yamlstrict import JsonPath

#: reports a problem at a place of the briefing's tree: (where, message, rule)
Report = Callable[[JsonPath, str, str], None]


def anchor_quotes(
    record: BriefingRecord,
    article: Article,
    normalized: tuple[bytes, NormalizedText],
    cache: Cache,
    report: Report,
) -> tuple[Quote, ...] | None:
    """Every quote with its anchor, or None when one of them cannot be placed (each reported).

    `normalized` is the article's digest and normalized text. Only the first
    SUGGESTIONS_PER_FILE quotes not found get a closest passage (each a fuzzy search of the
    whole article); the others are counted in one problem."""
    digest, text = normalized
    anchored: list[Quote] = []
    suggested = 0
    unsuggested: list[int] = []
    for index, quote in enumerate(record.quotes):
        search = cache.remember("quotes", (digest, quote.text), find_quote, text, quote.text, False)
        if search.occurrences == 0 and quote_parts(quote.text):
            if suggested == SUGGESTIONS_PER_FILE:
                unsuggested.append(index)
                continue
            suggested += 1
            search = cache.remember("quotes", (digest, quote.text, True), find_quote, text, quote.text)
        anchor = _pick_occurrence(["quotes", index], quote, search, article, report)
        if anchor is not None:
            anchored.append(Quote.anchored(quote, anchor))
    if unsuggested:
        count = len(unsuggested)
        message = (
            f"{count} more quote{'s' if count != 1 else ''} not found in {article.path} (closest "
            f"passages are shown for the first {SUGGESTIONS_PER_FILE}); fix those and validate again"
        )
        report(["quotes", unsuggested[0], "text"], message, "quote")
    return tuple(anchored) if len(anchored) == len(record.quotes) else None


def _pick_occurrence(
    where: JsonPath, quote: QuoteRecord, search: QuoteSearch, article: Article, report: Report
) -> TextQuoteAnchor | None:
    found = search.occurrences
    if found == 0:
        report([*where, "text"], _not_found_message(quote, search, article), "quote")
        return None
    if quote.occurrence is None and found > 1:
        lines = ", ".join(str(line_at(article.text, a.start)) for a in search.anchors[:5])
        message = (
            f"quote occurs {found} times in {article.path} (lines {lines}); "
            f'add occurrence: "1" to "{min(found, MAX_OCCURRENCE)}" to say which one is meant'
        )
        report([*where, "text"], message, "quote")
        return None
    chosen = quote.occurrence or 1
    if chosen > found:
        times = "time" if found == 1 else "times"
        message = f"occurrence {chosen} asked for, but the quote occurs {found} {times} in {article.path}"
        report([*where, "occurrence"], message, "quote")
        return None
    if chosen > MAX_OCCURRENCE:
        message = (
            f"occurrence {chosen} asked for, but only the first {MAX_OCCURRENCE} of a quote's "
            f"{found} occurrences can be chosen; quote a longer passage"
        )
        report([*where, "occurrence"], message, "quote")
        return None
    return search.anchors[chosen - 1]


def _not_found_message(quote: QuoteRecord, search: QuoteSearch, article: Article) -> str:
    suggestion = search.suggestion
    if suggestion is None:
        return "quote text is empty once elisions are removed"
    passage = article.text[suggestion.start : suggestion.end]
    at = position_at(article.text, suggestion.start)
    where = f"{article.path}:{at.line}:{at.column}, {suggestion.similarity:g}% similar"
    if suggestion.missing_part is not None:
        yours = suggestion.missing_part
        head = f"part {_clip(yours)!r} of this elided quote is not in the article after the parts before it"
    else:
        yours = quote.text
        head = "quote not found in the article"
    shown = clip_around(passage, first_difference(yours, passage))
    differences = quote_differences(yours, passage)
    return (
        f"{head}; closest passage ({where}): {shown!r}"
        + (f"; {differences}" if differences else "")
        + "; copy the article's wording exactly"
    )


def _clip(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."
