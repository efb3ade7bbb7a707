"""Work that follows a preview's rebuild in the background, so that the reload does not wait for it.

Under `mkdocs serve --dirty` the open data files (/data/: tables, database, annotations) are made
again after the pages are written (at 10,000 briefings that took 0.7 s of each rebuild, for files
nobody looks at while editing), and then the rebuild's garbage is collected (`heap`). One job runs
at a time; a job asked for while one runs replaces any still waiting, since only the newest state
counts (each job compares with what the last one wrote, not with the build that asked for it).
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from ..data import DataCache, DataFile
from ..render.kind import SiteData
from ..render.urls import Links


class Later:
    """One background thread at a time, running the newest job."""

    def __init__(self, failure: str, log: logging.Logger) -> None:
        self.failure, self.log = failure, log  # what an error means: "the open data was not updated"
        self._lock = threading.Lock()
        self._pending: Callable[[], None] | None = None
        self._thread: threading.Thread | None = None

    def run(self, job: Callable[[], None]) -> None:
        with self._lock:
            self._pending = job
            if self._thread is None:
                self._thread = threading.Thread(target=self._work, name="briefings-later", daemon=True)
                self._thread.start()

    def _work(self) -> None:
        while True:
            with self._lock:
                job, self._pending = self._pending, None
                if job is None:
                    self._thread = None
                    return
            try:
                job()
            except OSError as error:
                self.log.error("briefings: %s: %s", self.failure, error)
            except Exception as error:  # noqa: BLE001 (a bug: said, and the jobs that follow still run)
                self.log.error("briefings: %s: %r", self.failure, error)

    def wait(self, timeout: float = 120) -> None:
        """Let the running job end (before the server removes the folder it writes into)."""
        with self._lock:
            self._pending = None
            thread = self._thread
        if thread is not None:
            thread.join(timeout=timeout)


def write_data(cache: DataCache, data: SiteData, links: Links, site_dir: Path) -> None:
    """The open data of `data` into a published site: only the files whose bytes changed since the
    cache's last build are written (each replaced whole, never seen half-written), and the files
    it no longer has are removed."""
    if not site_dir.is_dir():
        return
    built = cache.build(data, links)
    _write(site_dir, (file for file in built.files if file.path in built.changed))
    for path in built.removed:
        (site_dir / path).unlink(missing_ok=True)


def _write(site_dir: Path, files: Iterable[DataFile]) -> None:
    for file in files:
        target = site_dir / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.partial")
        partial.write_bytes(file.content)
        os.replace(partial, target)
