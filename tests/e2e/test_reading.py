"""Reading a briefing: the language choice (remembered across pages), `lang` on every passage,
quote permalinks with copy buttons, citations, the print layout and feed autodiscovery."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from .conftest import BRIEFING, OTHER_BRIEFING, PAGE_KINDS, Reader, make_reader

FIRST_QUOTE = "quote-geography-is-stubborn"

#: every element holding text in one language, and the language it must declare
LANGUAGE_OF = {
    "h1#title .bf-title.bf-orig": "id",
    "h1#title .bf-title.bf-en": "en",
    ".bf-original": "id",
    ".bf-translation": "en",
    ".bf-quote blockquote": "id",
    ".bf-quote-translation": "en",
}


def mode_of(page: Page) -> str:
    """The reading mode, as the class on <html> the stylesheet follows."""
    classes = (page.get_attribute("html", "class") or "").split()
    (mode,) = [c.removeprefix("bf-read-") for c in classes if c.startswith("bf-read-")]
    return mode


def pressed(page: Page) -> dict[str, str | None]:
    buttons = page.locator(".bf-reading [data-bf-mode]")
    return {b.get_attribute("data-bf-mode") or "": b.get_attribute("aria-pressed") for b in buttons.all()}


def test_every_passage_declares_its_language(reader: Reader) -> None:
    page = reader.open(BRIEFING)
    assert page.get_attribute("html", "lang") == "en"
    for selector, language in LANGUAGE_OF.items():
        elements = page.locator(selector).all()
        assert elements, selector
        assert {e.get_attribute("lang") for e in elements} == {language}, selector
    # every piece of text in the article and the quotes resolves to the language it is written in
    resolved = page.evaluate("""() => {
        const out = {};
        for (const cell of document.querySelectorAll('.bf-original, .bf-translation, .bf-quote blockquote p')) {
            const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
                const lang = walker.currentNode.parentElement.closest('[lang]').lang;
                const kind = cell.classList.contains('bf-translation') ? 'translation' : 'original';
                (out[kind] = out[kind] || new Set()).add(lang);
            }
        }
        return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v]]));
    }""")
    assert resolved == {"original": ["id"], "translation": ["en"]}
    summary = page.locator(".bf-summary .bf-alt")
    assert {summary.nth(i).get_attribute("lang") for i in range(summary.count())} == {"en", "id"}


def test_the_language_choice_is_a_group_of_toggle_buttons(reader: Reader) -> None:
    page = reader.open(BRIEFING)
    group = page.get_by_role("group", name="Reading language")
    expect(group).to_be_visible()  # revealed by the script
    assert [b.inner_text() for b in group.get_by_role("button").all()] == [
        "Indonesian",
        "English",
        "Side by side",
    ]
    assert pressed(page) == {"original": "false", "en": "false", "both": "true"}
    expect(page.locator(".bf-original").first).to_be_visible()
    expect(page.locator(".bf-translation").first).to_be_visible()

    group.get_by_role("button", name="English").click()
    assert pressed(page) == {"original": "false", "en": "true", "both": "false"}
    assert mode_of(page) == "en"
    expect(page.locator(".bf-original").first).to_be_hidden()
    expect(page.locator(".bf-translation").first).to_be_visible()
    expect(page.locator(".bf-summary .bf-alt[lang='id']")).to_be_hidden()
    expect(page.locator(".bf-summary .bf-alt[lang='en']")).to_be_visible()

    group.get_by_role("button", name="Indonesian").focus()
    page.keyboard.press("Enter")  # a native button: the keyboard works as well as the mouse
    assert pressed(page) == {"original": "true", "en": "false", "both": "false"}
    assert mode_of(page) == "original"
    expect(page.locator(".bf-original").first).to_be_visible()
    expect(page.locator(".bf-translation").first).to_be_hidden()
    expect(page.locator("h1#title .bf-title[lang='en']")).to_be_hidden()
    expect(page.locator("h1#title .bf-title[lang='id']")).to_be_visible()
    expect(page.locator(".bf-summary .bf-alt[lang='en']")).to_be_hidden()
    # the buttons speak the reading language too
    assert [b.inner_text() for b in group.get_by_role("button").all()] == [
        "Indonesia",
        "Inggris",
        "Berdampingan",
    ]


def test_the_language_choice_is_remembered_across_pages(reader: Reader) -> None:
    page = reader.open(BRIEFING)
    page.get_by_role("button", name="English").click()
    page = reader.open(OTHER_BRIEFING)
    assert pressed(page) == {"original": "false", "en": "true", "both": "false"}
    assert mode_of(page) == "en"
    expect(page.locator(".bf-original").first).to_be_hidden()
    page = reader.open("actors/emmanuel-macron/")  # every page kind follows the choice
    assert mode_of(page) == "en" and pressed(page)["en"] == "true"
    expect(page.locator(".bf-description .bf-alt[lang='id']")).to_be_hidden()
    page = reader.open(OTHER_BRIEFING)
    page.get_by_role("button", name="Side by side").click()
    page.reload()
    assert pressed(page) == {"original": "false", "en": "false", "both": "true"}
    expect(page.locator(".bf-original").first).to_be_visible()


def test_following_a_quote_into_the_article_shows_its_original_in_english_mode(reader: Reader) -> None:
    page = reader.open(BRIEFING)
    page.get_by_role("button", name="English").click()
    page.locator(f"#{FIRST_QUOTE} .bf-in-article").click()
    expect(page.locator("#text-geography-is-stubborn")).to_be_visible()


def test_without_the_script_both_languages_are_shown_and_no_dead_control(browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = make_reader(context, base_url).open(BRIEFING)
        expect(page.locator(".bf-reading")).to_be_hidden()
        expect(page.locator(".bf-original").first).to_be_visible()
        expect(page.locator(".bf-translation").first).to_be_visible()
        assert page.locator(".bf-copy").count() == 0
    finally:
        context.close()


# -- copying ----------------------------------------------------------------------------------


@pytest.fixture
def clipboard(context: BrowserContext, base_url: str) -> BrowserContext:
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    return context


def read_clipboard(page: Page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def test_every_quote_has_a_permalink_and_a_copy_button(reader: Reader, clipboard: BrowserContext) -> None:
    page = reader.open(BRIEFING)
    quotes = page.locator("#quotes ~ .bf-quotes figure.bf-quote")
    assert quotes.count() == 7
    for i in range(quotes.count()):
        quote = quotes.nth(i)
        anchor = quote.get_attribute("id")
        assert quote.locator(".bf-permalink").get_attribute("href") == f"#{anchor}"
        expect(quote.get_by_role("button", name="Copy link to this quote")).to_be_visible()
    page.locator(f"#{FIRST_QUOTE}").get_by_role("button", name="Copy link to this quote").click()
    expect(page.locator(".bf-status")).to_have_text("Copied to the clipboard.")
    assert read_clipboard(page) == f"{reader.base_url}{BRIEFING}#{FIRST_QUOTE}"
    page.goto(read_clipboard(page))
    expect(page.locator(f"#{FIRST_QUOTE}")).to_be_in_viewport()


def test_copy_works_without_the_clipboard_api(reader: Reader, clipboard: BrowserContext) -> None:
    """Where `navigator.clipboard` is missing (plain HTTP on another host, older browsers), the
    script copies through a selection; the clipboard is the browser's, read from another tab."""
    other = make_reader(clipboard, reader.base_url).open("")
    other.evaluate("navigator.clipboard.writeText('nothing copied yet')")
    reader.page.add_init_script(
        "Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined})"
    )
    page = reader.open(BRIEFING)
    assert page.evaluate("navigator.clipboard") is None
    page.locator(f"#{FIRST_QUOTE}").get_by_role("button", name="Copy link to this quote").click()
    expect(page.locator(".bf-status")).to_have_text("Copied to the clipboard.")
    assert read_clipboard(other) == f"{reader.base_url}{BRIEFING}#{FIRST_QUOTE}"
    assert page.locator("textarea").count() == 0  # the buffer is gone


