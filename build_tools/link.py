"""Link stage: inverted indexes, related briefings with their reasons, merged timelines.

Pure functions of a validated corpus. Related briefings follow Hugo's related content: weighted
signals (same story, shared actors, shared topics, shared quoted speakers, closeness in time),
each term weighted by its rarity so that an actor found in every briefing says little; scores are
accumulated through inverted indexes (never by comparing all pairs), and a long posting list only
offers its briefings nearest in time, which keeps the work linear in the number of briefings.
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
#: from a long posting list, only this many briefings nearest in time on each side are candidates
CANDIDATE_WINDOW = 25


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


@dataclass(frozen=True)
class _Term:
    """One signal two briefings can share: its weight and its briefings in date order."""

    weight: float
    postings: tuple[str, ...]
    position: Mapping[str, int]


def related_briefings(
    corpus: Corpus,
    by_actor: Mapping[str, tuple[str, ...]],
    by_topic: Mapping[str, tuple[str, ...]],
    by_story: Mapping[str, tuple[str, ...]],
    limit: int = RELATED_LIMIT,
) -> dict[str, tuple[Related, ...]]:
    """Top `limit` related briefings of each briefing, scored through the inverted indexes.

    Each shared term adds its weight (rarer terms weigh more). A long posting list only offers
    the CANDIDATE_WINDOW briefings nearest in time on each side, so the work grows with
    N * terms * window, never with N squared, and common terms favour what is close in time.
    """
    briefings = corpus.briefings
    total = len(briefings)
    by_speaker = _postings(
        sorted(briefings.values(), key=lambda b: (_date_key(b.published), b.slug), reverse=True),
        lambda b: [q.speaker for q in b.quotes if q.speaker],
    )
    terms = {
        **{("story", k): _term(STORY_WEIGHT, v) for k, v in by_story.items()},
        **{("actor", k): _term(ACTOR_WEIGHT * _rarity(total, v), v) for k, v in by_actor.items()},
        **{("quoted", k): _term(QUOTED_WEIGHT * _rarity(total, v), v) for k, v in by_speaker.items()},
        **{("topic", k): _term(TOPIC_WEIGHT * _rarity(total, v), v) for k, v in by_topic.items()},
    }
    editorial = _editorial_links(briefings.values())
    day = {slug: _midpoint(b.published).toordinal() for slug, b in briefings.items()}
    result: dict[str, tuple[Related, ...]] = {}
    for slug, briefing in briefings.items():
        scores: dict[str, float] = defaultdict(float)
        for key in _terms_of(briefing):
            term = terms[key]
            at = term.position[slug]
            for other in term.postings[max(0, at - CANDIDATE_WINDOW) : at + CANDIDATE_WINDOW + 1]:
                scores[other] += term.weight
        scores.pop(slug, None)
        linked = editorial.get(slug, set())
        ranked = []
        for other in scores.keys() | linked:
            days = abs(day[slug] - day[other])
            score = scores.get(other, 0.0) + (
                TIME_WEIGHT * (1 - days / TIME_WINDOW_DAYS) if days <= TIME_WINDOW_DAYS else 0.0
            )
            if other in linked or score >= MIN_SCORE:
                ranked.append((other not in linked, -score, days, other))
        ranked.sort()
        result[slug] = tuple(
            _explain(briefing, briefings[other], -negative, other in linked, days, terms, corpus)
            for _, negative, days, other in ranked[:limit]
        )
    return result


def _term(weight: float, postings: tuple[str, ...]) -> _Term:
    return _Term(weight, postings, {slug: index for index, slug in enumerate(postings)})


def _rarity(total: int, postings: tuple[str, ...]) -> float:
    """Inverse document frequency, smoothed so that a term in every briefing still counts a little."""
    return math.log(1 + total / max(1, len(postings)))


def _terms_of(briefing: Briefing) -> Iterable[tuple[str, str]]:
    if briefing.story:
        yield ("story", briefing.story)
    yield from dict.fromkeys(("actor", role.id) for role in briefing.actors)
    yield from dict.fromkeys(("quoted", q.speaker) for q in briefing.quotes if q.speaker)
    yield from dict.fromkeys(("topic", topic) for topic in briefing.topics)


def _editorial_links(briefings: Iterable[Briefing]) -> dict[str, set[str]]:
    """`related` lists, made symmetric: a link an editor drew shows on both pages."""
    links: dict[str, set[str]] = defaultdict(set)
    for briefing in briefings:
        for other in briefing.related:
            links[briefing.slug].add(other)
            links[other].add(briefing.slug)
    return links


def _explain(
    a: Briefing, b: Briefing, score: float, editorial: bool, days: int, terms, corpus: Corpus
) -> Related:
    """The reasons a pair is related, strongest first, in words a reader understands."""

    def by_rarity(kind: str, ids: set[str]) -> list[str]:
        return sorted(ids, key=lambda x: (-terms[(kind, x)].weight, x))

    reasons: list[str] = ["linked by an editor"] if editorial else []
    if a.story and a.story == b.story:
        reasons.append("same story")
    quoted = by_rarity(
        "quoted", {q.speaker for q in a.quotes if q.speaker} & {q.speaker for q in b.quotes if q.speaker}
    )
    if quoted:
        reasons.append("both quote " + _names(quoted, corpus))
    featured = by_rarity("actor", ({r.id for r in a.actors} & {r.id for r in b.actors}) - set(quoted))
    if featured:
        reasons.append("both feature " + _names(featured, corpus))
    topics = by_rarity("topic", set(a.topics) & set(b.topics))
    if topics:
        titles = [english_title(corpus, t) for t in topics[:3]]
        reasons.append("shared topics: " + ", ".join(titles) + (" and more" if len(topics) > 3 else ""))
    if days <= TIME_WINDOW_DAYS:
        exact = a.published.day and b.published.day
        reasons.append(_apart(days) if exact else _apart_roughly(days))
    return Related(b.slug, round(score, 3), tuple(reasons), editorial)


def english_title(corpus: Corpus, topic: str) -> str:
    return corpus.topics[topic].title.get("en", topic) if topic in corpus.topics else topic


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


def _midpoint(date: PartialDate) -> datetime.date:
    if date.day:
        return datetime.date(date.year, date.month, date.day)
    if date.month:
        return datetime.date(date.year, date.month, 15)
    return datetime.date(date.year, 7, 1)
