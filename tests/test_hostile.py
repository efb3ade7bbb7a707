"""Everything in a pull request is untrusted: payloads in every string field and in an article
must be displayed as text and never become markup, script, links or ids in the built site."""

from __future__ import annotations

import html as html_module
import re
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.render import html

from .site_helpers import build_site, content_of, parse_page

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    '{: onclick="alert(1)" }',
    'Text {: #__drawer onclick="alert(1)" }',
    '--8<-- ".env"',
    "{{ config.extra }} {% include 'base.html' %}",
    '<iframe src="https://evil.example"></iframe>',
    "<style>body{display:none}</style>",
    "__drawer",
    '<div id="__drawer">x</div>',
    "# Heading {#__search}",
    "</title><script>alert(1)</script>",
    '" onmouseover="alert(1)',
    "*[HTML]: Hyper Text",
    "<!-- hidden --> &amp; &lt;b&gt;",
    "![img](javascript:alert(1))",
    "<svg onload=alert(1)>",
    "<https://evil.example/autolink>",
    "JaVaScRiPt:alert(1)",
]
SOURCE_URL = "https://example.org/?q=<script>&x=\"'"
WEBSITE = "https://example.org/?q=<script>"  # the hostile outlet's
FORBIDDEN_TAGS = {"script", "iframe", "style", "object", "embed", "svg", "img", "base", "form"}
#: every id our pages write: fixed words, or a prefix followed by a validated slug or a number
OUR_IDS = re.compile(
    r"^(title|p\d+|event-\d+|quote-[a-z0-9-]+|text-[a-z0-9-]+|[a-z0-9-]+--[a-z0-9-]+|"
    r"summary|key-quotes|whats-next|actors|quotes|events|article|related|about|briefings|coverage|"
    r"timeline|people|organizations|states|\d{4}|month-\d+|latest|stories|compare|same-statement|credits|"
    r"credited-by|unidentified|news-agencies|newspapers|online-outlets|broadcasters|actors-by-briefing|"
    r"statements-by-briefing)$"
)


