"""`render.affected`: after any edit, every page whose full render changes is among the pages a
`mkdocs serve --dirty` rebuild regenerates. Checked on a synthetic corpus large enough for the
archive and the timeline to be split into year pages, against full renders before and after."""

from __future__ import annotations

import dataclasses
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools.link import build_index
from build_tools.model import Corpus, DateSpan, PartialDate
from build_tools.render import Links, render_site
from build_tools.render.affected import affected_pages
from build_tools.render.indexes import PAGE_SIZE
from build_tools.validate import validate_repository

from .conftest import REPO

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
    return {page.src_uri: page.markdown() for page in render_site(corpus, build_index(corpus), Links())}


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
        briefings[slug] = replace(briefing, source=replace(briefing.source, outlet="another-outlet.example"))
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
    "add",
    "remove",
]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(KINDS), pick=st.integers(0, 10_000), other=st.integers(0, 10_000))
def test_every_page_an_edit_changes_is_regenerated(base, kind: str, pick: int, other: int) -> None:
    corpus, before = base
    edited = _edit(corpus, kind, pick, other)
    after = _render(edited)
    changed = {uri for uri in before.keys() | after.keys() if before.get(uri) != after.get(uri)}
    affected = affected_pages((corpus, build_index(corpus)), (edited, build_index(edited)))
    assert affected is not None
    assert changed <= affected, sorted(changed - affected)
    if kind in ("title", "summary", "outlet", "quote"):  # no related list moves: a few pages only
        assert len(affected) < len(after) / 4, len(affected)


def test_a_registry_edit_regenerates_everything(base) -> None:
    corpus, _ = base
    actor_id, actor = next(iter(corpus.actors.items()))
    renamed = dataclasses.replace(
        corpus, actors={**corpus.actors, actor_id: dataclasses.replace(actor, name="Renamed")}
    )
    assert affected_pages((corpus, build_index(corpus)), (renamed, build_index(renamed))) is None


def test_no_edit_regenerates_only_the_summary_pages(base) -> None:
    corpus, _ = base
    index = build_index(corpus)
    affected = affected_pages((corpus, index), (corpus, index))
    assert affected is not None and all(uri.endswith("index.md") for uri in affected), affected
