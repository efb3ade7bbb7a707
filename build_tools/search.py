"""Search stage: the site's search documents -> one Pagefind bundle per language.

Pagefind (https://pagefind.app) stems each index in its own language (Indonesian included, which
lunr, Material's built-in search, lacks) and splits the index into small chunks, so a query
downloads a few hundred kilobytes however large the site. The `pagefind-bin` package (PyPI) ships
its executable; nothing is fetched at build time. The documents are written as HTML files into a
scratch folder and the executable indexes them once per language (its Python API answers one
message per 100 ms, which is minutes at 10,000 briefings).

Bundles go to `<site>/pagefind/<language>/`, listed in `<site>/pagefind/bundles.json`. They are
written into a fresh folder and swapped in only when complete, so a browser never sees half an
index. The search page queries every bundle with its own copy of Pagefind,
ranking the results of all of them together. Pagefind's own search interfaces are not used (the site has its
own, `assets/briefings-search.js`) and are removed from the bundles.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pagefind_bin import get_executable

from .render.search import ENGLISH, SearchDocument

BUNDLE_DIR = "pagefind"
MANIFEST = "bundles.json"
#: files of Pagefind's ready-made interfaces, which the site does not use
_UNUSED = ("pagefind-ui.*", "pagefind-*-ui.*", "pagefind-highlight.js")


class SearchIndexError(Exception):
    """Pagefind could not be run or failed."""


@dataclass(frozen=True)
class SearchBundles:
    languages: tuple[str, ...]  # English first: the bundle the search page loads first
    documents: int
    bytes: int


def write_search_bundles(documents: Iterable[SearchDocument], site_dir: Path) -> SearchBundles:
    """Index `documents` into `site_dir/pagefind/<language>/`, replacing what was there.

    Each document is written to the scratch folder as it comes, so an iterator of documents is
    never held in memory all at once."""
    site_dir.mkdir(parents=True, exist_ok=True)
    target = site_dir / BUNDLE_DIR
    staging = Path(tempfile.mkdtemp(prefix=".pagefind-", dir=site_dir))
    count = 0
    try:
        with tempfile.TemporaryDirectory(prefix="briefings-search-") as scratch:
            languages: set[str] = set()
            for document in documents:
                path = Path(scratch) / document.language / _file_path(document.url)
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(document.html, encoding="utf-8")
                languages.add(document.language)
                count += 1
            ordered = sorted(languages, key=lambda code: (code != ENGLISH, code))
            for language in ordered:
                _run_pagefind(Path(scratch) / language, staging / language, language)
                for pattern in _UNUSED:
                    for unused in (staging / language).glob(pattern):
                        unused.unlink()
        manifest = {"languages": ordered}
        (staging / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
        size = sum(f.stat().st_size for f in staging.rglob("*") if f.is_file())
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return SearchBundles(tuple(ordered), count, size)


def _file_path(url: str) -> str:
    """The file that MkDocs publishes at `url` (`briefings/x/` or `briefings/x.html`)."""
    return url + "index.html" if url == "" or url.endswith("/") else url


def _run_pagefind(source: Path, output: Path, language: str) -> None:
    try:
        executable = get_executable()
        completed = subprocess.run(
            [str(executable), "--site", str(source), "--output-path", str(output),
             "--force-language", language, "--silent"],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
    except (OSError, FileNotFoundError) as error:
        raise SearchIndexError(f"cannot run Pagefind: {error}") from error
    if completed.returncode != 0:
        details = (completed.stderr or completed.stdout).strip()
        raise SearchIndexError(
            f"Pagefind failed (exit {completed.returncode})"
            + (f": {details}" if details else ", printing nothing; run it by hand to see why")
        )
