"""The search documents of the seed site: passages at ids the pages have, quotes as documents of
their own, nothing from metadata lists in the text, every metadata field ranked or shown; and
Pagefind reporting a quote's address as the search page reads it."""

from __future__ import annotations

import gzip
import json
import re
from functools import cache
from pathlib import Path

from build_tools.render import html
from build_tools.render.search import (
    DISPLAY_META,
    SEARCHED_META,
    Passage,
    SearchDocument,
    SearchFields,
    documents,
)
from build_tools.search import write_search_bundles

from .site_helpers import seed_site_object

A = "briefings/macron-opposes-nato-office-in-japan/"
B = "briefings/macron-blocks-nato-tokyo-liaison-office/"


@cache
def _documents() -> dict[tuple[str, str], SearchDocument]:
    """Every search document of the seed site by (address, language)."""
    site = seed_site_object()
    return {(d.url, d.language): d for _, docs in site.search_documents() for d in docs}


@cache
def _page_ids() -> dict[str, set[str]]:
    """The ids of every page's body, by the page's address."""
    site = seed_site_object()
    return {
        site.links.url(page.src_uri): set(re.findall(r' id="([^"]+)"', page.html()[0]))
        for page in site.pages()
    }


def _ids(document: SearchDocument) -> set[str]:
    return set(re.findall(r' id="([^"]+)"', document.html))


def _text(document: SearchDocument, anchor: str) -> str:
    match = re.search(rf'<(p|figure) id="{anchor}"[^>]*>(.*?)</\1>', document.html)
    assert match, (document.url, anchor)
    return match.group(2)


def _meta(document: SearchDocument) -> dict[str, str]:
    return dict(re.findall(r'data-pagefind-meta="([^"]+)">([^<]*)<', document.html))


def test_every_id_in_a_search_document_is_a_place_on_its_page() -> None:
    pages = _page_ids()
    for (url, language), document in _documents().items():
        page = url.split("#")[0]
        assert _ids(document) <= pages[page], (url, language, _ids(document) - pages[page])


def test_a_briefing_is_its_summary_paragraphs_and_events_in_each_language() -> None:
    site = seed_site_object()
    briefing = site.data.corpus.briefings["macron-opposes-nato-office-in-japan"]
    original, english = _documents()[(A, "id")], _documents()[(A, "en")]
    for number, paragraph in enumerate(briefing.article.paragraph_texts(), start=1):
        assert _text(original, f"p{number}") == html.text(paragraph)
        translated = briefing.translations["en"].body[number - 1]
        assert _text(english, f"p{number}") == html.text(translated)
    assert _text(original, "summary").startswith("Presiden Prancis Emmanuel Macron memblokir")
    assert _text(english, "event-6").startswith(html.text("Forecast, not an event"))
    assert _ids(original) == {"summary", "event-1", "event-2", "event-3", "event-4", "event-5", "event-6"} | {
        f"p{n}" for n in range(1, 18)
    }


def _indexed(document: SearchDocument) -> str:
    """The text Pagefind indexes (metadata and filters follow it, in an ignored element)."""
    return document.html[: document.html.index("<div data-pagefind-ignore>")]


def test_no_list_of_actors_or_roles_is_in_the_text() -> None:
    """The issue's complaint: excerpts stitched from the actor list ("Fumio Kishida. Kishida. ...")."""
    for language in ("id", "en"):
        text = _indexed(_documents()[(A, language)])
        assert html.text("Memelopori sikap lebih keras terhadap China") not in text  # a role
        assert html.text("Leads the push for a tougher line on China") not in text
        assert "Kishida" not in text  # named by a role, not by the article
        assert "Fumio" not in text


