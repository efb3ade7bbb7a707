"""Smoke test of benchmarks/build.py on a tiny corpus: it runs, reports, and its corpus validates.

No timing assertions: only that the figures exist and are positive.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from build_tools.validate import validate_repository

from .conftest import REPO
from .site_helpers import run_python

POSITIVE = (
    "briefings",
    "pages",
    "yaml_build_s",
    "markdown_build_s",
    "ratio",
    "peak_mib",
    "markdown_peak_mib",
    "build_process_peak_mib",
    "search_indexer_peak_mib",
    "yaml_pages_per_s",
    "markdown_pages_per_s",
    "load_s",
    "validate_s",
    "link_s",
    "render_s",
    "data_s",
    "pipeline_s",
    "generator_share",
    "site_bytes",
    "site_files",
    "search_index_bytes",
)


def test_benchmark_smoke(tmp_path: Path) -> None:
    keep = tmp_path / "bench"
    done = run_python(
        [str(REPO / "benchmarks" / "build.py"), "--briefings", "12", "--keep", str(keep)], REPO, timeout=120
    )
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    for key in POSITIVE:
        assert key in figures, key
        assert figures[key] > 0, (key, figures[key])
    assert figures["briefings"] == 12
    assert isinstance(figures["same_output"], bool)  # a finding about the plugin, not asserted here
    assert set(figures["stage_share"]) == {"load", "validate", "link", "render", "data", "search"}

    result = validate_repository(keep / "yaml")
    assert not result.problems
    assert len(result.corpus.briefings) == 12
    assert (keep / "markdown" / "mkdocs.yml").is_file()
    assert (keep / "markdown" / "docs" / "assets" / "briefings.css").is_file()
    assert (keep / "markdown" / "docs" / "data" / "quotes.jsonl").is_file()  # the open data too
    assert len(list((keep / "markdown" / "docs" / "briefings").glob("*.md"))) == 12 + 1  # and the index


def test_benchmark_corpus_is_deterministic(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import synth
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    first, second = tmp_path / "a", tmp_path / "b"
    synth.generate(first, 5, seed=7)
    synth.generate(second, 5, seed=7)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)
    assert not validate_repository(first).problems


def test_hostile_benchmark_smoke() -> None:
    cases = ["year-0000", "20000-aliases"]
    done = run_python([str(REPO / "benchmarks" / "hostile.py"), "--only", *cases], REPO, timeout=180)
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert [case["case"] for case in figures["cases"]] == cases
    assert all(case["exit"] == 1 and case["seconds"] > 0 for case in figures["cases"])
    assert "from 1800 to 2100" in figures["cases"][0]["says"]
    assert "aliases: too many entries: 20,000 (at most 100)" in figures["cases"][1]["says"]