def test_an_actor_page_quote_copies_the_briefing_permalink(reader: Reader, clipboard: BrowserContext) -> None:
    page = reader.open("actors/emmanuel-macron/")
    card = page.locator(f"figure#macron-opposes-nato-office-in-japan--{FIRST_QUOTE[len('quote-') :]}")
    card.get_by_role("button", name="Copy link to this quote").click()
    assert read_clipboard(page) == f"{reader.base_url}{BRIEFING}#{FIRST_QUOTE}"


def test_citations_are_offered_in_bibtex_and_csl_json(reader: Reader, clipboard: BrowserContext) -> None:
    page = reader.open(BRIEFING)
    cite = page.locator("details.bf-cite")
    expect(cite.locator("pre").first).to_be_hidden()  # closed until asked for
    cite.locator("summary").click()
    bibtex = cite.locator("[data-bf-copy='BibTeX'] code").inner_text()
    assert bibtex.startswith("@online{macron-opposes-nato-office-in-japan,\n")
    assert "  title = {{Macron Menentang Kantor Penghubung NATO di Jepang}},\n" in bibtex
    assert "  date = {2023-07-13},\n" in bibtex and "  langid = {indonesian},\n" in bibtex
    csl = json.loads(cite.locator("[data-bf-copy='CSL-JSON'] code").inner_text())
    assert csl == [{
        "id": "macron-opposes-nato-office-in-japan", "type": "article-newspaper",
        "title": "Macron Menentang Kantor Penghubung NATO di Jepang", "container-title": "informasiterpercaya.com",
        "issued": {"date-parts": [[2023, 7, 13]]}, "language": "id", "author": [{"literal": "Agence France-Presse"}],
        "note": "English title: Macron Opposes a NATO Liaison Office in Japan",
    }]  # fmt: skip
    cite.get_by_role("button", name="Copy BibTeX citation").click()
    expect(cite.get_by_role("button", name="Copied")).to_have_text("Copied", use_inner_text=True)
    assert read_clipboard(page) == bibtex
    cite.get_by_role("button", name="Copy CSL-JSON citation").click()
    assert json.loads(read_clipboard(page)) == csl