def test_each_quote_is_a_document_of_its_own_in_each_of_its_languages() -> None:
    quote = f"{A}#quote-geography-is-stubborn"
    original, english = _documents()[(quote, "id")], _documents()[(quote, "en")]
    assert _ids(original) == _ids(english) == {"quote-geography-is-stubborn"}
    assert html.text("Apapun kata orang, geografi itu keras kepala") in original.html
    assert html.text("Whatever people say, geography is stubborn") in english.html
    assert html.text("Said after the NATO summit in Vilnius") in english.html  # its context, in English
    for document in (original, english):
        meta = _meta(document)
        assert meta["kind"] == "Quote" and meta["speaker"] == html.text("Emmanuel Macron")
        assert meta["title_en"] == html.text("Macron Opposes a NATO Liaison Office in Japan")
        assert meta["title_orig"] == html.text("Macron Menentang Kantor Penghubung NATO di Jepang")
        assert "title" not in meta  # a quote ranks by what was said, not by its briefing's title
        filters = dict(re.findall(r'data-pagefind-filter="([^"]+)">([^<]*)<', document.html))
        assert filters["kind"] == "Quote" and filters["actor"] == html.text("Emmanuel Macron")
    quotes = {url for url, _ in _documents() if url.startswith(B + "#")}
    assert quotes == {
        f"{B}#quote-{q}"
        for q in ("spectrum-and-geography", "big-mistake", "nato-china-tensions", "no-bloc-confrontation")
    }


def test_an_actor_is_found_by_its_names_and_shows_its_description() -> None:
    document = _documents()[("actors/fumio-kishida/", "en")]
    meta = _meta(document)
    assert meta["name"] == "Fumio Kishida" and meta["names"] == "Kishida" and "title" not in meta
    text = _indexed(document)
    assert html.text("Japanese politician; Prime Minister of Japan from 2021 to 2024") in text
    assert "Kishida" not in text  # names are searched as names; the text is the description


def test_every_metadata_field_is_searched_with_a_weight_or_only_shown() -> None:
    known = set(SEARCHED_META) | set(DISPLAY_META)
    used = {
        name for d in _documents().values() for name in re.findall(r'data-pagefind-meta="([^"]+)"', d.html)
    }
    assert used <= known, used - known
    assert {"title", "name", "names", "title_en", "title_orig", "kind", "date", "speaker"} <= used


def test_contributor_text_in_a_document_is_inert() -> None:
    payload = '<script>alert(1)</script> " onmouseover="x'
    fields = SearchFields(
        {"en": payload, "id": payload},
        "id",
        passages=(Passage("summary", {"en": payload, "id": payload}),),
        meta={"outlet": payload},
        filters={"outlet": (payload,)},
    )
    for document in documents("briefings/x/", fields):
        assert "<script" not in document.html and '" onmouseover' not in document.html
        assert document.html.count("<p") == 1


def _fragments(bundle: Path) -> list[dict[str, object]]:
    """Pagefind's fragments (one per document): gzip, a signature, then JSON."""
    found = []
    for path in (bundle / "fragment").iterdir():
        raw = gzip.decompress(path.read_bytes())
        found.append(json.loads(raw[raw.index(b"{") :]))
    return found


def test_pagefind_reports_a_quote_at_its_page_with_its_id(tmp_path: Path) -> None:
    """The search page reads a result's page from its address up to `#`, and the passage from
    the document's ids (build_tools/search.py stages a quote beside its page's file)."""
    quote = f"{A}#quote-geography-is-stubborn"
    write_search_bundles([_documents()[(A, "en")], _documents()[(quote, "en")]], tmp_path)
    fragments = {f["url"]: f for f in _fragments(tmp_path / "pagefind" / "en")}
    assert set(fragments) == {"/" + A, f"/{quote}.html"}
    anchors = fragments[f"/{quote}.html"]["anchors"]
    assert [a["id"] for a in anchors] == ["quote-geography-is-stubborn"]  # type: ignore[index]
    assert "Whatever people say, geography is stubborn" in fragments[f"/{quote}.html"]["content"]  # type: ignore[operator]
