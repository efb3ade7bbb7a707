"""Link stage: inverted indexes, related briefings with their reasons (`related`), merged
timelines. Pure functions of a validated corpus."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import TypeVar

from .model import Briefing, Corpus, DatedEvent, Quote
from .related import RELATED_LIMIT, Postings, Related, related_briefings, updated_related
from .statements import statement_groups

T = TypeVar("T")

__all__ = ["RELATED_LIMIT", "EventEntry", "QuoteEntry", "Related", "SiteIndex", "build_index", "postings"]


@dataclass(frozen=True)
class EventEntry:
    """A dated event with the briefing that reports it."""

    event: DatedEvent
    briefing: str
    index: int  # position of the event in its briefing, for stable anchors


@dataclass(frozen=True)
class QuoteEntry:
    quote: Quote
    briefing: str


@dataclass(frozen=True)
class SiteIndex:
    """Everything the pages need beyond a single briefing."""

    by_date: tuple[str, ...]  # briefing slugs, newest first
    by_actor: Mapping[str, tuple[str, ...]]  # actor -> briefings featuring it, newest first
    by_story: Mapping[str, tuple[str, ...]]  # story -> briefings, oldest first (reading order)
    by_topic: Mapping[str, tuple[str, ...]]  # topic -> briefings, newest first
    quotes_by_actor: Mapping[str, tuple[QuoteEntry, ...]]  # newest briefing first, then in its order
    events_by_actor: Mapping[str, tuple[EventEntry, ...]]
    events_by_story: Mapping[str, tuple[EventEntry, ...]]
    timeline: tuple[EventEntry, ...]
    related: Mapping[str, tuple[Related, ...]] = field(default_factory=dict)
    renamed: Mapping[str, str] = field(default_factory=dict)  # a former slug -> the briefing's slug now
    by_outlet: Mapping[str, tuple[str, ...]] = field(
        default_factory=dict
    )  # outlet -> its briefings, newest first
    credited_by: Mapping[str, tuple[str, ...]] = field(
        default_factory=dict
    )  # outlet -> briefings crediting it
    statements: Mapping[str, str] = field(default_factory=dict)
    """`briefing#quote` -> the key of the statement it reports (`statements.statement_groups`)."""
    by_speaker: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """speaker -> briefings quoting them, newest first (related briefings are scored through it)"""


def build_index(
    corpus: Corpus, limit: int = RELATED_LIMIT, previous: tuple[Corpus, SiteIndex] | None = None
) -> SiteIndex:
    """The indexes of `corpus`. With the corpus and index of a previous run (a preview's last
    build), an index is kept when no edit changed the fields of the briefings it is made of (a
    title or summary edit keeps them all; a moved date makes only the timelines again), and
    related briefings are rescored only where an edit can change them."""
    briefings = corpus.briefings
    edited = _edited_fields(previous[0], corpus) if previous is not None else None
    old = previous[1] if previous is not None and edited is not None else None

    def index(fields: tuple[str, ...], kept: Callable[[SiteIndex], T], make: Callable[[], T]) -> T:
        """The previous run's index when no edit changed `fields`, else made again."""
        if old is not None and edited is not None and edited.isdisjoint(fields):
            return kept(old)
        return make()

    @cache
    def newest() -> list[Briefing]:
        return sorted(briefings.values(), key=_newest_order, reverse=True)

    @cache
    def timeline() -> tuple[EventEntry, ...]:
        return index(("dates",), lambda i: i.timeline, lambda: _timeline(briefings.values()))

    by_actor = index(("published", "actors"), lambda i: i.by_actor, lambda: postings(newest(), _actor_ids))
    by_topic = index(("published", "topics"), lambda i: i.by_topic, lambda: postings(newest(), _topics))
    by_story = index(
        ("published", "story"), lambda i: i.by_story, lambda: postings(reversed(newest()), _story_of)
    )
    by_speaker = index(("published", "quotes"), lambda i: i.by_speaker, lambda: postings(newest(), _speakers))
    terms = Postings(by_story, by_actor, by_speaker, by_topic)
    related = None
    if previous is not None:
        related = updated_related(previous[1].related, previous[0], corpus, terms, limit)
    return SiteIndex(
        by_date=index(("published",), lambda i: i.by_date, lambda: tuple(b.slug for b in newest())),
        by_actor=by_actor,
        by_story=by_story,
        by_topic=by_topic,
        quotes_by_actor=index(
            ("published", "quotes"), lambda i: i.quotes_by_actor, lambda: _quotes_by_actor(newest())
        ),
        events_by_actor=index(
            ("dates",),
            lambda i: i.events_by_actor,
            lambda: _group_events(timeline(), lambda e: e.event.actors),
        ),
        events_by_story=index(
            ("dates", "story"),
            lambda i: i.events_by_story,
            lambda: _group_events(timeline(), lambda e: _story_of(briefings[e.briefing])),
        ),
        timeline=timeline(),
        related=related_briefings(corpus, terms, limit) if related is None else related,
        renamed=index(
            ("published", "renamed_from"),
            lambda i: i.renamed,
            lambda: {former: b.slug for b in newest() for former in b.renamed_from},
        ),
        by_outlet=index(("published", "source"), lambda i: i.by_outlet, lambda: postings(newest(), _outlet)),
        credited_by=index(
            ("published", "source"), lambda i: i.credited_by, lambda: postings(newest(), _credits)
        ),
        statements=index(("quotes",), lambda i: i.statements, lambda: statement_groups(briefings)),
        by_speaker=by_speaker,
    )


