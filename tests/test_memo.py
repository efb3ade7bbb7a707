"""The memo of list items (`render/memo.py`): an item made again after an edit to anything it
shows, never the HTML it had before; the same HTML as rendering without the memo."""

from __future__ import annotations

from dataclasses import replace

import pytest

from build_tools.model import Corpus
from build_tools.render import memo
from build_tools.site import Site
from build_tools.validate import validate_repository

from .conftest import REPO
from .site_helpers import site_of


def _html(site: Site) -> dict[str, str]:
    return {page.src_uri: page.html()[0] for page in site.pages()}


def _renamed_actor(corpus: Corpus) -> Corpus:
    """An actor named in a dated event (the timeline lists it), under another name."""
    actor_id = next(a for b in corpus.briefings.values() for e in b.dates for a in e.actors)
    actors = {**corpus.actors, actor_id: replace(corpus.actors[actor_id], name="Renamed Actor Zq")}
    return replace(corpus, actors=actors)


def _renamed_outlet(corpus: Corpus) -> Corpus:
    outlet_id = next(b.source.outlet for b in corpus.briefings.values() if b.source.outlet in corpus.outlets)
    assert outlet_id is not None
    outlets = {**corpus.outlets, outlet_id: replace(corpus.outlets[outlet_id], name="Renamed Outlet Zq")}
    return replace(corpus, outlets=outlets)


def _retitled_briefing(corpus: Corpus) -> Corpus:
    slug, briefing = next(iter(corpus.briefings.items()))
    retitled = replace(briefing, title=f"Retitled Zq {briefing.title}")
    return replace(corpus, briefings={**corpus.briefings, slug: retitled})


@pytest.mark.parametrize(
    ("edit", "options"),
    [
        (_renamed_actor, {}),
        (_renamed_outlet, {}),
        (_retitled_briefing, {}),
        (lambda corpus: corpus, {"use_directory_urls": False}),
    ],
    ids=["actor-renamed", "outlet-renamed", "briefing-retitled", "other-urls"],
)
def test_a_remembered_item_follows_every_edit(edit, options) -> None:
    corpus = validate_repository(REPO).corpus
    memo._ITEMS.clear()
    before = _html(site_of(corpus))
    assert memo._ITEMS, "the lists of the seed site go through the memo"
    edited = site_of(edit(corpus), **options)
    remembered = _html(edited)
    memo._ITEMS.clear()
    assert remembered == _html(edited)
    assert remembered != before  # the edit shows on some page
