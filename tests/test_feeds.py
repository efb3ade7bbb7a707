"""Atom and RSS feeds: well-formed, complete, newest first, correctly dated and escaped."""

from __future__ import annotations

import dataclasses
import datetime
import html as html_module
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from posixpath import normpath

import pytest

from build_tools.link import build_index
from build_tools.model import Corpus, PartialDate
from build_tools.render import Links, feeds, urls
from build_tools.validate import validate_repository

from .conftest import REPO
from .site_helpers import site_of

A = "{http://www.w3.org/2005/Atom}"
PAYLOAD = "<script>alert(1)</script> & \"quotes\" 'apostrophes' ]]> &amp; {{ x }}"
NEWER = "macron-opposes-nato-office-in-japan"
OLDER = "macron-blocks-nato-tokyo-liaison-office"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    result = validate_repository(REPO)
    assert not result.problems
    return result.corpus


RELATIVE = Links()


def render(corpus: Corpus, links: Links = RELATIVE) -> dict[str, ET.Element]:
    options = {
        "site_name": "Site & <name>",
        "site_url": links.site_url,
        "use_directory_urls": links.use_directory_urls,
    }
    files = site_of(corpus, **options).feeds()
    return {f.path: ET.fromstring(f.content.encode("utf-8")) for f in files}


def atom_entries(feed: ET.Element) -> list[ET.Element]:
    return feed.findall(f"{A}entry")


def test_every_story_actor_topic_and_outlet_has_an_atom_and_an_rss_feed(corpus: Corpus) -> None:
    rendered = render(corpus)
    names = ["all"] + [f"stories/{s}" for s in corpus.stories] + [f"actors/{a}" for a in corpus.actors]
    names += [f"topics/{t}" for t in corpus.topics] + [f"outlets/{o}" for o in corpus.outlets]
    assert sorted(rendered) == sorted(f"feeds/{n}.{ext}" for n in names for ext in ("atom.xml", "rss.xml"))


def test_site_atom_feed_lists_every_briefing_newest_first(corpus: Corpus) -> None:
    feed = render(corpus)["feeds/all.atom.xml"]
    assert feed.tag == f"{A}feed"
    assert feed.findtext(f"{A}title") == "Site & <name>"
    assert feed.findtext(f"{A}author/{A}name") == "Site & <name>"
    assert feed.findtext(f"{A}updated") == "2023-07-13T00:00:00Z"  # the newest entry, not the clock
    assert feed.findtext(f"{A}id").startswith("urn:uuid:")
    entries = atom_entries(feed)
    assert [e.findtext(f"{A}title") for e in entries] == [
        "Macron Opposes a NATO Liaison Office in Japan",
        "Macron's Opposition Stalls NATO's Planned Liaison Office in Tokyo",
    ]
    assert [e.findtext(f"{A}published") for e in entries] == ["2023-07-13T00:00:00Z", "2023-06-01T00:00:00Z"]
    for entry in entries:
        for required in ("id", "title", "updated", "summary"):
            assert entry.findtext(f"{A}{required}"), required
        assert entry.find(f"{A}summary").get("type") == "html"
        assert entry.find(f"{A}title").get("type") == "text"
    summary = entries[0].findtext(f"{A}summary")
    assert html_module.unescape(summary).startswith(
        "<p>French President Emmanuel Macron is blocking a NATO plan"
    )
    categories = [(c.get("term"), c.get("label")) for c in entries[0].findall(f"{A}category")]
    assert ("nato", "NATO") in categories and ("indo-pacific", "Indo-Pacific") in categories


def test_links_are_relative_to_the_feed_without_a_site_url(corpus: Corpus) -> None:
    for path, feed in render(corpus).items():
        if not path.endswith(".atom.xml"):
            continue
        folder = path.rsplit("/", 1)[0]
        self_link = feed.find(f"{A}link[@rel='self']").get("href")
        assert normpath(f"{folder}/{self_link}") == path
        for entry in atom_entries(feed):
            href = entry.find(f"{A}link[@rel='alternate']").get("href")
            assert normpath(f"{folder}/{href}") + "/" in (f"briefings/{NEWER}/", f"briefings/{OLDER}/")


def test_links_are_absolute_with_a_site_url(corpus: Corpus) -> None:
    rendered = render(corpus, Links(site_url="https://example.org/news/"))
    entry = atom_entries(rendered["feeds/actors/emmanuel-macron.atom.xml"])[0]
    assert entry.find(f"{A}link").get("href") == f"https://example.org/news/briefings/{NEWER}/"
    channel = rendered["feeds/all.rss.xml"].find("channel")
    assert channel.findtext("link") == "https://example.org/news/"
    assert (
        channel.find("{http://www.w3.org/2005/Atom}link").get("href")
        == "https://example.org/news/feeds/all.rss.xml"
    )


