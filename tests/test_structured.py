"""Structured data as other software reads it: the JSON-LD of every briefing, actor and story page
of a published build, extracted from the HTML and expanded by a JSON-LD processor (pyld, with
schema.org's context vendored in tests/vendor/: nothing is fetched), checked against schema.org's
vocabulary (every type and property exists, every property is used on a type it belongs to) and
against what news search engines ask of a news article."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from pyld import jsonld

from build_tools.model import PartialDate, Source
from build_tools.render import structured
from build_tools.render.page import Context
from build_tools.render.urls import Links
from build_tools.validate import validate_repository

from .conftest import REPO
from .site_helpers import PUBLISHED_ADDRESS, site_of

VENDOR = Path(__file__).parent / "vendor" / "schemaorg"
SCHEMA = "http://schema.org/"
BRIEFING = "macron-opposes-nato-office-in-japan"


@cache
def _context() -> dict[str, Any]:
    return json.loads((VENDOR / "context.jsonld").read_text(encoding="utf-8"))


@cache
def _vocabulary() -> dict[str, dict[str, list[str]]]:
    return json.loads((VENDOR / "vocabulary.json").read_text(encoding="utf-8"))


def _loader(site: Path):  # type: ignore[no-untyped-def]
    """pyld's document loader: schema.org's context and the built pages, from disk."""

    def load(url: str, options: dict[str, Any]) -> dict[str, Any]:
        if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
            return {
                "contextUrl": None,
                "documentUrl": url,
                "document": _context(),
                "contentType": "application/ld+json",
            }
        assert url.startswith(PUBLISHED_ADDRESS), f"the processor asked for {url}"
        page = site / url.removeprefix(PUBLISHED_ADDRESS).split("#")[0] / "index.html"
        return {
            "contextUrl": None,
            "documentUrl": url,
            "document": page.read_text("utf-8"),
            "contentType": "text/html",
        }

    return load


def _pages(site: Path) -> list[str]:
    """Every briefing, actor, story and outlet page (not their indexes), as site paths."""
    found = []
    for folder in ("briefings", "actors", "stories", "outlets"):
        found += [f"{folder}/{p.parent.name}/" for p in sorted((site / folder).glob("*/index.html"))]
    return found


@pytest.fixture(scope="module")
def expanded(published_site: Path) -> dict[str, list[dict[str, Any]]]:
    """Each page's JSON-LD, as pyld extracts it from the HTML and expands it."""
    options = {"documentLoader": _loader(published_site), "extractAllScripts": True}
    return {path: jsonld.expand(PUBLISHED_ADDRESS + path, options) for path in _pages(published_site)}


@pytest.fixture(scope="module")
def compacted(published_site: Path, expanded: dict) -> dict[str, dict[str, Any]]:
    """Each page's JSON-LD compacted again with schema.org's context: the terms a consumer reads
    (with no base, so that addresses stay as they are)."""
    options = {"documentLoader": _loader(published_site), "base": ""}
    return {
        path: jsonld.compact(document, "https://schema.org", options) for path, document in expanded.items()
    }


def test_every_briefing_actor_story_and_outlet_page_has_one_description(
    published_site: Path, expanded: dict
) -> None:
    assert len(expanded) == 2 + 19 + 1 + 4
    for path, nodes in expanded.items():
        html_text = (published_site / path / "index.html").read_text("utf-8")
        assert html_text.count('<script type="application/ld+json">') == 1, path
        assert len(nodes) == 1, path
        assert nodes[0]["@id"].startswith(PUBLISHED_ADDRESS + path), path


def _nodes(value: Any) -> Iterator[dict[str, Any]]:
    """Every node object of an expanded document, nested ones included."""
    if isinstance(value, list):
        for item in value:
            yield from _nodes(item)
    elif isinstance(value, dict) and "@value" not in value:
        yield value
        for key, item in value.items():
            if not key.startswith("@"):
                yield from _nodes(item)


def _ancestors(type_label: str) -> set[str]:
    types = _vocabulary()["types"]
    seen, todo = set(), [type_label]
    while todo:
        current = todo.pop()
        if current not in seen:
            seen.add(current)
            todo.extend(types.get(current, []))
    return seen


