"""Which pages an edit changes: what `mkdocs serve --dirty` regenerates after a save.

Given the corpus and indexes before and after an edit, `affected_pages` names every generated page
whose content may differ, from what each page kind shows:

- a briefing page: its briefing; its related list (titles, outlets, dates of the others, the
  reasons); its place in the story thread; the names of the actors, story and topics it cites.
- an actor page: the briefings featuring the actor, their quotes and events.
- a story page and a topic page: their briefings (and, for a story, their events).
- a timeline or archive page of a year: the events or briefings of that year.
- home, the index pages and the search page: always regenerated (a few pages).

A changed registry entry (actor, story, topic) can show on any page (names, mention links), so it
regenerates everything, as does a change in how a long list is split into pages. The property
test in tests/test_affected.py checks, over random edits, that every page whose full render
differs is named here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TypeVar

from ..link import Related, SiteIndex
from ..model import Corpus
from . import urls
from .components import group_by_year
from .indexes import PAGE_SIZE

K = TypeVar("K")
V = TypeVar("V")
#: pages every rebuild regenerates: they summarise the whole site
ALWAYS = (
    urls.HOME,
    urls.BRIEFINGS_INDEX,
    urls.ACTORS_INDEX,
    urls.STORIES_INDEX,
    urls.TOPICS_INDEX,
    urls.TIMELINE,
    urls.SEARCH,
)


def affected_pages(before: tuple[Corpus, SiteIndex], after: tuple[Corpus, SiteIndex]) -> set[str] | None:
    """The src_uris of the pages to regenerate after an edit (including pages the edit removed,
    which render_site then no longer returns); None means every page."""
    (old, old_index), (new, new_index) = before, after
    if old.actors != new.actors or old.stories != new.stories or old.topics != new.topics:
        return None
    if _split(old_index) != _split(new_index):
        return None
    edited = _changed_keys(old.briefings, new.briefings)
    pages = set(ALWAYS)

    def briefing_pages(slugs: Iterable[str]) -> None:
        pages.update(urls.briefing(slug) for slug in slugs)

    briefing_pages(edited)
    briefing_pages(_changed_keys(_shown(old_index.related), _shown(new_index.related)))
    for index in (old_index, new_index):
        briefing_pages(s for s, related in index.related.items() if any(r.slug in edited for r in related))
    for story in _changed_keys(old_index.by_story, new_index.by_story):
        briefing_pages(old_index.by_story.get(story, ()))  # "(3 of 7)" and previous/next move
        briefing_pages(new_index.by_story.get(story, ()))

    def touched(before_map: Mapping[str, tuple], after_map: Mapping[str, tuple], slugs_of) -> set[str]:
        """Keys whose entry changed or lists an edited briefing."""
        keys = set(_changed_keys(before_map, after_map))
        for mapping in (before_map, after_map):
            keys.update(k for k, entries in mapping.items() if any(slugs_of(e) & edited for e in entries))
        return keys

    def slug_only(entry: str) -> set[str]:
        return {entry}

    def of_entry(entry) -> set[str]:
        return {entry.briefing}

    for actor in (
        touched(old_index.by_actor, new_index.by_actor, slug_only)
        | touched(old_index.quotes_by_actor, new_index.quotes_by_actor, of_entry)
        | touched(old_index.events_by_actor, new_index.events_by_actor, of_entry)
    ):
        pages.add(urls.actor(actor))
    for story in touched(old_index.by_story, new_index.by_story, slug_only) | touched(
        old_index.events_by_story, new_index.events_by_story, of_entry
    ):
        pages.add(urls.story(story))
    for topic in touched(old_index.by_topic, new_index.by_topic, slug_only):
        pages.add(urls.topic(topic))

    if len(new_index.by_date) > PAGE_SIZE:
        old_years = group_by_year(old_index.by_date, old.briefings)
        new_years = group_by_year(new_index.by_date, new.briefings)
        for year in touched(_str_keys(old_years), _str_keys(new_years), slug_only):
            pages.add(urls.archive(int(year)))
    if len(new_index.timeline) > PAGE_SIZE:
        old_events = _events_by_year(old_index)
        new_events = _events_by_year(new_index)
        for year in touched(old_events, new_events, of_entry):
            pages.add(urls.timeline_year(int(year)))
    return pages


def _changed_keys(before: Mapping[K, V], after: Mapping[K, V]) -> set[K]:
    """Keys added, removed or with a different value."""
    return {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}


def _shown(related: Mapping[str, tuple[Related, ...]]) -> dict[str, tuple]:
    """What a page shows of its related briefings: not their scores, which any added briefing
    shifts a little (rarity weights depend on the number of briefings)."""
    return {
        slug: tuple((r.slug, r.reasons, r.editorial) for r in entries) for slug, entries in related.items()
    }


def _split(index: SiteIndex) -> tuple[bool, bool]:
    """Whether the briefing archive and the timeline are split into year pages."""
    return len(index.by_date) > PAGE_SIZE, len(index.timeline) > PAGE_SIZE


def _str_keys(groups: Mapping[int, list[str]]) -> dict[str, tuple[str, ...]]:
    return {str(year): tuple(slugs) for year, slugs in groups.items()}


def _events_by_year(index: SiteIndex) -> dict[str, tuple]:
    years: dict[str, list] = {}
    for entry in index.timeline:
        years.setdefault(str(entry.event.date.start.year), []).append(entry)
    return {year: tuple(entries) for year, entries in years.items()}
