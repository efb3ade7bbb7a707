from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite the expected output of golden cases from what the code prints now",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture(scope="session")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed site as the publishing workflow builds it: with its address (`PUBLISHED_ADDRESS`),
    under the usual umask; built once for every test that reads it."""
    from .site_helpers import PUBLISHED_ADDRESS, build_site, umask

    site = tmp_path_factory.mktemp("published") / "site"
    with umask(0o022):
        done = build_site(REPO, site, site_url=PUBLISHED_ADDRESS)
    assert done.returncode == 0, done.stderr
    assert "WARNING" not in done.stderr, done.stderr
    return site


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    """A scratch copy of the repository's annotations, articles and site config."""
    root = tmp_path / "repo"
    root.mkdir()
    for folder in ("briefings", "seeds", "docs"):
        shutil.copytree(REPO / folder, root / folder)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


@pytest.fixture(autouse=True)
def no_unexpected_warnings(caplog: pytest.LogCaptureFixture, request: pytest.FixtureRequest):
    """Fail any test that logs a warning or error it did not declare with `expected_warnings`."""
    caplog.set_level(logging.WARNING)
    yield
    marker = request.node.get_closest_marker("expected_warnings")
    allowed = marker.args if marker else ()
    unexpected = [
        r.getMessage()
        for r in caplog.records
        if r.levelno >= logging.WARNING and not any(a in r.getMessage() for a in allowed)
    ]
    assert not unexpected, f"unexpected log warnings: {unexpected}"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "expected_warnings(*substrings): log warnings this test expects")


@pytest.fixture(autouse=True)
def validation_cache_in_a_scratch_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`briefings validate` keeps a cache in the user's cache folder; tests keep theirs apart."""
    monkeypatch.setenv("BRIEFINGS_CACHE_DIR", str(tmp_path_factory.mktemp("validation-cache")))
