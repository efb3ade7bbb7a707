"""Link stage: inverted indexes, related briefings with their reasons, merged timelines.

Pure functions of a validated corpus. Related briefings follow Hugo's related content: weighted
signals (same story, shared actors, shared topics, shared quoted speakers, closeness in time),
each term weighted by its rarity so that an actor found in every briefing says little; candidates
come from inverted indexes (never from comparing all pairs), and very common terms are not used
to find candidates at all, which keeps the work about linear in the number of briefings.
"""

from __future__ import annotations

import datetime
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .model import Briefing, Corpus, DatedEvent, PartialDate, Quote

# Weights of the signals; a pair must reach MIN_SCORE to be shown.
STORY_WEIGHT = 3.0
ACTOR_WEIGHT = 1.0
QUOTED_WEIGHT = 1.0
TOPIC_WEIGHT = 0.5
TIME_WEIGHT = 0.5
TIME_WINDOW_DAYS = 180
MIN_SCORE = 1.0
RELATED_LIMIT = 5
#: a term found in more briefings than this share is not used to find candidates
COMMON_TERM_SHARE = 0.2
COMMON_TERM_FLOOR = 50


@dataclass(frozen=True)
class Related:
    """Another briefing worth reading next, and why."""

    slug: str
    score: float
    reasons: tuple[str, ...]
    editorial: bool = False


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
    quotes_by_actor: Mapping[str, tuple[QuoteEntry, ...]]
    events_by_actor: Mapping[str, tuple[EventEntry, ...]]
    events_by_story: Mapping[str, tuple[EventEntry, ...]]
    timeline: tuple[EventEntry, ...]
    related: Mapping[str, tuple[Related, ...]] = field(default_factory=dict)


def build_index(corpus: Corpus, limit: int = RELATED_LIMIT) -> SiteIndex:
    briefings = corpus.briefings
    newest = sorted(briefings.values(), key=lambda b: (_date_key(b.published), b.slug), reverse=True)
    by_date = tuple(b.slug for b in newest)
    by_actor = _postings(newest, lambda b: [role.id for role in b.actors])
    by_topic = _postings(newest, lambda b: b.topics)
    oldest = list(reversed(newest))
    by_story = _postings(oldest, lambda b: [b.story] if b.story else [])
    timeline = _timeline(oldest)
    return SiteIndex(
        by_date=by_date,
        by_actor=by_actor,
        by_story=by_story,
        by_topic=by_topic,
        quotes_by_actor=_quotes_by_actor(oldest),
        events_by_actor=_group_events(timeline, lambda e: e.event.actors),
        events_by_story=_group_events(timeline, lambda e: _story_of(briefings[e.briefing])),
        timeline=timeline,
        related=related_briefings(corpus, by_actor, by_topic, by_story, limit),
    )


def _story_of(briefing: Briefing) -> tuple[str, ...]:
    return (briefing.story,) if briefing.story else ()


def _postings(ordered: Iterable[Briefing], terms_of) -> dict[str, tuple[str, ...]]:
    postings: dict[str, list[str]] = defaultdict(list)
    for briefing in ordered:
        for term in dict.fromkeys(terms_of(briefing)):
            postings[term].append(briefing.slug)
    return {term: tuple(slugs) for term, slugs in postings.items()}


def _date_key(date: PartialDate) -> tuple[int, int, int]:
    return (date.year, date.month, date.day)


def _timeline(ordered: Iterable[Briefing]) -> tuple[EventEntry, ...]:
    entries = [
        EventEntry(event, briefing.slug, index)
        for briefing in ordered
        for index, event in enumerate(briefing.dates)
    ]
    return tuple(sorted(entries, key=_event_order))


def _event_order(entry: EventEntry) -> tuple:
    """Chronological; an undated day or month sorts before the days inside it, then by end."""
    span = entry.event.date
    end = span.end or span.start
    return (_date_key(span.start), _date_key(end), entry.briefing, entry.index)


def _group_events(timeline: Iterable[EventEntry], keys_of) -> dict[str, tuple[EventEntry, ...]]:
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


# -- related briefings ------------------------------------------------------------------------