def _dump(path: Path, modeline: str, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
    path.write_text(f"# yaml-language-server: $schema={modeline}\n{text}", encoding="utf-8")


def _hostile_repository(root: Path) -> None:
    article = "\n".join(f"Paragraf {n}: {payload}" for n, payload in enumerate(PAYLOADS)) + "\n"
    (root / "seeds" / "hostile.txt").write_text(article, encoding="utf-8")
    joined = " ".join(PAYLOADS)
    _dump(root / "briefings" / "actors" / "hostile-actor.yml", "../../build_tools/schema/actor.schema.json", {
        "name": PAYLOADS[0], "kind": "person",
        "description": {"en": joined, "id": PAYLOADS[1]},
        "aliases": ["Paragraf", PAYLOADS[3]],
    })  # fmt: skip
    _dump(root / "briefings" / "stories" / "hostile-story.yml", "../../build_tools/schema/story.schema.json", {
        "title": {"en": PAYLOADS[13], "id": PAYLOADS[2]}, "summary": {"en": joined, "id": PAYLOADS[12]},
    })  # fmt: skip
    _dump(root / "briefings" / "outlets" / "hostile-outlet.yml", "../../build_tools/schema/outlet.schema.json", {
        "name": PAYLOADS[14], "kind": "online", "description": {"en": joined, "id": PAYLOADS[4]},
        "website": WEBSITE, "aliases": [PAYLOADS[5]], "datelines": [PAYLOADS[6]],
        "signatures": [PAYLOADS[7]],
    })  # fmt: skip
    _dump(root / "briefings" / "outlets" / "hostile-agency.yml", "../../build_tools/schema/outlet.schema.json", {
        "name": PAYLOADS[2], "kind": "news-agency", "description": {"en": PAYLOADS[3]},
    })  # fmt: skip
    topics = yaml.safe_load((root / "briefings" / "topics.yml").read_text(encoding="utf-8"))
    topics["hostile-topic"] = {"title": {"en": PAYLOADS[5], "id": PAYLOADS[6]}}
    _dump(root / "briefings" / "topics.yml", "../build_tools/schema/topics.schema.json", topics)
    quotes = [
        {"id": f"hostile-{n}", "text": payload, "speaker": "hostile-actor",
         "translations": {"en": PAYLOADS[-1 - n]}, "context": {"en": PAYLOADS[n + 1]}}
        for n, payload in enumerate(PAYLOADS[:4])
    ] + [{"text": PAYLOADS[7], "attribution": PAYLOADS[8], "translations": {"en": PAYLOADS[9]}}]  # fmt: skip
    quotes[0]["occurrence"] = "1"  # the payload occurs again inside PAYLOADS[13]
    _dump(root / "briefings" / "hostile-briefing.yml", "../build_tools/schema/briefing.schema.json", {
        "article": "seeds/hostile.txt", "language": "id", "title": PAYLOADS[13], "published": "2023-07-14",
        "source": {"outlet": "hostile-outlet", "identified": {"by": "name", "text": PAYLOADS[14]},
                   "url": SOURCE_URL, "credits": ["hostile-agency"]},
        "story": "hostile-story", "topics": ["hostile-topic", "nato"],
        "summary": {"en": joined, "id": "\n\n".join(PAYLOADS)},
        "translations": {"en": {"title": PAYLOADS[15], "body": [f"Paragraph {p}" for p in PAYLOADS]}},
        "actors": [{"id": "hostile-actor", "role": {"en": PAYLOADS[16]}}, "emmanuel-macron"],
        "quotes": quotes,
        "dates": [{"date": "2023-07", "event": {"en": joined, "id": PAYLOADS[17]}, "actors": ["hostile-actor"]}],
        "related": ["macron-opposes-nato-office-in-japan"],
    })  # fmt: skip


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    from .conftest import REPO

    root = tmp_path_factory.mktemp("hostile")
    for folder in ("briefings", "seeds", "docs"):
        shutil.copytree(REPO / folder, root / folder)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    _hostile_repository(root)
    site = root / "site"
    done = build_site(root, site)
    assert done.returncode == 0, done.stderr
    assert "WARNING" not in done.stderr, done.stderr
    return site


HOSTILE_PAGES = [
    "briefings/hostile-briefing/index.html",
    "actors/hostile-actor/index.html",
    "stories/hostile-story/index.html",
    "topics/hostile-topic/index.html",
    "timeline/index.html",
    "index.html",
    "briefings/index.html",
    "briefings/macron-opposes-nato-office-in-japan/index.html",
    "outlets/hostile-outlet/index.html",
    "outlets/hostile-agency/index.html",
    "outlets/index.html",
]


def _structured_data(raw: str) -> tuple[str, str]:
    """A page's JSON-LD (the text of its one `application/ld+json` script, or "") and the page
    without it. Its text is data that holds the payloads as written (test_structured_data_...)."""
    start_tag = '<script type="application/ld+json">'
    if start_tag not in raw:
        return "", raw
    start = raw.index(start_tag) + len(start_tag)
    end = raw.index("</script>", start)  # what an HTML parser takes for the end of the script
    return raw[start:end], raw[:start] + raw[end:]


@pytest.mark.parametrize("page", HOSTILE_PAGES)
def test_no_payload_becomes_markup(hostile_site: Path, page: str) -> None:
    path = hostile_site / page
    raw = path.read_text(encoding="utf-8")
    parsed = parse_page(path)
    assert "javascript:" not in _structured_data(raw)[1].lower()
    content_tags = [t for t, _ in parse_page_text(content_of(raw))]
    assert not FORBIDDEN_TAGS & set(content_tags), page
    for tag, attributes in parsed.tags:
        assert not [name for name in attributes if name.startswith("on")], (page, tag, attributes)
        if tag == "script":
            assert (
                attributes.get("src", "").startswith(("../", "assets/", "search/")) or "src" not in attributes
            )
    assert "alert(1)</script>" not in raw and "<script>alert" not in raw
    duplicates = {i for i in parsed.ids if parsed.ids.count(i) > 1}
    assert not duplicates, duplicates


@pytest.mark.parametrize("page", HOSTILE_PAGES)
def test_no_foreign_ids(hostile_site: Path, page: str) -> None:
    content_ids = [
        a["id"]
        for _, a in parse_page_text(content_of((hostile_site / page).read_text("utf-8")))
        if a.get("id")
    ]
    foreign = [i for i in content_ids if not OUR_IDS.match(i)]
    assert not foreign, foreign


STRUCTURED_PAGES = [
    "briefings/hostile-briefing/index.html",
    "actors/hostile-actor/index.html",
    "stories/hostile-story/index.html",
    "outlets/hostile-outlet/index.html",
]


def _strings(value: object) -> list[str]:
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return [value] if isinstance(value, str) else []


def _addresses(value: object) -> list[str]:
    """Every IRI the JSON-LD gives: its ids, urls and sameAs."""
    if isinstance(value, list):
        return [a for item in value for a in _addresses(item)]
    if not isinstance(value, dict):
        return []
    own = [v for k, v in value.items() if k in ("@id", "url", "sameAs", "mainEntityOfPage")]
    return own + [a for v in value.values() for a in _addresses(v)]


@pytest.mark.parametrize("page", STRUCTURED_PAGES)
def test_structured_data_holds_the_payloads_as_data(hostile_site: Path, page: str) -> None:
    """JSON-LD is serialised with every `<`, `>` and `&` escaped: the first `</script>` an HTML
    parser meets after its start is its own end, the whole text is JSON, the payloads come back
    exactly as written, and every address in it is the site's own, Wikidata's or the article's."""
    import json

    text, _rest = _structured_data((hostile_site / page).read_text(encoding="utf-8"))
    assert text and not {"<", ">", "&"} & set(text)
    data = json.loads(text)
    strings = set(_strings(data))
    expected = {
        "briefings/hostile-briefing/index.html": [PAYLOADS[15], PAYLOADS[14], PAYLOADS[0], PAYLOADS[7]],
        "actors/hostile-actor/index.html": [PAYLOADS[0], PAYLOADS[3]],
        "stories/hostile-story/index.html": [PAYLOADS[13], PAYLOADS[2]],
        "outlets/hostile-outlet/index.html": [PAYLOADS[14], PAYLOADS[5]],
    }[page]
    assert set(expected) <= strings, set(expected) - strings
    outside = (SOURCE_URL, WEBSITE)  # the article's and its outlet's addresses
    for address in _addresses(data):  # else the site's own or Wikidata's
        assert address.startswith(("../../", "https://www.wikidata.org/wiki/Q")) or address in outside


def test_payloads_are_displayed_as_written(hostile_site: Path) -> None:
    page = parse_page(hostile_site / "briefings" / "hostile-briefing" / "index.html")
    text = "".join(page.text)
    for payload in PAYLOADS:
        assert payload in text, payload


def test_title_is_escaped_in_the_head(hostile_site: Path) -> None:
    raw = (hostile_site / "briefings" / "hostile-briefing" / "index.html").read_text("utf-8")
    title = raw[raw.index("<title>") + len("<title>") : raw.index("</title>")]
    assert "<" not in title
    assert html_module.unescape(title) == f"{PAYLOADS[15]} - Annotated news briefings"


def parse_page_text(fragment: str) -> list[tuple[str, dict]]:
    from html.parser import HTMLParser

    tags: list[tuple[str, dict]] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs):
            tags.append((tag, dict(attrs)))

    Collect(convert_charrefs=True).feed(fragment)
    return tags


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        st.characters(
            blacklist_categories=("Cs",),
            blacklist_characters="".join(map(chr, [*range(10), *range(11, 32), *range(127, 160)])),
        )
    )
)
def test_plain_text_displays_exactly_what_was_written(value: str) -> None:
    """Through Python-Markdown with the site's extensions, escaped text reads back unchanged."""
    value = value.replace("\r", "")
    rendered = markdown.markdown(
        f'<p class="x">{html.text(value)}</p>', extensions=["toc", "attr_list", "abbr"]
    )
    assert rendered.startswith('<p class="x">') and rendered.endswith("</p>")
    assert html_module.unescape(rendered[len('<p class="x">') : -len("</p>")]) == value
