"""Related briefings: which other briefings to read next, and why.

As in Hugo's related content: weighted signals (same story, shared actors, shared quoted speakers,
shared topics, closeness in time), each term weighted by its rarity so that an actor found in every
briefing says little. Scores are accumulated through the inverted indexes of the link stage (never
by comparing all pairs), and a long posting list only offers its briefings nearest in time, which
keeps the work linear in the number of briefings.

The reasons are data (`Reason`: a kind, the ids involved, the days apart); the render stage words
them for the reader.
"""

from __future__ import annotations

import datetime
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from .model import Briefing, Corpus, PartialDate

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


class ReasonKind(StrEnum):
    EDITORIAL = "editorial"  # an editor listed it under `related`
    STORY = "story"  # the same story
    QUOTED = "quoted"  # both quote these speakers
    FEATURED = "featured"  # both feature these actors (besides the speakers)
    TOPICS = "topics"  # shared topics
    TIME = "time"  # published close in time


@dataclass(frozen=True)
class Reason:
    kind: ReasonKind
    ids: tuple[str, ...] = ()
    """Actor or topic ids, rarest (most telling) first."""
    days: int = 0
    """For TIME: days between the two publication dates."""
    exact: bool = True
    """For TIME: both dates are known to the day (else `days` is approximate)."""


@dataclass(frozen=True)
class Related:
    """Another briefing worth reading next, and why."""

    slug: str
    score: float
    reasons: tuple[Reason, ...]
    editorial: bool = False


@dataclass(frozen=True)
class Postings:
    """The link stage's inverted indexes that related briefings are scored through (each posting
    list in date order)."""

    by_story: Mapping[str, tuple[str, ...]]
    by_actor: Mapping[str, tuple[str, ...]]
    by_speaker: Mapping[str, tuple[str, ...]]
    by_topic: Mapping[str, tuple[str, ...]]


@dataclass(frozen=True)
class _Term:
    """One signal two briefings can share: its weight and its briefings in date order."""

    weight: float
    postings: tuple[str, ...]
    position: Mapping[str, int]


TermKey = tuple[ReasonKind, str]


def related_briefings(
    corpus: Corpus, postings: Postings, limit: int = RELATED_LIMIT, only: Iterable[str] | None = None
) -> dict[str, tuple[Related, ...]]:
    """Top `limit` related briefings of each briefing (or of those in `only`), scored through the
    inverted indexes.

    Each shared term adds its weight (rarer terms weigh more). A long posting list only offers
    the CANDIDATE_WINDOW briefings nearest in time on each side, so the work grows with
    N * terms * window, never with N squared, and common terms favour what is close in time.
    """
    briefings = corpus.briefings
    terms = _Terms(len(briefings), postings)
    editorial = _editorial_links(briefings.values())
    day = {slug: _midpoint(b.published).toordinal() for slug, b in briefings.items()}
    result: dict[str, tuple[Related, ...]] = {}
    for slug in briefings if only is None else only:
        briefing = briefings[slug]
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
            Related(other, round(-negative, 3), _reasons(briefing, briefings[other], other in linked, days, terms),
                    other in linked)
            for _, negative, days, other in ranked[:limit]
        )  # fmt: skip
    return result


class _Terms:
    """Every term two briefings can share, each built when first asked for (a few briefings
    rescored after an edit need few of them)."""

    WEIGHTS: Mapping[ReasonKind, tuple[float, bool]] = {
        ReasonKind.STORY: (STORY_WEIGHT, False),
        ReasonKind.FEATURED: (ACTOR_WEIGHT, True),
        ReasonKind.QUOTED: (QUOTED_WEIGHT, True),
        ReasonKind.TOPICS: (TOPIC_WEIGHT, True),
    }

    def __init__(self, total: int, postings: Postings) -> None:
        self.total, self.postings = total, postings
        self.built: dict[TermKey, _Term] = {}

    def __getitem__(self, key: TermKey) -> _Term:
        term = self.built.get(key)
        if term is None:
            kind, name = key
            weight, by_rarity = self.WEIGHTS[kind]
            slugs = _postings_of(self.postings, kind)[name]
            term = self.built[key] = _term(weight * (_rarity(self.total, slugs) if by_rarity else 1.0), slugs)
        return term


def _postings_of(postings: Postings, kind: ReasonKind) -> Mapping[str, tuple[str, ...]]:
    return {
        ReasonKind.STORY: postings.by_story,
        ReasonKind.FEATURED: postings.by_actor,
        ReasonKind.QUOTED: postings.by_speaker,
        ReasonKind.TOPICS: postings.by_topic,
    }[kind]


