"""The search documents of the seed site: passages at ids the pages have (quotes among them, with
who said each), nothing from metadata lists in the text, every metadata field ranked or shown; and
what Pagefind makes of them, as the search page reads it."""

from __future__ import annotations

import gzip
import html as html_module
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
        assert _ids(document) <= pages[url], (url, language, _ids(document) - pages[url])


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
    quotes = {f"quote-{q.id}" for q in briefing.quotes}
    events = {f"event-{n}" for n in range(1, 7)}
    assert _ids(original) == _ids(english) == {"summary", *quotes, *events} | {f"p{n}" for n in range(1, 18)}


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


def test_quotes_are_passages_weighted_above_the_rest_with_their_speakers() -> None:
    original, english = _documents()[(A, "id")], _documents()[(A, "en")]
    quote = "quote-geography-is-stubborn"
    said_id = html.text("Apapun kata orang, geografi itu keras kepala")
    assert f'<p id="{quote}" data-pagefind-weight="2">{said_id}</p>' in original.html
    said = html.text("Whatever people say, geography is stubborn")
    context = html.text("Said after the NATO summit in Vilnius")
    assert _text(english, quote).startswith(
        f'<p data-pagefind-weight="2">{said}</p><p data-pagefind-weight="0.3">{context}'
    )
    for document in (original, english):
        meta = _meta(document)
        in_order = re.findall(r'id="(quote-[^"]+)"', document.html)
        names = json.loads(html_module.unescape(meta["speakers"]))
        assert len(names) == len(in_order) == 7
        assert names[in_order.index(quote)] == "Emmanuel Macron"
        assert names[in_order.index("quote-security-is-global")] == "Jens Stoltenberg"
        assert meta["title_en"] == html.text("Macron Opposes a NATO Liaison Office in Japan")
        assert meta["title_orig"] == html.text("Macron Menentang Kantor Penghubung NATO di Jepang")
    attributed = json.loads(html_module.unescape(_meta(_documents()[(B, "en")])["speakers"]))
    assert attributed[2] == "An unnamed source quoted by the FT, describing the position of Paris"


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
    assert {"title", "name", "names", "title_en", "title_orig", "kind", "date", "speakers"} <= used


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


def test_pagefind_keeps_every_passage_id_and_the_speakers(tmp_path: Path) -> None:
    """What the search page reads from a result: the ids in the order of the text (the passage
    that matched is the last id before a match) and the speakers of the quotes."""
    write_search_bundles([_documents()[(A, "en")]], tmp_path)
    (fragment,) = _fragments(tmp_path / "pagefind" / "en")
    assert fragment["url"] == "/" + A
    ids = [anchor["id"] for anchor in sorted(fragment["anchors"], key=lambda a: a["location"])]  # type: ignore[union-attr]
    assert ids == re.findall(r' id="([^"]+)"', _documents()[(A, "en")].html)
    words = fragment["content"].split()  # type: ignore[union-attr]
    at = {anchor["id"]: anchor["location"] for anchor in fragment["anchors"]}  # type: ignore[union-attr]
    assert words[at["quote-geography-is-stubborn"]] == "Whatever"
    assert words[at["p6"]] == "\u201cWhatever"
    assert json.loads(fragment["meta"]["speakers"])[0] == "Emmanuel Macron"  # type: ignore[index]