#: the fields of a briefing the indexes are made of (its title, summary and translations are not:
#: the pages read those from the corpus)
INDEXED_FIELDS = ("published", "actors", "topics", "story", "dates", "quotes", "renamed_from", "source")


def _edited_fields(old: Corpus, new: Corpus) -> frozenset[str] | None:
    """The indexed fields an edit from `old` to `new` changed in some briefing, or None when
    briefings were added or removed (every index is made again). An unchanged briefing is the
    same object in both (in a preview), so only the edited ones are compared."""
    if old.briefings.keys() != new.briefings.keys():
        return None
    before = old.briefings
    return frozenset(
        name
        for slug, briefing in new.briefings.items()
        if briefing is not before[slug]
        for name in INDEXED_FIELDS
        if getattr(briefing, name) != getattr(before[slug], name)
    )


def _actor_ids(briefing: Briefing) -> list[str]:
    return [role.id for role in briefing.actors]


def _topics(briefing: Briefing) -> tuple[str, ...]:
    return briefing.topics


def _speakers(briefing: Briefing) -> list[str]:
    return [quote.speaker for quote in briefing.quotes if quote.speaker]


def _outlet(briefing: Briefing) -> list[str]:
    return [briefing.source.outlet] if briefing.source.outlet else []


def _credits(briefing: Briefing) -> tuple[str, ...]:
    return briefing.source.credits


def _story_of(briefing: Briefing) -> tuple[str, ...]:
    return (briefing.story,) if briefing.story else ()


def postings(
    ordered: Iterable[Briefing], terms_of: Callable[[Briefing], Iterable[str]]
) -> dict[str, tuple[str, ...]]:
    """term -> the briefings that have it, in the order given."""
    postings: dict[str, list[str]] = defaultdict(list)
    for briefing in ordered:
        for term in dict.fromkeys(terms_of(briefing)):
            postings[term].append(briefing.slug)
    return {term: tuple(slugs) for term, slugs in postings.items()}


def _timeline(ordered: Iterable[Briefing]) -> tuple[EventEntry, ...]:
    entries = [
        EventEntry(event, briefing.slug, index)
        for briefing in ordered
        for index, event in enumerate(briefing.dates)
    ]
    return tuple(sorted(entries, key=_event_order))


def _event_order(entry: EventEntry) -> tuple[int, int, int, int, int, int, str, int]:
    """Chronological; an undated day or month sorts before the days inside it, then by end. (The
    dates' numbers, not the dates: comparing these tuples does not call Python code.)"""
    span = entry.event.date
    start, end = span.start, span.end or span.start
    return (start.year, start.month, start.day, end.year, end.month, end.day, entry.briefing, entry.index)


def _newest_order(briefing: Briefing) -> tuple[int, int, int, str]:
    published = briefing.published
    return (published.year, published.month, published.day, briefing.slug)


def _group_events(
    timeline: Iterable[EventEntry], keys_of: Callable[[EventEntry], Iterable[str]]
) -> dict[str, tuple[EventEntry, ...]]:
    groups: dict[str, list[EventEntry]] = defaultdict(list)
    for entry in timeline:
        for key in dict.fromkeys(keys_of(entry)):
            groups[key].append(entry)
    return {key: tuple(entries) for key, entries in groups.items()}


def _quotes_by_actor(ordered: Iterable[Briefing]) -> dict[str, tuple[QuoteEntry, ...]]:
    groups: dict[str, list[QuoteEntry]] = defaultdict(list)
    for briefing in ordered:
        for quote in briefing.quotes:
            if quote.speaker:
                groups[quote.speaker].append(QuoteEntry(quote, briefing.slug))
    return {actor: tuple(entries) for actor, entries in groups.items()}