def test_every_type_and_property_is_schema_org_and_fits_its_node(expanded: dict) -> None:
    vocabulary = _vocabulary()
    for path, document in expanded.items():
        for node in _nodes(document):
            types = [t.removeprefix(SCHEMA) for t in node.get("@type", [])]
            assert all(t in vocabulary["types"] for t in types), (path, types)
            allowed = set().union(*(_ancestors(t) for t in types)) if types else None
            for key in node:
                if key.startswith("@"):
                    continue
                assert key.startswith(SCHEMA), (path, key)
                name = key.removeprefix(SCHEMA)
                assert name in vocabulary["properties"], (path, name)
                if allowed is not None:  # a reference ({"@id"}) is typed where it is described
                    assert allowed & set(vocabulary["properties"][name]), (path, types, name)


def test_every_address_is_absolute(expanded: dict) -> None:
    corpus = validate_repository(REPO).corpus
    websites = tuple(outlet.website for outlet in corpus.outlets.values() if outlet.website)  # their own
    for path, document in expanded.items():
        for node in _nodes(document):
            ids = [node.get("@id", PUBLISHED_ADDRESS)] + [
                v["@id"] for values in node.values() if isinstance(values, list) for v in values
                if isinstance(v, dict) and set(v) == {"@id"}
            ]  # fmt: skip
            assert all(
                i.startswith((PUBLISHED_ADDRESS, "https://www.wikidata.org/wiki/Q", *websites)) for i in ids
            ), (
                path,
                ids,
            )


def _text(value: Any) -> str:
    return value["@value"] if isinstance(value, dict) else value


def test_a_briefing_is_a_news_article_as_search_engines_require(compacted: dict) -> None:
    """Google's Article guidelines: a headline of at most 110 characters, an ISO 8601 date, an author
    or a publisher with a name (our image is optional there: the site has none)."""
    corpus = validate_repository(REPO).corpus
    for slug, briefing in corpus.briefings.items():
        node = compacted[f"briefings/{slug}/"]
        assert node["type"] == "NewsArticle"
        assert node["headline"] == briefing.title_in("en") and len(node["headline"]) <= 110
        assert node["datePublished"] == briefing.published.iso()
        outlet = corpus.outlets[briefing.source.outlet or ""]  # its record, never a borrowed name
        website = {"url": outlet.website} if outlet.website else {}
        assert node["publisher"] == {"type": "NewsMediaOrganization", "name": outlet.name, **website}
        assert node["sourceOrganization"] == node["publisher"]
        assert node["url"] == node["mainEntityOfPage"] == f"{PUBLISHED_ADDRESS}briefings/{slug}/"
        if briefing.title_in("en") != briefing.title:
            assert node["alternativeHeadline"] == {"@language": briefing.language, "@value": briefing.title}
        assert "isBasedOn" not in node  # the seed briefings do not give their article's address


def test_a_briefing_names_its_actors_quotes_and_events(compacted: dict) -> None:
    corpus = validate_repository(REPO).corpus
    briefing = corpus.briefings[BRIEFING]
    node = compacted[f"briefings/{BRIEFING}/"]
    about = {a["name"]: a for a in node["about"]}
    assert len(about) == len(briefing.actors)
    assert about["Emmanuel Macron"]["type"] == "Person"
    assert about["Emmanuel Macron"]["sameAs"] == "https://www.wikidata.org/wiki/Q3052772"
    assert about["France"]["type"] == "Country" and about["NATO"]["type"] == "Organization"
    quotes = node["hasPart"]
    assert [q["id"].rsplit("#", 1)[1] for q in quotes] == [f"quote-{q.id}" for q in briefing.quotes]
    first = quotes[0]
    assert first["type"] == "Quotation"
    assert first["text"] == {"@language": "id", "@value": briefing.quotes[0].text}
    assert first["spokenByCharacter"] == first["creator"] == {"id": about["Emmanuel Macron"]["id"]}
    assert first["workTranslation"]["text"] == {
        "@language": "en",
        "@value": briefing.quotes[0].translations["en"],
    }
    events = [m for m in node["mentions"] if m["type"] == "Event"]
    assert [e["startDate"] for e in events] == [e.date.start.iso() for e in briefing.dates]
    assert events[0]["startDate"] == "2022"  # a year-only date stays a year
    assert events[1]["endDate"] == "2023-07-12"
    assert node["isPartOf"]["type"] == "CreativeWorkSeries"