def test_an_entry_keeps_its_id_in_every_feed(corpus: Corpus) -> None:
    rendered = render(corpus)
    ids = {}
    for path, feed in rendered.items():
        for entry in atom_entries(feed) if path.endswith(".atom.xml") else feed.iter("item"):
            title = entry.findtext(f"{A}title") or entry.findtext("title")
            ids.setdefault(title, set()).add(entry.findtext(f"{A}id") or entry.findtext("guid"))
    assert len(ids) == 2 and all(len(found) == 1 for found in ids.values())
    assert render(corpus)["feeds/all.atom.xml"].findtext(f"{A}id") == rendered["feeds/all.atom.xml"].findtext(
        f"{A}id"
    )


def test_story_and_actor_feeds_hold_their_own_briefings(corpus: Corpus) -> None:
    index = build_index(corpus)
    rendered = render(corpus)
    for actor_id in corpus.actors:
        entries = atom_entries(rendered[f"feeds/actors/{actor_id}.atom.xml"])
        assert len(entries) == len(index.by_actor.get(actor_id, ()))
    story = atom_entries(rendered["feeds/stories/nato-tokyo-liaison-office.atom.xml"])
    assert [e.findtext(f"{A}published")[:10] for e in story] == ["2023-07-13", "2023-06-01"]  # newest first


def test_rss_items_are_dated_and_guid_is_not_a_permalink(corpus: Corpus) -> None:
    channel = render(corpus)["feeds/all.rss.xml"].find("channel")
    items = channel.findall("item")
    assert [parsedate_to_datetime(i.findtext("pubDate")) for i in items] == [
        datetime.datetime(2023, 7, 13, tzinfo=datetime.UTC),
        datetime.datetime(2023, 6, 1, tzinfo=datetime.UTC),
    ]
    assert all(i.find("guid").get("isPermaLink") == "false" for i in items)
    assert items[0].findtext("link") == f"../briefings/{NEWER}/"
    assert parsedate_to_datetime(channel.findtext("lastBuildDate")).date() == datetime.date(2023, 7, 13)


def test_partial_dates_are_dated_at_their_first_day(corpus: Corpus) -> None:
    briefing = dataclasses.replace(corpus.briefings[OLDER], published=PartialDate(2021, 3))
    changed = dataclasses.replace(corpus, briefings={**corpus.briefings, OLDER: briefing})
    entries = atom_entries(render(changed)["feeds/all.atom.xml"])
    assert entries[-1].findtext(f"{A}published") == "2021-03-01T00:00:00Z"


def test_only_the_newest_entries_are_kept(corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feeds, "FEED_SIZE", 1)
    entries = atom_entries(render(corpus)["feeds/all.atom.xml"])
    assert [e.find(f"{A}link").get("href") for e in entries] == [f"../briefings/{NEWER}/"]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def test_hostile_text_is_escaped_for_xml_and_for_the_html_of_summaries(corpus: Corpus) -> None:
    original = corpus.briefings[NEWER]
    hostile = dataclasses.replace(
        original,
        title=PAYLOAD,
        translations={"en": dataclasses.replace(original.translations["en"], title=PAYLOAD + "\x01\x1f")},
        summary={"en": PAYLOAD, "id": PAYLOAD},
    )
    topics = {**corpus.topics, "nato": dataclasses.replace(corpus.topics["nato"], title={"en": PAYLOAD})}
    changed = dataclasses.replace(corpus, briefings={**corpus.briefings, NEWER: hostile}, topics=topics)
    files = {f.path: f.content for f in site_of(changed, site_name=PAYLOAD).feeds()}
    atom = ET.fromstring(files["feeds/all.atom.xml"])  # well-formed despite the control characters
    assert atom.findtext(f"{A}title") == PAYLOAD
    entry = atom_entries(atom)[0]
    assert entry.findtext(f"{A}title") == PAYLOAD  # as written, minus what XML cannot hold
    assert (f'label="{html_module.escape(PAYLOAD)}"'.replace("&#x27;", "'")) in files["feeds/all.atom.xml"]
    summary = _Tags()
    summary.feed(entry.findtext(f"{A}summary"))
    assert summary.tags == ["p"]  # the payload is text in the summary's HTML, not markup
    assert "".join(summary.text) == PAYLOAD.replace("&amp;", "&")  # a Markdown field: entities count
    rss = ET.fromstring(files["feeds/all.rss.xml"]).find("channel/item")
    assert rss.findtext("title") == PAYLOAD
    assert PAYLOAD in [c.text for c in rss.findall("category")]
    assert "<script>" not in files["feeds/all.atom.xml"] and "<script>" not in files["feeds/all.rss.xml"]


def test_feed_paths_match_the_urls_module() -> None:
    assert urls.story_feed("x") == "feeds/stories/x" and urls.actor_feed("y") == "feeds/actors/y"
    assert list(urls.FEED_FORMATS) == ["atom.xml", "rss.xml"]
