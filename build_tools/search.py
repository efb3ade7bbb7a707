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

import contextlib
import json
import logging
import os
import secrets
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pagefind_bin import get_executable

from .render.labels import ENGLISH
from .render.search import SearchDocument

BUNDLE_DIR = "pagefind"
MANIFEST = "bundles.json"
#: how much of the word index one file holds (Pagefind counts a word's places in the pages it is
#: on, plus one per page): a query fetches the file of each of its words in each language, so
#: smaller files cut what a query downloads (at 10,000 briefings: median 138 KB -> 104 KB, largest
#: 351 KB -> 224 KB, benchmarks/search.py) for a list of files 2 KB longer, fetched once.
#: Pagefind's default is 20,000; it reads the value from PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE, an
#: option it may rename (pagefind-bin is pinned; tests/test_search_bundles.py checks it still works).
INDEX_CHUNK_SIZE = 3000
#: files of Pagefind's ready-made interfaces, which the site does not use
_UNUSED = ("pagefind-ui.*", "pagefind-*-ui.*", "pagefind-highlight.js")


class SearchIndexError(Exception):
    """Pagefind could not be run or failed."""


@dataclass(frozen=True)
class SearchBundles:
    languages: tuple[str, ...]  # English first: the bundle the search page loads first
    documents: int
    bytes: int


@dataclass(frozen=True)
class StagedDocuments:
    """Search documents written out as HTML files, one folder per language, ready for Pagefind."""

    folder: Path  # a scratch folder of its own, removed by `index_staged`
    languages: tuple[str, ...]  # English first: the bundle the search page loads first
    count: int


def write_search_bundles(documents: Iterable[SearchDocument], site_dir: Path) -> SearchBundles:
    """Index `documents` into `site_dir/pagefind/<language>/`, replacing what was there."""
    return index_staged(stage_documents(documents), site_dir)


def stage_documents(documents: Iterable[SearchDocument]) -> StagedDocuments:
    """Write each document to a new scratch folder as it comes, so an iterator of documents is
    never held in memory all at once."""
    folder = Path(tempfile.mkdtemp(prefix="briefings-search-"))
    languages: set[str] = set()
    count = 0
    try:
        for document in documents:
            path = folder / document.language / _file_path(document.url)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(document.html, encoding="utf-8")
            languages.add(document.language)
            count += 1
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    ordered = tuple(sorted(languages, key=lambda code: (code != ENGLISH, code)))
    return StagedDocuments(folder, ordered, count)


def index_staged(staged: StagedDocuments, site_dir: Path, *, threads: int | None = None) -> SearchBundles:
    """Run Pagefind on staged documents (with at most `threads` threads), swap the bundles into
    `site_dir/pagefind/` once complete, and remove the scratch folder."""
    try:
        return _index_folder(staged, site_dir, threads)
    finally:
        shutil.rmtree(staged.folder, ignore_errors=True)


