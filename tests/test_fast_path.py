"""The plugin hands MkDocs the HTML of generated pages directly. It must be what Python-Markdown,
with the site's own Markdown settings (read from mkdocs.yml), makes of the same pages' Markdown,
so the fast path changes nothing a reader sees and `briefings build --markdown` stays the faithful
source (but for the table of contents, where the plugin, on either path, also lists the headings
written as HTML blocks); with other settings the plugin takes the normal path."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config

from build_tools.plugin.pages import FAST_PATH_MARKDOWN, fast_path_fits
from build_tools.validate import validate_repository

from .conftest import REPO
from .site_helpers import build_site, site_of

_BETWEEN_TAGS = re.compile(r">\s+<")


def _site_config():
    return load_config(str(REPO / "mkdocs.yml"))


def _pages():
    corpus = validate_repository(REPO).corpus
    return list(site_of(corpus).pages())


def test_the_sites_markdown_settings_are_those_of_the_fast_path() -> None:
    config = _site_config()
    assert fast_path_fits(config), (config.markdown_extensions, config.mdx_configs)


@pytest.mark.parametrize("page", _pages(), ids=lambda p: p.src_uri)
def test_fast_html_equals_python_markdown(page) -> None:
    config = _site_config()
    body = page.markdown().split("---\n", 2)[2]
    converter = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    slow = converter.convert(body)
    fast, toc = page.html()
    assert _BETWEEN_TAGS.sub("><", fast) == _BETWEEN_TAGS.sub("><", slow)
    slow_toc = [(t["level"], t["id"], t["name"]) for t in converter.toc_tokens]
    # headings in the page's own words (two languages) are HTML blocks with fixed ids, which
    # Python-Markdown passes through without listing them; the fast path lists them too
    markdown_headings = [(t.level, t.id, t.label) for t in toc if not t.label.startswith("<")]
    assert markdown_headings == slow_toc
    assert all(f'id="{t.id}"' in fast for t in toc)


def test_other_markdown_settings_take_the_normal_path(repo_copy: Path, tmp_path: Path) -> None:
    """A site whose toc permalinks are `§` gets them on the Markdown headings of generated pages;
    its detail pages go through Python-Markdown, and their table of contents still lists the
    headings written as HTML blocks (which Python-Markdown passes through unlisted), as the fast
    path's does."""
    config_file = repo_copy / "mkdocs.yml"
    text = config_file.read_text(encoding="utf-8")
    assert "permalink: true" in text
    config_file.write_text(text.replace("permalink: true", 'permalink: "§"'), encoding="utf-8")
    assert not fast_path_fits(load_config(str(config_file)))
    assert set(FAST_PATH_MARKDOWN) == {"toc", "tables", "fenced_code"}
    site = tmp_path / "site"
    done = build_site(repo_copy, site)
    assert done.returncode == 0, done.stderr
    timeline = (site / "timeline" / "index.html").read_text("utf-8")
    assert 'class="headerlink" href="#2007" title="Permanent link">§</a>' in timeline
    page = (site / "briefings" / "macron-opposes-nato-office-in-japan" / "index.html").read_text("utf-8")
    assert 'id="summary"' in page
    assert _toc_targets(page)[:2] == ["#summary", "#key-quotes"]
    assert "#2007" in _toc_targets(timeline)  # a Markdown heading, listed by Python-Markdown


def _toc_targets(page: str) -> list[str]:
    toc = page[page.index('<nav class="md-nav md-nav--secondary"') :]
    return re.findall(r'<a href="(#[^"]+)" class="md-nav__link">', toc[: toc.index("</nav>")])


def test_section_pages_list_their_headings_written_as_html(published_site: Path) -> None:
    """Section pages (on the fast path, as detail pages) list in their table of contents the headings in
    two languages (HTML blocks) as a detail page's does."""
    actors = (published_site / "actors" / "index.html").read_text("utf-8")
    assert _toc_targets(actors) == ["#people", "#organizations", "#states"]
    briefing = (
        published_site / "briefings" / "macron-opposes-nato-office-in-japan" / "index.html"
    ).read_text("utf-8")
    assert _toc_targets(briefing)[:2] == ["#summary", "#key-quotes"]
