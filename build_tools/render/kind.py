"""What a page kind declares, in one place: its items, its address, how it renders, what it puts
in the search index and in a feed, whether the navigation lists it, and what it shows.

"What it shows" (`shows`) is a value built from every piece of data the page displays (the
records themselves, not their rendering); two builds whose values are equal render the same page.
Dirty rebuilds compare these values to know which pages an edit changes, so a new kind is kept up
to date by declaring its `shows`, not by teaching another module about it. A kind whose `shows`
is None (the index pages: small, but they summarise everything) is regenerated on every rebuild.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from functools import cached_property

from ..link import EventEntry, SiteIndex
from ..model import Corpus
from .labels import ENGLISH
from .mentions import MentionFinder
from .page import Context, Page
from .search import SearchFields


@dataclass(frozen=True)
class SiteData:
    """The validated corpus and its indexes: everything a page can show."""

    corpus: Corpus
    index: SiteIndex

    @cached_property
    def mentions(self) -> MentionFinder:
        return MentionFinder(self.corpus.actors.values())

    @cached_property
    def briefings_by_year(self) -> dict[int, list[str]]:
        """The briefings newest first (`index.by_date`), grouped by the year of publication: the
        year pages each take theirs without a scan of every briefing."""
        groups: dict[int, list[str]] = {}
        for slug in self.index.by_date:
            groups.setdefault(self.corpus.briefings[slug].published.year, []).append(slug)
        return groups

    @cached_property
    def events_by_year(self) -> dict[int, list[EventEntry]]:
        """The timeline's events, in order, grouped by the year they start in."""
        groups: dict[int, list[EventEntry]] = {}
        for entry in self.index.timeline:
            groups.setdefault(entry.event.date.start.year, []).append(entry)
        return groups

    @cached_property
    def original_language(self) -> str | None:
        """The articles' most common language other than English: the "original" of the pages
        that are not one briefing's (None when every article is in English)."""
        counts = Counter(b.language for b in self.corpus.briefings.values() if b.language != ENGLISH)
        return max(sorted(counts), key=lambda code: counts[code]) if counts else None


@dataclass(frozen=True)
class FeedSpec:
    """A feed that follows a page: its newest briefings in Atom and RSS (`render.feeds`)."""

    path: str  # site-relative, without the format's extension: `feeds/all`
    key: str  # what its permanent id is derived from: `feed:all`
    title: str
    subtitle: str
    page: str  # src_uri of the page it follows
    slugs: tuple[str, ...]  # its briefings, in any order (the newest are kept)


#: the key of a kind with one page (home, an index)
SINGLE = ""


@dataclass(frozen=True)
class PageKind:
    name: str
    items: Callable[[SiteData], Iterable[str]]
    """The keys of its pages (ids, years; `SINGLE` for a kind with one page)."""
    uri: Callable[[str], str]
    """A key -> the page's src_uri, e.g. `briefings/<slug>.md`."""
    render: Callable[[str, SiteData, Context], Page]
    shows: Callable[[str, SiteData], Hashable] | None = None
    search: Callable[[str, SiteData], SearchFields] | None = None
    feed: Callable[[str, SiteData, str], FeedSpec] | None = None
    """A key, the data and the site's name -> the feed that follows the page."""
    section: bool = False
    """Listed in the navigation (by the title mkdocs.yml gives it); the others are left out of it."""


def single(uri: str) -> tuple[Callable[[SiteData], Iterable[str]], Callable[[str], str]]:
    """`items` and `uri` of a kind with one page at `uri`."""
    return (lambda _data: (SINGLE,)), (lambda _key: uri)