def _index_folder(
    staged: StagedDocuments, site_dir: Path, threads: int | None, background: bool = False
) -> SearchBundles:
    target = site_dir / BUNDLE_DIR
    site_dir.mkdir(parents=True, exist_ok=True)
    # not mkdtemp, whose folder (mode 0700) would be published unreadable to a web server
    # running as another user: mkdir gives the umask's usual mode, as MkDocs' own folders
    staging = site_dir / f".pagefind-{secrets.token_hex(8)}"
    staging.mkdir()
    try:
        for language in staged.languages:
            _run_pagefind(staged.folder / language, staging / language, language, threads, background)
            for pattern in _UNUSED:
                for unused in (staging / language).glob(pattern):
                    unused.unlink()
        manifest = {"languages": list(staged.languages)}
        (staging / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
        size = sum(f.stat().st_size for f in staging.rglob("*") if f.is_file())
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return SearchBundles(staged.languages, staged.count, size)


class SyncedFolder:
    """A scratch folder of search documents kept in step across the rebuilds of `mkdocs serve`:
    each sync rewrites only the files whose text changed and deletes those no longer wanted, so
    an edit costs the writing of its own pages' documents, not of all of them (at 10,000
    briefings, 27,000 files written by a background thread that competes with the next rebuild
    for the interpreter)."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="briefings-search-"))
        self._files: dict[Path, str] = {}  # path -> the text written there

    def sync(self, documents: Iterable[SearchDocument]) -> StagedDocuments:
        wanted: dict[Path, str] = {}
        for document in documents:
            wanted[Path(document.language) / _file_path(document.url)] = document.html
        for path in self._files.keys() - wanted.keys():
            (self.folder / path).unlink(missing_ok=True)
        for path, html in wanted.items():
            if self._files.get(path) != html:
                (self.folder / path).parent.mkdir(parents=True, exist_ok=True)
                (self.folder / path).write_text(html, encoding="utf-8")
        self._files = wanted
        languages = {path.parts[0] for path in wanted}
        ordered = tuple(sorted(languages, key=lambda code: (code != ENGLISH, code)))
        return StagedDocuments(self.folder, ordered, len(wanted))

    def index(self, documents: Iterable[SearchDocument], site_dir: Path) -> SearchBundles:
        try:
            staged = self.sync(documents)
        except OSError:
            self._files = {}  # written in part: rewrite everything next time
            raise
        # one thread, at a lower priority: the preview's rebuilds come first
        return _index_folder(staged, site_dir, 1, background=True)

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
        self._files = {}


def _file_path(url: str) -> str:
    """The file that MkDocs publishes at `url` (`briefings/x/` or `briefings/x.html`)."""
    return url + "index.html" if url == "" or url.endswith("/") else url


def _run_pagefind(
    source: Path, output: Path, language: str, threads: int | None, background: bool = False
) -> None:
    """Pagefind on one language's documents; `background`: at a lower priority (`nice`, whose
    niceness all of Pagefind's threads inherit), so that a preview's rebuild is not slowed by it."""
    env = {**os.environ, "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": str(INDEX_CHUNK_SIZE)}
    if threads:  # Pagefind parallelises with rayon, which reads RAYON_NUM_THREADS
        env["RAYON_NUM_THREADS"] = str(threads)
    nice = shutil.which("nice") if background else None
    try:
        executable = get_executable()
        completed = subprocess.run(
            [*([nice, "-n", "10"] if nice else []), str(executable), "--site", str(source),
             "--output-path", str(output), "--force-language", language, "--silent"],
            capture_output=True, text=True, check=False, env=env,
        )  # fmt: skip
    except (OSError, FileNotFoundError) as error:
        raise SearchIndexError(f"cannot run Pagefind: {error}") from error
    if completed.returncode != 0:
        details = (completed.stderr or completed.stdout).strip()
        raise SearchIndexError(
            f"Pagefind failed (exit {completed.returncode})"
            + (f": {details}" if details else ", printing nothing; run it by hand to see why")
        )


class SearchIndexer:
    """Writes the search bundles, Pagefind running in a background thread.

    A build stages the documents as soon as its pages are known (`start`, from on_files: Python
    work, done in the main thread, since a second Python thread would fight it for the GIL) and
    Pagefind then indexes them on the second core, limited to one thread, while MkDocs renders and
    writes the pages; `finish` (on_post_build) waits for it. Under serve (`later`) the newest
    request wins and nothing waits for it, so a reload never waits for the index; its documents
    stay staged between rebuilds (`SyncedFolder`), rewritten only where they changed."""

    def __init__(self, log: logging.Logger) -> None:
        self._log = log
        self._lock = threading.Lock()
        self._pending: tuple[list[SearchDocument], Path] | None = None
        self._thread: threading.Thread | None = None
        self._build: threading.Thread | None = None
        self._build_error: Exception | None = None
        self._synced: SyncedFolder | None = None  # under serve

    def start(self, documents: Iterable[SearchDocument], site_dir: Path) -> None:
        self.finish_quietly()
        self._build_error = None
        try:
            staged = stage_documents(documents)
        except OSError as error:
            self._build_error = error
            return

        def work() -> None:
            try:
                self._report(index_staged(staged, site_dir, threads=1))
            except (SearchIndexError, OSError) as error:
                self._build_error = error

        self._build = threading.Thread(target=work, name="briefings-search-build", daemon=True)
        self._build.start()

    def finish(self) -> None:
        """Wait for the index `start` began; raise what went wrong."""
        thread, self._build = self._build, None
        if thread is not None:
            thread.join()
        error, self._build_error = self._build_error, None
        if isinstance(error, SearchIndexError):
            raise error
        if error is not None:
            raise SearchIndexError(f"cannot write the search index: {error}") from error

    def finish_quietly(self) -> None:
        """After a failed build: let Pagefind end (it writes into a scratch folder) and drop its result."""
        with contextlib.suppress(SearchIndexError):
            self.finish()

    def later(self, documents: list[SearchDocument], site_dir: Path) -> None:
        with self._lock:
            self._pending = (documents, site_dir)
            if self._thread is None:
                self._thread = threading.Thread(target=self._work, name="briefings-search", daemon=True)
                self._thread.start()

    def _work(self) -> None:
        while True:
            with self._lock:
                job, self._pending = self._pending, None
                if job is None:
                    self._thread = None
                    return
            documents, site_dir = job
            try:
                if site_dir.is_dir():
                    if self._synced is None:
                        self._synced = SyncedFolder()
                    self._report(self._synced.index(documents, site_dir))
            except (SearchIndexError, OSError) as error:
                self._log.error("briefings: the search index was not updated: %s", error)

    def wait(self) -> None:
        self.finish_quietly()
        thread = self._thread
        if thread is not None:
            thread.join(timeout=120)
        if self._synced is not None and self._thread is None:
            self._synced.remove()
            self._synced = None

    def _report(self, bundles: SearchBundles) -> None:
        self._log.info(
            "briefings: search index of %d documents in %s: %.1f MiB",
            bundles.documents, ", ".join(bundles.languages), bundles.bytes / 2**20,
        )  # fmt: skip