def related_briefings(
    corpus: Corpus,
    by_actor: Mapping[str, tuple[str, ...]],
    by_topic: Mapping[str, tuple[str, ...]],
    by_story: Mapping[str, tuple[str, ...]],
    limit: int = RELATED_LIMIT,
) -> dict[str, tuple[Related, ...]]:
    briefings = corpus.briefings
    total = len(briefings)
    common = max(COMMON_TERM_FLOOR, int(total * COMMON_TERM_SHARE))
    rarity = _Rarity(total, by_actor, by_topic)
    speakers = {slug: {q.speaker for q in b.quotes if q.speaker} for slug, b in briefings.items()}
    result: dict[str, tuple[Related, ...]] = {}
    for slug, briefing in briefings.items():
        candidates: set[str] = set(briefing.related)
        for postings in _candidate_postings(briefing, by_actor, by_topic, by_story, common):
            candidates.update(postings)
        candidates.discard(slug)
        scored = [
            _score(briefing, briefings[other], rarity, speakers, corpus)
            for other in candidates
            if other in briefings
        ]
        kept = [r for r in scored if r.editorial or r.score >= MIN_SCORE]
        kept.sort(key=lambda r: (not r.editorial, -r.score, _distance(briefing, briefings[r.slug]), r.slug))
        result[slug] = tuple(kept[:limit])
    return result


def _candidate_postings(briefing, by_actor, by_topic, by_story, common: int) -> Iterable[tuple[str, ...]]:
    if briefing.story:
        yield by_story.get(briefing.story, ())
    for role in briefing.actors:
        postings = by_actor.get(role.id, ())
        if len(postings) <= common:
            yield postings
    for topic in briefing.topics:
        postings = by_topic.get(topic, ())
        if len(postings) <= common:
            yield postings


@dataclass(frozen=True)
class _Rarity:
    """Inverse document frequency, smoothed so that a term in every briefing still counts a little."""

    total: int
    by_actor: Mapping[str, tuple[str, ...]]
    by_topic: Mapping[str, tuple[str, ...]]

    def actor(self, actor: str) -> float:
        return math.log(1 + self.total / max(1, len(self.by_actor.get(actor, ()))))

    def topic(self, topic: str) -> float:
        return math.log(1 + self.total / max(1, len(self.by_topic.get(topic, ()))))


def _score(a: Briefing, b: Briefing, rarity: _Rarity, speakers, corpus: Corpus) -> Related:
    reasons: list[str] = []
    score = 0.0
    editorial = b.slug in a.related or a.slug in b.related
    if editorial:
        reasons.append("linked by an editor")
    if a.story and a.story == b.story:
        score += STORY_WEIGHT
        reasons.append("same story")
    quoted = sorted(speakers[a.slug] & speakers[b.slug], key=lambda x: (-rarity.actor(x), x))
    if quoted:
        score += QUOTED_WEIGHT * sum(rarity.actor(x) for x in quoted)
        reasons.append("both quote " + _names(quoted, corpus))
    shared = {r.id for r in a.actors} & {r.id for r in b.actors}
    featured = sorted(shared - set(quoted), key=lambda x: (-rarity.actor(x), x))
    score += ACTOR_WEIGHT * sum(rarity.actor(x) for x in shared)
    if featured:
        reasons.append("both feature " + _names(featured, corpus))
    topics = sorted(set(a.topics) & set(b.topics), key=lambda t: (-rarity.topic(t), t))
    if topics:
        score += TOPIC_WEIGHT * sum(rarity.topic(t) for t in topics)
        titles = [corpus.topics[t].title.get("en", t) if t in corpus.topics else t for t in topics[:3]]
        reasons.append("shared topics: " + ", ".join(titles) + (" and more" if len(topics) > 3 else ""))
    days = _distance(a, b)
    if days <= TIME_WINDOW_DAYS:
        score += TIME_WEIGHT * (1 - days / TIME_WINDOW_DAYS)
        exact = a.published.day and b.published.day
        reasons.append(_apart(days) if exact else _apart_roughly(days))
    return Related(b.slug, round(score, 3), tuple(reasons), editorial)


def _names(actor_ids: list[str], corpus: Corpus, most: int = 2) -> str:
    names = [corpus.actors[x].name if x in corpus.actors else x for x in actor_ids[:most]]
    more = len(actor_ids) - most
    return ", ".join(names) + f" and {more} more" if more > 0 else " and ".join(names)


def _apart(days: int) -> str:
    if days == 0:
        return "published the same day"
    if days < 45:
        return f"published {days} day{'s' if days != 1 else ''} apart"
    return f"published about {round(days / 30)} months apart"


def _apart_roughly(days: int) -> str:
    """For dates known only to the month or year: never claim more precision than that."""
    if days < 45:
        return "published within about a month"
    return f"published about {round(days / 30)} months apart"


def _distance(a: Briefing, b: Briefing) -> int:
    """Days between the publication dates, each taken at the middle of its precision."""
    return abs((_midpoint(a.published) - _midpoint(b.published)).days)


def _midpoint(date: PartialDate) -> datetime.date:
    if date.day:
        return datetime.date(date.year, date.month, date.day)
    if date.month:
        return datetime.date(date.year, date.month, 15)
    return datetime.date(date.year, 7, 1)
