"""Search documents: what the search index holds for each page, one document per language.

The index is built from the data, not from the published HTML, so it holds the page's own texts
and none of its chrome (navigation, labels, buttons) or lists of metadata. Each page gives one
document per language it has text in (the English one, and one in the article's own language), so
that the search engine stems each text by the rules of its language; `search.py` writes one index
per language and the search page queries them together, showing each result once.

A document is the page's passages in one language, each in an element with the id the passage
has on the page (`summary`, `p3`, `event-2`): the search page finds the passage with the matched
words among them, shows it as the excerpt and links to it. Passages that are results of their own
(a briefing's quotes) get documents of their own, addressed `page#anchor`, so that a phrase
someone said ranks and opens as that quote. Every id written here exists on the page.

The title and other names are metadata: Pagefind searches them (`title` with its default boost,
`names` with `NAMES_WEIGHT` set by the search page), and the page's text never repeats them, so an
excerpt is always a passage. Every other metadata field (the titles in each language for the
reading language, kind, outlet, date, speaker) is for display: Pagefind searches metadata too, so
the search page gives those fields no weight and drops results that matched nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
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
    "speaker",
    "briefings",
    "actor_kind",
)
#: the search page's ranking options for Pagefind (https://pagefind.app/docs/ranking/)
RANKING: dict[str, object] = {"metaWeights": SEARCHED_META | dict.fromkeys(DISPLAY_META, 0.0)}


@dataclass(frozen=True)
class SearchDocument:
    url: str
    """Site-relative address of what a result opens, as `Links.url` gives it: a page
    (`briefings/x/`) or, for a passage with documents of its own, a place on it (`briefings/x/#quote-y`)."""
    language: str
    html: str


@dataclass(frozen=True)
class Passage:
    """A part of a page a result can open: its id on the page and its text in each language."""

    anchor: str
    texts: Localized
    weight: float = PASSAGE_WEIGHT


@dataclass(frozen=True)
class OwnResult:
    """A passage that is a result of its own (a quote): documents of its own at `page#anchor`,
    in each language of `texts`, with the page's title, metadata and filters, updated by `meta`
    and `filters`."""

    anchor: str
    texts: Localized
    notes: Localized = field(default_factory=dict)
    meta: Mapping[str, str] = field(default_factory=dict)
    filters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


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
    sort: Mapping[str, str] = field(default_factory=dict)
    own: tuple[OwnResult, ...] = ()


def documents(url: str, fields: SearchFields) -> Iterator[SearchDocument]:
    """The page's documents, one per language, then those of its passages with results of their own."""
    display = _display_titles(fields)
    languages = {ENGLISH} | set(fields.title)
    for passage in fields.passages:
        languages.update(language for language, text in passage.texts.items() if text)
    for language in sorted(languages):
        body = "".join(_passage(p.anchor, p.texts.get(language, ""), p.weight) for p in fields.passages)
        title = "" if fields.name else _title(fields.title, language)  # a name is searched as a name
        yield SearchDocument(url, language, _html(language, title, body, fields, display))
    for own in fields.own:
        yield from _own_documents(url, fields, own, display)


def _own_documents(
    url: str, fields: SearchFields, own: OwnResult, display: Mapping[str, str]
) -> Iterator[SearchDocument]:
    meta = {**fields.meta, **own.meta}
    filters = {**fields.filters, **own.filters}
    page = SearchFields(fields.title, fields.original, meta=meta, filters=filters, sort=fields.sort)
    for language, text in sorted(own.texts.items()):
        if not text:
            continue
        texts = _paragraph(text, QUOTE_WEIGHT) + _paragraph(own.notes.get(language, ""), NOTE_WEIGHT)
        body = f'<figure id="{own.anchor}">{texts}</figure>'
        yield SearchDocument(f"{url}#{own.anchor}", language, _html(language, "", body, page, display))


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
        *(_tagged("data-pagefind-sort", name, [value]) for name, value in fields.sort.items()),
        "</div></body></html>",
    ))  # fmt: skip


def _passage(anchor: str, text: str, weight: float) -> str:
    if not text:
        return ""
    anchor_id = f' id="{anchor}"' if anchor else ""
    return f"<p{anchor_id}{_weight(weight)}>{html.text(text)}</p>"


def _paragraph(text: str, weight: float) -> str:
    return f"<p{_weight(weight)}>{html.text(text)}</p>" if text else ""


def _weight(weight: float) -> str:
    return "" if weight == PASSAGE_WEIGHT else f' data-pagefind-weight="{weight:g}"'


def _tagged(attribute: str, name: str, values: Iterable[str]) -> str:
    return "".join(f'<span {attribute}="{name}">{html.text(value)}</span>' for value in values if value)
