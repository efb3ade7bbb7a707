"""`incremental.plan_rebuild`: after any edit, every page whose full render changes is among the
pages a `mkdocs serve --dirty` rebuild regenerates, and every feed that changes is rewritten.
Checked on a synthetic corpus large enough for the archive and the timeline to be split into year
pages, against full renders before and after; the plan itself needs no MkDocs."""

from __future__ import annotations

import dataclasses
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools.incremental import BuiltState, plan_rebuild
from build_tools.link import build_index
from build_tools.model import Corpus, DateSpan, PartialDate
from build_tools.render.indexes import PAGE_SIZE
from build_tools.site import Site
from build_tools.validate import validate_repository

from .conftest import REPO
from .site_helpers import site_of

CONFIGURATION = b"mkdocs.yml"

BRIEFINGS = PAGE_SIZE + 20


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> tuple[Corpus, dict[str, str]]:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import synth
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    root = tmp_path_factory.mktemp("affected")
    synth.generate(root, BRIEFINGS, seed=3)
    result = validate_repository(root)
    assert not result.errors
    corpus = result.corpus
    index = build_index(corpus)
    assert len(index.by_date) > PAGE_SIZE and len(index.timeline) > PAGE_SIZE  # year pages exist
    return corpus, _render(corpus)


def _render(corpus: Corpus) -> dict[str, str]:
    site = site_of(corpus)
    pages = {page.src_uri: page.markdown() for page in site.pages()}
    return pages | {feed.path: feed.content for feed in site.feeds()}


def _state(site: Site) -> BuiltState:
    return plan_rebuild(None, site, CONFIGURATION)[1]


def _edit(corpus: Corpus, kind: str, pick: int, other: int) -> Corpus:
    """One contributor's edit to one briefing (or the addition or removal of one)."""
    slugs = sorted(corpus.briefings)
    slug = slugs[pick % len(slugs)]
    briefing = corpus.briefings[slug]
    donor = corpus.briefings[slugs[other % len(slugs)]]
    briefings = dict(corpus.briefings)
    replace = dataclasses.replace
    if kind == "title":
        briefings[slug] = replace(briefing, title=briefing.title + " (diperbarui)")
    elif kind == "summary":
        briefings[slug] = replace(briefing, summary={**briefing.summary, "en": "A corrected summary."})
    elif kind == "outlet":
        other_outlet = donor.source.outlet if donor.source.outlet != briefing.source.outlet else None
        briefings[slug] = replace(briefing, source=replace(briefing.source, outlet=other_outlet))
    elif kind == "published":
        briefings[slug] = replace(briefing, published=donor.published)
    elif kind == "story":
        briefings[slug] = replace(briefing, story=donor.story)
    elif kind == "topics":
        briefings[slug] = replace(briefing, topics=donor.topics)
    elif kind == "actors":  # the roles of another briefing (quote speakers stay: render does not mind)
        briefings[slug] = replace(briefing, actors=donor.actors, quotes=(), dates=())
    elif kind == "quote" and briefing.quotes:
        first = briefing.quotes[0]
        translated = {**first.translations, "en": first.translations.get("en", "") + " (revised)"}
        briefings[slug] = replace(
            briefing, quotes=(replace(first, translations=translated), *briefing.quotes[1:])
        )
    elif kind == "event" and briefing.dates:
        first = briefing.dates[0]
        moved = replace(first, date=DateSpan(PartialDate(1999, 5)))
        briefings[slug] = replace(briefing, dates=(moved, *briefing.dates[1:]))
    elif kind == "speaker" and briefing.quotes and donor.actors:
        first = briefing.quotes[0]
        briefings[slug] = replace(
            briefing, quotes=(replace(first, speaker=donor.actors[0].id), *briefing.quotes[1:])
        )
    elif kind == "credits":
        briefings[slug] = replace(
            briefing, source=replace(briefing.source, credits=donor.source.credits or ("antara",))
        )
    elif kind == "renamed":
        briefings[slug] = replace(briefing, renamed_from=(*briefing.renamed_from, f"{slug}-old"))
    elif kind == "add":
        briefings[slug + "-copy"] = replace(donor, slug=slug + "-copy", related=())
    elif kind == "remove" and not any(slug in b.related for b in corpus.briefings.values()):
        del briefings[slug]
    return replace(corpus, briefings=briefings)