def test_actor_and_story_pages(compacted: dict) -> None:
    macron = compacted["actors/emmanuel-macron/"]
    assert macron["type"] == "Person" and macron["name"] == "Emmanuel Macron"
    assert macron["sameAs"] == "https://www.wikidata.org/wiki/Q3052772"
    assert {a["url"] for a in macron["subjectOf"]} == {
        f"{PUBLISHED_ADDRESS}briefings/{BRIEFING}/",
        f"{PUBLISHED_ADDRESS}briefings/macron-blocks-nato-tokyo-liaison-office/",
    }
    assert compacted["actors/france/"]["type"] == "Country"
    story = compacted["stories/nato-tokyo-liaison-office/"]
    assert story["type"] == "CreativeWorkSeries" and len(story["hasPart"]) == 2
    assert all(part["type"] == "NewsArticle" and part["publisher"]["name"] for part in story["hasPart"])


def test_an_outlet_page_describes_a_news_media_organization(compacted: dict) -> None:
    afp = compacted["outlets/agence-france-presse/"]
    assert afp["type"] == "NewsMediaOrganization" and afp["name"] == "Agence France-Presse"
    assert afp["url"] == "https://www.afp.com" and afp["alternateName"] == "AFP"
    assert afp["sameAs"] == "https://www.wikidata.org/wiki/Q40464"
    islam_times = compacted["outlets/islam-times/"]
    assert islam_times["url"] == islam_times["mainEntityOfPage"]  # no website known: its page here


# -- without a build -------------------------------------------------------------------------------


def _briefing_description(site_url: str | None, **changes: Any) -> dict[str, Any]:
    corpus = validate_repository(REPO).corpus
    corpus = dataclasses.replace(
        corpus,
        briefings={**corpus.briefings, BRIEFING: dataclasses.replace(corpus.briefings[BRIEFING], **changes)},
    )
    site = site_of(corpus, site_url=site_url)
    ctx = Context(Links(True, site_url), f"briefings/{BRIEFING}.md", site.data.mentions)
    described = structured.briefing(BRIEFING, site.data, ctx)
    assert described.data is not None
    return dict(described.data)


def test_the_outlets_article_is_the_source_when_its_address_is_known() -> None:
    source = Source(
        "informasiterpercaya-com", url="https://example.org/a?b=1", credits=("agence-france-presse",)
    )
    node = _briefing_description("https://example.org/site/", source=source, published=PartialDate(2023, 7))
    assert node["isBasedOn"] == {
        "@type": "NewsArticle",
        "url": "https://example.org/a?b=1",
        "headline": {"@value": "Macron Menentang Kantor Penghubung NATO di Jepang", "@language": "id"},
        "inLanguage": "id",
        "datePublished": "2023-07",
        "publisher": {
            "@type": "NewsMediaOrganization",
            "name": "informasiterpercaya.com",
            "url": "https://informasiterpercaya.com",
        },
    }
    assert node["datePublished"] == "2023-07" and node["creditText"] == "Agence France-Presse"


def test_an_article_that_names_no_outlet_has_no_publisher() -> None:
    node = _briefing_description(
        "https://example.org/site/", source=Source(None, url="https://example.org/a")
    )
    assert "publisher" not in node and "sourceOrganization" not in node
    assert "publisher" not in node["isBasedOn"]


def test_without_the_sites_address_addresses_are_relative_to_the_page() -> None:
    node = _briefing_description(None)
    page = f"../../briefings/{BRIEFING}/"  # up to the site's root and down: right from the page
    assert node["url"] == page and node["@id"] == page + "#briefing"
    assert node["about"][0]["url"] == "../../actors/emmanuel-macron/"


def test_script_text_cannot_close_its_element() -> None:
    hostile = {"name": "</script><script>alert(1)</script> <!-- & -->", "n": ["\u2028", '"\\']}
    text = structured.script_text(hostile)
    assert not {"<", ">", "&", "\n"} & set(text)
    assert json.loads(text) == hostile