def updated_related(
    previous: Mapping[str, tuple[Related, ...]], old: Corpus, new: Corpus, postings: Postings, limit: int
) -> dict[str, tuple[Related, ...]] | None:
    """The related lists after an edit, rescoring only the briefings it can change, or None when
    all must be scored again (a briefing added or removed changes every term's rarity).

    Scores depend on the terms of each briefing, their posting lists (in date order) and dates:
    an edit that keeps a briefing's terms, date and editorial links changes no list. Otherwise
    the briefings to rescore are those holding a term the edited briefing had or has (their
    posting lists and weights change), and its editorial neighbours; every other briefing's
    candidates, weights and dates are as they were."""
    if old.briefings.keys() != new.briefings.keys():
        return None
    moved = [
        slug
        for slug, briefing in new.briefings.items()
        if briefing is not old.briefings[slug] and _signature(briefing) != _signature(old.briefings[slug])
    ]
    if not moved:
        return dict(previous)
    affected = set(moved)
    for slug in moved:
        for kind, name in {*_terms_of(old.briefings[slug]), *_terms_of(new.briefings[slug])}:
            affected.update(_postings_of(postings, kind).get(name, ()))
    for corpus in (old, new):
        links = _editorial_links(corpus.briefings.values())
        affected.update(other for slug in moved for other in links.get(slug, ()))
    return {**previous, **related_briefings(new, postings, limit, only=sorted(affected))}


def _signature(briefing: Briefing) -> tuple[object, ...]:
    """What a briefing's place among related briefings depends on."""
    return (
        briefing.story, tuple(role.id for role in briefing.actors), tuple(q.speaker for q in briefing.quotes),
        briefing.topics, briefing.published, briefing.related,
    )  # fmt: skip


def _term(weight: float, postings: tuple[str, ...]) -> _Term:
    return _Term(weight, postings, {slug: index for index, slug in enumerate(postings)})


def _rarity(total: int, postings: tuple[str, ...]) -> float:
    """Inverse document frequency, smoothed so that a term in every briefing still counts a little."""
    return math.log(1 + total / max(1, len(postings)))


def _terms_of(briefing: Briefing) -> Iterable[TermKey]:
    if briefing.story:
        yield (ReasonKind.STORY, briefing.story)
    yield from dict.fromkeys((ReasonKind.FEATURED, role.id) for role in briefing.actors)
    yield from dict.fromkeys((ReasonKind.QUOTED, q.speaker) for q in briefing.quotes if q.speaker)
    yield from dict.fromkeys((ReasonKind.TOPICS, topic) for topic in briefing.topics)


def _editorial_links(briefings: Iterable[Briefing]) -> dict[str, set[str]]:
    """`related` lists, made symmetric: a link an editor drew shows on both pages."""
    links: dict[str, set[str]] = defaultdict(set)
    for briefing in briefings:
        for other in briefing.related:
            links[briefing.slug].add(other)
            links[other].add(briefing.slug)
    return links


def _reasons(a: Briefing, b: Briefing, editorial: bool, days: int, terms: _Terms) -> tuple[Reason, ...]:
    """Why a pair is related, strongest reason first."""

    def by_rarity(kind: ReasonKind, ids: set[str]) -> tuple[str, ...]:
        return tuple(sorted(ids, key=lambda x: (-terms[(kind, x)].weight, x)))

    reasons: list[Reason] = [Reason(ReasonKind.EDITORIAL)] if editorial else []
    if a.story and a.story == b.story:
        reasons.append(Reason(ReasonKind.STORY, (a.story,)))
    speakers = {q.speaker for q in a.quotes if q.speaker} & {q.speaker for q in b.quotes if q.speaker}
    if quoted := by_rarity(ReasonKind.QUOTED, speakers):
        reasons.append(Reason(ReasonKind.QUOTED, quoted))
    shared = ({r.id for r in a.actors} & {r.id for r in b.actors}) - set(quoted)
    if featured := by_rarity(ReasonKind.FEATURED, shared):
        reasons.append(Reason(ReasonKind.FEATURED, featured))
    if topics := by_rarity(ReasonKind.TOPICS, set(a.topics) & set(b.topics)):
        reasons.append(Reason(ReasonKind.TOPICS, topics))
    if days <= TIME_WINDOW_DAYS:
        reasons.append(Reason(ReasonKind.TIME, days=days, exact=bool(a.published.day and b.published.day)))
    return tuple(reasons)


def _midpoint(date: PartialDate) -> datetime.date:
    if date.day:
        return datetime.date(date.year, date.month, date.day)
    if date.month:
        return datetime.date(date.year, date.month, 15)
    return datetime.date(date.year, 7, 1)
