"""Every page kind of the site, in the order the site lists them.

Site iteration, search documents, feeds, dirty rebuilds and the plugin's navigation all loop
over `PAGE_KINDS`; adding a kind is one module (its `KIND`) and one line here, plus its line in
mkdocs.yml's `nav` if it is a section.
"""

from __future__ import annotations

from . import actor, briefing, home, indexes, outlet, redirect, search_page, story, timeline, topic
from .kind import PageKind

PAGE_KINDS: tuple[PageKind, ...] = (
    briefing.KIND,
    actor.KIND,
    story.KIND,
    topic.KIND,
    outlet.KIND,
    home.KIND,
    indexes.ACTORS_INDEX,
    indexes.STORIES_INDEX,
    indexes.TOPICS_INDEX,
    outlet.OUTLETS_INDEX,
    search_page.KIND,
    indexes.BRIEFINGS_INDEX,
    indexes.ARCHIVE_YEAR,
    timeline.TIMELINE,
    timeline.TIMELINE_YEAR,
    redirect.KIND,
)


def kind_named(name: str) -> PageKind:
    return next(kind for kind in PAGE_KINDS if kind.name == name)
