"""A published build (with its address) as other software reads it: the sitemap against the
sitemaps.org 0.9 XML Schema (vendored: tests/vendor/sitemap-0.9.xsd), every feed through
feedparser with absolute links throughout, a canonical link and a sharing card (Open Graph) on
every page, descriptions cut at a word, and each of our scripts only on the pages that use it,
minified."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import feedparser
import pytest
import xmlschema

from build_tools.render import html as html_render
from build_tools.render.page import DESCRIPTION_LIMIT
from build_tools.site import ASSET_FILES, ASSETS

from .conftest import REPO
from .site_helpers import PUBLISHED_ADDRESS, parse_page, seed_site_object

ADDRESS = PUBLISHED_ADDRESS
SITEMAP_SCHEMA = Path(__file__).parent / "vendor" / "sitemap-0.9.xsd"


def _html_pages(site: Path) -> dict[str, Path]:
    """Every HTML page by its address on the site ('' for the home page; 404.html as it is)."""
    pages = {}
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if relative.startswith("pagefind/"):
            continue
        pages[relative.removesuffix("index.html")] = path
    return pages


def _head(path: Path) -> dict[str, list[str]]:
    """The page's <meta> and <link rel> values: `og:title` -> [content], `canonical` -> [href]."""
    found: dict[str, list[str]] = {}
    for tag, attributes in parse_page(path).tags:
        if tag == "meta" and (key := attributes.get("property") or attributes.get("name")):
            found.setdefault(key, []).append(attributes.get("content") or "")
        elif tag == "link" and attributes.get("rel") == "canonical":
            found.setdefault("canonical", []).append(attributes.get("href") or "")
    return found


def test_the_sitemap_is_valid_and_lists_every_page(published_site: Path) -> None:
    schema = xmlschema.XMLSchema(SITEMAP_SCHEMA)
    sitemap = published_site / "sitemap.xml"
    schema.validate(sitemap)  # raises with the first error
    locations = re.findall(r"<loc>([^<]*)</loc>", sitemap.read_text(encoding="utf-8"))
    pages = set(_html_pages(published_site)) - {"404.html"}
    assert len(pages) > 30
    assert sorted(locations) == sorted(ADDRESS + page for page in pages)


def test_every_page_has_its_canonical_address(published_site: Path) -> None:
    for address, path in _html_pages(published_site).items():
        expected = [] if address == "404.html" else [ADDRESS + address]
        assert _head(path).get("canonical", []) == expected, address


def test_every_page_has_a_sharing_card(published_site: Path) -> None:
    for address, path in _html_pages(published_site).items():
        head = _head(path)
        for key in ("og:type", "og:site_name", "og:title", "og:description", "og:locale", "twitter:card"):
            assert len(head.get(key, [])) == 1 and head[key][0].strip(), (address, key)
        assert head.get("og:url") == head.get("canonical"), address
        assert head["og:description"] == head["description"], address
    briefing = _head(published_site / "briefings" / "macron-opposes-nato-office-in-japan" / "index.html")
    assert briefing["og:type"] == ["article"] and briefing["article:published_time"] == ["2023-07-13"]
    assert briefing["og:title"] == ["Macron Opposes a NATO Liaison Office in Japan"]
    assert briefing["og:locale"] == ["en_US"] and briefing["og:locale:alternate"] == ["id_ID"]
    assert _head(published_site / "actors" / "emmanuel-macron" / "index.html")["og:type"] == ["profile"]
    assert _head(published_site / "index.html")["og:type"] == ["website"]


def test_descriptions_are_cut_at_a_word_with_an_ellipsis() -> None:
    cut = 0
    for page in seed_site_object().pages():
        full = " ".join(page.description.split())
        shown = html.unescape(str(page.meta().get("description", "")))
        assert len(shown) <= DESCRIPTION_LIMIT, page.src_uri
        if shown != full:  # cut here (a kind may have cut it already, at more words)
            cut += 1
            stem, base = shown.removesuffix("\u2026"), full.removesuffix("\u2026")
            assert shown.endswith("\u2026") and base.startswith(stem), (page.src_uri, shown)
            assert base[len(stem)] in " ,;:.-\u2013\u2014", (page.src_uri, shown)
    assert cut >= 3  # the seed site's briefings and stories have long summaries
    assert html_render.clip("so France can veto it. More follows", 26) == "so France can veto it\u2026"


def _feeds(site: Path) -> list[Path]:
    return sorted((site / "feeds").rglob("*.xml"))


def test_every_feed_parses_cleanly_with_absolute_links(published_site: Path) -> None:
    feeds = _feeds(published_site)
    assert len(feeds) == 2 * (1 + 19 + 1 + 7 + 4)  # the site's, each actor's, story's, topic's and outlet's
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        self_link = ADDRESS + path.relative_to(published_site).as_posix()
        assert {"rel": "self", "href": self_link} in [
            {"rel": link.get("rel"), "href": link.get("href")} for link in parsed.feed.links
        ], path
        assert parsed.feed.link.startswith(ADDRESS), path
        for entry in parsed.entries:
            assert entry.link.startswith(ADDRESS + "briefings/"), (path, entry.link)
        # the raw file, as a reader that resolves nothing sees it: hrefs, RSS links, summary links
        raw = path.read_text(encoding="utf-8")
        links = re.findall(r'href="([^"]*)"', raw) + re.findall(r"<link>([^<]*)</link>", raw)
        links += re.findall(r"href=&quot;([^&]*)&quot;", raw)
        assert links and all(link.startswith(("https://", "http://")) for link in links), (path, links)


def test_the_search_script_is_loaded_on_the_search_page_only(published_site: Path) -> None:
    for address, path in _html_pages(published_site).items():
        scripts = [a.get("src") or "" for tag, a in parse_page(path).tags if tag == "script"]
        own = [src.rsplit("/", 1)[-1] for src in scripts if "assets/briefings" in src]
        expected = ["briefings.js", "briefings-search.js"] if address == "search/" else ["briefings.js"]
        assert own == expected, address


@pytest.mark.parametrize("asset", ASSET_FILES)
def test_our_assets_are_published_minified(published_site: Path, asset: str) -> None:
    source = (ASSETS / asset.removeprefix("assets/")).read_text(encoding="utf-8")
    published = (published_site / asset).read_text(encoding="utf-8")
    assert len(published) < 0.85 * len(source)
    assert "/*" not in published and "\n  " not in published
    if asset.endswith(".js"):
        node = shutil.which("node")
        assert node, "node not found: it checks that the minified scripts still parse"
        done = subprocess.run(
            [node, "--check", str(published_site / asset)], capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr
    assert REPO  # the published file is the build's, not the repository's
