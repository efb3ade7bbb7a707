"""Atom 1.0 and RSS 2.0 feeds: every briefing, and the briefings of each story and each actor.

Written with `xml.etree.ElementTree`, which escapes text and attributes; characters that XML 1.0
cannot hold at all are dropped. Titles are plain text (`type="text"`), summaries are the HTML of
`html.markdown`, the one Markdown path of the site. Links are absolute when the site's address is
known (MkDocs' `site_url`), otherwise relative to the feed's own URL, which Atom allows (RFC 4287
§ 1.2; feed readers resolve them against the address they fetched). Entry and feed ids are
`urn:uuid:` names derived from slugs, so they never change when the site moves. Dates come from
the data (never from the clock), so a build is reproducible.
"""

from __future__ import annotations

import datetime
import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from email.utils import format_datetime

from ..model import Briefing, Corpus, PartialDate
from . import html, urls
from .kind import FeedSpec, SiteData
from .labels import ENGLISH, english, topic_title
from .urls import Links

#: entries per feed: the newest ones
FEED_SIZE = 50
ATOM_NS = "http://www.w3.org/2005/Atom"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:briefings:annotated-news-briefings")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    title_lang: str
    page: str  # site-relative URL of the briefing page
    published: PartialDate
    summary_html: str
    categories: tuple[tuple[str, str], ...]  # (term, label)


@dataclass(frozen=True)
class Feed:
    path: str  # site-relative, without the format's extension: `feeds/all`
    id: str
    title: str
    subtitle: str
    page: str  # site-relative URL of the page the feed follows
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class FeedFile:
    path: str  # site-relative file path, e.g. `feeds/all.atom.xml`
    content: str


def feed_files(specs: Iterable[FeedSpec], data: SiteData, links: Links, site_name: str) -> Iterator[FeedFile]:
    """Each feed in Atom and RSS. Entries are built once, however many feeds show a briefing."""
    briefings = data.corpus.briefings
    entries: dict[str, Entry] = {}

    def newest(slugs: Iterable[str]) -> tuple[Entry, ...]:
        # the order of _newest_first, without building entries for briefings that are not kept
        ordered = sorted(
            slugs, key=lambda s: (-_day(briefings[s].published).toordinal(), links.url(urls.briefing(s)))
        )
        chosen = []
        for slug in ordered[:FEED_SIZE]:
            if slug not in entries:
                entries[slug] = _entry(briefings[slug], data.corpus, links)
            chosen.append(entries[slug])
        return tuple(sorted(chosen, key=_newest_first))

    for spec in specs:
        feed = Feed(
            spec.path, _uuid(spec.key), spec.title, spec.subtitle, links.url(spec.page), newest(spec.slugs)
        )
        yield FeedFile(f"{feed.path}.atom.xml", atom(feed, site_name, links))
        yield FeedFile(f"{feed.path}.rss.xml", rss(feed, links))


def _newest_first(entry: Entry) -> tuple[int, str]:
    return (-_day(entry.published).toordinal(), entry.page)


def _entry(briefing: Briefing, corpus: Corpus, links: Links) -> Entry:
    translation = briefing.translations.get(ENGLISH)
    english_title = translation.title if translation else None
    topics = tuple((t, topic_title(corpus, t)) for t in briefing.topics)
    return Entry(
        id=_uuid(f"briefing:{briefing.slug}"),
        title=english_title or briefing.title,
        title_lang=ENGLISH if english_title else briefing.language,
        page=links.url(urls.briefing(briefing.slug)),
        published=briefing.published,
        summary_html=html.markdown(english(briefing.summary)),
        categories=topics,
    )


# -- Atom ---------------------------------------------------------------------------------------


def atom(feed: Feed, site_name: str, links: Links) -> str:
    root = ET.Element("feed", {"xmlns": ATOM_NS, _XML_LANG: "en"})
    _text(root, "id", feed.id)
    _text(root, "title", feed.title)
    _text(root, "subtitle", feed.subtitle)
    _text(root, "updated", _rfc3339(_updated(feed.entries)))
    author = ET.SubElement(root, "author")
    _text(author, "name", site_name)
    _link(root, _href(links, feed.path, f"{feed.path}.atom.xml"), "self", "application/atom+xml")
    _link(root, _href(links, feed.path, feed.page), "alternate", "text/html")
    _text(root, "generator", "briefings")
    for entry in feed.entries:
        item = ET.SubElement(root, "entry", {_XML_LANG: entry.title_lang})
        _text(item, "id", entry.id)
        _text(item, "title", entry.title, type="text")
        _link(item, _href(links, feed.path, entry.page), "alternate", "text/html")
        _text(item, "published", _rfc3339(entry.published))
        _text(item, "updated", _rfc3339(entry.published))
        _text(item, "summary", entry.summary_html, type="html")
        for term, label in entry.categories:
            ET.SubElement(item, "category", term=_clean(term), label=_clean(label))
    return _serialize(root)


# -- RSS 2.0 ------------------------------------------------------------------------------------


def rss(feed: Feed, links: Links) -> str:
    root = ET.Element("rss", {"version": "2.0", "xmlns:atom": ATOM_NS})
    channel = ET.SubElement(root, "channel")
    _text(channel, "title", feed.title)
    _text(channel, "link", _href(links, feed.path, feed.page))
    _text(channel, "description", feed.subtitle)
    _text(channel, "language", "en")
    _text(channel, "lastBuildDate", _rfc822(_updated(feed.entries)))
    _text(channel, "generator", "briefings")
    self_href = _href(links, feed.path, f"{feed.path}.rss.xml")
    ET.SubElement(channel, "atom:link", href=self_href, rel="self", type="application/rss+xml")
    for entry in feed.entries:
        item = ET.SubElement(channel, "item")
        _text(item, "title", entry.title)
        _text(item, "link", _href(links, feed.path, entry.page))
        _text(item, "description", entry.summary_html)
        _text(item, "pubDate", _rfc822(entry.published))
        _text(item, "guid", entry.id, isPermaLink="false")
        for _term, label in entry.categories:
            _text(item, "category", label)
    return _serialize(root)


# -- shared -------------------------------------------------------------------------------------


def _href(links: Links, feed_path: str, site_path: str) -> str:
    """`site_path` as seen from the feed at `feed_path`: absolute if the site's address is known."""
    return links.absolute(site_path) or ("../" * feed_path.count("/") + site_path) or "./"


def _text(parent: ET.Element, tag: str, value: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = _clean(value)
    return element


def _link(parent: ET.Element, href: str, rel: str, media_type: str) -> None:
    ET.SubElement(parent, "link", rel=rel, type=media_type, href=href)


def _clean(value: str) -> str:
    """Text XML 1.0 can hold: control characters other than tab and line breaks are dropped."""
    return _NOT_XML.sub("", value)


def _serialize(root: ET.Element) -> str:
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _uuid(name: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, name)}"


def _day(date: PartialDate) -> datetime.date:
    """The first day a partial date can mean (a year-only date is dated 1 January)."""
    return datetime.date(date.year, date.month or 1, date.day or 1)


def _updated(entries: Sequence[Entry]) -> PartialDate:
    return max((e.published for e in entries), default=PartialDate(1970, 1, 1))


def _moment(date: PartialDate) -> datetime.datetime:
    return datetime.datetime.combine(_day(date), datetime.time(), tzinfo=datetime.UTC)


def _rfc3339(date: PartialDate) -> str:
    return _moment(date).strftime("%Y-%m-%dT%H:%M:%SZ")


def _rfc822(date: PartialDate) -> str:
    return format_datetime(_moment(date), usegmt=True)
