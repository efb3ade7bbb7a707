"""The search stage inside a real MkDocs build: Pagefind runs while MkDocs writes the pages, the
build waits for it, and a Pagefind failure fails the build with a clear message and no leftovers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

import build_tools.search as search_module


def _build(repo: Path, site: Path) -> None:
    config = load_config(str(repo / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)


def test_the_build_waits_for_the_index(repo_copy: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    _build(repo_copy, site)
    manifest = json.loads((site / "pagefind" / "bundles.json").read_text(encoding="utf-8"))
    assert manifest["languages"] == ["en", "id"]
    for language in manifest["languages"]:
        entry = json.loads((site / "pagefind" / language / "pagefind-entry.json").read_text("utf-8"))
        assert sum(info["page_count"] for info in entry["languages"].values()) > 0
    assert not list(site.glob(".pagefind-*")), "the staging folder was left behind"


@pytest.mark.expected_warnings("Pagefind failed")
def test_a_failing_indexer_fails_the_build(
    repo_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(search_module, "get_executable", lambda: Path("/bin/false"))
    site = tmp_path / "site"
    with pytest.raises(Abort):
        _build(repo_copy, site)
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert errors == ["Pagefind failed (exit 1), printing nothing; run it by hand to see why"]
    assert not (site / "pagefind").exists()
    assert not list(site.glob(".pagefind-*")), "the staging folder was left behind"