# -- print --------------------------------------------------------------------------------------


def test_a_briefing_prints_as_a_clean_document(reader: Reader) -> None:
    page = reader.open(BRIEFING)
    page.get_by_role("button", name="English").click()  # print shows both languages whatever the choice
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".bf-reading",
                   ".bf-copy", ".bf-cite", ".bf-thread", ".headerlink"):  # fmt: skip
        for element in page.locator(chrome).all():
            expect(element).to_be_hidden()
    for content in ("h1#title .bf-orig", "h1#title .bf-en", ".bf-source", "figure.bf-quote", ".bf-quote-translation",
                    ".bf-original", ".bf-translation", ".bf-timeline", ".bf-summary .bf-orig"):  # fmt: skip
        expect(page.locator(content).first).to_be_visible()
    assert page.pdf(format="A4")[:5] == b"%PDF-"


# -- feeds ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["home", "story", "actor", "topic", "briefing"])
def test_feeds_are_discoverable_from_the_head(reader: Reader, kind: str) -> None:
    page = reader.open(PAGE_KINDS[kind])
    links = page.locator("head link[rel~='alternate'][rel~='feed']")
    found = {(link.get_attribute("type"), link.evaluate("l => l.href")) for link in links.all()}
    expected = 4 if kind in ("story", "actor", "topic") else 2
    assert len(found) == expected, found
    for media_type, href in found:
        response = page.request.get(href)
        assert response.ok, href
        root = ET.fromstring(response.body())
        assert root.tag == (
            "{http://www.w3.org/2005/Atom}feed" if media_type == "application/atom+xml" else "rss"
        )


# -- a page that does not exist -----------------------------------------------------------------


def test_the_not_found_page_offers_search_and_the_indexes(reader: Reader) -> None:
    page = reader.open("404.html")
    assert page.locator("h1#title").inner_text() == "Page not found"
    links = [a.get_attribute("href") for a in page.locator(".bf-not-found-links a").all()]
    assert len(links) == 5
    for href in links:
        assert page.request.get(page.url.rsplit("/", 1)[0] + "/" + href).ok, href
    page.locator("#bf-query-404").fill("nuklir")
    page.locator(".bf-not-found-search button[type=submit]").click()
    page.wait_for_url("**/search/?q=nuklir")
    expect(page.locator(".bf-search-results li").first).to_be_visible()
