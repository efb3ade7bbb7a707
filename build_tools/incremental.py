"""Dirty rebuilds: after an edit, which pages and feeds to regenerate, keep or delete.

Each page kind declares what a page shows (`render.kind.PageKind.shows`); a page is regenerated
when that value differs from the previous build's, when it is new, or when its kind shows
everything (`shows` is None). Its feed follows it. Everything is regenerated when the build's
fingerprint changes: the options, the site configuration, or a registry entry (an actor, story,
topic or outlet can show on any page, through names and mention links). Nothing here knows MkDocs; the
plugin turns the plan into files.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass

from .site import Site


@dataclass(frozen=True)
class BuiltState:
    """What a build generated, for the next dirty build to compare with."""

    fingerprint: Hashable
    shows: Mapping[str, Hashable | None]
    """By page src_uri: what the page shows (None: always regenerated)."""
    feeds: Mapping[str, tuple[str, ...]]
    """By page src_uri: the files of the feed that follows it."""


@dataclass(frozen=True)
class RebuildPlan:
    pages: frozenset[str]
    """Pages to render."""
    kept_pages: frozenset[str]
    """Pages whose published output stays as it is."""
    feeds_of: frozenset[str]
    """Pages whose feeds to write."""
    kept_feeds: frozenset[str]
    """Feed files whose published output stays as it is."""
    removed: frozenset[str]
    """Pages and feed files of the previous build that no longer exist: their output is deleted."""

    @property
    def everything(self) -> bool:
        return not self.kept_pages and not self.kept_feeds


def fingerprint(site: Site, configuration: Hashable) -> Hashable:
    """What every page depends on besides its own `shows`."""
    corpus = site.data.corpus
    return (site.options, configuration, corpus.actors, corpus.stories, corpus.topics, corpus.outlets)


def plan_rebuild(
    previous: BuiltState | None, site: Site, configuration: Hashable
) -> tuple[RebuildPlan, BuiltState]:
    """The plan for building `site` after `previous` (None: a full build), and the new state."""
    shows = site.shows()
    feeds = {uri: paths for uri in shows if (paths := site.feed_paths(uri))}
    state = BuiltState(fingerprint(site, configuration), shows, feeds)
    every_page = frozenset(shows)
    if previous is None or previous.fingerprint != state.fingerprint:
        return RebuildPlan(
            every_page, frozenset(), frozenset(feeds), frozenset(), _removed(previous, state)
        ), state
    changed = frozenset(
        uri
        for uri, value in shows.items()
        if value is None or uri not in previous.shows or previous.shows[uri] != value
    )
    kept_feeds = frozenset(path for uri, paths in feeds.items() if uri not in changed for path in paths)
    plan = RebuildPlan(
        pages=changed,
        kept_pages=every_page - changed,
        feeds_of=frozenset(uri for uri in feeds if uri in changed),
        kept_feeds=kept_feeds,
        removed=_removed(previous, state),
    )
    return plan, state


def _removed(previous: BuiltState | None, state: BuiltState) -> frozenset[str]:
    if previous is None:
        return frozenset()
    pages = previous.shows.keys() - state.shows.keys()
    old_feeds = {path for paths in previous.feeds.values() for path in paths}
    new_feeds = {path for paths in state.feeds.values() for path in paths}
    return frozenset(pages | (old_feeds - new_feeds))
