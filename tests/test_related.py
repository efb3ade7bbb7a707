"""Related briefings (`build_tools.related`): the candidate window, the threshold, the tie order
and the reasons, on small hand-made corpora whose scores can be worked out by hand."""

from __future__ import annotations

import math

import pytest

from build_tools.link import build_index
from build_tools.model import (
    ActorRole,
    Article,
    Briefing,
    Corpus,
    PartialDate,
    Quote,
    Source,
    TextQuoteAnchor,
)
from build_tools.related import (
    ACTOR_WEIGHT,
    CANDIDATE_WINDOW,
    MIN_SCORE,
    STORY_WEIGHT,
    TIME_WEIGHT,
    TIME_WINDOW_DAYS,
    Reason,
    ReasonKind,
)
from build_tools.render.reasons import reason_words

ARTICLE = Article("seeds/x.txt", "x", ())


def briefing(
    slug: str,
    published: PartialDate,
    *,
    actors: tuple[str, ...] = (),
    story: str | None = None,
    topics: tuple[str, ...] = (),
    speakers: tuple[str, ...] = (),
    related: tuple[str, ...] = (),
) -> Briefing:
    anchor = TextQuoteAnchor("x", "", "", ((0, 1),))
    quotes = tuple(
        Quote(id=f"q{n}", text="x", translations={"en": "x"}, speaker=s, anchor=anchor)
        for n, s in enumerate(speakers)
    )
    return Briefing(
        slug=slug, path=f"briefings/{slug}.yml", language="id", title=slug, published=published,
        source=Source("outlet.example"), summary={"en": slug}, actors=tuple(ActorRole(a) for a in actors),
        story=story, topics=topics, article=ARTICLE, quotes=quotes, related=related,
    )  # fmt: skip


def corpus(*briefings: Briefing) -> Corpus:
    return Corpus({b.slug: b for b in briefings}, {}, {}, {})


def related_of(c: Corpus, slug: str, limit: int = 5) -> list[str]:
    return [r.slug for r in build_index(c, limit).related[slug]]


def day(n: int) -> PartialDate:
    """Day n of 2023 (n from 1)."""
    import datetime

    d = datetime.date(2023, 1, 1) + datetime.timedelta(days=n - 1)
    return PartialDate(d.year, d.month, d.day)


def test_closeness_in_time_alone_is_below_the_threshold() -> None:
    assert TIME_WEIGHT < MIN_SCORE
    c = corpus(briefing("a", day(10)), briefing("b", day(10)))
    assert related_of(c, "a") == []


def test_a_shared_story_is_enough_and_scores_story_plus_time() -> None:
    c = corpus(briefing("a", day(10), story="s"), briefing("b", day(40), story="s"))
    (entry,) = build_index(c).related["a"]
    assert entry.slug == "b"
    assert entry.score == pytest.approx(STORY_WEIGHT + TIME_WEIGHT * (1 - 30 / TIME_WINDOW_DAYS), abs=1e-3)
    assert entry.reasons == (Reason(ReasonKind.STORY, ("s",)), Reason(ReasonKind.TIME, days=30, exact=True))


def test_a_common_actor_weighs_less_than_a_rare_one() -> None:
    briefings = [briefing("a", day(1), actors=("common", "rare")), briefing("b", day(300), actors=("rare",))]
    briefings += [briefing(f"c{n}", day(300 + n), actors=("common",)) for n in range(8)]
    c = corpus(*briefings)
    scores = {r.slug: r.score for r in build_index(c).related["a"]}
    total = len(briefings)
    rare = ACTOR_WEIGHT * math.log(1 + total / 2)
    common = ACTOR_WEIGHT * math.log(1 + total / 9)
    assert scores["b"] == pytest.approx(rare, abs=1e-3)  # more than 180 days apart: no time bonus
    assert all(scores.get(f"c{n}", 0) < scores["b"] for n in range(8))
    assert common < MIN_SCORE <= rare


def test_ties_are_broken_by_closeness_in_time_then_by_slug() -> None:
    c = corpus(
        briefing("a", day(200), story="s"),
        briefing("z-far", day(200 + TIME_WINDOW_DAYS + 10), story="s"),
        briefing("b-far", day(200 - TIME_WINDOW_DAYS - 10), story="s"),
        briefing("m-near", day(190), story="s"),
    )
    # m-near also gets the time bonus; the two far ones tie on score and days: slug order
    assert related_of(c, "a") == ["m-near", "b-far", "z-far"]


def test_an_editorial_link_comes_first_on_both_pages_even_below_the_threshold() -> None:
    c = corpus(
        briefing("a", day(1), story="s"),
        briefing("b", day(2), story="s"),
        briefing("unrelated", day(300), related=("a",)),
    )
    assert related_of(c, "a")[0] == "unrelated"
    assert related_of(c, "unrelated") == ["a"]
    first = build_index(c).related["a"][0]
    assert first.editorial and first.reasons[0] == Reason(ReasonKind.EDITORIAL)


def test_the_limit_keeps_the_best() -> None:
    c = corpus(*(briefing(f"b{n:02}", day(n + 1), story="s") for n in range(10)))
    assert related_of(c, "b05", limit=3) == ["b04", "b06", "b03"]


def test_a_long_posting_list_offers_only_its_nearest_briefings() -> None:
    """A story of 100 briefings: only the CANDIDATE_WINDOW nearest in time on each side are
    candidates, so scoring stays linear in the number of briefings."""
    size = 100
    c = corpus(*(briefing(f"b{n:03}", PartialDate(1900 + n), story="s") for n in range(size)))
    related = build_index(c, limit=size).related["b050"]
    offered = {r.slug for r in related}
    assert len(offered) == 2 * CANDIDATE_WINDOW
    assert offered == {f"b{n:03}" for n in range(50 - CANDIDATE_WINDOW, 50 + CANDIDATE_WINDOW + 1)} - {"b050"}


def test_reasons_name_speakers_before_other_shared_actors_and_say_how_far_apart() -> None:
    c = corpus(
        briefing("a", PartialDate(2023, 7), actors=("x", "y", "z"), speakers=("x",), topics=("t",)),
        briefing("b", PartialDate(2023, 7, 20), actors=("x", "y"), speakers=("x",), topics=("t",)),
    )
    (entry,) = build_index(c).related["a"]
    kinds = [reason.kind for reason in entry.reasons]
    assert kinds == [ReasonKind.QUOTED, ReasonKind.FEATURED, ReasonKind.TOPICS, ReasonKind.TIME]
    assert entry.reasons[0].ids == ("x",) and entry.reasons[1].ids == ("y",)  # x only once
    time = entry.reasons[-1]
    assert not time.exact  # a month-only date: never a precise number of days
    assert reason_words(time, c) == "published within about a month"
    assert reason_words(entry.reasons[0], c) == "both quote x"


@pytest.mark.parametrize(
    ("reason", "words"),
    [
        (Reason(ReasonKind.TIME, days=0), "published the same day"),
        (Reason(ReasonKind.TIME, days=1), "published 1 day apart"),
        (Reason(ReasonKind.TIME, days=12), "published 12 days apart"),
        (Reason(ReasonKind.TIME, days=150), "published about 5 months apart"),
        (Reason(ReasonKind.TIME, days=150, exact=False), "published about 5 months apart"),
        (Reason(ReasonKind.FEATURED, ("a", "b", "c", "d")), "both feature a, b and 2 more"),
        (Reason(ReasonKind.TOPICS, ("a", "b", "c", "d")), "shared topics: a, b, c and more"),
    ],
)
def test_reason_words(reason: Reason, words: str) -> None:
    assert reason_words(reason, corpus()) == words
