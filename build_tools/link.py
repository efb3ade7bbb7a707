"""Link stage: inverted indexes, related briefings with their reasons (`related`), merged
timelines. Pure functions of a validated corpus."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace

from .model import Briefing, Corpus, DatedEvent, Quote
from .related import RELATED_LIMIT, Postings, Related, related_briefings, updated_related
from .statements import statement_groups

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
    """The indexes of `corpus`; with the corpus and index of a previous run (a preview's last
    build), related briefings are rescored only where an edit can change them, and the other
    indexes are kept when no edit changed what they are made of (`_indexed`)."""
    if previous is not None and _same_indexed(previous[0], corpus):
        old = previous[1]
        terms = Postings(old.by_story, old.by_actor, old.by_speaker, old.by_topic)
        related = updated_related(old.related, previous[0], corpus, terms, limit)
        if related is not None:
            return replace(old, related=related)
    briefings = corpus.briefings
    newest = sorted(briefings.values(), key=_newest_order, reverse=True)
    by_date = tuple(b.slug for b in newest)
    by_actor = postings(newest, lambda b: [role.id for role in b.actors])
    by_topic = postings(newest, lambda b: b.topics)
    oldest = list(reversed(newest))
    by_story = postings(oldest, lambda b: [b.story] if b.story else [])
    timeline = _timeline(oldest)
    by_speaker = postings(newest, lambda b: [q.speaker for q in b.quotes if q.speaker])
    terms = Postings(by_story, by_actor, by_speaker, by_topic)
    related = None
    if previous is not None:
        related = updated_related(previous[1].related, previous[0], corpus, terms, limit)
    return SiteIndex(
        by_date=by_date,
        by_actor=by_actor,
        by_story=by_story,
        by_topic=by_topic,
        quotes_by_actor=_quotes_by_actor(newest),
        events_by_actor=_group_events(timeline, lambda e: e.event.actors),
        events_by_story=_group_events(timeline, lambda e: _story_of(briefings[e.briefing])),
        timeline=timeline,
        related=related_briefings(corpus, terms, limit) if related is None else related,
        renamed={old: b.slug for b in newest for old in b.renamed_from},
        by_outlet=postings(newest, lambda b: [b.source.outlet] if b.source.outlet else []),
        credited_by=postings(newest, lambda b: b.source.credits),
        statements=statement_groups(briefings),
        by_speaker=by_speaker,
    )


def _indexed(briefing: Briefing) -> tuple[object, ...]:
    """What of a briefing the indexes other than related briefings are made of (not its title,
    summary or translations, which the pages read from the corpus)."""
    b = briefing
    return (b.published, b.actors, b.topics, b.story, b.dates, b.quotes, b.renamed_from, b.source)


def _same_indexed(old: Corpus, new: Corpus) -> bool:
    """Whether `new` has the same briefings as `old`, each the same object or with the same
    `_indexed` (a title or summary edit in a preview)."""
    if old.briefings.keys() != new.briefings.keys():
        return False
    before = old.briefings
    return all(
        b is before[slug] or _indexed(b) == _indexed(before[slug]) for slug, b in new.briefings.items()
    )


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
