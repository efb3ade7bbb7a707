"""Search documents: what the search index holds for each page, one document per language.

The index is built from the data, not from the published HTML, so it holds the page's own texts
and none of its chrome (navigation, labels, buttons) or lists of metadata. Each page gives one
document per language it has text in (the English one, and one in the article's own language), so
that the search engine stems each text by the rules of its language; `search.py` writes one index
per language and the search page queries them together, showing each result once.

A document is the page's passages in one language, each in an element with the id the passage
has on the page (`summary`, `p3`, `quote-x`, `event-2`): the search page finds the passage with
the matched words among them, shows it as the excerpt and links to it, and a result whose passage
is a quote is shown as that quote (its speakers are listed, in the order of the quotes, in the
`speakers` field). Every id written here exists on the page. Quotes weigh more than the rest, so
that a phrase someone said ranks its briefing above the same words scattered elsewhere, and opens
the quote rather than the paragraph that also holds it.

The title and other names are metadata: Pagefind searches them (with the weights of
`SEARCHED_META`), and the page's text never repeats them, so an excerpt is always a passage.
Every other metadata field (the titles in each language for the reading language, kind, outlet,
date, speakers) is for display: Pagefind searches metadata too, so the search page gives those
fields no weight and drops results that matched nothing else. Quotes are not documents of their
own: every document costs each reader a few bytes of the index's list of documents, and quotes
would more than double it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from ..model import Localized
from . import html
from .labels import ENGLISH

#: relative weights of passages (Pagefind's `data-pagefind-weight`, 0 to 10, applied squared)
QUOTE_WEIGHT = 2.0
PASSAGE_WEIGHT = 1.0
NOTE_WEIGHT = 0.3
#: metadata searched as text, and how much a match there counts (Pagefind's `metaWeights`): an
#: actor's name above a title that mentions it, a title (Pagefind's default) above other names
SEARCHED_META = {"name": 8.0, "title": 5.0, "names": 4.0}
#: metadata shown by the search page, which a match must not rank (nor, alone, select)
DISPLAY_META = (
    "title_en",
    "title_orig",
    "orig",
    "kind",
    "outlet",
    "date",
    "speakers",
    "briefings",
    "actor_kind",
)
#: the search page's ranking options for Pagefind (https://pagefind.app/docs/ranking/)
RANKING: dict[str, object] = {"metaWeights": SEARCHED_META | dict.fromkeys(DISPLAY_META, 0.0)}


@dataclass(frozen=True)
class SearchDocument:
    url: str  # site-relative URL of the page, as `Links.url` gives it
    language: str
    html: str


@dataclass(frozen=True)
class Passage:
    """A part of a page a result can open: its id on the page ('' for the page itself, when it
    has no better place) and its text in each language, with notes about it (a quote's context)."""

    anchor: str
    texts: Localized
    weight: float = PASSAGE_WEIGHT
    notes: Localized = field(default_factory=dict)


@dataclass(frozen=True)
class SearchFields:
    """What a page puts in the index, before it is split by language."""

    title: Localized
    original: str | None = None
    """The page's original language (its title there is the one the "original" reading shows)."""
    passages: tuple[Passage, ...] = ()
    name: str = ""
    """The name of what the page is about (an actor), searched above any title."""
    names: tuple[str, ...] = ()
    """Other names of what the page is about (an actor's aliases), searched like a title."""
    meta: Mapping[str, str] = field(default_factory=dict)
    filters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


def speakers(names: Sequence[str]) -> str:
    """The `speakers` field: who said each quote, in the order of the quotes' passages."""
    return json.dumps(list(names), ensure_ascii=False)


def documents(url: str, fields: SearchFields) -> Iterator[SearchDocument]:
    """The page's documents, one per language."""
    display = _display_titles(fields)
    languages = {ENGLISH} | set(fields.title)
    for passage in fields.passages:
        languages.update(language for language, text in passage.texts.items() if text)
    for language in sorted(languages):
        body = "".join(_passage(passage, language) for passage in fields.passages)
        title = "" if fields.name else _title(fields.title, language)  # a name is searched as a name
        yield SearchDocument(url, language, _html(language, title, body, fields, display))


def _display_titles(fields: SearchFields) -> dict[str, str]:
    """The titles the search page shows, by the reader's reading language."""
    display = {"title_en": _title(fields.title, ENGLISH)}
    original = fields.title.get(fields.original or "")
    if fields.original and fields.original != ENGLISH and original:
        display |= {"title_orig": original, "orig": fields.original}
    return display


def _title(titles: Localized, language: str) -> str:
    return titles.get(language) or titles.get(ENGLISH) or next(iter(titles.values()), "")


def _html(language: str, title: str, body: str, fields: SearchFields, display: Mapping[str, str]) -> str:
    """One document: its text, then (outside the indexed text) its metadata and filters."""
    meta = {"title": title, "name": fields.name, "names": " · ".join(fields.names), **display, **fields.meta}
    return "".join((
        f'<!DOCTYPE html><html lang="{html.text(language)}"><head><meta charset="utf-8"></head><body>',
        body,
        "<div data-pagefind-ignore>",
        *(_tagged("data-pagefind-meta", name, [value]) for name, value in meta.items()),
        *(_tagged("data-pagefind-filter", name, values) for name, values in fields.filters.items()),
        "</div></body></html>",
    ))  # fmt: skip


def _passage(passage: Passage, language: str) -> str:
    """The passage's text in `language`, in an element with its id (none if it has no text there)."""
    text, notes = passage.texts.get(language, ""), passage.notes.get(language, "")
    if not text:
        return ""
    anchor = f' id="{passage.anchor}"' if passage.anchor else ""
    if not notes:
        return f"<p{anchor}{_weight(passage.weight)}>{html.text(text)}</p>"
    return (
        f"<figure{anchor}><p{_weight(passage.weight)}>{html.text(text)}</p>"
        f"<p{_weight(NOTE_WEIGHT)}>{html.text(notes)}</p></figure>"
    )


def _weight(weight: float) -> str:
    return "" if weight == PASSAGE_WEIGHT else f' data-pagefind-weight="{weight:g}"'


def _tagged(attribute: str, name: str, values: Iterable[str]) -> str:
    return "".join(f'<span {attribute}="{name}">{html.text(value)}</span>' for value in values if value)
