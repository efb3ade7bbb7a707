"""The published site, built for real with `mkdocs build --strict` from the seed briefings."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from build_tools.render.components import display_quote
from build_tools.validate import validate_repository

from .conftest import REPO
from .site_helpers import build_site, content_of, parse_page, seed_site_object, site_of

GOLDEN = Path(__file__).parent / "golden" / "pages"
GOLDEN_PAGES = {
    "briefing-000.md": "briefings/macron-opposes-nato-office-in-japan.md",
    "briefing-002.md": "briefings/macron-blocks-nato-tokyo-liaison-office.md",
    "actor.md": "actors/emmanuel-macron.md",
    "story.md": "stories/nato-tokyo-liaison-office.md",
    "topic.md": "topics/nato.md",
    "timeline.md": "timeline/index.md",
    "home.md": "index.md",
    "briefings-index.md": "briefings/index.md",
    "actors-index.md": "actors/index.md",
    "stories-index.md": "stories/index.md",
    "topics-index.md": "topics/index.md",
    "outlet.md": "outlets/islam-times.md",
    "outlets-index.md": "outlets/index.md",
}
BRIEFING_000 = "briefings/macron-opposes-nato-office-in-japan/index.html"
BRIEFING_002 = "briefings/macron-blocks-nato-tokyo-liaison-office/index.html"


@pytest.fixture(scope="module")
def seed_pages() -> dict[str, str]:
    result = validate_repository(REPO)
    assert not result.problems
    return {page.src_uri: page.markdown() for page in site_of(result.corpus).pages()}


@pytest.mark.parametrize("golden_name", sorted(GOLDEN_PAGES))
def test_golden_markdown(golden_name: str, seed_pages: dict[str, str], update_goldens: bool) -> None:
    path = GOLDEN / golden_name
    actual = seed_pages[GOLDEN_PAGES[golden_name]]
    if update_goldens:
        path.write_text(actual, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == actual


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("site")
    done = build_site(REPO, site)
    assert done.returncode == 0, done.stderr
    assert "WARNING" not in done.stderr, done.stderr
    return site


def test_every_page_and_feed_of_the_registry_is_built(seed_site: Path) -> None:
    site = seed_site_object()
    assert len(site.entries) > 30
    for uri in site.entries:
        url = site.links.url(uri)
        assert (seed_site / (url + "index.html" if url.endswith("/") or not url else url)).is_file(), uri
    for feed in site.feeds():
        assert (seed_site / feed.path).read_text(encoding="utf-8") == feed.content
    for asset in site.assets():
        assert (seed_site / asset.path).is_file(), asset.path
    data = site.data_files()
    assert len(data) > 20
    for file in data:  # the open data, byte for byte (the SQLite database too)
        assert (seed_site / file.path).read_bytes() == file.content, file.path


def test_seed_briefings_link_each_other_with_a_reason(seed_site: Path) -> None:
    for page, other in ((BRIEFING_000, "macron-blocks-nato-tokyo-liaison-office"),
                        (BRIEFING_002, "macron-opposes-nato-office-in-japan")):  # fmt: skip
        html = content_of((seed_site / page).read_text(encoding="utf-8"))
        related = html[html.index('<ul class="bf-related">') :]
        related = related[: related.index("</ul>")]
        assert f'href="../../briefings/{other}/"' in related
        assert "same story" in related and "both quote Emmanuel Macron" in related


def test_actor_page_lists_every_quote_with_a_link_back(seed_site: Path) -> None:
    corpus = validate_repository(REPO).corpus
    html = content_of((seed_site / "actors/emmanuel-macron/index.html").read_text(encoding="utf-8"))
    quotes = [
        (b.slug, q) for b in corpus.briefings.values() for q in b.quotes if q.speaker == "emmanuel-macron"
    ]
    assert len(quotes) >= 4
    text = re.sub(r"<[^>]+>", "", html)
    import html as html_module

    text = html_module.unescape(text)
    for slug, quote in quotes:
        assert display_quote(quote.text) in text  # shown without the sentence's trailing comma
        assert f'href="../../briefings/{slug}/#quote-{quote.id}"' in html


def test_timeline_is_in_order_and_keeps_precision(seed_site: Path) -> None:
    page = parse_page(seed_site / "timeline" / "index.html")
    events = [a for tag, a in page.tags if tag == "li" and "bf-event" in (a.get("class") or "")]
    dates = [a["data-date"] for a in events]
    assert len(dates) == 12
    starts = [d.split("/")[0] for d in dates]
    assert starts == sorted(starts)
    text = "".join(page.text)
    assert "2007" in text and "1 January 2007" not in text and "January 2007" not in text
    assert "May 2023" in text and "1 May 2023" not in text


def test_every_internal_link_and_anchor_resolves(seed_site: Path) -> None:
    pages = {
        p: parse_page(p) for p in seed_site.rglob("*.html") if p.name != "404.html"
    }  # 404 uses absolute URLs
    checked = 0
    for path, page in pages.items():
        base = "file://" + str(path)
        for href in page.links:
            if urlsplit(href).scheme in ("http", "https", "mailto"):
                continue
            target_url, anchor = urldefrag(urljoin(base, href))
            target = Path(urlsplit(target_url).path)
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), f"{path.relative_to(seed_site)} links to missing {href}"
            if anchor:
                assert anchor in pages[target].ids, f"{path.relative_to(seed_site)}: no #{anchor} in {href}"
            checked += 1
    assert checked > 500


def test_quote_cards_and_highlights_point_at_each_other(seed_site: Path) -> None:
    corpus = validate_repository(REPO).corpus
    page = parse_page(seed_site / BRIEFING_000)
    briefing = corpus.briefings["macron-opposes-nato-office-in-japan"]
    for quote in briefing.quotes:
        assert f"quote-{quote.id}" in page.ids and f"text-{quote.id}" in page.ids
        assert f"#text-{quote.id}" in page.links and f"#quote-{quote.id}" in page.links


def test_article_is_aligned_with_its_translation(seed_site: Path) -> None:
    corpus = validate_repository(REPO).corpus
    for slug, page_path in (("macron-opposes-nato-office-in-japan", BRIEFING_000),
                            ("macron-blocks-nato-tokyo-liaison-office", BRIEFING_002)):  # fmt: skip
        briefing = corpus.briefings[slug]
        page = parse_page(seed_site / page_path)

        def classes(attributes: dict) -> list[str]:
            return (attributes.get("class") or "").split()

        rows = [a for tag, a in page.tags if tag == "div" and "bf-row" in classes(a)]
        originals = [a for tag, a in page.tags if tag == "p" and "bf-original" in classes(a)]
        translations = [a for tag, a in page.tags if tag == "p" and "bf-translation" in classes(a)]
        assert len(rows) == len(briefing.article.paragraphs) == len(translations) == len(originals)
        assert all(a.get("lang") == briefing.language for a in originals)
        assert all(a.get("lang") == "en" for a in translations)


def test_generated_pages_stay_out_of_the_navigation(seed_site: Path) -> None:
    html = (seed_site / "index.html").read_text(encoding="utf-8")
    sidebar = html[html.index('<nav class="md-nav md-nav--primary"') : html.index('<div class="md-content"')]
    assert 'href="timeline/"' in sidebar and 'href="stories/"' in sidebar
    assert "macron-opposes-nato-office-in-japan" not in sidebar
    assert "emmanuel-macron" not in sidebar


def test_validation_errors_fail_the_build_with_positions(repo_copy: Path, tmp_path: Path) -> None:
    briefing = repo_copy / "briefings" / "macron-opposes-nato-office-in-japan.yml"
    briefing.write_text(briefing.read_text(encoding="utf-8").replace("language: id", "language: no"), "utf-8")
    shutil.copytree(REPO / "docs", repo_copy / "docs", dirs_exist_ok=True)
    done = build_site(repo_copy, tmp_path / "site")
    assert done.returncode == 1
    assert "briefings/macron-opposes-nato-office-in-japan.yml:3:11: error: no would be read as" in done.stderr
    assert "Traceback" not in done.stderr


def test_markdown_export_matches_what_the_plugin_renders(tmp_path: Path, seed_pages: dict[str, str]) -> None:
    from build_tools.cli import run

    out = tmp_path / "markdown"
    assert run(["--root", str(REPO), "build", "--markdown", str(out)]) == 0
    written = {p.relative_to(out).as_posix(): p.read_text("utf-8") for p in out.rglob("*.md")}
    assert written == seed_pages
    assert run(["--root", str(REPO), "build", "--markdown", str(out)]) == 0  # its own folder: rewritten


def test_markdown_export_never_writes_into_a_folder_it_did_not_make(tmp_path: Path) -> None:
    from build_tools.cli import run

    (tmp_path / "notes.md").write_text("mine", encoding="utf-8")
    assert run(["--root", str(REPO), "build", "--markdown", str(tmp_path)]) == 2
    assert (tmp_path / "notes.md").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.md"]


def test_a_renamed_briefing_keeps_its_old_address(repo_copy: Path, tmp_path: Path) -> None:
    """`renamed_from` lists a briefing's former slugs: each old address sends readers on."""
    old, new = "macron-opposes-nato-office-in-japan", "macron-opposes-a-nato-office-in-japan"
    source = repo_copy / "briefings" / f"{old}.yml"
    text = source.read_text(encoding="utf-8").replace(
        "story: nato-tokyo-liaison-office", f"story: nato-tokyo-liaison-office\nrenamed_from: [{old}]"
    )
    source.unlink()
    (repo_copy / "briefings" / f"{new}.yml").write_text(text, encoding="utf-8")
    other = repo_copy / "briefings" / "macron-blocks-nato-tokyo-liaison-office.yml"
    other.write_text(other.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    site = tmp_path / "site"
    done = build_site(repo_copy, site)
    assert done.returncode == 0, done.stderr
    moved = (site / "briefings" / old / "index.html").read_text(encoding="utf-8")
    assert f'<meta http-equiv="refresh" content="0; url=../../briefings/{new}/">' in moved
    assert '<meta name="robots" content="noindex">' in moved
    assert f'href="../../briefings/{new}/"' in content_of(moved)
    assert (site / "briefings" / new / "index.html").is_file()
