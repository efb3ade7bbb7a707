"""What the publishing workflow builds: the real address from GitHub Pages (absolute feed links, a
sitemap of every page), files a web server running as another user can read; local builds stay
relative."""

from __future__ import annotations

import re
import stat
from pathlib import Path

import pytest
import yaml
from mkdocs.config import load_config

from build_tools.render.search import SearchDocument
from build_tools.search import write_search_bundles

from .conftest import REPO
from .site_helpers import PUBLISHED_ADDRESS, SITE_URL_VARIABLE, build_site, umask

PUBLISH = REPO / ".github" / "workflows" / "publish.yml"
VARIABLE = SITE_URL_VARIABLE
ADDRESS = PUBLISHED_ADDRESS


@pytest.fixture(scope="module")
def local_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("local") / "site"
    done = build_site(REPO, site, site_url=None)
    assert done.returncode == 0, done.stderr
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


# --- file modes -------------------------------------------------------------------------------


def _modes(root: Path) -> dict[str, set[str]]:
    """Relative paths by mode ('dir 755', 'file 644', ...) of everything under `root`."""
    found: dict[str, set[str]] = {}
    for path in [root, *root.rglob("*")]:
        info = path.lstat()
        kind = "dir" if stat.S_ISDIR(info.st_mode) else "file" if stat.S_ISREG(info.st_mode) else "other"
        found.setdefault(f"{kind} {stat.S_IMODE(info.st_mode):o}", set()).add(
            path.relative_to(root).as_posix()
        )
    return found


def test_everything_published_is_readable_by_others(published_site: Path) -> None:
    modes = _modes(published_site)
    assert set(modes) == {"dir 755", "file 644"}, {mode: sorted(paths)[:5] for mode, paths in modes.items()}
    assert {"pagefind", "pagefind/en", "pagefind/id"} <= modes["dir 755"]
    assert "pagefind/bundles.json" in modes["file 644"]


def test_the_search_index_is_no_more_open_than_the_umask_allows(tmp_path: Path) -> None:
    documents = [
        SearchDocument("briefings/a/", "en", "<html><body><h1>Veto</h1><p>deadlocked</p></body></html>"),
        SearchDocument("briefings/b/", "id", "<html><body><h1>Veto</h1><p>buntu</p></body></html>"),
    ]
    site = tmp_path / "site"
    with umask(0o027):
        write_search_bundles(documents, site)
    modes = _modes(site / "pagefind")
    assert set(modes) == {"dir 750", "file 640"}, modes
    assert len(modes["file 640"]) > 4