KINDS = [
    "title",
    "summary",
    "outlet",
    "published",
    "story",
    "topics",
    "actors",
    "quote",
    "event",
    "speaker",
    "credits",
    "renamed",
    "add",
    "remove",
]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(KINDS), pick=st.integers(0, 10_000), other=st.integers(0, 10_000))
def test_every_page_and_feed_an_edit_changes_is_regenerated(base, kind: str, pick: int, other: int) -> None:
    corpus, before = base
    edited = _edit(corpus, kind, pick, other)
    after = _render(edited)
    changed = {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}
    site = site_of(edited)
    plan, _ = plan_rebuild(_state(site_of(corpus)), site, CONFIGURATION)
    feeds = {path for uri in plan.feeds_of for path in site.feed_paths(uri)}
    assert not plan.everything
    assert changed <= plan.pages | feeds | plan.removed, sorted(changed - plan.pages - feeds - plan.removed)
    assert plan.removed == {p for p in before.keys() - after.keys()}
    assert plan.pages | plan.kept_pages == {p for p in after if p.endswith(".md")}
    if kind in ("title", "summary", "outlet", "quote"):  # no related list moves: a few pages only
        assert len(plan.pages) < len(after) / 8, len(plan.pages)


def test_a_registry_edit_regenerates_everything(base) -> None:
    corpus, _ = base
    actor_id, actor = next(iter(corpus.actors.items()))
    renamed = dataclasses.replace(
        corpus, actors={**corpus.actors, actor_id: dataclasses.replace(actor, name="Renamed")}
    )
    plan, _ = plan_rebuild(_state(site_of(corpus)), site_of(renamed), CONFIGURATION)
    assert plan.everything and plan.pages == set(site_of(renamed).entries)


def test_an_outlet_edit_regenerates_everything(base) -> None:
    corpus, _ = base
    outlet_id, outlet = next(iter(corpus.outlets.items()))
    renamed = dataclasses.replace(
        corpus, outlets={**corpus.outlets, outlet_id: dataclasses.replace(outlet, name="Renamed")}
    )
    plan, _ = plan_rebuild(_state(site_of(corpus)), site_of(renamed), CONFIGURATION)
    assert plan.everything and plan.pages == set(site_of(renamed).entries)


def test_a_configuration_edit_regenerates_everything(base) -> None:
    corpus, _ = base
    site = site_of(corpus)
    plan, _ = plan_rebuild(_state(site), site, b"another mkdocs.yml")
    assert plan.everything


def test_no_edit_regenerates_only_the_summary_pages(base) -> None:
    corpus, _ = base
    site = site_of(corpus)
    plan, _ = plan_rebuild(_state(site), site, CONFIGURATION)
    assert plan.pages and all(uri.endswith("index.md") for uri in plan.pages), plan.pages
    assert not plan.removed and plan.feeds_of <= {"index.md"}


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(KINDS), pick=st.integers(0, 10_000), other=st.integers(0, 10_000))
def test_linking_after_an_edit_equals_linking_from_scratch(base, kind: str, pick: int, other: int) -> None:
    """`build_index` given the previous run rescores only some briefings' related lists; the
    result is the same as scoring everything again."""
    corpus, _ = base
    edited = _edit(corpus, kind, pick, other)
    assert build_index(edited, previous=(corpus, build_index(corpus))) == build_index(edited)


@pytest.mark.parametrize("kind", KINDS)
def test_linking_after_each_kind_of_edit_equals_linking_from_scratch(base, kind: str) -> None:
    """As above, for every kind of edit (the indexes other than related briefings are kept when
    an edit leaves what they are made of as it was, as a title or summary edit does)."""
    corpus, _ = base
    edited = _edit(corpus, kind, 7, 3)
    assert build_index(edited, previous=(corpus, build_index(corpus))) == build_index(edited)


def test_a_title_edit_keeps_the_indexes_and_a_moved_date_only_the_timelines_change(base) -> None:
    corpus, _ = base
    index = build_index(corpus)
    again = build_index(_edit(corpus, "title", 5, 0), previous=(corpus, index))
    assert again.by_actor is index.by_actor and again.timeline is index.timeline
    slug = next(s for s in sorted(corpus.briefings) if corpus.briefings[s].dates)
    moved = _edit(corpus, "event", sorted(corpus.briefings).index(slug), 0)
    again = build_index(moved, previous=(corpus, index))
    assert again.by_actor is index.by_actor and again.by_date is index.by_date
    assert again.timeline is not index.timeline and again.timeline == build_index(moved).timeline


def test_an_edit_that_keeps_a_briefings_terms_rescores_nothing(base) -> None:
    corpus, _ = base
    index = build_index(corpus)
    edited = _edit(corpus, "summary", 5, 0)
    again = build_index(edited, previous=(corpus, index))
    assert all(again.related[slug] is index.related[slug] for slug in index.related)
