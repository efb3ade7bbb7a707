"""Where each generated page lives, and relative links between pages.

Ids are slugs checked by the validator, so every path here is built from safe characters only.
"""

from __future__ import annotations

from dataclasses import dataclass

HOME = "index.md"
BRIEFINGS_INDEX = "briefings/index.md"
ACTORS_INDEX = "actors/index.md"
STORIES_INDEX = "stories/index.md"
TOPICS_INDEX = "topics/index.md"
OUTLETS_INDEX = "outlets/index.md"
TIMELINE = "timeline/index.md"
SEARCH = "search/index.md"
#: where the search bundles are published, one folder per language (see `build_tools.search`)
SEARCH_BUNDLES = "pagefind/"
#: the site's own stylesheet and scripts (`build_tools/assets/`), published minified at these paths:
#: the stylesheet and the reading script on every page, the search script on the search page only
STYLESHEET = "assets/briefings.css"
SCRIPT = "assets/briefings.js"
SEARCH_SCRIPT = "assets/briefings-search.js"


def briefing(slug: str) -> str:
    return f"briefings/{slug}.md"


def actor(actor_id: str) -> str:
    return f"actors/{actor_id}.md"


def story(story_id: str) -> str:
    return f"stories/{story_id}.md"


def topic(topic_id: str) -> str:
    return f"topics/{topic_id}.md"


def outlet(outlet_id: str) -> str:
    return f"outlets/{outlet_id}.md"


def archive(year: int) -> str:
    return f"archive/{year}.md"


def timeline_year(year: int) -> str:
    return f"timeline/{year}.md"


#: the feed of every briefing; a story's, an actor's, a topic's and an outlet's are `story_feed`,
#: `actor_feed`, `topic_feed` and `outlet_feed`
SITE_FEED = "feeds/all"


def story_feed(story_id: str) -> str:
    return f"feeds/stories/{story_id}"


def actor_feed(actor_id: str) -> str:
    return f"feeds/actors/{actor_id}"


def topic_feed(topic_id: str) -> str:
    return f"feeds/topics/{topic_id}"


def outlet_feed(outlet_id: str) -> str:
    return f"feeds/outlets/{outlet_id}"


#: file extension and media type of each feed format; a feed's file is `<feed>.<extension>`
FEED_FORMATS = {"atom.xml": "application/atom+xml", "rss.xml": "application/rss+xml"}


@dataclass(frozen=True)
class Links:
    """Relative URLs from one generated page to another, as MkDocs will publish them."""

    use_directory_urls: bool = True
    site_url: str | None = None
    """The published site's address (MkDocs' `site_url`), when known: absolute links need it."""

    def url(self, src_uri: str) -> str:
        """Site-relative URL of a page, e.g. `briefings/x/` or `briefings/x.html`."""
        stem = src_uri[: -len(".md")]
        if not self.use_directory_urls:
            return stem + ".html"
        if stem == "index":
            return ""
        if stem.endswith("/index"):
            return stem[: -len("index")]
        return stem + "/"

    def href(self, from_uri: str, to_uri: str, anchor: str | None = None) -> str:
        """Up to the site root, then down to the target: always right, and cheap at 10,000 pages
        (this runs for every link; `posixpath.relpath` was a third of the render stage)."""
        source = self.url(from_uri)
        relative = "../" * source.count("/") + self.url(to_uri)
        return (relative or "./") + (f"#{anchor}" if anchor else "")

    def file_href(self, from_uri: str, path: str) -> str:
        """Relative URL from a page to a file that is not a page (a feed, an asset)."""
        return "../" * self.url(from_uri).count("/") + path

    def absolute(self, site_path: str) -> str | None:
        """`site_path` (a page URL from `url()` or a file path) on the published site, if known."""
        if not self.site_url:
            return None
        return self.site_url.rstrip("/") + "/" + site_path
