"""What the publishing workflow builds: the real address from GitHub Pages (absolute feed links, a
sitemap of every page); local builds stay relative."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from mkdocs.config import load_config

from .conftest import REPO
from .site_helpers import SITE_URL_VARIABLE, build_site

PUBLISH = REPO / ".github" / "workflows" / "publish.yml"
VARIABLE = SITE_URL_VARIABLE
ADDRESS = "https://example.github.io/briefings/"


@pytest.fixture(scope="module")
def local_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("local") / "site"
    done = build_site(REPO, site, site_url=None)
    assert done.returncode == 0, done.stderr
    return site


@pytest.fixture(scope="module")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("published") / "site"
    done = build_site(REPO, site, site_url=ADDRESS)
    assert done.returncode == 0, done.stderr
    assert "WARNING" not in done.stderr, done.stderr
    return site


# --- the workflow -------------------------------------------------------------------------------


def test_the_publishing_build_gets_the_address_from_configure_pages() -> None:
    steps = yaml.load(PUBLISH.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["jobs"]["build"]["steps"]
    pages = next(
        i for i, step in enumerate(steps) if step.get("uses", "").startswith("actions/configure-pages@")
    )
    build = next(i for i, step in enumerate(steps) if "mkdocs build --strict" in step.get("run", ""))
    assert pages < build, "configure-pages must run before the build, in the same job"
    step_id = steps[pages]["id"]
    assert steps[build]["env"] == {VARIABLE: f"${{{{ steps.{step_id}.outputs.base_url }}}}"}
    # an empty address fails the build instead of publishing relative links
    assert re.search(rf'if \[ -z "\${VARIABLE}" \]; then\n.*\n\s*exit 1', steps[build]["run"])


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, None), ("", None), ("https://example.github.io/briefings", ADDRESS)],
    ids=["unset", "empty", "set"],
)
def test_mkdocs_reads_site_url_from_the_environment(
    value: str | None, expected: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    if value is None:
        monkeypatch.delenv(VARIABLE, raising=False)
    else:
        monkeypatch.setenv(VARIABLE, value)
    assert load_config(str(REPO / "mkdocs.yml")).site_url == expected


# --- the builds -------------------------------------------------------------------------------


def _pages(site: Path) -> set[str]:
    """The address of every page of the site but the 404 page, relative to the site."""
    pages = {path.relative_to(site).as_posix() for path in site.rglob("index.html")}
    return {page.removesuffix("index.html") for page in pages}


def test_a_local_build_stays_relative(local_site: Path) -> None:
    sitemap = (local_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>" not in sitemap
    feed = (local_site / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
    assert 'href="../briefings/macron-opposes-nato-office-in-japan/"' in feed
    assert "https://example" not in feed


def test_a_published_build_has_absolute_feed_links_and_a_sitemap_of_every_page(published_site: Path) -> None:
    feed = (published_site / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
    assert f'href="{ADDRESS}briefings/macron-opposes-nato-office-in-japan/"' in feed
    links = re.findall(r'href="([^"]*)"', feed)
    assert links and all(link.startswith(ADDRESS) for link in links), links
    sitemap = (published_site / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>([^<]*)</loc>", sitemap)
    assert len(_pages(published_site)) > 30
    assert {loc.removeprefix(ADDRESS) for loc in locations} == _pages(published_site)
